import type { FakeRequestBody } from './fake-openai.js';

/** The review prompt (prompts/review.md) as the fakes recognise it. */
export const isReviewPrompt = (body: FakeRequestBody): boolean => body.messages.at(-1)!.content.includes('领导在报告稿上写了批注');

/**
 * A messy answer to the review prompt, as Chinese chat models write it: reasoning, a preamble, bold labels, a
 * block out of order, a closing note. The first five blocks are shared by the review fixtures (a formulation,
 * a numbering, two 补充, a colloquialism); `tail` adds each fixture's own blocks.
 */
export function messyReviewAnswer(tail: readonly string[]): string {
  return [
    '<think>先看批注清单，逐条处理。</think>',
    '好的，以下是逐条处理结果：',
    '',
    '**【1】已修改**',
    '范围：原文',
    '改为：增强“四个意识”',
    '说明：按规范提法改为“四个意识”',
    '',
    '【2】 **已修改**',
    '改为：“（二）”',
    '说明：序号改为（二）',
    '',
    '【4】需要补充',
    '改为：组织中心组专题学习【待补充：次数】次',
    '补充：上半年中心组专题学习的次数',
    '',
    '【3】需要补充',
    '**补充**：“三单”具体指哪三张清单',
    '',
    '【5】已修改',
    '改为：干部职工学习热情高涨，形成了比学赶超的良好氛围。',
    '说明：口语改为书面表述',
    '',
    ...tail,
    '',
    '注：以上修改仅供参考，请结合实际把握。',
  ].join('\n');
}
