/**
 * Round 10 (issue 24): the families that r12 left (and that r10/r11 still show), each with a defective and a clean
 * case in our own words. No sentence here comes from a draw.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

/** [text at the finding, severity, replacement or null] of one rule. */
const spans = (t: string, rule: string) => run(t).filter((f) => f.rule === rule).map((f) => [t.slice(f.start, f.end), f.severity, f.replacement ?? null]);
const TITLE = '2025年县农业农村局意识形态工作总结\n';

describe('precision: one defect, one finding — an inner mark closed with the outer one', () => {
  it('《…〈…》…》 is one finding at the closer that should be 〉, with the fix', () => {
    const t = `${TITLE}局党组专题学习了《市落实〈党委（党组）意识形态工作责任制实施办法》细则》，逐条对照检查。\n`;
    expect(spans(t, 'punctuation')).toEqual([['》', 'error', '〉']]);
  });
  it('“…‘…”…” is one finding too', () => {
    const t = `${TITLE}会上提出“要把‘三会一课”落到实处”的要求，班子成员逐一表态。\n`;
    expect(spans(t, 'punctuation')).toEqual([['”', 'error', '’']]);
  });
  it('a plainly unpaired 〈 with no extra 》 is still reported as such', () => {
    const t = `${TITLE}局党组专题学习了《市落实〈党委（党组）意识形态工作责任制实施办法细则》，逐条对照检查。\n`;
    const p = spans(t, 'punctuation');
    expect(p).toHaveLength(1);
    expect(p[0]![0]).toBe('〈');
    expect(p[0]![2]).toBeNull();
  });
});

describe('precision: a space whose deletion could join what the writer meant apart', () => {
  it('a space between two phrases of a title in 《》 is not an extra space', () => {
    const t = `${TITLE}县融媒体中心开设《稳产保供在一线 乡村振兴看行动》专栏，刊发稿件36篇。\n`;
    expect(spans(t, 'layout').filter(([s]) => String(s).trim() === '')).toEqual([]);
  });
  it('a PDF space inside a word in 《》 is still one', () => {
    const t = `${TITLE}局党组学习了《关于加强网络意识形 态工作的意见》，明确了分工。\n`;
    expect(spans(t, 'layout').map(([s]) => s)).toContain(' ');
  });
  it('on a page joined into one line, a space after 。 is advice (info, no replacement)', () => {
    const t = `${TITLE}现将有关情况报告如下： 一、主要做法 局党组把意识形态工作列入重要议事日程。 （一）强化理论武装。全年开展集中学习12次。 组织专题研讨4次，班子成员撰写心得。 二、存在问题 学习深度还不够。\n`;
    const after = run(t).filter((f) => f.rule === 'layout' && t.slice(f.start, f.end) === '。 ');
    expect(after.length).toBeGreaterThan(0);
    for (const f of after) {
      expect(f.severity).toBe('info');
      expect(f.replacement).toBeUndefined();
    }
  });
  it('a typed space after 。 in an ordinary paragraph is still a warning with its fix', () => {
    const t = `${TITLE}全年开展集中学习12次。 组织专题研讨4次，班子成员撰写心得。\n`;
    expect(spans(t, 'layout')).toContainEqual(['。 ', 'warning', '。']);
  });
});
