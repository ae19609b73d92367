// The window an analytics answer covers. The clinic clock may run faster than real time (a simulated day), so
// "last 2 h" means the server's last two hours, not the browser's. A request without `to` ends the window at the
// server's now and its answer says what that was; two such answers say how fast the server's clock runs.

export const presets = [
  ['last-2h', 'last 2 h'],
  ['today', 'today'],
  ['last-7d', 'last 7 days'],
];

const hourMs = 3_600_000;

export class ServerTime {
  constructor() {
    this.seen = null;
    this.speed = 1;
  }

  get known() {
    return this.seen !== null;
  }

  /** The `to` of an answer to a request that left `to` out: the server's time when it answered. */
  observe(to) {
    const at = performance.now();
    const time = Date.parse(to);
    if (this.seen && at - this.seen.at > 5_000) {
      const speed = (time - this.seen.time) / (at - this.seen.at);
      if (Number.isFinite(speed) && speed > 0.5) this.speed = Math.max(1, speed);
    }
    this.seen = { time, at };
  }

  now() {
    return this.seen ? this.seen.time + (performance.now() - this.seen.at) * this.speed : Date.now();
  }
}

/** The query's `from` for a preset; `to` is left out so the window ends at the server's now. */
export function presetWindow(preset, serverNow) {
  switch (preset) {
    case 'today': {
      const midnight = new Date(serverNow);
      midnight.setHours(0, 0, 0, 0);
      return { from: midnight.toISOString() };
    }
    case 'last-7d':
      return { from: new Date(serverNow - 7 * 24 * hourMs).toISOString() };
    default:
      return { from: new Date(serverNow - 2 * hourMs).toISOString() };
  }
}

/** An instant as a datetime-local input shows it: the viewer's local time, to the minute. */
export function toLocalInput(instant) {
  const date = new Date(instant);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value (local time) as an ISO instant; null when empty. */
export function fromLocalInput(value) {
  return value ? new Date(value).toISOString() : null;
}
