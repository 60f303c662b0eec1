/**
 * Text from a PDF's text layer, put back into paragraphs before the rules read it. A PDF keeps
 * the page's lines, not the writer's paragraphs: every line ends where the page was full, page
 * numbers sit between the lines of a sentence that runs over a page break, a title set on two
 * lines comes out as two lines, and the extractor puts a space wherever the layout left a gap
 * (around digits and Latin letters in Chinese text). None of these are the writer's errors.
 *
 * The rejoin works on the extracted text alone (the layout is gone by then): a line is continued
 * on the next when it ends without closing punctuation and is as wide as the page's full lines
 * (measured from the text: the common width of its lines), or when the next line starts with a
 * mark no line can start with. Every offset of the rejoined text maps back to the original, so
 * findings are shown at the PDF text's own lines and columns. Hand-written: no library rejoins
 * Chinese text lines without the PDF's geometry.
 */
import { parseHeading } from '../headings.js';
import { lineIndex } from './format.js';
import type { Finding } from './types.js';

export interface RejoinedText {
  /** The text the rules read: wrapped lines joined, page numbers and extraction spaces taken out. */
  text: string;
  /** Offset in `text` → offset in the original text (an end offset maps to the end of its character). */
  toOriginal(offset: number, end?: boolean): number;
  /** Lines joined to the next one (wraps undone), page-number and running-header lines dropped, spaces removed. */
  stats: { joined: number; dropped: number; spaces: number; lineWidth: number | null };
}

/** A page number on its own line: — 2 —, - 2 -, 2, 第2页, 第2页 共5页, 2/5. */
const PAGE_NUMBER = /^(?:[-—–－‒]\s*\d{1,4}\s*[-—–－‒]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4})$/;
/** A line that ends a sentence or introduces what follows: 。！？；： or …, possibly before closing marks. */
const CLOSED = /(?:[。！？；：!?;:]|…|——)[”’」』）)》】]*$/;
/** Marks no line can start with (GB/T 15834 and 避头尾): the line before was cut mid-sentence. */
const CONTINUES = /^[，。、；：？！）》”’」』】〉,.;:?!)]/;
/** A line that cannot end a paragraph: it stops on a comma or an opening mark. */
const MID_SENTENCE = /[，、“‘《（〈【(—]$/;
/** Words a report title ends with (with an optional bracketed note such as （讨论稿）). */
const TITLE_END = /(?:报告|汇报|总结|述职报告|自查报告|情况|计划|要点|方案|发言|发言材料|讲话|材料)(?:[（(][^（）()\d]{1,8}[）)])?$/;
const SENTENCE_MARK = /[。；，！？：!?;:,]/;
const DATE_LINE = /^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]?$/;

const isCjk = (c: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(c);
/** Full-width: CJK, CJK punctuation and forms, the quotes and dashes Chinese fonts set full width. */
const isWide = (c: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2018\u2019\u201c\u201d\u2026]/.test(c);
/** A space next to these was put there by the layout (CJK–Latin spacing, justification), not typed. */
const isCjkSide = (c: string) => isCjk(c) || /[\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026]/.test(c);

/** A line's width in half-em units: wide characters 2, others 1, an extraction space ½ (the gap it stands for). */
function widthOf(s: string): number {
  let w = 0;
  for (const c of s) w += c === ' ' || c === '\u00a0' ? 0.5 : isWide(c) ? 2 : 1;
  return w;
}

interface SrcLine {
  start: number;
  text: string;
}

/**
 * The width of a full line: the width most lines share (within a character). Null when the text shows
 * no such width (short text, or one paragraph per line): then no line is joined by width.
 */
function fullWidth(widths: number[]): number | null {
  const wide = widths.filter((w) => w >= 16);
  if (wide.length < 3) return null;
  let best = 0;
  let bestCount = 0;
  for (const w of wide) {
    const count = wide.filter((x) => x >= w - 3 && x <= w + 1).length;
    if (count > bestCount || (count === bestCount && w > best)) {
      best = w;
      bestCount = count;
    }
  }
  return bestCount >= 3 && bestCount >= 0.2 * wide.length ? best : null;
}

/** Indices of lines that are page furniture: page numbers, and a short line repeated next to them (a running header or footer). */
function furniture(lines: SrcLine[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((l, i) => {
    if (PAGE_NUMBER.test(l.text)) out.add(i);
  });
  if (out.size === 0) return out;
  const near = (i: number) => out.has(i - 1) || out.has(i + 1) || i === 0 || i === lines.length - 1;
  const byText = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (!out.has(i) && l.text.length <= 30 && !parseHeading(l.text)) byText.set(l.text, [...(byText.get(l.text) ?? []), i]);
  });
  for (const at of byText.values()) if (at.length >= 2 && at.every(near)) for (const i of at) out.add(i);
  return out;
}

