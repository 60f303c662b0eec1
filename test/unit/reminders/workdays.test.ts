import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addWorkdays, dayInfo, nextAfterHoliday, yearCovered } from '../../../src/reminders/calendar.js';
import { formatConfirmation, formatList } from '../../../src/reminders/format.js';
import { parseReminderCommand, type ReminderSpec } from '../../../src/reminders/parse.js';

const TZ = 'Asia/Shanghai';
const bj = (s: string) => `${s}:00+08:00`;
function spec(text: string, now: string): ReminderSpec {
  const c = parseReminderCommand(text, { now: new Date(bj(now)), timezone: TZ });
  if (c?.kind !== 'set') throw new Error(`expected set for ${text}: ${JSON.stringify(c)}`);
  return c.spec;
}
const fires = (s: ReminderSpec) => (s.recurrence ? s.recurrence.next : s.fires);

// 2026 per the State Council's arrangement (in chinese-days): 春节 2/15–2/23 with 调休 Saturdays 2/14 and 2/28;
// 劳动节 5/1–5/5 with 5/9; 端午 6/19–6/21; 中秋 9/25–9/27; 国庆 10/1–10/7 with 调休 9/20 (Sun) and 10/10 (Sat).
const JAN = '2026-01-20T10:00'; // Tuesday, before Spring Festival
const SEP = '2026-09-15T10:00'; // Tuesday, before Mid-Autumn and National Day
const APR = '2026-04-20T10:00'; // Monday, before Labour Day

