import { describe, expect, it } from 'vitest';
import { fixture, hits, run } from './helpers.js';

describe('date-aware rule', () => {
  it('2024 report: stale congress, future plenum, campaign of another year', () => {
    const t = fixture('dates-2024.txt');
    const f = run(t).filter((x) => x.rule === 'dates');
    expect(f.map((x) => [t.slice(x.start, x.end), x.severity])).toEqual([
      ['党的十九大', 'warning'],
      ['二十届四中全会', 'error'],
      ['党史学习教育', 'warning'],
    ]);
    expect(f[0]!.suggestion).toContain('党的二十大');
  });

  it('2025 H1 report: 四中全会 not yet held; current campaign and 巩固拓展 are fine', () => {
    const t = fixture('dates-2025h1.txt');
    expect(hits(run(t), t, 'dates')).toEqual([['二十届四中全会', 'error']]);
  });

  it('2025 annual report may cite 四中全会', () => {
    const t = '2025年度意识形态工作报告\n2025年，深入学习贯彻党的二十大和二十届四中全会精神。';
    expect(hits(run(t), t, 'dates')).toEqual([]);
  });

  it('2022 annual report may cite both 十九大 (first half) and 二十大', () => {
    const t = '2022年度意识形态工作报告\n上半年深入学习贯彻党的十九大和十九届六中全会精神，10月以来认真学习宣传贯彻党的二十大精神。';
    expect(hits(run(t), t, 'dates')).toEqual([]);
  });

  it('past context (以来, 召开后) is not current guidance', () => {
    const t = '2024年度意识形态工作报告\n党的十九大以来，特别是党的十九大召开后，我局持续加强意识形态工作。';
    expect(hits(run(t), t, 'dates')).toEqual([]);
  });

  it('uses the period option over the text, and skips texts without a period', () => {
    const t = '深入开展党史学习教育，认真贯彻党的十九大精神。';
    expect(hits(run(t), t, 'dates')).toEqual([]);
    expect(hits(run(t, { period: { year: 2025, span: 'year' } }), t, 'dates').map(([s]) => s)).toEqual(['党史学习教育', '党的十九大']);
  });
});
