/**
 * Provenance (issue 23 item 5): each fact-bearing piece of a draft (number, date, event,
 * title, quotation) mapped to where it came from (a 台账 row, a message, the formulations
 * table, the writer's words), and the list of pieces nothing supports, shown before export.
 */
import { CAMPAIGNS, MEETINGS, citationOf } from '../formulations.js';
import { addressLabel, type FactAddress, type SourcedFact } from './facts.js';
import { factTokens, tokenKey, type FactToken } from './tokens.js';

export interface TracedToken {
  token: FactToken;
  sources: FactAddress[];
}

export interface TracedSentence {
  sentence: string;
  tokens: TracedToken[];
}

export interface Provenance {
  sentences: TracedSentence[];
  /** Pieces no source supports: invented, or carried over unmarked. */
  untraceable: Array<{ token: FactToken; sentence: string }>;
}

/** The formulations table as sources: national meetings and campaigns, each with its own citation. */
export function formulationSources(): SourcedFact[] {
  return [
    ...MEETINGS.flatMap((m) => [m.name, ...m.aliases].map((a) => ({ text: a, address: { origin: 'formulation' as const, source: '表述库', note: citationOf(m) } }))),
    ...CAMPAIGNS.flatMap((c) => c.aliases.map((a) => ({ text: a.replace(/[“”]/g, ''), address: { origin: 'formulation' as const, source: '表述库', note: citationOf(c) } }))),
  ];
}

/** The writer's own words as a source. */
export const wordsSource = (text: string): SourcedFact => ({ text, address: { origin: 'words', source: '你的原话' } });

const bare = (s: string) => s.replace(/[\s“”‘’"《》，,。]/g, '');

/** Whether `fact` supports `t`: the same number and measure, the same date, or the name within it. */
function supports(fact: SourcedFact, factKeys: Set<string>, t: FactToken): boolean {
  if (factKeys.has(tokenKey(t))) return true;
  // 8月12日 is the 台账's 2026年8月12日 (the year is the report's).
  if (t.kind === 'date' && !/年/.test(t.text)) return [...factKeys].some((k) => /^20\d{2}年/.test(k) && k.replace(/^20\d{2}年/, '') === tokenKey(t));
  if (t.kind === 'number' || t.kind === 'date') return false;
  const name = bare(t.text);
  const text = bare(fact.text);
  return name.length >= 2 && (text.includes(name) || (t.kind !== 'quote' && name.includes(text) && text.length >= 4));
}

/**
 * Trace every fact-bearing piece of `draft` to `sources` (this period's facts, the writer's
 * words, the formulations table). Placeholders (【待补充】, 【待更新】) are the draft saying
 * it does not know, and are not pieces.
 */
export function traceDraft(draft: string, sources: readonly SourcedFact[]): Provenance {
  const all = [...sources, ...formulationSources()];
  const keyed = all.map((f) => ({ f, keys: new Set(factTokens(f.text).map(tokenKey)) }));
  const sentences: TracedSentence[] = [];
  const untraceable: Provenance['untraceable'] = [];
  for (const sentence of draft.split(/(?<=[。；！？\n])/)) {
    const tokens = factTokens(sentence).map((token) => ({ token, sources: keyed.filter((k) => supports(k.f, k.keys, token)).map((k) => k.f.address) }));
    if (!tokens.length) continue;
    const s = sentence.trim();
    sentences.push({ sentence: s, tokens });
    for (const t of tokens) if (!t.sources.length) untraceable.push({ token: t.token, sentence: s });
  }
  return { sentences, untraceable };
}

const KIND_LABEL: Record<FactToken['kind'], string> = { number: '数字', date: '日期', title: '文件名', quote: '引语', meeting: '会议', campaign: '活动' };

/** The card's list of untraceable pieces, or '' when every piece has a source. */
export function untraceableList(p: Provenance, max = 10): string {
  if (!p.untraceable.length) return '';
  const lines = p.untraceable.slice(0, max).map((u) => `- ${KIND_LABEL[u.token.kind]}“${u.token.text.replace(/^[“《]|[”》]$/g, '')}”：${u.sentence.length > 40 ? `${u.sentence.slice(0, 39)}…` : u.sentence}`);
  const more = p.untraceable.length > max ? `\n另有 ${p.untraceable.length - max} 处，导出的 Word 批注中全部列出。` : '';
  return `以下 ${p.untraceable.length} 处在材料和你的原话里都找不到出处，导出前请核实或改为【待补充】：\n${lines.join('\n')}${more}`;
}

/** One line per piece: its text and its sources (or that it has none). */
const sourceLines = (s: TracedSentence): string => s.tokens
  .map((t) => `“${t.token.text}”：${t.sources.length ? [...new Set(t.sources.map(addressLabel))].join('；') : '找不到出处，请核实'}`)
  .join('\n');

/** The Word comments of 导出Word（附出处）: each fact-bearing sentence and what it names its sources as. */
export function sourceNotes(p: Provenance): Array<{ sentence: string; note: string }> {
  return p.sentences.map((s) => ({ sentence: s.sentence, note: `出处：\n${sourceLines(s)}` }));
}

/** 这句出自哪里？: the sources of the draft sentence that best matches `query`. */
export function whereFrom(p: Provenance, query: string): string {
  const q = bare(query.replace(/@\S+|这一?句话?|出自哪里|有什么出处|的出处|出处|哪来的|从哪来的?|是|[？?：:]/g, ''));
  const hit = p.sentences.find((s) => q.length >= 4 && bare(s.sentence).includes(q)) ?? p.sentences.find((s) => q.length >= 4 && q.includes(bare(s.sentence).slice(0, 12)));
  if (!hit) return '没有找到这句话，请把要查的句子原文（或其中一段）复制过来再问。';
  return sourceLines(hit);
}
