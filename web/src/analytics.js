// The analytics page: aggregate queries on demand (Refresh, a filter change) and, unless switched off, every 60 s.
// Unlike the live board, a timer is fine here: each refresh is one query over a window, not a feed of changes.
import { ApiError, autoSignIn, getJson, mountSignIn, onRoleChange, role, SignedOutError } from './auth.js';
import { Charts } from './analytics-charts.js';
import { AnalyticsView } from './analytics-view.js';
import { fromLocalInput, presetWindow, presets, ServerTime, toLocalInput } from './analytics-window.js';
import { fillFilterSelects, loadDirectory, ProviderLabels } from './directory.js';
import { ensureOption, h } from './dom.js';
import { clock } from './format.js';

const autoRefreshMs = 60_000;
const element = (id) => document.getElementById(id);
const form = {
  from: element('from'),
  to: element('to'),
  clinic: element('clinic'),
  provider: element('provider'),
  room: element('room'),
  visitType: element('visit-type'),
  groupBy: element('group-by'),
  auto: element('auto-refresh'),
};
const presetButtons = element('presets');
const status = element('status');
const problem = element('problem');
const notice = element('notice');

const serverTime = new ServerTime();
const labels = new ProviderLabels();
const view = new AnalyticsView(document.querySelector('main'), labels);
const charts = new Charts();
let directory = { clinics: [], providers: [] };
let preset = 'today';
let running = null;
let autoTimer = 0;
/** The last answers, shown again when provider names arrive. */
let last = null;

// The address holds the choices, so a view can be bookmarked or shared.
const address = new URLSearchParams(location.search);
preset = address.get('preset') ?? (address.get('from') ? 'custom' : 'today');
/** A custom window as given: the address's exact instants until the inputs (to the minute) are edited. */
let custom = { from: address.get('from'), to: address.get('to') };
form.from.value = custom.from ? toLocalInput(custom.from) : '';
form.to.value = custom.to ? toLocalInput(custom.to) : '';
ensureOption(form.clinic, address.get('clinic'));
form.clinic.value = address.get('clinic') ?? '';
ensureOption(form.provider, address.get('providerId'));
form.provider.value = address.get('providerId') ?? '';
form.room.value = address.get('room') ?? '';
form.visitType.value = address.get('visitType') ?? '';
form.groupBy.value = address.get('groupBy') ?? 'clinic';

for (const [value, label] of presets) {
  presetButtons.append(h('button', { type: 'button', 'data-preset': value, onclick: () => choosePreset(value) }, label));
}
showPreset();

function choosePreset(value) {
  preset = value;
  showPreset();
  refresh();
}

function showPreset() {
  for (const button of presetButtons.querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.preset === preset));
  }
}

function filters() {
  const query = new URLSearchParams();
  if (form.clinic.value) query.set('clinic', form.clinic.value);
  if (form.provider.value) query.set('providerId', form.provider.value);
  if (form.room.value.trim()) query.set('room', form.room.value.trim());
  if (form.visitType.value.trim()) query.set('visitType', form.visitType.value.trim());
  return query;
}

async function windowQuery(signal) {
  if (preset === 'custom') return custom;
  if (!serverTime.known) {
    // The server's clock is unknown yet: its default window ends at its now.
    serverTime.observe((await getJson('/api/tracking/analytics', signal)).to);
  }
  return presetWindow(preset, serverTime.now());
}

async function refresh() {
  clearTimeout(autoTimer);
  running?.abort();
  if (!role()) return;
  const own = new AbortController();
  running = own;
  problem.textContent = '';
  document.body.classList.add('busy');
  try {
    const span = await windowQuery(own.signal);
    const query = filters();
    if (span.from) query.set('from', span.from);
    if (span.to) query.set('to', span.to);
    remember(query);
    const [report, breakdown] = await Promise.all([
      getJson(`/api/tracking/analytics?${query}`, own.signal),
      getJson(`/api/tracking/analytics/stages?groupBy=${encodeURIComponent(form.groupBy.value)}&${query}`, own.signal),
    ]);
    if (!span.to) serverTime.observe(report.to);
    if (preset !== 'custom') {
      form.from.value = toLocalInput(report.from);
      form.to.value = toLocalInput(report.to);
    }
    last = { report, breakdown };
    view.show(report);
    view.showGroups(breakdown);
    charts.show(report);
    suggest(report);
    status.textContent = `${clock(report.from)} – ${clock(report.to)} · updated ${clock(Date.now())}`;
  } catch (failure) {
    if (own.signal.aborted) return;
    problem.textContent = describe(failure);
  } finally {
    if (running === own) {
      running = null;
      document.body.classList.remove('busy');
      scheduleAutoRefresh();
    }
  }
}

function describe(failure) {
  if (failure instanceof SignedOutError) return 'Signed out: sign in again.';
  if (failure instanceof ApiError && failure.status === 403) return 'Your role may not read analytics.';
  if (failure instanceof ApiError && failure.status === 400) return 'The server refused this window or filter (from must be before to, at most 31 days).';
  return `Could not load analytics: ${failure.message}`;
}

/** Rooms seen in the answer are offered as the room filter's suggestions. */
function suggest(report) {
  const rooms = element('rooms-seen');
  const known = new Set([...rooms.options].map((option) => option.value));
  for (const room of report.roomUtilisation ?? []) {
    if (!known.has(room.room)) rooms.append(h('option', { value: room.room }));
  }
}

function remember(query) {
  const url = new URL(location.href);
  const keep = url.searchParams.get('role');
  url.search = '';
  if (keep) url.searchParams.set('role', keep);
  url.searchParams.set('preset', preset);
  for (const [key, value] of query) {
    if (preset === 'custom' || (key !== 'from' && key !== 'to')) url.searchParams.set(key, value);
  }
  if (form.groupBy.value !== 'clinic') url.searchParams.set('groupBy', form.groupBy.value);
  history.replaceState(null, '', url);
}

function scheduleAutoRefresh() {
  clearTimeout(autoTimer);
  if (!form.auto.checked) return;
  autoTimer = setTimeout(() => (document.hidden ? scheduleAutoRefresh() : refresh()), autoRefreshMs);
}

form.from.addEventListener('change', customWindow);
form.to.addEventListener('change', customWindow);
function customWindow() {
  preset = 'custom';
  custom = { from: fromLocalInput(form.from.value), to: fromLocalInput(form.to.value) };
  showPreset();
  refresh();
}
form.clinic.addEventListener('change', () => {
  fillFilterSelects(form.clinic, form.provider, directory, labels);
  refresh();
});
for (const input of [form.provider, form.room, form.visitType, form.groupBy]) input.addEventListener('change', refresh);
form.auto.addEventListener('change', scheduleAutoRefresh);
element('refresh').addEventListener('click', refresh);
element('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});

async function start() {
  notice.hidden = true;
  refresh();
  directory = await loadDirectory();
  labels.learn(directory.providers);
  fillFilterSelects(form.clinic, form.provider, directory, labels);
  if (last) {
    view.show(last.report);
    view.showGroups(last.breakdown);
  }
}

const signInBar = mountSignIn(element('signin'));
onRoleChange((current) => {
  if (current) {
    start();
  } else {
    running?.abort();
    clearTimeout(autoTimer);
    notice.hidden = false;
  }
});
if (role()) {
  start();
} else {
  notice.hidden = false;
  autoSignIn().catch((failure) => signInBar.showError(failure.message));
}
