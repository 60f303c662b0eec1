/**
 * The review loop on a 飞书云文档 (issue 22 item 5): the unresolved comments listed on the same card as
 * a Word file's; on the writer's answer each comment is answered in its own thread, and the revisions
 * go into a revised copy imported beside the document (Feishu has no suggestion mode to accept or
 * reject an in-place edit). Comments are never resolved: that is the writer's call.
 */
import type { DocLink } from '../core/documents.js';
import { CloudDocError, DocumentError, FeishuApiError } from '../core/errors.js';
import { threadKey } from '../core/message.js';
import { blocksOf, cloudReview, type DriveComment } from '../documents/review/cloud.js';
import type { CloudRevision } from '../documents/review/cloud-revise.js';
import type { CommentDecision, ReviewDocument } from '../documents/review/index.js';
import type { ReviewListItem } from '../documents/review/jobs.js';
import { CLASS_LABEL, commentListLines, commentSummary, describeAnswer, REVIEW_TEXT, type ReviewAnswer } from '../report/review-comments.js';
import { buildDoc, critiqueDoc } from '../report/critique/index.js';
import { requester, type TurnContext } from './context.js';
import { listCard, mayRevise, writerDecisions, pickedItems, REVIEW_TITLE, reviewButtons } from './review-common.js';
import type { PendingReview } from './review-store.js';
import { unitWordsFor } from './unit-words.js';
import { quoteZh } from '../text/quote.js';

/** Words with a cloud-doc link that ask for its comments: 处理批注 / 按批注修改 / 看看批注 / 评论. */
export const CLOUD_COMMENT_WORDS = /批注|评论/;

export type CloudRead = { ok: true; fileToken: string; title: string; review: ReviewDocument; blockIds: string[] } | { ok: false; message: string };

/** The review modules shared with Word files, loaded on first use: they pull in an XML DOM an idle worker need not hold. */
async function wordHalf() {
  const [index, jobs, revise] = await Promise.all([import('../documents/review/index.js'), import('../documents/review/jobs.js'), import('../documents/review/cloud-revise.js')]);
  return { reviewItems: index.reviewItems, offlineDecisions: index.offlineDecisions, listItems: jobs.listItems, reviseBlocks: revise.reviseBlocks, critiqueLines: revise.critiqueLines };
}

/** The doc's comments and blocks as a review; a refusal in words (the scope to add, or the link's own problem). */
export async function readCloud(ctx: TurnContext, link: DocLink): Promise<CloudRead> {
  try {
    const got = await ctx.comments!.comments(link, requester(ctx));
    const blocks = blocksOf(got.blocks as Parameters<typeof blocksOf>[0]);
    const review = cloudReview(blocks, got.comments as DriveComment[]);
    return { ok: true, fileToken: got.fileToken, title: got.title || review.paragraphs[0]?.text.slice(0, 40) || '云文档', review, blockIds: blocks.map((b) => b.block_id) };
  } catch (err) {
    if (err instanceof DocumentError) return { ok: false, message: err.userMessage };
    if (err instanceof FeishuApiError && !err.retryable) {
      if (err.kind === 'no-scope' || err.kind === 'no-access') return { ok: false, message: REVIEW_TEXT.commentsDenied };
    }
    throw err;
  }
}

/**
 * A cloud-doc link with 批注 in the words: its unresolved comments listed ('listed'), a refusal said
 * ('answered'), or, with no unresolved comment, the critique goes on with a note.
 */
export async function offerCloudReview(ctx: TurnContext, link: DocLink): Promise<{ kind: 'listed' | 'answered' } | { kind: 'critique'; note: string }> {
  const c = ctx.conversation;
  const r = await readCloud(ctx, link);
  if (!r.ok) {
    await ctx.replier.sendText(c, r.message, ctx.jobId);
    return { kind: 'answered' };
  }
  const { reviewItems, listItems } = await wordHalf();
  const items = reviewItems(r.review);
  if (!items.length) return { kind: 'critique', note: '这份云文档没有未解决的评论，已按审校处理。' };
  const thread = threadKey(c);
  if (!(await mayRevise(ctx, thread))) return { kind: 'critique', note: '只有文稿的主人（或主人用“@某某 审稿”指定的审稿人）可以让我按批注修改，下面只给出审校意见。' };
  if (ctx.audit) ctx.audit.kind = 'review-list';
  const list = listItems(r.review, items);
  await ctx.reviews!.setPending(c, thread, { source: { kind: 'cloud', link, fileToken: r.fileToken, title: r.title }, items: list, sender: c.senderOpenId, at: ctx.now.getTime() });
  await ctx.reviews!.addVersion(thread, { direction: 'in', name: r.title, url: link.url, at: ctx.now.getTime() }, `${ctx.jobId}:in`);
  const lines = commentListLines(list.map((i) => ({ n: i.n, cls: i.cls, author: '', text: i.text, quoted: i.quoted })));
  const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: REVIEW_TITLE });
  await card.finish(listCard(commentSummary(list.map((i) => i.cls)), lines, 0, `云文档《${r.title}》`, true), { buttons: reviewButtons(thread, true) });
  return { kind: 'listed' };
}

