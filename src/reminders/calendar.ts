// The office calendar: Chinese statutory holidays and 调休 working days, from `chinese-days`.
// Years the library has no data for fall back to weekends only, with one log line per year.
import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';

export interface DayInfo {
  work: boolean;
  /** Chinese holiday name (国庆节, 春节 …) for statutory holidays and 调休 days; undefined for plain days. */
  holiday?: string;
  /** A weekend day that is a working day (调休上班). */
  makeup: boolean;
  /** The library has this year's arrangement; false means weekends only. */
  covered: boolean;
}

type Warn = (obj: object, msg: string) => void;
let warn: Warn | undefined;
const warnedYears = new Set<number>();
const coveredYears = new Map<number, boolean>();

/** Where the one "year not covered" line goes (the app passes its logger). */
export function setCalendarLogger(w: Warn | undefined): void {
  warn = w;
}

// The library works on the process's local calendar; local noon of the civil date avoids any zone shift.
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);

/** Whether the library has the arrangement for `year` (元旦 is a holiday in every published year). */
export function yearCovered(year: number): boolean {
  let c = coveredYears.get(year);
  if (c === undefined) {
    c = chineseDays.getDayDetail(local(year, 1, 1)).name.includes('元旦');
    coveredYears.set(year, c);
  }
  if (!c && !warnedYears.has(year)) {
    warnedYears.add(year);
    warn?.({ year }, 'chinese-days has no holiday data for this year: working days are weekdays only (statutory holidays and 调休 are not known)');
  }
  return c;
}

/** The civil date of `d` (any zone) as a working-day fact. */
export function dayInfo(d: DateTime): DayInfo {
  const covered = yearCovered(d.year);
  const weekend = d.weekday >= 6;
  if (!covered) return { work: !weekend, makeup: false, covered };
  const detail = chineseDays.getDayDetail(local(d.year, d.month, d.day));
  // name is "English,中文,n" for listed days, or the weekday's English name otherwise
  const parts = detail.name.split(',');
  const holiday = parts.length >= 2 ? parts[1] : undefined;
  return { work: detail.work, holiday, makeup: detail.work && weekend, covered };
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

/** Why a day is not a working day, in Chinese: "国庆节假期" or "星期六". */
export function restReason(d: DateTime): string {
  const info = dayInfo(d);
  if (info.holiday) return `${info.holiday}假期`;
  return `星期${'一二三四五六日'[d.weekday - 1] ?? ''}`;
}
