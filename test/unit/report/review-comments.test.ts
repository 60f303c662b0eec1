import { describe, expect, it } from 'vitest';
import { classifyComment, commentListLines, commentSummary, describeAnswer, parseReviewAnswer, replyText, type CommentClass } from '../../../src/report/review-comments.js';

describe('the leader’s comments classified by rules', () => {
  it('puts typical margin notes in their kind', () => {
    const cases: Array<[string, CommentClass]> = [
      ['太口语化，请润色', 'rewrite'],
      ['这句话不通顺', 'rewrite'],
      ['再提炼一下', 'rewrite'],
      ['这里要有数据', 'data'],
      ['补充具体事例', 'data'],
      ['开展了几次？', 'data'],
      ['删去', 'delete'],
      ['这句不要', 'delete'],
      ['建议删除此段', 'delete'],
      ['压缩到半页', 'structure'],
      ['这一段太长，压缩到三行以内', 'structure'],
      ['这部分放到第二部分', 'structure'],
      ['提法不准', 'political'],
      ['按最新表述改', 'political'],
      ['序号格式不对', 'format'],
      ['标点用全角', 'format'],
      ['看不懂', 'question'],
      ['“三单”指什么？', 'question'],
      ['这里为什么这样写？', 'question'],
      ['please rephrase', 'rewrite'],
    ];
    for (const [text, cls] of cases) expect([text, classifyComment(text)]).toEqual([text, cls]);
  });

  it('sums up the list in one line, kinds in a fixed order, empty kinds left out', () => {
    expect(commentSummary(['question', 'rewrite', 'delete', 'data', 'rewrite', 'political'])).toBe('共 6 条批注：改写 2、补数据 1、删去 1、提法 1、提问 1');
    expect(commentSummary([])).toBe('这份文档里没有批注。');
  });

  it('lists each comment with its number, kind, passage and note', () => {
    expect(commentListLines([{ n: 1, cls: 'delete', author: '李主任', text: '删去', quoted: '另外，机关食堂伙食改善工作也取得了明显成效。' }, { n: 3, cls: 'rewrite', author: '李主任', text: '太口语化', quoted: '一是理论学习还不够深入，有的同志满足于读原文、记笔记' }, { n: 2, cls: 'question', author: '', text: '看不懂', quoted: '' }])).toEqual([
      '1.【删去】“另外，机关食堂伙食改善工作也取得了明显成效。”——李主任：删去',
      '3.【改写】“一是理论学习还不够深入，有的同志满足于读原文、记…”——李主任：太口语化',
      '2.【提问】（未落在正文）——看不懂',
    ]);
  });
});

describe('the writer’s answer to the list', () => {
  it('reads 全部处理, picked numbers, ranges, Chinese numerals, exclusions and refusals', () => {
    expect(parseReviewAnswer('全部处理', 6)).toEqual({ kind: 'all' });
    expect(parseReviewAnswer('处理 1 3 5', 6)).toEqual({ kind: 'some', numbers: [1, 3, 5] });
    expect(parseReviewAnswer('都改吧', 6)).toEqual({ kind: 'all' });
    expect(parseReviewAnswer('处理 1、3', 6)).toEqual({ kind: 'some', numbers: [1, 3] });
    expect(parseReviewAnswer('1,3，5', 6)).toEqual({ kind: 'some', numbers: [1, 3, 5] });
    expect(parseReviewAnswer('第二条和第四条', 6)).toEqual({ kind: 'some', numbers: [2, 4] });
    expect(parseReviewAnswer('2-4', 6)).toEqual({ kind: 'some', numbers: [2, 3, 4] });
    expect(parseReviewAnswer('除了2都改', 4)).toEqual({ kind: 'some', numbers: [1, 3, 4] });
    expect(parseReviewAnswer('不用改', 4)).toEqual({ kind: 'none' });
    expect(parseReviewAnswer('处理第9条', 4)).toEqual({ kind: 'invalid', bad: [9] });
    expect(parseReviewAnswer('今天天气不错', 4)).toBeUndefined();
  });

  it('says back what it understood, and what is wrong with a bad number', () => {
    expect(describeAnswer({ kind: 'some', numbers: [1, 3] }, 6)).toBe('好的，处理第 1、3 条，其余逐条回复“未修改”。');
    expect(describeAnswer({ kind: 'invalid', bad: [9] }, 4)).toContain('请回复 1 到 4 之间的序号');
  });
});

describe('the replies 笔杆子 leaves', () => {
  it('uses the three fixed openings, and the offline and unlocated ones', () => {
    expect(replyText({ kind: 'revised', what: '“四种意识”改为“四个意识”' })).toBe('已修改：“四种意识”改为“四个意识”');
    expect(replyText({ kind: 'kept', what: '原文保留', reason: '该处是引文' })).toBe('未修改：原文保留（该处是引文）');
    expect(replyText({ kind: 'ask', need: '上半年中心组学习次数' })).toBe('需要你补充：【上半年中心组学习次数】');
    expect(replyText({ kind: 'offline', cls: 'delete' })).toMatch(/^需要配置大模型后处理/);
    expect(replyText({ kind: 'unlocated' })).toMatch(/^未能定位/);
  });
});
