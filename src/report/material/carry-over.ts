/**
 * Carried-over facts are marked, not copied (issue 23 item 2). Anything fact-bearing that
 * comes from a model (last period's report) becomes 【待更新：去年为“……”】 unless this
 * period's facts supply it; when they do, the new value is used and the pair goes into the
 * 同比表. A cap on verbatim overlap keeps a draft from copying the model (照搬).
 */
import { CAMPAIGNS, CORE_FORMULA, GUIDING_THOUGHT, MEETINGS } from '../formulations.js';
import { addressLabel, type FactAddress, type SourcedFact } from './facts.js';
import { factTokens, sameItem, tokenKey, type FactToken } from './tokens.js';

export interface YoyRow {
  /** What is counted: 理论中心组集中学习. */
  item: string;
  previous: string;
  current: string;
  /** Where the current value comes from. */
  source: string;
}

export interface CarryOverMark {
  token: FactToken;
  /** What the draft now says in its place. */
  replacement: string;
  /** Replaced with this period's value (and its address) rather than marked. */
  from?: FactAddress;
}

export interface CarryOverResult {
  text: string;
  marks: CarryOverMark[];
  yoy: YoyRow[];
}

/** 去年 for a report a year back; 上期 for one half or quarter back. */
export type PreviousWord = '去年' | '上期';

export const staleMark = (was: string, word: PreviousWord = '去年'): string => `【待更新：${word}为“${was.replace(/“/g, '‘').replace(/”/g, '’')}”】`;

/** Meetings and campaigns of the dated formulations table: national, sourced; never the unit's own facts. */
function inFormulations(t: FactToken): boolean {
  if (t.kind !== 'meeting' && t.kind !== 'campaign' && t.kind !== 'quote') return false;
  const k = t.text.replace(/[“”\s]/g, '');
  return MEETINGS.some((m) => [m.name, ...m.aliases].some((a) => k.includes(a))) || CAMPAIGNS.some((c) => c.aliases.some((a) => k.includes(a.replace(/[“”]/g, ''))));
}

/** Tokens of every fact, each with its fact, for lookups. */
function factIndex(facts: readonly SourcedFact[]): Array<{ token: FactToken; fact: SourcedFact }> {
  return facts.flatMap((fact) => factTokens(fact.text).map((token) => ({ token, fact })));
}

/**
 * Mark in `text` everything fact-bearing it shares with `model` that this period's `facts`
 * do not supply. A number whose item this period's facts count anew takes the new value
 * (and a 同比表 row); anything else carried over is marked. Dated formulations (二十届三中全会)
 * are the table's, not the model's, and are left alone; the critic checks their dates.
 */
export function markCarryOver(text: string, model: string, facts: readonly SourcedFact[], word: PreviousWord = '去年'): CarryOverResult {
  const modelTokens = factTokens(model);
  const modelKeys = new Set(modelTokens.map(tokenKey));
  const index = factIndex(facts);
  const factKeys = new Set(index.map((x) => tokenKey(x.token)));
  const marks: CarryOverMark[] = [];
  const yoy: YoyRow[] = [];
  let out = '';
  let at = 0;
  for (const t of factTokens(text)) {
    if (!modelKeys.has(tokenKey(t)) || factKeys.has(tokenKey(t)) || inFormulations(t)) continue;
    let replacement = staleMark(t.text, word);
    let from: FactAddress | undefined;
    if (t.kind === 'number') {
      const fresh = index.find((x) => sameItem(x.token, t));
      if (fresh) {
        replacement = fresh.token.text;
        from = fresh.fact.address;
        yoy.push({ item: fresh.token.item || t.item || '', previous: t.text, current: fresh.token.text, source: addressLabel(from) });
      }
    }
    out += text.slice(at, t.start) + replacement;
    at = t.end;
    marks.push({ token: t, replacement, ...(from ? { from } : {}) });
  }
  return { text: out + text.slice(at), marks, yoy };
}

