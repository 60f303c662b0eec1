/**
 * The review loop (issue 22, docs/REVIEW.md): a Word file with the leader's 批注 → the list on a card
 * → the writer's 全部处理 / numbers → decisions (the model through prompts/review-comments.md, or
 * the rules offline) → the revised copy with tracked changes and one reply per comment, its change
 * list on the card, and every version kept. The document work runs in the parser process.
 */
import { threadKey } from '../core/message.js';
import type { ReviewChange, ReviewReply } from '../documents/review/index.js';
import type { ApplyResult, ReviewListItem } from '../documents/review/jobs.js';
import { CLASS_LABEL, describeAnswer, parseReviewAnswer, type ReviewAnswer } from '../report/review-comments.js';

export { HANDLE_COMMENTS, REVISE_BY_CRITIQUE } from '../report/review-comments.js';
import { requester, type TurnContext } from './context.js';
import { cloudAnswerFlow } from './review-cloud.js';
import { restoreInPlace } from './review-in-place.js';
import { listCard, mayRevise, writerDecisions, pickedItems, REVIEW_TITLE, reviewButtons } from './review-common.js';
import type { PendingReview, ReviewSource } from './review-store.js';
import { quoteZh } from '../text/quote.js';

export { mayRevise, REVIEW_TITLE, reviewButtons } from './review-common.js';
export type { ReviewButtonValue } from './review-common.js';


/** “<原名>（笔杆子修订）.docx” */
export const revisedName = (name: string) => `${name.replace(/\.(docx|docm)$/i, '')}（笔杆子修订）.docx`;

export const REVIEW_TEXTS = {
  noCommentsNote: '这份文档没有批注，已按审校处理。',
  notAllowed: '只有文稿的主人（或主人用“@某某 审稿”指定的审稿人）可以让我按批注修改，下面只给出审校意见。',
  nothingPending: '这个话题里没有等待处理的批注清单。请先发来带批注的 Word 文件或云文档链接。',
  critiqueRevised: (name: string, revised: number, commented: number) =>
    `已按审校意见修订，附件《${name}》：${revised} 处确定的错误改成了修订（作者“笔杆子”，在 Word 的“审阅”里可逐条接受或拒绝），${commented} 条需要斟酌的意见加成了批注。`,
  critiqueNothing: '审校规则没有发现需要修订或批注的地方，文档原样未动。',
  critiqueRefused: '改后的文档没有通过改动核查，已停止输出，原文件未动。',
  noVersions: '这个话题里还没有按批注修改过的版本。',
  noPrevious: '没有更早的版本可以改回。',
};

/**
 * A .docx read for a critique: when it carries 批注, show the list and wait for the answer
 * ('listed'); when it does not, the critique goes on with a note ('critique'); a protected or
 * encrypted file is answered ('answered').
 */
export async function offerReview(ctx: TurnContext, doc: { name: string; data: Buffer; source: ReviewSource }): Promise<{ kind: 'listed' | 'answered' } | { kind: 'critique'; note?: string }> {
  const c = ctx.conversation;
  if (!ctx.parser || !ctx.reviews) return { kind: 'critique' };
  const r = await ctx.parser.review(doc.name, doc.data, { kind: 'inspect' }, ctx.now, { key: ctx.jobId, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  if (r.kind === 'no-comments') return { kind: 'critique', note: REVIEW_TEXTS.noCommentsNote };
  if (r.kind === 'not-docx') return { kind: 'critique' };
  if (r.kind !== 'ok') {
    await ctx.replier.sendText(c, r.message, ctx.jobId);
    return { kind: 'answered' };
  }
  const thread = threadKey(c);
  if (!(await mayRevise(ctx, thread))) return { kind: 'critique', note: REVIEW_TEXTS.notAllowed };
  if (ctx.audit) ctx.audit.kind = 'review-list';
  await ctx.reviews.setPending(c, thread, { source: doc.source, items: r.items, sender: c.senderOpenId, at: ctx.now.getTime() });
  await ctx.reviews.addVersion(thread, { direction: 'in', name: doc.name, docx: doc.data.toString('base64'), at: ctx.now.getTime() }, `${ctx.jobId}:in`);
  const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: REVIEW_TITLE });
  await card.finish(listCard(r.summary, r.lines, r.resolved, `“${doc.name}”`), { buttons: reviewButtons(thread) });
  return { kind: 'listed' };
}

/** The writer's answer read against the pending list; undefined when there is no list or it is no answer. */
export async function pendingAnswer(ctx: TurnContext, text: string | { all: true }): Promise<{ thread: string; pending: PendingReview; answer: ReviewAnswer } | undefined> {
  if (!ctx.reviews) return undefined;
  const thread = await ctx.reviews.threadFor(ctx.conversation);
  const pending = await ctx.reviews.pending(thread);
  if (!pending) return undefined;
  const answer = typeof text !== 'string' ? { kind: 'all' as const } : parseReviewAnswer(text, pending.items.length);
  return answer ? { thread, pending, answer } : undefined;
}

