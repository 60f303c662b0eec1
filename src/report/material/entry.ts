/**
 * 记一笔 (issue 23 item 4): a line the writer adds to the unit's 台账 at any time of the
 * period, “记一笔：6月12日召开意识形态工作研判会，分析研判3类问题” → a dated entry.
 */
export interface LedgerEntryInput {
  /** ISO date (YYYY-MM-DD) the entry records. */
  date: string;
  /** The entry as written, date words removed. */
  text: string;
  /** Whether the date was written (else it is the day it was recorded). */
  dated: boolean;
}

const PREFIX = /^(?:@\S+\s*)?(?:记一笔|记上一笔|记一下|台账记一笔)\s*[：:，,]?\s*/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The writer's calendar day of `now` in China time (UTC+8, no DST). */
function chinaDay(now: Date): { y: number; m: number; d: number } {
  const t = new Date(now.getTime() + 8 * 3600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function shift(day: { y: number; m: number; d: number }, days: number): string {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A 记一笔 message as an entry, or null when the words are not one (or say nothing). A date
 * without a year is the latest such day not after today (6月12日 written in January is last
 * year's); no date at all is today.
 */
export function parseLedgerEntry(text: string, now: Date): LedgerEntryInput | null {
  const m = PREFIX.exec(text.trim());
  if (!m) return null;
  let body = text.trim().slice(m[0].length).trim();
  const today = chinaDay(now);
  let date = shift(today, 0);
  let dated = false;
  const full = /^(20\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*[日号]?\s*[，,]?/.exec(body);
  const short = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*[，,]?/.exec(body);
  const rel = /^(今天|昨天|前天)\s*[，,]?/.exec(body);
  if (full) {
    date = `${full[1]}-${pad(Number(full[2]))}-${pad(Number(full[3]))}`;
    body = body.slice(full[0].length);
    dated = true;
  } else if (short) {
    const mo = Number(short[1]);
    const d = Number(short[2]);
    const y = mo > today.m || (mo === today.m && d > today.d) ? today.y - 1 : today.y;
    date = `${y}-${pad(mo)}-${pad(d)}`;
    body = body.slice(short[0].length);
    dated = true;
  } else if (rel) {
    date = shift(today, rel[1] === '今天' ? 0 : rel[1] === '昨天' ? -1 : -2);
    body = body.slice(rel[0].length);
    dated = true;
  }
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  body = body.replace(/[。\s]+$/, '').trim();
  if (body.length < 2) return null;
  return { date, text: body, dated };
}

/** The reply once an entry is kept. */
export const entryAdded = (e: LedgerEntryInput, count: number): string => {
  const [y, m, d] = e.date.split('-').map(Number);
  return `已记入本单位台账：${y}年${m}月${d}日，${e.text}${e.dated ? '' : '（没写日期，按今天记）'}。台账现有 ${count} 条；发“查看台账”列出，“导出台账”得到 Excel 文件，“根据本半年台账写报告”会用到它们。`;
};

/** An entry as the 记台账 reminder lists it. */
export interface DigestEntry {
  id: string;
  date: string;
  text: string;
}

const dayLabel = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * What a 记台账 reminder posts on `day` (ISO, the writer's calendar day): how many entries this month
 * has so far, the latest one, and a 记一笔 line to copy. `entries` are the chat's, in date order.
 */
export function ledgerDigest(entries: readonly DigestEntry[], day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const month = entries.filter((e) => e.date.slice(0, 7) === day.slice(0, 7) && e.date <= day);
  const last = entries.filter((e) => e.date <= day).at(-1);
  const lines = [month.length ? `本月（${y}年${m}月）台账已记 ${month.length} 条。` : `本月（${y}年${m}月）台账还没有记录。`];
  if (last) lines.push(`最近一条：第${last.id}条 · ${dayLabel(last.date)} · ${last.text.length > 40 ? `${last.text.slice(0, 39)}…` : last.text}`);
  lines.push('补记本月的工作，照下面的格式发一条即可（日期和内容换成实际的）：', `记一笔：${m}月${Number(day.slice(8, 10))}日召开意识形态工作研判会，分析研判3类问题`, '发“查看台账”列出全部，“导出台账”得到 Excel 文件；不再需要提醒请说“取消记台账提醒”。');
  return lines.join('\n');
}
