/**
 * GB/T 9704 heading levels: 一、 → （一） → 1. → （1）, plus the paragraph-internal
 * 一是/二是/三是 sequence. Shared by the outline parser and the numbering rule.
 */

import { formatNumeral, parseNumeral } from '../text/numerals.js';

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五. */
export const toChineseNumeral = formatNumeral;

/** A heading or ordinal number in Chinese, 一 → 1, 十二 → 12, 二十 → 20 (up to 九十九); NaN when it is not one. */
export function parseChineseNumeral(s: string): number {
  return parseNumeral(s, { arabic: false, literary: false, max: 99 }) ?? NaN;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingMark {
  level: HeadingLevel;
  /** The number the marker carries (一 → 1). */
  number: number;
  /** The marker as written: "一、", "（二）", "3.", "（4）". */
  marker: string;
  /** Deviations from the standard form, for the critic (e.g. "1、" at level 3, "（一）、"). */
  style: 'standard' | 'dunhao-after-digit' | 'half-width-paren' | 'punct-after-paren' | 'fullwidth-dot';
  /** Text after the marker. */
  title: string;
}

const CN = '[一二三四五六七八九十]{1,3}';
const LEVEL1 = new RegExp(`^(${CN})[、，,．.]`);
const LEVEL2 = new RegExp(`^([（(])(${CN})([）)])([、，,．.]?)`);
const LEVEL3 = /^(\d{1,2})([.．、])(?!\d)/;
const LEVEL4 = /^([（(])(\d{1,2})([）)])([、，,．.]?)/;

/** Recognise a heading marker at the start of a (trimmed) line. */
export function parseHeading(rawLine: string): HeadingMark | null {
  const line = rawLine.replace(/^[\s\u3000]+/, '');
  let m = LEVEL2.exec(line);
  if (m) {
    const style = m[1] === '(' || m[3] === ')' ? 'half-width-paren' : m[4] ? 'punct-after-paren' : 'standard';
    return { level: 2, number: parseChineseNumeral(m[2]!), marker: m[0], style, title: line.slice(m[0].length).trim() };
  }
  m = LEVEL4.exec(line);
  if (m) {
    const style = m[1] === '(' || m[3] === ')' ? 'half-width-paren' : m[4] ? 'punct-after-paren' : 'standard';
    return { level: 4, number: Number(m[2]), marker: m[0], style, title: line.slice(m[0].length).trim() };
  }
  m = LEVEL1.exec(line);
  if (m) {
    const n = parseChineseNumeral(m[1]!);
    if (Number.isNaN(n)) return null;
    const sep = line[m[1]!.length];
    // 一是/一要 are paragraph ordinals, not headings; only 、 is the level-1 separator.
    if (sep !== '、') return null;
    // 三、四季度, 一、二等奖, 五、六年级: two numerals of one count, not a heading.
    if (/^[一二三四五六七八九十](?:季度|等奖|年级|月份?|个月|批|类|级)/.test(line.slice(m[0].length))) return null;
    return { level: 1, number: n, marker: m[0], style: 'standard', title: line.slice(m[0].length).trim() };
  }
  m = LEVEL3.exec(line);
  if (m) {
    const style = m[2] === '、' ? 'dunhao-after-digit' : m[2] === '．' ? 'fullwidth-dot' : 'standard';
    return { level: 3, number: Number(m[1]), marker: m[0], style, title: line.slice(m[0].length).trim() };
  }
  return null;
}

/** The standard marker for a level and number: (1, 2) → "二、". */
export function headingMarker(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1: return `${toChineseNumeral(n)}、`;
    case 2: return `（${toChineseNumeral(n)}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
  }
}

export interface OrdinalMark {
  number: number;
  /** Offset of the ordinal in the searched text. */
  index: number;
  text: string;
}

/** Paragraph-internal ordinals: 一是/二是/三是 (also 一要/二要). */
export function findInlineOrdinals(paragraph: string): OrdinalMark[] {
  const out: OrdinalMark[] = [];
  // A half-width full stop after a Han character (……教育.二是) ends a sentence too in a careless copy.
  const re = /(?:^|[。；;！？\s：:]|(?<=[\u4e00-\u9fff])\.)([一二三四五六七八九十]{1,2})(是|要)(?=[^的])/g;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const n = parseChineseNumeral(m[1]!);
    if (Number.isNaN(n)) continue;
    out.push({ number: n, index: m.index + m[0].length - m[1]!.length - 1, text: m[1]! + m[2]! });
  }
  return out;
}
