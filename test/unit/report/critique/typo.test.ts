import { describe, expect, it } from 'vitest';
import { CONFUSIONS } from '../../../../src/report/critique/dictionary.js';
import { fixture, hits, run } from './helpers.js';

describe('typo rule', () => {
  it('finds confusions and accidental repeats, keeping legitimate reduplications', () => {
    const t = fixture('typo.txt');
    expect(hits(run(t), t, 'typo')).toEqual([
      ['宽彻', 'error'],
      ['负责则', 'error'],
      ['一如继往', 'error'],
      ['总书记总书记', 'error'],
      ['指示指示', 'error'],
      ['把把', 'warning'],
      ['还还', 'warning'],
      ['布署', 'error'],
      ['截止', 'warning'],
      ['签定', 'error'],
    ]);
  });

  it('does not flag doublings across word boundaries', () => {
    const t = '学习习近平总书记重要讲话，党委委员、局局长、中学学生、没有有效措施、参加加强作风建设的培训、为了了解情况、村村通、人人参与、天天学习、明明白白。';
    expect(hits(run(t), t, 'typo')).toEqual([]);
  });

  it('every confusion entry names its source and compiles', () => {
    for (const c of CONFUSIONS) {
      expect(c.source.length).toBeGreaterThan(3);
      expect(() => new RegExp(c.pattern)).not.toThrow();
      // No capture groups of its own: the rule maps group index → entry.
      expect(new RegExp(`${c.pattern}|`).exec('')!.length).toBe(1);
    }
  });

  it('截止 is only flagged before a point in time', () => {
    const t = '申报截止日期为5月10日，截止到目前已收到18份。截止6月底完成。';
    expect(hits(run(t), t, 'typo').map(([s]) => s)).toEqual(['截止']);
  });
});

describe('confusionKey', () => {
  it('gives every entry a non-empty literal key', async () => {
    const { confusionKey } = await import('../../../../src/report/critique/rules/typo.js');
    for (const c of CONFUSIONS) expect(confusionKey(c.pattern).length, c.pattern).toBeGreaterThanOrEqual(2);
    expect(confusionKey('(?<=(?:[把不]握|抓住)的?)苗条')).toBe('苗条');
    expect(confusionKey('截止(?=目前)')).toBe('截止');
  });
});
