import { describe, expect, it } from 'vitest';
import { parseEdit, type EditResult } from '../../../src/reminders/edit.js';
import { describeRule } from '../../../src/reminders/rule.js';
import { ParseError, parseReminderCommand, type ReminderSpec } from '../../../src/reminders/parse.js';

// Wednesday 2026-06-10 10:00 Beijing time (端午 6/19–6/21).
const opts = { now: new Date('2026-06-10T10:00:00+08:00'), timezone: 'Asia/Shanghai' };
const bj = (s: string) => `${s}:00+08:00`;
function spec(text: string): ReminderSpec {
  const c = parseReminderCommand(text, opts);
  if (c?.kind !== 'set') throw new Error(JSON.stringify(c));
  return c.spec;
}
function edited(r: EditResult): ReminderSpec {
  if (r.kind !== 'spec') throw new Error(`expected a spec, got ${r.kind}`);
  return r.spec;
}

describe('edits of recurring reminders keep the recurrence', () => {
  const monthly = spec('每月25日提醒我报送舆情台账');

  it('a day number keeps it monthly (把第2个提醒改到28号 → 每月28日)', () => {
    const s = edited(parseEdit('28号', monthly, opts));
    expect(s.recurrence?.rule).toEqual({ freq: 'monthly', monthDays: [28], hour: 9, minute: 0 });
    expect(s.recurrence?.description).toBe('每月28日 09:00');
    expect(s.recurrence?.next).toEqual(['2026-06-26T09:00', '2026-07-28T09:00', '2026-08-28T09:00'].map(bj));
    expect(s.notes).toContain('6月28日是星期日，提醒提前到6月26日（星期五）');
    expect(s.what).toBe('报送舆情台账');
  });

  it('a new time keeps the day', () => {
    const s = edited(parseEdit('下午4点', monthly, opts));
    expect(s.recurrence?.rule).toEqual({ freq: 'monthly', monthDays: [25], hour: 16, minute: 0 });
    expect(s.recurrence?.next[0]).toBe(bj('2026-06-25T16:00'));
    const r = edited(parseEdit('下午4点', spec('每月最后一个工作日下午3点提醒我报送舆情周报'), opts));
    expect(r.recurrence?.rule).toEqual({ freq: 'monthly', workday: 'last', hour: 16, minute: 0 });
    expect(r.recurrence?.description).toBe('每月最后一个工作日 16:00');
  });

  it('a full date asks: only the next occurrence, or the rule', () => {
    const r = parseEdit('7月5日', monthly, opts);
    if (r.kind !== 'ask') throw new Error('expected a question');
    // 7月5日 is a Sunday: the moved date is what would fire
    expect(r.date).toBe(bj('2026-07-03T09:00'));
    expect(r.once?.recurrence?.override).toEqual({ replaces: bj('2026-06-25T09:00'), at: bj('2026-07-03T09:00') });
    expect(r.once?.recurrence?.next).toEqual(['2026-07-03T09:00', '2026-07-24T09:00', '2026-08-25T09:00'].map(bj));
    expect(r.rule?.recurrence?.rule).toEqual({ freq: 'monthly', monthDays: [5], hour: 9, minute: 0 });
    expect(r.ruleText).toBe('每月5日 09:00');
    expect(r.rule?.recurrence?.override).toBeUndefined();
  });

  it('only the next: a date after the following occurrence keeps that one', () => {
    const r = parseEdit('7月28日', monthly, opts);
    if (r.kind !== 'ask') throw new Error('expected a question');
    expect(r.once?.recurrence?.next).toEqual(['2026-07-24T09:00', '2026-07-28T09:00', '2026-08-25T09:00'].map(bj));
  });

  it('yearly: the rule moves to the new month and day', () => {
    const r = parseEdit('7月5日', spec('每年6月20日提醒我写报告'), opts);
    if (r.kind !== 'ask') throw new Error('expected a question');
    expect(r.rule?.recurrence?.rule).toEqual({ freq: 'yearly', months: [7], monthDays: [5], hour: 9, minute: 0 });
    expect(r.once?.recurrence?.next.slice(0, 2)).toEqual(['2026-07-03T09:00', '2027-06-18T09:00'].map(bj));
  });

  it('weekly: a weekday changes the day, a day number is refused', () => {
    const weekly = spec('每周五下午3点提醒我交周报');
    expect(edited(parseEdit('周四', weekly, opts)).recurrence?.rule).toEqual({ freq: 'weekly', weekdays: [4], hour: 15, minute: 0 });
    expect(() => parseEdit('28号', weekly, opts)).toThrow(/请说改到周几/);
  });

  it('daily: a full date can move one occurrence but has no rule day', () => {
    const r = parseEdit('7月5日', spec('每天下午5点提醒我写日志'), opts);
    expect(r.kind === 'ask' && r.rule).toBeUndefined();
    // today's 17:00 moves to 7月5日; the days in between still fire
    expect(r.kind === 'ask' && r.once?.recurrence?.override).toEqual({ replaces: bj('2026-06-10T17:00'), at: bj('2026-07-05T17:00') });
    expect(r.kind === 'ask' && r.once?.recurrence?.next[0]).toBe(bj('2026-06-11T17:00'));
  });

  it('a new rule said outright replaces the old one; bad dates are refused', () => {
    expect(edited(parseEdit('每周四', monthly, opts)).recurrence?.rule).toEqual({ freq: 'weekly', weekdays: [4], hour: 9, minute: 0 });
    expect(() => parseEdit('2月30日', monthly, opts)).toThrow(ParseError);
  });
});

