/**
 * The flow-facing API of the review loop on Word files: inspect a reviewed .docx (the list the
 * writer sees), then `reviewDocx(input, decisions)` → the revised copy with tracked changes, one
 * reply per comment, the change list, and the change guard's verdict (a failed guard blocks the copy).
 */
import { critique } from '../../report/critique/index.js';
import type { Finding } from '../../report/critique/types.js';
import { classifyComment, commentListLines, commentSummary, REVIEW_TEXT, replyText, type CommentClass, type CommentReply } from '../../report/review-comments.js';
import { anchorComment, appendComment, appendReply, BOT_AUTHOR, commentWriter } from './comments.js';
import { guardDocx, regionsOf, type GuardResult, type Region, type Scope } from './guard.js';
import { bodyText, flatOffset, posOf, type ReviewComment, type ReviewDocument } from './model.js';
import { PackageError } from './package.js';
import { openReview, readReview } from './read.js';
import { applyEdit, type Edit, type EditRefusal } from './revise.js';
import { mapParagraph, splitAt } from './text-map.js';
import { quoteZh } from '../../text/quote.js';

export type { ReviewComment, ReviewDocument } from './model.js';
export type { Scope } from './guard.js';

export interface ReviewItem {
  /** 1-based number on the writer's list. */
  n: number;
  comment: ReviewComment;
  cls: CommentClass;
}

export type Inspection =
  | { kind: 'ok'; review: ReviewDocument; items: ReviewItem[]; summary: string; lines: string[]; resolved: number }
  | { kind: 'no-comments'; review: ReviewDocument; message: string }
  | { kind: 'protected'; review: ReviewDocument; message: string }
  | { kind: 'encrypted' | 'not-docx'; message: string };

/** The comments to work on: the leader's unresolved root comments, in document order. */
export function reviewItems(review: ReviewDocument): ReviewItem[] {
  return review.comments.filter((c) => c.author !== BOT_AUTHOR && !c.done).map((comment, i) => ({ n: i + 1, comment, cls: classifyComment(comment.text) }));
}

export async function inspectDocx(data: Buffer): Promise<Inspection> {
  let review: ReviewDocument;
  try {
    review = await readReview(data);
  } catch (err) {
    if (err instanceof PackageError) return { kind: err.problem, message: err.problem === 'encrypted' ? REVIEW_TEXT.encrypted : REVIEW_TEXT.notDocx };
    return { kind: 'not-docx', message: REVIEW_TEXT.notDocx };
  }
  const items = reviewItems(review);
  if (!items.length) return { kind: 'no-comments', review, message: REVIEW_TEXT.noComments };
  if (review.protection && review.protection !== 'trackedChanges') return { kind: 'protected', review, message: REVIEW_TEXT.protected(review.protection) };
  const resolved = review.comments.filter((c) => c.author !== BOT_AUTHOR && c.done).length;
  return {
    kind: 'ok',
    review,
    items,
    summary: commentSummary(items.map((i) => i.cls)),
    lines: commentListLines(items.map((i) => ({ n: i.n, cls: i.cls, author: i.comment.author, text: i.comment.text, quoted: i.comment.range?.quoted ?? '' }))),
    resolved,
  };
}

/** What to do with one comment. Edits are in the input's accepted body text (bodyText offsets). */
export interface CommentDecision {
  commentId: string;
  /** Replace the comment's whole range (widened to `scope`) with this text. */
  rewrite?: { text: string; scope?: Scope };
  /** Exact replacements inside the range (widened to `scope`). */
  edits?: Array<{ start: number; end: number; text: string }>;
  scope?: Scope;
  reply: CommentReply;
}

export interface ReviewChange {
  commentId?: string;
  kind: 'insertion' | 'deletion';
  text: string;
  paragraph: number;
}

export interface ReviewReply {
  commentId: string;
  n: number;
  text: string;
}

