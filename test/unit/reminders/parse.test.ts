import { describe, expect, it } from 'vitest';
import { parseReminderCommand, type ReminderCommand, type ReminderSpec, type Rule } from '../../../src/reminders/parse.js';

// Wednesday 2026-06-10 10:00 Beijing time.
const NOW = new Date('2026-06-10T10:00:00+08:00');
const parse = (text: string, now = NOW) => parseReminderCommand(text, { now, timezone: 'Asia/Shanghai' });
/** '2026-06-27T09:00' → '2026-06-27T09:00:00+08:00' */
const bj = (s: string) => `${s}:00+08:00`;

function spec(cmd: ReminderCommand | null): ReminderSpec {
  if (!cmd || cmd.kind !== 'set') throw new Error(`expected set, got ${JSON.stringify(cmd)}`);
  return cmd.spec;
}
function errorOf(cmd: ReminderCommand | null): string {
  if (!cmd || cmd.kind !== 'error') throw new Error(`expected error, got ${JSON.stringify(cmd)}`);
  return cmd.message;
}

// [phrase, expected one-off fire times (Asia/Shanghai), expected task text or undefined to skip]
const ONE_OFF: [string, string[], string?][] = [
  ['提醒我6月30日前交上半年意识形态报告，提前3天提醒', ['2026-06-26T09:00'], '交上半年意识形态报告'],
  ['明年1月10日前交年度述职报告，提前一周和前一天各提醒一次', ['2026-12-31T09:00', '2027-01-08T09:00'], '交年度述职报告'],
  ['下周五下午3点提醒我改稿', ['2026-06-18T15:00'], '改稿'],
  ['10分钟后提醒我', ['2026-06-10T10:10'], ''],
  ['月底提醒我报送舆情台账', ['2026-06-30T09:00'], '报送舆情台账'],
  ['明天提醒我交材料', ['2026-06-11T09:00'], '交材料'],
  ['明天上午10点提醒我开会', ['2026-06-11T10:00'], '开会'],
  ['后天下午两点半提醒我开会', ['2026-06-12T14:30'], '开会'],
  ['大后天提醒我', ['2026-06-12T09:00'], ''],
  ['今晚8点提醒我开会', ['2026-06-10T20:00'], '开会'],
  ['明早7点半提醒我', ['2026-06-11T07:30']],
  ['今天下午5点提醒我', ['2026-06-10T17:00']],
  ['3天后提醒我交稿', ['2026-06-12T09:00'], '交稿'],
  ['三天后下午4点提醒我', ['2026-06-12T16:00']],
  ['两小时后提醒我', ['2026-06-10T12:00']],
  ['半小时后提醒我', ['2026-06-10T10:30']],
  ['1个半小时后提醒我', ['2026-06-10T11:30']],
  ['二十分钟后提醒我喝水', ['2026-06-10T10:20'], '喝水'],
  ['1周后提醒我', ['2026-06-17T09:00']],
  ['3个月后提醒我复查', ['2026-09-10T09:00'], '复查'],
  ['周五提醒我', ['2026-06-12T09:00']],
  ['周一提醒我', ['2026-06-15T09:00']],
  ['本周五下午提醒我', ['2026-06-12T15:00']],
  ['下周一上午十点提醒我', ['2026-06-15T10:00']],
  ['下下周一上午十点提醒我', ['2026-06-22T10:00']],
  ['星期天晚上提醒我', ['2026-06-14T20:00']],
  ['礼拜三下午3点提醒我', ['2026-06-10T15:00']],
  ['季度末提醒我报送台账', ['2026-06-30T09:00'], '报送台账'],
  ['下季度末提醒我', ['2026-09-30T09:00']],
  ['年底提醒我写述职报告', ['2026-12-31T09:00'], '写述职报告'],
  ['明年年底提醒我', ['2027-12-31T09:00']],
  ['下个月5号提醒我交党费', ['2026-07-03T09:00'], '交党费'],
  ['下个月底提醒我', ['2026-07-31T09:00']],
  ['3号提醒我交材料', ['2026-07-03T09:00'], '交材料'],
  ['20号提醒我', ['2026-06-18T09:00']],
  ['7月1日提醒我', ['2026-07-01T09:00']],
  ['6月5日提醒我', ['2027-06-04T09:00']],
  ['2026年12月31日下午5点前交年度报告，提前2小时提醒', ['2026-12-31T15:00'], '交年度报告'],
  ['十二月三十一日上午十点提醒我', ['2026-12-31T10:00']],
  ['2027-01-05提醒我', ['2027-01-05T09:00']],
  ['2027年3月1日14:00提醒我', ['2027-03-01T14:00']],
  ['明天13:30提醒我面谈', ['2026-06-11T13:30'], '面谈'],
  ['3点提醒我开会', ['2026-06-10T15:00'], '开会'],
  ['9点提醒我', ['2026-06-11T09:00']],
  ['晚上9点提醒我', ['2026-06-10T21:00']],
  ['中午12点提醒我吃饭', ['2026-06-10T12:00'], '吃饭'],
  ['中午1点提醒我', ['2026-06-10T13:00']],
  ['凌晨5点提醒我', ['2026-06-11T05:00']],
  ['提醒我7月1日交报告，提前3天和当天各提醒一次', ['2026-06-26T09:00', '2026-07-01T09:00'], '交报告'],
  ['6月20日下午5点前交报告，提前1天提醒', ['2026-06-18T17:00'], '交报告'],
  ['提醒我6月30日前交报告', ['2026-06-29T09:00'], '交报告'],
  ['截止6月30日交报告，提前5天提醒我', ['2026-06-25T09:00'], '交报告'],
  ['7月15日之前报送材料，提前一周提醒我', ['2026-07-08T09:00'], '报送材料'],
  ['6月30日前交报告，提前一个月和提前3天提醒', ['2026-06-26T09:00'], '交报告'],
  ['请在下周五下午3点提醒我改稿', ['2026-06-18T15:00'], '改稿'],
  ['明天下午提醒我', ['2026-06-11T15:00']],
  ['6月10日下午5点提醒我', ['2026-06-10T17:00']],
  ['下周三下午三点一刻提醒我', ['2026-06-17T15:15']],
  ['明天上午9:45提醒我', ['2026-06-11T09:45']],
  ['今年12月1日提醒我', ['2026-12-01T09:00']],
  ['2026/7/8提醒我', ['2026-07-08T09:00']],
  ['明天晚上十一点提醒我', ['2026-06-11T23:00']],
  ['后天傍晚提醒我', ['2026-06-12T18:00']],
  ['6月底提醒我', ['2026-06-30T09:00']],
  ['12月初提醒我', ['2026-12-01T09:00']],
  ['明天下午5点前交报告，提前1小时提醒我', ['2026-06-11T16:00'], '交报告'],
  ['7月1提醒我交材料', ['2026-07-01T09:00'], '交材料'], // chrono zh.hans fallback
  ['3天内提醒我交稿', ['2026-06-12T09:00'], '交稿'],
  ['周末提醒我', ['2026-06-13T09:00']],
  ['帮我设个提醒，明天上午十点开会', ['2026-06-11T10:00'], '开会'],
  ['7/1提醒我', ['2026-07-01T09:00']],
  ['下个星期三提醒我', ['2026-06-17T09:00']],
  ['提醒我月底前报送舆情台账，提前3天', ['2026-06-26T09:00'], '报送舆情台账'],
  ['提醒我年底前交述职报告，提前一周', ['2026-12-24T09:00'], '交述职报告'],
  ['今天下午6点前交稿，提前1小时提醒我', ['2026-06-10T17:00'], '交稿'],
  ['30分钟后提醒我给王主任回电话', ['2026-06-10T10:30'], '给王主任回电话'],
  ['提醒我下周五前交稿，提前2天提醒', ['2026-06-17T09:00'], '交稿'],
  ['提醒我6月30日前交每年度的报告', ['2026-06-29T09:00'], '交每年度的报告'],
];

