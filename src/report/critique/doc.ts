/**
 * A pre-parsed document: every rule reads lines, headings, sentences and the
 * inferred period/unit from here instead of re-scanning the text.
 */
import { parseHeading, type HeadingMark } from '../headings.js';
import { findReportPeriod, findSpan, type PeriodConfidence, type PeriodSpan, type ReportPeriod } from '../period.js';
import { undecorated, chromeOf, isTableRow, itemRuns, noticeNeighbour, relatedLinks, NOTICE_MESSAGE, type ChromeHit } from './chrome.js';
import { parseNumeral } from '../../text/numerals.js';

export interface Line {
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character (before the line break). */
  end: number;
  text: string;
}

export interface HeadingInfo {
  line: number;
  /** Offset of the heading marker (after leading whitespace). */
  start: number;
  end: number;
  mark: HeadingMark;
  /** A marker run into the text after a sentence on the same line (PDF text): "……。 二、标题". */
  runIn?: boolean;
}

/** A logical paragraph: physical lines joined where a copy wrapped a sentence (PDF, fixed-width pages). */
export interface Block {
  start: number;
  end: number;
  lines: Line[];
}

export interface Sentence {
  line: number;
  start: number;
  end: number;
  /** Includes the closing mark, if any. */
  text: string;
}

/** Kinds of units a report speaks for, as used in 我局/本校/我公司. */
export type UnitKind = '局' | '校' | '院' | '公司' | '厅' | '街道' | '中心';

/**
 * An entry of a unit's own word list (慎用词, 禁用词, 改为): kept per tenant and group by the chat layer,
 * applied by the critic with the source “单位规定”.
 */
export interface UnitWord {
  word: string;
  /** The unit's preferred form (for kind 'replace'; advice for the others). */
  replacement?: string;
  /** avoid: 慎用 (a warning); forbid: 禁用 (an error); replace: 改为 replacement (a warning with the fix). */
  kind: 'avoid' | 'forbid' | 'replace';
  note?: string;
}

export interface CritiqueOptions {
  now?: Date;
  period?: ReportPeriod;
  /** The text came from a PDF's text layer (already rejoined, see pdf.ts): its line layout is the PDF's, not the writer's. */
  fromPdf?: boolean;
  /** The unit's own word list (source “单位规定”). */
  unitWords?: readonly UnitWord[];
}

export interface CritiqueDoc {
  text: string;
  lines: Line[];
  /** Non-empty lines: in this genre each line is a paragraph, unless a copy wrapped them (see blocks). */
  paragraphs: Line[];
  /** Logical paragraphs: lines joined where one ends mid-sentence and the next continues it. */
  blocks: Block[];
  /** Indices of lines whose break is a soft wrap (the sentence continues on the next line). */
  softBreaks: Set<number>;
  /** Soft wraps are the rule, not an accident: the text was copied from a PDF or a fixed-width page. */
  wrapped: boolean;
  /** Read from a PDF: spaces, line breaks and a title over two lines may be the PDF's layout, not the writer's. */
  fromPdf: boolean;
  headings: HeadingInfo[];
  sentences: Sentence[];
  /** The report title (first line when it reads like one). */
  title: Line | null;
  /** The first half of a title split over two lines (……落实意识形态 / 工作责任制情况的报告). */
  titleHead: Line | null;
  /** Lines that read like a report title (several in concatenated texts). */
  titleLines: Set<number>;
  /** First body paragraph after the title. */
  opening: Line | null;
  /** From the options, else from the title and opening. */
  period: ReportPeriod | null;
  /** high: given or read from a title with a written year; low: from the opening or a relative word. */
  periodConfidence: PeriodConfidence | null;
  /** Page chrome by line index (breadcrumbs, metadata, 小编 intros, adverts, page numbers). */
  chrome: Map<number, ChromeHit>;
  /** The span even when no year is given (街道上半年……总结). */
  span: PeriodSpan | null;
  unit: UnitKind | null;
  /** Whole report (title or several level-1 headings) rather than a pasted paragraph. */
  isWholeReport: boolean;
  now: Date;
  unitWords: readonly UnitWord[];
}

/** A numbered line (1、 2. 一、) whose text may be a whole report's title. */
const CHUNK = /^[\s\u3000]*((?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]\s*)(.+)$/;

/** A whole report's title: ends in 报告/汇报/总结/发言 and carries a year or 关于……的. */
function isReportTitle(title: string): boolean {
  const t = title.trim();
  return t.length >= 10 && t.length <= 60 && !/[。；，]/.test(t) && /(?:报告|汇报|总结|发言|发言材料)(?:[（(][^）)]{1,10}[）)])?$/.test(t) && (/20\d{2}\s*年/.test(t) || /^关于.+的/.test(t));
}

