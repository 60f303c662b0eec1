import { excerptOf, lineAt, type CritiqueDoc, type Line } from '../doc.js';
import type { Category, Finding, Severity } from '../types.js';
import { classifyPart } from '../../parts.js';

/**
 * A finding factory bound to one rule. `replacement` is literal text for [start, end), given
 * only where applying it as written is safe; the suggestion is advice for the writer.
 */
export function reporter(rule: string, category: Category) {
  return (doc: CritiqueDoc, severity: Severity, start: number, end: number, message: string, suggestion?: string, replacement?: string): Finding => {
    const f: Finding = { rule, category, severity, message: nestQuotes(message), start, end, excerpt: excerptOf(doc.text, start, end) };
    if (suggestion !== undefined) f.suggestion = nestQuotes(suggestion);
    if (replacement !== undefined) f.replacement = replacement;
    return f;
  };
}

/**
 * One choice the writer repeats (a bare 局): warned at its first place, the later places hints
 * pointing back with `again`, so the card shows the decision once.
 */
export function warnOnce(findings: Finding[], again: string, againSuggestion?: string): Finding[] {
  return findings.map((f, k) => {
    if (k === 0) return f;
    const hint: Finding = { ...f, severity: 'info', message: nestQuotes(again) };
    if (againSuggestion !== undefined) hint.suggestion = nestQuotes(againSuggestion);
    return hint;
  });
}

/** A line that opens a speech to its audience (尊敬的……, 各位领导). */
/** A converter's pinyin reading in brackets, with its tone mark (態（tài）): the source for the patterns that read past it. */
/** The tone-marked vowels of pinyin: a reading has one, a report's own Latin (（CPC）, （App）) none. */
export const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
export const GLOSS = `[（(][a-zü]{0,5}${TONE.source}[a-zü]{0,4}[）)]`;

export const SALUTATION = /^[\s\u3000]*(?:尊敬的|各位)/;

/** A newspaper's byline under its mark, a line of its own (□某某小学 王某某): print style, neither a slot nor a wrap. */
export const MARKED_BYLINE = /^[\s\u3000]*[□■▲◇][\s\u3000]?[^\s\u3000，。；！？]{2,24}[\s\u3000]+[\u4e00-\u9fff]{2,4}[\s\u3000]*$/;

/** “…‘…’…”: a quote inside a quote takes single marks (GB/T 15834-2011 §4.1.3.3). */
export function nestQuotes(s: string): string {
  let depth = 0;
  let out = '';
  for (const c of s) {
    if (c === '“' || c === '‘') {
      out += depth % 2 === 1 ? '‘' : '“';
      depth++;
    } else if ((c === '”' || c === '’') && depth > 0) {
      depth--;
      out += depth % 2 === 1 ? '’' : '”';
    } else out += c;
  }
  return out;
}

/** All matches of a global regex over `text`, offsets shifted by `base`. */
export function* matchAll(re: RegExp, text: string, base = 0): Generator<{ m: RegExpExecArray; start: number; end: number }> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield { m, start: base + m.index, end: base + m.index + m[0].length };
  }
}

/** Distinct character bigrams of a string. */
export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** 第一，第二， at the start of a paragraph. */
export const DI_ORDINAL = /^[\s\u3000]*第([一二三四五六七八九十]{1,2})[，、,：:]/;

const LEVEL1_SEP = /^[\s\u3000]*([一二三四五六七八九十]{1,3})([，,．.])/;

/**
 * A level-1 numeral at the start of a line followed by a separator other than 、
 * ("一，" "二."): the numbering rule reports it, so the punctuation rule leaves the mark alone.
 */
export function level1Separator(line: Line): { numeral: string; sep: string; start: number; at: number } | null {
  const m = LEVEL1_SEP.exec(line.text);
  if (!m) return null;
  const at = line.start + m[0].length - 1;
  return { numeral: m[1]!, sep: m[2]!, start: at - m[1]!.length, at };
}

