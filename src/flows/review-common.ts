/** What the review loop's two flows (Word file, cloud doc) share: the card, the button, who may revise, the model's decisions. */
import { LlmError } from '../core/errors.js';
import type { CardButton } from '../core/replier.js';
import type { CommentDecision } from '../documents/review/index.js';
import type { ReviewListItem } from '../documents/review/jobs.js';
import { asMaterial } from '../llm/spotlight.js';
import { parseReviewModelAnswer, reviewPromptComments } from '../report/review-answer.js';
import { ANSWER_PROMPT, type ReviewAnswer } from '../report/review-comments.js';
import type { TurnContext } from './context.js';

export const REVIEW_TITLE = '笔杆子 · 按批注修改';

/** The button under the list: 全部处理 (numbers are typed). */
export interface ReviewButtonValue {
  action: 'review';
  op: 'all';
  thread: string;
  [key: string]: unknown;
}

export const reviewButtons = (thread: string): CardButton[] => [{ text: '全部处理', value: { action: 'review', op: 'all', thread } satisfies ReviewButtonValue, primary: true }];

/** The card that lists the comments before anything changes. */
export function listCard(summary: string, lines: readonly string[], resolved: number, source: string): string {
  const done = resolved ? `\n（另有 ${resolved} 条已解决的批注，不再处理。）` : '';
  return `> 文档：${source}\n\n**${summary}**\n\n${lines.join('\n')}${done}\n\n${ANSWER_PROMPT}`;
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

/** The model's decisions for the picked comments (only those on text it may revise). */
export async function modelDecisions(ctx: TurnContext, picked: readonly ReviewListItem[], update: (s: string) => void): Promise<CommentDecision[]> {
  const onText = picked.filter((i) => i.target === 'text');
  if (!onText.length) return [];
  const user = ctx.prompts.render('review-comments', { comments: asMaterial(reviewPromptComments(onText), '领导批注清单'), material: '（本话题没有提供材料）' });
  let raw = '';
  for await (const delta of ctx.model.stream({ messages: [{ role: 'user', content: user }], ...(ctx.signal ? { signal: ctx.signal } : {}), temperature: 0.2 })) {
    raw += delta;
    update(`正在逐条处理 ${onText.length} 条批注…（已收到 ${raw.length} 字）`);
  }
  if (!raw.trim()) throw new LlmError('model answer empty', true);
  const byN = new Map(onText.map((i) => [i.n, i]));
  return parseReviewModelAnswer(raw, onText).map((m) => {
    const item = byN.get(m.n)!;
    return { commentId: item.commentId, ...(m.text !== undefined ? { rewrite: { text: m.text, scope: m.scope } } : {}), reply: m.reply };
  });
}
