/**
 * The one model-output cleaner. Every flow passes a model's answer through
 * `cleanModelOutput` before it is stored, shown as final text or exported, so nothing
 * of a model's chat habits reaches the document: reasoning (<think>), preambles and
 * closing remarks, meta notes (修改说明, 注：, 本部分约N字), Markdown, non-standard
 * heading markers and half-width punctuation in Chinese text.
 *
 * Markdown is read with remark (mdast), not regexes: lists, quotes, tables, code and
 * emphasis are structure a parser gets right. CommonMark does not close `**` between a
 * full stop and a Chinese character (`**……。**一是`), so remark-cjk-friendly extends the
 * parser for CJK text. strip-markdown is not used because it drops ordered-list numbers
 * (which carry the 1. point level) and merges a bold heading into the paragraph after
 * it. The chat-text rules are hand-written: they are Chinese phrase families no
 * library knows. What the cleaner is unsure of it keeps and reports in `unsure`; what
 * it removed is listed in `removed`.
 *
 * Free-chat answers get the same treatment with rules of their own (`kind: 'chat'`):
 * a chat answer is conversation, so only the pleasantries around it go, and lists keep
 * their numbers; no Markdown marker reaches the writer on any path.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Nodes, PhrasingContent, RootContent, TableCell } from 'mdast';
import { parseChineseNumeral, parseHeading, toChineseNumeral } from './headings.js';

export type OutputKind = 'outline' | 'section' | 'revise' | 'full' | 'critique' | 'chat';

export interface CleanResult {
  text: string;
  /** What was taken out, as short Chinese labels with an excerpt. */
  removed: string[];
  /** Lines kept although they look like chat text: the writer decides. */
  unsure: string[];
}

