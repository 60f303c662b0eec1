import { describe, expect, it } from 'vitest';
import { fixture, hits, run } from './helpers.js';

describe('punctuation rule', () => {
  it('finds doubled marks, 、等, half-width marks and unbalanced pairs at the unmatched mark', () => {
    const t = fixture('punctuation.txt');
    const found = run(t).filter((f) => f.rule === 'punctuation');
    expect(found.map((f) => [t.slice(f.start, f.end), f.severity])).toEqual([
      ['，，', 'error'],
      ['。。', 'error'],
      ['《', 'error'],
      ['、等', 'warning'],
      [',', 'warning'],
      ['（', 'error'],
      ['（一）、', 'error'],
      ['】', 'error'],
    ]);
    // The unmatched 《 is the one before 党委（党组）…实施办法, not the balanced 《中国共产党宣传工作条例》.
    const book = found.find((f) => t.slice(f.start, f.end) === '《')!;
    expect(t.slice(book.start, book.start + 6)).toBe('《党委（党组');
  });

  it('reports the outer unmatched quote when quotes nest wrongly', () => {
    const t = '他说“作为分管领导，要切实当好“第一责任人”。';
    const h = run(t).filter((f) => f.rule === 'punctuation');
    expect(h).toHaveLength(1);
    expect(h[0]!.start).toBe(t.indexOf('“'));
  });

  it('accepts half-width marks between digits and Latin letters', () => {
    const t = '每周一8:30召开例会，使用OA系统(v2.1)和Word,Excel处理文件。';
    expect(hits(run(t), t, 'punctuation')).toEqual([]);
  });

  it('flags half-width parentheses around Chinese text', () => {
    const t = '成立领导小组(由书记任组长)，统筹推进。';
    expect(hits(run(t), t, 'punctuation')).toEqual([['(由书记任组长)', 'warning']]);
  });

  it('flags mixed adjacent marks', () => {
    const t = '组织学习，。开展研讨。';
    expect(hits(run(t), t, 'punctuation')).toEqual([['，。', 'error']]);
  });
});
