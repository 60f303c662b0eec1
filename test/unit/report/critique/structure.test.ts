import { describe, expect, it } from 'vitest';
import { fixture, hits, run } from './helpers.js';

describe('structure rule', () => {
  it('flags a whole report without problems and plans, in one finding at the title', () => {
    const t = fixture('structure.txt');
    const msgs = run(t).filter((f) => f.rule === 'structure').map((f) => f.message);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toContain('“存在的问题”“下一步打算”');
  });

  it('accepts problems and plans written as paragraphs without headings', () => {
    const t = '2023年度述职报告\n一、加强领导\n召开会议3次。\n二、抓好学习\n学习12次。\n虽然取得一定成绩，但还存在一些差距。一是学习不深。二是研判不足。\n2024年，本人将进一步压实责任。一是加强学习。二是强化研判。';
    expect(hits(run(t), t, 'structure')).toEqual([]);
  });

  it('does not check a pasted paragraph', () => {
    const t = '一是加强理论学习，全年集中学习12次。二是加强阵地管理，检查宣传栏20块。';
    expect(hits(run(t), t, 'structure')).toEqual([]);
  });

  it('notes when plans are fewer than problems', () => {
    const t = '2025年度意识形态工作报告\n一、主要做法\n召开会议3次。\n二、存在的问题\n（一）学习不深。\n（二）研判不足。\n（三）队伍不强。\n三、下一步打算\n（一）深化学习。';
    const f = run(t).filter((x) => x.rule === 'structure');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toContain('3条');
  });
});

describe('structure rule: topics', () => {
  it('notes a problem whose topic has no matching plan', () => {
    const t = '2025年度意识形态工作报告\n一、主要做法\n召开会议3次。\n二、存在的问题\n（一）理论学习不够深入。\n（二）网络舆情处置偏慢。\n三、下一步打算\n（一）深化理论学习。\n（二）加强宣传栏管理。';
    const f = run(t).filter((x) => x.rule === 'structure');
    expect(f.map((x) => [t.slice(x.start, x.end), x.severity])).toEqual([['（二）网络舆情处置偏慢', 'info']]);
  });
});