// The one recurrence model: rules the way rule.ts evaluates them (a deadline rule's instants are its deadlines).
const D = (t = '09:00'): Rule => ({ freq: 'daily', ...hm(t) });
const W = (weekdays: number[], t = '09:00'): Rule => ({ freq: 'weekly', weekdays, ...hm(t) });
const M = (monthDays: number[], t = '09:00'): Rule => ({ freq: 'monthly', monthDays, ...hm(t) });
const Y = (months: number[], monthDays: number[], t = '09:00'): Rule => ({ freq: 'yearly', months, monthDays, ...hm(t) });
function hm(t: string) {
  const [h, m] = t.split(':').map(Number);
  return { hour: h!, minute: m! };
}

// [phrase, rule, next three fires]
const RECURRING: [string, Rule, string[], string?][] = [
  ['每年6月20日和12月20日提醒我准备意识形态工作报告', Y([6, 12], [20]), ['2026-06-18T09:00', '2026-12-18T09:00', '2027-06-18T09:00'], '准备意识形态工作报告'],
  ['每月31日提醒我', M([-1]), ['2026-06-30T09:00', '2026-07-31T09:00', '2026-08-31T09:00']],
  ['每月底提醒我报送舆情台账', M([-1]), ['2026-06-30T09:00', '2026-07-31T09:00', '2026-08-31T09:00'], '报送舆情台账'],
  ['每周一和周三上午9点提醒我开例会', W([1, 3]), ['2026-06-15T09:00', '2026-06-17T09:00', '2026-06-22T09:00'], '开例会'],
  ['每天下午5点半提醒我写日志', D('17:30'), ['2026-06-10T17:30', '2026-06-11T17:30', '2026-06-12T17:30'], '写日志'],
  ['每季度末提醒我研判', Y([3, 6, 9, 12], [-1]), ['2026-06-30T09:00', '2026-09-30T09:00', '2026-12-31T09:00'], '研判'],
  ['每半年6月20日提醒我', Y([6, 12], [20]), ['2026-06-18T09:00', '2026-12-18T09:00', '2027-06-18T09:00']],
  ['每个工作日8:30提醒我打卡', D('08:30'), ['2026-06-11T08:30', '2026-06-12T08:30', '2026-06-15T08:30'], '打卡'],
  ['每月25日前报送台账，提前2天提醒', M([25]), ['2026-06-23T09:00', '2026-07-23T09:00', '2026-08-21T09:00'], '报送台账'],
  ['每年12月31日提醒我', Y([12], [31]), ['2026-12-31T09:00', '2027-12-31T09:00', '2028-12-29T09:00']],
  ['每周五下午3点提醒我交周报', W([5], '15:00'), ['2026-06-12T15:00', '2026-06-18T15:00', '2026-06-26T15:00'], '交周报'],
  ['每月1号和15号提醒我', M([1, 15]), ['2026-06-15T09:00', '2026-07-01T09:00', '2026-07-15T09:00']],
  ['每季度10号提醒我', Y([1, 4, 7, 10], [10]), ['2026-07-10T09:00', '2026-10-10T09:00', '2027-01-08T09:00']],
  ['每年6月30日前交报告，提前一周提醒', Y([6], [30]), ['2026-06-23T09:00', '2027-06-23T09:00', '2028-06-23T09:00'], '交报告'],
  ['每周五前交周报，提前1天提醒', W([5]), ['2026-06-11T09:00', '2026-06-18T09:00', '2026-06-25T09:00'], '交周报'],
  ['每天提醒我', D(), ['2026-06-11T09:00', '2026-06-12T09:00', '2026-06-13T09:00']],
  ['每月30日提醒我', M([30]), ['2026-06-30T09:00', '2026-07-30T09:00', '2026-08-28T09:00']],
  ['工作日每天9点提醒我打卡', D(), ['2026-06-11T09:00', '2026-06-12T09:00', '2026-06-15T09:00'], '打卡'],
  ['每周一至周五提醒我', W([1, 2, 3, 4, 5]), ['2026-06-11T09:00', '2026-06-12T09:00', '2026-06-15T09:00']],
  ['每周一、三、五下午4点提醒我', W([1, 3, 5], '16:00'), ['2026-06-10T16:00', '2026-06-12T16:00', '2026-06-15T16:00']],
  ['每年6月20日前提醒我交报告', Y([6], [20]), ['2026-06-18T09:00', '2027-06-18T09:00', '2028-06-19T09:00'], '交报告'],
  ['每月25号前提醒我报送', M([25]), ['2026-06-24T09:00', '2026-07-24T09:00', '2026-08-24T09:00'], '报送'],
];

