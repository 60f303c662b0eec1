import { describe, expect, it } from 'vitest';
import { fixture, run } from './helpers.js';

describe('style rule (info only)', () => {
  it('flags set-phrase-heavy paragraphs without facts', () => {
    const t = fixture('style.txt');
    const f = run(t).filter((x) => x.rule === 'style');
    // Since issue 11 "句子过长" starts at 200 characters (the genre's 99th percentile), so the
    // fixture's 130-character sentence is normal for the genre.
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0]!.message).toContain('套话');
  });

  it('flags only sentences far longer than the genre usually writes', () => {
    const clause = '组织各支部围绕阵地管理开展自查，逐项登记问题并明确整改时限，';
    const long = `${clause.repeat(7)}确保整改到位。`;
    const f = run(long).filter((x) => x.rule === 'style');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('句子过长')]);
    expect(run(`${clause.repeat(4)}确保整改到位。`).filter((x) => x.rule === 'style')).toEqual([]);
  });

  it('does not flag a paragraph with concrete facts', () => {
    const t = '局党组高度重视意识形态工作，切实加强组织领导，进一步加强阵地管理，不断提升工作水平：全年召开专题会议4次，检查宣传栏36块，处置舆情2起。';
    expect(run(t).filter((x) => x.rule === 'style')).toEqual([]);
  });
});
