// Tracking holds no names. For front desk and clinicians the board asks scheduling for short display names
// ("Ada E.") of the patients on it, once per patient; other roles see a short reference and never ask (scheduling
// refuses them anyway).
import { getJson, role } from './auth.js';

const rolesSeeingNames = new Set(['front-desk', 'clinician']);
/** Scheduling names at most this many patients per request. */
const batchSize = 200;

/** "#" and the last 8 hex digits of the id: its random part (the first ones of a version 7 id are a timestamp). */
export function patientReference(patientId) {
  return `#${patientId.replace(/-/g, '').slice(-8)}`;
}

export class PatientNames {
  /** onNamed(names: Map patientId → name): called with each answer. */
  constructor(onNamed) {
    this.onNamed = onNamed;
    this.names = new Map();
    this.wanted = new Set();
    this.timer = 0;
    this.refused = false;
    this.seesNames = false;
  }

  get allowed() {
    return this.seesNames && !this.refused;
  }

  /** After a sign-in: another role may see names or not. */
  reset() {
    this.names.clear();
    this.wanted.clear();
    this.refused = false;
    this.seesNames = rolesSeeingNames.has(role());
  }

  nameOf(patientId) {
    return this.names.get(patientId) ?? null;
  }

  /** Queues the patient's name when the role sees names and it was not asked for yet; asks in one batch shortly after. */
  want(patientId) {
    if (!this.allowed || this.names.has(patientId) || this.wanted.has(patientId)) return;
    this.wanted.add(patientId);
    this.timer ||= setTimeout(() => this.ask(), 100);
  }

  async ask() {
    this.timer = 0;
    const ids = [...this.wanted];
    this.wanted.clear();
    for (let i = 0; i < ids.length && this.allowed; i += batchSize) {
      const batch = ids.slice(i, i + batchSize);
      // Asked: an unknown patient is not asked for again.
      for (const id of batch) this.names.set(id, null);
      try {
        const answer = await getJson(`/api/scheduling/patients/display-names?ids=${batch.join(',')}`);
        const named = new Map(Object.entries(answer.names ?? {}));
        for (const [id, name] of named) this.names.set(id, name);
        if (named.size > 0) this.onNamed(named);
      } catch (failure) {
        if (failure.status === 403) this.refused = true;
        // Asked again when the card next changes.
        for (const id of batch) this.names.delete(id);
      }
    }
  }
}