describe('one-off phrasings (now = 2026-06-10 10:00 星期三, Asia/Shanghai)', () => {
  it.each(ONE_OFF)('%s', (text, fires, what) => {
    const s = spec(parse(text));
    expect(s.fires).toEqual(fires.map(bj));
    expect(s.recurrence).toBeUndefined();
    if (what !== undefined) expect(s.what).toBe(what);
  });
});

describe('recurring phrasings', () => {
  it.each(RECURRING)('%s', (text, rule, next, what) => {
    const s = spec(parse(text));
    expect(s.fires).toEqual([]);
    expect(s.recurrence?.rule).toEqual(rule);
    expect(s.recurrence?.tz).toBe('Asia/Shanghai');
    expect(s.recurrence?.next).toEqual(next.map(bj));
    if (what !== undefined) expect(s.what).toBe(what);
  });
});

describe('phrasing count', () => {
  it('covers at least 60 phrasings with exact fire times', () => {
    expect(ONE_OFF.length + RECURRING.length).toBeGreaterThanOrEqual(60);
  });
});

describe('deadline details', () => {
  it('records deadline, leads and recurrence descriptions', () => {
    const a = spec(parse('提醒我6月30日前交上半年意识形态报告，提前3天提醒'));
    expect(a.deadline).toBe(bj('2026-06-30T00:00'));
    expect(a.deadlineHasTime).toBe(false);
    expect(a.leads).toEqual(['提前3天']);
    const b = spec(parse('明年1月10日前交年度述职报告，提前一周和前一天各提醒一次'));
    expect(b.leads).toEqual(['提前一周', '提前1天']);
    const c = spec(parse('每年6月20日和12月20日提醒我准备意识形态工作报告'));
    expect(c.recurrence?.description).toBe('每年6月20日、12月20日 09:00');
    const d = spec(parse('2026年12月31日下午5点前交年度报告，提前2小时提醒'));
    expect(d.deadline).toBe(bj('2026-12-31T17:00'));
    expect(d.deadlineHasTime).toBe(true);
  });

  it('defaults to one day ahead for a bare deadline and says so', () => {
    const s = spec(parse('提醒我6月30日前交报告'));
    expect(s.leads).toEqual(['提前1天']);
    expect(s.notes.join()).toContain('默认提前1天');
  });

  it('drops a lead that is already past, keeps the rest and says so', () => {
    const s = spec(parse('6月30日前交报告，提前一个月和提前3天提醒'));
    expect(s.leads).toEqual(['提前3天']);
    expect(s.notes.join()).toContain('提前1个月');
    expect(s.notes.join()).toContain('已经过了');
  });

  it('says when a yearless date rolled to next year', () => {
    const s = spec(parse('6月5日提醒我'));
    expect(s.notes.join()).toContain('按明年（2027年）');
  });

  it('says how chrono fallback dates and 周末 were read', () => {
    expect(spec(parse('6月5提醒我')).notes.join()).toContain('按2027年6月5日理解（今年的已经过了）');
    expect(spec(parse('周末提醒我')).notes.join()).toContain('星期六');
    expect(spec(parse('3天内提醒我交稿')).deadline).toBe(bj('2026-06-13T00:00'));
  });

  it('says how a bare 号 and a bare hour were read', () => {
    expect(spec(parse('20号提醒我')).notes.join()).toContain('按本月（6月20日）');
    expect(spec(parse('3号提醒我')).notes.join()).toContain('按下个月（7月3日）');
    expect(spec(parse('3点提醒我开会')).notes.join()).toContain('下午3点');
    expect(spec(parse('每月31日提醒我')).notes.join()).toContain('最后一天');
  });
});

