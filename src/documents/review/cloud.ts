/**
 * Cloud-doc (飞书云文档, docx) comments in the review model: the Drive comment API's shapes
 * (docs/REVIEW.md) mapped onto ReviewComment, so a cloud doc's comments are listed, classified and
 * answered like a Word file's. Pure: the calls themselves belong to the Feishu gateway.
 */
import type { ReviewComment, ReviewDocument } from './model.js';

/** One element of a comment or reply's content (list-file-comment: reply_element). */
export interface DriveReplyElement {
  /** text_run, docs_link or person (others may come; their text is ignored). */
  type: string;
  text_run?: { text: string };
  docs_link?: { url: string };
  person?: { user_id: string };
}

export interface DriveReply {
  reply_id: string;
  user_id: string;
  create_time: number;
  update_time?: number;
  content: { elements: DriveReplyElement[] };
  extra?: { image_list?: string[] };
}

/** An item of GET /open-apis/drive/v1/files/:file_token/comments. */
export interface DriveComment {
  comment_id: string;
  user_id: string;
  create_time: number;
  update_time?: number;
  is_solved: boolean;
  solved_time?: number;
  solver_user_id?: string;
  /** More replies than reply_list holds: page them through …/comments/:comment_id/replies. */
  has_more?: boolean;
  page_token?: string;
  is_whole: boolean;
  /** The selected text, on a local (划词) comment. */
  quote?: string;
  reply_list?: { replies: DriveReply[] };
}

/** A docx block with its plain text and the comments on it (docx v1 blocks: comment_ids). */
export interface CloudBlock {
  block_id: string;
  text: string;
  comment_ids: string[];
}

export const TEXT_KEYS = ['text', 'heading1', 'heading2', 'heading3', 'heading4', 'heading5', 'heading6', 'heading7', 'heading8', 'heading9', 'bullet', 'ordered', 'quote', 'todo', 'callout'];

export interface RawBlock { block_id: string; comment_ids?: string[]; [k: string]: unknown }
/** One text element of a block (docx v1 TextElement): text_run, mention_user, mention_doc, equation, reminder, file, inline_block, …. */
export interface RawElement { text_run?: { content?: string; text_element_style?: { comment_ids?: string[] } }; mention_doc?: { title?: string }; [k: string]: unknown }

/** The text an element contributes to its block's text: a run's content, a linked doc's title; mentions, equations and the rest none. */
export const blockElementText = (e: RawElement): string => e.text_run?.content ?? e.mention_doc?.title ?? '';

/** A text block's element list and the key it sits under (text, heading1, bullet, …); undefined for other blocks. */
export function textElements(b: RawBlock): { key: string; elements: RawElement[] } | undefined {
  const key = TEXT_KEYS.find((k) => b[k] !== undefined);
  return key ? { key, elements: (b[key] as { elements?: RawElement[] }).elements ?? [] } : undefined;
}

/** Blocks from GET /open-apis/docx/v1/documents/:id/blocks with their text; comment ids from the block and from its runs. */
export function blocksOf(items: readonly RawBlock[]): CloudBlock[] {
  const out: CloudBlock[] = [];
  for (const b of items) {
    const got = textElements(b);
    if (!got) continue;
    const ids = new Set(b.comment_ids ?? []);
    let text = '';
    for (const e of got.elements) {
      text += blockElementText(e);
      for (const id of e.text_run?.text_element_style?.comment_ids ?? []) ids.add(id);
    }
    out.push({ block_id: b.block_id, text, comment_ids: [...ids] });
  }
  return out;
}

const elementText = (e: DriveReplyElement) => e.text_run?.text ?? e.docs_link?.url ?? (e.person ? `@${e.person.user_id}` : '');
const contentText = (r: DriveReply) => r.content.elements.map(elementText).join('');
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A cloud doc's comments as a ReviewDocument: a comment's first reply is its words, later ones its
 * replies; the range is the quote inside the block the comment sits on (the whole block when the
 * quote is not found there); a whole-document comment, or one on no known block, is unlocated.
 */
export function cloudReview(blocks: readonly CloudBlock[], comments: readonly DriveComment[], botUserId?: string): ReviewDocument {
  const byId = new Map<string, ReviewComment>();
  const roots: ReviewComment[] = [];
  for (const c of comments) {
    const [first, ...rest] = c.reply_list?.replies ?? [];
    const replies: ReviewComment[] = rest.map((r) => ({
      id: r.reply_id, author: r.user_id, date: iso(r.create_time), text: contentText(r), parentId: c.comment_id, done: c.is_solved, replies: [], target: 'text',
    }));
    const root: ReviewComment = { id: c.comment_id, author: c.user_id, date: iso(c.create_time), text: first ? contentText(first) : '', done: c.is_solved, replies, target: 'unlocated' };
    const at = c.is_whole ? -1 : blocks.findIndex((b) => b.comment_ids.includes(c.comment_id));
    if (at >= 0) {
      const text = blocks[at]!.text;
      const q = c.quote ? text.indexOf(c.quote) : -1;
      const [s, e] = q >= 0 ? [q, q + c.quote!.length] : [0, text.length];
      root.range = { start: { paragraph: at, offset: s }, end: { paragraph: at, offset: e }, quoted: text.slice(s, e) };
      root.target = 'text';
    }
    byId.set(root.id, root);
    for (const r of replies) byId.set(r.id, r);
    roots.push(root);
  }
  const place = (c: ReviewComment) => (c.range ? c.range.start.paragraph * 1e6 + c.range.start.offset : Number.MAX_SAFE_INTEGER);
  return {
    paragraphs: blocks.map((b) => ({ text: b.text, inTable: false })),
    comments: roots.filter((c) => !botUserId || c.author !== botUserId).sort((a, b) => place(a) - place(b)),
    byId,
    changes: [],
  };
}

/** The body of POST …/comments/:comment_id/replies for a reply text (≤ 10,000 characters). */
export function replyBody(text: string): { content: { elements: DriveReplyElement[] } } {
  return { content: { elements: [{ type: 'text_run', text_run: { text: text.slice(0, 10_000) } }] } };
}