// [now, phrase, exact fires (Asia/Shanghai), expected text or undefined]
const TABLE: [string, string, string[], string?][] = [
  // Spring Festival
  [JAN, '提醒我2月16日上午10点开会', ['2026-02-14T10:00'], '开会'],
  [JAN, '2月16日提醒我开会（遇节假日顺延）', ['2026-02-24T09:00'], '开会'],
  [JAN, '提醒我2月20日前交材料，提前3个工作日提醒', ['2026-02-12T09:00'], '交材料'],
  [JAN, '提醒我2月25日前交材料，提前3个工作日提醒', ['2026-02-13T09:00'], '交材料'],
  [JAN, '提醒我2月25日前交材料，提前3天提醒', ['2026-02-14T09:00'], '交材料'],
  [JAN, '节后第一个工作日提醒我报送假期值班情况', ['2026-02-24T09:00'], '报送假期值班情况'],
  [JAN, '节后第一个工作日上午9点半提醒我开收心会', ['2026-02-24T09:30'], '开收心会'],
  [JAN, '提醒我每月最后一个工作日下午3点报送舆情周报', ['2026-01-30T15:00', '2026-02-28T15:00', '2026-03-31T15:00'], '报送舆情周报'],
  [JAN, '每月第一个工作日提醒我报送台账', ['2026-02-02T09:00', '2026-03-02T09:00', '2026-04-01T09:00'], '报送台账'],
  ['2026-02-13T10:00', '每个工作日8:30提醒我打卡', ['2026-02-14T08:30', '2026-02-24T08:30', '2026-02-25T08:30'], '打卡'],
  ['2026-02-10T10:00', '每周一上午9点提醒我开例会（遇节假日顺延）', ['2026-02-24T09:00', '2026-03-02T09:00', '2026-03-09T09:00'], '开例会'],
  ['2026-02-10T10:00', '每周五下午5点提醒我交周报', ['2026-02-13T17:00', '2026-02-14T17:00', '2026-02-27T17:00'], '交周报'],
  [JAN, '5个工作日后提醒我复核', ['2026-01-27T09:00'], '复核'],
  [JAN, '提醒我5个工作日内交材料', ['2026-01-26T09:00'], '交材料'],
  ['2026-02-13T10:00', '下个工作日提醒我', ['2026-02-14T09:00']],
  [JAN, '提醒我本月最后一个工作日交报表', ['2026-01-30T09:00'], '交报表'],
  [JAN, '提醒我下个月第一个工作日交报表', ['2026-02-02T09:00'], '交报表'],
  [JAN, '每2周周五下午3点提醒我交学习记录', ['2026-01-23T15:00', '2026-02-06T15:00', '2026-02-14T15:00'], '交学习记录'],
  [JAN, '提醒我2月28日下午提交材料', ['2026-02-28T15:00'], '提交材料'],
  [JAN, '每月15日提醒我交党费', ['2026-02-14T09:00', '2026-03-13T09:00', '2026-04-15T09:00'], '交党费'],
  [JAN, '每月15日提醒我交党费（遇节假日顺延）', ['2026-02-24T09:00', '2026-03-16T09:00', '2026-04-15T09:00'], '交党费'],
  [JAN, '每月25日前报送台账，提前2个工作日提醒', ['2026-01-22T09:00', '2026-02-14T09:00', '2026-03-23T09:00'], '报送台账'],
  [JAN, '2月14日提醒我开会', ['2026-02-14T09:00'], '开会'],
  [JAN, '提醒我2月15日交材料', ['2026-02-14T09:00'], '交材料'],
  [JAN, '2月22日提醒我值班，节假日也提醒', ['2026-02-22T09:00'], '值班'],
  [JAN, '每逢节后第一个工作日上午9点提醒我报送值班情况', ['2026-02-24T09:00', '2026-04-07T09:00', '2026-05-06T09:00'], '报送值班情况'],
  [JAN, '每隔两周周三提醒我开读书会', ['2026-01-21T09:00', '2026-02-04T09:00', '2026-02-14T09:00'], '开读书会'],
  [JAN, '提醒我每2周交一次学习记录', ['2026-02-03T09:00', '2026-02-14T09:00', '2026-03-03T09:00'], '交一次学习记录'],
  [JAN, '提醒我2月13日前交材料，提前2个工作日和当天提醒', ['2026-02-11T09:00', '2026-02-13T09:00'], '交材料'],
  [JAN, '提醒我下下个月最后一个工作日交报表', ['2026-03-31T09:00'], '交报表'],
  // Mid-Autumn and National Day
  [SEP, '10月1日提醒我报送节日值班表', ['2026-09-30T09:00'], '报送节日值班表'],
  [SEP, '10月3日提醒我（遇节假日顺延）', ['2026-10-08T09:00']],
  [SEP, '提醒我10月9日前交材料，提前3天提醒', ['2026-09-30T09:00'], '交材料'],
  [SEP, '提醒我10月9日前交材料，提前3个工作日提醒', ['2026-09-29T09:00'], '交材料'],
  [SEP, '节后第一个工作日提醒我报送值班情况', ['2026-09-28T09:00'], '报送值班情况'],
  ['2026-09-29T10:00', '节后第一个工作日提醒我报送值班情况', ['2026-10-08T09:00'], '报送值班情况'],
  [SEP, '9月20日提醒我', ['2026-09-20T09:00']],
  [SEP, '10月10日下午3点提醒我开会', ['2026-10-10T15:00'], '开会'],
  [SEP, '每周一上午9点提醒我开例会', ['2026-09-21T09:00', '2026-09-28T09:00', '2026-09-30T09:00'], '开例会'],
  [SEP, '每周日上午10点提醒我值班检查', ['2026-09-20T10:00', '2026-09-27T10:00', '2026-10-04T10:00'], '值班检查'],
  [SEP, '每月最后一个工作日下午3点提醒我报送舆情周报', ['2026-09-30T15:00', '2026-10-30T15:00', '2026-11-30T15:00'], '报送舆情周报'],
  [SEP, '每月第一个工作日提醒我报送台账', ['2026-10-08T09:00', '2026-11-02T09:00', '2026-12-01T09:00'], '报送台账'],
  ['2026-09-29T10:00', '3个工作日后提醒我', ['2026-10-09T09:00']],
  [SEP, '提醒我10个工作日内交整改报告', ['2026-09-28T09:00'], '交整改报告'],
  ['2026-09-30T10:00', '下个工作日提醒我', ['2026-10-08T09:00']],
  [SEP, '提醒我9月30日下午5点前交报表，提前1天提醒', ['2026-09-29T17:00'], '交报表'],
  ['2026-09-30T10:00', '每天晚上8点提醒我写日志', ['2026-09-30T20:00', '2026-10-01T20:00', '2026-10-02T20:00'], '写日志'],
  [SEP, '每2周周一上午9点提醒我', ['2026-09-28T09:00', '2026-10-12T09:00', '2026-10-26T09:00']],
  [SEP, '每季度末提醒我研判', ['2026-09-30T09:00', '2026-12-31T09:00', '2027-03-31T09:00'], '研判'],
  // Labour Day and its 调休 Saturday
  [APR, '5月9日提醒我交材料', ['2026-05-09T09:00'], '交材料'],
  [APR, '5月2日提醒我', ['2026-04-30T09:00']],
  [APR, '提醒我5月6日前交报告，提前2个工作日提醒', ['2026-04-29T09:00'], '交报告'],
  [APR, '每周六上午9点提醒我加班值守', ['2026-04-25T09:00', '2026-05-02T09:00', '2026-05-09T09:00'], '加班值守'],
  // A year the holiday data does not cover yet: weekends only
  // 元旦 2027 (Friday) is a statutory rest day even before the 2027 arrangement is published
  ['2026-11-30T10:00', '2027年1月1日提醒我', ['2026-12-31T09:00']],
  ['2026-11-30T10:00', '2027年1月3日提醒我交总结', ['2026-12-31T09:00'], '交总结'],
];