/** The lines of a title set over several lines at the top: indices of the block, or [] when the top is not such a title. */
function titleBlock(lines: SrcLine[], skip: Set<number>): number[] {
  const block: number[] = [];
  let text = '';
  let best: number[] = [];
  for (let i = 0; i < lines.length && block.length < 4; i++) {
    if (skip.has(i)) continue;
    const t = lines[i]!.text;
    // The issuer's banner (……文件) and the document number (X宣发〔2025〕3号) stand above the title, apart.
    if (!block.length && /(?:文件|〔\s*\d{4}\s*〕\s*\d+\s*号)$/.test(t.replace(/\s+/g, ''))) continue;
    if (SENTENCE_MARK.test(t) || /^[（(]/.test(t) || DATE_LINE.test(t) || parseHeading(t)) break;
    text += t.replace(/\s+/g, '');
    if (text.length > 60) break;
    block.push(i);
    if (TITLE_END.test(text)) best = [...block];
  }
  return best.length >= 2 ? best : [];
}

/** Rejoin a PDF's extracted text (see the module comment). */
export function rejoinPdfText(original: string): RejoinedText {
  const lines: SrcLine[] = [];
  for (let at = 0; at <= original.length;) {
    const nl = original.indexOf('\n', at);
    const end = nl < 0 ? original.length : nl;
    const raw = original.slice(at, end).replace(/\r$/, '');
    const lead = raw.length - raw.replace(/^[\s\u3000]+/, '').length;
    lines.push({ start: at + lead, text: raw.trim() });
    if (nl < 0) break;
    at = nl + 1;
  }
  const dropped = furniture(lines);
  const skip = new Set([...dropped, ...lines.flatMap((l, i) => (l.text ? [] : [i]))]);
  const body = lines.map((l, i) => ({ l, i })).filter(({ i }) => !skip.has(i));
  const W = fullWidth(body.map(({ l }) => widthOf(l.text)));
  const title = new Set(titleBlock(lines, skip).slice(0, -1));

  // Which kept line runs on into the next kept line.
  const joins = new Set<number>();
  let first = true;
  for (let k = 0; k + 1 < body.length; k++) {
    const { l, i } = body[k]!;
    const next = body[k + 1]!.l.text;
    let join = false;
    if (title.has(i)) join = true;
    else if (!CLOSED.test(l.text)) {
      // A paragraph's first line is indented two characters (lost in extraction), so it holds less.
      const full: boolean = W !== null && widthOf(l.text) >= W - 5 - (first ? 4 : 0);
      const heading = parseHeading(next) !== null;
      join = CONTINUES.test(next) || (full && (!heading || MID_SENTENCE.test(l.text))) || (heading ? false : MID_SENTENCE.test(l.text) && W === null);
    }
    if (join) joins.add(i);
    first = !join;
  }

  // Build the rejoined text with a map back to the original.
  let text = '';
  const map: number[] = [];
  let spaces = 0;
  body.forEach(({ l, i }, k) => {
    // A line the layout stretched (justified around Latin text) comes out with a space between every
    // few characters: there every space is the layout's, also between two Chinese characters.
    const gaps = l.text.match(/[\u3400-\u9fff][ \u00a0\u3000]+(?=[\u3400-\u9fff])/g)?.length ?? 0;
    const stretched = gaps >= 3 && l.text.replace(/\s+/g, '').length <= 3 * (l.text.match(/[ \u00a0\u3000]+/g)?.length ?? 0);
    for (let j = 0; j < l.text.length; j++) {
      const c = l.text[j]!;
      if (c === ' ' || c === '\u00a0' || c === '\u3000') {
        // A run of spaces with CJK on either side is layout; between Latin words it is a word space.
        let e = j;
        while (e < l.text.length && /[ \u00a0\u3000]/.test(l.text[e]!)) e++;
        const before = l.text[j - 1] ?? '';
        const after = l.text[e] ?? '';
        const cjkBoth = isCjk(before) && isCjk(after);
        if ((isCjkSide(before) || isCjkSide(after)) && (stretched || !cjkBoth)) {
          spaces += e - j;
          j = e - 1;
          continue;
        }
      }
      text += c;
      map.push(l.start + j);
    }
    if (k + 1 < body.length) {
      const joined = joins.has(i);
      const next = body[k + 1]!.l.text;
      // Two Latin words wrapped apart keep a space between them; Chinese joins directly.
      const sep = joined ? (/[A-Za-z0-9]$/.test(l.text) && /^[A-Za-z0-9]/.test(next) ? ' ' : '') : '\n';
      if (sep) {
        text += sep;
        map.push(l.start + l.text.length);
      }
    }
  });
  map.push(original.length);
  const toOriginal = (offset: number, end = false): number => {
    if (offset <= 0) return map[0] ?? 0;
    if (offset >= text.length) return end ? (map[text.length - 1] ?? original.length - 1) + 1 : original.length;
    return end ? map[offset - 1]! + 1 : map[offset]!;
  };
  return { text, toOriginal, stats: { joined: joins.size, dropped: dropped.size, spaces, lineWidth: W } };
}

/**
 * Findings on the rejoined text, placed on the original: offsets, line and column in the PDF's
 * text; the context stays the rejoined one (a sentence no longer cut by a line end).
 */
export function findingsOnOriginal(findings: readonly Finding[], rejoined: RejoinedText, original: string): Finding[] {
  const pos = lineIndex(original);
  return findings.map((f) => {
    const start = rejoined.toOriginal(f.start);
    const end = Math.max(start, rejoined.toOriginal(f.end, true));
    return { ...f, start, end, ...pos(start) };
  });
}
