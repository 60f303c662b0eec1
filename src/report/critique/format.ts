/** Pure formatting of findings for chat (Markdown) and the CLI (plain text). */
import { SEVERITY_RANK, type Category, type Finding, type Severity } from './types.js';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  return lineIndex(text)(Math.min(Math.max(offset, 0), text.length));
}

/** A line index for many lookups: O(log n) each. */
export function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

export const CATEGORY_LABEL: Record<Category, string> = {
  formulation: '规范表述',
  typo: '错别字',
  placeholder: '占位待补',
  period: '时效',
  consistency: '前后一致',
  numbers: '数字核对',
  unit: '单位规定',
  numbering: '序号层级',
  structure: '结构',
  punctuation: '标点',
  debris: '网页残留',
  markup: '格式标记',
  duplicate: '重复',
  layout: '排版',
  style: '文风',
  evidence: '缺少支撑',
};

/** Within one severity, what a leader would catch first: political formulations, then typos, then the rest. */
const CATEGORY_ORDER = Object.keys(CATEGORY_LABEL) as Category[];

export interface MarkdownOptions {
  /** Most findings listed on the card (default 24); the rest are counted. */
  maxItems?: number;
  /** Include 提示 (info) findings (default true). */
  includeInfo?: boolean;
  /** Stop listing once the message would exceed this many characters (default 3500). */
  maxChars?: number;
  /**
   * Where the complete list is (an attached file), said on the card after the listed findings;
   * without it the card says how many it left out.
   */
  fullList?: string;
}