const quoted = (t: string) => quoteZh(t, 40);

/** Comments of the list another job step already answered (the copy's run, or an in-place run): not answered again. */
export const answeredElsewhere = (pending: PendingReview, once: string): Set<string> =>
  new Set(Object.entries(pending.answered ?? {}).filter(([, by]) => by !== once).map(([id]) => id));

/** What one comment changed: “甲”改为“乙”，删去“丙” (empty when nothing). */
export const commentChanges = (revision: Pick<CloudRevision, 'changes'>, commentId: string): string =>
  revision.changes.filter((k) => k.commentId === commentId).map((k) => (k.to ? `${quoted(k.from)}改为${quoted(k.to)}` : `删去${quoted(k.from)}`)).join('，');

/** The change list by comment: “1.【提法】“甲”改为“乙”。回复：……”. */
export function cloudChangeLines(items: readonly ReviewListItem[], revision: Pick<CloudRevision, 'changes' | 'replies'>, reply: (commentId: string, text: string) => string = (_, t) => t): string[] {
  const byId = new Map(items.map((i) => [i.commentId, i]));
  return revision.replies.map((x) => {
    const item = byId.get(x.commentId);
    const ch = commentChanges(revision, x.commentId);
    return `${item?.n ?? x.n}.【${item ? CLASS_LABEL[item.cls].short : '批注'}】${ch ? `${ch}。` : '原文未改动。'}回复：${reply(x.commentId, x.text)}`;
  });
}

