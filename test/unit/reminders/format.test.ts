import { describe, expect, it } from 'vitest';
import { formatInstant, normalizeCn, cnNumber } from '../../../src/reminders/cn-time.js';
import {
  formatCancelled, formatConfirmation, formatFired, formatList, formatNotFound, formatNotOwner, nextFire,
} from '../../../src/reminders/format.js';
import { parseReminderCommand, type ReminderSpec } from '../../../src/reminders/parse.js';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-06-10T10:00:00+08:00');
function spec(text: string): ReminderSpec {
  const c = parseReminderCommand(text, { now: NOW, timezone: TZ });
  if (c?.kind !== 'set') throw new Error(JSON.stringify(c));
  return c.spec;
}

describe('cn-time', () => {
  it('converts Chinese numerals', () => {
    expect(cnNumber('十二')).toBe(12);
    expect(cnNumber('三十一')).toBe(31);
    expect(cnNumber('二〇二七')).toBe(2027);
    expect(cnNumber('一百')).toBe(100);
    expect(normalizeCn('十二月三十一日上午十点')).toBe('12月31日上午10点');
    expect(normalizeCn('提前一周和前一天各提醒一次')).toBe('提前1周和前1天各提醒1次');
    expect(normalizeCn('每周一和周三')).toBe('每周一和周三');
    expect(normalizeCn('三点一刻')).toBe('3点15分');
    expect(normalizeCn('２０２６年７月１日')).toBe('2026年7月1日');
  });
  it('leaves what is not a numeral alone', () => {
    expect(cnNumber('abc')).toBeUndefined();
    expect(cnNumber('十万')).toBeUndefined();
    expect(cnNumber('')).toBeUndefined();
    expect(cnNumber('2027')).toBe(2027);
    expect(normalizeCn('周一天天开会')).toBe('周一天天开会');
  });
  it('formats with weekday in the zone', () => {
    expect(formatInstant('2026-06-27T01:00:00Z', TZ)).toBe('2026年6月27日（星期六）09:00');
    expect(formatInstant('2026-06-14T12:00:00Z', TZ, { time: false })).toBe('2026年6月14日（星期日）');
  });
});

describe('confirmation', () => {
  it('shows deadline, lead, absolute fire time with weekday and the short id', () => {
    const text = formatConfirmation({ shortId: 2, spec: spec('提醒我6月30日前交上半年意识形态报告，提前3天提醒') }, TZ);
    expect(text).toBe([
      '✅ 已设置提醒 #2：交上半年意识形态报告',
      '截止：2026年6月30日（星期二）',
      '提前量：提前3天',
      '提醒时间：',
      '· 2026年6月26日（星期五）09:00',
      '注：6月27日是星期六，提醒提前到6月26日（星期五）',
      '发送“我的提醒”查看全部，“取消提醒 2”取消。',
    ].join('\n'));
  });

  it('lists every fire for several leads', () => {
    const text = formatConfirmation({ shortId: 1, spec: spec('明年1月10日前交年度述职报告，提前一周和前一天各提醒一次') }, TZ);
    expect(text).toContain('共提醒2次');
    // 2027 is not in the package yet: the statutory rule (元旦 is a rest day), and the reply says 调休 is unknown
    expect(text).toContain('· 2026年12月31日（星期四）09:00');
    expect(text).toContain('注：2027年1月3日是星期日，提醒提前到12月31日（星期四）');
    expect(text).toContain('· 2027年1月8日（星期五）09:00');
    expect(text).toContain('注：2027年调休尚未公布：法定节假日按《全国年节及纪念日放假办法》推算，补假和调休上班日以国务院办公厅通知为准');
    expect(text).toContain('提前量：提前一周、提前1天');
    expect(text).toContain('截止：2027年1月10日（星期日）');
  });

  it('shows the recurrence and the next fires', () => {
    const text = formatConfirmation({ shortId: 3, spec: spec('每年6月20日和12月20日提醒我准备意识形态工作报告') }, TZ);
    expect(text).toContain('✅ 已设置周期提醒 #3：准备意识形态工作报告');
    expect(text).toContain('周期：每年6月20日、12月20日 09:00');
    expect(text).toContain('休息日：遇休息日提前到前一个工作日');
    expect(text).toContain('· 2026年6月18日（星期四）09:00');
    expect(text).toContain('· 2026年12月18日（星期五）09:00');
    expect(text).toContain('注：6月20日（星期六）是端午假期，提醒提前到6月18日（星期四）');
  });

  it('shows interpretation notes and marks edits', () => {
    const text = formatConfirmation({ shortId: 4, spec: spec('6月5日提醒我交材料') }, TZ, { edited: true });
    expect(text).toContain('✏️ 已修改提醒 #4');
    expect(text).toContain('注：今年的6月5日已经过了，按明年（2027年）6月5日设置');
    expect(text).toContain('2027年6月4日（星期五）09:00');
  });
});