/**
 * The model as the drafting prompt may see it: every fact-bearing piece already marked or
 * replaced, so the model text can lend structure and phrasing but no facts.
 */
export function modelExample(model: string, facts: readonly SourcedFact[], word: PreviousWord = '去年'): CarryOverResult {
  return markCarryOver(model, model, facts, word);
}

/**
 * The 同比表: every number of the model whose item this period's facts count too, with both
 * values and the new value's address.
 */
export function yoyTable(model: string, facts: readonly SourcedFact[]): YoyRow[] {
  const index = factIndex(facts);
  const rows: YoyRow[] = [];
  const seen = new Set<string>();
  for (const t of factTokens(model)) {
    if (t.kind !== 'number') continue;
    const fresh = index.find((x) => sameItem(x.token, t));
    if (!fresh) continue;
    const item = fresh.token.item || t.item || '';
    if (seen.has(item)) continue;
    seen.add(item);
    rows.push({ item, previous: t.text, current: fresh.token.text, source: addressLabel(fresh.fact.address) });
  }
  return rows;
}

/** The 同比表 as card text, one row a line. */
export function yoyText(rows: readonly YoyRow[], previousLabel = '上期', currentLabel = '本期'): string {
  if (!rows.length) return '';
  return [`同比表（项目 · ${previousLabel} · ${currentLabel} · 来源）`, ...rows.map((r) => `${r.item} · ${r.previous} · ${r.current} · ${r.source}`)].join('\n');
}

/** Default cap: no run of more than this many characters copied from the model. */
export const VERBATIM_CAP = 20;

export interface OverlapFinding {
  /** The draft's sentence. */
  sentence: string;
  /** The longest run it shares with the model. */
  run: string;
}

// Fixed formulas every report shares are not copying.
const SHARED = [CORE_FORMULA, GUIDING_THOUGHT, '意识形态工作责任制', '中国特色社会主义', '党中央决策部署', '社会主义核心价值观', '牢牢掌握意识形态工作领导权'];
const normal = (s: string) => SHARED.reduce((acc, p) => acc.split(p).join('\u0001'), s.replace(/\s+/g, ''));

/** Longest common substring of two strings (dynamic programming; sentences are short). */
function longestRun(a: string, b: string): string {
  let best = 0;
  let end = 0;
  let prev = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Uint16Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1] && a[i - 1] !== '\u0001') {
        cur[j] = prev[j - 1]! + 1;
        if (cur[j]! > best) {
          best = cur[j]!;
          end = i;
        }
      }
    }
    prev = cur;
  }
  return a.slice(end - best, end);
}

/**
 * Sentences of `draft` that copy more than `cap` characters in a row from `model`
 * (shared fixed formulas and placeholders aside). Windows of cap+1 characters find the
 * candidates; the exact run is measured only for those.
 */
export function verbatimOverlap(draft: string, model: string, cap = VERBATIM_CAP): OverlapFinding[] {
  const m = normal(model.replace(/【[^】]*】/g, '\u0001'));
  const windows = new Set<string>();
  for (let i = 0; i + cap + 1 <= m.length; i++) {
    const w = m.slice(i, i + cap + 1);
    if (!w.includes('\u0001')) windows.add(w);
  }
  const out: OverlapFinding[] = [];
  for (const sentence of draft.split(/(?<=[。；！？\n])/).map((s) => s.trim()).filter(Boolean)) {
    const s = normal(sentence.replace(/【[^】]*】/g, '\u0001'));
    let hit = false;
    for (let i = 0; i + cap + 1 <= s.length && !hit; i++) hit = windows.has(s.slice(i, i + cap + 1));
    if (hit) out.push({ sentence, run: longestRun(s, m) });
  }
  return out;
}

/** The stated cap, for the card and the prompt. */
export const overlapStatement = (cap = VERBATIM_CAP, found = 0): string =>
  found ? `有 ${found} 句与范文连续相同超过 ${cap} 个字，已列出，请改写。` : `与范文逐字相同的连续文字均不超过 ${cap} 个字。`;
