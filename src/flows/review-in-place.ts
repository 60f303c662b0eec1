/**
 * The review loop's second way on a 飞书云文档 (issue 22 item 5): when the writer asks (直接改原文档,
 * or the button under the list), the commented blocks are edited in place instead of a copy being
 * imported. The same decisions and the same change guard as the copy; the blocks' elements before
 * the edit are kept as a version first, so 改回上一版 puts them back; a block someone changed since it
 * was read is never overwritten. Every comment is still answered, none resolved.
 */
import type { DocLink } from '../core/documents.js';
import { DocumentError, FeishuApiError } from '../core/errors.js';
import type { CommentDecision, ReviewDocument } from '../documents/review/index.js';
import type { RawBlock } from '../documents/review/cloud.js';
import { describeAnswer, parseReviewAnswer, REVIEW_TEXT, stripInPlace, type ReviewAnswer } from '../report/review-comments.js';
import { requester, type TurnContext } from './context.js';
import { answeredElsewhere, cloudAnswerFlow, cloudChangeLines, commentChanges, readCloud } from './review-cloud.js';
import { mayRevise, pickedItems, REVIEW_TITLE, writerDecisions } from './review-common.js';
import type { InPlaceEdit, PendingReview, ReviewVersion } from './review-store.js';

/** What to grant for an in-place edit (the app as an editor of the document, and the docx scope). */
const GRANT = '请文档所有者在文档右上角「…」→「更多」→「添加文档应用」中添加“笔杆子”，并授予“可编辑”权限；管理员还需在飞书开发者后台为应用开通“创建及编辑新版文档”权限（docx:document）。';

export const IN_PLACE_TEXTS = {
  nothingPending: '这个话题里没有等待处理的云文档批注清单。请先发来云文档链接并说“处理批注”，看到清单后再回复“直接改原文档”。',
  wordFile: 'Word 文件没有可以直接改的“原文档”：修改都以修订（作者“笔杆子”）放在返回的副本里，可在“审阅”中逐条接受或拒绝。回复“全部处理”即可。',
  notAllowed: '只有文稿的主人（或主人用“@某某 审稿”指定的审稿人）可以让我直接改原文档。',
  /** One line on the card: what an in-place edit cannot do, and how to undo it. */
  cannotReject: '飞书云文档没有修订模式，这些直接改动不能逐条接受或拒绝；要撤销，回复“改回上一版”。',
  noEdit: (title: string) =>
    `笔杆子没有云文档《${title}》的编辑权限，原文档没有改动，评论也没有回复。${GRANT}也可以回复“全部处理”：我把修订放进另导入的修订稿，原文档不动。`,
  restoreNoEdit: (title: string) => `笔杆子现在没有云文档《${title}》的编辑权限，没能改回。${GRANT}`,
  conflict: (title: string, lines: readonly string[]) =>
    `云文档《${title}》在我读取之后又被改动过，为免覆盖别人的修改，这次没有改原文档，评论也没有回复。改动过的段落：\n${lines.join('\n')}\n请再说一次“直接改原文档”（我会重新读取），或回复“全部处理”生成修订稿、原文档不动。`,
  guardBlocked: '改后的段落没有通过改动核查（批注范围外的文字或@提及、链接、公式有变化），已停止，原文档没有改动，评论也没有回复。',
  nothingToChange: (title: string) => `没有需要改动的文字，云文档《${title}》没有改动。`,
  restoreConflict: (title: string, lines: readonly string[]) =>
    `云文档《${title}》在我修改之后又被改动过，为免覆盖别人的修改，这次没有改回。改动过的段落：\n${lines.join('\n')}\n需要的话可在飞书文档的“历史记录”中恢复。`,
  restored: (title: string, n: number, url: string, replies: { deleted: number; kept: number }) =>
    `已在云文档《${title}》中改回上一版：${n} 个段落恢复为我修改之前的内容（${url}）。${replies.deleted ? `我这次在评论下的 ${replies.deleted} 条回复说的是已撤销的修改，已一并删除。` : ''}${replies.kept ? `另有 ${replies.kept} 条回复没能删除（评论可能已解决或被删除，或读不到评论），请在文档中查看。` : ''}`,
  alreadyRestored: (title: string, url: string) => `云文档《${title}》已经改回过了，现在就是我修改之前的内容：${url}`,
};