describe('year and month ends (now = 2026-12-30 10:00 星期三)', () => {
  const END = new Date('2026-12-30T10:00:00+08:00');
  it.each([
    ['明天提醒我', '2026-12-31T09:00'],
    // 元旦 is a rest day by the statutory rule: the day before
    ['后天提醒我', '2026-12-31T09:00'],
    ['下个月5号提醒我', '2027-01-05T09:00'],
    ['月底提醒我', '2026-12-31T09:00'],
    ['季度末提醒我', '2026-12-31T09:00'],
    ['下季度末提醒我', '2027-03-31T09:00'],
    ['1月5日提醒我', '2027-01-05T09:00'],
    ['下周一提醒我', '2027-01-04T09:00'],
    // 2027 调休 is not published yet: Sunday 2月28日 moves to Friday
    ['2月28日提醒我', '2027-02-26T09:00'],
  ])('%s', (text, fire) => {
    expect(spec(parse(text, END)).fires).toEqual([bj(fire)]);
  });
  it('每月31日 crosses into next year and February', () => {
    expect(spec(parse('每月31日提醒我', END)).recurrence?.next).toEqual(['2026-12-31T09:00', '2027-01-29T09:00', '2027-02-26T09:00'].map(bj));
  });
  it('每年12月31日 after the day passes goes to next year', () => {
    const after = new Date('2026-12-31T10:00:00+08:00');
    expect(spec(parse('每年12月31日提醒我', after)).recurrence?.next[0]).toBe(bj('2027-12-31T09:00'));
  });
});

