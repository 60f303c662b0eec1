import { describe, expect, it } from 'vitest';
import { fixture, hits, run } from './helpers.js';

describe('placeholder rule', () => {
  it('finds every placeholder in the fixture', () => {
    const t = fixture('placeholder.txt');
    const h = hits(run(t), t, 'placeholder').map(([s]) => s);
    expect(h).toEqual(['XX', 'XX', 'X', '**', '*', 'XX', 'xx', '***', '【待补充：网评员队伍建设情况】', 'xxxx', '（此处填写本单位特色做法）', 'A']);
    expect(run(t).filter((f) => f.rule === 'placeholder').every((f) => f.severity === 'error')).toBe(true);
  });

  it('does not flag Markdown bold, Latin words or X光', () => {
    const t = '**一、加强组织领导**\n组织干部体检并拍摄X光片，使用Excel、PPTX等软件整理台账。';
    expect(hits(run(t), t, 'placeholder')).toEqual([]);
  });

  it('flags placeholder symbols and empty brackets', () => {
    const t = '开展学习××次，由○○同志负责，【】';
    expect(hits(run(t), t, 'placeholder').map(([s]) => s)).toEqual(['××', '○○', '【】']);
  });
});