const clip = (t: string, n = 30) => (t.length > n ? `${t.slice(0, n)}…` : t);
const changedLine = (x: { paragraph: number; now: string }) => `第 ${x.paragraph + 1} 段：现在是“${clip(x.now)}”`;

/** The pure half, loaded on first use (it pulls in the Word half's XML DOM through the guard). */
async function pure() {
  const [index, revise, inPlace] = await Promise.all([import('../documents/review/index.js'), import('../documents/review/cloud-revise.js'), import('../documents/review/cloud-inplace.js')]);
  return { reviewItems: index.reviewItems, offlineDecisions: index.offlineDecisions, reviseBlocks: revise.reviseBlocks, planInPlace: inPlace.planInPlace, guardInPlace: inPlace.guardInPlace };
}

/** No edit right (the document not shared with the app as an editor, or the docx scope missing). */
const editRefused = (err: unknown) => err instanceof FeishuApiError && !err.retryable && (err.kind === 'no-access' || err.kind === 'no-scope');

/** 直接改原文档 (or the button): the pending cloud doc's picked comments made in the document itself. */
export async function reviewInPlaceFlow(ctx: TurnContext, text: string | { all: true }): Promise<void> {
  const c = ctx.conversation;
  if (!ctx.reviews || !ctx.comments) return ctx.replier.sendText(c, IN_PLACE_TEXTS.nothingPending, ctx.jobId);
  const thread = await ctx.reviews.threadFor(c);
  const pending = await ctx.reviews.pending(thread);
  if (!pending) return ctx.replier.sendText(c, IN_PLACE_TEXTS.nothingPending, ctx.jobId);
  if (pending.source.kind !== 'cloud') return ctx.replier.sendText(c, IN_PLACE_TEXTS.wordFile, ctx.jobId);
  const answer = typeof text === 'string' ? parseReviewAnswer(stripInPlace(text), pending.items.length) ?? { kind: 'all' as const } : { kind: 'all' as const };
  if (answer.kind === 'invalid') return ctx.replier.sendText(c, describeAnswer(answer, pending.items.length), ctx.jobId);
  if (!(await mayRevise(ctx, thread))) return ctx.replier.sendText(c, IN_PLACE_TEXTS.notAllowed, ctx.jobId);
  if (ctx.audit) ctx.audit.kind = 'review';
  // Nothing picked: nothing to edit, every comment answered as on the copy's way.
  if (answer.kind === 'none') return cloudAnswerFlow(ctx, thread, pending, answer);
  return editInPlace(ctx, thread, pending, answer);
}

