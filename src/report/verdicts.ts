/**
 * The writer's verdict on a finding (issue 24 item 6): 误报 (a false alarm) or 有用 (useful). Pure:
 * the tag a Word comment carries so a reply can be traced to its rule, reading a reply, the rows of
 * the feedback card, the answer after a returned file, the export formats and the alarm check.
 * The store (stores/verdicts.ts) keeps the rule id and a hash of the excerpt, never the text.
 */
import { CATEGORY_LABEL, SEVERITY_LABEL } from './critique/format.js';
import type { Finding } from './critique/types.js';

export type Verdict = 'false-alarm' | 'useful';

export const VERDICT_LABEL: Record<Verdict, string> = { 'false-alarm': '误报', useful: '有用' };

/** The option ids on a card (short: they travel in every button's payload). */
export const VERDICT_OPTION: Record<Verdict, string> = { 'false-alarm': 'fp', useful: 'ok' };

export function verdictOfOption(option: unknown): Verdict | undefined {
  return option === 'fp' ? 'false-alarm' : option === 'ok' ? 'useful' : undefined;
}

/**
 * A reply that is a verdict: 误报 / 有用, alone (punctuation, spaces and a polite 这条/是 around it
 * allowed). Anything longer is the writer talking, not a verdict, and is left to the review flow.
 */
export function parseVerdictReply(text: string): Verdict | undefined {
  const bare = text.replace(/[\s，。！!？?、.,；;：:“”"'‘’（）()【】]/g, '').replace(/^(?:这条|此条|本条|这个)?(?:是|属于|算)?/, '').replace(/(?:的)?$/, '');
  if (/^(?:误报|误判|不是问题)$/.test(bare)) return 'false-alarm';
  if (/^(?:有用|有帮助|采纳|已采纳)$/.test(bare)) return 'useful';
  return undefined;
}

/** Rule ids are lower-case words with hyphens; the hash is hex (stores/verdicts.ts#excerptHash). */
const TAG = /〔([a-z][a-z0-9-]{0,40})#([0-9a-f]{12})〕/;

/** The short tag closing each comment the bot writes: the rule and the excerpt's hash. */
export function findingTag(rule: string, hash: string): string {
  return `〔${rule}#${hash}〕`;
}

/** The tag in a comment's words, if the bot wrote one. */
export function readFindingTag(comment: string): { rule: string; hash: string } | undefined {
  const m = TAG.exec(comment);
  return m ? { rule: m[1]!, hash: m[2]! } : undefined;
}

/** “已记录 N 条反馈：误报 a 条、有用 b 条” */
export function verdictSummary(falseAlarms: number, useful: number): string {
  return `已记录 ${falseAlarms + useful} 条反馈：误报 ${falseAlarms} 条、有用 ${useful} 条。谢谢，这些反馈会用来调整审校规则。`;
}

/** What the card of a critique says above its rows. */
export function verdictCardIntro(total: number, shown: number): string {
  const more = total > shown ? `（前 ${shown} 条；其余 ${total - shown} 条可在 Word 批注下回复）` : '';
  return `上面的审校意见准不准？请逐条标记误报或有用${more}。只记录规则名和原文的指纹，不记录原文。`;
}

/** A row's label: where and what kind, never the text itself (the card's state is stored). */
export function verdictRowLabel(f: Pick<Finding, 'category' | 'severity'>, line: number): string {
  return `第${line}行 · ${SEVERITY_LABEL[f.severity]} · ${CATEGORY_LABEL[f.category]}`;
}

/** One recorded verdict, as stored and exported: no text, the user as a tag. */
export interface VerdictRecord {
  /** Stable per finding and source: the same finding judged again replaces its verdict. */
  id: string;
  time: number;
  tenant?: string;
  chat: string;
  /** A hash of the writer's open_id. */
  user: string;
  rule: string;
  /** A hash of the finding's excerpt. */
  hash: string;
  verdict: Verdict;
  /** Where it was given: a card button or a reply in a returned Word file. */
  via: 'card' | 'word';
}

export const VERDICT_COLUMNS = ['time', 'tenant', 'chat', 'user', 'rule', 'hash', 'verdict', 'via', 'id'] as const;

export function verdictsJsonl(records: readonly VerdictRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

/** CSV per RFC 4180 with a header row; times as ISO 8601. */
export function verdictsCsv(records: readonly VerdictRecord[]): string {
  const cell = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = records.map((r) => VERDICT_COLUMNS.map((c) => cell(c === 'time' ? new Date(r.time).toISOString() : r[c])).join(','));
  return [VERDICT_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export interface RuleVerdicts {
  rule: string;
  falseAlarm: number;
  useful: number;
}

/** Per rule, from the records. */
export function countByRule(records: readonly Pick<VerdictRecord, 'rule' | 'verdict'>[]): RuleVerdicts[] {
  const by = new Map<string, RuleVerdicts>();
  for (const r of records) {
    const c = by.get(r.rule) ?? { rule: r.rule, falseAlarm: 0, useful: 0 };
    if (r.verdict === 'false-alarm') c.falseAlarm++;
    else c.useful++;
    by.set(r.rule, c);
  }
  return [...by.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}

export interface RuleAlarm {
  rule: string;
  falseAlarm: number;
  total: number;
  /** The false-alarm share, 0..1, rounded to two places. */
  share: number;
}

/** Rules whose false-alarm share reached `share` over at least `min` verdicts: worst first. */
export function alarmingRules(counts: readonly RuleVerdicts[], o: { share: number; min: number }): RuleAlarm[] {
  return counts
    .map((c) => ({ rule: c.rule, falseAlarm: c.falseAlarm, total: c.falseAlarm + c.useful, share: Math.round((c.falseAlarm / Math.max(1, c.falseAlarm + c.useful)) * 100) / 100 }))
    .filter((a) => a.total >= o.min && a.falseAlarm / a.total >= o.share)
    .sort((a, b) => b.share - a.share || b.total - a.total);
}
