// Pure parser for reminder commands. No I/O; `now` and the zone are injected.
import * as chrono from 'chrono-node';
import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import { formatInstant, normalizeCn, toIso } from './cn-time.js';

export interface RecurrenceSpec {
  /** 5-field cron (minute hour dom month dow), evaluated in `tz`. */
  cron: string;
  tz: string;
  /** Chinese, e.g. "每年6月20日、12月20日 09:00". */
  description: string;
  /** Next few fire instants (ISO with offset). */
  next: string[];
}

export interface ReminderSpec {
  what: string;
  deadline?: string;
  /** False when the deadline was a bare date ("6月30日前"). */
  deadlineHasTime?: boolean;
  /** One-off fire instants, ascending. Empty for recurring reminders. */
  fires: string[];
  recurrence?: RecurrenceSpec;
  leads: string[];
  /** Interpretation notes shown to the user (year rolled over, defaults applied, skipped leads). */
  notes: string[];
}

export type ReminderCommand =
  | { kind: 'set'; spec: ReminderSpec }
  | { kind: 'preset' }
  | { kind: 'list' }
  | { kind: 'cancel'; id: number }
  | { kind: 'edit'; id: number; spec: ReminderSpec }
  | { kind: 'error'; message: string };

export interface ParseOptions {
  now: Date;
  /** IANA zone; default Asia/Shanghai. */
  timezone?: string;
}

export const DEFAULT_TZ = 'Asia/Shanghai';
const DEFAULT_HOUR = 9;

interface Ctx { now: DateTime; tz: string }

class ParseError extends Error {}
function fail(message: string): never {
  throw new ParseError(message);
}

// ---------- public entry ----------

export function parseReminderCommand(text: string, opts: ParseOptions): ReminderCommand | null {
  const tz = opts.timezone ?? DEFAULT_TZ;
  const ctx: Ctx = { now: DateTime.fromJSDate(opts.now).setZone(tz), tz };
  const t = normalizeCn(stripMentions(text));
  const c = t.replace(/[\s。.!！?？~～]/g, '');
  try {
    if (/^(我的提醒|(查看|查询|列出|显示|看看)(一下)?(我的|所有|全部)?提醒(列表)?|提醒列表)$/.test(c)) return { kind: 'list' };

    const cancel = /^(?:取消|删除|删掉|关闭|撤销|不要)(?:我的)?(?:提醒)?第?(\d+)(?:个|号)?(?:提醒)?$/.exec(c);
    if (cancel) return { kind: 'cancel', id: Number(cancel[1]) };
    if (/^(取消|删除|删掉|撤销)(我的|所有|全部)?提醒$/.test(c)) {
      return { kind: 'error', message: '要取消哪一个提醒？请带上编号，例如“取消提醒 2”。发送“我的提醒”可以查看编号。' };
    }

    const edit = /^(?:把|将)?第?(\d+)(?:个|号)?提醒(?:的时间)?(?:改到|改为|改成|改在|推迟到|提前到|调整到|调整为|调到|挪到|换到)[:，,]?(.+)$/.exec(c)
      ?? /^(?:修改|更改|调整)(?:提醒)?第?(\d+)(?:个|号)?(?:提醒)?(?:的时间)?(?:改?[为到成在]|[:，,])?(.+)$/.exec(c);
    if (edit) {
      const spec = parseSchedule(edit[2] ?? '', ctx);
      return { kind: 'edit', id: Number(edit[1]), spec };
    }
    if (/^(修改|更改|调整)提醒/.test(c) || /^(把|将)?提醒.*(改到|改成|改为)/.test(c)) {
      return { kind: 'error', message: '要修改哪一个提醒？请这样说：“把第2个提醒改到7月5日”。发送“我的提醒”可以查看编号。' };
    }

    if (/^(请|帮我)?(设置|设定|开启|打开|添加|建立)(一下)?(常用的?)?意识形态(工作)?(责任制)?(报告)?(的)?(常用)?提醒$/.test(c)) return { kind: 'preset' };

    if (!/提醒|叫我|通知我/.test(c)) return null;
    // "写一份……的提醒通知" is a writing request, not a reminder
    if (/^(请|麻烦你?)?(帮我|给我|帮忙)?(写|起草|拟|草拟|撰写|润色|改写|生成|整理|列|出)/.test(c) && !/提醒我|叫我|通知我/.test(c)) return null;
    const hasTimeWords = TIME_HINT.test(t);
    if (!hasTimeWords && !/^(请|麻烦)?(帮我)?(设置|设|定|加|添加|新建)?(一个|个)?提醒(我|一下|大家)?/.test(c) && !/提醒我/.test(c)) return null;
    return { kind: 'set', spec: parseSchedule(t, ctx) };
  } catch (e) {
    if (e instanceof ParseError) return { kind: 'error', message: e.message };
    throw e;
  }
}

/** The two yearly reminders behind “设置意识形态报告提醒” (half-year in June, annual in December). */
export function presetSpecs(opts: ParseOptions): ReminderSpec[] {
  const tz = opts.timezone ?? DEFAULT_TZ;
  const ctx: Ctx = { now: DateTime.fromJSDate(opts.now).setZone(tz), tz };
  return [
    parseSchedule('每年6月20日提醒我准备上半年意识形态工作情况报告', ctx),
    parseSchedule('每年12月20日提醒我准备全年意识形态工作责任制落实情况报告和述职材料', ctx),
  ];
}

