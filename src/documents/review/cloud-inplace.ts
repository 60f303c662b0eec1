/**
 * A cloud doc's commented blocks edited in place (issue 22 item 5, when the writer asks): the same
 * replacements as the revised copy, made on each block's element list. Only the text of a run is
 * cut and joined: every other element (@mentions, linked docs, equations, reminders, files) and the
 * style of every untouched run stay as they were, and the new text takes the style (and comment
 * ids) of the run it replaces. Pure: the reads and the PATCH belong to the Feishu gateway.
 */
import { guardReview, type GuardResult, type Region } from './guard.js';
import { blockElementText, textElements, type RawBlock, type RawElement } from './cloud.js';
import type { ReviewDocument } from './model.js';

/** Element kinds `update_text_elements` accepts (docx v1 document-block patch / batch_update). */
const WRITABLE = new Set(['text_run', 'mention_user', 'mention_doc', 'reminder', 'file', 'inline_block', 'equation', 'link_preview']);

/** One replacement in a block's text (offsets in the text blocksOf gives the block). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** One block to edit: its element list before (kept as a version, for 改回上一版) and after. */
export interface BlockEdit {
  blockId: string;
  /** Its index among the document's text blocks (the review's paragraph). */
  paragraph: number;
  before: RawElement[];
  after: RawElement[];
  beforeText: string;
  afterText: string;
}

const textOf = (elements: readonly RawElement[]) => elements.map(blockElementText).join('');
const clone = <T>(v: T): T => structuredClone(v);

/**
 * One replacement on an element list, first shrunk to the part that really differs; null when it
 * would cut through an element that is not a plain run (a mention, a linked doc, an equation).
 */
function spliceOne(elements: readonly RawElement[], edit: TextEdit): RawElement[] | null {
  const old = textOf(elements);
  let { start: s, end: e, text: t } = edit;
  while (t.length && s < e && old[s] === t[0]) {
    s++;
    t = t.slice(1);
  }
  while (t.length && e > s && old[e - 1] === t[t.length - 1]) {
    e--;
    t = t.slice(0, -1);
  }
  if (s === e && !t) return [...elements];
  const before: RawElement[] = [];
  const after: RawElement[] = [];
  // The new text's style: the first run it replaces, else the run just before it, else the one just after.
  // `null`: that run has no style; undefined: no such run.
  let style: object | null | undefined;
  let prevStyle: object | null | undefined;
  let nextStyle: object | null | undefined;
  let at = 0;
  for (const el of elements) {
    const len = blockElementText(el).length;
    const [a, b] = [at, at + len];
    at = b;
    const run = el.text_run;
    if (!run) {
      if (len === 0 ? a > s && a < e : a < e && b > s) return null;
      const first = len === 0 ? a <= s : b <= s;
      if (first) before.push(el);
      else after.push(el);
      continue;
    }
    const content = run.content ?? '';
    const piece = (from: number, to: number): RawElement => ({ ...el, text_run: { ...run, content: content.slice(from - a, to - a) } });
    if (a < s) before.push(piece(a, Math.min(b, s)));
    if (b > e) after.push(piece(Math.max(a, e), b));
    if (style === undefined && a < e && b > s) style = run.text_element_style ?? null;
    if (b === s && len > 0) prevStyle = run.text_element_style ?? null;
    if (a === e && nextStyle === undefined && len > 0) nextStyle = run.text_element_style ?? null;
    // A pure insertion inside a run takes that run's style.
    if (s === e && a < s && s < b) style = run.text_element_style ?? null;
  }
  const chosen = style !== undefined ? style : prevStyle !== undefined ? prevStyle : nextStyle;
  const inserted: RawElement[] = t ? [{ text_run: { content: t, ...(chosen ? { text_element_style: clone(chosen) } : {}) } }] : [];
  return [...before, ...inserted, ...after];
}

