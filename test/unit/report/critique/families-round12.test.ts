/**
 * Round 12 (issue 24): precision as families — where a replacement may be wrong, advice instead. Our own text;
 * no sentence here comes from a draw.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

/** [text at the finding, severity, replacement or null] of one rule. */
const spans = (t: string, rule: string) => run(t).filter((f) => f.rule === rule).map((f) => [t.slice(f.start, f.end), f.severity, f.replacement ?? null]);
const TITLE = '2025年县水利局意识形态工作总结\n';

describe('a short name in a body heading is advice without a replacement', () => {
  it('（二）落实意识形态责任制: info, no fix; the same words in a body sentence keep the fix', () => {
    const t = `${TITLE}一、主要做法\n（二）落实意识形态责任制\n局党组全年召开专题会议4次。\n`;
    expect(spans(t, 'formulation')).toEqual([['意识形态责任制', 'info', null]]);
    const body = `${TITLE}一、主要做法\n局党组认真落实意识形态责任制，全年召开专题会议4次。\n`;
    expect(spans(body, 'formulation')).toEqual([['意识形态责任制', 'warning', '意识形态工作责任制']]);
  });
});
