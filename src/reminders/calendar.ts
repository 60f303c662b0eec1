// The office calendar: Chinese statutory holidays and 调休 working days. Three sources, by precedence:
// an arrangement the operator loaded (HOLIDAY_PATH, see arrangement.ts) > the `chinese-days` package's
// data > the rule of 《全国年节及纪念日放假办法》 (holidays.ts), which knows every year but not 调休.
import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';
import type { Arrangement } from './arrangement.js';
import { ruleRestDays } from './holidays.js';

/** Where a year's calendar comes from: a loaded file, the package, or the rule only (调休 unknown). */
export type CalendarSource = 'loaded' | 'package' | 'rule';

export interface DayInfo {
  work: boolean;
  /** Chinese holiday name (国庆节, 春节 …) for statutory holidays and 调休 days; undefined for plain days. */
  holiday?: string;
  /** A weekend day that is a working day (调休上班). */
  makeup: boolean;
  /** The year's official arrangement is known (loaded or packaged); false: the rule only, 调休 unknown. */
  covered: boolean;
  source: CalendarSource;
  /** A 补假 rest day computed from the rule, whose date is not official yet. */
  tentative?: boolean;
}

let loaded: Arrangement[] = [];
const loadedDays = new Map<string, { work: boolean; name: string }>();
const loadedYears = new Map<number, string>();

/** Installs the operator's arrangements (replacing earlier ones); later files win on the same day. */
export function setArrangements(list: readonly Arrangement[]): void {
  loaded = [...list];
  loadedDays.clear();
  loadedYears.clear();
  for (const a of loaded) {
    for (const [date, day] of a.days) loadedDays.set(date, day);
    for (const y of a.years) loadedYears.set(y, a.origin);
  }
}

// The library works on the process's local calendar; local noon of the civil date avoids any zone shift.
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);
const packaged = new Map<number, boolean>();

/** Whether the package has `year`'s arrangement (元旦 is a holiday in every published year). */
function packageHas(year: number): boolean {
  let c = packaged.get(year);
  if (c === undefined) {
    c = chineseDays.getDayDetail(local(year, 1, 1)).name.includes('元旦');
    packaged.set(year, c);
  }
  return c;
}

/** Where `year`'s calendar comes from; `origin` names the loaded file. */
export function calendarSource(year: number): { source: CalendarSource; origin?: string } {
  const origin = loadedYears.get(year);
  if (origin) return { source: 'loaded', origin };
  return { source: packageHas(year) ? 'package' : 'rule' };
}

/** Whether `year`'s official arrangement (with 调休) is known. */
export const yearCovered = (year: number): boolean => calendarSource(year).source !== 'rule';

/** The one plain line every answer relying on rule-only years carries. */
export function uncoveredLine(years: Iterable<number>): string | undefined {
  const ys = [...new Set(years)].filter((y) => !yearCovered(y)).sort((a, b) => a - b);
  if (!ys.length) return undefined;
  return `${ys.join('、')}年调休尚未公布：法定节假日按《全国年节及纪念日放假办法》推算，补假和调休上班日以国务院办公厅通知为准`;
}

/** The civil date of `d` (any zone) as a working-day fact. */
export function dayInfo(d: DateTime): DayInfo {
  const key = d.toISODate() ?? '';
  const weekend = d.weekday >= 6;
  const { source } = calendarSource(d.year);
  const own = loadedDays.get(key);
  if (own) return { work: own.work, holiday: own.name || undefined, makeup: own.work && weekend, covered: true, source: 'loaded' };
  if (source === 'loaded') return { work: !weekend, makeup: false, covered: true, source };
  if (source === 'package') {
    const detail = chineseDays.getDayDetail(local(d.year, d.month, d.day));
    // name is "English,中文,n" for listed days, or the weekday's English name otherwise
    const parts = detail.name.split(',');
    const holiday = parts.length >= 2 ? parts[1] : undefined;
    return { work: detail.work, holiday, makeup: detail.work && weekend, covered: true, source };
  }
  const rule = ruleRestDays(d.year).get(key);
  if (rule) return { work: false, holiday: rule.name, makeup: false, covered: false, source, ...(rule.substitute ? { tentative: true } : {}) };
  return { work: !weekend, makeup: false, covered: false, source };
}

export const isWorkday = (d: DateTime): boolean => dayInfo(d).work;

/** The same time on the nearest working day at or before (`prev`) / after (`next`) `d`. */
export function toWorkday(d: DateTime, dir: 'prev' | 'next'): DateTime {
  let x = d;
  for (let i = 0; i < 40 && !isWorkday(x); i++) x = x.plus({ days: dir === 'prev' ? -1 : 1 });
  return x;
}

/** `n` working days after (n > 0) or before (n < 0) `d`, keeping the time of day. */
export function addWorkdays(d: DateTime, n: number): DateTime {
  let x = d;
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    x = x.plus({ days: step });
    if (isWorkday(x)) left--;
  }
  return x;
}

/** First / last working day of the month `d` is in (time of day kept). */
export function firstWorkdayOfMonth(d: DateTime): DateTime {
  return toWorkday(d.set({ day: 1 }), 'next');
}
export function lastWorkdayOfMonth(d: DateTime): DateTime {
  return toWorkday(d.set({ day: d.daysInMonth ?? 28 }), 'prev');
}

/**
 * The first working day after each multi-day statutory holiday (节后第一个工作日), strictly after `d`'s date.
 * A "holiday" here is a run of ≥ 3 non-working days that includes a named statutory holiday.
 */
export function nextAfterHoliday(d: DateTime): DateTime | undefined {
  const from = d.startOf('day');
  // Start a little earlier so a holiday already under way when `d` falls is seen whole.
  let x = from.minus({ days: 12 });
  const end = from.plus({ days: 400 });
  let run = 0;
  let named = false;
  for (; x < end; x = x.plus({ days: 1 })) {
    const info = dayInfo(x);
    if (!info.work) {
      run++;
      if (info.holiday) named = true;
      continue;
    }
    if (run >= 3 && named && x > from) return x.set({ hour: d.hour, minute: d.minute, second: d.second });
    run = 0;
    named = false;
  }
  return undefined;
}

/** Why a day is not a working day, in Chinese: "国庆节假期", "春节补假" or "星期六". */
export function restReason(d: DateTime): string {
  const info = dayInfo(d);
  if (info.holiday) return `${info.holiday}${info.tentative ? '补假' : '假期'}`;
  return `星期${'一二三四五六日'[d.weekday - 1] ?? ''}`;
}
