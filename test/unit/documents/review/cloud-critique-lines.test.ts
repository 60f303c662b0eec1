import { describe, expect, it } from 'vitest';
import { critiqueLines } from '../../../../src/documents/review/cloud-revise.js';
import type { Finding } from '../../../../src/report/critique/types.js';

const f = (start: number, end: number, replacement?: string): Finding => ({ rule: 'r', category: 'typo', severity: 'error', message: 'm', start, end, excerpt: '', ...(replacement !== undefined ? { replacement } : {}) });

describe('critiqueLines (按审校意见修订 on a cloud doc)', () => {
  const text = 'ab,cd\n要再接再励。\nXX单位';
  it('applies each literal replacement on its line and keeps the other lines as they were', () => {
    const r = critiqueLines(text, [f(2, 3, '，'), f(7, 11, '再接再厉'), f(13, 15)]);
    expect(r.paragraphs).toEqual(['ab，cd', '要再接再厉。', 'XX单位']);
    expect(r.fixes.map((x) => [x.from, x.to])).toEqual([[',', '，'], ['再接再励', '再接再厉']]);
    expect(r.advice.map((x) => x.start)).toEqual([13]);
  });
  it('a replacement across a line break, an empty span, or one overlapping another fix is advice, never applied', () => {
    const r = critiqueLines(text, [f(4, 7, 'x'), f(3, 3, 'y'), f(0, 2, 'AB'), f(1, 3, 'Z')]);
    expect(r.paragraphs[1]).toBe('要再接再励。');
    expect(r.fixes).toHaveLength(1);
    expect(r.advice).toHaveLength(3);
    expect(r.paragraphs[0]).toBe('aZcd');
  });
});