/** The revised copy as a .docx: the title, then each block's text (the import makes it a cloud doc). */
async function revisedDocx(title: string, paragraphs: readonly string[]): Promise<Buffer> {
  const { Document, Packer, Paragraph, HeadingLevel } = await import('docx');
  const doc = new Document({ creator: '笔杆子', title, sections: [{ children: [new Paragraph({ text: title, heading: HeadingLevel.TITLE }), ...paragraphs.map((t) => new Paragraph({ text: t }))] }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** 全部处理 / numbers on a cloud doc's list: answer every comment in its thread, the revisions in a copy beside it. */
export async function cloudAnswerFlow(ctx: TurnContext, thread: string, pending: PendingReview, answer: Exclude<ReviewAnswer, { kind: 'invalid' }>): Promise<void> {
  const c = ctx.conversation;
  if (pending.source.kind !== 'cloud') return;
  const source = pending.source;
  const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: REVIEW_TITLE });
  const head = describeAnswer(answer, pending.items.length);
  card.update(head);
  // Read again: comments may have been answered or resolved since the list was shown.
  const r = await readCloud(ctx, source.link);
  if (!r.ok) return card.finish(`${head}\n\n${r.message}`);
  const { reviewItems, offlineDecisions, reviseBlocks } = await wordHalf();
  const items = reviewItems(r.review);
  const picked = pickedItems(pending.items, answer);
  const pickedIds = new Set(picked.map((i) => i.commentId));
  const decided = await writerDecisions(ctx, picked, (s) => card.update(`${head}\n\n${s}`));
  const decisions: CommentDecision[] = decided ?? offlineDecisions(r.review).filter((d) => pickedIds.has(d.commentId));
  const revision = reviseBlocks(r.review, items, decisions);

  // The revised copy goes beside the document (the existing import), else as a .docx in the thread.
  let copy = '';
  if (revision.changes.length) {
    const name = `${r.title}（笔杆子修订）.docx`;
    const data = await revisedDocx(`${r.title}（笔杆子修订）`, revision.paragraphs);
    try {
      if (!ctx.cloudDocs) throw new CloudDocError('upload', 'no cloud docs in this transport');
      const doc = await ctx.cloudDocs.publish({ name, data }, c.senderOpenId, `${ctx.jobId}-copy`);
      copy = doc.url;
    } catch (err) {
      if (!(err instanceof CloudDocError)) throw err;
      ctx.log.warn({ stage: err.stage }, 'revised copy not imported; sending the Word file');
      await ctx.replier.sendFile(c, { name, data }, ctx.jobId);
    }
  }
  // One reply per comment in its own thread; a retry does not answer a comment twice, nor does a second
  // run for the same list (直接改原文档 first, then 全部处理).
  const once = `${ctx.jobId}:out`;
  const before = answeredElsewhere(pending, once);
  const mine: string[] = [];
  for (const reply of revision.replies) {
    if (before.has(reply.commentId)) continue;
    const text = reply.revised && copy ? `${reply.text}（修订稿：${copy}）` : reply.text;
    const existing = r.review.byId.get(reply.commentId)?.replies ?? [];
    if (!existing.some((x) => x.text === text)) await ctx.comments!.reply(r.fileToken, reply.commentId, text);
    mine.push(reply.commentId);
  }
  // Only picked comments count as answered: one not picked this time still gets its answer when picked.
  await ctx.reviews!.markAnswered(c, thread, mine.filter((id) => pickedIds.has(id)), once);
  const answered = mine.length;
  const skipped = revision.replies.length - answered;
  const lines = cloudChangeLines(pending.items, revision, (id, text) => (before.has(id) ? REVIEW_TEXT.answeredBefore : text));
  await ctx.reviews!.addVersion(thread, { direction: 'out', name: `${r.title}（笔杆子修订）`, ...(copy ? { url: copy } : {}), changes: lines, at: ctx.now.getTime() }, once);
  const where = copy ? `修订稿已导入为新的云文档（原文档未改动）：${copy}` : revision.changes.length ? '修订稿见附件（没能导入为云文档）。' : '没有需要改动的文字，未生成修订稿。';
  const offlineTail = decided ? '' : '\n\n（离线模式：未配置大模型，只改了审校规则能确定的错误，其余评论回复“需要配置大模型后处理”。）';
  await card.finish(`${head}\n\n已在云文档《${r.title}》的 ${answered} 条评论下逐条回复，没有把任何评论标为“已解决”（是否解决由你决定）。${skipped ? REVIEW_TEXT.answeredBeforeCount(skipped) : ''}${where}\n\n${lines.join('\n')}${offlineTail}`);
}

/** How many advice-only findings the card lists one by one (the rest counted). */
const ADVICE_ON_CARD = 30;

/**
 * 按审校意见修订 on a cloud doc: the critic's exact, safe replacements applied in a revised copy imported
 * beside the document (the original is not edited); the advice-only findings listed on the card.
 */
export async function cloudCritiqueRevisionFlow(ctx: TurnContext, doc: { title: string; text: string; url: string }): Promise<void> {
  const c = ctx.conversation;
  if (ctx.audit) ctx.audit.kind = 'review-critique';
  const findings = critiqueDoc(buildDoc(doc.text, { now: ctx.now, unitWords: await unitWordsFor(ctx) }));
  const { critiqueLines } = await wordHalf();
  const r = critiqueLines(doc.text, findings);
  if (!r.fixes.length && !r.advice.length) return ctx.replier.sendText(c, '审校规则没有发现需要修订或列出的地方，云文档原样未动。', ctx.jobId);
  const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: '笔杆子 · 按审校意见修订' });
  card.update(`正在按审校意见修订云文档《${doc.title}》…`);
  const copyTitle = `${doc.title}（笔杆子修订）`;
  let copy = '';
  let attached = '';
  if (r.fixes.length) {
    // raw_content starts with the title; the copy has its own.
    const body = r.paragraphs[0]?.trim() === doc.title ? r.paragraphs.slice(1) : r.paragraphs;
    const file = { name: `${copyTitle}.docx`, data: await revisedDocx(copyTitle, body) };
    try {
      if (!ctx.cloudDocs) throw new CloudDocError('upload', 'no cloud docs in this transport');
      copy = (await ctx.cloudDocs.publish(file, c.senderOpenId, `${ctx.jobId}-copy`)).url;
    } catch (err) {
      if (!(err instanceof CloudDocError)) throw err;
      ctx.log.warn({ stage: err.stage }, 'revised copy not imported; sending the Word file');
      await ctx.replier.sendFile(c, file, ctx.jobId);
      attached = file.name;
    }
  }
  const q = quoted;
  const fixLines = r.fixes.map((f, i) => `${i + 1}. ${f.to ? `${q(f.from)}改为${q(f.to)}` : `删去${q(f.from)}`}（${f.message}）`);
  const adviceLines = r.advice.slice(0, ADVICE_ON_CARD).map((f, i) => `${i + 1}. ${q(f.excerpt)}：${f.message}${f.suggestion ? `（建议：${f.suggestion}）` : ''}`);
  if (r.advice.length > ADVICE_ON_CARD) adviceLines.push(`……另有 ${r.advice.length - ADVICE_ON_CARD} 条，发送链接并说“审校”可看完整清单。`);
  if (ctx.reviews) {
    const thread = threadKey(c);
    await ctx.reviews.addVersion(thread, { direction: 'in', name: doc.title, url: doc.url, at: ctx.now.getTime() }, `${ctx.jobId}:in`);
    if (r.fixes.length) await ctx.reviews.addVersion(thread, { direction: 'out', name: copyTitle, ...(copy ? { url: copy } : {}), changes: [`按审校意见：${r.fixes.length} 处修订`, ...fixLines], at: ctx.now.getTime() }, `${ctx.jobId}:out`);
  }
  const where = copy
    ? `修订稿已导入为新的云文档（原文档未改动）：${copy}`
    : attached ? `修订稿见附件《${attached}》（没能导入为云文档；原文档未改动）。` : '没有确定的错误可改，未生成修订稿，原文档未改动。';
  const parts = [`已按审校意见修订云文档《${doc.title}》：${r.fixes.length} 处确定的错误已改在修订稿里，${r.advice.length} 条需要斟酌的意见只列出、未改动。${where}`];
  if (r.fixes.length) parts.push(`**已改（飞书云文档没有修订模式，这些改动不能逐条接受或拒绝，请对照原文档核对）**\n${fixLines.join('\n')}`);
  if (adviceLines.length) parts.push(`**需要斟酌（未改动）**\n${adviceLines.join('\n')}`);
  await card.finish(parts.join('\n\n'));
}
