/** What a reviewed Word document holds: its text, the leader's comments and tracked changes. */

/** A place in the accepted text: paragraph index (body order, table cells included) and offset. */
export interface Pos {
  paragraph: number;
  offset: number;
}

/** What a comment sits on: text we can revise, an image or a table (answered, not revised), or nowhere we understand. */
export type CommentTarget = 'text' | 'image' | 'table' | 'unlocated';

export interface ReviewComment {
  id: string;
  author: string;
  initials?: string;
  date?: string;
  /** The comment's own words, paragraphs joined by a line break. */
  text: string;
  /** w14:paraId of the comment's last paragraph: what a reply's paraIdParent points at. */
  paraId?: string;
  /** The comment this one replies to (commentsExtended.xml paraIdParent). */
  parentId?: string;
  /** Resolved (w15:done). */
  done: boolean;
  /** Replies in order, on a root comment. */
  replies: ReviewComment[];
  /** The exact passage between commentRangeStart and commentRangeEnd, accepted text. */
  range?: { start: Pos; end: Pos; quoted: string };
  target: CommentTarget;
}

export interface TrackedChange {
  kind: 'insertion' | 'deletion';
  id: string;
  author: string;
  date?: string;
  text: string;
  paragraph: number;
  /** Accepted-text offset where it sits. */
  at: number;
}

export interface ReviewDocument {
  paragraphs: Array<{ text: string; inTable: boolean }>;
  /** Root comments (not replies) in the order they appear in the document. */
  comments: ReviewComment[];
  /** Every comment, replies included, by id. */
  byId: Map<string, ReviewComment>;
  changes: TrackedChange[];
  /** Editing restrictions switched on in Word (限制编辑), if any: readOnly, comments, trackedChanges, forms. */
  protection?: string;
}

/** The accepted text of the whole body, paragraphs joined by a line break. */
export const bodyText = (doc: Pick<ReviewDocument, 'paragraphs'>): string => doc.paragraphs.map((p) => p.text).join('\n');

/** Offset of a position in bodyText. */
export function flatOffset(doc: Pick<ReviewDocument, 'paragraphs'>, pos: Pos): number {
  let n = 0;
  for (let i = 0; i < pos.paragraph; i++) n += doc.paragraphs[i]!.text.length + 1;
  return n + pos.offset;
}

/** Position of a bodyText offset. */
export function posOf(doc: Pick<ReviewDocument, 'paragraphs'>, flat: number): Pos {
  let rest = flat;
  for (let i = 0; i < doc.paragraphs.length; i++) {
    const len = doc.paragraphs[i]!.text.length;
    if (rest <= len) return { paragraph: i, offset: rest };
    rest -= len + 1;
  }
  const last = doc.paragraphs.length - 1;
  return { paragraph: Math.max(0, last), offset: doc.paragraphs[last]?.text.length ?? 0 };
}