// (And a speech's or a file's genre word at the end: ……经验交流发言, ……在……会上的讲话, ……先进事迹材料.)
const TITLE_CUE = /报告|汇报|总结|述职|自查|情况$|发言$|讲话$|讲稿$|(?:事迹|申报|交流|经验|典型|述职|述廉)材料$/;

/** A plan or working paper titled with its year or 关于: 2025年意识形态工作要点, 关于……的实施方案. */
const PLAN_TITLE = /(?:要点|计划|方案|打算|安排|材料)$/;

/** Whether a line that is not a heading reads like a report title. */
function isTitleLike(text: string): boolean {
  const t = text.trim();
  return t.length >= 6 && t.length <= 60 && !/[。；！？]|[：:]$/.test(t) && !isTableRow(t) && (TITLE_CUE.test(t) || (PLAN_TITLE.test(t) && (/20\d{2}\s*年/.test(t) || /^关于/.test(t))));
}

/** A level-1/level-2 marker after a sentence and a space on the same line (PDF text). */
const RUN_IN = /(?<=[\u4e00-\u9fff。；：！？”）])[ \u3000]+((?<!第)(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)(?=[\u4e00-\u9fff]|[ \u3000]*$))/g;
/**
 * The same with no space, on a page stored as one line (……汇报如下。一、上半年……情况（一）强化……): a level-1
 * marker right after a full stop, and a （一） right after the short heading text such a marker opens.
 */
// (Not a list of numerals: 一、二、三产业, 一、二等奖.)
const RUN_IN_TIGHT = /(?<=[。！？])((?:[一二三四五六七八九十]{1,3}、)(?![一二三四五六七八九十]{1,3}[、等])(?=[\u4e00-\u9fff]|20\d{2}年))/g;
/** A level-1 heading run in after a lead-in's colon and closing the line (……总结如下：一、加强组织领导). */
const RUN_IN_COLON = /(?<=[：:])([一二三四五六七八九十]{1,3}、)(?=[^。；！？：:\n]{2,40}$)/g;
/**
 * A page that lost its line breaks and the marks around its headings: a level-1 marker right after a lead-in's
 * 如下 (……汇报如下一、加强……), and a （N） glued between two Chinese characters when the same paragraph glues
 * its neighbour （N±1） too (……各项任务（一）认真……作为评价使用（二）建立……, or after 。) — one glued （二） alone may be an aside.
 */
const RUN_IN_AFTER_LEAD = /(?<=如下[：:]?)([一二三四五六七八九十]{1,3}、)(?![一二三四五六七八九十])(?=[\u4e00-\u9fff])/g;
const GLUED_SUB = /(?<=[\u4e00-\u9fff。；])(（([一二三四五六七八九十]{1,3})）)(?=[\u4e00-\u9fff]{2})/g;
const RUN_IN_SUB = /^[一二三四五六七八九十]{1,3}、[^，。；：！？、“”《》（）\n]{4,30}?(（[一二三四五六七八九十]{1,3}）)(?=[\u4e00-\u9fff])/;
/**
 * A document-sharing site splits a preview into numbered chunks: 1、 at the start of the preview (the first line,
 * or the first long line after the page's header lines), then 2、 3、 at the start of lines that continue the
 * previous line's sentence or heading. Such numbers are chrome. Past the first line, both the 1、 line and the line
 * before each later number are long (a page of text, not a list item that is a short heading).
 */
function shareChunks(lines: readonly Line[]): Map<number, string> {
  const marks = new Map<number, string>();
  const filled = lines.filter((l) => l.text.trim() !== '');
  const at = filled.slice(0, 20).findIndex((l, k) => /^[\s\u3000]*1、/.test(l.text) && (k === 0 || l.text.trim().length >= 60));
  if (at < 0) return marks;
  const first = filled[at]!;
  const long = at > 0;
  let next = 2;
  let prev = first;
  const found: [number, string][] = [[first.index, /^[\s\u3000]*1、/.exec(first.text)![0]]];
  for (const l of filled.slice(at + 1)) {
    const m = new RegExp(`^[\\s\\u3000]*${next}、`).exec(l.text);
    if (m && !/[。！？：；]$/.test(prev.text.trimEnd()) && (!long || prev.text.trim().length >= 60)) {
      found.push([l.index, m[0]]);
      next++;
    }
    prev = l;
  }
  // One chunk only (a short preview): its 1、 opens a long line whose text starts with the document's title run into it.
  const lone = found.length === 1 && first.text.length >= 150 && /^[\s\u3000]*1、[^，。；：！？\n]{4,60}?(?:报告|汇报|总结|计划|方案)(?=20\d{2}年|今年|一年来|近年来|[上下]半年)/.test(first.text);
  if (found.length >= 2 || lone) for (const [i, mk] of found) marks.set(i, mk);
  return marks;
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
const SENTENCE = /[^。！？；!?;]+[。！？；!?;]*[”’」』）)]?/g;
/** Length of the leading (also full-width) whitespace. */
const leadOf = (s: string) => s.length - s.replace(/^[\s\u3000]+/, '').length;

