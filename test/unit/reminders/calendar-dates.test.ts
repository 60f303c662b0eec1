/**
 * The office calendar at whatever "now" the date harness gives (BIGAN_TEST_NOW, `npm run test:dates`),
 * else at the pinned Sunday 2026-12-06 10:00 Beijing. Expected dates are computed from the statutory rule
 * and the clock, never from the machine's date. The pinned-date facts (元旦 2027) hold at every now.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dayInfo, nextAfterHoliday, setArrangements, uncoveredLine, yearCovered } from '../../../src/reminders/calendar.js';
import { parseArrangement } from '../../../src/reminders/arrangement.js';
import { ruleRestDays, statutoryHolidays } from '../../../src/reminders/holidays.js';
import { formatConfirmation } from '../../../src/reminders/format.js';
import { ctxOf, parseReminderCommand } from '../../../src/reminders/parse.js';
import { proposalSpec, proposeCalendar } from '../../../src/reminders/preset.js';
import { testNow, TZ } from '../../support/clock.js';

const NOW = testNow('2026-12-06T10:00:00+08:00');
const ctx = ctxOf({ now: NOW.toJSDate(), timezone: TZ });
const day = (iso: string) => DateTime.fromISO(iso, { zone: TZ });
const isStatutory = (d: DateTime) => ruleRestDays(d.year).has(d.toISODate()!) && !ruleRestDays(d.year).get(d.toISODate()!)!.substitute;

describe(`the statutory rule (now ${NOW.toISO()})`, () => {
  it('元旦 2027 is not a working day, and the first working day after it is Monday 2027-01-04', () => {
    expect(dayInfo(day('2027-01-01')).work).toBe(false);
    expect(dayInfo(day('2027-01-01')).holiday).toBe('元旦');
    const after = nextAfterHoliday(day('2026-12-06T09:00'))!;
    expect(after.toISODate()).toBe('2027-01-04');
    expect(after.weekday).toBe(1);
    expect(uncoveredLine([2027])).toContain('2027年调休尚未公布');
  });

  it('gives the 2024 amendment’s days: 春节 four days from 除夕, 劳动节 two, 国庆 three', () => {
    const y = NOW.year + 1;
    const groups = Object.fromEntries(statutoryHolidays(y).map((g) => [g.name, g.days.map((d) => d.toISODate())]));
    expect(groups['元旦']).toEqual([`${y}-01-01`]);
    expect(groups['春节']).toHaveLength(4);
    expect(groups['劳动节']).toEqual([`${y}-05-01`, `${y}-05-02`]);
    expect(groups['国庆节']).toEqual([`${y}-10-01`, `${y}-10-02`, `${y}-10-03`]);
    // 2027: 除夕 is 5 February (春节 6 February); 6–7 February are a weekend, made up on 9–10 February (第六条)
    expect(statutoryHolidays(2027).find((g) => g.name === '春节')!.days.map((d) => d.toISODate())).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect([...ruleRestDays(2027)].filter(([, v]) => v.substitute && v.name === '春节').map(([k]) => k)).toEqual(['2027-02-09', '2027-02-10']);
    expect(dayInfo(day('2027-02-10'))).toMatchObject({ work: false, tentative: true, source: 'rule' });
  });

  it('agrees with the published arrangements the package has: every statutory day of 2025 and 2026 is a rest day there', () => {
    for (const y of [2025, 2026]) {
      for (const g of statutoryHolidays(y)) for (const d of g.days) expect(dayInfo(d.setZone(TZ, { keepLocalTime: true })).work, `${g.name} ${d.toISODate()}`).toBe(false);
    }
  });
});

describe(`reminders at now = ${NOW.toISO()}`, () => {
  it('the next 元旦 is not a working day and 节后第一个工作日 is a working day right after a statutory holiday', () => {
    const nextNewYear = day(`${NOW.year + 1}-01-01`);
    expect(dayInfo(nextNewYear).work).toBe(false);
    const cmd = parseReminderCommand('节后第一个工作日提醒我报送值班情况', { now: NOW.toJSDate(), timezone: TZ });
    if (cmd?.kind !== 'set') throw new Error(`not set: ${JSON.stringify(cmd)}`);
    const spec = cmd.spec;
    const fire = DateTime.fromISO(spec.fires[0]!).setZone(TZ);
    expect(fire > NOW).toBe(true);
    expect(dayInfo(fire).work).toBe(true);
    let x = fire.minus({ days: 1 });
    let named = false;
    let run = 0;
    for (; !dayInfo(x).work; x = x.minus({ days: 1 }), run++) named ||= !!dayInfo(x).holiday;
    expect(run).toBeGreaterThanOrEqual(3);
    expect(named).toBe(true);
    const text = formatConfirmation({ shortId: 1, spec }, TZ);
    // the one plain line, exactly when the year is known only by the rule
    expect((text.match(/调休尚未公布/g) ?? []).length).toBe(yearCovered(fire.year) ? 0 : 1);
    expect(text).not.toMatch(/"level"|\{"/);
  });

  it('the preset 设置意识形态报告提醒 never lands on a statutory holiday or a rest day', () => {
    for (const p of proposeCalendar(ctx)) {
      const dl = DateTime.fromISO(p.deadline).setZone(TZ);
      expect(dl > NOW).toBe(true);
      expect(dayInfo(dl).work, p.deadline).toBe(true);
      for (const f of proposalSpec(p, ctx).fires) {
        const d = DateTime.fromISO(f).setZone(TZ);
        expect(d > NOW, f).toBe(true);
        expect(isStatutory(d), f).toBe(false);
        expect(dayInfo(d).work, f).toBe(true);
      }
    }
  });

  it('a loaded arrangement beats the package and the rule, and its 调休 Saturday is a working day', () => {
    const y = NOW.year + 1;
    const sat = DateTime.fromObject({ year: y, month: 2, day: 1 }, { zone: TZ }).set({ weekday: 6 });
    const sample = `year ${y}\n${y}-01-01 休 元旦\n${sat.toISODate()} 班 春节\n`;
    try {
      setArrangements([parseArrangement(sample, 'sample.txt')]);
      expect(yearCovered(y)).toBe(true);
      expect(dayInfo(sat)).toMatchObject({ work: true, makeup: true, source: 'loaded' });
      expect(uncoveredLine([y])).toBeUndefined();
    } finally {
      setArrangements([]);
    }
    expect(dayInfo(sat).work).toBe(false);
  });
});

describe('arrangement files', () => {
  it('reads the line format and ICS, and names the bad line', () => {
    const a = parseArrangement('# 2027\nyear 2027\n2027-02-05~2027-02-12 休 春节\n2027-02-20 班 春节\n', '2027.txt');
    expect(a.years).toEqual([2027]);
    expect(a.days.size).toBe(9);
    expect(a.days.get('2027-02-20')).toEqual({ work: true, name: '春节' });
    const ics = 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270104\nSUMMARY:元旦(休)\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270220\nDTEND;VALUE=DATE:20270221\nSUMMARY:春节(班)\nEND:VEVENT\nEND:VCALENDAR\n';
    const b = parseArrangement(ics, '2027.ics');
    expect([...b.days.keys()]).toEqual(['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-20']);
    expect(() => parseArrangement('2027-01-01 休 元旦\n2027-01-02 放 元旦\n', 'x.txt')).toThrow('x.txt line 2: "放" is neither 休 nor 班');
    expect(() => parseArrangement('2027-01-01 休 元旦\n\n2027-02-12~2027-02-05 休 春节\n', 'x.txt')).toThrow('x.txt line 3: range ends before it starts');
    expect(() => parseArrangement('2027-01-01 休 元旦\n2027-01-01 班 元旦\n', 'x.txt')).toThrow('x.txt line 2: 2027-01-01 is both 休 and 班');
    expect(() => parseArrangement('year twenty\n', 'x.txt')).toThrow('x.txt line 1');
    expect(() => parseArrangement(ics.replace('DTSTART;VALUE=DATE:20270220', 'DTSTART;VALUE=DATE:2027-2-20'), 'y.ics')).toThrow('y.ics line 8: "2027-2-20" is not a date (YYYYMMDD)');
  });
});
