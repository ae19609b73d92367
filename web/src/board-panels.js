// The room and provider panels beside the columns. The snapshot gives every row; a panels event gives the rows
// that changed, each replacing the row with its key (a room's clinic and name — two clinics may both have an EXAM-1 —,
// a provider's id).
import { h } from './dom.js';
import { duration } from './format.js';
import { inNextFrame } from './frame.js';

/** EXAM-2 before EXAM-10. */
const order = new Intl.Collator('en', { numeric: true });

export class Panels {
  constructor({ rooms, providers, roomsSummary, providersSummary, clock, labels }) {
    this.clock = clock;
    this.labels = labels;
    this.rooms = new PanelList(rooms, roomsSummary, {
      keyOf: (row) => `${row.clinic ?? ''}\u0000${row.room}`,
      attributesOf: (row) => ({ 'data-room': row.room, 'data-clinic': row.clinic ?? '', 'data-status': row.status }),
      textsOf: (row) => ({ name: row.room, state: row.status, detail: row.clinic ?? '', sortKey: `${row.clinic ?? ''}\u0000${row.room}` }),
      summary: (counts) => `${counts.occupied ?? 0} of ${counts.all} occupied`,
    });
    this.providers = new PanelList(providers, providersSummary, {
      keyOf: (row) => row.providerId,
      attributesOf: (row) => ({ 'data-provider-id': row.providerId, 'data-status': row.status }),
      textsOf: (row) => ({
        name: labels.label(row.providerId),
        state: row.status === 'with-patient' ? 'with patient' : row.status,
        detail: row.waiting > 0 ? `${row.waiting} waiting` : '',
        warn: row.waiting > 0,
        sortKey: `${row.clinic ?? ''}\u0000${labels.label(row.providerId)}`,
      }),
      summary: (counts) => `${counts['with-patient'] ?? 0} of ${counts.all} with a patient`,
    });
    this.pending = [];
    this.applyJob = () => this.apply();
    this.tickJob = () => this.tickNow();
  }

  load(rooms = [], providers = []) {
    this.pending = [];
    this.rooms.clear();
    this.providers.clear();
    this.rooms.merge(rooms);
    this.providers.merge(providers);
    this.tickNow();
  }

  /** Changed rows, applied at the next frame. */
  change(rooms = [], providers = []) {
    this.pending.push([rooms, providers]);
    inNextFrame(this.applyJob);
  }

  apply() {
    for (const [rooms, providers] of this.pending) {
      this.rooms.merge(rooms);
      this.providers.merge(providers);
    }
    this.pending = [];
    this.tickNow();
  }

  /** Provider names arrived: the provider rows show them. */
  relabel() {
    this.providers.rerender();
  }

  /** Time passed: the rows' "since" times, at the next frame. */
  tick() {
    inNextFrame(this.tickJob);
  }

  tickNow() {
    const now = this.clock.now();
    this.rooms.tick(now);
    this.providers.tick(now);
  }
}

/** One panel's rows: shape gives a row's key, its attributes (the test hooks), its texts and the panel's summary. */
class PanelList {
  constructor(list, summary, shape) {
    this.list = list;
    this.summaryElement = summary;
    this.shape = shape;
    this.rows = new Map();
    this.byElement = new WeakMap();
  }

  clear() {
    this.rows.clear();
    this.list.replaceChildren();
    this.summarise();
  }

  merge(changed) {
    for (const data of changed) {
      const key = this.shape.keyOf(data);
      let row = this.rows.get(key);
      if (!row) {
        row = { element: h('li', { class: 'panel-row' }), data: null, sortKey: null, since: '' };
        this.rows.set(key, row);
        this.byElement.set(row.element, row);
      }
      this.render(row, data);
    }
    if (changed.length > 0) this.summarise();
  }

  rerender() {
    for (const row of this.rows.values()) this.render(row, row.data);
  }

  render(row, data) {
    row.data = data;
    for (const [name, value] of Object.entries(this.shape.attributesOf(data))) row.element.setAttribute(name, value);
    const texts = this.shape.textsOf(data);
    row.sinceElement = h('span', { class: 'row-since' });
    row.since = '';
    row.element.title = [texts.name, texts.state, data.clinic ? `clinic ${data.clinic}` : null].filter(Boolean).join(' · ');
    row.element.replaceChildren(
      h('span', { class: 'row-state' }, h('span', {}, texts.state)),
      h('span', { class: 'row-name' }, texts.name),
      h('span', { class: `row-detail${texts.warn ? ' waiting' : ''}` }, texts.detail),
      row.sinceElement);
    if (texts.sortKey !== row.sortKey) {
      row.sortKey = texts.sortKey;
      row.element.remove();
      const after = [...this.list.children].find((element) => order.compare(this.byElement.get(element).sortKey, row.sortKey) > 0);
      this.list.insertBefore(row.element, after ?? null);
    }
  }

  tick(now) {
    for (const row of this.rows.values()) {
      const since = row.data.since ? duration((now - Date.parse(row.data.since)) / 1000) : '';
      if (since !== row.since) {
        row.since = since;
        row.sinceElement.textContent = since;
      }
    }
  }

  summarise() {
    const counts = { all: this.rows.size };
    for (const row of this.rows.values()) counts[row.data.status] = (counts[row.data.status] ?? 0) + 1;
    this.summaryElement.textContent = this.rows.size > 0 ? this.shape.summary(counts) : '';
  }
}