const TITLE_UNIT: readonly [RegExp, UnitKind][] = [
  [/(学校|大学|学院|中学|小学)/, '校'],
  [/(检察院|法院|医院|研究院|设计院)/, '院'],
  [/(公司|集团)/, '公司'],
  [/街道/, '街道'],
  [/厅(?!堂)/, '厅'],
  [/局(?!面|势)/, '局'],
  [/中心(?!组|工作|任务)/, '中心'],
];

/** The unit named in the title before the year/关于 (e.g. "XX区教育局关于2025年……"). */
function titleUnit(title: string): UnitKind | null {
  const head = title.split(/关于|20\d{2}|上半年|下半年|年度|意识形态|落实/)[0] ?? '';
  for (const [re, kind] of TITLE_UNIT) if (re.test(head)) return kind;
  return null;
}

/** A Markdown quote mark before a heading marker. */
export const QUOTE_BEFORE_HEADING = /^[\s\u3000]*(?:[>＞]|#{1,6})[\s\u3000]*(?=[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/;

export function buildDoc(text: string, opts: CritiqueOptions = {}): CritiqueDoc {
  const now = opts.now ?? new Date();
  const lines: Line[] = [];
  // Every match before the end of the text is non-empty (it holds a character or a line break).
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m && m.index < text.length; m = LINE.exec(text)) {
    const body = m[0].replace(/[\r\n]+$/, '');
    lines.push({ index: lines.length, start: m.index, end: m.index + body.length, text: body });
  }
  const paragraphs = lines.filter((l) => l.text.trim() !== '');

  const headings: HeadingInfo[] = [];
  const gluedSubs: { l: Line; at: number; n: number | undefined }[] = [];
  for (const l of paragraphs) {
    // A Markdown quote or heading mark left before a heading (>一、……, ####（三）……) hides the heading: read through it
    // (the markup rule reports it).
    const quoted = QUOTE_BEFORE_HEADING.exec(l.text);
    const mark = parseHeading(quoted ? l.text.slice(quoted[0].length) : l.text);
    if (mark) {
      const lead = quoted ? quoted[0].length : leadOf(l.text);
      headings.push({ line: l.index, start: l.start + lead, end: l.start + lead + mark.marker.length, mark });
    }
    /** A heading run into the line at `at`, once per place; with its first sub-heading glued after its short text. */
    const runInAt = (at: number, withSub = false): void => {
      const inner = parseHeading(l.text.slice(at));
      if (!inner || headings.some((h) => h.start === l.start + at)) return;
      headings.push({ line: l.index, start: l.start + at, end: l.start + at + inner.marker.length, mark: inner, runIn: true });
      const sub = withSub ? RUN_IN_SUB.exec(l.text.slice(at)) : null;
      if (sub) runInAt(at + sub[0].length - sub[1]!.length);
    };
    for (const m of l.text.matchAll(RUN_IN)) runInAt(m.index + m[0].length - m[1]!.length);
    for (const m of l.text.trimEnd().matchAll(RUN_IN_COLON)) runInAt(m.index);
    for (const m of l.text.matchAll(RUN_IN_TIGHT)) runInAt(m.index, true);
    // ……如下：一、工作情况（一）课程思政……: the heading after the lead-in and its first sub-heading.
    for (const m of l.text.matchAll(RUN_IN_AFTER_LEAD)) runInAt(m.index, true);
    for (const m of l.text.matchAll(GLUED_SUB)) gluedSubs.push({ l, at: m.index, n: parseNumeral(m[2]!) });
  }
  // A glued （N） is a heading where its neighbour （N±1） is glued too or stands as a heading, in any paragraph of the
  // page (a site's chunk numbers split one page into several paragraphs: 2、……完成。（二）强化……).
  for (const g of gluedSubs) {
    if (g.n === undefined || headings.some((h) => h.start === g.l.start + g.at)) continue;
    const near = (n: number | undefined) => n !== undefined && Math.abs(n - g.n!) === 1;
    if (!gluedSubs.some((o) => o !== g && near(o.n)) && !headings.some((h) => h.mark.level === 2 && near(h.mark.number))) continue;
    const inner = parseHeading(g.l.text.slice(g.at));
    if (inner) headings.push({ line: g.l.index, start: g.l.start + g.at, end: g.l.start + g.at + inner.marker.length, mark: inner, runIn: true });
  }
  headings.sort((a, b) => a.start - b.start);

  headings.sort((a, b) => a.start - b.start);
  // A pasted table of contents: a run of bare headings that reappear later as the real ones.
  const toc = tableOfContents(headings, paragraphs);
  if (toc.size > 0) {
    for (let i = headings.length - 1; i >= 0; i--) if (toc.has(headings[i]!.line)) headings.splice(i, 1);
  }
  // Several numbered lines that are whole report titles (1、2024年……报告 / 二、关于……的汇报): reports
  // concatenated by a template site. Their markers are chrome, the lines are titles, not sections.
  const chunks = paragraphs.map((l) => ({ l, m: CHUNK.exec(l.text) })).filter(({ m }) => m && isReportTitle(m[2]!));
  const chunkMarks = new Map(chunks.length >= 2 ? chunks.map(({ l, m }) => [l.index, m![1]!] as const) : []);
  const shared = shareChunks(lines);
  if (shared.size > 0) {
    for (let i = headings.length - 1; i >= 0; i--) if (shared.has(headings[i]!.line) && !headings[i]!.runIn && headings[i]!.start - lines[headings[i]!.line]!.start < shared.get(headings[i]!.line)!.length) headings.splice(i, 1);
  }
  if (chunkMarks.size > 0) {
    for (let i = headings.length - 1; i >= 0; i--) if (chunkMarks.has(headings[i]!.line) && !headings[i]!.runIn) headings.splice(i, 1);
  }
  const headingLines = new Set(headings.filter((h) => !h.runIn).map((h) => h.line));
  const chrome = new Map<number, ChromeHit>();
  const titleLines = new Set<number>();
  let labelOnly = false;
  let afterCollection = false;
  for (const l of paragraphs) {
    const titleLike = !headingLines.has(l.index) && isTitleLike(l.text);
    let c = toc.has(l.index) ? { kind: 'toc' as const, start: leadOf(l.text), end: l.text.trimEnd().length, message: '粘贴进来的目录（标题列表）残留' } : chromeOf(l.text, { title: titleLike });
    // A portal's metadata table puts the value under its label (索引号： / 6107280000/2024-001005).
    if (!c && labelOnly && !titleLike && l.text.trim().length <= 40 && !/[，。；]/.test(l.text) && (/\d/.test(l.text) || /(?:局|委|办|部|厅|院|政府|网站|中心|处|室|其他|有效|无|主动公开|全文公开)$/.test(l.text.trim()))) c = { kind: 'meta', start: leadOf(l.text), end: l.text.trimEnd().length, message: '网页信息行（来源、时间、阅读量、导航等）残留' };
    // A template site's byline: a bare name (王小明, 李老师) right under its collection title (……总结（通用10篇）).
    if (!c && afterCollection && /^[\u4e00-\u9fff]{2,4}(?:老师)?$/.test(l.text.trim())) c = { kind: 'meta', start: leadOf(l.text), end: l.text.trimEnd().length, message: '范文网站的作者署名残留' };
    // The collection title may be one chrome line or a title whose decoration （通用10篇） closes it.
    afterCollection = !!c && c.end >= l.text.trimEnd().length - 8 && /\d{1,3}篇|篇[一二三四五六七八九十\d]/.test(l.text.slice(c.start, c.end));
    labelOnly = c?.kind === 'meta' && /[：:]$/.test(l.text.trimEnd());
    const piece = shared.get(l.index);
    if (piece) {
      const lead = leadOf(l.text);
      chrome.set(l.index, { kind: 'collection', start: lead, end: piece.length, message: '文档分享网站的分段序号残留（预览被切成了1、2、3、几段）' });
      continue;
    }
    const marker = chunkMarks.get(l.index);
    if (marker) {
      const lead = leadOf(l.text);
      chrome.set(l.index, { kind: 'collection', start: lead, end: lead + marker.length, message: '多篇报告拼接在一起（网站合集），此处的篇目序号残留' });
      titleLines.add(l.index);
      continue;
    }
    if (c) chrome.set(l.index, c);
    // A title carrying a site suffix or prefix (……报告（2）, 【精选】……报告) is still the title.
    if (titleLike && (!c || c.start > leadOf(l.text) || (c.kind === 'collection' && c.end < l.text.trimEnd().length))) titleLines.add(l.index);
  }
  // Lines found below to be a contents list or a notice: their numbers are no headings of the report.
  const notHeadings = new Set<number>();
  // A collection's table of contents: numbered entries that end in a page number (1.2022年……综述（市级） 2), three or
  // more in a row, under 目录 or not. Their line ends are no wraps.
  for (let k = 0; k < paragraphs.length; k++) {
    let j = k;
    while (j < paragraphs.length && TOC_ENTRY.test(paragraphs[j]!.text.trim()) && !chrome.has(paragraphs[j]!.index)) j++;
    if (j - k >= 3) {
      for (const l of paragraphs.slice(k, j)) {
        chrome.set(l.index, { kind: 'toc', start: leadOf(l.text), end: l.text.trimEnd().length, message: '粘贴进来的目录（标题列表）残留' });
        notHeadings.add(l.index);
      }
      k = j - 1;
    }
  }
  // An outline a site prints under its own label (目录/提纲：……) before the text: the entries, bare lines with no
  // sentence in them, run to a line of dots or to the first sentence. The label and the entries are one chrome.
  for (let k = 0; k < paragraphs.length; k++) {
    if (!CONTENTS_HEAD.test(paragraphs[k]!.text.trim())) continue;
    let j = k + 1;
    const seen = new Set<string>();
    // An entry seen again is the text starting (its first heading after the outline).
    // A line found already as something else than contents (the report's title, a site's bar) ends it.
    const entry = (l: Line) => { const x = l.text.trim(); return (chrome.get(l.index)?.kind === 'toc' || (!chrome.has(l.index) && !titleLines.has(l.index))) && x.length <= 60 && !/[。！？；]/.test(x) && !/^[.…·]+$/.test(x) && !seen.has(tocKey(x)); };
    while (j < paragraphs.length && entry(paragraphs[j]!)) seen.add(tocKey(paragraphs[j++]!.text.trim()));
    if (j < paragraphs.length && /^[.…·]+$/.test(paragraphs[j]!.text.trim())) j++;
    if (j - k < 3) continue;
    for (const l of paragraphs.slice(k, j)) {
      chrome.set(l.index, { kind: 'toc', start: leadOf(l.text), end: l.text.trimEnd().length, message: '粘贴进来的目录（标题列表）残留' });
      notHeadings.add(l.index);
    }
    k = j - 1;
  }
  // A document site's keyword tags: the title's words one per line (乡镇 / 2021 / 宣传 / 思想 / 工作总结) or spaced
  // on one line (2023 区委 思想 宣传工作 总结), each found in order in a title near them.
  for (const run of keywordTags(paragraphs, chrome, headingLines)) {
    for (const l of run) chrome.set(l.index, { kind: 'meta', start: leadOf(l.text), end: l.text.trimEnd().length, message: '文档分享网站的关键词标签残留' });
  }
  for (const { index, kind } of itemRuns(paragraphs, chrome)) {
    const l = lines[index]!;
    chrome.set(index, { kind, start: leadOf(l.text), end: l.text.trimEnd().length, message: kind === 'meta' ? '政府网站页面的工具栏（下载、打印、字号等）残留' : '网页导航（面包屑）残留' });
    notHeadings.add(index);
  }
  for (const index of relatedLinks(paragraphs)) {
    const l = lines[index]!;
    if (chrome.get(index)?.kind === 'meta' && chrome.get(index)!.start > leadOf(l.text)) continue;
    chrome.set(index, { kind: 'meta', start: leadOf(l.text), end: l.text.trimEnd().length, message: '网页的相关链接列表残留' });
    notHeadings.add(index);
  }
  // A download notice's heading, service line and other items go with a line of it already found, both ways.
  for (let k = 0; k < paragraphs.length; k++) {
    if (chrome.get(paragraphs[k]!.index)?.message !== NOTICE_MESSAGE) continue;
    notHeadings.add(paragraphs[k]!.index);
    for (const step of [-1, 1]) {
      for (let j = k + step; j >= 0 && j < paragraphs.length; j += step) {
        const l = paragraphs[j]!;
        if (chrome.get(l.index)?.kind !== 'advert' && (chrome.has(l.index) || !noticeNeighbour(l.text))) break;
        notHeadings.add(l.index);
        if (!chrome.has(l.index)) chrome.set(l.index, { kind: 'advert', start: leadOf(l.text), end: l.text.trimEnd().length, message: NOTICE_MESSAGE });
      }
    }
  }
  for (const i of notHeadings) headingLines.delete(i);
  for (let h = headings.length - 1; h >= 0; h--) if (notHeadings.has(headings[h]!.line)) headings.splice(h, 1);
  // A wrapped copy has soft breaks in most of its prose lines; one or two are accidents (reported by layout).
  const bodyLines = paragraphs.filter((l) => !headingLines.has(l.index) && !chrome.has(l.index) && !titleLines.has(l.index)).length;
  const systematic = (n: number) => n >= 3 && n >= 0.3 * bodyLines;
  let { blocks, softBreaks } = logicalParagraphs(lines, headingLines, titleLines, chrome);
  // Some page copies put a blank line after every wrapped line: then blank lines are not paragraph breaks.
  if (!systematic(softBreaks.size)) {
    const gaps = logicalParagraphs(lines, headingLines, titleLines, chrome, true);
    if (systematic(gaps.softBreaks.size - softBreaks.size) && evenWidths(lines, gaps.softBreaks)) ({ blocks, softBreaks } = gaps);
  }
  const wrapped = systematic(softBreaks.size);
  // A soft-wrapped line is not a title (……向区委报告，/ 专题汇报2次……).
  for (const i of softBreaks) {
    titleLines.delete(i + 1);
    if (/，/.test(lines[i]!.text)) titleLines.delete(i);
  }

  const sentences: Sentence[] = [];
  for (const b of blocks) {
    const bt = text.slice(b.start, b.end);
    for (const m of bt.matchAll(SENTENCE)) {
      const raw = m[0];
      const lead = leadOf(raw);
      const s = raw.slice(lead).replace(/[\s\u3000]+$/, '');
      if (!s) continue;
      const start = b.start + m.index + lead;
      const line = b.lines.findLast((l) => l.start <= start) ?? b.lines[0]!;
      sentences.push({ line: line.index, start, end: start + s.length, text: s });
    }
  }

  // The title: the first title-like line before the body starts, past any page chrome.
  let title: Line | null = null;
  for (const l of paragraphs.slice(0, 12)) {
    if (titleLines.has(l.index)) {
      title = l;
      break;
    }
    if (headingLines.has(l.index) || (!chrome.has(l.index) && /[。；]/.test(l.text) && l.text.length > 60)) break;
  }
  // A page title without a year, then the title proper with it (……自评报告 / 时间：… / 2021年上半年……自评报告):
  // the dated line is the report's title.
  if (title && !/20\d{2}/.test(title.text)) {
    const core = undecorated(title.text.trim()).replace(/[（(][^）)]*[）)]$/, '').slice(-8);
    const i = paragraphs.indexOf(title);
    const proper = paragraphs.slice(i + 1, i + 6).find((l) => titleLines.has(l.index) && /20\d{2}\s*年/.test(l.text) && l.text.includes(core));
    if (proper) title = proper;
  }
  // A page's header title, the site's metadata and intro, then the article's title with another year (2024年……汇报 /
  // 发布时间：… / 小编… / 2023年……汇报): the article's title is the report's (the header is debris).
  if (title && /(?:19|20)\d{2}/.test(title.text)) {
    const yearless = (x: string) => undecorated(x.trim()).replace(/(?:19|20)\d{2}年?/g, '').replace(/[\s\u3000]/g, '');
    const i = paragraphs.indexOf(title);
    for (const l of paragraphs.slice(i + 1, i + 6)) {
      if (titleLines.has(l.index) && yearless(l.text).length >= 8 && yearless(l.text) === yearless(title.text) && /(?:19|20)\d{2}/.test(l.text) && l.text.trim() !== title.text.trim()) {
        title = l;
        break;
      }
      if (!['meta', 'intro'].includes(chrome.get(l.index)?.kind ?? '')) break;
    }
  }
  // A title split over two lines: a short unpunctuated line right before it, not a title by itself.
  const ti = title ? paragraphs.indexOf(title) : -1;
  const prev = ti > 0 ? paragraphs[ti - 1]! : undefined;
  const headPiece = (l: Line | undefined) => !!l && !chrome.has(l.index) && !headingLines.has(l.index) && /^[\u4e00-\u9fff0-9（）()]{4,40}$/.test(l.text.trim()) && !TITLE_CUE.test(l.text.trim()) && !/^(?:绝密|机密|秘密|内部|特急|加急|附件|签发|份号)/.test(l.text.trim());
  let titleHead = headPiece(prev) ? prev! : null;
  // A year alone above the title's rest (a Word copy's runs set apart: 某局 / 2025 / 年……总结): the unit above it too.
  if (titleHead && /^(?:19|20)\d{2}$/.test(titleHead.text.trim()) && headPiece(paragraphs[ti - 2]) && paragraphs[ti - 2]!.index === titleHead.index - 1) titleHead = paragraphs[ti - 2]!;
  // A line that only carries a chunk number or a page number is still text.
  const mostlyChrome = (l: Line) => {
    const c = chrome.get(l.index);
    return !!c && c.end - c.start >= 0.5 * l.text.trim().length;
  };
  const opening = paragraphs.find((l) => (!title || l.index > title.index) && !titleLines.has(l.index) && !headingLines.has(l.index) && !mostlyChrome(l) && l.text.trim().length > 20) ?? null;

  // Only the title, then the opening: body text is full of past years (2015年以来).
  const titleText = title ? text.slice(titleHead?.start ?? title.start, title.end).replace(/\s+/g, '') : null;
  const found = opts.period ? null : findReportPeriod(titleText, opening?.text ?? null, now);
  const period = opts.period ?? found?.period ?? null;
  const periodConfidence: PeriodConfidence | null = opts.period ? 'high' : found?.confidence ?? null;
  let span: PeriodSpan | null = period?.span ?? null;
  if (!period && titleText) span = findSpan(titleText) ?? (/年度|全年/.test(titleText) ? 'year' : null);

  // A pasted section ("二、存在的问题 … 三、下一步打算") is not a whole report.
  const level1 = headings.filter((h) => h.mark.level === 1);
  const isWholeReport = (title !== null && (level1.length >= 2 || text.length >= 800)) || (level1.length >= 3 && level1[0]!.mark.number === 1);

  return {
    text,
    lines,
    paragraphs,
    blocks,
    softBreaks,
    wrapped,
    fromPdf: opts.fromPdf ?? false,
    headings,
    sentences,
    title,
    titleHead,
    titleLines,
    opening,
    period,
    periodConfidence,
    chrome,
    span,
    unit: titleText ? titleUnit(titleText) : null,
    isWholeReport,
    now,
    unitWords: opts.unitWords ?? [],
  };
}

