// Statutory holidays of any year, from the rule itself: 《全国年节及纪念日放假办法》 (国务院令, as
// amended 2024-11-10, in force 2025-01-01). 第二条: 元旦 1 day (1 January); 春节 4 days (除夕 to
// 正月初三); 清明节 1 day (the 清明 solar term); 劳动节 2 days (1–2 May); 端午节 1 day (五月初五);
// 中秋节 1 day (八月十五); 国庆节 3 days (1–3 October). 第六条: a holiday for all citizens that falls on
// a Saturday or Sunday is made up (补假) on working days. The 国务院办公厅 publishes each year's exact
// arrangement (with 调休 working days) late in the year before; until then this is what is known.
// Lunar dates and the solar term come from `chinese-days`; only the rule's arithmetic is ours.
import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';

export interface RuleDay {
  /** 元旦, 春节, 清明节 … */
  name: string;
  /** A 补假 day (第六条): a rest day whose date the official arrangement has not fixed yet. */
  substitute: boolean;
}

const iso = (d: DateTime) => d.toISODate() ?? '';
const civil = (s: string) => DateTime.fromISO(s, { zone: 'UTC' });
/** The Gregorian date of a (non-leap) lunar month/day in the lunar year that starts in `year`. */
const lunar = (year: number, month: number, day: number) =>
  civil(chineseDays.getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date);

/** The statutory holidays of `year`, grouped by festival (each group's days in order). */
export function statutoryHolidays(year: number): { name: string; days: DateTime[] }[] {
  const d = (m: number, day: number) => DateTime.fromObject({ year, month: m, day }, { zone: 'UTC' });
  const newYear = lunar(year, 1, 1);
  const eve = newYear.minus({ days: 1 });
  const qingming = civil(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'));
  return [
    { name: '元旦', days: [d(1, 1)] },
    { name: '春节', days: [0, 1, 2, 3].map((k) => eve.plus({ days: k })) },
    { name: '清明节', days: [qingming] },
    { name: '劳动节', days: [d(5, 1), d(5, 2)] },
    { name: '端午节', days: [lunar(year, 5, 5)] },
    { name: '中秋节', days: [lunar(year, 8, 15)] },
    { name: '国庆节', days: [d(10, 1), d(10, 2), d(10, 3)] },
  ];
}

const cache = new Map<number, Map<string, RuleDay>>();

/** Every rest day the rule gives `year` (ISO date → day): the statutory days and their 补假. */
export function ruleRestDays(year: number): Map<string, RuleDay> {
  const hit = cache.get(year);
  if (hit) return hit;
  const out = new Map<string, RuleDay>();
  const groups = statutoryHolidays(year);
  for (const g of groups) for (const day of g.days) out.set(iso(day), { name: g.name, substitute: false });
  // 第六条: each statutory day on a weekend gives one 补假 on the next weekday that is not already a rest day.
  for (const g of groups) {
    let owed = g.days.filter((day) => day.weekday >= 6).length;
    let x = g.days[g.days.length - 1]!;
    while (owed > 0) {
      x = x.plus({ days: 1 });
      if (x.weekday >= 6 || out.has(iso(x))) continue;
      out.set(iso(x), { name: g.name, substitute: true });
      owed--;
    }
  }
  cache.set(year, out);
  return out;
}
