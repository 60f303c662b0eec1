
/**
 * Usage for the office (issue 26): a monthly summary per chat and department, counted from the audit trail
 * (counts only, never text). The department comes from the contact API when its scope is granted, else 未知.
 */
export const UNKNOWN_DEPARTMENT = '未知';

/** What the summary reads of an audit record (stores/audit.ts#AuditRecord has these fields). */
export interface UsageRecord {
  time: number;
  chat?: string;
  user?: string;
  kind: string;
  outcome: string;
  /** `typo:2 formulation:1` */
  findings?: string;
}

/** A user's department (open_department_id), or 未知; cached by whoever supplies it. */
export type DepartmentOf = (openId: string | undefined) => Promise<string>;

export interface UsageRow {
  /** 2026-12, in the bot's zone. */
  month: string;
  chat: string;
  department: string;
  /** Accepted jobs of any kind (deletions aside). */
  jobs: number;
  /** Outlines, sections, revisions and full drafts. */
  drafts: number;
  critiques: number;
  fileCritiques: number;
  /** Word exports and cloud docs. */
  exports: number;
  reminders: number;
  refusals: number;
  failed: number;
  /** 误报/有用 verdicts on findings (audit kind `verdict`). */
  verdicts: number;
  /** Rule findings by family (the critique's category), summed. */
  findings: Record<string, number>;
}

const DRAFT_KINDS = new Set(['outline', 'section', 'revise', 'full']);
const EXPORT_KINDS = new Set(['export', 'clouddoc']);
const NOT_JOBS = new Set(['refusal', 'delete-user', 'purge-chat', 'verdict']);

/** `typo:2 formulation:1` → counts (the audit field's form). */
export function parseFindings(s: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (s ?? '').split(' ')) {
    const m = /^([\w-]+):(\d+)$/.exec(part);
    if (m) out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
  }
  return out;
}

/** Counts by family → the audit field (`typo:2 formulation:1`, families sorted). */
export function formatFindings(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts).filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}:${n}`).join(' ');
}

export function monthOf(ms: number, timezone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}`;
}

/** The summary rows, by month, chat and department, in that order. */
export async function usageSummary(records: Iterable<UsageRecord>, o: { timezone: string; departmentOf: DepartmentOf }): Promise<UsageRow[]> {
  const rows = new Map<string, UsageRow>();
  for (const r of records) {
    if (r.kind === 'delete-user' || r.kind === 'purge-chat') continue;
    const month = monthOf(r.time, o.timezone);
    const chat = r.chat ?? UNKNOWN_DEPARTMENT;
    const department = await o.departmentOf(r.user);
    const key = `${month}\u0000${chat}\u0000${department}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { month, chat, department, jobs: 0, drafts: 0, critiques: 0, fileCritiques: 0, exports: 0, reminders: 0, refusals: 0, failed: 0, verdicts: 0, findings: {} }));
    if (r.kind === 'refusal' || r.outcome === 'refused') row.refusals++;
    else if (r.kind === 'verdict') row.verdicts++;
    if (NOT_JOBS.has(r.kind) || r.outcome === 'refused') continue;
    row.jobs++;
    if (r.outcome === 'failed') row.failed++;
    if (DRAFT_KINDS.has(r.kind)) row.drafts++;
    else if (r.kind === 'critique') row.critiques++;
    else if (r.kind === 'file-critique') row.fileCritiques++;
    else if (EXPORT_KINDS.has(r.kind)) row.exports++;
    else if (r.kind === 'reminder') row.reminders++;
    for (const [family, n] of Object.entries(parseFindings(r.findings))) row.findings[family] = (row.findings[family] ?? 0) + n;
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || a.chat.localeCompare(b.chat) || a.department.localeCompare(b.department));
}

const COLUMNS = ['month', 'chat', 'department', 'jobs', 'drafts', 'critiques', 'fileCritiques', 'exports', 'reminders', 'refusals', 'failed', 'verdicts', 'findings'] as const;

/** CSV per RFC 4180 with a header row; findings as `family:n` pairs. */
export function usageCsv(rows: readonly UsageRow[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const body = rows.map((r) => COLUMNS.map((c) => cell(c === 'findings' ? formatFindings(r.findings) : r[c])).join(','));
  return [COLUMNS.join(','), ...body].join('\r\n') + '\r\n';
}

export function usageJsonl(rows: readonly UsageRow[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}
