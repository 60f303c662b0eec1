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

describe('page chrome from more kinds of site', () => {
  it("a site's header line (name + 首页) is one chrome finding; its space is not fixed", () => {
    const t = '范文之家 首页\n\n2021年宣传思想工作总结\n2021年，局党组按季度研究宣传思想工作。\n';
    expect(run(t).filter((f) => f.start < 8).map((f) => [f.rule, t.slice(f.start, f.end), f.replacement ?? null])).toEqual([['debris', '范文之家 首页', null]]);
  });
  it('an image file name on its own line, a column code before a portal heading, a listing tag', () => {
    const t = '12-4-7-1实验中学党支部意识形态工作自查\n\n实验中学党支部意识形态工作自查报告 -自查 [] 一、基本情况\n党支部按季度研究意识形态工作。\n\nIMG_2031.png\n';
    const debris = spans(t, 'debris').map(([s]) => s);
    expect(debris).toContain('12-4-7-1');
    expect(debris.some((d) => String(d).includes('-自查 []'))).toBe(true);
    expect(debris).toContain('IMG_2031.png');
  });
  it('a heading line and a slogan with 首页 inside, a date range and a file name in a sentence are no chrome', () => {
    const t = '2021年宣传思想工作总结\n党支部在网站首页开设“学习园地”专栏，2021-2022学年共更新12期，附件“学习园地.png”已上报。\n';
    expect(run(t).filter((f) => f.rule === 'debris')).toEqual([]);
  });
});

describe('the title doubled after the full name', () => {
  it('习近平总书记总书记 is a plain repeat: 总书记', () => {
    const t = '2024年宣传思想工作总结\n镇党委深入学习习近平总书记总书记关于文化建设的重要论述。\n';
    expect(serious(run(t)).filter((f) => t.slice(f.start, f.end).includes('总书记')).map((f) => [t.slice(f.start, f.end), f.replacement])).toEqual([['总书记总书记', '总书记']]);
  });
});