describe('injected timezone', () => {
  it('uses the given zone for wall-clock times', () => {
    const s = spec(parseReminderCommand('明天上午9点提醒我', { now: NOW, timezone: 'UTC' }));
    expect(new Date(s.fires[0]!).toISOString()).toBe('2026-06-11T09:00:00.000Z');
  });
});

describe('errors: impossible, past, ambiguous', () => {
  it.each([
    ['提醒我', '什么时候'],
    ['2月30日提醒我', '2月没有30日'],
    ['13月1日提醒我', '没有13月'],
    ['明天25点提醒我', '25点'],
    ['明天10点61分提醒我', '61分'],
    ['2月29日提醒我', '闰年'],
    ['4月31日提醒我', '4月没有31日'],
    ['6月10日提醒我', '已经过去'],
    ['本周一提醒我', '已经过去'],
    ['2025年6月30日提醒我', '已经过去'],
    ['2026年6月1日前交报告，提前1天提醒我', '截止时间'],
    ['6月30日前交报告，提前2小时提醒', '几点截止'],
    ['提醒我下周交报告', '不够具体'],
    ['每月提醒我', '每月几号'],
    ['每年提醒我写报告', '每年几月几日'],
    ['每周提醒我写周报', '每周几'],
    ['每年6月20日和12月25日提醒我', '分开设置'],
    ['每年2月29日提醒我', '不是每年都有'],
    ['明天上午10点和下午3点提醒我', '不止一个时刻'],
    ['6月20日和6月25日提醒我', '不止一个日期'],
    ['晚上12点提醒我', '歧义'],
    ['取消提醒', '编号'],
    ['修改提醒', '哪一个'],
    ['每3个月提醒我', '暂不支持'],
    ['每9周提醒我', '2到8周'],
    ['6月31日提醒我', '6月没有31日'],
  ])('%s', (text, fragment) => {
    expect(errorOf(parse(text))).toContain(fragment);
  });

  it.each([
    ['32号提醒我', '没有32号'],
    ['10分钟后下午3点提醒我', '时间说法有冲突'],
    ['半天后提醒我', '具体的天数'],
    ['每季度提醒我', '每季度的哪一天'],
    ['每月0号提醒我', '没有0号'],
    ['每月32号提醒我', '没有32号'],
    ['每半年6月20日和12月20日提醒我', '只说一个日期'],
    ['每周五提醒我，提前2小时', '按天或周'],
    ['每周一提醒我，提前半天', '整天数'],
    ['每天下午5点提醒我写日志，提前1天', '不用设提前量'],
    ['每月最后一个工作日前报送，提前2个工作日提醒我', '不支持提前量'],
  ])('recurring and relative misuse: %s', (text, fragment) => {
    expect(errorOf(parse(text))).toContain(fragment);
  });

  it('offers what is still possible when every lead is past', () => {
    const msg = errorOf(parse('6月12日前交报告，提前3天提醒'));
    expect(msg).toContain('2026年6月9日（星期二）09:00');
    expect(msg).toContain('还没到');
    expect(msg).toContain('提醒我6月12日前交报告，提前1天提醒');
  });
});