export type ReviewOutcome =
  | { ok: true; docx: Buffer; replies: ReviewReply[]; changes: ReviewChange[]; widened: Array<{ commentId: string; scope: Scope }>; guard: GuardResult }
  | { ok: false; message: string; guard?: GuardResult };

const REFUSAL_TEXT: Record<EditRefusal, string> = { 'leader-change': REVIEW_TEXT.leaderChange, object: REVIEW_TEXT.objectInside, 'out-of-range': REVIEW_TEXT.outOfRange };

/** Split a flat [start, end) into per-paragraph edits; the text goes to the first piece. */
function flatEdits(review: ReviewDocument, start: number, end: number, text: string): Edit[] {
  const a = posOf(review, start);
  const b = posOf(review, end);
  const out: Edit[] = [];
  for (let i = a.paragraph; i <= b.paragraph; i++) {
    const s = i === a.paragraph ? a.offset : 0;
    const e = i === b.paragraph ? b.offset : review.paragraphs[i]!.text.length;
    out.push({ paragraph: i, start: s, end: e, text: i === a.paragraph ? text : '' });
  }
  return out;
}

const within = (e: Edit, regions: Region[]) => regions.some((r) => r.paragraph === e.paragraph && r.start <= e.start && e.end <= r.end);

/**
 * Revise a reviewed .docx: every listed comment gets exactly one reply (a comment without a
 * decision is answered as not picked), edits stay inside their comment's region, and the result
 * is released only when the change guard passes.
 */