/** A line that ends a sentence (or introduces a list): 。！？；： and …, possibly before closing marks. */
const SENTENCE_END = /(?:[。！？；：!?;:]|…)[”’」』）)》】]*[\s\u3000]*$/;
/** An indented line starts a new paragraph in a PDF or Word copy. */
const INDENTED = /^(?:\u3000|[ \t]{2,})/;

/**
 * Join physical lines into logical paragraphs. A break is soft when the line ends mid-sentence
 * (no 。！？；： at its end), no blank line follows, and the next line starts no heading, title,
 * chrome or indented paragraph; a bare heading (no 。) is never continued.
 */
function logicalParagraphs(lines: Line[], headingLines: Set<number>, titleLines: Set<number>, chrome: Map<number, ChromeHit>, acrossBlank = false): { blocks: Block[]; softBreaks: Set<number> } {
  const blocks: Block[] = [];
  const softBreaks = new Set<number>();
  let cur: Block | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text.trim() === '') {
      if (!acrossBlank) cur = null;
      continue;
    }
    const prev = cur?.lines.at(-1);
    const soft = prev !== undefined && (acrossBlank || prev.index === l.index - 1) && !SENTENCE_END.test(prev.text) && /[\u4e00-\u9fff，、“‘《（0-9A-Za-z]$/.test(prev.text.trimEnd()) &&
      !(headingLines.has(prev.index) && !/[。；]/.test(prev.text)) && !(titleLines.has(prev.index) && !/，/.test(prev.text)) && !chrome.has(prev.index) &&
      !headingLines.has(l.index) && !(titleLines.has(l.index) && !isProse(prev)) && !chrome.has(l.index) && !INDENTED.test(l.text) && /^[\u4e00-\u9fff“‘《（0-9A-Za-z，、。；）》”]/.test(l.text);
    if (soft && cur) {
      softBreaks.add(prev.index);
      cur.lines.push(l);
      cur.end = l.end;
    } else {
      cur = { start: l.start, end: l.end, lines: [l] };
      blocks.push(cur);
    }
  }
  return { blocks, softBreaks };
}