// Issue 19 item 4: several leads on a recurring deadline, and period ends with working-day leads. Each fire is
// a lead before one deadline (the rule's instant); a calendar-day lead on a rest day moves to the working day before.
const DEADLINE_RULES: [string, Rule, string[], string[], string][] = [
  ['每月25日前报送舆情月报，提前3个工作日和1个工作日提醒我', M([25]), ['提前3个工作日', '提前1个工作日'],
    ['2026-06-22T09:00', '2026-06-24T09:00', '2026-07-22T09:00', '2026-07-24T09:00'], '报送舆情月报'],
  ['每季度末前报送意识形态工作分析报告，提前3个工作日提醒', Y([3, 6, 9, 12], [-1]), ['提前3个工作日'],
    ['2026-06-25T09:00', '2026-09-24T09:00', '2026-12-28T09:00'], '报送意识形态工作分析报告'],
  ['每年12月31日前报送年度报告，提前5个工作日和1个工作日提醒我', Y([12], [31]), ['提前5个工作日', '提前1个工作日'],
    ['2026-12-24T09:00', '2026-12-30T09:00', '2027-12-24T09:00', '2027-12-30T09:00'], '报送年度报告'],
  ['每年年底前报送述职报告，提前一周提醒', Y([12], [31]), ['提前一周'], ['2026-12-24T09:00', '2027-12-24T09:00', '2028-12-22T09:00'], '报送述职报告'],
  ['每半年末前报送意识形态工作情况报告，提前5个工作日提醒', Y([6, 12], [-1]), ['提前5个工作日'],
    ['2026-06-23T09:00', '2026-12-24T09:00', '2027-06-23T09:00'], '报送意识形态工作情况报告'],
  // 中秋 9/25–9/27: the 27th's reminder comes on the 24th.
  ['每季度末前提醒我研判，提前3天', Y([3, 6, 9, 12], [-1]), ['提前3天'], ['2026-06-26T09:00', '2026-09-24T09:00', '2026-12-28T09:00'], '研判'],
  ['每月底前提醒我交台账，提前3天', M([-1]), ['提前3天'], ['2026-06-26T09:00', '2026-07-28T09:00', '2026-08-28T09:00'], '交台账'],
  // Across a month's start: the 1st's reminder comes at the end of the month before.
  ['每月1号前提醒我交党费，提前3天', M([1]), ['提前3天'], ['2026-06-26T09:00', '2026-07-29T09:00', '2026-08-28T09:00'], '交党费'],
  ['每年6月底前交报告，提前3天提醒', Y([6], [-1]), ['提前3天'], ['2026-06-26T09:00', '2027-06-25T09:00', '2028-06-27T09:00'], '交报告'],
  // 端午 6/19: Friday's 1-day lead stays on Thursday, the 2-day one on Wednesday.
  ['每周五前交周报，提前1天和提前2天提醒', W([5]), ['提前1天', '提前2天'], ['2026-06-11T09:00', '2026-06-17T09:00', '2026-06-18T09:00', '2026-06-24T09:00'], '交周报'],
  // 10/10 is a 调休 working Saturday; 10/7 is 国庆, so the 3-day lead comes on 9/30.
  ['每季度10号前报送台账，提前3天和当天提醒', Y([1, 4, 7, 10], [10]), ['提前3天', '当天'],
    ['2026-07-07T09:00', '2026-07-10T09:00', '2026-09-30T09:00', '2026-10-10T09:00'], '报送台账'],
];

