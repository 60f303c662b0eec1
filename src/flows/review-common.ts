/** What the review loop's two flows (Word file, cloud doc) share: the card, the button, who may revise, the model's decisions. */
import type { CommentDecision } from '../documents/review/index.js';
import type { ReviewListItem } from '../documents/review/jobs.js';
import { asMaterial } from '../llm/spotlight.js';
import { parseReviewModelAnswer, reviewPromptComments } from '../report/review-answer.js';
import { ANSWER_PROMPT, type ReviewAnswer } from '../report/review-comments.js';
import type { TurnContext } from './context.js';

export const REVIEW_TITLE = '笔杆子 · 按批注修改';

// The buttons' payload is owned by drafting/buttons.ts, which reads it back too.
export { reviewButtons, type ReviewButtonValue } from './drafting/buttons.js';

/** Under a cloud doc's list: the second way, and what it cannot do. */
export const IN_PLACE_PROMPT = '默认把修订放进另导入的修订稿；回复“直接改原文档”则直接改在原文档上（飞书云文档没有修订模式，直接改动不能逐条接受或拒绝，可用“改回上一版”撤销）。';

/** The card that lists the comments before anything changes. */
export function listCard(summary: string, lines: readonly string[], resolved: number, source: string, cloud = false): string {
  const done = resolved ? `\n（另有 ${resolved} 条已解决的批注，不再处理。）` : '';
  return `> 文档：${source}\n\n**${summary}**\n\n${lines.join('\n')}${done}\n\n${ANSWER_PROMPT}${cloud ? `\n${IN_PLACE_PROMPT}` : ''}`;
}

/** May this person have the document revised? In a private chat yes; in a group the thread's owner or a named reviewer. */
export async function mayRevise(ctx: TurnContext, thread: string): Promise<boolean> {
  const c = ctx.conversation;
  if (c.chatType !== 'group' || !ctx.owners) return true;
  if ((await ctx.owners.claim(thread, c.senderOpenId)) === c.senderOpenId) return true;
  return Boolean(ctx.reviews && (await ctx.reviews.reviewers(thread)).includes(c.senderOpenId));
}

export const pickedItems = (items: readonly ReviewListItem[], a: ReviewAnswer) =>
  a.kind === 'all' ? [...items] : a.kind === 'some' ? items.filter((i) => a.numbers.includes(i.n)) : [];

/**
 * The writer's decisions for the picked comments (only those on text may be revised); null where the
 * rules decide (no model: the critic's exact fixes, every other comment answered that a model is needed).
 */
export async function writerDecisions(ctx: TurnContext, picked: readonly ReviewListItem[], update: (s: string) => void): Promise<CommentDecision[] | null> {
  const onText = picked.filter((i) => i.target === 'text');
  let got = 0;
  const raw = await ctx.writer.reviewComments({
    model: ctx.model, prompts: ctx.prompts, now: ctx.now, timezone: ctx.timezone, ...(ctx.signal ? { signal: ctx.signal } : {}),
    onText: (delta) => {
      got += delta.length;
      update(`正在逐条处理 ${onText.length} 条批注…（已收到 ${got} 字）`);
    },
  }, { comments: asMaterial(reviewPromptComments(onText), '领导批注清单'), count: onText.length });
  if (raw === null) return null;
  if (!onText.length) return [];
  const byN = new Map(onText.map((i) => [i.n, i]));
  return parseReviewModelAnswer(raw, onText).map((m) => {
    const item = byN.get(m.n)!;
    return { commentId: item.commentId, ...(m.text !== undefined ? { rewrite: { text: m.text, scope: m.scope } } : {}), reply: m.reply };
  });
}
