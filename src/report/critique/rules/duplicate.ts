import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc, Sentence } from '../doc.js';
import { bigrams, reporter } from './util.js';

const report = reporter('duplicate', 'duplicate');

const MIN_LEN = 20;
const SHINGLE = 4;
/** Shingles shared by more sentences than this are genre boilerplate (意识形态), not evidence. */
const MAX_POSTINGS = 16;
const SIMILAR = 0.8;
/** Bigram count from which the overlap coefficient is used, and its threshold. */
const LONG = 50;
const LONG_OVERLAP = 0.72;

const normalize = (s: string) => s.replace(/[^\u4e00-\u9fff0-9A-Za-z]/g, '');
/** The lead-in that restates the title (现将2025年……情况报告如下：) is the genre's formula, not a repeat. */
const LEAD_IN = /现将|(?:报告|汇报|总结|述职|说明|通报)如下|特此(?:报告|汇报)/;

/**
 * Similarity of two bigram sets: Dice, or for long sentences the overlap coefficient,
 * so a copied sentence with an extra clause in front still counts.
 */
function similarity(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (big.has(g)) inter++;
  const dice = (2 * inter) / (a.size + b.size || 1);
  const overlap = inter / (small.size || 1);
  return small.size >= LONG ? Math.max(dice, overlap + (SIMILAR - LONG_OVERLAP)) : dice;
}

export const duplicateRule: Rule = {
  id: 'duplicate',
  category: 'duplicate',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const lineNo = (s: Sentence) => s.line + 1;
    const exact = new Map<string, Sentence>();
    const postings = new Map<string, number[]>();
    const cands: { s: Sentence; norm: string; grams?: Set<string> }[] = [];
    for (const s of doc.sentences) {
      if (LEAD_IN.test(s.text) || doc.chrome.has(s.line)) continue;
      const norm = normalize(s.text);
      // Titles repeated in glued texts count too, at a lower length.
      if (norm.length < (doc.titleLines.has(s.line) ? 10 : MIN_LEN)) continue;
      const prior = exact.get(norm);
      if (prior) {
        out.push(report(doc, 'warning', s.start, s.end, `与第${lineNo(prior)}行的句子重复`, '删去重复内容'));
        continue;
      }
      exact.set(norm, s);
      if (norm.length < MIN_LEN) continue;
      // Near duplicates: candidates share many 4-gram shingles; the index keeps this near-linear.
      const id = cands.length;
      cands.push({ s, norm });
      const hits = new Map<number, number>();
      const seen = new Set<string>();
      for (let i = 0; i + SHINGLE <= norm.length; i++) {
        const g = norm.slice(i, i + SHINGLE);
        if (seen.has(g)) continue;
        seen.add(g);
        const list = postings.get(g);
        if (list) {
          if (list.length < MAX_POSTINGS) for (const j of list) hits.set(j, (hits.get(j) ?? 0) + 1);
          list.push(id);
        } else postings.set(g, [id]);
      }
      let best: { j: number; score: number } | null = null;
      for (const [j, n] of hits) {
        const other = cands[j]!;
        if (n < 0.4 * Math.min(seen.size, other.norm.length - SHINGLE + 1)) continue;
        const me = cands[id]!;
        me.grams ??= bigrams(norm);
        other.grams ??= bigrams(other.norm);
        const score = Math.min(1, similarity(me.grams, other.grams));
        if (score >= SIMILAR && (!best || score > best.score)) best = { j, score };
      }
      if (best) {
        const other = cands[best.j]!.s;
        out.push(report(doc, 'warning', s.start, s.end, `与第${lineNo(other)}行的句子高度相似，疑为重复`, '合并或删去重复内容'));
      }
    }
    return out;
  },
};
