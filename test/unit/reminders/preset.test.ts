import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ctxOf, parseReminderCommand } from '../../../src/reminders/parse.js';
import { adjustProposal, formatProposal, proposalSpec, proposeCalendar } from '../../../src/reminders/preset.js';
import { dayInfo } from '../../../src/reminders/calendar.js';

const TZ = 'Asia/Shanghai';
const bj = (s: string) => `${s}:00+08:00`;
const ctx = (iso: string) => ctxOf({ now: new Date(bj(iso)), timezone: TZ });

describe('the report calendar', () => {
  it('proposes the coming year\'s usual deadlines on working days, in date order', () => {
    const ps = proposeCalendar(ctx('2026-03-01T10:00'));
    expect(ps.map((p) => [p.key, p.deadline])).toEqual([
      ['half', bj('2026-07-03T00:00')], // 7月5日 is a Sunday
      ['annual', bj('2027-01-08T00:00')], // 2027 not in the data yet: weekends only
      ['duty', bj('2027-01-20T00:00')],
    ]);
    expect(ps[0]?.note).toBe('7月5日是星期日，截止日提前到7月3日');
    const text = formatProposal(ps);
    expect(text).toContain('1. 半年报告：2026年7月3日（星期五）前报送上半年意识形态工作情况报告（通常每年7月上旬）');
    expect(text).toContain('3. 述职：2027年1月20日（星期三）前完成意识形态工作述职材料（通常民主生活会前，一般为1月中下旬）');
    expect(text).not.toContain('飞书任务');
    expect(formatProposal(ps, { tasks: true })).toContain('并在飞书任务中建立待办');
    expect(text).toContain('2027年调休尚未公布');
    expect(text).toContain('回复“确认”');
  });

  it('rolls a deadline too close to lead in to next year', () => {
    const ps = proposeCalendar(ctx('2026-07-01T10:00'));
    expect(ps.find((p) => p.key === 'half')?.deadline).toBe(bj('2027-07-05T00:00'));
  });

  it('is adjusted in one message; adjusted dates also land on working days', () => {
    const c = ctx('2026-03-01T10:00');
    const cmd = parseReminderCommand('半年报告改到7月8日，述职改到1月23日', { now: c.now.toJSDate(), timezone: TZ });
    if (cmd?.kind !== 'preset-adjust') throw new Error(JSON.stringify(cmd));
    const ps = adjustProposal(proposeCalendar(c), cmd.items, c);
    expect(ps.find((p) => p.key === 'half')?.deadline).toBe(bj('2026-07-08T00:00'));
    // 2027-01-23 is a Saturday
    expect(ps.find((p) => p.key === 'duty')).toMatchObject({ deadline: bj('2027-01-22T00:00'), note: '1月23日是星期六，截止日提前到1月22日' });
    expect(() => adjustProposal(ps, [{ key: 'half', text: '哪天都行' }], c)).toThrow(/没看懂/);
  });

  it('each node becomes a deadline reminder 5 and 1 working days ahead', () => {
    const c = ctx('2026-03-01T10:00');
    const s = proposalSpec(proposeCalendar(c)[0]!, c);
    expect(s.deadline).toBe(bj('2026-07-03T00:00'));
    expect(s.leads).toEqual(['提前5个工作日', '提前1个工作日']);
    expect(s.fires).toEqual([bj('2026-06-26T09:00'), bj('2026-07-02T09:00')]);
    for (const f of s.fires) expect(dayInfo(DateTime.fromISO(f).setZone(TZ)).work).toBe(true);
    expect(s.what).toBe('报送上半年意识形态工作情况报告');
  });
});
