import type { Rule, Finding } from '../types.js';
import { isCjk, type CritiqueDoc } from '../doc.js';
import { level1Separator, matchAll, reporter } from './util.js';

const report = reporter('punctuation', 'punctuation');

const DOUBLED = /([，。、；：！？])\1+/g;
/** Two different sentence marks in a row: ，。 、， ；。 */
const MIXED = /[，、；：][，。、；：]|。[，、；：]/g;
const DUNHAO_DENG = /、等(?![一二三四五六七八九十\d])/g;
const HALF = /[,;:?!]/g;
const HALF_PAREN = /\(([^()\n]{0,60})\)/g;
const HALF_DOT = /(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff]|$)/gm;
const HALF_QUOTE = /"/g;

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const fullParens = (s: string) => s.replace('(', '（').replace(')', '）');

/** Paired marks checked per paragraph: open → close. */
const PAIRS: readonly [string, string, string][] = [
  ['“', '”', '引号'],
  ['‘', '’', '单引号'],
  ['《', '》', '书名号'],
  ['〈', '〉', '单书名号'],
  ['（', '）', '括号'],
  ['【', '】', '方括号'],
];

export const punctuationRule: Rule = {
  id: 'punctuation',
  category: 'punctuation',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const t = doc.text;
    // "一,加强…" / "一.加强…": a level-1 marker's separator, reported by the numbering check.
    const markerSeps = new Set<number>();
    for (const l of doc.paragraphs) {
      const b = level1Separator(l);
      if (b) markerSeps.add(b.at);
    }
    for (const { m, start, end } of matchAll(DOUBLED, t)) {
      out.push(report(doc, 'error', start, end, `标点符号“${m[1]}”重复`, m[1]));
    }
    for (const { m, start, end } of matchAll(MIXED, t)) {
      if (m[0][0] === m[0][1]) continue;
      out.push(report(doc, 'error', start, end, `标点符号“${m[0]}”连用`, '保留一个合适的标点'));
    }
    for (const { start, end } of matchAll(DUNHAO_DENG, t)) {
      out.push(report(doc, 'warning', start, end, '“等”前不用顿号', '等'));
    }
    for (const { m, start, end } of matchAll(HALF, t)) {
      if (markerSeps.has(start)) continue;
      const before = t[start - 1];
      const after = t[end];
      // Half-width marks between digits or Latin (8:30, a,b) are fine.
      if (!isCjk(before) && !(isCjk(after) && !/[0-9A-Za-z]/.test(before ?? ''))) continue;
      if (m[0] === ':' && /\d/.test(after ?? '')) continue;
      out.push(report(doc, 'warning', start, end, `中文语境中使用了半角标点“${m[0]}”`, FULL[m[0]]));
    }
    for (const { m, start, end } of matchAll(HALF_PAREN, t)) {
      if (!/[\u4e00-\u9fff]/.test(m[1]!)) continue;
      // Heading markers like "(一)" are reported by the numbering check.
      if (/^[一二三四五六七八九十\d]{1,3}$/.test(m[1]!) && doc.headings.some((h) => h.start === start)) continue;
      out.push(report(doc, 'warning', start, end, '中文语境中使用了半角括号', `（${m[1]}）`));
    }
    for (const { start, end } of matchAll(HALF_DOT, t)) {
      if (markerSeps.has(start)) continue;
      out.push(report(doc, 'warning', start, end, '中文句末使用了半角句点“.”', '。'));
    }
    for (const { start, end } of matchAll(HALF_QUOTE, t)) {
      if (!isCjk(t[start - 1]) && !isCjk(t[end])) continue;
      out.push(report(doc, 'warning', start, end, '中文语境中使用了半角引号', '“”'));
    }
    for (const h of doc.headings) {
      if (h.mark.style === 'punct-after-paren') {
        out.push(report(doc, 'error', h.start, h.end, `序号“${h.mark.marker}”后不加标点`, fullParens(h.mark.marker.slice(0, -1))));
      } else if (h.mark.style === 'half-width-paren') {
        out.push(report(doc, 'warning', h.start, h.end, `序号“${h.mark.marker}”应使用全角括号`, fullParens(h.mark.marker)));
      }
    }
    for (const line of doc.paragraphs) out.push(...unbalanced(doc, line.text, line.start));
    return out;
  },
};

const OPENERS = new Map(PAIRS.map((p, i) => [p[0], i]));
const CLOSERS = new Map(PAIRS.map((p, i) => [p[1], i]));
const ANY_PAIR = /[“”‘’《》〈〉（）【】]/;

/** Report each unmatched paired mark at its own position; each kind is matched separately. */
function unbalanced(doc: CritiqueDoc, text: string, base: number): Finding[] {
  if (!ANY_PAIR.test(text)) return [];
  const out: Finding[] = [];
  const stacks: number[][] = PAIRS.map(() => []);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const o = OPENERS.get(c);
    if (o !== undefined) {
      stacks[o]!.push(i);
      continue;
    }
    const k = CLOSERS.get(c);
    if (k === undefined) continue;
    if (stacks[k]!.length) stacks[k]!.pop();
    else {
      const [open, close, name] = PAIRS[k]!;
      out.push(report(doc, 'error', base + i, base + i + 1, `${name}不成对：多出右${name}“${close}”`, `补上“${open}”或删去“${close}”`));
    }
  }
  stacks.forEach((stack, k) => {
    const [open, close, name] = PAIRS[k]!;
    for (const i of stack) out.push(report(doc, 'error', base + i, base + i + 1, `${name}不成对：左${name}“${open}”没有对应的“${close}”`, `补上“${close}”或删去“${open}”`));
  });
  return out.sort((a, b) => a.start - b.start);
}