interface Line {
  text: string;
  /** From a Markdown heading. */
  mdHeading?: number;
  /** The line began with bold text: that text. */
  strongLead?: string;
  /** Every bold run of the line and where it starts. */
  strongs?: { at: number; text: string }[];
  /** From an ordered list item: its number. */
  listNo?: number;
  /** From an unordered list item's first line. */
  bullet?: boolean;
  quote?: boolean;
  table?: boolean;
  /** The Markdown block (paragraph, or a whole list) the line came from: lines of one block stay together in chat answers. */
  block?: number;
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const HAS_CJK = new RegExp(`[${CJK}]`);

// ---- reasoning ---------------------------------------------------------------

/** Drop <think>…</think> blocks; an unclosed one hides everything after it (still thinking). */
export function stripReasoning(text: string): { text: string; had: boolean } {
  let out = text.replace(/<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi, '');
  let had = out !== text;
  // vLLM/Ollama templates sometimes emit only the closing tag.
  const close = /<\/(think|thinking|reasoning)>/i.exec(out);
  if (close) {
    out = out.slice(close.index + close[0].length);
    had = true;
  }
  const open = /<(think|thinking|reasoning)>/i.exec(out);
  if (open) {
    out = out.slice(0, open.index);
    had = true;
  }
  return { text: out, had };
}

// ---- markdown → lines ----------------------------------------------------------

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

/** Text of a node without raw HTML (`<u>`, `<br>` are markup, not words). */
const toString = (node: Nodes | Nodes[]): string => mdToString(node, { includeHtml: false });

const isBreakTag = (html: string) => /^<br\s*\/?>$/i.test(html.trim());

/**
 * Delimiters the model wrote in a form the parser does not take as Markdown, turned
 * into the form it does, so remark (not a regex) decides what pairs with what:
 * full-width ＊＊ is **; a __ run touching Chinese text is ** (CommonMark refuses
 * intraword underscores, which exist for snake_case, not for Chinese); a heading's
 * #s with no space before the Chinese title get the space.
 */
function canonicalDelimiters(src: string): string {
  return src
    .replace(/＊＊/g, '**')
    // Only where a line has two such runs: a lone “__” is a fill-in blank (于____年__月).
    .replace(/^.*$/gm, (line) => ((line.match(CJK_UNDERSCORES) ?? []).length >= 2 ? line.replace(CJK_UNDERSCORES, '**') : line))
    .replace(new RegExp(`^(#{1,6})(?=[${CJK}（【“])`, 'gm'), '$1 ');
}
const CJK_UNDERSCORES = new RegExp(`(?<![_\\w])__(?=[${CJK}“（【《])|(?<=[${CJK}”）】》。，；：！？、])__(?![_\\w])`, 'g');

/** Delimiter runs left as text after parsing (`**` never closed): markup, not words. */
const ORPHAN_STARS = /\*{2,}/g;

function phrasingLines(children: PhrasingContent[], removed: string[]): Line[] {
  const lines: Line[] = [{ text: '' }];
  const cur = () => lines[lines.length - 1]!;
  for (const c of children) {
    if (c.type === 'break' || (c.type === 'html' && isBreakTag(c.value))) {
      lines.push({ text: '' });
      continue;
    }
    if (c.type === 'html') {
      // Stray tags (<u>, <think> remnants) are not text; what they wrap is a text node of its own.
      const t = c.value.replace(/<[^>]*>/g, '');
      if (t) cur().text += t;
      continue;
    }
    let value = c.type === 'text' || c.type === 'inlineCode' ? c.value : c.type === 'image' ? c.alt ?? '' : toString(c);
    if (c.type !== 'inlineCode' && value.includes('**')) {
      removed.push('未配对的加粗标记“**”');
      value = value.replace(ORPHAN_STARS, '');
    }
    const parts = value.split('\n');
    parts.forEach((p, i) => {
      if (i > 0) lines.push({ text: '' });
      const line = cur();
      if (c.type === 'strong' && i === 0) {
        if (line.text.trim() === '') line.strongLead = p.trim();
        (line.strongs ??= []).push({ at: line.text.length, text: p.trim() });
      }
      line.text += p;
    });
  }
  return lines;
}

/** A table cell's text; a <br> inside a cell separates items. */
const cellText = (cell: TableCell): string =>
  cell.children.map((c) => (c.type === 'html' && isBreakTag(c.value) ? '，' : toString(c))).join('').trim();

function blockLines(node: RootContent, out: Line[], removed: string[], flags: Partial<Line> = {}): void {
  const block = flags.block ?? out.length + 1;
  switch (node.type) {
    case 'heading':
      out.push({ ...flags, block, text: toString(node).replace(ORPHAN_STARS, ''), mdHeading: node.depth });
      return;
    case 'paragraph':
      for (const l of phrasingLines(node.children, removed)) out.push({ ...flags, block, ...l });
      return;
    case 'list':
      node.children.forEach((item, i) => {
        const no = node.ordered ? (node.start ?? 1) + i : undefined;
        item.children.forEach((child, k) => {
          const before = out.length;
          blockLines(child, out, removed, { ...flags, block });
          if (k === 0 && out[before]) out[before] = no !== undefined ? { ...out[before], listNo: no } : { ...out[before], bullet: true };
        });
      });
      return;
    case 'blockquote':
      for (const c of node.children) blockLines(c, out, removed, { ...flags, quote: true });
      return;
    case 'table': {
      const rows = node.children.map((r) => r.children.map(cellText));
      const head = rows[0] ?? [];
      // A table becomes prose: one sentence per row, "列名：值；列名：值。"
      for (const r of rows.slice(1)) {
        const cells = r.map((v, i) => (head[i] && v ? `${head[i]}：${v}` : v)).filter(Boolean);
        if (cells.length) out.push({ ...flags, block, text: `${cells.join('；')}。`, table: true });
      }
      return;
    }
    case 'code':
      for (const l of node.value.split('\n')) out.push({ ...flags, block, text: l });
      return;
    case 'html': {
      const t = node.value.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '').trim();
      if (t) for (const l of t.split('\n')) out.push({ ...flags, block, text: l });
      return;
    }
    case 'thematicBreak':
    case 'definition':
      return;
    default:
      if ('children' in node) for (const c of (node as { children: Nodes[] }).children) blockLines(c as RootContent, out, removed, flags);
      else out.push({ ...flags, block, text: toString(node) });
  }
}

/** Markdown text → plain lines with what the Markdown said about each. */
export function markdownLines(text: string, removed: string[] = []): Line[] {
  // Full-width indentation is text, not Markdown; leading ASCII indentation would read as code.
  const src = canonicalDelimiters(text.replace(/^[ \t]+(?=\S)/gm, ''));
  const root = parser.parse(src);
  const out: Line[] = [];
  for (const n of root.children) blockLines(n, out, removed);
  return out
    .map((l) => {
      const lead = /^[\s\u3000]*/.exec(l.text)![0].length;
      const text = l.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
      return lead && l.strongs ? { ...l, text, strongs: l.strongs.map((x) => ({ ...x, at: x.at - lead })) } : { ...l, text };
    })
    .filter((l) => l.text);
}

// ---- chat text -----------------------------------------------------------------

