import { describe, expect, it } from 'vitest';
import { critique, dedupe, RULES, type Finding } from '../../../../src/report/critique/index.js';
import { buildDoc } from '../../../../src/report/critique/doc.js';
import { fixture, fixtureNames, run } from './helpers.js';

describe('critique()', () => {
  it('returns findings sorted by start with valid offsets and excerpts', () => {
    for (const name of fixtureNames()) {
      const t = fixture(name);
      const f = run(t);
      for (let i = 1; i < f.length; i++) expect(f[i]!.start).toBeGreaterThanOrEqual(f[i - 1]!.start);
      for (const x of f) {
        expect(x.start).toBeGreaterThanOrEqual(0);
        expect(x.end).toBeGreaterThan(x.start);
        expect(x.end).toBeLessThanOrEqual(t.length);
        const slice = t.slice(x.start, x.end).replace(/\s+/g, ' ');
        expect(slice.startsWith(x.excerpt.replace(/…$/, ''))).toBe(true);
        expect(x.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('every rule id is unique and each finding carries its rule category', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    const t = fixture('punctuation.txt') + fixture('typo.txt');
    for (const x of critique(t)) expect(RULES.find((r) => r.id === x.rule)?.category).toBe(x.category);
  });

  it('de-duplicates overlapping findings of one category, and findings on the same span, keeping the more severe', () => {
    const mk = (start: number, end: number, severity: Finding['severity'], category: Finding['category'] = 'punctuation'): Finding => ({ rule: 'r', category, severity, message: '测试', start, end, excerpt: '' });
    const out = dedupe([mk(0, 3, 'warning'), mk(1, 2, 'error'), mk(1, 2, 'info', 'typo'), mk(5, 6, 'info')]);
    // One finding per defect (issue 11): the typo hint on the very same span goes.
    expect(out.map((f) => [f.start, f.severity, f.category])).toEqual([[1, 'error', 'punctuation'], [5, 'info', 'punctuation']]);
  });

  it('handles empty and whitespace-only text', () => {
    expect(critique('')).toEqual([]);
    expect(critique('\n\n  \n')).toEqual([]);
  });

  it('handles CRLF line endings', () => {
    const t = '2025年度报告\r\n一、做法\r\n（二）学习，，\r\n';
    const f = critique(t);
    expect(f.map((x) => t.slice(x.start, x.end))).toEqual(expect.arrayContaining(['（二）', '，，']));
  });
});

describe('buildDoc', () => {
  it('infers period, unit and title from the title and opening only', () => {
    const d = buildDoc('清河县教育局关于2024年上半年意识形态工作的报告\n2015年以来，我局持续推进……今年上半年开展学习。', { now: new Date('2026-01-01') });
    expect(d.period).toEqual({ year: 2024, span: 'H1' });
    expect(d.unit).toBe('局');
    expect(d.title?.text).toContain('清河县教育局');
  });

  it('keeps the span from a title without a year', () => {
    const d = buildDoc('街道上半年落实意识形态责任制总结\n街道深入贯彻落实党中央关于意识形态工作的决策部署，全面落实主体责任。');
    expect(d.period).toBeNull();
    expect(d.span).toBe('H1');
    expect(d.unit).toBe('街道');
  });
});
