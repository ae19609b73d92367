// The analytics numbers: tiles, the banner and the tables. Every number shown from the API sits in an element whose
// data-testid is its JSON path (dots between names; an interval's or group's name stands for its array index), and
// is written by format.js's rule for its field.
import { h } from './dom.js';
import { amount, hours, percent } from './format.js';

const fractionFields = new Set(['rate', 'ratio', 'utilisation', 'waitShare', 'share']);
const hourFields = new Set(['meanStayHours']);

/** The format.js rule for a JSON path, by its last name: fractions as percentages, hours to 2 decimals, else amount. */
export function formatterFor(path) {
  const field = path.slice(path.lastIndexOf('.') + 1);
  if (fractionFields.has(field)) return percent;
  if (hourFields.has(field)) return hours;
  return amount;
}

const valueAt = (data, path) => path.split('.').reduce((value, name) => (value == null ? undefined : value[name]), data);

/** A number from the API in its element: <span data-testid="cycle.p90">25</span>. */
export function number(path, value, tag = 'span') {
  return h(tag, { class: 'num', 'data-testid': path }, formatterFor(path)(value));
}

const intervalFields = ['count', 'p50', 'p90', 'p99', 'mean'];
const loadFields = ['queueAtStart', 'queueAtEnd', 'growthPerHour', 'waitMinutes', 'waitShare'];

export class AnalyticsView {
  /** labels: provider ids as names, where a group or hotspot is a provider. */
  constructor(root, labels) {
    this.root = root;
    this.labels = labels;
    this.banner = root.querySelector('[data-testid="bottleneck"]');
    this.intervals = root.querySelector('#intervals tbody');
    this.loads = root.querySelector('#loads tbody');
    this.groups = root.querySelector('#groups');
  }

  /** Fills every static element named by a JSON path (the tiles), then the banner and the tables. */
  show(report) {
    for (const element of this.root.querySelectorAll('.tiles [data-testid]')) {
      const path = element.dataset.testid;
      element.textContent = formatterFor(path)(valueAt(report, path));
    }
    this.showBottleneck(report.bottleneck);
    this.intervals.replaceChildren(...(report.intervals ?? []).map((interval) => h('tr', {},
      h('th', { scope: 'row' }, interval.name),
      h('td', { class: 'muted' }, `${interval.from} → ${interval.to}`),
      ...intervalFields.map((field) => number(`intervals.${interval.name}.${field}`, interval.times?.[field], 'td')))));
    this.loads.replaceChildren(...(report.loads ?? []).map((load) => h('tr', { class: load.interval === report.bottleneck?.interval ? 'hot' : null },
      h('th', { scope: 'row' }, load.interval),
      ...loadFields.map((field) => number(`loads.${load.interval}.${field}`, load[field], 'td')),
      number(`loads.${load.interval}.wait.p90`, load.wait?.p90, 'td'))));
  }

  showBottleneck(bottleneck) {
    this.banner.hidden = !bottleneck;
    if (!bottleneck) {
      this.banner.replaceChildren();
      return;
    }
    const where = (bottleneck.where ?? []).slice(0, 3).map((spot) => h('li', {},
      `${spot.by} ${this.keyLabel(spot.by, spot.key)}: `, number(`bottleneck.where.${spot.by}.${spot.key}.share`, spot.share), ' of the waiting'));
    this.banner.replaceChildren(
      h('p', {}, h('strong', {}, 'Bottleneck: ', h('span', { 'data-testid': 'bottleneck.interval' }, bottleneck.interval)),
        ' — ', h('span', { 'data-testid': 'bottleneck.why' }, bottleneck.why)),
      where.length > 0 ? h('ul', { class: 'hotspots' }, ...where) : null);
  }

  keyLabel(by, key) {
    return by === 'provider' ? this.labels.label(key) : key;
  }

  /** The group-by table: per group its visits and each interval's p50 / p90. */
  showGroups(breakdown) {
    const groups = breakdown.groups ?? [];
    const names = groups[0]?.intervals.map((interval) => interval.name) ?? [];
    if (groups.length === 0) {
      this.groups.replaceChildren(h('caption', {}, `No visits by ${breakdown.groupBy} in this window.`));
      return;
    }
    this.groups.replaceChildren(
      h('caption', {}, `By ${breakdown.groupBy}: p50 / p90 minutes per interval`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, breakdown.groupBy), h('th', { scope: 'col' }, 'visits'),
        ...names.map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, ...groups.map((group) => h('tr', {},
        h('th', { scope: 'row', title: group.key }, this.keyLabel(breakdown.groupBy, group.key)),
        number(`groups.${group.key}.visits`, group.visits, 'td'),
        ...group.intervals.map((interval) => h('td', {},
          number(`groups.${group.key}.intervals.${interval.name}.p50`, interval.times?.p50), ' / ',
          number(`groups.${group.key}.intervals.${interval.name}.p90`, interval.times?.p90)))))));
  }
}