/** The change list by comment: “1.【提法】删去“四种意识”，插入“四个意识”” and the reply. */
export function changeLines(items: readonly ReviewListItem[], changes: readonly ReviewChange[], replies: readonly ReviewReply[]): string[] {
  return items.map((i) => {
    const mine = changes.filter((c) => c.commentId === i.commentId);
    const q = (t: string) => quoteZh(t, 40);
    const parts: string[] = [];
    for (let k = 0; k < mine.length; k++) {
      const c = mine[k]!;
      const next = mine[k + 1];
      // A deletion with its insertion at the same place reads as one replacement.
      if (c.kind === 'deletion' && next?.kind === 'insertion' && next.paragraph === c.paragraph) {
        parts.push(`${q(c.text)}改为${q(next.text)}`);
        k++;
      } else parts.push(`${c.kind === 'deletion' ? '删去' : '插入'}${q(c.text)}`);
    }
    const what = parts.join('，');
    const reply = replies.find((r) => r.commentId === i.commentId)?.text ?? '';
    return `${i.n}.【${CLASS_LABEL[i.cls].short}】${what ? `${what}。` : '原文未改动。'}回复：${reply}`;
  });
}

/**
 * 全部处理 / 处理 1 3 / the button: revise the pending document and send the copy back. Returns
 * false when the thread has no list waiting (the message is then an ordinary one).
 */
