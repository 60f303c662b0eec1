/** Pure formatting of findings for chat (Markdown) and the CLI (plain text). */
import { SEVERITY_RANK, type Finding, type Severity } from './types.js';

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

export interface MarkdownOptions {
  /** Most findings listed before "另有N条…" (default 30). */
  maxItems?: number;
  /** Include 提示 (info) findings (default true). */
  includeInfo?: boolean;
  /** Stop listing once the message would exceed this many characters (default 3500). */
  maxChars?: number;
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

/** What to do: the exact replacement when it is safe, else the advice. */
function actionOf(f: Finding): string {
  if (f.replacement !== undefined) return f.replacement === '' ? '删去' : `改为“${f.replacement}”`;
  return f.suggestion ? `建议：${f.suggestion}` : '';
}

/** The hit in its line, marked 〖〗 (the finding's own context, else built from the text). */
function contextFor(f: Finding, text: string): string {
  if (f.context) return f.context;
  const a = Math.max(0, f.start - 12);
  const b = Math.min(text.length, f.end + 12);
  return `${text.slice(a, f.start)}〖${text.slice(f.start, f.end)}〗${text.slice(f.end, b)}`.replace(/\s+/g, ' ');
}

/** Same rule and message more than this many times: the rest are folded into one line. */
const FOLD_AFTER = 3;

export function formatFindingsMarkdown(findings: readonly Finding[], text: string, opts: MarkdownOptions = {}): string {
  const max = opts.maxItems ?? 30;
  const maxChars = opts.maxChars ?? 3500;
  const list = opts.includeInfo === false ? findings.filter((f) => f.severity !== 'info') : [...findings];
  if (list.length === 0) return '**审校结果**：未发现问题。';
  const pos = lineIndex(text);
  const counts = countBySeverity(list);
  const summary = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${SEVERITY_LABEL[s]} ${counts[s]} 条`).join('，');
  const lines = [`**审校结果**：共 ${list.length} 条（${summary}）`];
  const ordered = bySeverity(list);
  let shown = 0;
  let chars = lines[0]!.length;
  let full = false;
  for (const sev of SEVERITIES) {
    const group = ordered.filter((f) => f.severity === sev);
    if (group.length === 0 || shown >= max || full) continue;
    const header = `**${SEVERITY_LABEL[sev]}**`;
    lines.push('', header);
    chars += header.length + 2;
    // A flood of one defect (PDF spaces, a placeholder) is listed a few times, then summarised.
    const same = new Map<string, Finding[]>();
    for (const f of group) {
      const key = `${f.rule}\u0000${f.message}`;
      same.set(key, [...(same.get(key) ?? []), f]);
    }
    const folded = new Set<Finding>();
    for (const f of group) {
      if (folded.has(f)) continue;
      const { line, col } = pos(f.start);
      const act = actionOf(f);
      let item = `- 第${line}行第${col}列：${escapeMd(f.message)}（${escapeMd(contextFor(f, text))}）${act ? ` → ${escapeMd(act)}` : ''}`;
      const kin = same.get(`${f.rule}\u0000${f.message}`)!;
      let extra = 0;
      if (kin.length > FOLD_AFTER && kin.indexOf(f) === FOLD_AFTER - 1) {
        const rest = kin.slice(FOLD_AFTER);
        for (const r of rest) folded.add(r);
        extra = rest.length;
        const where = rest.slice(0, 8).map((r) => pos(r.start).line).join('、');
        item += `\n- 同类问题另有${rest.length}处（第${where}${rest.length > 8 ? '等' : ''}行）`;
      }
      if (shown >= max || chars + item.length + 1 > maxChars) {
        full = true;
        break;
      }
      lines.push(item);
      chars += item.length + 1;
      shown += 1 + extra;
    }
    if (lines.at(-1) === header) lines.splice(-2, 2);
  }
  if (list.length > shown) lines.push('', `另有${list.length - shown}条未列出。`);
  return lines.join('\n');
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
