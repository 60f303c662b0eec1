// Date resolution for reminder commands: rule-based date tokens, the single point in time, chrono fallback.
// Only the Chinese locale: the package's root loads all fifteen (about 11 MB in each process, issue 25 item 3).
import * as chronoZh from 'chrono-node/zh';
import { DateTime } from 'luxon';
import { addWorkdays, firstWorkdayOfMonth, lastWorkdayOfMonth, nextAfterHoliday, toWorkday } from './calendar.js';
import { all, DEFAULT_HOUR, durOf, fail, findTimes, overlaps, pad, PERIOD_DEFAULT, pick, spanOf, unitOf, weekdayNum, type Ctx, type DateTok, type RelTok, type Span } from './tokens.js';

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
  { rule: 'nextWorkday', re: /下1?个工作日/g },
  { rule: 'afterHoliday', re: /(?:节后|假期后|假期结束后|放假回来|收假后)(?:的)?(?:第1个|首个)?(?:工作日|上班(?:第1天|首日|第1天)?)/g },
  { rule: 'monthWorkday', re: /(本月|这个月|当月|下下个?月|下个?月)?(?:的)?(第1个|最后1个)工作日/g },
  { rule: 'dayOnly', re: /(?<![月\d年])(\d{1,2})[号日](?![后前]\d)/g },
];
const REL_RE = /(\d+|半)(个)?(半)?(分钟|分|小时|钟头|工作日|天|日|周|星期|礼拜|月|年)(后|之后|以后|内|之内|以内)/g;

/** 下个月 / 下季度 → 1, 下下… → 2, otherwise 0. */
const ahead = (w: string) => (w.startsWith('下下') ? 2 : w.startsWith('下') ? 1 : 0);

function findDates(t: string, taken: Span[]): DateTok[] {
  const cands: DateTok[] = [];
  for (const { rule, re } of DATE_RULES) {
    for (const m of all(re, t)) {
      const tok: DateTok = { rule, m, ...spanOf(m) };
      if (rule === 'dayWord' && /晚/.test(m[1] ?? '')) tok.period = '晚上';
      if (rule === 'dayWord' && /早/.test(m[1] ?? '')) tok.period = '上午';
      cands.push(tok);
    }
  }
  return pick(cands, taken);
}

export function checkYmd(y: number, m: number, d: number): void {
  if (m < 1 || m > 12) fail(`没有${m}月，请检查日期。`);
  const dim = DateTime.fromObject({ year: y, month: m, day: 1 }).daysInMonth ?? 31;
  if (d < 1 || d > dim) {
    if (m === 2 && d === 29) fail(`${y}年2月没有29日，请检查日期。`);
    fail(`${m}月没有${d}日，请检查日期。`);
  }
}

export interface ResolvedDate {
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
      const add = ahead(w);
      const base = today.startOf('month').plus({ months: add });
      return { date: mk(base.year, base.month, Number(m[2])), label: m[0] };
    }
    case 'relMonthEnd': {
      const w = m[1] ?? '';
      const add = ahead(w);
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
      const add = ahead(w);
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
      const wd = ch === '末' ? 6 : weekdayNum(ch);
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
    case 'nextWorkday': {
      return { date: toWorkday(today.plus({ days: 1 }), 'next'), label: '下一个工作日' };
    }
    case 'afterHoliday': {
      const d = nextAfterHoliday(today);
      if (!d) fail('没有找到接下来的节假日，请直接说日期。');
      return { date: d, label: '节后第一个工作日', note: `节后第一个工作日按${d.month}月${d.day}日理解` };
    }
    case 'monthWorkday': {
      const w = m[1] ?? '';
      const first = (m[2] ?? '').startsWith('第');
      const at = (k: number) => {
        const b = today.startOf('month').plus({ months: k });
        return first ? firstWorkdayOfMonth(b) : lastWorkdayOfMonth(b);
      };
      const label = `${first ? '第一个' : '最后一个'}工作日`;
      const res: ResolvedDate = { date: at(ahead(w)), label };
      if (!w) res.roll = () => ({ date: at(1), label, note: `本月的${label}已经过了，按下个月的${label}（${at(1).month}月${at(1).day}日）设置` });
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

export interface WhenResult {
  instant: DateTime; hasTime: boolean; spans: Span[]; notes: string[]; label: string; date?: ResolvedDate;
  /** "3天内": the point is a deadline. */
  within?: boolean;
}

/** Finds the single point in time the text talks about; null if none. */
export function findWhen(t: string, ctx: Ctx, taken: Span[]): WhenResult | null {
  const rels: RelTok[] = pick(all(REL_RE, t).map((m) => {
    const unit = unitOf(m[4]);
    let n = m[1] === '半' ? 0.5 : Number(m[1]);
    if (m[3]) n += 0.5;
    return { ...spanOf(m), n, unit, within: /内/.test(m[5] ?? '') };
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
    const today = ctx.now.startOf('day');
    const day = rel.unit === 'workday' ? addWorkdays(today, rel.n) : today.plus(durOf(rel.n, rel.unit));
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
  const results = chronoZh.hans.parse(t, { instant: ctx.now.toJSDate(), timezone: offset }, { forwardDate: true });
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
