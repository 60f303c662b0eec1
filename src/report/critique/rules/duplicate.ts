import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc, Sentence } from '../doc.js';
import { bigrams, plansStart, reporter } from './util.js';

const report = reporter('duplicate', 'duplicate');

/** A clause of six characters or more, then a comma and the same clause again, then a mark. */
const DOUBLED_CLAUSE = /(?<=^|[，。；：\n])([^，。；：\n]{6,40})，\1(?=[，。；：！？]|$)/gm;

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

/**
 * 4-character shingles → the candidate sentences holding them, in order: open addressing over typed arrays,
 * keys compared character by character. (A Map keyed by fresh 4-character strings with an array per shingle
 * was most of this rule's time.)
 */
class ShingleIndex {
  private readonly mask: number;
  /** Slot → shingle record + 1 (0 = empty). */
  private readonly slots: Int32Array;
  /** Per shingle record: where it first occurred (candidate, offset), its list of candidates, size, last one. */
  private readonly who: Int32Array;
  private readonly off: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly size: Int32Array;
  private readonly last: Int32Array;
  private records = 0;
  /** List nodes: candidate and next node (-1 ends); one per distinct shingle per candidate. */
  private readonly nodeId: Int32Array;
  private readonly nodeNext: Int32Array;
  private nodes = 0;
  private counts = new Int32Array(64);

  /** `total`: the candidates' characters together, an upper bound on shingles and list nodes. */
  constructor(total: number, private readonly textOf: (id: number) => string) {
    let cap = 64;
    while (cap < 2 * total) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    const n = total + 1;
    this.who = new Int32Array(n);
    this.off = new Int32Array(n);
    this.head = new Int32Array(n);
    this.tail = new Int32Array(n);
    this.size = new Int32Array(n);
    this.last = new Int32Array(n);
    this.nodeId = new Int32Array(n);
    this.nodeNext = new Int32Array(n);
  }

  /** Index candidate `id`; for each earlier candidate sharing a rare shingle, how many distinct shingles they share. */
  add(text: string, id: number): { hits: [number, number][]; distinct: number } {
    if (this.counts.length <= id) {
      const c = new Int32Array(this.counts.length * 2);
      c.set(this.counts);
      this.counts = c;
    }
    const touched: number[] = [];
    let distinct = 0;
    for (let i = 0; i + SHINGLE <= text.length; i++) {
      let r = this.find(text, i);
      if (r < 0) {
        this.slots[~r] = this.records + 1;
        r = this.records++;
        this.who[r] = id;
        this.off[r] = i;
        this.head[r] = -1;
      } else if (this.last[r] === id && this.size[r]! > 0) continue;
      else if (this.size[r]! < MAX_POSTINGS) {
        for (let n = this.head[r]!; n >= 0; n = this.nodeNext[n]!) {
          const j = this.nodeId[n]!;
          if (this.counts[j]!++ === 0) touched.push(j);
        }
      }
      distinct++;
      const n = this.nodes++;
      this.nodeId[n] = id;
      this.nodeNext[n] = -1;
      if (this.head[r]! < 0) this.head[r] = n;
      else this.nodeNext[this.tail[r]!] = n;
      this.tail[r] = n;
      this.size[r]!++;
      this.last[r] = id;
    }
    const hits = touched.map((j): [number, number] => [j, this.counts[j]!]);
    for (const j of touched) this.counts[j] = 0;
    return { hits, distinct };
  }

  /** The record of text[i, i+4), or ~(the empty slot where it goes). */
  private find(text: string, i: number): number {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const d = text.charCodeAt(i + 3);
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f);
    h ^= h >>> 15;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = this.slots[slot]!;
      if (v === 0) return ~slot;
      const t = this.textOf(this.who[v - 1]!);
      const o = this.off[v - 1]!;
      if (t.charCodeAt(o) === a && t.charCodeAt(o + 1) === b && t.charCodeAt(o + 2) === c && t.charCodeAt(o + 3) === d) return v - 1;
    }
  }
}

export const duplicateRule: Rule = {
  id: 'duplicate',
  category: 'duplicate',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    // A clause written twice in a row (按照……要求，按照……要求，): the second copy goes, with its comma.
    for (const m of doc.text.matchAll(DOUBLED_CLAUSE)) {
      const start = m.index + m[1]!.length;
      out.push(report(doc, 'warning', start, start + 1 + m[1]!.length, `“${m[1]}”连续写了两遍`, '删去重复的一处', ''));
    }
    const lineNo = (s: Sentence) => s.line + 1;
    const headingLines = new Set(doc.headings.filter((h) => !h.runIn).map((h) => h.line));
    const outline = (head: Sentence, item: Sentence) => headingLines.has(head.line) && !headingLines.has(item.line) && /^[\s\u3000]*(?:[一二三四五六七八九十]{1,2}(?:是|要)|第[一二三四五六七八九十]{1,2}[，、,])/.test(item.text);
    const plans = plansStart(doc);
    const exact = new Map<string, Sentence>();
    const cands: { s: Sentence; norm: string; grams?: Set<string> }[] = [];
    // A field's value under a chrome label on its own line (• 文件名称： / the title) is part of the metadata block.
    const fieldValue = (line: number) => {
      let j = line - 1;
      while (j >= 0 && !doc.lines[j]!.text.trim()) j--;
      return j >= 0 && doc.chrome.has(j) && /[：:]$/.test(doc.lines[j]!.text.trim());
    };
    const norms = doc.sentences.map((s) => (LEAD_IN.test(s.text) || doc.chrome.has(s.line) || fieldValue(s.line) ? '' : normalize(s.text)));
    const index = new ShingleIndex(norms.reduce((n, x) => n + (x.length >= MIN_LEN ? x.length : 0), 0), (id) => cands[id]!.norm);
    for (const [k, s] of doc.sentences.entries()) {
      const norm = norms[k]!;
      if (!norm) continue;
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
      const { hits, distinct } = index.add(norm, id);
      let best: { j: number; score: number } | null = null;
      for (const [j, n] of hits) {
        const other = cands[j]!;
        if (n < 0.4 * Math.min(distinct, other.norm.length - SHINGLE + 1)) continue;
        const me = cands[id]!;
        me.grams ??= bigrams(norm);
        other.grams ??= bigrams(other.norm);
        const score = Math.min(1, similarity(me.grams, other.grams));
        if (score >= SIMILAR && (!best || score > best.score)) best = { j, score };
      }
      // A section heading that restates an item of a list given earlier or later (一是提高……。 / 二、提高……): an outline
      // and its sections, not a copy (a work report lists its tasks, then opens a section for each).
      if (best && (outline(s, cands[best.j]!.s) || outline(cands[best.j]!.s, s))) best = null;
      // The plans restating a field the review reported on (藏粤直流……开工建设 / 扎实推进藏粤直流……): a plan, not a copy.
      if (best && cands[best.j]!.s.start < plans && s.start >= plans) best = null;
      // A closing call (让我们更加紧密地团结在……，为……而奋斗) restates the goals and the calls before it by design.
      if (best && /^[\s\u3000]*(?:各位代表！)?让我们/.test(s.text)) best = null;
      if (best) {
        const other = cands[best.j]!.s;
        out.push(report(doc, 'warning', s.start, s.end, `与第${lineNo(other)}行的句子高度相似，疑为重复`, '合并或删去重复内容'));
      }
    }
    return out;
  },
};