/**
 * A copy wrapped at a fixed width breaks its lines at about one length; a news page's photo captions, each a short
 * line between blank lines (出台相关制度文件), do not. Most broken lines within 12% (two characters at least) of
 * their median length.
 */
function evenWidths(lines: Line[], breaks: Set<number>): boolean {
  const widths = [...breaks].map((i) => [...lines[i]!.text.trim()].length).sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)] ?? 0;
  return widths.filter((w) => Math.abs(w - median) <= Math.max(2, median * 0.12)).length >= 0.6 * widths.length;
}

/** A contents entry: a number, a title without sentence marks, a space and its page number. */
/** A site's label over an outline it prints before the text (目录/提纲：……, 文章目录). */
const CONTENTS_HEAD = /^(?:目\s*录|提\s*纲|目录[/／、]提纲|文章目录|本文目录)[：:]?[ \u3000]*(?:[.…·]+)?$/;
const TOC_ENTRY = /^\d{1,2}[.、．]\s*[^。；，\n]{4,60}?[\s\u3000.…·]+\d{1,3}$/;

/** Keyword pieces: short, no marks. */
const TAG = /^[\u4e00-\u9fff0-9]{1,6}$/;

/** Runs of a document site's keyword tags (see buildDoc). */
function keywordTags(paragraphs: Line[], chrome: Map<number, ChromeHit>, headingLines: Set<number>): Line[][] {
  const out: Line[][] = [];
  const inOrder = (tokens: string[], title: string) => {
    let at = 0;
    for (const w of tokens) {
      const k = title.indexOf(w, at);
      if (k < 0) return false;
      at = k + w.length;
    }
    return true;
  };
  const nearTitle = (k: number, tokens: string[]) => paragraphs.slice(Math.max(0, k - 4), k + 8).some((l) => !tokens.includes(l.text.trim()) && isTitleLike(l.text) && inOrder(tokens, l.text.replace(/\s+/g, '')));
  for (let k = 0; k < paragraphs.length && k < 40; k++) {
    const l = paragraphs[k]!;
    if (chrome.has(l.index) || headingLines.has(l.index)) continue;
    // Spaced on one line.
    const words = l.text.trim().split(/[ \u3000]+/);
    if (words.length >= 3 && words.every((w) => TAG.test(w)) && nearTitle(k, words)) {
      out.push([l]);
      continue;
    }
    // One per line, consecutive lines.
    const run: Line[] = [];
    for (let j = k; j < paragraphs.length && TAG.test(paragraphs[j]!.text.trim()) && !chrome.has(paragraphs[j]!.index) && (run.length === 0 || paragraphs[j]!.index === run.at(-1)!.index + 1); j++) run.push(paragraphs[j]!);
    if (run.length >= 3 && nearTitle(k, run.map((r) => r.text.trim()))) {
      out.push(run);
      k += run.length - 1;
    }
  }
  return out;
}