async function editInPlace(ctx: TurnContext, thread: string, pending: PendingReview, answer: Exclude<ReviewAnswer, { kind: 'invalid' | 'none' }>): Promise<void> {
  const c = ctx.conversation;
  if (pending.source.kind !== 'cloud') return;
  const source = pending.source;
  const reviews = ctx.reviews!;
  const comments = ctx.comments!;
  const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: REVIEW_TITLE });
  const head = `${describeAnswer(answer, pending.items.length)}直接改在原文档上。`;
  card.update(head);
  const once = `${ctx.jobId}:out`;
  // A retried job goes on from the version it stored (the model is not asked twice).
  let version = (await reviews.versions(thread)).find((v) => v.once === once);
  let answeredBefore: Map<string, string[]> | undefined;
  if (!version?.inPlace) {
    const planned = await plan(ctx, source.link, pending, answer, (s) => card.update(`${head}\n\n${s}`));
    if (planned.kind === 'stop') return card.finish(`${head}\n\n${planned.message}`);
    answeredBefore = planned.answered;
    version = planned.version;
    // The old elements are kept before anything is written.
    await reviews.addVersion(thread, version, once);
  }
  const edit = version.inPlace!;
  if (!edit.applied && edit.blocks.length) {
    let todo = edit.blocks;
    if (!answeredBefore) {
      // A retry: blocks already as planned (the PATCH went through before the job failed) are left alone.
      const read = await editedBlocksNow(ctx, edit);
      if (!read.ok) return card.finish(`${head}\n\n${read.message}`);
      if (read.changed.length) return card.finish(`${head}\n\n${IN_PLACE_TEXTS.conflict(edit.title, read.changed)}`);
      todo = edit.blocks.filter((b) => read.now.get(b.blockId) === b.beforeText);
    }
    let revisionAfter: number | undefined;
    try {
      if (todo.length) revisionAfter = (await comments.editBlocks(edit.fileToken, todo.map((b) => ({ blockId: b.blockId, elements: b.after })), ctx.jobId)).revision;
    } catch (err) {
      if (editRefused(err)) {
        ctx.log.warn({ code: (err as FeishuApiError).code }, 'in-place edit refused: no edit permission');
        return card.finish(`${head}\n\n${IN_PLACE_TEXTS.noEdit(edit.title)}`);
      }
      // Rate limits (429 / 99991400) and Feishu's 5xx: BullMQ tries again after the reset; the stored plan is reused.
      throw err;
    }
    await reviews.markVersion(thread, once, (v) => ({ ...v, inPlace: { ...v.inPlace!, applied: true, ...(revisionAfter !== undefined ? { revisionAfter } : {}) } }));
  }
  // One reply per comment in its own thread; a retry does not answer one twice, nor this run one the copy's run answered.
  const answered = answeredBefore ?? (await existingReplies(ctx, edit.link));
  for (const r of edit.replies) if (!(answered.get(r.commentId) ?? []).includes(r.text)) await comments.reply(edit.fileToken, r.commentId, r.text);
  // Only picked comments count as answered: one not picked this time still gets its answer when picked.
  const picked = new Set(pickedItems(pending.items, answer).map((i) => i.commentId));
  await reviews.markAnswered(c, thread, edit.replies.map((r) => r.commentId).filter((id) => picked.has(id)), once);
  const before = edit.answeredBefore?.length ? REVIEW_TEXT.answeredBeforeCount(edit.answeredBefore.length) : '';
  const where = edit.blocks.length
    ? `已直接修改云文档《${edit.title}》中的 ${edit.blocks.length} 个段落（${edit.link.url}），并在 ${edit.replies.length} 条评论下逐条回复，没有把任何评论标为“已解决”（是否解决由你决定）。${before}\n${IN_PLACE_TEXTS.cannotReject}`
    : `${IN_PLACE_TEXTS.nothingToChange(edit.title)}已在 ${edit.replies.length} 条评论下逐条回复，没有把任何评论标为“已解决”。${before}`;
  const offlineTail = edit.offline ? '\n\n（离线模式：未配置大模型，只改了审校规则能确定的错误，其余评论回复“需要配置大模型后处理”。）' : '';
  await card.finish(`${head}\n\n${where}\n\n${(version.changes ?? []).join('\n')}${offlineTail}`);
}

/**
 * The edited blocks' texts as they are now, and the lines naming those someone changed since the edit
 * was planned (neither as before nor as planned): the retried edit and 改回上一版 stop on any.
 */
async function editedBlocksNow(ctx: TurnContext, edit: InPlaceEdit): Promise<{ ok: true; now: Map<string, string>; changed: string[] } | { ok: false; message: string }> {
  let fresh: { blocks: unknown[] };
  try {
    fresh = await ctx.comments!.blocksForEdit(edit.link, requester(ctx));
  } catch (err) {
    if (err instanceof DocumentError) return { ok: false, message: err.userMessage };
    throw err;
  }
  const { blocksOf } = await import('../documents/review/cloud.js');
  const now = new Map(blocksOf(fresh.blocks as RawBlock[]).map((b) => [b.block_id, b.text]));
  const changed = edit.blocks.filter((b) => now.get(b.blockId) !== b.afterText && now.get(b.blockId) !== b.beforeText);
  return { ok: true, now, changed: changed.map((b) => changedLine({ paragraph: b.paragraph, now: now.get(b.blockId) ?? '' })) };
}

