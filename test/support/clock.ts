/**
 * The injected "now" of date-sensitive suites. `npm run test:dates` (scripts/test-dates.ts) runs those
 * suites with BIGAN_TEST_NOW set to each fixed instant of its list; a plain `npm test` uses the suite's
 * own pinned instant. Either way no test reads the machine's date.
 */
import { DateTime } from 'luxon';
import { fixedClock, type Clock } from '../../src/core/clock.js';

export const TZ = 'Asia/Shanghai';

/** BIGAN_TEST_NOW (an ISO instant) if the harness set it, else `pinned`. */
export function testNowIso(pinned: string): string {
  const env = process.env.BIGAN_TEST_NOW;
  if (env && Number.isNaN(Date.parse(env))) throw new Error(`BIGAN_TEST_NOW is not an ISO instant: ${env}`);
  return env || pinned;
}

/** The suite's clock: the harness's instant or `pinned`. */
export const testClock = (pinned: string): Clock => fixedClock(testNowIso(pinned));

/** The suite's now in the bot's zone, for computing expected dates from it. */
export const testNow = (pinned: string): DateTime => DateTime.fromMillis(testClock(pinned).now(), { zone: TZ });

/** The instant the integration suites start at unless BIGAN_TEST_NOW says otherwise. */
export const SUITE_NOW = '2026-12-06T10:00:00+08:00';

/** A clock that reads a fixed instant now and then advances with real time. */
export interface RunningClock extends Clock {
  /** This clock minus the real one: BullMQ's delays are real time, so a job due at clock time t runs at real time t − offsetMs. */
  offsetMs: number;
}

/**
 * The clock of suites whose jobs wait real delays (the app computes delay = fire − clock.now(), and
 * BullMQ waits it in real time): it starts at the harness's instant (or `pinned`) and runs with real
 * time, so the calendar is pinned and a reminder set for “2秒后” still fires in 2 s.
 */
export function testRunningClock(pinned: string = SUITE_NOW): RunningClock {
  const offsetMs = Date.parse(testNowIso(pinned)) - Date.now();
  return { offsetMs, now: () => Date.now() + offsetMs };
}

/** A clock's now in the bot's zone. */
export const zonedNow = (c: Clock): DateTime => DateTime.fromMillis(c.now(), { zone: TZ });
