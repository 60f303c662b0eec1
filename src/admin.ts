import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { toCsv, toJsonl, type AuditLog, type AuditQuery } from './stores/audit.js';
import type { VerdictStore } from './stores/verdicts.js';
import { verdictsCsv, verdictsJsonl } from './report/verdicts.js';
import { usageCsv, usageJsonl, type UsageRow } from './core/usage.js';

export const ADMIN_BASE = '/admin/queues';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function tokenOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(auth);
  if (bearer) return bearer[1]!.trim();
  // Basic (any user name, the token as password) lets a browser open the board.
  const basic = /^Basic\s+(.+)$/i.exec(auth);
  if (basic) return Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').slice(1).join(':');
  return undefined;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** An operator's purge of one user's or one chat's data (the deletion service). */
export type Purge = (target: { user?: string; chat?: string }) => Promise<{ deleted: number; kept: string[] }>;

/** The office's usage summary over a time range (ms, inclusive), from the audit trail. */
export type UsageReport = (q: { since?: number; until?: number }) => Promise<UsageRow[]>;

export interface AdminExtras {
  audit?: AuditLog;
  /** The writers' 误报/有用 verdicts, exported for tuning the rules at /admin/verdicts. */
  verdicts?: VerdictStore;
  purge?: Purge;
  usage?: UsageReport;
}

/** 2026-01-01 or 2026-01-01T08:00:00Z or epoch ms → ms; undefined when absent; NaN when bad. */
function timeParam(v: string | null): number | undefined {
  if (v === null || v === '') return undefined;
  return /^\d+$/.test(v) ? Number(v) : Date.parse(v);
}

/** An export's time range and format from the query, or undefined once a 400 has been sent. */
function exportQuery(url: URL, res: ServerResponse): { since?: number; until?: number; format: 'csv' | 'jsonl' } | undefined {
  const since = timeParam(url.searchParams.get('since'));
  const until = timeParam(url.searchParams.get('until'));
  const format = url.searchParams.get('format') ?? 'jsonl';
  if (Number.isNaN(since) || Number.isNaN(until) || (format !== 'csv' && format !== 'jsonl')) {
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: 'since/until: a date (2026-01-01), an ISO time or epoch ms; format: csv or jsonl' }));
    return undefined;
  }
  return { ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}), format };
}

/** Send an export as a download named `name`.csv or .jsonl. */
function sendExport(res: ServerResponse, format: 'csv' | 'jsonl', name: string, body: string): void {
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.${format}"`,
  });
  res.end(body);
}

/** GET /admin/audit?since=&until=&user=&chat=&kind=&format=csv|jsonl: the audit trail as a download. */
async function auditExport(audit: AuditLog, url: URL, res: ServerResponse): Promise<void> {
  const e = exportQuery(url, res);
  if (!e) return;
  const q: AuditQuery = {};
  if (e.since !== undefined) q.since = e.since;
  if (e.until !== undefined) q.until = e.until;
  for (const k of ['user', 'chat', 'kind'] as const) {
    const v = url.searchParams.get(k);
    if (v) q[k] = v;
  }
  const records = await audit.query(q);
  sendExport(res, e.format, 'bigan-audit', e.format === 'csv' ? toCsv(records) : toJsonl(records));
}

/** GET /admin/verdicts?since=&until=&rule=&format=csv|jsonl: the writers' verdicts (no text) for tuning the rules. */
async function verdictExport(store: VerdictStore, url: URL, res: ServerResponse): Promise<void> {
  const e = exportQuery(url, res);
  if (!e) return;
  const rule = url.searchParams.get('rule');
  const records = (await store.list({ ...(e.since !== undefined ? { since: e.since } : {}), ...(e.until !== undefined ? { until: e.until } : {}) })).filter((r) => !rule || r.rule === rule);
  sendExport(res, e.format, 'bigan-verdicts', e.format === 'csv' ? verdictsCsv(records) : verdictsJsonl(records));
}

/** GET /admin/usage?month=2026-12 (or since=&until=)&format=csv|jsonl: counts per month, chat and department. */
async function usageExport(usage: UsageReport, url: URL, res: ServerResponse): Promise<void> {
  const month = url.searchParams.get('month');
  const m = month ? /^(\d{4})-(\d{2})$/.exec(month) : null;
  // A month is taken generously (±1 day around UTC bounds); the rows are bucketed in the bot's zone.
  const since = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) - 86_400_000 : timeParam(url.searchParams.get('since'));
  const until = m ? Date.UTC(Number(m[1]), Number(m[2]), 1) + 86_400_000 : timeParam(url.searchParams.get('until'));
  const format = url.searchParams.get('format') ?? 'jsonl';
  if ((month && !m) || Number.isNaN(since) || Number.isNaN(until) || (format !== 'csv' && format !== 'jsonl')) {
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: 'month: 2026-12, or since/until: a date, an ISO time or epoch ms; format: csv or jsonl' }));
    return;
  }
  let rows = await usage({ ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}) });
  if (month) rows = rows.filter((r) => r.month === month);
  sendExport(res, format, `bigan-usage${month ? `-${month}` : ''}`, format === 'csv' ? usageCsv(rows) : usageJsonl(rows));
}

/** Bull Board over our queues at /admin/queues; the audit export at /admin/audit and purge at /admin/purge; all behind ADMIN_TOKEN. */
export function adminHandler(queues: Queue[], adminToken: string, extras: AdminExtras = {}): Handler {
  const server = new ExpressAdapter();
  server.setBasePath(ADMIN_BASE);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: server });
  const app = server.getRouter() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  return (req, res) => {
    const token = tokenOf(req);
    if (!token || !same(token, adminToken)) {
      res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'Basic realm="bigan admin"' });
      res.end(JSON.stringify({ error: 'ADMIN_TOKEN required' }));
      return;
    }
    const url = new URL(req.url!, 'http://admin');
    if (url.pathname === '/admin/audit' && req.method === 'GET' && extras.audit) {
      void auditExport(extras.audit, url, res).catch(() => {
        if (!res.headersSent) res.writeHead(503);
        res.end();
      });
      return;
    }
    if (url.pathname === '/admin/verdicts' && req.method === 'GET' && extras.verdicts) {
      void verdictExport(extras.verdicts, url, res).catch(() => {
        if (!res.headersSent) res.writeHead(503);
        res.end();
      });
      return;
    }
    if (url.pathname === '/admin/usage' && req.method === 'GET' && extras.usage) {
      void usageExport(extras.usage, url, res).catch(() => {
        if (!res.headersSent) res.writeHead(503);
        res.end();
      });
      return;
    }
    if (url.pathname === '/admin/purge' && req.method === 'POST' && extras.purge) {
      const user = url.searchParams.get('user') ?? undefined;
      const chat = url.searchParams.get('chat') ?? undefined;
      if (!user === !chat) {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: 'give exactly one of user=<open_id> or chat=<chat_id>' }));
        return;
      }
      void extras.purge(user ? { user } : { chat: chat! }).then((r) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(r));
      }, () => {
        res.writeHead(503).end();
      });
      return;
    }
    if (!url.pathname.startsWith(ADMIN_BASE)) {
      res.writeHead(404).end();
      return;
    }
    // Mounted like express's app.use(base, board): the board sees paths below the base.
    req.url = req.url!.slice(ADMIN_BASE.length) || '/';
    app(req, res, () => {
      res.writeHead(404).end();
    });
  };
}
