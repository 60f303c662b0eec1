// The one "now" of the app: every date a user sees (a report's period, reminder times, the office
// calendar, admission's clock text) is read from the Clock the composition root passes down.
// Timing and latency measurements stay on the real clock.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock from a function (tests pin one) or a Clock; undefined means the system clock. */
export function clockOf(c?: Clock | (() => number)): Clock {
  if (!c) return systemClock;
  return typeof c === 'function' ? { now: c } : c;
}

/** A clock stopped at `iso` (an ISO instant with offset), for tests and the date harness. */
export function fixedClock(iso: string): Clock {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO instant: ${iso}`);
  return { now: () => ms };
}
