import { describe, expect, it } from 'vitest';
import { decisionsFromModel, inspectDocx, promptComments, reviewDocx } from '../../../src/documents/review/index.js';
import { readReview } from '../../../src/documents/review/read.js';
import { parseReviewModelAnswer, reviewPromptComments } from '../../../src/report/review-answer.js';
import { PromptLibrary } from '../../../src/llm/prompts.js';
import { fixture } from '../../support/review-docx.js';

// A chat model's answer as they come: reasoning, a preamble, Markdown bold, a block left out,
// a figure it made up, a multi-line replacement, and a closing remark.
const MESSY = `<think>先看第一条，是提法问题……</think>
好的，以下是逐条处理意见：

**【1】已修改**
范围：原文
改为：增强“四个意识”
说明：按规范提法改为“四个意识”

【2】已修改
改为：（二）
说明：序号顺延

【3】需要补充
补充：“三单”具体指哪三张清单

【4】已修改
改为：组织中心组专题学习12次
说明：补上次数

【5】已修改
改为：干部职工学习热情高涨，
形成了比学赶超的良好氛围。
说明：改为书面语

【7】已修改
改为：
说明：删去与主题无关的内容

以上意见供参考，如需调整请告诉我。`;

describe('the model’s answer read back', () => {
  it('gives one decision per comment, keeps no invented figure, and answers a block left out', async () => {
    const ins = await inspectDocx(fixture('leader-review.docx'));
    if (ins.kind !== 'ok') throw new Error(ins.kind);
    const prompt = promptComments(ins.review, ins.items);
    expect(reviewPromptComments(prompt).split('\n')[0]).toBe('【1】类型：政治表述');
    const model = parseReviewModelAnswer(MESSY, prompt, '');
    expect(model.map((d) => [d.n, d.reply.kind, d.text])).toEqual([
      [1, 'revised', '增强“四个意识”'],
      [2, 'revised', '（二）'],
      [3, 'ask', undefined],
      [4, 'ask', undefined],
      [5, 'revised', '干部职工学习热情高涨，\n形成了比学赶超的良好氛围。'],
      [6, 'kept', undefined],
      [7, 'revised', ''],
    ]);
    expect(model[3]!.reply).toEqual({ kind: 'ask', need: '相关数字（模型给出的“12”在原文和材料里都没有，未采用）' });
    expect(model[5]!.reply).toEqual({ kind: 'kept', what: '原文保留', reason: '模型没有给出这一条的处理意见' });
    // With the figure in the writer's material, it is used.
    expect(parseReviewModelAnswer(MESSY, prompt, '上半年中心组专题学习12次')[3]!.text).toBe('组织中心组专题学习12次');

    const out = await reviewDocx(fixture('leader-review.docx'), decisionsFromModel(ins.items, model), { now: new Date('2026-07-11T08:00:00Z') });
    if (!out.ok) throw new Error(out.message);
    expect(out.replies).toHaveLength(7);
    const back = await readReview(out.docx);
    expect(back.paragraphs[3]!.text).toContain('增强“四个意识”，坚决做到');
    expect(back.paragraphs[8]!.text).toBe('三是队伍建设需要加强。');
  });

  it('the prompt file is registered with its two variables', () => {
    const lib = PromptLibrary.load();
    expect(lib.render('review-comments', { comments: '【1】……', material: '（无）' })).toContain('【1】……');
  });
});