const OPENER = /^(?:好的|当然(?:可以)?|没问题|收到|明白(?:了)?|可以的?|嗯|OK|以下是|以下为|下面是|下面为|这是|根据您|按照您|遵照您|结合您|为您|我将|我来|我为您|我已|已为您|针对您|您好)/i;
const CLOSER = /(供(?:您)?参考|请随时|随时(?:告诉|联系|提出)|告诉我|希望(?:以上|这|对您|能|本)|如(?:需|有)(?:进一步|需要|其他|任何|修改|调整|补充|疑问)|如果(?:您|你)|您可以|你可以|可(?:以)?根据(?:实际|具体|单位)(?:情况)?(?:进行)?(?:调整|修改|补充|完善)|祝(?:您|工作)|欢迎(?:继续|随时)|需要我|我可以(?:继续|再|帮))/;
const META_LEAD = /^(?:[（(]?(?:注|附注|说明|提示|温馨提示|备注|注意|修改说明|修改要点|修改思路|主要修改|修改内容|改写说明|扩写说明|精简说明|写作说明|写作思路|字数说明|字数统计|字数|参考字数|Note)\s*[：:]|[（(](?:注|说明|提示|备注)[：:])/i;
const META_BLOCK = /^(?:修改说明|修改要点|修改思路|主要修改|主要修改内容|修改内容|改写说明|扩写说明|精简说明|写作说明|写作思路|说明|注|备注|提示|补充说明)\s*[：:]?$/;
const LENGTH_NOTE = new RegExp(`[（(](?:本(?:部分|节|段|篇|文|稿)|全文|以上|正文|此部分)?(?:共|约|大约|计|字数[：:]?约?|合计)?\\s*[\\d一二三四五六七八九十百千两]+\\s*(?:个)?字(?:左右|以内|上下)?[）)]`, 'g');
const LENGTH_LINE = /^(?:[（(])?(?:本(?:部分|节|段|篇|文|稿)|全文|以上|正文)?(?:共|约|大约|计|合计)?(?:字数)?[：:]?\s*(?:约)?\s*\d+\s*(?:个)?字(?:左右|以内|上下)?[）)]?[。.]?$/;
const LEAD_IN = /^(?:以下(?:为|是)[^。]{0,40}|(?:修改|改写|扩写|精简|润色|压缩|调整)(?:后|过)的?[^。]{0,20}|(?:正文|全文|提纲)(?:内容)?如下)[：:]?$/;
const ADDRESSES_USER = /您|请问|告诉我/;

const excerpt = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);
const bareOfMarker = (s: string) => s.replace(/^(?:\d{1,2}[.．、]|[（(][\d一二三四五六七八九十]{1,3}[）)]|[-*•·])\s*/, '');

/** Where an opening line's content begins after a chat preamble ("好的，以下是提纲：今年以来…" → at 今), or null when it has none. */
function preambleCut(line: string): number | null {
  if (!OPENER.test(line)) return null;
  const m = /[：:]|[。！!](?!$)/.exec(line);
  if (m && m.index <= 80) return m.index + 1;
  if (/[。！!～~]$/.test(line) && line.length <= 80) return line.length;
  if (line.length <= 60) return line.length;
  return null;
}

/** The part of an opening line after a chat preamble, or null when it is no preamble. */
function afterPreamble(line: string): string | null {
  const at = preambleCut(line);
  return at === null ? null : line.slice(at).trim();
}

// A chat answer's opening pleasantries: interjections, then a lead-in ending in a colon.
const INTERJECTION = /^(?:好的|好|当然(?:可以|没问题)?|没问题|收到|明白(?:了)?|可以的?|嗯|OK|您好|你好)(?:呀|啊|的|呢|哈)?[！!。，,～~\s]+/i;
const CHAT_LEAD_IN = /^(?:以下|下面|接下来|为您|给您|这是|这里是|针对您|根据您|按照您|关于您|我(?:来|将|为您|给您|整理了))[^。！？!?：:\n]{0,40}[：:]\s*/;

/** Where a chat answer's first line begins after its pleasantries ("当然可以！这类报告…" → at 这); 0 when it has none. */
function chatPreambleCut(line: string): number {
  let at = 0;
  for (let i = 0; i < 3; i++) {
    const m = INTERJECTION.exec(line.slice(at));
    if (!m) break;
    at += m[0].length;
  }
  const lead = CHAT_LEAD_IN.exec(line.slice(at));
  if (lead) at += lead[0].length;
  // "当然可以" alone, with no punctuation after it.
  if (at === 0 && /^(?:好的|当然可以|没问题|收到|明白了?)[！!。～~]*$/.test(line)) return line.length;
  return at;
}

/** Closing pleasantries of a chat answer: they talk about the conversation, not the subject. */
const PLEASANTRY = /供(?:您)?参考|请随时|随时(?:告诉|联系|提出|找我|问我)|告诉我|希望(?:以上|这些|这|对您|对你|能|本|我的)|如(?:需|有)(?:进一步|需要|其他|任何|疑问|问题)|如果(?:您|你)(?:还)?(?:有|需要)(?:其他|任何|进一步|更多)?(?:问题|需要|疑问|帮助)|祝(?:您|你|工作)|欢迎(?:继续|随时)|需要我|我可以(?:继续|再|帮)/;
const talksAboutAnswer = (s: string) => ADDRESSES_USER.test(s) || /以上|上述|本(?:提纲|稿|文)|这份|这篇|我/.test(s);
/** Talks to the writer or about the answer, not as a unit about its own work (我局将…如有问题…). */
const talksToWriter = (s: string) => /您|你|请问|告诉我|以上|上述|本(?:提纲|稿|文)|这份|这篇/.test(s) || /(?:^|[，。！!])我(?:可以|来|会|再|将(?:继续|为您))/.test(s);
/** A note that only disclaims the answer ("注：以上内容供参考。"), as opposed to one with content. */
const DISCLAIMER = /参考|仅供|以上|上述|实际情况|据实|核实|酌情|调整|修改/;

/** Sentences of a line, each with its closing punctuation. */
const sentences = (line: string): string[] => line.match(/[^。！？!?]+[。！？!?]*|[。！？!?]+/g) ?? [line];

/** The line without closing pleasantries run onto its end ("……最后通读定稿。希望对您有所帮助！"). */
function withoutTrailingPleasantry(line: string): { text: string; cut: string } {
  const parts = sentences(line);
  let n = parts.length;
  while (n > 0 && PLEASANTRY.test(parts[n - 1]!) && talksToWriter(parts[n - 1]!) && parts[n - 1]!.length <= 40) n--;
  return { text: parts.slice(0, n).join(''), cut: parts.slice(n).join('') };
}

// ---- headings ------------------------------------------------------------------

const CN_NUM = '[一二三四五六七八九十]{1,3}';

/** "第一部分：" "一．" "（一）、" "(1)" "1、" → 一、（一）1.（1）; the line unchanged when it has no marker. */
export function normaliseHeadingMarker(line: string): string {
  let m = new RegExp(`^第(${CN_NUM})(?:部分|章|大部分)[：:、，,.．\\s]*`).exec(line);
  if (m) return `${m[1]}、${line.slice(m[0].length)}`;
  m = new RegExp(`^(${CN_NUM})[．.，,]\\s*(?=[^\\d])`).exec(line);
  if (m && !Number.isNaN(parseChineseNumeral(m[1]!))) return `${m[1]}、${line.slice(m[0].length)}`;
  m = new RegExp(`^(${CN_NUM})、\\s+`).exec(line);
  if (m) return `${m[1]}、${line.slice(m[0].length)}`;
  m = new RegExp(`^[（(](${CN_NUM})[）)][、，,．.:：\\s]*`).exec(line);
  if (m) return `（${m[1]}）${line.slice(m[0].length)}`;
  m = /^[（(](\d{1,2})[）)][、，,．.:：\s]*/.exec(line);
  if (m) return `（${m[1]}）${line.slice(m[0].length)}`;
  m = /^(\d{1,2})[、．.]\s*(?!\d)/.exec(line);
  if (m) return `${m[1]}.${line.slice(m[0].length)}`;
  return line;
}

// ---- punctuation ---------------------------------------------------------------

/** Half-width quotes, commas, colons, semicolons, marks and brackets in Chinese text → full-width. */
export function fullWidthPunctuation(line: string): string {
  if (!HAS_CJK.test(line)) return line;
  let open = true;
  let out = line.replace(/"/g, () => {
    const q = open ? '“' : '”';
    open = !open;
    return q;
  });
  const cjk = `[${CJK}“”（）【】《》]`;
  out = out
    .replace(new RegExp(`(${cjk})\\s*,\\s*`, 'g'), '$1，')
    .replace(new RegExp(`,\\s*(?=${cjk})`, 'g'), '，')
    .replace(new RegExp(`(${cjk})\\s*;\\s*`, 'g'), '$1；')
    .replace(new RegExp(`(${cjk})\\s*:\\s*`, 'g'), '$1：')
    .replace(new RegExp(`(${cjk})\\?`, 'g'), '$1？')
    .replace(new RegExp(`(${cjk})!`, 'g'), '$1！')
    .replace(/\(([^()]*)\)/g, (all, inner: string) => (HAS_CJK.test(inner) ? `（${inner}）` : all))
    // Spaces between Chinese characters are left over from Markdown or line joins.
    .replace(new RegExp(`([${CJK}，。；：、“”（）])[ \\t]+(?=[${CJK}，。；：、“”（）])`, 'g'), '$1');
  return out;
}