/** Next `count` cron fires after `after`, in `tz`. */
export function nextCronFires(cron: string, tz: string, after: Date, count = 3): string[] {
  const it = CronExpressionParser.parse(cron, { tz, currentDate: after });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = it.next().toDate();
    out.push(toIso(DateTime.fromJSDate(d).setZone(tz)));
  }
  return out;
}

// ---------- tokens ----------

const TIME_HINT = /\d+[月日号点时:]|\d+(分钟|小时|钟头|天|周|个月|年)(后|之后|以后)|今天|今晚|明天|明早|明晚|后天|周[一二三四五六日天]|星期|礼拜|月底|月末|季度|年底|年末|每(年|月|周|天|日)|上午|下午|晚上|中午|早上/;

interface Span { start: number; end: number }
interface DateTok extends Span {
  rule: string;
  m: RegExpExecArray;
  /** Hour bias from 今晚/明早 etc. */
  period?: string;
}
interface TimeTok extends Span { hour: number; minute: number; note?: string; periodOnly?: boolean }
interface RelTok extends Span { n: number; unit: 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'; within: boolean }
interface LeadTok extends Span { n: number; unit: 'minute' | 'hour' | 'day' | 'week' | 'month'; label: string }

const DATE_RULES: { rule: string; re: RegExp }[] = [
  { rule: 'ymd', re: /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[日号]?/g },
  { rule: 'md', re: /(?:(\d{4})年|(今年|明年|后年))?(\d{1,2})月份?(\d{1,2})[日号]/g },
  { rule: 'md', re: /(?<![\d/])()()(\d{1,2})\/(\d{1,2})(?![\d/])/g },
  { rule: 'mEnd', re: /(?:(\d{4})年|(今年|明年|后年))?(\d{1,2})月份?(底|末|最后1天|初)/g },
  { rule: 'relMonthDay', re: /(本月|这个月|当月|下下个?月|下个?月)(\d{1,2})[日号]/g },
  { rule: 'relMonthEnd', re: /(本|这个|当|下下个?|下个?)?月(底|末|最后1天|初)/g },
  { rule: 'yearEnd', re: /(今年|明年|后年)?年(底|末)|(今|明|后)年(底|末)/g },
  { rule: 'quarterEnd', re: /(本|这个?|下下个?|下个?)?季度?(末|底|最后1天)/g },
  { rule: 'dayWord', re: /(大后天|后天|明天|明日|明早|明晚|今天|今日|今早|今晚)/g },
  { rule: 'weekday', re: /(这|本|下下|下)?个?(周|星期|礼拜)([1-7一二三四五六日天末])/g },
  { rule: 'dayOnly', re: /(?<![月\d年])(\d{1,2})[号日](?![后前]\d)/g },
];
const TIME_RE = /(凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|晚)?(\d{1,2})(?:点钟?|时)(?:(半)|(\d{1,2})分?)?(?![\d钟])/g;
const TIME_COLON_RE = /(凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|晚)?(\d{1,2}):(\d{2})/g;
const PERIOD_RE = /(凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上)/g;
const REL_RE = /(\d+|半)(个)?(半)?(分钟|分|小时|钟头|天|日|周|星期|礼拜|月|年)(后|之后|以后|内|之内|以内)/g;
const LEAD_RE = /(?:提前|之前|以前|前)(\d+|半)(个)?(分钟|小时|钟头|天|日|周|星期|礼拜|月)/g;

function all(re: RegExp, s: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push(m);
  return out;
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** Earliest, then longest, non-overlapping. */
function pick<T extends Span>(cands: T[], taken: Span[] = []): T[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out: T[] = [];
  for (const c of sorted) {
    if (out.some((o) => overlaps(o, c)) || taken.some((o) => overlaps(o, c))) continue;
    out.push(c);
  }
  return out;
}

function findLeads(t: string): LeadTok[] {
  const leads: LeadTok[] = [];
  for (const m of all(LEAD_RE, t)) {
    // "6月30日前" + digits of the next clause is not a lead; a lead needs a unit right after the number
    const raw = m[1] ?? '';
    const n = raw === '半' ? 0.5 : Number(raw);
    const u = m[3] ?? '';
    const unit = u === '分钟' ? 'minute' : u === '小时' || u === '钟头' ? 'hour' : u === '天' || u === '日' ? 'day' : u === '月' ? 'month' : 'week';
    if (unit === 'month' && !m[2]) continue;
    const unitLabel = { minute: '分钟', hour: '小时', day: '天', week: '周', month: '个月' }[unit];
    const label = unit === 'week' && n === 1 ? '提前一周' : `提前${n === 0.5 ? '半' : n}${unit === 'hour' && n === 0.5 ? '个' : ''}${unitLabel}`;
    leads.push({ start: m.index, end: m.index + m[0].length, n, unit, label });
  }
  const same = /当天(也|再)?(提醒)?/.exec(t);
  if (same) leads.push({ start: same.index, end: same.index + same[0].length, n: 0, unit: 'day', label: '当天' });
  return leads;
}

function findTimes(t: string, taken: Span[]): TimeTok[] {
  const cands: TimeTok[] = [];
  for (const m of all(TIME_RE, t)) {
    const minute = m[3] ? 30 : m[4] ? Number(m[4]) : 0;
    cands.push({ start: m.index, end: m.index + m[0].length, ...toHour(m[1], Number(m[2]), minute) });
    // Bare variant for when the period word belongs to a date token (今晚8点)
    if (m[1]) cands.push({ start: m.index + m[1].length, end: m.index + m[0].length, ...toHour(undefined, Number(m[2]), minute) });
  }
  for (const m of all(TIME_COLON_RE, t)) {
    cands.push({ start: m.index, end: m.index + m[0].length, ...toHour(m[1], Number(m[2]), Number(m[3])) });
    if (m[1]) cands.push({ start: m.index + m[1].length, end: m.index + m[0].length, ...toHour(undefined, Number(m[2]), Number(m[3])) });
  }
  const picked = pick(cands, taken);
  if (picked.length) return picked;
  for (const m of all(PERIOD_RE, t)) {
    const p = m[1] ?? '';
    const hour = PERIOD_DEFAULT[p] ?? DEFAULT_HOUR;
    cands.push({ start: m.index, end: m.index + m[0].length, hour, minute: 0, periodOnly: true, note: `没说具体几点，“${p}”按 ${pad(hour)}:00 设置` });
  }
  return pick(cands, taken);
}

const PERIOD_DEFAULT: Record<string, number> = { 凌晨: 6, 早上: 8, 早晨: 8, 清晨: 7, 上午: 9, 中午: 12, 下午: 15, 傍晚: 18, 晚上: 20 };
const pad = (n: number) => String(n).padStart(2, '0');

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

// ---------- schedule parsing ----------

function parseSchedule(text: string, ctx: Ctx): ReminderSpec {
  const t = text;
  const leads = findLeads(t);
  const every = /每隔?(\d+)个?(年|季度|月|周|星期|礼拜|天|日|小时|分钟)/.exec(t);
  if (every && every[1] !== '1') fail(`暂不支持“${every[0]}”这种间隔提醒。可以说“每周五”“每月25号”“每季度末”“每年6月20日”，或分别设置几个一次性提醒。`);
  const rec = /(工作日)每天/.exec(t)
    ?? /每(?:1个?)?(年(?!度)|半年|个?季度|个?季|个?月|周|星期|礼拜|天|日|个?工作日)/.exec(t)
    ?? /^(?:请)?(?:在)?(工作日)/.exec(t);
  if (rec) return parseRecurring(t, ctx, rec, leads);
  return parseOneOff(t, ctx, leads);
}

function findDates(t: string, taken: Span[]): DateTok[] {
  const cands: DateTok[] = [];
  for (const { rule, re } of DATE_RULES) {
    for (const m of all(re, t)) {
      const tok: DateTok = { rule, m, start: m.index, end: m.index + m[0].length };
      if (rule === 'dayWord' && /晚/.test(m[1] ?? '')) tok.period = '晚上';
      if (rule === 'dayWord' && /早/.test(m[1] ?? '')) tok.period = '上午';
      cands.push(tok);
    }
  }
  return pick(cands, taken);
}

function checkYmd(y: number, m: number, d: number): void {
  if (m < 1 || m > 12) fail(`没有${m}月，请检查日期。`);
  const dim = DateTime.fromObject({ year: y, month: m, day: 1 }).daysInMonth ?? 31;
  if (d < 1 || d > dim) {
    if (m === 2 && d === 29) fail(`${y}年2月没有29日，请检查日期。`);
    fail(`${m}月没有${d}日，请检查日期。`);
  }
}

interface ResolvedDate {
  date: DateTime; // start of day in ctx.tz
  /** "floating" dates (月底, 周五, 3号) roll to the next period; explicit ones error when past. */
  roll?: () => ResolvedDate;
  yearless?: boolean;
  note?: string;
  label: string;
}

function resolveDate(tok: DateTok, ctx: Ctx): ResolvedDate {
  const today = ctx.now.startOf('day');
  const m = tok.m;
  const mk = (y: number, mo: number, d: number): DateTime => {
    checkYmd(y, mo, d);
    return DateTime.fromObject({ year: y, month: mo, day: d }, { zone: ctx.tz });
  };
  const relYear = (w?: string) => (w === '明年' ? 1 : w === '后年' ? 2 : 0);
  switch (tok.rule) {
    case 'ymd': {
      return { date: mk(Number(m[1]), Number(m[2]), Number(m[3])), label: m[0] };
    }
    case 'md': case 'mEnd': {
      const explicitY = m[1] ? Number(m[1]) : undefined;
      const mo = Number(m[3]);
      if (mo < 1 || mo > 12) fail(`没有${mo}月，请检查日期。`);
      const dayOf = (y: number): number => {
        if (tok.rule === 'md') return Number(m[4]);
        if (m[4] === '初') return 1;
        return DateTime.fromObject({ year: y, month: mo, day: 1 }).daysInMonth ?? 28;
      };
      if (explicitY !== undefined || m[2]) {
        const y = explicitY ?? today.year + relYear(m[2]);
        return { date: mk(y, mo, dayOf(y)), label: m[0] };
      }
      const y = today.year;
      const d0 = dayOf(y);
      // 2月29日 without a year: validate in the year it lands in
      if (!(mo === 2 && d0 === 29)) checkYmd(2024, mo, d0);
      const thisYear = (mo === 2 && d0 === 29 && !DateTime.fromObject({ year: y }).isInLeapYear) ? undefined : mk(y, mo, d0);
      const nextYear = (): ResolvedDate => {
        const y2 = y + 1;
        return { date: mk(y2, mo, dayOf(y2)), label: m[0], note: `今年的${m[0]}已经过了，按明年（${y2}年）${m[0]}设置` };
      };
      if (!thisYear) {
        let leap = y + 1;
        while (!DateTime.fromObject({ year: leap }).isInLeapYear) leap++;
        fail(`${y}年没有2月29日，2月29日只有闰年才有（下一个是${leap}年）。请说明年份，例如“${leap}年2月29日”，或改成“2月28日”。`);
      }
      return { date: thisYear, yearless: true, label: m[0], roll: nextYear };
    }
    case 'relMonthDay': {
      const w = m[1] ?? '';
      const add = w.startsWith('下下') ? 2 : w.startsWith('下') ? 1 : 0;
      const base = today.startOf('month').plus({ months: add });
      return { date: mk(base.year, base.month, Number(m[2])), label: m[0] };
    }
    case 'relMonthEnd': {
      const w = m[1] ?? '';
      const add = w.startsWith('下下') ? 2 : w.startsWith('下') ? 1 : 0;
      const at = (k: number) => {
        const b = today.startOf('month').plus({ months: k });
        return m[2] === '初' ? b.plus({ months: 1 }) : b.endOf('month').startOf('day');
      };
      const res: ResolvedDate = { date: at(add), label: m[0] };
      if (!w) res.roll = () => ({ date: at(1), label: m[0], note: `本月底的提醒时间已经过了，按下个月底（${at(1).month}月${at(1).day}日）设置` });
      return res;
    }
    case 'yearEnd': {
      const w = m[1] ?? (m[3] ? `${m[3]}年` : undefined);
      const y = today.year + relYear(w);
      const res: ResolvedDate = { date: mk(y, 12, 31), label: m[0] };
      if (!w) res.roll = () => ({ date: mk(y + 1, 12, 31), label: m[0], note: `今年年底的提醒时间已经过了，按明年年底设置` });
      return res;
    }
    case 'quarterEnd': {
      const w = m[1] ?? '';
      const add = w.startsWith('下下') ? 2 : w.startsWith('下') ? 1 : 0;
      const at = (k: number) => today.startOf('quarter').plus({ quarters: k }).endOf('quarter').startOf('day');
      const res: ResolvedDate = { date: at(add), label: m[0] };
      if (!w) res.roll = () => ({ date: at(1), label: m[0], note: `本季度末的提醒时间已经过了，按下季度末（${at(1).month}月${at(1).day}日）设置` });
      return res;
    }
    case 'dayWord': {
      const w = m[1] ?? '';
      const add = w === '大后天' ? 3 : w === '后天' ? 2 : w.startsWith('明') ? 1 : 0;
      return { date: today.plus({ days: add }), label: w };
    }
    case 'weekday': {
      const w = m[1] ?? '';
      const ch = m[3] ?? '';
      const wd = /[日天7]/.test(ch) ? 7 : ch === '末' ? 6 : '一二三四五六'.indexOf(ch) + 1 || Number(ch);
      const weekendNote = ch === '末' ? '“周末”按星期六理解' : undefined;
      const monday = today.minus({ days: today.weekday - 1 });
      const at = (k: number) => monday.plus({ weeks: k, days: wd - 1 });
      if (w === '下下') return { date: at(2), label: m[0], note: weekendNote };
      if (w === '下') return { date: at(1), label: m[0], note: weekendNote };
      if (w === '这' || w === '本') return { date: at(0), label: m[0], note: weekendNote };
      const res: ResolvedDate = { date: at(0), label: m[0], note: weekendNote };
      res.roll = () => ({ date: at(1), label: m[0], note: `本周的${m[0]}已经过了，按下周的${m[0]}设置${weekendNote ? `（${weekendNote}）` : ''}` });
      return res;
    }
    case 'dayOnly': {
      const d = Number(m[1]);
      if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
      const at = (k: number) => today.startOf('month').plus({ months: k });
      const build = (k: number): DateTime => { const b = at(k); return mk(b.year, b.month, d); };
      const thisMonthOk = d <= (today.daysInMonth ?? 31);
      const next = (): ResolvedDate => {
        const b = at(1);
        return { date: build(1), label: m[0], note: `本月${d}日已经过了，按下个月（${b.month}月${d}日）设置` };
      };
      if (!thisMonthOk) return { ...next(), note: `本月没有${d}日，按下个月（${at(1).month}月${d}日）设置` };
      return { date: build(0), label: m[0], roll: next, note: `“${m[0]}”按本月（${today.month}月${d}日）理解` };
    }
  }
  return fail('没看懂这个日期，请换个说法，例如“6月30日”。');
}

const durOf = (n: number, unit: RelTok['unit'] | LeadTok['unit']) => {
  if (n === 0.5) {
    if (unit === 'hour') return { minutes: 30 };
    if (unit === 'day') return { hours: 12 };
  }
  return { [`${unit}s`]: n };
};

interface WhenResult {
  instant: DateTime; hasTime: boolean; spans: Span[]; notes: string[]; label: string; date?: ResolvedDate;
  /** "3天内": the point is a deadline. */
  within?: boolean;
}

/** Finds the single point in time the text talks about; null if none. */
function findWhen(t: string, ctx: Ctx, taken: Span[]): WhenResult | null {
  const rels: RelTok[] = pick(all(REL_RE, t).map((m) => {
    const u = m[4] ?? '';
    const unit: RelTok['unit'] = u === '分钟' || u === '分' ? 'minute' : u === '小时' || u === '钟头' ? 'hour' : u === '天' || u === '日' ? 'day' : u === '月' ? 'month' : u === '年' ? 'year' : 'week';
    let n = m[1] === '半' ? 0.5 : Number(m[1]);
    if (m[3]) n += 0.5;
    return { start: m.index, end: m.index + m[0].length, n, unit, within: /内/.test(m[5] ?? '') };
  }).filter((r) => r.unit !== 'month' || t.slice(r.start, r.end).includes('个')), taken);
  const dates = findDates(t, [...taken, ...rels]);
  const times = findTimes(t, [...taken, ...rels, ...dates]);
  if (rels.length + dates.length > 1) fail('我从这句话里识别出了不止一个日期。一次只能设置一个时间点，请分开设置，或说“X月X日前……，提前N天提醒”。');
  if (times.length > 1) fail('我从这句话里识别出了不止一个时刻，请只说一个时间。');
  const rel = rels[0];
  const dtok = dates[0];
  const ttok = times[0];
  const notes: string[] = [];
  if (rel) {
    if (ttok && (rel.unit === 'minute' || rel.unit === 'hour')) fail('时间说法有冲突，请只说一个时间，例如“10分钟后提醒我”。');
    if (rel.unit === 'minute' || rel.unit === 'hour') {
      return { instant: ctx.now.plus(durOf(rel.n, rel.unit)), hasTime: true, spans: [rel], notes, label: t.slice(rel.start, rel.end) };
    }
    if (!Number.isInteger(rel.n)) fail('请说具体的天数，例如“3天后”。');
    const day = ctx.now.startOf('day').plus(durOf(rel.n, rel.unit));
    const h = ttok ?? { hour: DEFAULT_HOUR, minute: 0 };
    if (ttok?.note) notes.push(ttok.note);
    const label = rel.within ? `${day.month}月${day.day}日` : t.slice(rel.start, rel.end);
    return { instant: day.set({ hour: h.hour, minute: h.minute }), hasTime: !!ttok, spans: ttok ? [rel, ttok] : [rel], notes, label, within: rel.within };
  }
  if (dtok) {
    const rd = resolveDate(dtok, ctx);
    let hour = DEFAULT_HOUR;
    let minute = 0;
    if (ttok) {
      hour = ttok.hour; minute = ttok.minute;
      let note = ttok.note;
      // 今晚8点 / 明早7点: the day word carries the period
      if (dtok.period === '晚上' && hour < 12) hour += 12;
      if (dtok.period === '上午' && note) { hour -= 12; note = undefined; }
      if (dtok.period === '晚上') note = undefined;
      if (note) notes.push(note);
    } else if (dtok.period) {
      hour = PERIOD_DEFAULT[dtok.period] ?? DEFAULT_HOUR;
    }
    return { instant: rd.date.set({ hour, minute }), hasTime: !!ttok || !!dtok.period, spans: ttok ? [dtok, ttok] : [dtok], notes, label: rd.label, date: rd };
  }
  if (ttok) {
    // Time only: today if still ahead, else tomorrow.
    const today = ctx.now.startOf('day').set({ hour: ttok.hour, minute: ttok.minute });
    if (ttok.note) notes.push(ttok.note);
    if (today > ctx.now) return { instant: today, hasTime: true, spans: [ttok], notes, label: '今天' };
    notes.push(`今天${pad(ttok.hour)}:${pad(ttok.minute)}已经过了，按明天设置`);
    return { instant: today.plus({ days: 1 }), hasTime: true, spans: [ttok], notes, label: '明天' };
  }
  return chronoFallback(t, ctx, taken);
}

/** chrono zh.hans for forms the rules above don't know; only trusted when the day is certain. */
function chronoFallback(t: string, ctx: Ctx, taken: Span[]): WhenResult | null {
  const offset = ctx.now.offset; // chrono ignores IANA names; minutes work
  const results = chrono.zh.hans.parse(t, { instant: ctx.now.toJSDate(), timezone: offset }, { forwardDate: true });
  for (const r of results) {
    const span = { start: r.index, end: r.index + r.text.length };
    if (taken.some((s) => overlaps(s, span))) continue;
    // Relative "N后" forms are handled by our rules (chrono misreads 两小时后 with a timezone)
    if (/[后内]$/.test(r.text) || !r.start.isCertain('day')) continue;
    const d = DateTime.fromJSDate(r.start.date()).setZone(ctx.tz);
    const hasTime = r.start.isCertain('hour');
    const instant = hasTime ? d.startOf('minute') : d.startOf('day').set({ hour: DEFAULT_HOUR });
    const notes = [`“${r.text}”按${instant.year}年${instant.month}月${instant.day}日理解`];
    if (instant.year > ctx.now.year && !r.start.isCertain('year')) notes[0] += '（今年的已经过了）';
    return { instant, hasTime, spans: [span], notes, label: r.text };
  }
  return null;
}

const VAGUE = /(下个?工作日|下周|下个?月|明年|今年|月中|上旬|中旬|下旬|过几天|改天|晚些|稍后|待会|一会儿?)/;

function cleanWhat(t: string, spans: Span[]): string {
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
    .filter((s) => s && !/^[和与及、，,。；;：:的在要再也以]+$/.test(s))
    .join('，');
  w = w.replace(/^[，,、和与及：:的在在再]+|[，,、和与及。；;：:的在再]+$/g, '').trim();
  return w;
}

function parseOneOff(t: string, ctx: Ctx, leads: LeadTok[]): ReminderSpec {
  const when = findWhen(t, ctx, leads);
  if (!when) {
    if (VAGUE.test(t)) fail(`“${VAGUE.exec(t)?.[1] ?? ''}”不够具体，请说明具体日期和时间，例如“6月30日下午3点”或“下周五上午9点”。`);
    fail('什么时候提醒你？请带上时间，例如“明天上午9点提醒我改稿”“10分钟后提醒我”“6月30日前交报告，提前3天提醒”。');
  }
  const w = when;
  const notes = [...w.notes];
  const mainSpan = w.spans.reduce((a, b) => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }));
  const after = t.slice(mainSpan.end);
  const before = t.slice(0, mainSpan.start);
  const markAfter = /^(之前|以前|前|截止|为止|到期)(?!\d)/.exec(after);
  const markBefore = /(截止(?:到|至|日期|时间)?(?:是|为)?|最晚|不晚于|在)$/.exec(before);
  const isDeadline = !!markAfter || (!!markBefore && markBefore[1] !== '在') || leads.length > 0 || !!w.within;
  const spans: Span[] = [...w.spans, ...leads];
  if (markAfter) spans.push({ start: mainSpan.end, end: mainSpan.end + markAfter[0].length });
  if (markBefore && markBefore[1] !== '在') spans.push({ start: mainSpan.start - markBefore[0].length, end: mainSpan.start });
  const what = cleanWhat(t, spans);
  const now = ctx.now;
  const fmt = (d: DateTime, time = true) => formatInstant(toIso(d), ctx.tz, { time });