export async function reviewDocx(input: Buffer, decisions: readonly CommentDecision[], opts: { now: Date }): Promise<ReviewOutcome> {
  let st;
  try {
    st = await openReview(input);
  } catch (err) {
    return { ok: false, message: err instanceof PackageError && err.problem === 'encrypted' ? REVIEW_TEXT.encrypted : REVIEW_TEXT.notDocx };
  }
  const { review } = st;
  if (review.protection && review.protection !== 'trackedChanges') return { ok: false, message: REVIEW_TEXT.protected(review.protection) };
  const items = reviewItems(review);
  const byId = new Map(decisions.map((d) => [d.commentId, d]));
  const w = await commentWriter(st.pkg, st.document, opts.now);
  const paragraphs = st.map.paragraphs.map((p) => p.p);

  interface Planned { item: ReviewItem; reply: CommentReply; edits: Edit[]; regions: Region[]; scope: Scope; applied: number; refusals: EditRefusal[] }
  const planned: Planned[] = items.map((item) => {
    const c = item.comment;
    const d = byId.get(c.id);
    const reply: CommentReply = d?.reply ?? { kind: 'kept', what: '原文保留', reason: REVIEW_TEXT.notPicked };
    if (c.target === 'unlocated') return { item, reply: { kind: 'unlocated' }, edits: [], regions: [], scope: 'range', applied: 0, refusals: [] };
    if (c.target === 'image' || c.target === 'table') return { item, reply: { kind: 'kept', what: '原文保留', reason: c.target === 'image' ? REVIEW_TEXT.image : REVIEW_TEXT.table }, edits: [], regions: [], scope: 'range', applied: 0, refusals: [] };
    const scope: Scope = d?.rewrite?.scope ?? d?.scope ?? 'range';
    const regions = regionsOf(review, c, scope);
    const edits: Edit[] = [];
    if (d?.rewrite && regions.length) {
      const first = regions[0]!;
      const last = regions[regions.length - 1]!;
      edits.push(...flatEdits(review, flatOffset(review, { paragraph: first.paragraph, offset: first.start }), flatOffset(review, { paragraph: last.paragraph, offset: last.end }), d.rewrite.text));
    }
    for (const e of d?.edits ?? []) edits.push(...flatEdits(review, e.start, e.end, e.text));
    const refusals: EditRefusal[] = [];
    const inside = edits.filter((e) => within(e, regions));
    if (inside.length < edits.length) refusals.push('out-of-range');
    return { item, reply, edits: inside, regions, scope, applied: 0, refusals };
  });

  // Later offsets first within a paragraph, so earlier ones stay valid; overlapping edits are refused.
  const all = planned.flatMap((p) => p.edits.map((e) => ({ p, e }))).sort((x, y) => x.e.paragraph - y.e.paragraph || y.e.start - x.e.start);
  const done: Edit[] = [];
  const made: Array<ReviewChange & { start: number }> = [];
  for (const { p, e } of all) {
    if (done.some((o) => o.paragraph === e.paragraph && e.start < o.end && o.start < e.end)) {
      p.refusals.push('out-of-range');
      continue;
    }
    const r = applyEdit({ document: st.document, paragraphs, ids: w.ids, now: opts.now }, e);
    if (r.ok) {
      p.applied++;
      done.push(e);
      const commentId = p.item.comment.id;
      if (r.deleted) made.push({ commentId, kind: 'deletion', text: r.deleted, paragraph: e.paragraph, start: e.start });
      if (r.inserted) made.push({ commentId, kind: 'insertion', text: r.inserted, paragraph: e.paragraph, start: e.start });
    } else p.refusals.push(r.refusal!);
  }

  const replies: ReviewReply[] = [];
  for (const p of planned) {
    let reply = p.reply;
    if (p.edits.length && !p.applied) reply = { kind: 'kept', what: '原文保留', reason: REFUSAL_TEXT[p.refusals[0] ?? 'out-of-range'] };
    else if (!p.edits.length && p.refusals.length) reply = { kind: 'kept', what: '原文保留', reason: REFUSAL_TEXT[p.refusals[0]!] };
    let text = replyText(reply);
    if (p.applied && p.scope !== 'range') text += p.scope === 'sentence' ? '（改动扩大到整句）' : '（改动扩大到整段）';
    await appendReply(w, p.item.comment, text);
    replies.push({ commentId: p.item.comment.id, n: p.item.n, text });
  }
  st.pkg.touch('word/document.xml');
  const docx = await st.pkg.save();

  const allowed = planned.filter((p) => p.applied).flatMap((p) => p.regions);
  const guard = await guardDocx(input, docx, () => allowed);
  if (!guard.ok) return { ok: false, message: REVIEW_TEXT.guardBlocked, guard };

  // In reading order; at one place the deletion before the insertion, as Word shows them.
  const changes: ReviewChange[] = made
    .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || (a.kind === 'deletion' ? -1 : 1))
    .map(({ start: _start, ...c }) => c);
  const widened = planned.filter((p) => p.applied && p.scope !== 'range').map((p) => ({ commentId: p.item.comment.id, scope: p.scope }));
  return { ok: true, docx, replies, changes, widened, guard };
}

/**
 * Offline (no model): comments classified by rules; where the critic finds an exact, safe
 * replacement inside a comment's range it becomes a tracked change; every other comment is
 * answered “需要配置大模型后处理”. Still one reply per comment.
 */
export function offlineDecisions(review: ReviewDocument, findings: readonly Finding[] = critique(bodyText(review))): CommentDecision[] {
  return reviewItems(review).map(({ comment, cls }) => {
    if (!comment.range || comment.target !== 'text') return { commentId: comment.id, reply: { kind: 'offline', cls } };
    const a = flatOffset(review, comment.range.start);
    const b = flatOffset(review, comment.range.end);
    const fixes = findings.filter((f) => f.replacement !== undefined && f.start >= a && f.end <= b && f.end > f.start);
    if (!fixes.length) return { commentId: comment.id, reply: { kind: 'offline', cls } };
    const text = bodyText(review);
    return {
      commentId: comment.id,
      edits: fixes.map((f) => ({ start: f.start, end: f.end, text: f.replacement! })),
      reply: { kind: 'revised', what: fixes.map((f) => `${quoteZh(text.slice(f.start, f.end))}改为${quoteZh(f.replacement ?? '')}（${f.message}）`).join('；') },
    };
  });
}

