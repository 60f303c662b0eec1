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