/** A line of running text (not a slogan, unit name or breadcrumb): long, with clause marks. */
const isProse = (l: Line) => l.text.trim().length >= 20 && /[，。；、]/.test(l.text);

const tocKey = (title: string) => title.replace(/[.…·．\s\u3000]*\d*$/, '').replace(/[\s\u3000]/g, '');

/** Lines of a pasted table of contents: ≥2 consecutive bare headings whose titles recur as later headings. */
function tableOfContents(headings: HeadingInfo[], paragraphs: Line[]): Set<number> {
  const out = new Set<number>();
  const pos = new Map(paragraphs.map((p, i) => [p.index, i]));
  const bare = headings.filter((h) => !h.runIn && h.mark.title.length <= 40 && !/[。；]/.test(h.mark.title));
  let run: HeadingInfo[] = [];
  const close = () => {
    if (run.length >= 2) {
      const last = run.at(-1)!.line;
      const later = new Set(headings.filter((h) => h.line > last).map((h) => `${h.mark.marker}${tocKey(h.mark.title)}`));
      const recurring = run.filter((h) => later.has(`${h.mark.marker}${tocKey(h.mark.title)}`)).length;
      // An outline of three or more bare headings whose first comes back later is one too (a cut page may not show the rest).
      const restart = run.length >= 3 && later.has(`${run[0]!.mark.marker}${tocKey(run[0]!.mark.title)}`);
      if (recurring >= Math.max(2, run.length - 1) || restart) for (const h of run) out.add(h.line);
    }
    run = [];
  };
  for (const h of bare) {
    const prev = run.at(-1);
    const key = `${h.mark.marker}${tocKey(h.mark.title)}`;
    if ((prev && pos.get(h.line)! !== pos.get(prev.line)! + 1) || run.some((r) => `${r.mark.marker}${tocKey(r.mark.title)}` === key)) close();
    run.push(h);
  }
  close();
  return out;
}

