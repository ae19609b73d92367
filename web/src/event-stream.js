// Server-sent events read with fetch(), which unlike EventSource can send the Authorization header. The stream is
// reopened with backoff when it ends, fails or goes quiet; the server starts every connection with a snapshot, so
// nothing missed while it was down needs replaying.

/** The server sends a clock event every 5 s: this long without a byte means the connection is dead. */
const quietLimitMs = 20_000;
const backoffMs = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * url(): the address to open (read at every connect, so a filter change only needs restart()).
 * headers(): request headers (the token). onEvent(type, data): each frame, data parsed as JSON.
 * onState(state, retryInMs): 'connecting' | 'open' | 'retrying' | 'stopped'. onUnauthorized(): a 401; the stream stops.
 */
export function openEventStream({ url, headers, onEvent, onState, onUnauthorized }) {
  let current = null;
  let attempt = 0;
  let retryTimer = 0;
  let lastByteAt = 0;

  const watchdog = setInterval(() => {
    if (current && lastByteAt && performance.now() - lastByteAt > quietLimitMs) current.abort();
  }, 5_000);

  async function connect() {
    clearTimeout(retryTimer);
    const own = new AbortController();
    current = own;
    lastByteAt = 0;
    onState('connecting');
    try {
      const response = await fetch(url(), { headers: { Accept: 'text/event-stream', ...headers() }, signal: own.signal, cache: 'no-store' });
      if (response.status === 401) {
        current = null;
        onState('stopped');
        onUnauthorized();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`the stream answered ${response.status}`);
      lastByteAt = performance.now();
      onState('open');
      await readFrames(response.body, (type, data) => {
        if (type === 'snapshot') attempt = 0;
        let parsed;
        try {
          parsed = JSON.parse(data);
        } catch {
          return;
        }
        onEvent(type, parsed);
      }, () => { lastByteAt = performance.now(); });
    } catch {
      // Aborted, dropped or refused: retried below unless this connection was replaced or stopped.
    }
    if (current !== own) return;
    const delay = backoffMs[Math.min(attempt, backoffMs.length - 1)] * (0.75 + Math.random() * 0.5);
    attempt += 1;
    onState('retrying', delay);
    retryTimer = setTimeout(connect, delay);
  }

  function stop() {
    clearTimeout(retryTimer);
    const old = current;
    current = null;
    old?.abort();
  }

  return {
    /** Opens the stream anew, at once (after a filter change or a new sign-in). */
    restart() {
      stop();
      attempt = 0;
      connect();
    },
    stop() {
      stop();
      onState('stopped');
    },
    close() {
      stop();
      clearInterval(watchdog);
    },
  };
}

/** Splits the body into frames: "event:" and "data:" lines end with a blank line; ":" lines are keep-alive comments. */
async function readFrames(body, onFrame, onBytes) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  let type = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onBytes();
    pending += value;
    let start = 0;
    let end;
    while ((end = pending.indexOf('\n', start)) >= 0) {
      let line = pending.slice(start, end);
      start = end + 1;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line === '') {
        if (data.length > 0) onFrame(type, data.join('\n'));
        type = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
        if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
        if (field === 'event') type = fieldValue;
        else if (field === 'data') data.push(fieldValue);
      }
    }
    pending = pending.slice(start);
  }
}
