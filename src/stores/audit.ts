import type { Redis } from 'ioredis';

/**
 * The audit trail (issue 26): one append-only record per accepted job and per refusal, in a Redis
 * Stream (docs/DATA.md says why). A record holds ids, kinds, hashes and versions — never message or
 * document text. The admission script writes its refusals with the same field layout (AUDIT_ARGS).
 */
export interface AuditRecord {
  /** When (ms since epoch, the app's clock). */
  time: number;
  tenant?: string;
  chat?: string;
  /** The requester's open_id. */
  user?: string;
  /** outline, section, revise, full, export, clouddoc, critique, file-critique, chat, reminder, help, reset, refusal, delete-user, purge… */
  kind: string;
  /** For a refusal: classified, rate-limited, commands-rate-limited, queue-full, not-allowed, not-initiator. */
  reason?: string;
  /** Cloud doc tokens, file keys and SHA-256 hashes of files read. */
  docs?: string[];
  model?: string;
  /** The prompt library's version (a hash of the prompt files). */
  prompt?: string;
  /** ok, failed, refused. */
  outcome: string;
  job?: string;
  /** The implicit label's content id of a file the job exported, and the cloud doc it was imported as. */
  content?: string;
  docToken?: string;
  /** A critique's rule findings by family, counts only: `typo:2 formulation:1` (core/usage.ts). */
  findings?: string;
}

/** What a job learns about itself for its audit record as it runs (the handler writes the record at the end). */
export interface AuditNote {
  kind?: string;
  reason?: string;
  /** Tokens, file keys, SHA-256 hashes: never names or text. */
  docs: string[];
  content?: string;
  docToken?: string;
  /** Already recorded elsewhere (an admission refusal's notice). */
  skip?: boolean;
  /** A critique's rule findings by family (counts). */
  findings?: Record<string, number>;
}

/** Field names in the stream, in a fixed order (CSV columns too). */
export const AUDIT_COLUMNS = ['time', 'tenant', 'chat', 'user', 'kind', 'reason', 'docs', 'model', 'prompt', 'outcome', 'job', 'content', 'docToken', 'findings'] as const;

export const auditKey = (prefix: string) => `${prefix}:audit`;

const DAY_MS = 86_400_000;

/** Flat field/value pairs for XADD; empty fields are left out. */
export function auditFields(r: AuditRecord): string[] {
  const out: string[] = [];
  for (const c of AUDIT_COLUMNS) {
    const v = r[c];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out.push(c, Array.isArray(v) ? v.join(' ') : String(v));
  }
  return out;
}

function fromFields(id: string, flat: string[]): AuditRecord & { id: string } {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) m.set(flat[i]!, flat[i + 1]!);
  const rec: AuditRecord & { id: string } = { id, time: Number(m.get('time') ?? id.split('-')[0]), kind: m.get('kind') ?? '', outcome: m.get('outcome') ?? '' };
  for (const c of AUDIT_COLUMNS) {
    if (c === 'time' || c === 'kind' || c === 'outcome') continue;
    const v = m.get(c);
    if (v === undefined) continue;
    if (c === 'docs') rec.docs = v.split(' ').filter(Boolean);
    else (rec as unknown as Record<string, string>)[c] = v;
  }
  return rec;
}

export interface AuditQuery {
  /** Inclusive bounds, ms since epoch (by the stream's server time). */
  since?: number;
  until?: number;
  user?: string;
  chat?: string;
  kind?: string;
  limit?: number;
}

export class AuditLog {
  constructor(private readonly redis: Redis, private readonly o: { prefix: string; retentionDays: number; onRecord?: (r: AuditRecord) => void }) {}

  get key(): string {
    return auditKey(this.o.prefix);
  }

  /** The oldest stream id to keep: entries before it are trimmed (approximately, by whole nodes) on each append. */
  minId(nowMs = Date.now()): string {
    return String(Math.max(0, nowMs - this.o.retentionDays * DAY_MS));
  }

  async record(r: AuditRecord): Promise<string> {
    const id = (await this.redis.xadd(this.key, 'MINID', '~', this.minId(), '*', ...auditFields(r))) as string;
    this.o.onRecord?.(r);
    return id;
  }

  async query(q: AuditQuery = {}): Promise<Array<AuditRecord & { id: string }>> {
    const out: Array<AuditRecord & { id: string }> = [];
    let start = q.since !== undefined ? String(q.since) : '-';
    const end = q.until !== undefined ? String(q.until) : '+';
    const limit = q.limit ?? Infinity;
    for (;;) {
      const page = await this.redis.xrange(this.key, start, end, 'COUNT', 1000);
      for (const [id, flat] of page) {
        const r = fromFields(id, flat);
        if ((q.user && r.user !== q.user) || (q.chat && r.chat !== q.chat) || (q.kind && r.kind !== q.kind)) continue;
        out.push(r);
        if (out.length >= limit) return out;
      }
      if (page.length < 1000) return out;
      start = `(${page[page.length - 1]![0]}`;
    }
  }
}

/** JSON Lines: one record per line. */
export function toJsonl(records: readonly AuditRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

/** CSV per RFC 4180 (fields quoted when needed), with a header row; times as ISO 8601. */
export function toCsv(records: readonly AuditRecord[]): string {
  const cols = ['id', ...AUDIT_COLUMNS];
  const cell = (v: string | number | string[] | undefined) => {
    const s = v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = records.map((r) => cols.map((c) => cell(c === 'time' ? new Date(r.time).toISOString() : (r as unknown as Record<string, string | number | string[] | undefined>)[c])).join(','));
  return [cols.join(','), ...rows].join('\r\n') + '\r\n';
}
