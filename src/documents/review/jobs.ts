/**
 * The review loop's work on a writer's .docx as jobs for the parser process (documents/parser-child.ts):
 * plain, serialisable requests and answers, so the file is opened apart from the worker like any other.
 */
import type { CommentClass } from '../../report/review-comments.js';
import { critiqueRevisions, inspectDocx, offlineDecisions, promptComments, reviewDocx, type CommentDecision, type ReviewDocument, type ReviewItem, type ReviewChange, type ReviewReply, type Scope } from './index.js';
import { readReview } from './read.js';

/** One listed comment as the flow keeps it (no document structure, only what the card and the model need). */
export interface ReviewListItem {
  n: number;
  commentId: string;
  cls: CommentClass;
  author: string;
  text: string;
  quoted: string;
  /** The paragraph the passage sits in ('' when it sits on nothing we read). */
  paragraph: string;
  target: 'text' | 'image' | 'table' | 'unlocated';
}

export type InspectResult =
  | { kind: 'ok'; items: ReviewListItem[]; summary: string; lines: string[]; resolved: number }
  | { kind: 'no-comments' | 'protected' | 'encrypted' | 'not-docx'; message: string };

export type ReviewJob =
  | { kind: 'inspect' }
  /** Revise by these decisions; `offline` adds the rule-based ones for the picked comments that have none. */
  | { kind: 'apply'; decisions: CommentDecision[]; offline?: { commentIds: string[] } }
  | { kind: 'critique' };

export type ApplyResult =
  | { ok: true; docx: Uint8Array; replies: ReviewReply[]; changes: ReviewChange[]; widened: Array<{ commentId: string; scope: Scope }> }
  | { ok: false; message: string };

export type CritiqueResult = { docx: Uint8Array; revised: number; commented: number } | null;

/** The listed comments as the flow keeps them (a Word file's or a cloud doc's). */
export function listItems(review: ReviewDocument, items: readonly ReviewItem[]): ReviewListItem[] {
  const prompt = promptComments(review, items);
  return items.map((i, k): ReviewListItem => ({
    n: i.n, commentId: i.comment.id, cls: i.cls, author: i.comment.author, text: i.comment.text, quoted: i.comment.range?.quoted ?? '', paragraph: prompt[k]!.paragraph, target: i.comment.target,
  }));
}

export async function reviewInspect(data: Buffer): Promise<InspectResult> {
  const r = await inspectDocx(data);
  if (r.kind !== 'ok') return { kind: r.kind, message: r.message };
  return { kind: 'ok', items: listItems(r.review, r.items), summary: r.summary, lines: r.lines, resolved: r.resolved };
}

export async function reviewApply(data: Buffer, job: Extract<ReviewJob, { kind: 'apply' }>, now: Date): Promise<ApplyResult> {
  const decisions = [...job.decisions];
  if (job.offline) {
    const review = await readReview(data);
    const wanted = new Set(job.offline.commentIds);
    const have = new Set(decisions.map((d) => d.commentId));
    decisions.push(...offlineDecisions(review).filter((d) => wanted.has(d.commentId) && !have.has(d.commentId)));
  }
  const out = await reviewDocx(data, decisions, { now });
  if (!out.ok) return { ok: false, message: out.message };
  return { ok: true, docx: new Uint8Array(out.docx), replies: out.replies, changes: out.changes, widened: out.widened };
}

export async function reviewCritique(data: Buffer, now: Date): Promise<CritiqueResult> {
  const r = await critiqueRevisions(data, { now });
  return r ? { docx: new Uint8Array(r.docx), revised: r.revised, commented: r.commented } : null;
}
