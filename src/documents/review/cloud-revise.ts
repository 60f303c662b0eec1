/**
 * A cloud doc's comments applied to its text: Feishu has no suggestion mode, so the revisions go into a
 * revised copy (imported beside the document) and every comment is answered in its own thread. The
 * same rules as on a Word file: a revision stays inside its comment's range (widened only as said),
 * overlapping revisions are refused, and every listed comment gets exactly one reply.
 */
import type { Finding } from '../../report/critique/types.js';
import { REVIEW_TEXT, replyText, type CommentReply } from '../../report/review-comments.js';
import { regionsOf, type Region, type Scope } from './guard.js';
import type { CommentDecision, ReviewItem } from './index.js';
import { flatOffset, posOf, type ReviewDocument } from './model.js';

export interface CloudRevision {
  /** Each block's text after the revisions. */
  paragraphs: string[];
  /** What changed, per comment: the old passage and the new one. */
  changes: Array<{ commentId: string; from: string; to: string }>;
  replies: Array<{ commentId: string; n: number; text: string; revised: boolean }>;
  /** The replacements applied, in the input blocks' offsets (an in-place edit makes the same ones). */
  applied: Array<{ commentId: string; paragraph: number; start: number; end: number; text: string }>;
  /** The regions each revised comment was allowed (its range, widened only as its reply says): the change guard's input. */
  allowed: Region[];
}

interface Span { paragraph: number; start: number; end: number; text: string; commentId: string }

export function reviseBlocks(review: ReviewDocument, items: readonly ReviewItem[], decisions: readonly CommentDecision[]): CloudRevision {
  const byId = new Map(decisions.map((d) => [d.commentId, d]));
  const spans: Span[] = [];
  const plannedReply = new Map<string, { reply: CommentReply; scope: Scope; spans: Span[] }>();
  for (const { comment: c } of items) {
    const d = byId.get(c.id);
    const reply: CommentReply = c.target === 'unlocated' ? { kind: 'unlocated' } : d?.reply ?? { kind: 'kept', what: '原文保留', reason: REVIEW_TEXT.notPicked };
    const scope: Scope = d?.rewrite?.scope ?? d?.scope ?? 'range';
    const mine: Span[] = [];
    if (c.target === 'text' && d) {
      const regions = regionsOf(review, c, scope);
      const inside = (s: Span) => regions.some((r) => r.paragraph === s.paragraph && r.start <= s.start && s.end <= r.end);
      const cand: Span[] = [];
      if (d.rewrite && regions.length === 1) cand.push({ ...regions[0]!, text: d.rewrite.text, commentId: c.id });
      for (const e of d.edits ?? []) {
        const a = posOf(review, e.start);
        const b = posOf(review, e.end);
        if (a.paragraph === b.paragraph) cand.push({ paragraph: a.paragraph, start: a.offset, end: b.offset, text: e.text, commentId: c.id });
      }
      for (const s of cand) if (inside(s)) mine.push(s);
    }
    plannedReply.set(c.id, { reply, scope, spans: mine });
    spans.push(...mine);
  }
  // Later offsets first within a block, so earlier ones stay valid; an overlap is refused.
  const done: Span[] = [];
  const paragraphs = review.paragraphs.map((p) => p.text);
  for (const s of [...spans].sort((x, y) => x.paragraph - y.paragraph || y.start - x.start)) {
    if (done.some((o) => o.paragraph === s.paragraph && s.start < o.end && o.start < s.end)) continue;
    const t = paragraphs[s.paragraph]!;
    paragraphs[s.paragraph] = t.slice(0, s.start) + s.text + t.slice(s.end);
    done.push(s);
  }
  // The guard's rule, here too: outside the applied spans every block is as it was.
  for (let i = 0; i < paragraphs.length; i++) {
    const mine = done.filter((s) => s.paragraph === i);
    if (!mine.length && paragraphs[i] !== review.paragraphs[i]!.text) throw new Error('cloud revision changed an uncommented block');
  }
  const changes = done.filter((s) => review.paragraphs[s.paragraph]!.text.slice(s.start, s.end) !== s.text)
    .sort((a, b) => flatOffset(review, { paragraph: a.paragraph, offset: a.start }) - flatOffset(review, { paragraph: b.paragraph, offset: b.start }))
    .map((s) => ({ commentId: s.commentId, from: review.paragraphs[s.paragraph]!.text.slice(s.start, s.end), to: s.text }));
  const replies = items.map(({ comment: c, n }) => {
    const p = plannedReply.get(c.id)!;
    const applied = done.some((s) => s.commentId === c.id);
    let reply = p.reply;
    if (p.spans.length && !applied) reply = { kind: 'kept', what: '原文保留', reason: REVIEW_TEXT.outOfRange };
    if (!p.spans.length && c.target === 'text' && byId.get(c.id) && (byId.get(c.id)!.rewrite || byId.get(c.id)!.edits?.length) && reply.kind === 'revised') reply = { kind: 'kept', what: '原文保留', reason: REVIEW_TEXT.outOfRange };
    let text = replyText(reply);
    if (applied && p.scope !== 'range') text += p.scope === 'sentence' ? '（改动扩大到整句）' : '（改动扩大到整段）';
    return { commentId: c.id, n, text, revised: applied };
  });
  const allowed = items.flatMap(({ comment: c }) => {
    const p = plannedReply.get(c.id)!;
    return done.some((s) => s.commentId === c.id) ? regionsOf(review, c, p.scope) : [];
  });
  const applied = done.map(({ commentId, paragraph, start, end, text }) => ({ commentId, paragraph, start, end, text }));
  return { paragraphs, changes, replies, applied, allowed };
}


/** 按审校意见修订 on a cloud doc: the critic's exact fixes applied to the text's lines, the rest advice only. */
export interface CloudCritiqueRevision {
  /** Each line of the text after the fixes. */
  paragraphs: string[];
  fixes: Array<{ from: string; to: string; message: string }>;
  /** Findings without a literal replacement (or spanning lines, or overlapping a fix): listed, never applied. */
  advice: Finding[];
}

export function critiqueLines(text: string, findings: readonly Finding[]): CloudCritiqueRevision {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const lineOf = (off: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= off) i++;
    return i;
  };
  const exact: Finding[] = [];
  const advice: Finding[] = [];
  for (const f of findings) {
    const one = f.end > f.start && lineOf(f.start) === lineOf(f.end - 1) && !text.slice(f.start, f.end).includes('\n');
    (f.replacement !== undefined && one ? exact : advice).push(f);
  }
  // From the last to the first, so earlier offsets stay valid; a fix overlapping one applied becomes advice.
  const done: Finding[] = [];
  const out = [...lines];
  for (const f of [...exact].sort((x, y) => y.start - x.start)) {
    if (done.some((o) => f.start < o.end && o.start < f.end)) {
      advice.push(f);
      continue;
    }
    const i = lineOf(f.start);
    const s = f.start - starts[i]!;
    out[i] = out[i]!.slice(0, s) + f.replacement! + out[i]!.slice(f.end - starts[i]!);
    done.push(f);
  }
  const fixes = done.sort((x, y) => x.start - y.start).map((f) => ({ from: text.slice(f.start, f.end), to: f.replacement!, message: f.message }));
  return { paragraphs: out, fixes, advice: advice.sort((x, y) => x.start - y.start) };
}