  let instant = w.instant;
  // Past handling: floating dates roll; yearless ones roll when the whole day is past.
  if (w.date?.roll && instant.startOf('day') < now.startOf('day')) {
    const rolled = w.date.roll();
    instant = rolled.date.set({ hour: instant.hour, minute: instant.minute });
    if (rolled.note) notes.push(rolled.note);
  } else if (w.date?.note) {
    notes.push(w.date.note);
  }

  if (!isDeadline) {
    if (instant <= now) {
      fail(`${fmt(instant)}已经过去了，无法设置。请换一个将来的时间，例如“明天上午9点”。`);
    }
    return { what, fires: [toIso(instant)], leads: [], notes };
  }

  // Deadline with leads
  const deadlineEnd = w.hasTime ? instant : instant.endOf('day');
  if (deadlineEnd <= now) fail(`截止时间${fmt(instant, w.hasTime)}已经过去了，无法按它设置提醒。`);
  const useLeads = leads.length ? leads : [{ start: 0, end: 0, n: 1, unit: 'day' as const, label: '提前1天' }];
  if (!leads.length) notes.push('没说提前多久，默认提前1天提醒');
  const base = w.hasTime ? instant : instant.set({ hour: DEFAULT_HOUR, minute: 0 });
  const fires: DateTime[] = [];
  const skipped: string[] = [];
  for (const l of useLeads) {
    if (!w.hasTime && (l.unit === 'hour' || l.unit === 'minute')) {
      fail(`截止日期没有具体时刻，“${l.label}”算不出提醒时间。请说明几点截止，例如“${w.label}下午5点前”。`);
    }
    const f = base.minus(durOf(l.n, l.unit));
    if (f <= now) skipped.push(`${l.label}（${fmt(f)}）`);
    else fires.push(f);
  }
  const uniq = [...new Map(fires.map((f) => [f.toMillis(), f])).values()].sort((a, b) => a.toMillis() - b.toMillis());
  if (!uniq.length) {
    const daysLeft = Math.floor(base.startOf('day').diff(now.startOf('day'), 'days').days);
    let offer: string;
    if (daysLeft >= 2) offer = `提醒我${w.label}前${what}，提前${daysLeft - 1}天提醒`;
    else if (daysLeft === 1 && base.minus({ days: 1 }) > now) offer = `提醒我${w.label}前${what}，提前1天提醒`;
    else if (base > now) offer = `${w.hasTime ? '' : '今天'}${pad(base.hour)}:${pad(base.minute)}提醒我${what}`;
    else offer = `1小时后提醒我${what}`;
    fail(`${skipped.join('、')}的提醒时间已经过了，但截止时间${fmt(instant, w.hasTime)}还没到。还来得及的话，可以这样说：“${offer}”。`);
  }
  if (skipped.length) notes.push(`${skipped.join('、')}已经过了，不再提醒`);
  return {
    what,
    deadline: toIso(w.hasTime ? instant : instant.startOf('day')),
    deadlineHasTime: w.hasTime,
    fires: uniq.map(toIso),
    leads: useLeads.filter((l) => !skipped.some((s) => s.startsWith(l.label))).map((l) => l.label),
    notes,
  };
}

