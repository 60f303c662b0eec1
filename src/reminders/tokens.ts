// Shared types, errors and token helpers for the reminder parser. No I/O.
import type { DateTime } from 'luxon';
import { parseNumeral } from '../text/numerals.js';

import type { ReminderSpec } from './types.js';

export type { Lead, RecurrenceSpec, ReminderSpec, Rule, Shift } from './types.js';

export type PresetKey = 'half' | 'annual' | 'duty';

export type ReminderCommand =
  | { kind: 'set'; spec: ReminderSpec }
  | { kind: 'preset' }
  | { kind: 'list' }
  | { kind: 'cancel'; id: number }
  /**
   * The new time as the user said it; it is read against the reminder being edited. Without `id`
   * (“改到下午4点”) it edits the reminder just set or listed, or asks which one.
   */
  | { kind: 'edit'; id?: number; text: string }
  /** “第2个”: the answer to “要改哪一个？”. */
  | { kind: 'pick'; id: number }
  /** A message that reads like a reminder without saying 提醒 (“明天下午3点开会”): ask “要设为提醒吗？” first. */
  | { kind: 'offer'; text: string; spec: ReminderSpec }
  /** “是”/“要”: the answer to “要设为提醒吗？”. */
  | { kind: 'affirm' }
  /** The answer to “只改下一次，还是改规则？”. */
  | { kind: 'edit-choice'; choice: 'once' | 'rule' }
  | { kind: 'preset-confirm' }
  /** “半年报告改到7月8日，述职改到1月20日”: adjust the proposed report calendar. */
  | { kind: 'preset-adjust'; items: { key: PresetKey; text: string }[] }
  /** “取消记台账提醒”: the caller's 记一笔 reminders in this chat. */
  | { kind: 'ledger-cancel' }
  | { kind: 'error'; message: string };

export interface ParseOptions {
  now: Date;
  /** IANA zone; default Asia/Shanghai. */
  timezone?: string;
}

export const DEFAULT_TZ = 'Asia/Shanghai';
export const DEFAULT_HOUR = 9;

export interface Ctx { now: DateTime; tz: string }

export class ParseError extends Error {}
export function fail(message: string): never {
  throw new ParseError(message);
}

// ---------- tokens ----------

export const TIME_HINT = /工作日|节后|\d+[月日号点时:]|\d+(分钟|小时|钟头|天|周|个月|年)(后|之后|以后)|今天|今晚|明天|明早|明晚|后天|周[一二三四五六日天]|星期|礼拜|月底|月末|季度|年底|年末|每(年|月|周|天|日)|上午|下午|晚上|中午|早上/;

export interface Span { start: number; end: number }
export interface DateTok extends Span {
  rule: string;
  m: RegExpExecArray;
  /** Hour bias from 今晚/明早 etc. */
  period?: string;
}
export interface TimeTok extends Span { hour: number; minute: number; note?: string; periodOnly?: boolean }
export interface RelTok extends Span { n: number; unit: 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | 'workday'; within: boolean }
export interface LeadTok extends Span { n: number; unit: 'minute' | 'hour' | 'day' | 'week' | 'month' | 'workday'; label: string }

const TIME_RE = /(凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|晚)?(\d{1,2})(?:点钟?|时)(?:(半)|(\d{1,2})分?)?(?![\d钟])/g;
const TIME_COLON_RE = /(凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|晚)?(\d{1,2}):(\d{2})/g;
const PERIOD_RE = /(凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上)/g;
const LEAD_RE = /(?:提前|之前|以前|前)(\d+|半)(个)?(分钟|小时|钟头|工作日|天|日|周|星期|礼拜|月)/g;

export function all(re: RegExp, s: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push(m);
  return out;
}
export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** The span a regex match covers. */
export const spanOf = (m: RegExpExecArray): Span => ({ start: m.index, end: m.index + m[0].length });
/** Unit word of REL_RE / LEAD_RE (分钟, 小时, 天, 周, 个月 …) to a luxon duration unit. */
export function unitOf(u: string | undefined): RelTok['unit'] {
  switch (u) {
    case '分钟': case '分': return 'minute';
    case '小时': case '钟头': return 'hour';
    case '天': case '日': return 'day';
    case '工作日': return 'workday';
    case '月': return 'month';
    case '年': return 'year';
    default: return 'week'; // 周, 星期, 礼拜
  }
}
/** Weekday character after 周/星期/礼拜 (一…六, 日/天, 1-7) to 1 (Monday) … 7 (Sunday). */
export const weekdayNum = (ch: string): number => (/[日天7]/.test(ch) ? 7 : parseNumeral(ch, { max: 6 }) ?? NaN);
/** Earliest, then longest, non-overlapping. */
export function pick<T extends Span>(cands: T[], taken: Span[] = []): T[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out: T[] = [];
  for (const c of sorted) {
    if (out.some((o) => overlaps(o, c)) || taken.some((o) => overlaps(o, c))) continue;
    out.push(c);
  }
  return out;
}

/** A further lead sharing the first one's 提前: “提前3个工作日和1个工作日”, “提前一周、3天”. */
const MORE_LEAD_RE = /^(?:和|、|及|与|,|，|以及)(?:提前)?(\d+|半)(个)?(分钟|小时|钟头|工作日|天|日|周|星期|礼拜|月)/;