export interface CardFindings {
  markdown: string;
  /** Findings whose place the card gives (listed, or named by line in a folded line). */
  shown: number;
  /** Every finding's place is on the card: no attachment needed. */
  complete: boolean;
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]#>|])/g, '\\$1');

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Errors first, then by position. */
const bySeverity = (findings: readonly Finding[]) => [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start);

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** 共 N 条（错误 a 条，警告 b 条，提示 c 条）. */
export function severitySummary(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return `共 ${findings.length} 条（${SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${SEVERITY_LABEL[s]} ${counts[s]} 条`).join('，')}）`;
}

/** Counts by category, the categories with the most serious findings first: 规范表述 5（错误 3，警告 2）. */
export function categorySummary(findings: readonly Finding[]): string[] {
  const by = new Map<Category, Record<Severity, number>>();
  for (const f of findings) {
    const c = by.get(f.category) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity]++;
    by.set(f.category, c);
  }
  return [...by.entries()]
    .sort(([ca, a], [cb, b]) => b.error - a.error || b.warning - a.warning || b.info - a.info || CATEGORY_ORDER.indexOf(ca) - CATEGORY_ORDER.indexOf(cb))
    .map(([cat, c]) => `${CATEGORY_LABEL[cat]} ${c.error + c.warning + c.info}（${SEVERITIES.filter((s) => c[s] > 0).map((s) => `${SEVERITY_LABEL[s]} ${c[s]}`).join('，')}）`);
}

/** What to do: the exact replacement when it is safe, else the advice. */
export function actionOf(f: Finding): string {
  if (f.replacement !== undefined) return f.replacement === '' ? '删去' : `改为“${f.replacement}”`;
  return f.suggestion ? `建议：${f.suggestion}` : '';
}

/** The hit in its line, marked 〖〗 (the finding's own context, else built from the text). */
export function contextFor(f: Finding, text: string): string {
  if (f.context) return f.context;
  const a = Math.max(0, f.start - 12);
  const b = Math.min(text.length, f.end + 12);
  return `${text.slice(a, f.start)}〖${text.slice(f.start, f.end)}〗${text.slice(f.end, b)}`.replace(/\s+/g, ' ');
}

/** Same rule and message more than this many times: the rest are folded into one line. */
export const FOLD_AFTER = 3;
/** Lines a folded line names; beyond them it says 等. */
export const FOLD_LINES = 8;
/** Each severity present gets at least this many items on the card, however many errors there are. */
const FLOOR: Record<Severity, number> = { error: 6, warning: 5, info: 2 };

/** One card entry: a listed finding, possibly with the folded rest of its kind. */
interface Entry {
  f: Finding;
  text: string;
  /** Findings whose place this entry gives. */
  covers: number;
}

/**
 * Entries of one severity in the order the card takes them: the categories take turns, the most
 * serious category first (so ten placeholders do not hide a typo), each category in text order.
 * A kind (same rule and message) seen more than FOLD_AFTER times is folded into its third entry.
 */
function entriesOf(group: readonly Finding[], text: string, pos: (o: number) => { line: number; col: number }): Entry[] {
  const inOrder = [...group].sort((a, b) => a.start - b.start);
  const kin = new Map<string, Finding[]>();
  for (const f of inOrder) {
    const key = `${f.rule}\u0000${f.message}`;
    kin.set(key, [...(kin.get(key) ?? []), f]);
  }
  const byCategory = new Map<Category, Entry[]>();
  for (const f of inOrder) {
    const same = kin.get(`${f.rule}\u0000${f.message}`)!;
    const i = same.indexOf(f);
    if (i >= FOLD_AFTER) continue;
    const { line, col } = pos(f.start);
    const act = actionOf(f);
    let item = `- 第${line}行第${col}列：${escapeMd(f.message)}（${escapeMd(contextFor(f, text))}）${act ? ` → ${escapeMd(act)}` : ''}`;
    let covers = 1;
    if (same.length > FOLD_AFTER && i === FOLD_AFTER - 1) {
      const rest = same.slice(FOLD_AFTER);
      const where = rest.slice(0, FOLD_LINES).map((r) => pos(r.start).line).join('、');
      item += `\n- 同类问题另有${rest.length}处（第${where}${rest.length > FOLD_LINES ? '等' : ''}行）`;
      // Only a fold that names every line gives every place.
      if (rest.length <= FOLD_LINES) covers += rest.length;
    }
    byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), { f, text: item, covers }]);
  }
  const queues = [...byCategory.entries()].sort(([a], [b]) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b)).map(([, q]) => q);
  const out: Entry[] = [];
  for (let round = 0; out.length < group.length && queues.some((q) => q.length > round); round++) for (const q of queues) if (q[round]) out.push(q[round]!);
  return out;
}

/**
 * The findings for a chat card: counts by severity and by category, then the most serious
 * findings (every severity present gets a few places, so warnings are not crowded out by errors),
 * each group in text order, within `maxItems` and `maxChars`; then where the rest are.
 */
export function formatFindingsCard(findings: readonly Finding[], text: string, opts: MarkdownOptions = {}): CardFindings {
  const max = opts.maxItems ?? 24;
  const maxChars = opts.maxChars ?? 3500;
  const list = opts.includeInfo === false ? findings.filter((f) => f.severity !== 'info') : [...findings];
  if (list.length === 0) return { markdown: '**审校结果**：未发现问题。', shown: 0, complete: true };
  const pos = lineIndex(text);
  const head = [`**审校结果**：${severitySummary(list)}`];
  const categories = categorySummary(list);
  if (categories.length > 1 || list.length > FOLD_AFTER) head.push(`**按类别**：${categories.join('；')}`);

  const entries = new Map(SEVERITIES.map((s) => [s, entriesOf(list.filter((f) => f.severity === s), text, pos)] as const));
  const taken = new Map<Severity, Entry[]>(SEVERITIES.map((s) => [s, []]));
  let items = 0;
  let chars = head.join('\n').length + 120;
  const take = (s: Severity, upTo: number) => {
    const from = entries.get(s)!;
    const got = taken.get(s)!;
    while (got.length < upTo && got.length < from.length && items < max) {
      const e = from[got.length]!;
      // A severity's first entry also costs its header line.
      const cost = e.text.length + 1 + (got.length === 0 ? 12 : 0);
      if (chars + cost > maxChars) return;
      got.push(e);
      items++;
      chars += cost;
    }
  };
  // First a floor for every severity, then the rest of the room to the most serious.
  for (const s of SEVERITIES) take(s, FLOOR[s]);
  for (const s of SEVERITIES) take(s, Infinity);

  const lines = [...head];
  let shown = 0;
  for (const s of SEVERITIES) {
    const got = taken.get(s)!;
    if (got.length === 0) continue;
    lines.push('', `**${SEVERITY_LABEL[s]}**`, ...[...got].sort((a, b) => a.f.start - b.f.start).map((e) => e.text));
    shown += got.reduce((n, e) => n + e.covers, 0);
  }
  const complete = shown >= list.length;
  if (!complete) {
    const rest = list.length - shown;
    lines.push('', opts.fullList ? `卡片上列出最需要处理的 ${shown} 条，另有 ${rest} 条未列出；${opts.fullList}` : `另有${rest}条未列出。`);
  } else if (opts.fullList) lines.push('', opts.fullList);
  return { markdown: lines.join('\n'), shown, complete };
}

export function formatFindingsMarkdown(findings: readonly Finding[], text: string, opts: MarkdownOptions = {}): string {
  return formatFindingsCard(findings, text, opts).markdown;
}

/** A compact list for the LLM critique prompt ({{findings}}): one line per finding, capped. */
export function formatFindingsBrief(findings: readonly Finding[], text: string, max = 40): string {
  if (findings.length === 0) return '（规则审校未发现问题）';
  const pos = lineIndex(text);
  const ordered = bySeverity(findings);
  const lines = ordered.slice(0, max).map((f) => `第${pos(f.start).line}行［${SEVERITY_LABEL[f.severity]}］${f.message}（${contextFor(f, text)}）`);
  if (ordered.length > max) lines.push(`另有${ordered.length - max}条未列出。`);
  return lines.join('\n');
}

/** One line per finding: `line:col  错误  message  context  action`, then a summary line. */
export function formatFindingsText(findings: readonly Finding[], text: string, file = ''): string {
  const pos = lineIndex(text);
  const prefix = file ? `${file}:` : '';
  const out = findings.map((f) => {
    const { line, col } = pos(f.start);
    const act = actionOf(f);
    return `${prefix}${line}:${col}  ${SEVERITY_LABEL[f.severity]}  ${f.message}  ${contextFor(f, text)}${act ? `  → ${act}` : ''}`;
  });
  const counts = countBySeverity(findings);
  out.push(findings.length === 0 ? '未发现问题。' : `共 ${findings.length} 条：错误 ${counts.error} 条，警告 ${counts.warning} 条，提示 ${counts.info} 条。`);
  return out.join('\n');
}

/** One finding as a row of the full list (a file the writer works through). */
export interface FindingRow {
  n: number;
  line: number;
  col: number;
  severity: string;
  category: string;
  message: string;
  context: string;
  action: string;
}

/** Every finding in text order, numbered, with its place, what is wrong and what to do. */
export function findingRows(findings: readonly Finding[], text: string): FindingRow[] {
  const pos = lineIndex(text);
  return [...findings].sort((a, b) => a.start - b.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]).map((f, i) => ({
    n: i + 1,
    ...pos(f.start),
    severity: SEVERITY_LABEL[f.severity],
    category: CATEGORY_LABEL[f.category],
    message: f.message,
    context: contextFor(f, text),
    action: actionOf(f),
  }));
}
