import { describe, expect, it } from 'vitest';
import { fixture, hits, run } from './helpers.js';

describe('numbering rule', () => {
  it('finds skipped, repeated, jumping and mis-started numbers', () => {
    const t = fixture('numbering.txt');
    const found = run(t).filter((f) => f.rule === 'numbering');
    expect(found.map((f) => [t.slice(f.start, f.end), f.severity, f.suggestion])).toEqual([
      ['（三）', 'error', '（二）'],
      ['（三）', 'error', '（四）'],
      ['三、', 'error', '二、'],
      ['1、', 'warning', expect.stringContaining('二级标题')],
      ['1.', 'warning', expect.stringContaining('二级标题')],
      ['四是', 'warning', '三是'],
      ['（二）', 'error', '（一）'],
    ]);
  });

  it('restarts sub-levels under each parent', () => {
    const t = '一、做法\n（一）甲。\n（二）乙。\n二、问题\n（一）丙。\n（二）丁。\n三、打算\n（一）戊。\n1.细项。\n2.细项。\n（二）己。\n1.细项。';
    expect(hits(run(t), t, 'numbering')).toEqual([]);
  });

  it('does not require a pasted excerpt to start at 一', () => {
    const t = '三、下一步工作打算\n（一）深化学习。每季度研讨一次。\n（二）加强管理。每半年检查一次。';
    expect(hits(run(t), t, 'numbering')).toEqual([]);
  });

  it('flags mixing 1、 and 1. at level 3', () => {
    const t = '一、做法\n（一）学习\n1.集中学习。\n2.专题研讨。\n3、个人自学。\n（二）阵地\n1.宣传栏。';
    expect(hits(run(t), t, 'numbering')).toEqual([['3、', 'warning']]);
  });

  it('checks 一是/二是 continuity across the paragraphs of a section and restarts at headings', () => {
    const t = '一、做法\n一是学习。\n二是研讨。\n二是宣讲。\n二、问题\n一是学习不深；二是研判不足。';
    expect(hits(run(t), t, 'numbering')).toEqual([['二是', 'warning']]);
  });

  it('treats several glued reports as separate numbering sequences', () => {
    const t = '甲局意识形态工作情况汇报\n一、做法\n二、问题\n乙局意识形态工作情况汇报\n一、做法\n二、问题';
    expect(hits(run(t), t, 'numbering')).toEqual([]);
  });

  it('flags a level-1 marker with the wrong separator', () => {
    const t = '一.加强组织领导\n召开会议3次。';
    expect(hits(run(t), t, 'numbering')).toEqual([['一.', 'warning']]);
  });
});

describe('numbering and punctuation do not double-report a heading dot', () => {
  it('一.加强 gives one numbering warning and no punctuation finding', () => {
    const t = '一.加强组织领导\n召开会议3次。';
    expect(hits(run(t), t, 'punctuation')).toEqual([]);
  });

  it('一,加强 (half-width comma) gives one numbering warning and no punctuation finding', () => {
    const t = '一,加强组织领导\n召开会议3次。';
    expect(hits(run(t), t, 'numbering')).toEqual([['一,', 'warning']]);
    expect(hits(run(t), t, 'punctuation')).toEqual([]);
  });
});

describe('a 报告如下： line is not a title', () => {
  it('does not restart numbering after it', () => {
    const t = '2025年度意识形态工作报告\n一、主要做法\n召开会议3次。\n现将有关情况报告如下：\n二、存在的问题\n学习不深。';
    expect(hits(run(t), t, 'numbering')).toEqual([]);
  });
});
