/**
 * Round 6 (issue 24): the families the r9 blind draw showed, written as families with our own wording.
 * Each family has a defective and a clean case; precision (no false alarm, no wrong fix) comes first.
 */
import { describe, expect, it } from 'vitest';
import { run, serious } from './helpers.js';

const spans = (t: string, rule?: string) =>
  run(t).filter((f) => !rule || f.rule === rule).map((f) => [t.slice(f.start, f.end), f.severity, f.replacement ?? null]);

describe('a letter mask standing for the leader’s name', () => {
  const t = '2022年宣传思想工作总结\n中心党支部认真学习B总书记关于宣传思想工作的重要论述，组织党员通读《B谈治国理政》第四卷。\n';
  it('the mask is the finding; no 习近平 is inserted after the letter', () => {
    expect(run(t).filter((f) => f.rule === 'xi')).toEqual([]);
    expect(spans(t, 'placeholder').map(([s]) => s)).toEqual(['B', 'B']);
  });
  it('a plain 总书记 with no name before it is still reported', () => {
    const u = '2022年宣传思想工作总结\n中心党支部认真学习总书记关于宣传思想工作的重要论述。\n';
    expect(spans(u, 'xi')).toEqual([['总书记', 'warning', '习近平总书记']]);
  });
});

describe('the title doubled where a copy deleted the name', () => {
  it('总书记总书记 → 习近平总书记, one finding, no de-duplication to 总书记', () => {
    const t = '2024年宣传思想工作总结\n镇党委深入学习总书记总书记关于文化建设的重要论述。\n';
    const serious6 = serious(run(t)).filter((f) => t.slice(f.start, f.end).includes('总书记'));
    expect(serious6.map((f) => [t.slice(f.start, f.end), f.replacement])).toEqual([['总书记总书记', '习近平总书记']]);
  });
  it('习近平总书记 once is clean', () => {
    const t = '2024年宣传思想工作总结\n镇党委深入学习习近平总书记关于文化建设的重要论述。\n';
    expect(serious(run(t)).filter((f) => t.slice(f.start, f.end).includes('总书记'))).toEqual([]);
  });
});
