// Every DOM change on the board waits for one shared animation frame, at most one every 100 ms. With thousands of
// cards a frame costs about the same whether it moves one card or twenty, so events arriving close together land
// in one frame; a hidden tab runs no frames at all and catches up, once, when shown.

const gapMs = 100;
const jobs = new Set();
let frame = 0;
let timer = 0;
let last = -Infinity;

/** Runs the job in the next frame; a job queued twice before it runs runs once. */
export function inNextFrame(job) {
  jobs.add(job);
  if (frame || timer) return;
  const wait = last + gapMs - performance.now();
  if (wait <= 0) {
    frame = requestAnimationFrame(run);
    return;
  }
  timer = setTimeout(() => {
    timer = 0;
    frame = requestAnimationFrame(run);
  }, wait);
}

function run() {
  frame = 0;
  last = performance.now();
  const due = [...jobs];
  jobs.clear();
  for (const job of due) job();
}