// ---- the cleaner ---------------------------------------------------------------

const isReportKind = (k: OutputKind) => k !== 'chat' && k !== 'critique';

/** Clean a model's whole answer. Pure and deterministic. */
export function cleanModelOutput(raw: string, kind: OutputKind): CleanResult {
  return clean(raw, kind, false);
}

function clean(raw: string, kind: OutputKind, streaming: boolean): CleanResult {
  const removed: string[] = [];
  const unsure: string[] = [];
  const r = stripReasoning(raw);
  if (r.had) removed.push('推理过程（<think>）');
  let lines = markdownLines(r.text, removed);
  const all = [...lines];
  if (kind === 'chat') return finish(chatLines(lines, removed), all, kind, removed, unsure, streaming);

  // Preamble: the first line or two.
  for (let i = 0; i < 4 && lines.length; i++) {
    const first = lines[0]!;
    const at = preambleCut(first.text);
    if (at === null) break;
    removed.push(`开场白“${excerpt(first.text)}”`);
    if (first.text.slice(at).trim()) lines[0] = cutStart(first, at);
    else lines.shift();
  }

  // Meta blocks ("修改说明：" and what follows it to the end) and closers, from the end.
  const metaAt = lines.findIndex((l, i) => i > 0 && META_BLOCK.test(bareOfMarker(l.text)) && !lines.slice(i + 1).some((x) => /^[一二三四五六七八九十]+、/.test(normaliseHeadingMarker(x.text))));
  if (metaAt > 0) {
    removed.push(`说明“${excerpt(lines.slice(metaAt).map((l) => l.text).join(' '))}”`);
    lines = lines.slice(0, metaAt);
  }
  trimTrailingPleasantry(lines, removed);
  while (lines.length) {
    const last = bareOfMarker(lines[lines.length - 1]!.text);
    // A closer talks to the user or about the answer itself; “可根据实际情况调整” alone may be report text.
    if (!((CLOSER.test(last) && talksAboutAnswer(last)) || LENGTH_LINE.test(last) || /^(?:以上|上述)(?:内容|提纲|正文|稿件|文稿)?(?:仅)?供参考/.test(last))) break;
    removed.push(`结束语“${excerpt(last)}”`);
    lines.pop();
  }
  trimTrailingPleasantry(lines, removed);

  const kept: Line[] = [];
  for (const l of lines) {
    const bare = bareOfMarker(l.text);
    if (META_LEAD.test(bare) || (l.quote && /^(?:提示|注|说明|备注|温馨提示)/.test(bare))) {
      removed.push(`注释“${excerpt(l.text)}”`);
      continue;
    }
    if (LENGTH_LINE.test(bare) || LEAD_IN.test(bare)) {
      removed.push(`说明“${excerpt(l.text)}”`);
      continue;
    }
    let text = l.text.replace(LENGTH_NOTE, (m) => {
      removed.push(`字数说明“${m}”`);
      return '';
    });
    if (!text.trim()) continue;
    if (ADDRESSES_USER.test(text)) {
      if (CLOSER.test(text) && text.length <= 80) {
        removed.push(`对话“${excerpt(text)}”`);
        continue;
      }
      unsure.push(text);
    }
    if (l.quote) unsure.push(text);
    text = fullWidthPunctuation(text);
    kept.push({ ...l, text });
  }
  return finish(kept, all, kind, removed, unsure, streaming);
}