/** Each top-level comment's reply texts: what is already said under it. */
const repliesByComment = (review: ReviewDocument): Map<string, string[]> =>
  new Map([...review.byId.values()].filter((x) => !x.parentId).map((x) => [x.id, x.replies.map((y) => y.text)]));

async function existingReplies(ctx: TurnContext, link: DocLink): Promise<Map<string, string[]>> {
  const r = await readCloud(ctx, link);
  return r.ok ? repliesByComment(r.review) : new Map();
}

type Planned = { kind: 'stop'; message: string } | { kind: 'go'; version: ReviewVersion & { inPlace: InPlaceEdit }; answered: Map<string, string[]> };

/** Read, decide, revise, re-read the blocks just before the edit, check for conflicts, plan the elements and guard them. */
async function plan(ctx: TurnContext, link: DocLink, pending: PendingReview, answer: Exclude<ReviewAnswer, { kind: 'invalid' | 'none' }>, update: (s: string) => void): Promise<Planned> {
  const r = await readCloud(ctx, link);
  if (!r.ok) return { kind: 'stop', message: r.message };
  const { reviewItems, offlineDecisions, reviseBlocks, planInPlace, guardInPlace } = await pure();
  const items = reviewItems(r.review);
  const picked = pickedItems(pending.items, answer);
  const pickedIds = new Set(picked.map((i) => i.commentId));
  const decided = await writerDecisions(ctx, picked, update);
  let decisions: CommentDecision[] = decided ?? offlineDecisions(r.review).filter((d) => pickedIds.has(d.commentId));
  // Read again just before writing: the model took its time, and someone may have edited the document.
  let fresh: { fileToken: string; blocks: unknown[]; revision?: number };
  try {
    fresh = await ctx.comments!.blocksForEdit(link, requester(ctx));
  } catch (err) {
    if (err instanceof DocumentError) return { kind: 'stop', message: err.userMessage };
    throw err;
  }
  let revision = reviseBlocks(r.review, items, decisions);
  let edits = planInPlace(r.review, r.blockIds, fresh.blocks as RawBlock[], revision.applied);
  if (edits.refused.length) {
    // A replacement that would cut through a mention, a linked doc or an equation is not made; its comment says why.
    const refused = new Set(edits.refused);
    decisions = decisions.map((d) => (refused.has(d.commentId) ? { commentId: d.commentId, reply: { kind: 'kept' as const, what: '原文保留', reason: REVIEW_TEXT.inlineElement } } : d));
    revision = reviseBlocks(r.review, items, decisions);
    edits = planInPlace(r.review, r.blockIds, fresh.blocks as RawBlock[], revision.applied);
  }
  if (edits.conflicts.length) return { kind: 'stop', message: IN_PLACE_TEXTS.conflict(r.title, edits.conflicts.map(changedLine)) };
  const guard = guardInPlace(r.review, edits.edits, revision.allowed);
  if (!guard.ok || edits.refused.length) {
    ctx.log.warn({ violations: guard.violations.length }, 'in-place edit blocked by the change guard');
    return { kind: 'stop', message: IN_PLACE_TEXTS.guardBlocked };
  }
  const replyText = (commentId: string, text: string) => {
    const ch = commentChanges(revision, commentId);
    return ch ? `${text}（已直接改在原文档中：${ch}）` : text;
  };
  // A comment the revised copy's run already answered for this list is not answered a second time.
  const before = answeredElsewhere(pending, `${ctx.jobId}:out`);
  const replies = revision.replies.filter((x) => !before.has(x.commentId)).map((x) => ({ commentId: x.commentId, text: replyText(x.commentId, x.text) }));
  const answeredBefore = revision.replies.filter((x) => before.has(x.commentId)).map((x) => x.commentId);
  const lines = cloudChangeLines(pending.items, revision, (id, text) => (before.has(id) ? REVIEW_TEXT.answeredBefore : replyText(id, text)));
  const answered = repliesByComment(r.review);
  const inPlace: InPlaceEdit = {
    link, fileToken: fresh.fileToken, title: r.title, ...(fresh.revision !== undefined ? { revision: fresh.revision } : {}),
    blocks: edits.edits.map((e) => ({ blockId: e.blockId, paragraph: e.paragraph, before: e.before, after: e.after, beforeText: e.beforeText, afterText: e.afterText })),
    replies, ...(answeredBefore.length ? { answeredBefore } : {}), applied: false, ...(decided === null ? { offline: true } : {}),
  };
  return { kind: 'go', answered, version: { direction: 'out', name: `${r.title}（原文档直接修改）`, url: link.url, changes: lines, inPlace, at: ctx.now.getTime() } };
}

