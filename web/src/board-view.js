// The board's columns and cards. Built to stay smooth with thousands of cards: one element per visit, kept in a
// map; a card event touches only its own element; DOM work waits for the next frame (frame.js), where all events
// since the last one are applied together; the once-a-second tick writes only the texts and classes that changed.
import { h } from './dom.js';
import { clock, duration } from './format.js';
import { inNextFrame } from './frame.js';
import { patientReference } from './names.js';

/** The columns, in the order a visit moves through them (the stage names the server uses). */
export const stages = ['booked', 'arrived', 'roomed', 'intake-done', 'with-provider', 'provider-done', 'lab-pending', 'checked-out'];

const titles = {
  booked: 'Booked',
  arrived: 'Arrived',
  roomed: 'Roomed',
  'intake-done': 'Intake done',
  'with-provider': 'With provider',
  'provider-done': 'Provider done',
  'lab-pending': 'Lab pending',
  'checked-out': 'Checked out',
};

/** The clinic clock as the server last gave it, run forward locally at its speed (a simulated day runs faster). */
export class ServerClock {
  constructor() {
    this.set(new Date().toISOString(), 1);
  }

  set(now, speed) {
    this.at = Date.parse(now);
    this.receivedAt = performance.now();
    this.speed = speed > 0 ? speed : 1;
  }

  now() {
    return this.at + (performance.now() - this.receivedAt) * this.speed;
  }
}

export class BoardView {
  constructor(container, { clock: serverClock, labels, names }) {
    this.clock = serverClock;
    this.labels = labels;
    this.names = names;
    this.entries = new Map();
    this.byElement = new WeakMap();
    this.thresholds = new Map();
    this.pending = new Map();
    this.flushJob = () => this.flush();
    this.tickDue = false;
    /** For browser tests and performance checks: event and frame timings, in milliseconds. */
    this.stats = { cardEvents: 0, cardsApplied: 0, flushes: 0, flushMs: 0, flushMaxMs: 0, ticks: 0, tickMs: 0, snapshotMs: 0 };
    this.columns = new Map(stages.map((stage) => {
      const count = h('span', { class: 'column-count', 'data-testid': `count-${stage}` }, '0');
      const body = h('div', { class: 'column-body' });
      const section = h('section', { class: 'column', 'data-testid': `column-${stage}`, 'data-stage': stage },
        h('h2', { class: 'column-head' }, h('span', {}, titles[stage]), count), body);
      container.append(section);
      return [stage, { body, count, cards: 0, shown: 0 }];
    }));
  }

  /** A snapshot replaces everything on the board. */
  load(snapshot) {
    const started = performance.now();
    this.reset();
    this.thresholds = new Map((snapshot.thresholds ?? []).map((threshold) => [threshold.stage, threshold]));
    const stamp = performance.timeOrigin + performance.now();
    const now = this.clock.now();
    const byStage = new Map(stages.map((stage) => [stage, []]));
    for (const card of snapshot.cards ?? []) {
      if (!byStage.has(card.stage)) continue;
      const entry = this.create(card);
      this.fill(entry, card, stamp, now);
      entry.stage = card.stage;
      this.entries.set(card.visitId, entry);
      byStage.get(card.stage).push(entry);
      this.names.want(card.patientId);
    }
    for (const [stage, entries] of byStage) {
      entries.sort((a, b) => a.key - b.key);
      const column = this.columns.get(stage);
      column.body.append(...entries.map((entry) => entry.element));
      column.cards = entries.length;
    }
    this.updateCounts();
    this.stats.snapshotMs = performance.now() - started;
  }

  reset() {
    this.pending.clear();
    this.entries.clear();
    for (const column of this.columns.values()) {
      column.body.replaceChildren();
      column.cards = 0;
    }
    this.updateCounts();
  }

  /** A card event (null: the card left the board). Applied at the next frame; several for one visit collapse. */
  change(visitId, card) {
    this.stats.cardEvents += 1;
    this.pending.set(visitId, card);
    this.schedule();
  }

  /** Time passed: every card's time in stage and colour, at the next frame. */
  tick() {
    this.tickDue = true;
    this.schedule();
  }

  /** Names arrived for some patients: their cards show them. */
  showNames(named) {
    for (const entry of this.entries.values()) {
      if (named.has(entry.card.patientId)) this.fillText(entry);
    }
  }

  /** Provider names arrived: every card's label is rewritten where it changed. */
  refreshText() {
    for (const entry of this.entries.values()) this.fillText(entry);
  }

  schedule() {
    inNextFrame(this.flushJob);
  }