/** The line without its first `at` characters (a preamble): bold runs move with the text, one now at the start leads it. */
function cutStart(l: Line, at: number): Line {
  const tail = l.text.slice(at);
  const off = at + tail.length - tail.trimStart().length;
  const strongs = (l.strongs ?? []).filter((x) => x.at >= off).map((x) => ({ ...x, at: x.at - off }));
  return { ...l, text: tail.trim(), strongs, strongLead: strongs.find((x) => x.at === 0)?.text };
}

/** Closing pleasantries glued onto the last line go; the line stays. */
function trimTrailingPleasantry(lines: Line[], removed: string[]): void {
  const last = lines[lines.length - 1];
  if (!last) return;
  const t = withoutTrailingPleasantry(last.text);
  if (!t.cut || !t.text.trim()) return;
  removed.push(`结束语“${excerpt(t.cut)}”`);
  lines[lines.length - 1] = { ...last, text: t.text.trim() };
}

/**
 * A free-chat answer: the answer is the conversation, so only what surrounds it goes
 * (opening pleasantries and lead-ins, closing offers and wishes, notes that merely
 * disclaim the answer, length remarks); advice that mentions 您 stays.
 */
function chatLines(input: Line[], removed: string[]): Line[] {
  let lines = [...input];
  for (let i = 0; i < 2 && lines.length; i++) {
    const first = lines[0]!;
    const at = chatPreambleCut(first.text);
    if (at === 0) break;
    removed.push(`开场白“${excerpt(first.text.slice(0, at))}”`);
    if (first.text.slice(at).trim()) {
      lines[0] = cutStart(first, at);
      break;
    }
    lines.shift();
  }
  const isNote = (l: Line) => {
    const bare = bareOfMarker(l.text);
    return (META_LEAD.test(bare) || (l.quote && /^(?:提示|注|说明|备注|温馨提示)/.test(bare))) && DISCLAIMER.test(bare);
  };
  const isPleasantry = (l: Line) => {
    const bare = bareOfMarker(l.text);
    return (PLEASANTRY.test(bare) && (talksToWriter(bare) || /^祝/.test(bare)) && bare.length <= 60) || LENGTH_LINE.test(bare) || /^(?:以上|上述)(?:内容|建议|意见|回答)?(?:仅)?供(?:您)?参考/.test(bare);
  };
  while (lines.length && (isPleasantry(lines[lines.length - 1]!) || isNote(lines[lines.length - 1]!))) {
    removed.push(`结束语“${excerpt(lines[lines.length - 1]!.text)}”`);
    lines.pop();
  }
  trimTrailingPleasantry(lines, removed);
  lines = lines.filter((l) => {
    if (isNote(l)) removed.push(`注释“${excerpt(l.text)}”`);
    else if (isPleasantry(l)) removed.push(`对话“${excerpt(l.text)}”`);
    else return true;
    return false;
  });
  return lines.map((l) => ({ ...l, text: fullWidthPunctuation(l.text.replace(LENGTH_NOTE, '')) })).filter((l) => l.text.trim());
}

