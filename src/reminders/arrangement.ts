// An official holiday arrangement (国务院办公厅's yearly notice) as the operator loads it from
// HOLIDAY_PATH: our plain line format, or an ICS calendar like the one `chinese-days` publishes.
// Pure: the caller reads the files. Errors name the file and line.
import { DateTime } from 'luxon';

export interface Arrangement {
  /** The years this file is the official arrangement for. */
  years: number[];
  /** ISO date → a rest day (work false) or a 调休 working day (work true), with the festival's name. */
  days: Map<string, { work: boolean; name: string }>;
  /** The file it came from (shown by /healthz). */
  origin: string;
}

export class ArrangementError extends Error {
  constructor(readonly origin: string, readonly line: number, reason: string) {
    super(`${origin} line ${line}: ${reason}`);
    this.name = 'ArrangementError';
  }
}

const REST = new Set(['休', 'rest', 'off']);
const WORK = new Set(['班', 'work']);

function date(s: string, origin: string, line: number): DateTime {
  const d = DateTime.fromISO(s, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !d.isValid) throw new ArrangementError(origin, line, `"${s}" is not a date (YYYY-MM-DD)`);
  return d;
}

/**
 * The line format (UTF-8; `#` starts a comment):
 *   year 2027                      optional: the years the file is the arrangement for (else: its dates' years)
 *   2027-01-01 休 元旦              a rest day
 *   2027-02-05~2027-02-12 休 春节   a range, both ends included
 *   2027-02-20 班 春节              a 调休 working day
 */
export function parseArrangementText(text: string, origin: string): Arrangement {
  const days = new Map<string, { work: boolean; name: string }>();
  let years: number[] | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const f = line.split(/\s+/);
    if (f[0] === 'year' || f[0] === '年份') {
      const ys = f.slice(1).map(Number);
      if (!ys.length || ys.some((y) => !Number.isInteger(y) || y < 1949 || y > 2200)) throw new ArrangementError(origin, n, `"${line}": expected "year 2027"`);
      years = [...(years ?? []), ...ys];
      return;
    }
    const [range, kind, name = ''] = f;
    if (!range || !kind) throw new ArrangementError(origin, n, `"${line}": expected "YYYY-MM-DD 休|班 名称"`);
    if (f.length > 3) throw new ArrangementError(origin, n, `"${line}": too many fields`);
    const work = WORK.has(kind);
    if (!work && !REST.has(kind)) throw new ArrangementError(origin, n, `"${kind}" is neither 休 nor 班`);
    const [a, b] = range.split(/~|\.\./);
    const from = date(a ?? '', origin, n);
    const to = b === undefined ? from : date(b, origin, n);
    if (to < from) throw new ArrangementError(origin, n, `range ends before it starts`);
    if (to.diff(from, 'days').days > 31) throw new ArrangementError(origin, n, `range longer than a month`);
    for (let x = from; x <= to; x = x.plus({ days: 1 })) {
      const key = x.toISODate() ?? '';
      const was = days.get(key);
      if (was && was.work !== work) throw new ArrangementError(origin, n, `${key} is both 休 and 班`);
      days.set(key, { work, name: name || (work ? '调休' : '节假日') });
    }
  });
  if (!days.size) throw new ArrangementError(origin, 1, 'no days in the file');
  return { years: years ?? yearsOf(days), days, origin };
}

const yearsOf = (days: Map<string, unknown>) => [...new Set([...days.keys()].map((k) => Number(k.slice(0, 4))))].sort();

/**
 * ICS as `chinese-days` publishes it: all-day VEVENTs, DTSTART;VALUE=DATE:20270101, DTEND exclusive,
 * SUMMARY "元旦(休)" or "春节(班)". Other events (without 休/班) are ignored.
 */
export function parseArrangementIcs(text: string, origin: string): Arrangement {
  const days = new Map<string, { work: boolean; name: string }>();
  // Unfold continuation lines (RFC 5545 3.1) but keep the first line's number for errors.
  const lines: { n: number; s: string }[] = [];
  text.split(/\r?\n/).forEach((s, i) => {
    if (/^[ \t]/.test(s) && lines.length) lines[lines.length - 1]!.s += s.slice(1);
    else lines.push({ n: i + 1, s });
  });
  let ev: { n: number; start?: string; end?: string; summary?: string } | undefined;
  const ymd = (v: string, n: number) => {
    const m = /^(\d{4})(\d{2})(\d{2})/.exec(v);
    if (!m) throw new ArrangementError(origin, n, `"${v}" is not a date (YYYYMMDD)`);
    return date(`${m[1]}-${m[2]}-${m[3]}`, origin, n);
  };
  for (const { n, s } of lines) {
    if (s === 'BEGIN:VEVENT') { ev = { n }; continue; }
    if (!ev) continue;
    const [key = '', ...rest] = s.split(':');
    const value = rest.join(':').trim();
    const prop = key.split(';')[0];
    if (prop === 'DTSTART') ev.start = String(ymd(value, n).toISODate());
    else if (prop === 'DTEND') ev.end = String(ymd(value, n).toISODate());
    else if (prop === 'SUMMARY') ev.summary = value;
    else if (s === 'END:VEVENT') {
      const m = /^(.+?)[(（](休|班)[)）]$/.exec(ev.summary ?? '');
      if (m) {
        if (!ev.start) throw new ArrangementError(origin, ev.n, 'event without DTSTART');
        const from = DateTime.fromISO(ev.start, { zone: 'UTC' });
        const to = ev.end ? DateTime.fromISO(ev.end, { zone: 'UTC' }).minus({ days: 1 }) : from;
        for (let x = from; x <= to; x = x.plus({ days: 1 })) days.set(x.toISODate() ?? '', { work: m[2] === '班', name: m[1] ?? '' });
      }
      ev = undefined;
    }
  }
  if (!days.size) throw new ArrangementError(origin, 1, 'no 休/班 events in the calendar');
  return { years: yearsOf(days), days, origin };
}

export const parseArrangement = (text: string, origin: string): Arrangement =>
  /^\s*BEGIN:VCALENDAR/.test(text) ? parseArrangementIcs(text, origin) : parseArrangementText(text, origin);