/** A year in digits or in characters (二〇二一年), as a subtitle writes its date. */
const YEAR = /(?:20\d{2}|二〇[〇一二三四五六七八九]{2})年/;
const DATE = `${YEAR.source}[\\d一二三四五六七八九十]{1,3}月[\\d一二三四五六七八九十]{1,3}日`;
// (Or in brackets under the title: （2026年1月27日在……会议上）.)
const MEETING_SUBTITLE = new RegExp(`(?:^|[\\s\\u3000])[—―－-]{1,2}[\\s\\u3000]*(?:${DATE})?[\\s\\u3000]*在[^。；]{2,60}上|^[\\s\\u3000]*[（(]${DATE}在[^。；（）()]{2,60}上[^。；（）()]{0,6}[）)][\\s\\u3000]*$`);
const DATE_LINE = new RegExp(`^[\\s\\u3000]*[（(]?${DATE}[）)]?[\\s\\u3000]*$`);

/**
 * A speech's or a meeting report's subtitle (——2024年1月10日在……会议上的报告) on the title's line or among the next
 * lines, with the date line under it when it has one (（2017年10月18日）): the title's main line(s) stand above it by
 * design, and its date is the report's.
 */
export function meetingSubtitle(doc: CritiqueDoc): { line: Line; dated: boolean; brokenAt?: number } | null {
  const t = doc.title;
  if (!t) return null;
  const next = doc.paragraphs.filter((l) => l.index >= t.index).slice(0, 5);
  // (A subtitle the page broke over two lines is read with its second line: ……第十四届 / 人民代表大会……会议上.)
  const broken = (l: Line, i: number) => /[—―－-]{1,2}[\s\u3000]*20\d{2}年|^[\s\u3000]*[（(]20\d{2}年/.test(l.text) && !/上[）)]?[\s\u3000]*$/.test(l.text) && MEETING_SUBTITLE.test(l.text + (next[i + 1]?.text ?? ''));
  const k = next.findIndex((l, i) => MEETING_SUBTITLE.test(l.text) || broken(l, i));
  if (k < 0) return null;
  const line = next[k]!;
  return { line, dated: YEAR.test(line.text) || DATE_LINE.test(next[k + 1]?.text ?? ''), ...(MEETING_SUBTITLE.test(line.text) ? {} : { brokenAt: line.start + line.text.length }) };
}

/** A level-1 heading that looks back (一、2025年工作回顾, 一、“十四五”时期发展回顾). */
const REVIEW_HEADING = /回顾|过去|成绩|成效|成就|总结/;
/** A level-1 heading that looks ahead once the report has looked back: 二、2026年工作安排, 三、重点工作, 主要目标任务. */
const AHEAD_HEADING = /安排|重点工作|主要工作|目标|任务|部署|思路|总体要求/;

/**
 * Where the plans part starts (下一步打算; in a work report, the year's 工作安排 after its 回顾): its numbers are
 * targets, not results, and its sentences may restate the fields the review reported on.
 */
export function plansStart(doc: CritiqueDoc): number {
  const known = PLANS.get(doc);
  if (known !== undefined) return known;
  const level1 = [...doc.headings.filter((x) => !x.runIn && x.mark.level === 1).map((x) => ({ start: x.start, title: x.mark.title })), ...partLines(doc)].sort((a, b) => a.start - b.start);
  const k = level1.findIndex((x, i) => classifyPart(x.title) === 'plans' || (!REVIEW_HEADING.test(x.title) && AHEAD_HEADING.test(x.title) && level1.slice(0, i).some((y) => REVIEW_HEADING.test(y.title))));
  const at = k >= 0 ? level1[k]!.start : doc.text.length;
  PLANS.set(doc, at);
  return at;
}
// Several rules ask for a document's parts; each is read once per document.
const PLANS = new WeakMap<CritiqueDoc, number>();
const PARTS = new WeakMap<CritiqueDoc, { start: number; title: string }[]>();

/** A part's heading without a number, a short line of its own: “十四五”时期工作回顾, 2026年重点工作. */
const PART_LINE = /^[\s\u3000]*([^\s\u3000，。；：！？、（）()]{4,20})[\s\u3000]*$/;
const PART_WORD = /(?:20\d{2}年|“?十[二三四五]五”?|过去一年|今年)/;

/**
 * The unnumbered part headings of a report (a work report's “十四五”时期工作回顾 / 2026年重点工作): a short line of its own
 * that names a year or a plan period and looks back or ahead. Such a line opens a part as 一、 would.
 */
