import { describe, expect, it } from 'vitest';
import { weekdayNum } from '../../../src/reminders/tokens.js';

describe('weekdayNum (read through the one numeral parser, text/numerals.ts)', () => {
  it('一…六 and 1…6 are Monday…Saturday; 日, 天 and 7 are Sunday', () => {
    expect([...'一二三四五六'].map(weekdayNum)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...'123456'].map(weekdayNum)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...'日天7'].map(weekdayNum)).toEqual([7, 7, 7]);
  });
});