/** 改回上一版 after an in-place edit: the blocks' elements put back, unless someone changed them since. */
export async function restoreInPlace(ctx: TurnContext, thread: string, out: ReviewVersion): Promise<void> {
  const c = ctx.conversation;
  const edit = out.inPlace!;
  if (edit.restored) return ctx.replier.sendText(c, IN_PLACE_TEXTS.alreadyRestored(edit.title, edit.link.url), ctx.jobId);
  if (!(await mayRevise(ctx, thread))) return ctx.replier.sendText(c, IN_PLACE_TEXTS.notAllowed, ctx.jobId);
  const read = await editedBlocksNow(ctx, edit);
  if (!read.ok) return ctx.replier.sendText(c, read.message, ctx.jobId);
  if (read.changed.length) return ctx.replier.sendText(c, IN_PLACE_TEXTS.restoreConflict(edit.title, read.changed), ctx.jobId);
  const todo = edit.blocks.filter((b) => read.now.get(b.blockId) === b.afterText && b.afterText !== b.beforeText);
  try {
    if (todo.length) await ctx.comments!.editBlocks(edit.fileToken, todo.map((b) => ({ blockId: b.blockId, elements: b.before })), `${ctx.jobId}:restore`);
  } catch (err) {
    if (editRefused(err)) return ctx.replier.sendText(c, IN_PLACE_TEXTS.restoreNoEdit(edit.title), ctx.jobId);
    throw err;
  }
  // The edit's replies describe changes no longer there: the app deletes its own (only a reply's author may).
  const replies = await deleteEditReplies(ctx, edit);
  await ctx.reviews!.addVersion(thread, {
    direction: 'out', name: `${edit.title}（已改回）`, url: edit.link.url, changes: [`改回上一版：原文档 ${edit.blocks.length} 个段落恢复为修改前的内容`],
    inPlace: { ...edit, restored: true }, at: ctx.now.getTime(),
  }, `${ctx.jobId}:restore`);
  return ctx.replier.sendText(c, IN_PLACE_TEXTS.restored(edit.title, edit.blocks.length, edit.link.url, replies), ctx.jobId);
}

/** Delete the replies this in-place edit posted (found by comment and exact text); those not found or refused are kept. */
async function deleteEditReplies(ctx: TurnContext, edit: InPlaceEdit): Promise<{ deleted: number; kept: number }> {
  if (!edit.replies.length) return { deleted: 0, kept: 0 };
  const r = await readCloud(ctx, edit.link);
  if (!r.ok) return { deleted: 0, kept: edit.replies.length };
  let deleted = 0;
  for (const mine of edit.replies) {
    const root = r.review.byId.get(mine.commentId);
    // A comment resolved since is not listed: its reply cannot be found and stays.
    if (!root) continue;
    const found = root.replies.find((x) => x.text === mine.text);
    // Listed, but our reply is gone: a retried restore deleted it already.
    if (!found) {
      deleted++;
      continue;
    }
    try {
      await ctx.comments!.deleteReply(r.fileToken, mine.commentId, found.id);
      deleted++;
    } catch (err) {
      if (!(err instanceof FeishuApiError) || err.retryable) throw err;
      ctx.log.warn({ code: err.code }, 'could not delete a reply of the in-place edit');
    }
  }
  return { deleted, kept: edit.replies.length - deleted };
}