export interface CritiqueRevision {
  docx: Buffer;
  /** Exact replacements made as tracked changes. */
  revised: number;
  /** Advice-only findings left as comments. */
  commented: number;
  guard: GuardResult;
}

/**
 * 按审校意见修订: a copy where every exact, safe replacement of the critic is a tracked change and
 * every advice-only finding a comment by 笔杆子. Findings are over bodyText of the file (computed
 * here when not given). Undefined when the guard refuses the copy.
 */
export async function critiqueRevisions(input: Buffer, opts: { now: Date; findings?: readonly Finding[] }): Promise<CritiqueRevision | undefined> {
  const st = await openReview(input);
  const text = bodyText(st.review);
  const findings = opts.findings ?? critique(text);
  const w = await commentWriter(st.pkg, st.document, opts.now);
  const paragraphs = st.map.paragraphs.map((p) => p.p);
  const fixes: Edit[] = [];
  const advice: Array<{ f: Finding; pos: ReturnType<typeof posOf>; end: number }> = [];
  for (const f of findings) {
    const a = posOf(st.review, f.start);
    const b = posOf(st.review, f.end);
    if (f.replacement !== undefined && a.paragraph === b.paragraph && f.end > f.start) fixes.push({ paragraph: a.paragraph, start: a.offset, end: b.offset, text: f.replacement });
    else advice.push({ f, pos: a, end: a.paragraph === b.paragraph ? b.offset : st.review.paragraphs[a.paragraph]!.text.length });
  }
  // Comments first (markers change no text), then the edits from the last to the first.
  for (const { f, pos, end } of advice) {
    const { id } = await appendComment(w, f.suggestion ? `${f.message}\n建议：${f.suggestion}` : f.message);
    const p = paragraphs[pos.paragraph]!;
    splitAt(mapParagraph(p, pos.paragraph), pos.offset, { exact: true, side: 'left' });
    splitAt(mapParagraph(p, pos.paragraph), end, { exact: true, side: 'right' });
    anchorComment(st.document, mapParagraph(p, pos.paragraph), id, pos.offset, end);
  }
  let revised = 0;
  const done: Edit[] = [];
  for (const e of [...fixes].sort((x, y) => x.paragraph - y.paragraph || y.start - x.start)) {
    if (done.some((o) => o.paragraph === e.paragraph && e.start < o.end && o.start < e.end)) continue;
    if (applyEdit({ document: st.document, paragraphs, ids: w.ids, now: opts.now }, e).ok) {
      revised++;
      done.push(e);
    }
  }
  st.pkg.touch('word/document.xml');
  const docx = await st.pkg.save();
  const guard = await guardDocx(input, docx, () => done.map((e) => ({ paragraph: e.paragraph, start: e.start, end: e.end })));
  return guard.ok ? { docx, revised, commented: advice.length, guard } : undefined;
}

/** The model's decisions (report/review-answer.ts) as reviewDocx decisions, by list number. */
export function decisionsFromModel(items: readonly ReviewItem[], model: ReadonlyArray<{ n: number; text?: string; scope: Scope; reply: CommentReply }>): CommentDecision[] {
  return items.map((item) => {
    const m = model.find((x) => x.n === item.n);
    if (!m) return { commentId: item.comment.id, reply: { kind: 'kept', what: '原文保留', reason: '模型没有给出这一条的处理意见' } };
    return { commentId: item.comment.id, ...(m.text !== undefined ? { rewrite: { text: m.text, scope: m.scope } } : {}), reply: m.reply };
  });
}

/** What the model is told about each listed comment (prompts/review-comments.md). */
export function promptComments(review: ReviewDocument, items: readonly ReviewItem[]): Array<{ n: number; cls: CommentClass; text: string; quoted: string; paragraph: string }> {
  return items.map((i) => ({ n: i.n, cls: i.cls, text: i.comment.text, quoted: i.comment.range?.quoted ?? '', paragraph: i.comment.range ? review.paragraphs[i.comment.range.start.paragraph]!.text : '' }));
}