export async function reviewAnswerFlow(ctx: TurnContext, text: string | { all: true }): Promise<boolean> {
  const got = await pendingAnswer(ctx, text);
  if (!got) return false;
  const c = ctx.conversation;
  const { thread, pending, answer } = got;
  if (answer.kind === 'invalid') {
    await ctx.replier.sendText(c, describeAnswer(answer, pending.items.length), ctx.jobId);
    return true;
  }
  if (!(await mayRevise(ctx, thread))) {
    await ctx.replier.sendText(c, REVIEW_TEXTS.notAllowed.replace('，下面只给出审校意见', ''), ctx.jobId);
    return true;
  }
  if (ctx.audit) ctx.audit.kind = 'review';
  if (pending.source.kind === 'cloud') {
    await cloudAnswerFlow(ctx, thread, pending, answer);
    return true;
  }
  const source = pending.source;
  const got2 = await ctx.documents!.fetch({ kind: 'file', file: source.file }, requester(ctx));
  if (got2.kind !== 'file') throw new Error('a reviewed file came back as text');
  const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: REVIEW_TITLE });
  const head = describeAnswer(answer, pending.items.length);
  card.update(head);
  const picked = pickedItems(pending.items, answer);
  const decided = await writerDecisions(ctx, picked, (s) => card.update(`${head}\n\n${s}`));
  const decisions = decided ?? [];
  const offline = decided ? undefined : { commentIds: picked.map((i) => i.commentId) };
  const out: ApplyResult = await ctx.parser!.review(source.name, got2.data, { kind: 'apply', decisions, ...(offline ? { offline } : {}) }, ctx.now, { key: ctx.jobId, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  if (!out.ok) {
    await card.finish(`${head}\n\n${out.message}`);
    return true;
  }
  const name = revisedName(source.name);
  const data = Buffer.from(out.docx);
  await ctx.replier.sendFile(c, { name, data }, ctx.jobId);
  const lines = changeLines(pending.items, out.changes, out.replies);
  await ctx.reviews!.addVersion(thread, { direction: 'out', name, docx: data.toString('base64'), changes: lines, at: ctx.now.getTime() }, `${ctx.jobId}:out`);
  const counts = `共 ${out.changes.filter((x) => x.kind === 'insertion').length} 处插入、${out.changes.filter((x) => x.kind === 'deletion').length} 处删除（修订作者“笔杆子”），${out.replies.length} 条批注逐条回复。`;
  const offlineTail = decided ? '' : '\n\n（离线模式：未配置大模型，只改了审校规则能确定的错误，其余批注回复“需要配置大模型后处理”。）';
  await card.finish(`${head}\n\n已返回附件《${name}》：${counts}在 Word 或 WPS 的“审阅”中逐条接受或拒绝。\n\n${lines.join('\n')}${offlineTail}`);
  return true;
}

/** 按审校意见修订 on a .docx: the critic's exact fixes as tracked changes, the rest as comments. */
export async function critiqueRevisionFlow(ctx: TurnContext, doc: { name: string; data: Buffer }): Promise<void> {
  const c = ctx.conversation;
  if (ctx.audit) ctx.audit.kind = 'review-critique';
  const r = await ctx.parser!.review(doc.name, doc.data, { kind: 'critique' }, ctx.now, { key: ctx.jobId, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  if (!r) return ctx.replier.sendText(c, REVIEW_TEXTS.critiqueRefused, ctx.jobId);
  if (!r.revised && !r.commented) return ctx.replier.sendText(c, REVIEW_TEXTS.critiqueNothing, ctx.jobId);
  const name = revisedName(doc.name);
  const data = Buffer.from(r.docx);
  await ctx.replier.sendFile(c, { name, data }, ctx.jobId);
  if (ctx.reviews) {
    const thread = threadKey(c);
    await ctx.reviews.addVersion(thread, { direction: 'in', name: doc.name, docx: doc.data.toString('base64'), at: ctx.now.getTime() }, `${ctx.jobId}:in`);
    await ctx.reviews.addVersion(thread, { direction: 'out', name, docx: data.toString('base64'), changes: [`按审校意见：${r.revised} 处修订、${r.commented} 条批注`], at: ctx.now.getTime() }, `${ctx.jobId}:out`);
  }
  await ctx.replier.sendText(c, REVIEW_TEXTS.critiqueRevised(name, r.revised, r.commented), `${ctx.jobId}-text`);
}

/** 这版改了什么 / 改回上一版. */
export async function versionFlow(ctx: TurnContext, op: 'changes' | 'restore'): Promise<void> {
  const c = ctx.conversation;
  const thread = ctx.reviews ? await ctx.reviews.threadFor(c) : threadKey(c);
  // An in-place edit that was refused (or never made) is no version of the document.
  const all = (ctx.reviews ? await ctx.reviews.versions(thread) : []).filter((v) => !v.inPlace || v.inPlace.applied);
  const lastOut = all.map((v, i) => [v, i] as const).filter(([v]) => v.direction === 'out').at(-1);
  if (!lastOut) return ctx.replier.sendText(c, REVIEW_TEXTS.noVersions, ctx.jobId);
  const [out, at] = lastOut;
  if (op === 'changes') {
    return ctx.replier.sendText(c, `《${out.name}》（第 ${all.filter((v) => v.direction === 'out').length} 版）改了这些，按批注列出：\n${(out.changes ?? []).join('\n')}`, ctx.jobId);
  }
  // A cloud doc edited in place: its blocks put back in place.
  if (out.inPlace) return restoreInPlace(ctx, thread, out);
  // The version before the last one that went out: the one it was made from.
  const prev = all.slice(0, at).reverse().find((v) => v.docx || v.url);
  if (!prev) return ctx.replier.sendText(c, REVIEW_TEXTS.noPrevious, ctx.jobId);
  // A cloud doc's revisions went into a copy: the previous version is the document itself, never edited.
  if (!prev.docx) {
    await ctx.reviews!.addVersion(thread, { direction: 'out', name: prev.name, url: prev.url!, changes: [`改回上一版：《${prev.name}》`], at: ctx.now.getTime() }, `${ctx.jobId}:restore`);
    return ctx.replier.sendText(c, `上一版就是云文档《${prev.name}》本身：修订都在另导入的修订稿里，原文档没有被改动，直接用它即可：${prev.url!}`, ctx.jobId);
  }
  await ctx.replier.sendFile(c, { name: prev.name, data: Buffer.from(prev.docx, 'base64') }, ctx.jobId);
  await ctx.reviews!.addVersion(thread, { direction: 'out', name: prev.name, docx: prev.docx, changes: [`改回上一版：《${prev.name}》`], at: ctx.now.getTime() }, `${ctx.jobId}:restore`);
  return ctx.replier.sendText(c, `已改回上一版：附件《${prev.name}》（${prev.direction === 'in' ? '收到的原稿' : '上一次修改后的稿子'}）。`, `${ctx.jobId}-text`);
}

/** “@某某 审稿”: the thread's owner names reviewers, who may then have its document revised too. */
export async function reviewerFlow(ctx: TurnContext, mentions: ReadonlyArray<{ name: string; openId: string }>): Promise<void> {
  const c = ctx.conversation;
  if (c.chatType !== 'group') return ctx.replier.sendText(c, '私聊里只有你自己，不需要指定审稿人；在群里回复我的消息并“@某某 审稿”即可。', ctx.jobId);
  if (!mentions.length || !ctx.reviews) return ctx.replier.sendText(c, '没有认出要指定的审稿人：请在同一条消息里 @ 对方，例如“@张三 审稿”。', ctx.jobId);
  const thread = threadKey(c);
  await ctx.reviews.addReviewers(c, thread, mentions.map((m) => m.openId));
  const names = mentions.map((m) => m.name || '对方').join('、');
  return ctx.replier.sendText(c, `好的，${names} 可以审这份稿子：回复我的文件并 @我 写批注，或让我按文件里的批注修改。`, ctx.jobId);
}
