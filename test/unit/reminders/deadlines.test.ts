import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { deadlineDayOf, isDeadlineRule, nextDeadline, nextOccurrences, occurrenceAt } from '../../../src/reminders/rule.js';
import { parseReminderCommand, type RecurrenceSpec } from '../../../src/reminders/parse.js';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-03-02T10:00:00+08:00');

function rule(text: string): RecurrenceSpec {
  const c = parseReminderCommand(text, { now: NOW, timezone: TZ });
  if (c?.kind !== 'set' || !c.spec.recurrence) throw new Error(`not a recurring reminder: ${text} → ${JSON.stringify(c)}`);
  return c.spec.recurrence;
}
const day = (iso: string) => DateTime.fromISO(iso, { zone: TZ }).startOf('day').toMillis();
const after = (iso: string) => DateTime.fromISO(iso, { zone: TZ });

describe('deadlines of recurring reminders (the dates their Feishu tasks are due)', () => {
  it('the rule\'s instants are the deadlines; the leads fire before each', () => {
    const r = rule('每月25日前报送舆情月报，提前3个工作日提醒我');
    expect(r.rule).toEqual({ freq: 'monthly', monthDays: [25], hour: 9, minute: 0 });
    expect(r.leads).toEqual([{ n: 3, unit: 'workday', label: '提前3个工作日' }]);
    expect(isDeadlineRule(r)).toBe(true);
    expect(nextDeadline(r, after('2026-03-02T10:00'))?.toMillis()).toBe(day('2026-03-25'));
    // the deadline day itself is still current; the day after, the next month's is
    expect(nextDeadline(r, after('2026-03-24T10:00'))?.toMillis()).toBe(day('2026-03-25'));
    expect(nextDeadline(r, after('2026-03-25T10:00'))?.toMillis()).toBe(day('2026-04-25'));
  });

  it('a calendar-day lead keeps the rule on the deadline too', () => {
    const r = rule('每月25日前报送舆情月报，提前3天提醒我');
    expect(r.description).toBe('每月25日 09:00');
    expect(r.leads).toEqual([{ n: 3, unit: 'day', label: '提前3天' }]);
    expect(nextDeadline(r, after('2026-03-02T10:00'))?.toMillis()).toBe(day('2026-03-25'));
    const yearly = rule('每年6月30日前交半年报告，提前3天提醒我');
    expect(nextDeadline(yearly, after('2026-03-02T10:00'))?.toMillis()).toBe(day('2026-06-30'));
  });

  it('每季度末 with a working-day lead: the last day of the quarter', () => {
    const r = rule('每季度末前报送意识形态工作分析报告，提前3个工作日提醒我');
    expect(nextDeadline(r, after('2026-03-02T10:00'))?.toMillis()).toBe(day('2026-03-31'));
    expect(nextDeadline(r, after('2026-04-01T10:00'))?.toMillis()).toBe(day('2026-06-30'));
  });

  it('plain and daily rules have no deadline', () => {
    expect(isDeadlineRule(rule('每月25日提醒我报送舆情台账'))).toBe(false);
    expect(isDeadlineRule(rule('每天下午5点前提醒我填写工作日志'))).toBe(false);
  });

  it('with several leads, each fire maps back to its deadline and lead', () => {
    const r = rule('每月25日前报送舆情月报，提前3个工作日和1个工作日提醒我');
    const occ = nextOccurrences(r, after('2026-03-02T10:00'), 4);
    expect(occ.map((o) => [o.at.toISODate(), o.lead?.label, deadlineDayOf(r, o.base).toISODate()])).toEqual([
      ['2026-03-20', '提前3个工作日', '2026-03-25'],
      ['2026-03-24', '提前1个工作日', '2026-03-25'],
      ['2026-04-22', '提前3个工作日', '2026-04-25'],
      ['2026-04-24', '提前1个工作日', '2026-04-25'],
    ]);
    for (const o of occ) expect(occurrenceAt(r, o.at.toMillis())?.lead).toEqual(o.lead);
  });

  it('a fire maps back to its occurrence and deadline', () => {
    const r = rule('每月25日前报送舆情月报，提前3个工作日提醒我');
    const [o] = nextOccurrences(r, after('2026-03-02T10:00'), 1);
    expect(o).toBeDefined();
    const back = occurrenceAt(r, o!.at.toMillis());
    expect(back && deadlineDayOf(r, back.base).toMillis()).toBe(day('2026-03-25'));
    expect(occurrenceAt(r, o!.at.toMillis() + 60_000)).toBeUndefined();
  });
});

describe('recurring deadlines at the turn of the year and on 29 February (pinned “now”)', () => {
  const next = (text: string, iso: string) => {
    const c = parseReminderCommand(text, { now: new Date(iso), timezone: TZ });
    if (c?.kind !== 'set' || !c.spec.recurrence) throw new Error(`not a recurring reminder: ${text}`);
    return c.spec.recurrence.next.map((f) => f.slice(0, 16));
  };
  it('2026-12-31 23:59: the next deadlines are next year\'s', () => {
    expect(next('每月25日前报送舆情月报，提前3个工作日和1个工作日提醒我', '2026-12-31T23:59:00+08:00').slice(0, 2)).toEqual(['2027-01-20T09:00', '2027-01-22T09:00']);
    expect(next('每年12月31日前报送年度报告，提前5个工作日提醒我', '2026-12-31T23:59:00+08:00')[0]).toBe('2027-12-24T09:00');
    expect(next('每季度末前报送分析报告，提前3个工作日提醒', '2026-12-31T23:59:00+08:00')[0]).toBe('2027-03-26T09:00');
  });
  it('2028-02-29 08:00: the last day of February is the 29th', () => {
    expect(next('每月31日提醒我报送台账', '2028-02-29T08:00:00+08:00')[0]).toBe('2028-02-29T09:00');
    // its working-day lead (the 28th) has passed: the next deadline is March's
    expect(next('每月底前交台账，提前1个工作日提醒我', '2028-02-29T08:00:00+08:00')[0]).toBe('2028-03-30T09:00');
  });
});
