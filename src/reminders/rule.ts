// The one recurrence model at work: a Rule's instants, the fires they give on the office calendar (rest
// days moved or skipped, leads before deadlines), deadlines, and descriptions. Pure. Hand-written rather
// than the `rrule` package: 节后第一个工作日 is no RRULE, rrule hands back zone-less "floating" dates that
// would need converting both ways, and months × days, weekdays and every n weeks fit in the generator below.
import { DateTime } from 'luxon';
import { addWorkdays, firstWorkdayOfMonth, isWorkday, lastWorkdayOfMonth, nextAfterHoliday } from './calendar.js';
import { toIso, WEEKDAY_CN } from './cn-time.js';
import { moveToWorkday } from './occurrences.js';
import type { Lead, RecurrenceSpec, Rule } from './types.js';

export type { Lead, RecurrenceSpec, Rule } from './types.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** How far the generators look before giving up (a rule no month can satisfy ends instead of spinning). */
const MAX_MONTHS = 1200;
const MAX_DAYS = 40_000;

/** The day `d` (1–31, -1 = last) of the month `m` starts, or undefined when the month has no such day. */
function dayOf(m: DateTime, d: number): DateTime | undefined {
  const len = m.daysInMonth ?? 28;
  if (d === -1) return m.set({ day: len });
  return d >= 1 && d <= len ? m.set({ day: d }) : undefined;
}

/** The rule's instants from the start of `from`'s day on, ascending; unbounded in time, the caller stops. */
export function* instants(rule: Rule, tz: string, from: DateTime): Generator<DateTime> {
  const start = from.setZone(tz).startOf('day');
  const at = (d: DateTime) => d.set({ hour: rule.hour, minute: rule.minute, second: 0, millisecond: 0 });
  switch (rule.freq) {
    case 'daily':
      for (let i = 0, d = start; i < MAX_DAYS; i++, d = d.plus({ days: 1 })) yield at(d);
      return;
    case 'weekly': {
      const days = [...(rule.weekdays ?? [])].sort((a, b) => a - b);
      const n = Math.max(1, rule.interval ?? 1);
      let monday = start.minus({ days: start.weekday - 1 });
      if (n > 1) {
        const anchor = DateTime.fromISO(rule.anchor ?? '', { zone: tz }).startOf('day');
        const weeks = Math.round(monday.diff(anchor.isValid ? anchor : monday, 'days').days / 7);
        const rem = ((weeks % n) + n) % n;
        if (rem) monday = monday.plus({ weeks: n - rem });
      }
      for (let i = 0; i < MAX_DAYS / 7 && days.length; i++, monday = monday.plus({ weeks: n })) {
        for (const wd of days) {
          const d = monday.plus({ days: wd - 1 });
          if (d >= start) yield at(d);
        }
      }
      return;
    }
    case 'monthly':
    case 'yearly': {
      const months = rule.freq === 'yearly' ? new Set(rule.months ?? []) : undefined;
      for (let i = 0, m = start.startOf('month'); i < MAX_MONTHS; i++, m = m.plus({ months: 1 })) {
        if (months && !months.has(m.month)) continue;
        if (rule.workday) {
          const d = rule.workday === 'first' ? firstWorkdayOfMonth(m) : lastWorkdayOfMonth(m);
          if (d >= start) yield at(d);
          continue;
        }
        const days = (rule.monthDays ?? []).map((d) => dayOf(m, d)).filter((d): d is DateTime => !!d && d >= start);
        // -1 and 31 can name the same day.
        const seen = new Set<number>();
        for (const d of days.sort((a, b) => a.toMillis() - b.toMillis())) if (!seen.has(d.day) && seen.add(d.day)) yield at(d);
      }
      return;
    }
    case 'afterHoliday': {
      let d: DateTime | undefined = start.minus({ days: 1 });
      while ((d = d && nextAfterHoliday(d))) yield at(d);
      return;
    }
  }
}

export interface Occurrence {
  /** When it fires. */
  at: DateTime;
  /** The rule's own instant: the deadline of a deadline rule; for other rules the instant before any move. */
  base: DateTime;
  /** The lead this fire is, for a deadline rule. */
  lead?: Lead;
}

export const isDeadlineRule = (r: RecurrenceSpec): boolean => !!r.leads?.length;

/** The fires of one instant of the rule. */
function firesOf(r: RecurrenceSpec, base: DateTime): Occurrence[] {
  if (!r.leads?.length) {
    if (r.shift === 'skip') return isWorkday(base) ? [{ at: base, base }] : [];
    return [{ at: r.shift === 'keep' ? base : moveToWorkday(base, r.shift).at, base }];
  }
  return r.leads.map((lead) => {
    if (lead.unit === 'workday') return { at: addWorkdays(base, -lead.n), base, lead };
    const back = base.minus({ days: lead.unit === 'week' ? lead.n * 7 : lead.n });
    let at = r.shift === 'keep' ? back : moveToWorkday(back, r.shift === 'next' ? 'next' : 'prev').at;
    // 顺延 must not carry a reminder past its deadline.
    if (at > base.endOf('day')) at = moveToWorkday(back, 'prev').at;
    return { at, base, lead };
  });
}

/** How far before its instant a fire can come (leads, moves off long holidays). */
function lookBackDays(r: RecurrenceSpec): number {
  const lead = Math.max(0, ...(r.leads ?? []).map((l) => (l.unit === 'week' ? l.n * 7 : l.unit === 'workday' ? l.n * 2 + 10 : l.n)));
  return 40 + lead;
}