describe('recurring deadlines: several leads, period ends (now = 2026-06-10 10:00)', () => {
  it.each(DEADLINE_RULES)('%s', (text, rule, leads, next, what) => {
    const s = spec(parse(text));
    expect(s.recurrence?.rule).toEqual(rule);
    expect(s.recurrence?.leads?.map((l) => l.label)).toEqual(leads);
    expect(s.leads).toEqual(leads);
    expect(s.recurrence?.next).toEqual(next.map(bj));
    expect(s.what).toBe(what);
  });
  it('lists two deadlines\' worth of fires when there are several leads', () => {
    expect(spec(parse('每月25日前报送舆情月报，提前3个工作日和1个工作日提醒我')).recurrence?.next).toHaveLength(4);
    expect(spec(parse('每月25日前报送舆情月报，提前3个工作日提醒我')).recurrence?.next).toHaveLength(3);
  });
  it('a lead said once counts once', () => {
    expect(spec(parse('每月25日前报送，提前3天和3天提醒')).leads).toEqual(['提前3天']);
  });
});

describe('leads', () => {
  it('keeps exactly the leads that still fire (提前10天 past, 提前1天 kept)', () => {
    const s = spec(parse('6月12日前交报告，提前10天和提前1天提醒'));
    expect(s.fires).toEqual([bj('2026-06-11T09:00')]);
    expect(s.leads).toEqual(['提前1天']);
    expect(s.notes.join()).toContain('提前10天');
  });
});

describe('other commands', () => {
  it('list, cancel, edit, preset', () => {
    expect(parse('我的提醒')).toEqual({ kind: 'list' });
    expect(parse('查看提醒')).toEqual({ kind: 'list' });
    expect(parse('取消提醒 2')).toEqual({ kind: 'cancel', id: 2 });
    expect(parse('取消第3个提醒')).toEqual({ kind: 'cancel', id: 3 });
    expect(parse('删除提醒3')).toEqual({ kind: 'cancel', id: 3 });
    expect(parse('设置意识形态报告提醒')).toEqual({ kind: 'preset' });
    expect(parse('@_user_1 设置意识形态工作报告提醒')).toEqual({ kind: 'preset' });
    // edits carry the new time as said; it is read against the reminder (test/unit/reminders/edit.test.ts)
    expect(parse('把第2个提醒改到7月5日')).toEqual({ kind: 'edit', id: 2, text: '7月5日' });
    expect(parse('修改第2个提醒为明天下午3点')).toEqual({ kind: 'edit', id: 2, text: '明天下午3点' });
    expect(parse('只改下一次')).toEqual({ kind: 'edit-choice', choice: 'once' });
    expect(parse('改规则')).toEqual({ kind: 'edit-choice', choice: 'rule' });
    expect(parse('确认')).toEqual({ kind: 'preset-confirm' });
    expect(parse('半年报告改到7月8日，述职改到1月22日')).toEqual({ kind: 'preset-adjust', items: [{ key: 'half', text: '7月8日' }, { key: 'duty', text: '1月22日' }] });
  });

  it('returns null for non-reminder text', () => {
    for (const t of ['帮我写一份关于6月30日前报送意识形态报告的提醒通知', '起草一个月底报送舆情台账的提醒', '帮我写提纲', '帮我写一份上半年意识形态工作报告', '这份报告要提醒大家注意什么', '今天天气不错', '润色一下这段话']) {
      expect(parse(t)).toBeNull();
    }
  });

});
