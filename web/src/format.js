// How the pages write numbers and times. Every number shown from the API goes through amount, hours or percent, so a
// test can format the API's value by the same rule and compare it with the page's text:
//   amount(v)   minutes, days, counts, people, per-hour figures: Math.round(v * 10) / 10 (halves round up), written
//               with "." and no trailing ".0":              12 → "12"   12.34 → "12.3"   12.25 → "12.3"   0.04 → "0"
//   hours(v)    hours: the same to 2 decimals, Math.round(v * 100) / 100:                   0.954 → "0.95"   1.5 → "1.5"
//   percent(v)  fractions of 1 (rate, ratio, utilisation, waitShare): Math.round(v * 1000) / 10 written with exactly
//               one decimal, then "%":                    0.0692 → "6.9%"   1 → "100.0%"   0.5 → "50.0%"
//   null or missing, for each of them: "–" (an en dash).
// No thousands separators and no locale: a wall screen in any locale reads the same as the test.

export const missing = '–';

const known = (value) => typeof value === 'number' && Number.isFinite(value);

export function amount(value) {
  return known(value) ? String(Math.round(value * 10) / 10 + 0) : missing;
}

export function hours(value) {
  return known(value) ? String(Math.round(value * 100) / 100 + 0) : missing;
}

export function percent(value) {
  return known(value) ? `${(Math.round(value * 1000) / 10).toFixed(1)}%` : missing;
}

/** A time in stage: "45 s" under a minute, "12 min" under two hours, then "3 h 5 min", then "2 d 4 h". */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 120) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  if (h < 48) return `${h} h ${minutes % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

const clockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dayClockFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "09:40" in the viewer's time zone. */
export function clock(instant) {
  return clockFormat.format(new Date(instant));
}

/** "Mon 09:40", for axes spanning more than a day. */
export function dayClock(instant) {
  return dayClockFormat.format(new Date(instant));
}