/** Join the kept lines for the kind; an answer that was all “chat” is kept as it came (the writer decides). */
function finish(kept: Line[], all: Line[], kind: OutputKind, removed: string[], unsure: string[], streaming: boolean): CleanResult {
  if (all.some((l) => l.table)) removed.push('表格（已改为文字）');
  // A stream is not over yet: what follows may be the report, so show nothing for now.
  if (kept.length === 0 && all.length > 0 && !streaming) {
    unsure.push(...all.map((l) => l.text));
    kept.push(...all.map((l) => ({ ...l, text: fullWidthPunctuation(l.text) })));
  }
  const text = isReportKind(kind) ? headingLines(kept).join('\n') : conversationText(kept);
  return { text: text.trim(), removed: [...new Set(removed)], unsure: [...new Set(unsure)] };
}

/** Chat and critique text: list items keep their number (or a ·), blocks stay apart by a blank line. */
function conversationText(lines: Line[]): string {
  let out = '';
  lines.forEach((l, i) => {
    const marked = l.listNo !== undefined && !/^\d{1,2}[.．、]/.test(l.text) ? `${l.listNo}. ${l.text}` : l.bullet ? `· ${l.text}` : l.text;
    if (i > 0) out += l.block !== undefined && l.block === lines[i - 1]!.block ? '\n' : '\n\n';
    out += marked;
  });
  return out;
}

/**
 * Heading markers to GB/T 9704; bold or Markdown-heading items with Arabic numbers
 * directly under a part become level 2 when the part has no （一）; a bold heading
 * run into its paragraph gets its own line.
 */