export function partLines(doc: CritiqueDoc): { start: number; title: string }[] {
  const known = PARTS.get(doc);
  if (known) return known;
  const out: { start: number; title: string }[] = [];
  for (const l of doc.paragraphs) {
    if (doc.titleLines.has(l.index) || doc.chrome.has(l.index) || l.text.length > 40) continue;
    const m = PART_LINE.exec(l.text);
    if (m && PART_WORD.test(m[1]!) && (REVIEW_HEADING.test(m[1]!) || AHEAD_HEADING.test(m[1]!)) && !doc.headings.some((h) => h.line === l.index)) out.push({ start: l.start, title: m[1]! });
  }
  PARTS.set(doc, out);
  return out;
}

/** 五年规划 periods by their ordinal: a section reviewing “十四五”时期 looks back on 2021–2025. */
const PLAN_PERIODS: Record<string, [number, number]> = { 十二五: [2011, 2015], 十三五: [2016, 2020], 十四五: [2021, 2025], 十五五: [2026, 2030] };
const BACK_ONE = /过去一年|过去的一年|一年来|去年|上一年/;
const BACK_FIVE = /过去五年|过去的五年|五年来|这五年/;
/** A lead naming a plan period as its time (“十四五”时期，…… / 十三五以来): that period's years. */
const PLAN_LEAD = /[“"]?(十[二三四五]五)[”"]?(?:时期|以来|期间)/;

/**
 * The years a passage looks back on, or null: its paragraph opens a look back (过去一年 → the year before the report's
 * and its own, 过去五年 → the five before), or a heading above it up to level 1 reviews a named plan period or a year
 * (一、“十四五”时期经济社会发展回顾, 一、2025年工作回顾).
 */
export function lookingBack(doc: CritiqueDoc, offset: number, year: number): [number, number] | null {
  const line = lineAt(doc, offset);
  if (!line) return null;
  const lead = doc.text.slice(line.start, offset);
  const period = PLAN_LEAD.exec(lead);
  if (period) return PLAN_PERIODS[period[1]!]!;
  if (BACK_FIVE.test(lead)) return [year - 5, year];
  if (BACK_ONE.test(lead)) return [year - 1, year];
  // A paragraph that opens on a past year (刚刚过去的2025年，…… / 2025年，……) is about that year.
  const opens = /^[\s\u3000]*(?:刚刚)?(?:过去的)?((?:19|20)\d{2})年(?:[，,是]|以来)/.exec(lead);
  if (opens && Number(opens[1]) < year) return [Number(opens[1]), Number(opens[1])];
  const above = [...doc.headings.filter((x) => !x.runIn && x.start < line.start).map((x) => ({ start: x.start, title: x.mark.title, level: x.mark.level })), ...partLines(doc).filter((x) => x.start < line.start).map((x) => ({ ...x, level: 1 }))].sort((a, b) => b.start - a.start);
  for (const h of above) {
    const title = h.title;
    if (REVIEW_HEADING.test(title)) {
      const plan = /[“"]?(十[二三四五]五)[”"]?/.exec(title);
      const years = [...title.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
      const spans = [...(plan ? [PLAN_PERIODS[plan[1]!]!] : []), ...years.map((y): [number, number] => [y, y])];
      if (spans.length > 0) return [Math.min(...spans.map((x) => x[0])), Math.max(...spans.map((x) => x[1]))];
      return [year - 1, year];
    }
    if (h.level === 1) return null;
  }
  return null;
}


/**
 * Each standalone heading's parent: the start of the last standalone heading before it at a higher level (−1 at the
 * top). Siblings under one parent are one list. One pass, the last heading of each level kept as it goes.
 */
export function headingParents(doc: CritiqueDoc): Map<CritiqueDoc['headings'][number], number> {
  const out = new Map<CritiqueDoc['headings'][number], number>();
  const lastAt: { level: number; start: number }[] = [];
  for (const h of doc.headings) {
    if (h.runIn) continue;
    let parent = -1;
    for (const x of lastAt) if (x.level < h.mark.level && x.start > parent) parent = x.start;
    out.set(h, parent);
    const k = lastAt.findIndex((x) => x.level === h.mark.level);
    if (k >= 0) lastAt[k]!.start = h.start;
    else lastAt.push({ level: h.mark.level, start: h.start });
  }
  return out;
}
