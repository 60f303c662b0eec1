import { describe, expect, it } from 'vitest';
import { fixture, hits, run } from './helpers.js';

describe('markup rule', () => {
  it('finds page debris, entities, tags and URLs', () => {
    const t = fixture('markup.txt');
    expect(hits(run(t), t, 'markup')).toEqual([
      ['##paidbegin##', 'error'],
      ['&nbsp;', 'error'],
      ['&nbsp;', 'error'],
      ['&ldquo;', 'error'],
      ['&rdquo;', 'error'],
      ['https://www.example.gov.cn/news/123.html', 'warning'],
      ['<br/>', 'error'],
      ['##paidend##', 'error'],
    ]);
  });

  it('flags listing debris and Markdown headings, not ordinary text', () => {
    const t = '区委宣传部意识形态工作报告\n（3篇）\n## 一、主要做法\n对标《条例》要求，局党组#1会议室召开会议。';
    // Listing debris is reported by the debris rule since issue 11.
    expect(hits(run(t), t, 'debris').map(([s]) => s)).toEqual(['（3篇）']);
    expect(hits(run(t), t, 'markup').map(([s]) => s)).toEqual(['## ']);
  });

  it('flags zero-width characters', () => {
    const t = '加强\u200b阵地管理';
    expect(hits(run(t), t, 'markup')).toEqual([['\u200b', 'warning']]);
  });
});

describe('Markdown bullets', () => {
  it('are markup warnings, not placeholders', () => {
    const t = '* 加强组织领导，召开会议3次。\n- 抓好理论学习，集中学习12次。';
    const f = run(t);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['markup', 'warning'], ['markup', 'warning']]);
  });
});