describe('recurring deadlines with several leads (issue 19 item 4)', () => {
  it('the confirmation lists the next fires, each with its deadline and lead', () => {
    const text = formatConfirmation({ shortId: 6, spec: spec('每月25日前报送舆情月报，提前3个工作日和1个工作日提醒我') }, TZ);
    expect(text).toBe([
      '✅ 已设置周期提醒 #6：报送舆情月报',
      '周期：每月25日截止，提前3个工作日、提前1个工作日各提醒一次（09:00）',
      '接下来几次：',
      '· 2026年6月22日（星期一）09:00（6月25日截止，提前3个工作日）',
      '· 2026年6月24日（星期三）09:00（6月25日截止，提前1个工作日）',
      '· 2026年7月22日（星期三）09:00（7月25日截止，提前3个工作日）',
      '· 2026年7月24日（星期五）09:00（7月25日截止，提前1个工作日）',
      '发送“我的提醒”查看全部，“取消提醒 6”取消。',
    ].join('\n'));
  });
  it('a period end with a calendar-day lead says how rest days move', () => {
    const text = formatConfirmation({ shortId: 7, spec: spec('每季度末前提醒我研判，提前3天') }, TZ);
    expect(text).toContain('周期：每季度最后一天（3月、6月、9月、12月底）截止，提前3天提醒（09:00）');
    expect(text).toContain('休息日：遇休息日提前到前一个工作日');
    expect(text).toContain('· 2026年9月24日（星期四）09:00（9月30日截止，提前3天）');
    expect(text).toContain('注：9月27日（星期日）是中秋假期，提醒提前到9月24日（星期四）');
  });
  it('the list and the fired text name the deadline', () => {
    const s = spec('每月25日前报送舆情月报，提前3个工作日和1个工作日提醒我');
    expect(formatList([{ shortId: 1, spec: s }], TZ, NOW, 'p2p')).toContain('#1 报送舆情月报｜每月25日截止，提前3个工作日、提前1个工作日各提醒一次（09:00）｜下次：2026年6月22日（星期一）09:00');
    expect(formatFired(s, s.recurrence!.next[1]!, TZ)).toBe('⏰ 提醒：报送舆情月报\n截止：2026年6月25日（星期四），还有1天\n（周期提醒：每月25日截止，提前3个工作日、提前1个工作日各提醒一次（09:00））');
  });
});

describe('list and results', () => {
  it('lists with next fire as absolute date and weekday', () => {
    const text = formatList([
      { shortId: 5, spec: spec('每月底提醒我报送舆情台账') },
      { shortId: 2, spec: spec('下周五下午3点提醒我改稿') },
    ], TZ, NOW, 'group');
    const lines = text.split('\n');
    expect(lines[0]).toBe('你在本群的提醒（共2个）：');
    expect(lines[1]).toBe('#2 改稿｜下次：2026年6月18日（星期四）15:00');
    expect(lines[2]).toBe('#5 报送舆情台账｜每月最后一天 09:00｜下次：2026年6月30日（星期二）09:00');
  });
  it('empty list invites an example', () => {
    expect(formatList([], TZ, NOW, 'p2p')).toContain('还没有提醒');
  });
  it('next recurring fire is computed from now, not from creation time', () => {
    const s = spec('每月底提醒我');
    expect(nextFire(s, new Date('2026-09-01T00:00:00+08:00'))).toBe('2026-09-30T09:00:00+08:00');
  });
  it('cancel, not found and refusal texts', () => {
    expect(formatCancelled({ shortId: 2, spec: spec('下周五下午3点提醒我改稿') })).toBe('🗑️ 已取消提醒 #2：改稿');
    expect(formatNotFound(9)).toContain('没有找到编号为 9 的提醒');
    expect(formatNotOwner(2, 'cancel')).toContain('只有设置人可以取消');
    expect(formatNotOwner(2, 'edit')).toContain('只有设置人可以修改');
  });
});

describe('fired text', () => {
  it('mentions the creator in a group and counts days to the deadline', () => {
    const s = spec('提醒我6月30日前交上半年意识形态报告，提前3天提醒');
    expect(formatFired(s, s.fires[0]!, TZ, 'ou_abc')).toBe(
      '<at user_id="ou_abc"></at> ⏰ 提醒：交上半年意识形态报告\n截止：2026年6月30日（星期二），还有4天（其中2个工作日）',
    );
  });
  it('plain text without mention in p2p; default text when no task', () => {
    const s = spec('10分钟后提醒我');
    expect(formatFired(s, s.fires[0]!, TZ)).toBe('⏰ 提醒：时间到了');
    const r = spec('每周五下午3点提醒我交周报');
    expect(formatFired(r, r.recurrence!.next[0]!, TZ)).toBe('⏰ 提醒：交周报\n（周期提醒：每周五 15:00）');
    const l = spec('每年6月30日前交报告，提前一周提醒');
    expect(formatFired(l, l.recurrence!.next[0]!, TZ)).toBe('⏰ 提醒：交报告\n截止：2026年6月30日（星期二），还有7天（其中5个工作日）\n（周期提醒：每年6月30日截止，提前一周提醒（09:00））');
  });
});