function headingLines(lines: Line[]): string[] {
  const out: string[] = [];
  // Per part: does it use （一） itself? Then Arabic items stay points.
  const partHasLevel2: boolean[] = [];
  let part = -1;
  for (const l of lines) {
    const h = parseHeading(normaliseHeadingMarker(l.text));
    if (h?.level === 1) part++;
    if (h?.level === 2 && part >= 0) partHasLevel2[part] = true;
  }
  part = -1;
  let level2 = 0;
  for (const l of lines) {
    let text = normaliseHeadingMarker(l.text);
    // "**（一）标题**正文…" → heading line + body line.
    if (l.strongLead && l.strongLead.length < text.length) {
      const lead = normaliseHeadingMarker(l.strongLead);
      const lh = parseHeading(lead);
      if (lh && lh.level <= 2 && text.startsWith(lead)) {
        const rest = text.slice(lead.length).replace(/^[：:。\s]+/, '');
        if (rest) {
          pushHeading(lead);
          out.push(rest);
          continue;
        }
      }
    }
    const emphasised = l.mdHeading !== undefined || (l.strongLead !== undefined && l.strongLead.length >= text.length - 1);
    const arabic = l.listNo !== undefined ? l.listNo : /^(\d{1,2})\./.exec(text) ? Number(/^(\d{1,2})\./.exec(text)![1]) : undefined;
    if (part >= 0 && !partHasLevel2[part] && emphasised && arabic !== undefined) {
      level2++;
      text = `（${toChineseNumeral(level2)}）${text.replace(/^\d{1,2}\.\s*/, '')}`;
    } else if (l.listNo !== undefined && !/^\d{1,2}\./.test(text) && !parseHeading(text)) {
      text = `${l.listNo}.${text}`;
    }
    pushHeading(text);
  }
  return out;

  function pushHeading(raw: string): void {
    // “（一）压实责任：” from `**（一）压实责任：**` or `1. **压实责任**：`: headings end without punctuation.
    const text = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^：:]+[：:]$/.test(raw) ? raw.slice(0, -1) : raw;
    const h = parseHeading(text);
    if (h?.level === 1) {
      part++;
      level2 = 0;
      // "二、存在的问题 （一）责任传导…": a level-2 heading run onto the part heading.
      const run = /^(.*?)\s*([（(][一二三四五六七八九十]{1,3}[）)].*)$/.exec(text);
      if (run && run[1]!.length > 2) {
        out.push(run[1]!.trim(), normaliseHeadingMarker(run[2]!));
        return;
      }
    }
    out.push(text);
  }
}

// ---- streaming -----------------------------------------------------------------