/** Shorten an excerpt for display. */
/** The line an offset falls on (its line break counts as the line's), by binary search over the ordered lines. */
export function lineAt(doc: CritiqueDoc, offset: number): Line | undefined {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = doc.lines[mid]!;
    if (offset < l.start) hi = mid - 1;
    else if (offset > l.end) lo = mid + 1;
    else return l;
  }
  return undefined;
}

export function excerptOf(text: string, start: number, end: number, max = 40): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Whether a character is a CJK ideograph. */
export function isCjk(ch: string | undefined): boolean {
  // Compared as code units, not by a regex: the critic asks this of every character of a text.
  return ch !== undefined && ((ch >= '\u3400' && ch <= '\u9fff') || (ch >= '\uf900' && ch <= '\ufaff'));
}

/** The hit with up to `around` characters either side on its line, the hit marked 〖〗. */
export function contextOf(text: string, start: number, end: number, around = 12, max = 40): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const a = Math.max(lineStart, start - around);
  const b = Math.min(Math.max(lineEnd, end), end + around);
  const flat = (s: string) => (/\s/.test(s) ? s.replace(/\s+/g, ' ') : s);
  let hit = flat(text.slice(start, end));
  if (hit.length > max) hit = `${hit.slice(0, max - 1)}…`;
  const before = flat(text.slice(a, start)).replace(/^ /, '');
  const after = flat(text.slice(end, b)).replace(/ $/, '');
  return `${a > lineStart ? '…' : ''}${before}〖${hit}〗${after}${b < lineEnd ? '…' : ''}`;
}