export function findLeads(t: string): LeadTok[] {
  const leads: LeadTok[] = [];
  const add = (m: RegExpExecArray, start: number) => {
    // "6月30日前" + digits of the next clause is not a lead; a lead needs a unit right after the number
    const raw = m[1] ?? '';
    const n = raw === '半' ? 0.5 : Number(raw);
    const unit = unitOf(m[3]);
    // LEAD_RE has no 年; a month lead needs 个 ("提前1个月")
    if (unit === 'year' || (unit === 'month' && !m[2])) return false;
    const unitLabel = { minute: '分钟', hour: '小时', day: '天', week: '周', month: '个月', workday: '个工作日' }[unit];
    const label = unit === 'week' && n === 1 ? '提前一周' : `提前${n === 0.5 ? '半' : n}${unit === 'hour' && n === 0.5 ? '个' : ''}${unitLabel}`;
    leads.push({ start, end: start + m[0].length, n, unit, label });
    return true;
  };
  let end = 0;
  for (const m of all(LEAD_RE, t)) {
    if (m.index < end || !add(m, m.index)) continue;
    end = m.index + m[0].length;
    for (let more = MORE_LEAD_RE.exec(t.slice(end)); more && add(more, end); more = MORE_LEAD_RE.exec(t.slice(end))) end += more[0].length;
  }
  const same = /当天(也|再)?(提醒)?/.exec(t);
  if (same) leads.push({ ...spanOf(same), n: 0, unit: 'day', label: '当天' });
  return leads;
}

export function findTimes(t: string, taken: Span[]): TimeTok[] {
  const cands: TimeTok[] = [];
  for (const m of all(TIME_RE, t)) {
    const minute = m[3] ? 30 : m[4] ? Number(m[4]) : 0;
    cands.push({ ...spanOf(m), ...toHour(m[1], Number(m[2]), minute) });
    // Bare variant for when the period word belongs to a date token (今晚8点)
    if (m[1]) cands.push({ start: m.index + m[1].length, end: m.index + m[0].length, ...toHour(undefined, Number(m[2]), minute) });
  }
  for (const m of all(TIME_COLON_RE, t)) {
    cands.push({ ...spanOf(m), ...toHour(m[1], Number(m[2]), Number(m[3])) });
    if (m[1]) cands.push({ start: m.index + m[1].length, end: m.index + m[0].length, ...toHour(undefined, Number(m[2]), Number(m[3])) });
  }
  const picked = pick(cands, taken);
  if (picked.length) return picked;
  for (const m of all(PERIOD_RE, t)) {
    const p = m[1] ?? '';
    const hour = PERIOD_DEFAULT[p] ?? DEFAULT_HOUR;
    cands.push({ ...spanOf(m), hour, minute: 0, periodOnly: true, note: `没说具体几点，“${p}”按 ${pad(hour)}:00 设置` });
  }
  return pick(cands, taken);
}

export const PERIOD_DEFAULT: Record<string, number> = { 凌晨: 6, 早上: 8, 早晨: 8, 清晨: 7, 上午: 9, 中午: 12, 下午: 15, 傍晚: 18, 晚上: 20 };
export const pad = (n: number) => String(n).padStart(2, '0');

function toHour(period: string | undefined, h: number, minute: number): { hour: number; minute: number; note?: string } {
  if (minute > 59) fail(`“${minute}分”不是有效的时间，请检查。`);
  if (h > 24 || (h === 24 && minute > 0)) fail(`“${h}点”不是有效的时间，一天只有0点到23点，请检查。`);
  if (h === 24) fail('“24点”有歧义，请说“晚上11点59分”或“次日0点”。');
  switch (period) {
    case undefined: case '':
      if (h >= 1 && h <= 6) return { hour: h + 12, minute, note: `“${h}点”按下午${h}点（${pad(h + 12)}:${pad(minute)}）理解` };
      return { hour: h, minute };
    case '凌晨':
      return { hour: h === 12 ? 0 : h, minute };
    case '早上': case '早晨': case '清晨': case '上午':
      if (h > 12) fail(`“${period}${h}点”不是有效的时间，请检查。`);
      return { hour: h, minute };
    case '中午':
      return { hour: h <= 3 ? h + 12 : h, minute };
    default: // 下午, 晚上 ...
      if (h === 12 && /晚|夜/.test(period)) fail('“晚上12点”有歧义，请说“晚上11点59分”或“次日0点”。');
      return { hour: h < 12 ? h + 12 : h, minute };
  }
}

export const durOf = (n: number, unit: Exclude<RelTok['unit'] | LeadTok['unit'], 'workday'>) => {
  if (n === 0.5) {
    if (unit === 'hour') return { minutes: 30 };
    if (unit === 'day') return { hours: 12 };
  }
  return { [`${unit}s`]: n };
};

export function cleanWhat(t: string, spans: Span[]): string {
  const chars = [...t];
  // spans are UTF-16 indices; all our characters are BMP, so indices line up
  const keep = chars.map((ch, i) => (spans.some((s) => i >= s.start && i < s.end) ? '\u0000' : ch)).join('');
  let w = keep
    .replace(/各提醒\d*次?|各提醒|提醒\d次/g, '\u0000')
    .replace(/(请|麻烦你?|帮我|帮忙)?(设置|设|定|加|添加|新建)?(1个|个|一个)?提醒(我|一下|大家)?(一下)?/g, '\u0000')
    .replace(/(请|麻烦你?|帮我|帮忙)?(在|到时候|到时)?(再)?(叫|通知)(我|一下|大家)(一下)?/g, '\u0000')
    .replace(/记得/g, '');
  w = w.split('\u0000')
    .map((s) => s.trim().replace(/^(请|麻烦你?|帮我|帮忙)?(在|于|到|就)?$/, ''))
    .filter((s) => s && !/^[和与及、，,。；;：:的在要再也以前]+$/.test(s))
    .join('，');
  w = w.replace(/^[，,、和与及：:的在在再]+|[，,、和与及。；;：:的在再]+$/g, '').trim();
  // normalizeCn turned 一次 into 1次; in the task text it reads better as written
  w = w.replace(/(?<![\d.])1次/g, '一次');
  return w;
}