  flush() {
    const started = performance.now();
    if (this.pending.size > 0) {
      const stamp = performance.timeOrigin + performance.now();
      const now = this.clock.now();
      for (const [visitId, card] of this.pending) this.apply(visitId, card, stamp, now);
      this.stats.cardsApplied += this.pending.size;
      this.pending.clear();
      this.updateCounts();
    }
    if (this.tickDue) {
      this.tickDue = false;
      const tickStarted = performance.now();
      const now = this.clock.now();
      for (const entry of this.entries.values()) this.updateTime(entry, now);
      this.stats.ticks += 1;
      this.stats.tickMs += performance.now() - tickStarted;
    }
    const spent = performance.now() - started;
    this.stats.flushes += 1;
    this.stats.flushMs += spent;
    this.stats.flushMaxMs = Math.max(this.stats.flushMaxMs, spent);
  }

  apply(visitId, card, stamp, now) {
    const entry = this.entries.get(visitId);
    if (!card || !this.columns.has(card.stage)) {
      if (entry) {
        entry.element.remove();
        this.columns.get(entry.stage).cards -= 1;
        this.entries.delete(visitId);
      }
      return;
    }
    const target = entry ?? this.create(card);
    const oldKey = target.key;
    this.fill(target, card, stamp, now);
    if (!entry || entry.stage !== card.stage || oldKey !== target.key) {
      if (entry) {
        entry.element.remove();
        this.columns.get(entry.stage).cards -= 1;
      }
      target.stage = card.stage;
      this.insert(this.columns.get(card.stage), target);
    }
    this.entries.set(visitId, target);
    this.names.want(card.patientId);
  }

  /** Keeps each column in order (longest in stage first; booked by start time), scanning from the end, where most go. */
  insert(column, entry) {
    let before = null;
    let node = column.body.lastElementChild;
    while (node && this.byElement.get(node).key > entry.key) {
      before = node;
      node = node.previousElementSibling;
    }
    column.body.insertBefore(entry.element, before);
    column.cards += 1;
  }

  create(card) {
    const who = h('span', { class: 'card-who' });
    const time = h('span', { class: 'card-time', 'data-testid': 'time-in-stage' });
    const meta = h('div', { class: 'card-meta' });
    const badges = h('div', { class: 'card-badges' });
    const element = h('article', { class: 'card level-ok', 'data-visit-id': card.visitId }, h('div', { class: 'card-top' }, who, time), meta, badges);
    const entry = { element, who, time, meta, badges, card, stage: null, key: 0, enteredAt: 0, texts: {}, level: 'level-ok' };
    this.byElement.set(element, entry);
    return entry;
  }

  fill(entry, card, stamp, now) {
    entry.card = card;
    entry.enteredAt = Date.parse(card.stageEnteredAt);
    entry.key = card.stage === 'booked' && card.scheduledAt ? Date.parse(card.scheduledAt) : entry.enteredAt;
    const { dataset } = entry.element;
    dataset.stage = card.stage;
    dataset.receivedAt = String(stamp);
    this.fillText(entry);
    this.updateTime(entry, now);
  }

  fillText(entry) {
    const { card } = entry;
    write(entry, 'who', entry.who, this.names.nameOf(card.patientId) ?? patientReference(card.patientId));
    const meta = [
      card.stage === 'booked' && card.scheduledAt ? clock(card.scheduledAt) : null,
      card.room,
      card.visitType,
      this.labels.label(card.providerId),
    ].filter(Boolean).join(' · ');
    write(entry, 'meta', entry.meta, meta);
    const badges = [
      card.noShow ? ['no-show', 'no-show'] : null,
      card.lateMinutes ? ['late', `late ${card.lateMinutes} min`] : null,
      card.labPending ? ['lab', 'lab pending'] : null,
    ].filter(Boolean);
    const signature = badges.map(([, text]) => text).join('|');
    if (entry.texts.badges !== signature) {
      entry.texts.badges = signature;
      entry.badges.replaceChildren(...badges.map(([kind, text]) => h('span', { class: `badge badge-${kind}` }, text)));
    }
    entry.element.title = card.clinic ? `clinic ${card.clinic}` : '';
  }

  updateTime(entry, now) {
    const seconds = (now - entry.enteredAt) / 1000;
    write(entry, 'time', entry.time, duration(seconds));
    const level = this.levelOf(entry.card.stage, seconds);
    if (level !== entry.level) {
      entry.element.classList.replace(entry.level, level);
      entry.level = level;
    }
  }

  levelOf(stage, seconds) {
    const threshold = this.thresholds.get(stage);
    if (!threshold) return 'level-ok';
    if (seconds >= threshold.redSeconds) return 'level-red';
    if (seconds >= threshold.amberSeconds) return 'level-amber';
    return 'level-ok';
  }

  updateCounts() {
    for (const column of this.columns.values()) {
      if (column.shown !== column.cards) {
        column.shown = column.cards;
        column.count.textContent = String(column.cards);
      }
    }
  }
}

/** Writes the text only when it differs from what the element shows: an unchanged write still costs a layout. */
function write(entry, name, element, text) {
  if (entry.texts[name] !== text) {
    entry.texts[name] = text;
    element.textContent = text;
  }
}