describe('working-day phrasings across holidays (exact fire times)', () => {
  it('has at least 40 of them', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });
  it.each(TABLE)('%s %s', (now, text, expected, what) => {
    const s = spec(text, now);
    expect(fires(s)).toEqual(expected.map(bj));
    if (what !== undefined) expect(s.what).toBe(what);
    // every fire is on a working day unless the user asked for rest days on purpose
    if (!/节假日也|每天|每周[六日]/.test(text)) for (const f of fires(s)) expect(dayInfo(DateTime.fromISO(f).setZone(TZ)).work, f).toBe(true);
  });
});

describe('the confirmation says when and why a time moved', () => {
  it('names the holiday and the 调休 day', () => {
    const s = spec('提醒我2月16日上午10点开会', JAN);
    expect(formatConfirmation({ shortId: 1, spec: s }, TZ)).toContain('注：2月16日（星期一）是春节假期，提醒提前到2月14日（星期六），调休上班日');
  });
  it('says 顺延 when asked, and the rest-day rule of a recurrence', () => {
    const s = spec('每周一上午9点提醒我开例会（遇节假日顺延）', '2026-02-10T10:00');
    const text = formatConfirmation({ shortId: 2, spec: s }, TZ);
    expect(text).toContain('休息日：遇休息日顺延到下一个工作日');
    expect(text).toContain('注：2月16日（星期一）是春节假期，提醒顺延到2月24日（星期二）');
    expect(s.what).toBe('开例会');
  });
  it('marks years without holiday data', () => {
    const text = formatConfirmation({ shortId: 3, spec: spec('2027年1月3日提醒我交总结', '2026-11-30T10:00') }, TZ);
    expect(text).toContain('注：2027年1月3日是星期日，提醒提前到12月31日（星期四）');
    expect(text).toContain('注：2027年调休尚未公布');
  });
  it('我的提醒 shows each next fire on a working day', () => {
    const now = new Date(bj('2026-09-29T10:00'));
    const text = formatList([
      { shortId: 1, spec: spec('每周一上午9点提醒我开例会', '2026-09-15T10:00') },
      { shortId: 2, spec: spec('每月第一个工作日提醒我报送台账', '2026-09-15T10:00'), task: 'linked' },
    ], TZ, now, 'p2p');
    expect(text).toContain('#1 开例会｜每周一 09:00｜下次：2026年9月30日（星期三）09:00');
    expect(text).toContain('#2 报送台账｜每月第一个工作日 09:00｜下次：2026年10月8日（星期四）09:00｜已同步飞书任务');
  });
});

describe('the calendar', () => {
  it('knows 2026 from the library and computes uncovered years from the statutory rule', () => {
    expect(yearCovered(2026)).toBe(true);
    expect(dayInfo(DateTime.fromISO('2026-10-10', { zone: TZ }))).toEqual({ work: true, holiday: '国庆节', makeup: true, covered: true, source: 'package' });
    expect(dayInfo(DateTime.fromISO('2026-10-01', { zone: TZ }))).toMatchObject({ work: false, holiday: '国庆节' });
    // far enough ahead that no library release can cover it: 国庆 1–3 October by the rule, 调休 unknown
    const y = 2099;
    expect(yearCovered(y)).toBe(false);
    expect(dayInfo(DateTime.fromObject({ year: y, month: 10, day: 1 }, { zone: TZ }))).toMatchObject({ work: false, holiday: '国庆节', covered: false, source: 'rule' });
    expect(dayInfo(DateTime.fromObject({ year: y, month: 10, day: 6 }, { zone: TZ }))).toMatchObject({ work: true, covered: false });
  });
  it('counts working days across 调休', () => {
    const d = DateTime.fromISO('2026-02-13T09:00', { zone: TZ });
    expect(addWorkdays(d, 1).toISODate()).toBe('2026-02-14');
    expect(addWorkdays(d, 2).toISODate()).toBe('2026-02-24');
    expect(addWorkdays(DateTime.fromISO('2026-02-24T09:00', { zone: TZ }), -2).toISODate()).toBe('2026-02-13');
    expect(nextAfterHoliday(DateTime.fromISO('2026-02-18T09:00', { zone: TZ }))?.toISODate()).toBe('2026-02-24');
  });
});