// ---------- recurrence ----------

function parseRecurring(t: string, ctx: Ctx, rec: RegExpExecArray, leads: LeadTok[]): ReminderSpec {
  const kindRaw = rec[1] ?? '';
  const kind = kindRaw.replace(/^个/, '');
  const recSpan: Span = { start: rec.index, end: rec.index + rec[0].length };
  const spans: Span[] = [recSpan, ...leads];
  const rest = t;
  const taken = [recSpan, ...leads];
  const times = findTimes(rest, taken);
  if (times.length > 1) fail('周期提醒一次只能设一个时刻，请分开设置。');
  const tt = times[0];
  const hour = tt?.hour ?? DEFAULT_HOUR;
  const minute = tt?.minute ?? 0;
  const notes: string[] = [];
  if (tt) { spans.push(tt); if (tt.note) notes.push(tt.note); }
  const hhmm = `${pad(hour)}:${pad(minute)}`;
  if (leads.length > 1) fail('周期提醒暂时只支持一个提前量，请分开设置。');
  const lead = leads[0];
  const deadlineMark = /(?<!提)(之前|以前|前)(?!\d)/.exec(rest.slice(recSpan.end));
  let leadDays = 0;
  let leadLabel: string | undefined;
  if (lead) {
    if (lead.unit !== 'day' && lead.unit !== 'week') fail('周期提醒的提前量请按天或周说，例如“提前3天”。');
    leadDays = lead.unit === 'week' ? lead.n * 7 : lead.n;
    leadLabel = lead.label;
  } else if (deadlineMark && kind !== '天' && kind !== '日' && kind !== '工作日') {
    leadDays = 1; leadLabel = '提前1天';
    notes.push('没说提前多久，默认提前1天提醒');
  }
  if (deadlineMark) {
    const s = recSpan.end + deadlineMark.index;
    spans.push({ start: s, end: s + deadlineMark[0].length });
  }
  if (!Number.isInteger(leadDays)) fail('周期提醒的提前量请说整天数。');

  let cron: string;
  let description: string;
  const md = all(/(\d{1,2})月份?(\d{1,2}|底|末|最后1天)[日号]?/g, rest).filter((m) => !taken.some((s) => overlaps(s, { start: m.index, end: m.index + m[0].length })));
  const dayNums = all(/(?<!\d月份?|\d)(\d{1,2})[号日](?!\d)/g, rest).filter((m) => !md.some((x) => overlaps({ start: x.index, end: x.index + x[0].length }, { start: m.index, end: m.index + m[0].length })));
  const endWord = /(月底|月末|最后1天|底|末)/.exec(rest.slice(recSpan.end));
  const mark = (ms: RegExpExecArray[]) => ms.forEach((m) => spans.push({ start: m.index, end: m.index + m[0].length }));

  switch (kind) {
    case '年': case '半年': {
      if (!md.length) {
        fail(kind === '年' ? '每年几月几日提醒？例如“每年6月20日提醒我准备意识形态工作报告”。' : '每半年的哪一天提醒？例如“每半年6月20日提醒我……”（会在6月20日和12月20日各提醒一次）。');
      }
      mark(md);
      const items = md.map((m) => {
        const mo = Number(m[1]);
        if (mo < 1 || mo > 12) fail(`没有${mo}月，请检查日期。`);
        const dRaw = m[2] ?? '';
        if (/底|末|最后/.test(dRaw)) return { mo, d: 'L' as const };
        const d = Number(dRaw);
        if (mo === 2 && d === 29) fail('2月29日不是每年都有，请改成2月28日或“2月底”。');
        checkYmd(2025, mo, d);
        return { mo, d };
      });
      let list = items;
      if (kind === '半年') {
        if (items.length !== 1) fail('每半年提醒请只说一个日期，例如“每半年6月20日”。');
        const first = items[0]!;
        const other = ((first.mo + 5) % 12) + 1;
        if (first.d !== 'L') checkYmd(2025, other, first.d);
        list = [first, { mo: other, d: first.d }].sort((a, b) => a.mo - b.mo);
      }
      if (leadDays) {
        if (list.some((x) => x.d === 'L')) fail('“月底前提前N天”的周期提醒暂不支持，请直接说提醒日期，例如“每年6月27日”。');
        list = list.map((x) => {
          const d = DateTime.fromObject({ year: 2025, month: x.mo, day: x.d as number }).minus({ days: leadDays });
          return { mo: d.month, d: d.day };
        });
      }
      const days = new Set(list.map((x) => String(x.d)));
      if (days.size > 1) fail('这几个日期不是同一天号，无法合成一个周期提醒，请分开设置（例如先设“每年6月20日”，再设“每年12月25日”）。');
      const d = list[0]!.d;
      const months = [...new Set(list.map((x) => x.mo))].sort((a, b) => a - b);
      cron = `${minute} ${hour} ${d} ${months.join(',')} *`;
      description = `每年${list.map((x) => `${x.mo}月${x.d === 'L' ? '最后一天' : `${x.d}日`}`).join('、')} ${hhmm}`;
      break;
    }
    case '季度': case '季': {
      if (endWord || /季度?末/.test(rest)) {
        if (leadDays) fail('“季度末前提前N天”暂不支持，请直接说每季度几号提醒。');
        cron = `${minute} ${hour} L 3,6,9,12 *`;
        description = `每季度最后一天（3月、6月、9月、12月底） ${hhmm}`;
        if (endWord) spans.push({ start: recSpan.end + endWord.index, end: recSpan.end + endWord.index + endWord[0].length });
      } else if (dayNums.length === 1 || /季度?初/.test(rest)) {
        const d = dayNums.length ? Number(dayNums[0]![1]) : 1;
        mark(dayNums);
        const dd = d - leadDays;
        if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
        if (dd < 1) fail('提前量跨到了上个月，请直接说提醒日期。');
        cron = `${minute} ${hour} ${dd} 1,4,7,10 *`;
        description = `每季度首月（1月、4月、7月、10月）${dd}日 ${hhmm}`;
      } else {
        fail('每季度的哪一天提醒？例如“每季度末”或“每季度10号”。');
      }
      break;
    }
    case '月': {
      if (endWord && !dayNums.length) {
        if (leadDays) fail('“月底前提前N天”的周期提醒暂不支持，请直接说每月几号提醒，例如“每月27号”。');
        spans.push({ start: recSpan.end + endWord.index, end: recSpan.end + endWord.index + endWord[0].length });
        cron = `${minute} ${hour} L * *`;
        description = `每月最后一天 ${hhmm}`;
        break;
      }
      if (!dayNums.length) {
        if (/月初/.test(rest)) { cron = `${minute} ${hour} 1 * *`; description = `每月1日 ${hhmm}`; spans.push(...all(/月初/g, rest).map((m) => ({ start: m.index, end: m.index + m[0].length }))); break; }
        fail('每月几号提醒？例如“每月25号提醒我报送舆情台账”或“每月底”。');
      }
      mark(dayNums);
      const ds = [...new Set(dayNums.map((m) => Number(m[1])))].sort((a, b) => a - b);
      for (const d of ds) if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
      const shifted = ds.map((d) => d - leadDays);
      if (shifted.some((d) => d < 1)) fail('提前量跨到了上个月，请直接说每月几号提醒。');
      if (shifted.length === 1 && shifted[0] === 31) {
        cron = `${minute} ${hour} L * *`;
        description = `每月最后一天 ${hhmm}`;
        notes.push('不是每个月都有31日，按每月最后一天提醒');
      } else {
        cron = `${minute} ${hour} ${shifted.join(',')} * *`;
        description = `每月${shifted.map((d) => `${d}日`).join('、')} ${hhmm}`;
        if (shifted.some((d) => d >= 29)) notes.push(`没有${shifted.filter((d) => d >= 29).join('、')}日的月份不提醒（要每月最后一天请说“每月底”）`);
      }
      break;
    }
    case '周': case '星期': case '礼拜': {
      const wdRe = /(?:周|星期|礼拜)?([1-7一二三四五六日天])/y;
      const days: number[] = [];
      let rangeNext = false;
      let i = recSpan.end;
      for (;;) {
        wdRe.lastIndex = i;
        const m = wdRe.exec(rest);
        if (!m) break;
        const ch = m[1] ?? '';
        const n = /[日天7]/.test(ch) ? 0 : '一二三四五六'.indexOf(ch) + 1 || Number(ch);
        const prev = days[days.length - 1];
        if (rangeNext && prev !== undefined) {
          // 周一至周五: fill the range (Sunday as 7 so 周一到周日 works)
          const end = n === 0 ? 7 : n;
          for (let k = prev + 1; k <= end; k++) days.push(k % 7);
        } else {
          days.push(n);
        }
        i = wdRe.lastIndex;
        const sep = /^([和、,，及与]|至|到|-|~)(?=(?:周|星期|礼拜)?[1-7一二三四五六日天])/.exec(rest.slice(i));
        if (!sep) break;
        rangeNext = !/[和、,，及与]/.test(sep[1] ?? '');
        i += sep[0].length;
      }
      if (!days.length) fail('每周几提醒？例如“每周五下午3点提醒我交周报”。');
      spans.push({ start: recSpan.end, end: i });
      const shifted = [...new Set(days.map((d) => (((d - leadDays) % 7) + 7) % 7))].sort((a, b) => (a || 7) - (b || 7));
      const wdName = (d: number) => (d === 0 ? '日' : '一二三四五六'[d - 1] ?? '');
      if (shifted.length === 7) {
        cron = `${minute} ${hour} * * *`;
        description = `每天 ${hhmm}`;
      } else {
        cron = `${minute} ${hour} * * ${[...shifted].sort((a, b) => a - b).join(',')}`;
        description = `每周${shifted.map(wdName).join('、')} ${hhmm}`;
      }
      break;
    }
    case '天': case '日': {
      cron = `${minute} ${hour} * * *`;
      description = `每天 ${hhmm}`;
      break;
    }
    case '工作日': {
      cron = `${minute} ${hour} * * 1-5`;
      description = `每个工作日（周一至周五） ${hhmm}`;
      notes.push('按周一至周五计算，不识别法定节假日和调休');
      break;
    }
    default:
      return fail('没看懂这个周期，请说“每年/每半年/每季度/每月/每周/每天”。');
  }
  const what = cleanWhat(t, spans);
  return {
    what,
    fires: [],
    recurrence: { cron, tz: ctx.tz, description, next: nextCronFires(cron, ctx.tz, ctx.now.toJSDate(), 3) },
    leads: leadLabel ? [leadLabel] : [],
    notes,
  };
}

function stripMentions(text: string): string {
  return text.replace(/@_user_\d+/g, ' ').replace(/<at[^>]*>.*?<\/at>/g, ' ').replace(/^\s*@\S+\s+/, '').trim();
}
