/**
 * The unit's own 台账 in Redis (issue 23 item 4): 记一笔 entries per chat, kept without
 * expiry (the retention the deployable issue sets is applied by whoever purges a chat, never
 * by a TTL that ends with a thread), listable by period, editable, exportable as .xlsx.
 */
import type { Redis } from 'ioredis';
import type { LedgerEntryInput } from '../report/material/entry.js';
import type { SourcedFact } from '../report/material/facts.js';

export interface LedgerEntry extends LedgerEntryInput {
  id: string;
  /** ISO time it was recorded or last edited. */
  at: string;
  /** Open id of whoever recorded it (never shown as a name); removed when they ask to forget their data. */
  by?: string;
  /** Recorded in a private chat (deleted with its author's data) or a group (the unit's record: anonymised). */
  scope?: 'p2p' | 'group';
}

const dayScore = (date: string) => Number(date.replace(/-/g, ''));

export class LedgerStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(chatId: string, part: 'entries' | 'byDate' | 'seq'): string {
    return `${this.prefix}ledger:${chatId}:${part}`;
  }

  /** Keep an entry; returns it with its id (a per-chat sequence: 1, 2, 3 …). */
  async add(chatId: string, input: LedgerEntryInput, now: Date, by?: string, scope?: 'p2p' | 'group'): Promise<LedgerEntry> {
    const id = String(await this.redis.incr(this.key(chatId, 'seq')));
    const entry: LedgerEntry = { ...input, id, at: now.toISOString(), ...(by ? { by } : {}), ...(scope ? { scope } : {}) };
    await this.redis
      .multi()
      .hset(this.key(chatId, 'entries'), id, JSON.stringify(entry))
      .zadd(this.key(chatId, 'byDate'), dayScore(entry.date), id)
      .exec();
    return entry;
  }

  /** Entries in date order, optionally within [from, to] (ISO dates, inclusive). */
  async list(chatId: string, range: { from?: string; to?: string } = {}): Promise<LedgerEntry[]> {
    const ids = await this.redis.zrangebyscore(this.key(chatId, 'byDate'), range.from ? dayScore(range.from) : '-inf', range.to ? dayScore(range.to) : '+inf');
    if (!ids.length) return [];
    const raw = await this.redis.hmget(this.key(chatId, 'entries'), ...ids);
    return raw.filter((r): r is string => !!r).map((r) => JSON.parse(r) as LedgerEntry);
  }

  async count(chatId: string): Promise<number> {
    return this.redis.hlen(this.key(chatId, 'entries'));
  }

  /** Replace an entry's date and text; false when there is no such entry. */
  async edit(chatId: string, id: string, input: LedgerEntryInput, now: Date): Promise<boolean> {
    const old = await this.redis.hget(this.key(chatId, 'entries'), id);
    if (!old) return false;
    const entry: LedgerEntry = { ...(JSON.parse(old) as LedgerEntry), ...input, at: now.toISOString() };
    await this.redis.multi().hset(this.key(chatId, 'entries'), id, JSON.stringify(entry)).zadd(this.key(chatId, 'byDate'), dayScore(entry.date), id).exec();
    return true;
  }

  async remove(chatId: string, id: string): Promise<boolean> {
    const [[, n]] = (await this.redis.multi().hdel(this.key(chatId, 'entries'), id).zrem(this.key(chatId, 'byDate'), id).exec()) as [[unknown, number]];
    return n > 0;
  }

  /** Entries as facts for a draft, each addressed as a 台账 entry with its date. */
  async facts(chatId: string, range: { from?: string; to?: string } = {}): Promise<SourcedFact[]> {
    return (await this.list(chatId, range)).map((e) => {
      const [y, m, d] = e.date.split('-').map(Number);
      return { text: `${y}年${m}月${d}日，${e.text}`, date: e.date, address: { origin: 'ledger', source: '本单位台账', record: e.id, time: e.date } };
    });
  }

  /** The 台账 as an Excel workbook (exceljs): 序号 · 日期 · 事项 · 记录时间. */
  async exportXlsx(chatId: string, title: string): Promise<Buffer> {
    const entries = await this.list(chatId);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.creator = '笔杆子';
    const ws = wb.addWorksheet('台账');
    ws.mergeCells('A1:D1');
    ws.getCell('A1').value = title;
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.addRow(['序号', '日期', '事项', '记录时间']);
    ws.getRow(2).font = { bold: true };
    entries.forEach((e, i) => {
      const [y, m, d] = e.date.split('-').map(Number) as [number, number, number];
      const row = ws.addRow([i + 1, new Date(Date.UTC(y, m - 1, d)), e.text, e.at.slice(0, 16).replace('T', ' ')]);
      row.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
    });
    ws.columns.forEach((c, i) => {
      c.width = [6, 16, 60, 18][i];
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
