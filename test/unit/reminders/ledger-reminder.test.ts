/** Issue 23 item 4: “每月25日提醒记台账” — a reminder on the office calendar whose fires post the month's 台账. */
import { describe, expect, it } from 'vitest';
import { LEDGER_REMINDER_WHAT, parseLedgerReminder } from '../../../src/reminders/parse.js';
import { ledgerDigest } from '../../../src/report/material/entry.js';
import { routeText } from '../../../src/handler/routes.js';

// Sunday 2026-09-20, Beijing: the 25th falls in the 中秋 holiday, October's on a Sunday.
const o = { now: new Date('2026-09-20T02:00:00Z'), timezone: 'Asia/Shanghai' };

describe('parseLedgerReminder', () => {
  it('sets a flagged monthly reminder whose rest-day fires move to the working day before', () => {
    const r = parseLedgerReminder('每月25日提醒记台账', o);
    expect(r?.kind).toBe('set');
    if (r?.kind !== 'set') return;
    expect(r.spec).toMatchObject({ what: LEDGER_REMINDER_WHAT, ledger: true });
    expect(r.spec.recurrence?.shift).toBe('prev');
    expect(r.spec.recurrence?.next.slice(0, 3)).toEqual(['2026-09-24T09:00:00+08:00', '2026-10-23T09:00:00+08:00', '2026-11-25T09:00:00+08:00']);
    expect(r.spec.notes).toContain('10月25日是星期日，提醒提前到10月23日（星期五）');
  });

  it('reads the variants and the cancel; leaves other reminders and 记一笔 entries alone', () => {
    for (const t of ['每月25号提醒大家记台账', '每月最后一个工作日提醒记一笔', '@笔杆子 每月20日下午3点提醒我们填写台账']) {
      const r = parseLedgerReminder(t, o);
      expect(r?.kind === 'set' && r.spec.ledger, t).toBe(true);
    }
    for (const t of ['取消记台账提醒', '关闭记一笔提醒', '不要再提醒记台账了']) expect(parseLedgerReminder(t, o), t).toEqual({ kind: 'ledger-cancel' });
    expect(parseLedgerReminder('每月25日提醒我报送舆情台账', o)).toBeNull();
    expect(parseLedgerReminder('记一笔：每月25日提醒大家开会', o)).toBeNull();
    expect(parseLedgerReminder('查看台账', o)).toBeNull();
    // Without a time it asks for one.
    expect(parseLedgerReminder('提醒记台账', o)?.kind).toBe('error');
  });

  it('is one route entry: a reminder route, before the 台账 and reminder rules', () => {
    expect(routeText('每月25日提醒记台账', o)).toMatchObject({ kind: 'reminder', command: { kind: 'set', spec: { ledger: true } } });
    expect(routeText('取消记台账提醒', o)).toEqual({ kind: 'reminder', command: { kind: 'ledger-cancel' } });
    expect(routeText('记一笔：9月12日召开意识形态工作研判会', o).kind).toBe('ledger');
    expect(routeText('每月25日提醒我报送舆情台账', o)).toMatchObject({ kind: 'reminder', command: { kind: 'set', spec: { what: '报送舆情台账' } } });
  });
});

describe('ledgerDigest', () => {
  const entries = [
    { id: '1', date: '2026-08-20', text: '开展网评员培训1期' },
    { id: '3', date: '2026-09-03', text: '召开意识形态工作研判会，分析研判3类问题' },
    { id: '2', date: '2026-09-12', text: '排查宣传阵地12处' },
  ];

  it('counts this month up to the day, names the latest entry and gives a 记一笔 line to copy', () => {
    expect(ledgerDigest(entries, '2026-09-24').split('\n')).toEqual([
      '本月（2026年9月）台账已记 2 条。',
      '最近一条：第2条 · 2026年9月12日 · 排查宣传阵地12处',
      '补记本月的工作，照下面的格式发一条即可（日期和内容换成实际的）：',
      '记一笔：9月24日召开意识形态工作研判会，分析研判3类问题',
      '发“查看台账”列出全部，“导出台账”得到 Excel 文件；不再需要提醒请说“取消记台账提醒”。',
    ]);
  });

  it('says so when the month has none yet, and when the 台账 is empty', () => {
    expect(ledgerDigest(entries, '2026-10-23')).toMatch(/^本月（2026年10月）台账还没有记录。\n最近一条：第2条 · 2026年9月12日/);
    expect(ledgerDigest([], '2026-10-23').split('\n')[1]).toBe('补记本月的工作，照下面的格式发一条即可（日期和内容换成实际的）：');
  });
});