/** The next `count` fires strictly after `after`, in order, without repeats. */
export function nextOccurrences(r: RecurrenceSpec, after: DateTime, count = 3): Occurrence[] {
  const after0 = after.setZone(r.tz);
  const movable = r.shift !== 'keep' || isDeadlineRule(r);
  const from = movable ? after0.minus({ days: lookBackDays(r) }) : after0;
  const found: Occurrence[] = [];
  let n = 0;
  const ov = r.override;
  for (const base of instants(r.rule, r.tz, from)) {
    if (++n > 5000) break;
    for (const o of firesOf(r, base)) {
      const at = ov && toIso(o.at) === ov.replaces ? DateTime.fromISO(ov.at).setZone(r.tz) : o.at;
      if (at > after0) found.push({ ...o, at });
    }
    // A moved fire (an override, a long lead) can land after later ones: collect a few more, then stop.
    if (found.length >= count + 2 + (r.leads?.length ?? 0) && base > after0) break;
  }
  // Two fires moved onto the same instant fire once.
  const seen = new Set<number>();
  return found.sort((a, b) => a.at.toMillis() - b.at.toMillis())
    .filter((o) => !seen.has(o.at.toMillis()) && seen.add(o.at.toMillis()))
    .slice(0, count);
}

/** How many next fires a confirmation lists: three, or two deadlines' worth when there are several leads. */
export const listedCount = (r: RecurrenceSpec): number => Math.min(6, Math.max(3, 2 * (r.leads?.length ?? 0)));

export const nextIso = (r: RecurrenceSpec, after: Date, count = listedCount(r)) =>
  nextOccurrences(r, DateTime.fromJSDate(after), count).map((o) => toIso(o.at));

/** Notes for the next fires that were moved off a rest day (a plain rule's, or a calendar-day lead's). */
export function movedNotes(r: RecurrenceSpec, occ: Occurrence[]): string[] {
  if (r.shift === 'keep' || r.shift === 'skip') return [];
  const notes = occ.flatMap((o) => {
    if (o.lead?.unit === 'workday') return [];
    const said = o.lead ? o.base.minus({ days: o.lead.unit === 'week' ? o.lead.n * 7 : o.lead.n }) : o.base;
    if (o.at.hasSame(said, 'day')) return [];
    const dir = o.at < said ? 'prev' : 'next';
    return [moveToWorkday(said, dir).note ?? ''];
  });
  return [...new Set(notes.filter(Boolean))];
}

/** The deadline day (its start) of an instant of a deadline rule; a rest day stays as said, like one-off deadlines. */
export const deadlineDayOf = (r: RecurrenceSpec, base: DateTime): DateTime => base.setZone(r.tz).startOf('day');

/** The first deadline day of a deadline rule strictly after `after`; “只改下一次” moves a fire, never a deadline. */
export function nextDeadline(r: RecurrenceSpec, after: DateTime): DateTime | undefined {
  const after0 = after.setZone(r.tz);
  let n = 0;
  for (const base of instants(r.rule, r.tz, after0.minus({ days: 1 }))) {
    if (++n > 5000) return undefined;
    const day = deadlineDayOf(r, base);
    if (day > after0) return day;
  }
  return undefined;
}

/** The occurrence a fire at `ms` belongs to (undefined for a fire the rule does not produce). */
export function occurrenceAt(r: RecurrenceSpec, ms: number): Occurrence | undefined {
  const o = nextOccurrences(r, DateTime.fromMillis(ms - 1), 1)[0];
  return o && o.at.toMillis() === ms ? o : undefined;
}

const dayText = (d: number) => (d === -1 ? '最后一天' : `${d}日`);
const sameList = (a: number[] | undefined, b: number[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);

/** The rule in Chinese without the time: 每月25日, 每周一、三, 每季度最后一天（3月、6月、9月、12月底）. */
export function describeDays(rule: Rule): string {
  const days = [...(rule.monthDays ?? [])].sort((a, b) => (a === -1 ? 99 : a) - (b === -1 ? 99 : b));
  switch (rule.freq) {
    case 'daily':
      return '每天';
    case 'weekly': {
      const wds = [...(rule.weekdays ?? [])].sort((a, b) => a - b);
      const n = rule.interval ?? 1;
      if (n > 1) return `每${n}周的星期${wds.map((d) => WEEKDAY_CN[d - 1]).join('、')}`;
      return wds.length === 7 ? '每天' : `每周${wds.map((d) => WEEKDAY_CN[d - 1]).join('、')}`;
    }
    case 'monthly':
      if (rule.workday) return `每月${rule.workday === 'first' ? '第一个' : '最后一个'}工作日`;
      return `每月${days.map(dayText).join('、')}`;
    case 'yearly': {
      const months = [...(rule.months ?? [])].sort((a, b) => a - b);
      const day = days.map(dayText).join('、');
      if (sameList(months, [1, 4, 7, 10]) && days[0] !== -1) return `每季度首月（1月、4月、7月、10月）${day}`;
      if (sameList(months, [3, 6, 9, 12]) && days.length === 1 && days[0] === -1) return '每季度最后一天（3月、6月、9月、12月底）';
      if (sameList(months, [6, 12]) && days.length === 1 && days[0] === -1) return '每半年最后一天（6月、12月底）';
      return `每年${months.map((m) => `${m}月${day}`).join('、')}`;
    }
    case 'afterHoliday':
      return '每个法定长假后的第一个工作日';
  }
}

/** The rule in Chinese with its time: “每月25日 09:00”. */
export const describeRule = (rule: Rule): string => `${describeDays(rule)} ${pad(rule.hour)}:${pad(rule.minute)}`;

/** A description with its trailing time replaced. */
export const withTimeText = (description: string, hour: number, minute: number): string =>
  description.replace(/\d\d:\d\d$/, `${pad(hour)}:${pad(minute)}`);