describe('edits of one-off reminders', () => {
  it('a new time keeps the date', () => {
    const s = edited(parseEdit('下午4点', spec('下周五下午3点提醒我改稿'), opts));
    expect(s.fires).toEqual([bj('2026-06-18T16:00')]);
    const d = edited(parseEdit('下午5点', spec('提醒我6月30日前交报告，提前3天提醒'), opts));
    expect(d.fires).toEqual([bj('2026-06-26T17:00')]);
    expect(d.deadline).toBe(bj('2026-06-30T00:00'));
  });
  it('a new date keeps the time', () => {
    expect(edited(parseEdit('6月15日', spec('明天下午3点提醒我开会'), opts)).fires).toEqual([bj('2026-06-15T15:00')]);
  });
  it('a day before the deadline is a new reminder time; the deadline stays', () => {
    const s = edited(parseEdit('6月22日', spec('提醒我6月30日前交报告，提前3天提醒'), opts));
    expect(s.fires).toEqual([bj('2026-06-22T09:00')]);
    expect(s.deadline).toBe(bj('2026-06-30T00:00'));
    const d = edited(parseEdit('截止7月3日', spec('提醒我6月30日前交报告，提前3天提醒'), opts));
    expect(d.deadline).toBe(bj('2026-07-03T00:00'));
  });
  it('a new deadline keeps the lead times', () => {
    const s = edited(parseEdit('7月10日', spec('提醒我6月30日前交报告，提前3天提醒'), opts));
    expect(s.deadline).toBe(bj('2026-07-10T00:00'));
    expect(s.leads).toEqual(['提前3天']);
    expect(s.fires).toEqual([bj('2026-07-07T09:00')]);
    expect(s.what).toBe('交报告');
  });
});

describe('edits of recurring deadlines keep their leads', () => {
  const leads = spec('每月25日前报送舆情月报，提前3个工作日和1个工作日提醒我');
  it('a day number moves the deadline; both leads follow it', () => {
    const s = edited(parseEdit('28号', leads, opts));
    expect(s.recurrence?.rule).toEqual({ freq: 'monthly', monthDays: [28], hour: 9, minute: 0 });
    expect(s.recurrence?.leads?.map((l) => l.label)).toEqual(['提前3个工作日', '提前1个工作日']);
    // 6/28 is a Sunday: three working days before it is Wednesday the 24th
    expect(s.recurrence?.next).toEqual(['2026-06-24T09:00', '2026-06-26T09:00', '2026-07-23T09:00', '2026-07-27T09:00'].map(bj));
  });
  it('a new time keeps deadlines and leads', () => {
    const s = edited(parseEdit('下午4点', leads, opts));
    expect(s.recurrence?.description).toBe('每月25日 16:00');
    expect(s.recurrence?.next[0]).toBe(bj('2026-06-22T16:00'));
  });
  it('a workday rule given a day of the month moves off rest days to the day before', () => {
    const s = edited(parseEdit('28号', spec('每月最后一个工作日下午3点提醒我报送舆情周报'), opts));
    expect(s.recurrence?.rule).toEqual({ freq: 'monthly', monthDays: [28], hour: 15, minute: 0 });
    expect(s.recurrence?.shift).toBe('prev');
    expect(s.recurrence?.next[0]).toBe(bj('2026-06-26T15:00'));
  });
});

describe('dates already past this year (issue 19 item 3)', () => {
  it('a recurring reminder asks, meaning next year\'s day', () => {
    const r = parseEdit('3月5日', spec('每月25日提醒我报送舆情台账'), opts);
    if (r.kind !== 'ask') throw new Error('expected a question');
    expect(r.date).toBe(bj('2027-03-05T09:00'));
    expect(r.once?.notes.join()).toContain('按明年（2027年）3月5日设置');
    expect(r.ruleText).toBe('每月5日 09:00');
  });
  it('a one-off reminder rolls to next year and says so', () => {
    const s = edited(parseEdit('3月5日', spec('下周五下午3点提醒我改稿'), opts));
    expect(s.fires).toEqual([bj('2027-03-05T15:00')]);
    expect(s.notes.join()).toContain('按明年（2027年）3月5日设置');
  });
});

describe('describeRule', () => {
  it('describes the forms the parser produces', () => {
    expect(describeRule({ freq: 'monthly', monthDays: [-1], hour: 9, minute: 0 })).toBe('每月最后一天 09:00');
    expect(describeRule({ freq: 'weekly', weekdays: [1, 3], hour: 8, minute: 30 })).toBe('每周一、三 08:30');
    expect(describeRule({ freq: 'yearly', months: [1, 4, 7, 10], monthDays: [10], hour: 9, minute: 0 })).toBe('每季度首月（1月、4月、7月、10月）10日 09:00');
    expect(describeRule({ freq: 'yearly', months: [6, 12], monthDays: [20], hour: 9, minute: 0 })).toBe('每年6月20日、12月20日 09:00');
    expect(describeRule({ freq: 'daily', hour: 9, minute: 0 })).toBe('每天 09:00');
    expect(describeRule({ freq: 'weekly', weekdays: [5], interval: 2, anchor: '2026-06-08', hour: 15, minute: 0 })).toBe('每2周的星期五 15:00');
    expect(describeRule({ freq: 'monthly', workday: 'first', hour: 9, minute: 0 })).toBe('每月第一个工作日 09:00');
  });
});
