import { describe, expect, it } from 'vitest';
import { fixture, run } from './helpers.js';

describe('style rule (info only)', () => {
  it('flags set-phrase-heavy paragraphs without facts and overlong sentences', () => {
    const t = fixture('style.txt');
    const f = run(t).filter((x) => x.rule === 'style');
    expect(f.map((x) => x.severity)).toEqual(['info', 'info']);
    expect(f[0]!.message).toContain('套话');
    expect(f[1]!.message).toContain('句子过长');
  });

  it('does not flag a paragraph with concrete facts', () => {
    const t = '局党组高度重视意识形态工作，切实加强组织领导，进一步加强阵地管理，不断提升工作水平：全年召开专题会议4次，检查宣传栏36块，处置舆情2起。';
    expect(run(t).filter((x) => x.rule === 'style')).toEqual([]);
  });
});
