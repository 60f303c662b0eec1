// `npm run test:dates`: the date-sensitive suites (reminders, the office calendar, period rules, the
// drafting prompt) at fixed "now" values, through the injected clock (BIGAN_TEST_NOW, read by
// test/support/clock.ts), then the suites pinned to their own instants once. Exits non-zero if any run fails.
import { spawnSync } from 'node:child_process';

/** The instants: the turn of the year, inside the Spring Festival holiday, a leap day, the half-year's end. */
export const INSTANTS = [
  '2026-12-06T10:00:00+08:00', // the December the issue was found in: 2027 not in the package
  '2026-12-31T23:59:00+08:00', // one minute before 元旦 2027
  '2027-02-05T10:00:00+08:00', // 除夕 2027, inside the Spring Festival by the rule
  '2026-02-18T10:00:00+08:00', // inside the published 2026 Spring Festival holiday
  '2028-02-29T10:00:00+08:00', // a leap day, two years beyond the package
  '2026-06-30T10:00:00+08:00', // the end of the first half-year
  '2027-01-01T00:30:00+08:00', // Beijing's new year while UTC is still in 2026
];

/** Suites whose expectations are computed from the injected now. */
// The two bot suites run on a clock that starts at the instant and runs with real time (test/support/clock.ts).
const AT_EACH = ['test/unit/reminders', 'test/unit/report/period-dates.test.ts', 'test/integration/reminders-bot.test.ts', 'test/integration/drafting-bot.test.ts'];
/** Suites pinned to their own instants (today-independent): run once, without BIGAN_TEST_NOW. */
const PINNED = [
  'test/unit/reminders', 'test/unit/report/period-dates.test.ts', 'test/unit/flows/drafting/drafting-period-genre.test.ts', 'test/unit/report/report-request.test.ts',
  'test/integration/calendar.test.ts', 'test/integration/reminders-conversation.test.ts',
];

function run(files: string[], now?: string): boolean {
  const env = { ...process.env };
  delete env.CI; // the JSON summary of `npm test` stays the full suite's
  if (now) env.BIGAN_TEST_NOW = now;
  else delete env.BIGAN_TEST_NOW;
  console.log(`\n=== ${now ? `now = ${now}` : 'pinned suites (today-independent)'}: ${files.join(' ')}`);
  const r = spawnSync('npx', ['vitest', 'run', ...files], { stdio: 'inherit', env });
  return r.status === 0;
}

const failed: string[] = [];
for (const now of INSTANTS) if (!run(AT_EACH, now)) failed.push(now);
if (!run(PINNED)) failed.push('pinned suites');
console.log(failed.length ? `\ntest:dates FAILED at: ${failed.join(', ')}` : `\ntest:dates: all ${INSTANTS.length} instants and the pinned suites passed`);
process.exit(failed.length ? 1 : 0);
