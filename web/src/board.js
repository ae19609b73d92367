// The live flow board: one stream of server-sent events keeps it current; nothing here ever polls. The per-second
// tick only runs the clinic clock forward locally to age the cards.
import { authorization, autoSignIn, mountSignIn, onRoleChange, role, signOut } from './auth.js';
import { Panels } from './board-panels.js';
import { BoardView, ServerClock } from './board-view.js';
import { fillFilterSelects, loadDirectory, ProviderLabels } from './directory.js';
import { ensureOption, h } from './dom.js';
import { openEventStream } from './event-stream.js';
import { PatientNames } from './names.js';

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
const clinicSelect = document.getElementById('clinic');
const providerSelect = document.getElementById('provider');
const connection = byTestId('connection');
const banner = byTestId('bottleneck');
const notice = document.getElementById('notice');

const address = new URLSearchParams(location.search);
ensureOption(clinicSelect, address.get('clinic'));
clinicSelect.value = address.get('clinic') ?? '';
ensureOption(providerSelect, address.get('providerId'));
providerSelect.value = address.get('providerId') ?? '';

const clock = new ServerClock();
const labels = new ProviderLabels();
const names = new PatientNames((named) => view.showNames(named));
const view = new BoardView(document.getElementById('columns'), { clock, labels, names });
const panels = new Panels({
  rooms: byTestId('rooms'),
  providers: byTestId('providers'),
  roomsSummary: document.getElementById('rooms-summary'),
  providersSummary: document.getElementById('providers-summary'),
  clock,
  labels,
});
/** Active bottlenecks by clinic ('' for all clinics). */
const bottlenecks = new Map();
const seen = { clinics: new Set(), providers: new Set() };
let directory = { clinics: [], providers: [] };

const stream = openEventStream({
  url: () => {
    const query = new URLSearchParams();
    if (clinicSelect.value) query.set('clinic', clinicSelect.value);
    if (providerSelect.value) query.set('providerId', providerSelect.value);
    const text = query.toString();
    return `/api/tracking/board/stream${text ? `?${text}` : ''}`;
  },
  headers: authorization,
  onEvent: handle,
  onState: showConnection,
  // The token stopped working (expired, or the gateway restarted with another key): with ?role=, sign in again.
  onUnauthorized: () => {
    signOut();
    autoSignIn().catch((failure) => signInBar.showError(failure.message));
  },
});

function handle(type, data) {
  switch (type) {
    case 'snapshot':
      clock.set(data.now, data.clockSpeed);
      view.load(data);
      panels.load(data.rooms, data.providers);
      bottlenecks.clear();
      for (const bottleneck of data.bottlenecks ?? []) note(bottleneck);
      showBottlenecks();
      learn(data.cards ?? []);
      showConnection('live');
      break;
    case 'card':
      view.change(data.visitId, data.card);
      if (data.card) learn([data.card]);
      break;
    case 'panels':
      panels.change(data.rooms, data.providers);
      break;
    case 'clock':
      clock.set(data.now, data.clockSpeed);
      break;
    case 'bottleneck':
      note(data);
      showBottlenecks();
      break;
    default:
      break;
  }
}

/** Clinics and providers seen on cards join the filter selects: all a role without scheduling access gets. */
function learn(cards) {
  for (const card of cards) {
    if (card.clinic && !seen.clinics.has(card.clinic)) {
      seen.clinics.add(card.clinic);
      ensureOption(clinicSelect, card.clinic);
    }
    if (card.providerId && !seen.providers.has(card.providerId)) {
      seen.providers.add(card.providerId);
      if (!labels.clinics.has(card.providerId) && card.clinic) labels.clinics.set(card.providerId, card.clinic);
      if (!clinicSelect.value || card.clinic === clinicSelect.value) ensureOption(providerSelect, card.providerId, labels.label(card.providerId));
    }
  }
}

function note(bottleneck) {
  const key = bottleneck.clinic ?? '';
  if (bottleneck.status === 'cleared') bottlenecks.delete(key);
  else bottlenecks.set(key, bottleneck);
}

function showBottlenecks() {
  const shown = [...bottlenecks.values()].filter((b) => !clinicSelect.value || !b.clinic || b.clinic === clinicSelect.value);
  banner.hidden = shown.length === 0;
  banner.replaceChildren(...shown.map((b) => h('p', {},
    h('strong', {}, `Bottleneck${b.clinic ? ` at ${b.clinic}` : ''}: ${b.interval}`), ` — ${b.why}`)));
}

function showConnection(state, retryInMs) {
  const text = {
    live: 'live',
    connecting: 'connecting',
    open: 'loading',
    retrying: `reconnecting in ${Math.ceil((retryInMs ?? 0) / 1000)} s`,
    stopped: role() ? 'stopped' : 'signed out',
  }[state];
  connection.textContent = text;
  connection.dataset.state = state;
  document.body.classList.toggle('stale', state !== 'live');
}

function filterChanged() {
  const url = new URL(location.href);
  for (const [key, select] of [['clinic', clinicSelect], ['providerId', providerSelect]]) {
    if (select.value) url.searchParams.set(key, select.value);
    else url.searchParams.delete(key);
  }
  history.replaceState(null, '', url);
  view.reset();
  panels.load();
  showBottlenecks();
  if (role()) stream.restart();
}

clinicSelect.addEventListener('change', () => {
  const theirs = labels.clinics.get(providerSelect.value);
  if (clinicSelect.value && theirs && theirs !== clinicSelect.value) providerSelect.value = '';
  fillFilterSelects(clinicSelect, providerSelect, directory, labels);
  filterChanged();
});
providerSelect.addEventListener('change', filterChanged);

async function start() {
  notice.hidden = true;
  names.reset();
  stream.restart();
  directory = await loadDirectory();
  labels.learn(directory.providers);
  fillFilterSelects(clinicSelect, providerSelect, directory, labels);
  for (const option of [...providerSelect.options].slice(1)) option.textContent = labels.label(option.value);
  view.refreshText();
  panels.relabel();
}

function signedOut() {
  names.reset();
  stream.stop();
  view.reset();
  panels.load();
  notice.hidden = false;
}

const signInBar = mountSignIn(document.getElementById('signin'));
onRoleChange((current) => (current ? start() : signedOut()));
if (role()) {
  start();
} else {
  signedOut();
  autoSignIn().catch((failure) => signInBar.showError(failure.message));
}

setInterval(() => {
  view.tick();
  panels.tick();
}, 1000);

/** For browser tests and performance checks. */
window.patientFlowBoard = { stats: view.stats, cards: () => view.entries.size };
