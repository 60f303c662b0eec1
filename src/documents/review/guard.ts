/**
 * The change guard: proof, for every output, that only what was commented changed. The accepted
 * text of output and input must be identical outside the allowed regions (each comment's range,
 * widened only as reported), the leader's own tracked changes and comments must be still there as
 * they were, and every part other than the body and the comment parts must be byte for byte the same.
 */
import type { ReviewComment, ReviewDocument, TrackedChange } from './model.js';
import { DocxPackage, PART } from './package.js';
import { openReview } from './read.js';
import { BOT_AUTHOR } from './comments.js';

/** How far a revision may reach beyond its comment's exact range. */
export type Scope = 'range' | 'sentence' | 'paragraph';

/** An allowed span of one paragraph's accepted input text. */
export interface Region {
  paragraph: number;
  start: number;
  end: number;
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);

/** A comment's range widened to whole sentences or paragraphs, as one region per paragraph. */
export function regionsOf(doc: Pick<ReviewDocument, 'paragraphs'>, c: Pick<ReviewComment, 'range'>, scope: Scope = 'range'): Region[] {
  if (!c.range) return [];
  const { start, end } = c.range;
  const out: Region[] = [];
  for (let i = start.paragraph; i <= end.paragraph; i++) {
    const text = doc.paragraphs[i]!.text;
    let s = i === start.paragraph ? start.offset : 0;
    let e = i === end.paragraph ? end.offset : text.length;
    if (scope === 'paragraph') [s, e] = [0, text.length];
    if (scope === 'sentence') {
      while (s > 0 && !SENTENCE_END.has(text[s - 1]!)) s--;
      while (e < text.length && !SENTENCE_END.has(text[e - 1] ?? '')) e++;
    }
    out.push({ paragraph: i, start: s, end: e });
  }
  return out;
}

/** True when `output` is `input` with arbitrary text only inside `regions` (one paragraph). */
export function sameOutside(input: string, output: string, regions: ReadonlyArray<{ start: number; end: number }>): boolean {
  const merged = [...regions].sort((a, b) => a.start - b.start).reduce<Array<{ start: number; end: number }>>((acc, r) => {
    const last = acc[acc.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else acc.push({ ...r });
    return acc;
  }, []);
  const fixed: string[] = [];
  let pos = 0;
  for (const r of merged) {
    fixed.push(input.slice(pos, r.start));
    pos = r.end;
  }
  fixed.push(input.slice(pos));
  if (fixed.length === 1) return input === output;
  // Fixed pieces in order with free text between: first anchored at the start, last at the end,
  // the rest leftmost (a leftmost match exists whenever any match does).
  const first = fixed[0]!;
  const last = fixed[fixed.length - 1]!;
  if (!output.startsWith(first) || output.length < first.length + last.length || !output.endsWith(last)) return false;
  let at = first.length;
  const limit = output.length - last.length;
  for (const f of fixed.slice(1, -1)) {
    const k = output.indexOf(f, at);
    if (k < 0 || k + f.length > limit) return false;
    at = k + f.length;
  }
  return true;
}

export interface GuardResult {
  ok: boolean;
  violations: string[];
}

const changeKey = (c: TrackedChange) => `${c.kind}|${c.author}|${c.date ?? ''}|${c.paragraph}|${c.text}`;

/** Check the accepted texts and the leader's marks of two read documents. */
export function guardReview(input: ReviewDocument, output: ReviewDocument, allowed: readonly Region[]): GuardResult {
  const violations: string[] = [];
  if (input.paragraphs.length !== output.paragraphs.length) violations.push(`paragraph count changed: ${input.paragraphs.length} → ${output.paragraphs.length}`);
  else {
    input.paragraphs.forEach((p, i) => {
      const regions = allowed.filter((r) => r.paragraph === i);
      if (!sameOutside(p.text, output.paragraphs[i]!.text, regions)) violations.push(`paragraph ${i + 1} changed outside the commented ranges`);
    });
  }
  const leader = (d: ReviewDocument) => d.changes.filter((c) => c.author !== BOT_AUTHOR).map(changeKey).sort();
  if (leader(input).join('\n') !== leader(output).join('\n')) violations.push('the leader’s own tracked changes were altered');
  for (const c of input.byId.values()) {
    const o = output.byId.get(c.id);
    if (!o || o.author !== c.author || o.text !== c.text || (o.date ?? '') !== (c.date ?? '') || o.done !== c.done) violations.push(`comment ${c.id} was altered or lost`);
    else if (c.range && !o.range) violations.push(`comment ${c.id} lost its range`);
  }
  return { ok: violations.length === 0, violations };
}

// Parts a review may change; every other part must come out byte for byte.
const MAY_CHANGE = new Set<string>([PART.document, PART.comments, PART.commentsExtended, PART.commentsIds, PART.types, PART.documentRels]);

/** The guard on two packages: the text check plus every other part unchanged. */
export async function guardDocx(input: Buffer, output: Buffer, allowed: (input: ReviewDocument) => Region[]): Promise<GuardResult> {
  const [a, b] = await Promise.all([openReview(input), openReview(output)]);
  const result = guardReview(a.review, b.review, allowed(a.review));
  const pa = await DocxPackage.open(input);
  const pb = await DocxPackage.open(output);
  const paths = new Set([...pa.paths(), ...pb.paths()]);
  for (const path of paths) {
    if (MAY_CHANGE.has(path)) continue;
    const [x, y] = await Promise.all([pa.bytes(path), pb.bytes(path)]);
    if (!x || !y || !x.equals(y)) result.violations.push(`part ${path} changed`);
  }
  result.ok = result.violations.length === 0;
  return result;
}