/** Replacements on one block's elements, the last first so earlier offsets hold; null when one cannot be made. */
export function spliceElements(elements: readonly RawElement[], edits: readonly TextEdit[]): RawElement[] | null {
  if (elements.some((el) => Object.keys(el).filter((k) => WRITABLE.has(k)).length !== 1)) return null;
  let out: RawElement[] = elements.map(clone);
  for (const edit of [...edits].sort((x, y) => y.start - x.start)) {
    const next = spliceOne(out, edit);
    if (!next) return null;
    out = next;
  }
  // Feishu keeps a block's element list non-empty: a block emptied keeps one empty run in the first run's style.
  if (!out.length) {
    const first = elements.find((el) => el.text_run)?.text_run?.text_element_style;
    out = [{ text_run: { content: '', ...(first ? { text_element_style: clone(first) } : {}) } }];
  }
  return out;
}

export interface InPlacePlan {
  edits: BlockEdit[];
  /** Comments whose replacement would cut through a mention, a linked doc or an equation: not made in place. */
  refused: string[];
  /** Blocks whose text is not what the revision was computed on (someone edited the document meanwhile). */
  conflicts: Array<{ paragraph: number; blockId: string; was: string; now: string }>;
}

/**
 * The element edits for the applied replacements, on the blocks as they are now (`fresh`), checked
 * against the text the revision was computed on (`review`, from `blockIds` in paragraph order).
 */
export function planInPlace(review: ReviewDocument, blockIds: readonly string[], fresh: readonly RawBlock[], applied: ReadonlyArray<{ commentId: string; paragraph: number; start: number; end: number; text: string }>): InPlacePlan {
  const byId = new Map(fresh.map((b) => [b.block_id, b]));
  const plan: InPlacePlan = { edits: [], refused: [], conflicts: [] };
  for (const paragraph of [...new Set(applied.map((a) => a.paragraph))].sort((a, b) => a - b)) {
    const blockId = blockIds[paragraph]!;
    const was = review.paragraphs[paragraph]!.text;
    const block = byId.get(blockId);
    const now = block ? textElements(block) : undefined;
    const nowText = now ? textOf(now.elements) : '';
    if (!now || nowText !== was) {
      plan.conflicts.push({ paragraph, blockId, was, now: nowText });
      continue;
    }
    const mine = applied.filter((a) => a.paragraph === paragraph);
    // One replacement at a time, the last first: a refused one changes nothing, so the earlier offsets still hold.
    let elements: RawElement[] = now.elements;
    for (const a of [...mine].sort((x, y) => y.start - x.start)) {
      const next = spliceElements(elements, [a]);
      if (next) elements = next;
      else plan.refused.push(a.commentId);
    }
    const afterText = textOf(elements);
    if (afterText !== was) plan.edits.push({ blockId, paragraph, before: now.elements.map(clone), after: elements, beforeText: was, afterText });
  }
  return plan;
}

/** Non-run elements in order, as JSON: an in-place edit must leave them exactly as they were. */
const inlineElements = (elements: readonly RawElement[]) => elements.filter((el) => !el.text_run).map((el) => JSON.stringify(el));

/**
 * The change guard on an in-place edit: the blocks' text after must equal the text before outside the
 * allowed regions (guardReview, the same check as for a Word file), and every element that is not a
 * plain run must be there unchanged, in order. Any violation blocks the edit.
 */
export function guardInPlace(review: ReviewDocument, edits: readonly BlockEdit[], allowed: readonly Region[]): GuardResult {
  const paragraphs = review.paragraphs.map((p) => ({ ...p }));
  for (const e of edits) paragraphs[e.paragraph] = { ...paragraphs[e.paragraph]!, text: e.afterText };
  const result = guardReview(review, { ...review, paragraphs }, allowed);
  for (const e of edits) {
    if (textOf(e.after) !== e.afterText || textOf(e.before) !== e.beforeText) result.violations.push(`block ${e.blockId}: the element text does not match`);
    if (inlineElements(e.before).join('\n') !== inlineElements(e.after).join('\n')) result.violations.push(`block ${e.blockId}: a mention, linked doc or equation changed`);
  }
  result.ok = result.violations.length === 0;
  return result;
}