/** How a closing remark, a note or a length line may begin: such a line is held back until it is complete. */
const CLOSER_LEAD = /^(?:以上|上述|如需|如有|如果|如您|若需|若有|希望|您|你|请|祝|欢迎|需要|感谢|本(?:提纲|稿|文|部分|节|段|篇)|这份|这篇|此(?:稿|提纲)|全文|正文|注|附注|说明|提示|备注|温馨|修改|改写|扩写|精简|写作|字数|参考字数|Note|[（(|])/i;

/** A line still streaming that may turn out to be a closer or a note, or is too short to tell. */
function mayBeChat(line: string): boolean {
  const bare = bareOfMarker(line.replace(/^[#>*_\s\u3000]+/, '')).replace(/^[*_]+/, '');
  return bare.length < 12 || CLOSER_LEAD.test(bare) || ADDRESSES_USER.test(bare) || CLOSER.test(bare);
}

const PLEASANTRY_WORDS = ['好的', '当然可以', '当然没问题', '没问题', '收到', '明白了', '可以的', '嗯', 'ok', '您好', '你好'];
const LEAD_IN_WORDS = ['以下', '下面', '接下来', '为您', '给您', '这是', '这里是', '针对您', '根据您', '按照您', '关于您', '我来', '我将', '我为您', '我给您', '我整理了'];

/** The first line of a chat answer, still arriving, may yet be (or end) a pleasantry or a lead-in the final text drops. */
function mayStillBePreamble(line: string): boolean {
  const rest = line.slice(chatPreambleCut(line)).toLowerCase();
  if (!rest) return true;
  if ([...PLEASANTRY_WORDS, ...LEAD_IN_WORDS].some((w) => w.startsWith(rest) || (rest.startsWith(w) && rest.length <= w.length + 1 && !/[\u3400-\u9fff]$/.test(rest.slice(w.length))))) return true;
  // A lead-in ends with a colon: “以下是几点建议：”.
  return LEAD_IN_WORDS.some((w) => rest.startsWith(w)) && !/[：:。！？!?]/.test(rest) && rest.length <= 40;
}

/**
 * What the writer may see of an answer still streaming: reasoning hidden, the opening
 * line held back until it is known not to be a preamble, and the line still arriving
 * held back while it may be a closing remark or a note (以上…供参考, 如需调整…), so
 * nothing flashes up that the final text drops.
 */
/**
 * The line still arriving may hold an emphasis opener whose closer has not come (`一是__加强学习`):
 * the Markdown parser reads it as literal text, so it is dropped here until its closer arrives.
 */
function withoutOpenEmphasis(text: string): string {
  const nl = text.lastIndexOf('\n') + 1;
  let line = text.slice(nl);
  for (const d of ['**', '__', '＊＊', '~~']) {
    const n = line.split(d).length - 1;
    if (n % 2 === 1) {
      const at = line.lastIndexOf(d);
      line = line.slice(0, at) + line.slice(at + d.length);
    }
  }
  return text.slice(0, nl) + line;
}

export function streamingView(raw: string, kind: OutputKind): string {
  const visible = stripReasoning(raw).text.replace(/^\s+/, '');
  const nl = visible.lastIndexOf('\n');
  let shown = visible;
  if (nl < 0) {
    const first = visible.replace(/^[#>*\s-]+/, '');
    // A chat answer shows as it comes once its opening can no longer turn out to be a pleasantry;
    // a report's first line only once it is long and reads as report text.
    if (kind === 'chat' ? mayStillBePreamble(first) : first.length < 40 || OPENER.test(first) || mayBeChat(first)) return '';
  } else if (mayBeChat(visible.slice(nl + 1))) {
    shown = visible.slice(0, nl);
  }
  // A tag or delimiter run still arriving (`<u`, `</`, `*`) is not text yet.
  if (shown === visible) shown = withoutOpenEmphasis(shown.replace(/(?:<\/?[A-Za-z]?[^>\n]*|[*＊_~`#|]+)$/, ''));
  // A table's header row alone is not a table yet: it would show as a line of pipes.
  const lines = shown.trimEnd().split('\n');
  if (/^\s*\|/.test(lines.at(-1) ?? '') && !/^\s*\|/.test(lines.at(-2) ?? '')) shown = lines.slice(0, -1).join('\n');
  return clean(shown, kind, true).text;
}

// ---- section texts -------------------------------------------------------------

/** A cleaned section answer without the heading lines the model repeated (its own, or the part's). */
export function sectionBody(cleaned: string, headings: readonly string[]): string {
  const lines = cleaned.split('\n').map((l) => l.trim()).filter(Boolean);
  const titles = headings.map((h) => h.replace(/\s/g, ''));
  while (lines.length) {
    const first = lines[0]!;
    const h = parseHeading(first);
    const title = (h ? h.title : first).replace(/\s/g, '').replace(/[。：:]$/, '');
    if ((h && h.level <= 2 && first.length <= 40) || titles.includes(title)) lines.shift();
    else break;
  }
  return lines.join('\n').trim();
}

/** Split a cleaned part answer ("（一）标题\n正文…") into section texts by heading order. */
export function splitPartText(cleaned: string, sectionCount: number): { intro: string; sections: string[] } {
  const sections: string[][] = [];
  const intro: string[] = [];
  for (const line of cleaned.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const h = parseHeading(line);
    if (h?.level === 1) continue;
    if (h?.level === 2) {
      sections.push([]);
      const rest = /^.*?[。：:](.+)$/.exec(h.title)?.[1];
      if (rest) sections[sections.length - 1]!.push(rest.trim());
      continue;
    }
    (sections.length ? sections[sections.length - 1]! : intro).push(line);
  }
  if (sections.length === 0 && sectionCount > 0) return { intro: '', sections: [intro.join('\n')] };
  return { intro: intro.join('\n'), sections: sections.map((s) => s.join('\n')) };
}

// ---- residue -------------------------------------------------------------------

/** Markdown, HTML and reasoning tags as a reader would see them in plain text. */
const MARKUP_RESIDUE = new RegExp(`^(?:#{1,6}|>\\s?|[-*+]\\s|\`\`\`|\\|)|\\*\\*|＊＊|(?<!_)__(?!_)|</?[A-Za-z][A-Za-z0-9]*(?:\\s[^>]*)?/?>`);

/** Chat text still present in a final text: what the eval scores as “leaked”. Empty when clean. */
export function chatResidue(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines[0] && afterPreamble(lines[0]) !== null) out.push(`开场白：${excerpt(lines[0])}`);
  for (const [i, l] of lines.entries()) {
    const bare = bareOfMarker(l);
    // The last line is judged as the cleaner judges it: a closer may talk about the answer (以上内容仅供参考).
    const closing = i === lines.length - 1 && (/以上|上述|本(?:提纲|稿|文)|这份|这篇|我/.test(bare) || /^(?:以上|上述)(?:内容|提纲|正文|稿件|文稿)?(?:仅)?供参考/.test(bare));
    if (CLOSER.test(bare) && (ADDRESSES_USER.test(bare) || closing)) out.push(`结束语：${excerpt(l)}`);
    else if (META_LEAD.test(bare) || LENGTH_LINE.test(bare) || LEAD_IN.test(bare)) out.push(`说明：${excerpt(l)}`);
    else if (PLEASANTRY.test(bare) && (talksToWriter(bare) || /^祝/.test(bare))) out.push(`客套话：${excerpt(l)}`);
    if (new RegExp(LENGTH_NOTE.source).test(l)) out.push(`字数说明：${excerpt(l)}`);
    if (MARKUP_RESIDUE.test(l)) out.push(`Markdown或推理：${excerpt(l)}`);
    if (new RegExp(`[${CJK}]"|"[${CJK}]|[${CJK}],|,[${CJK}]`).test(l)) out.push(`半角标点：${excerpt(l)}`);
  }
  return out;
}

