// Fire times on working days: moving single instants, and the next occurrences of a recurrence.
// Pure (the calendar is static data). Recurring reminders are scheduled one occurrence at a time from here,
// because a cron pattern cannot say "the previous working day when the 25th is a holiday".
import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import { addWorkdays, dayInfo, firstWorkdayOfMonth, isWorkday, lastWorkdayOfMonth, nextAfterHoliday, restReason, toWorkday } from './calendar.js';
import { toIso, WEEKDAY_CN } from './cn-time.js';
import type { RecurrenceSpec, Shift } from './tokens.js';

const md = (d: DateTime) => `${d.month}月${d.day}日（星期${WEEKDAY_CN[d.weekday - 1] ?? ''}）`;

export interface Moved { at: DateTime; note?: string }

/** Moves an instant off a rest day per `shift`; the note says when and why. A move into the past goes forward instead. */
export function moveToWorkday(d: DateTime, shift: Shift, now?: DateTime): Moved {
  if (shift === 'keep' || isWorkday(d)) return { at: d };
  let dir: 'prev' | 'next' = shift;
  let at = toWorkday(d, dir);
  if (dir === 'prev' && now && at <= now) {
    dir = 'next';
    at = toWorkday(d, 'next');
  }
  const why = dayInfo(d).holiday ? `${md(d)}是${restReason(d)}` : `${d.month}月${d.day}日是${restReason(d)}`;
  const makeup = dayInfo(at).makeup ? '，调休上班日' : '';
  return { at, note: `${why}，提醒${dir === 'prev' ? '提前' : '顺延'}到${md(at)}${makeup}` };
}

export interface Occurrence {
  /** When it fires. */
  at: DateTime;
  /** The rule's own instant before the working-day move (the deadline for lead-time rules). */
  base: DateTime;
}

function hm(r: RecurrenceSpec): { hour: number; minute: number } {
  if (r.rule) return { hour: r.rule.hour, minute: r.rule.minute };
  const f = r.cron.trim().split(/\s+/);
  const [mi, h] = f.length === 6 ? [f[1], f[2]] : [f[0], f[1]];
  return { hour: Number(h) || 0, minute: Number(mi) || 0 };
}

/** Base instants of the rule from `from` on (ascending, unbounded; the caller stops). */
function* baseInstants(r: RecurrenceSpec, from: DateTime): Generator<DateTime> {
  const { hour, minute } = hm(r);
  const rule = r.rule;
  if (!rule) {
    const it = CronExpressionParser.parse(r.cron, { tz: r.tz, currentDate: from.toJSDate() });
    for (;;) yield DateTime.fromJSDate(it.next().toDate()).setZone(r.tz);
  }
  const at = (d: DateTime) => d.set({ hour, minute, second: 0, millisecond: 0 });
  switch (rule.kind) {
    case 'firstWorkday': case 'lastWorkday': {
      let m = from.startOf('month');
      for (;;) {
        yield at(rule.kind === 'firstWorkday' ? firstWorkdayOfMonth(m) : lastWorkdayOfMonth(m));
        m = m.plus({ months: 1 });
      }
    }
    case 'workdays': {
      for (let d = from.startOf('day'); ; d = d.plus({ days: 1 })) if (isWorkday(d)) yield at(d);
    }
    case 'afterHoliday': {
      let d: DateTime | undefined = from.startOf('day').minus({ days: 1 });
      while ((d = d && nextAfterHoliday(d))) yield at(d);
      return;
    }
    case 'everyWeeks': {
      const anchor = DateTime.fromISO(rule.anchor, { zone: r.tz }).startOf('day');
      let monday = from.startOf('day').minus({ days: from.weekday - 1 });
      const weeks = Math.floor(monday.diff(anchor, 'days').days / 7);
      const rem = ((weeks % rule.n) + rule.n) % rule.n;
      if (rem) monday = monday.plus({ weeks: rule.n - rem });
      for (;;) {
        for (const wd of rule.weekdays) yield at(monday.plus({ days: wd - 1 }));
        monday = monday.plus({ weeks: rule.n });
      }
    }
  }
}

/** The next `count` fires strictly after `after`, moved to working days per the spec, without repeats. */
export function nextOccurrences(r: RecurrenceSpec, after: DateTime, count = 3): Occurrence[] {
  const shift = r.shift ?? 'keep';
  const lead = r.leadWorkdays ?? 0;
  const after0 = after.setZone(r.tz);
  // Moves and leads can pull a fire weeks before its base instant: start looking that far back.
  const moves = shift !== 'keep' || lead > 0 || (r.rule !== undefined && r.rule.kind !== 'everyWeeks');
  const from = moves ? after0.minus({ days: 40 + lead * 2 }) : after0;
  const found: Occurrence[] = [];
  let n = 0;
  // A few more than asked: a moved single occurrence (override) may land after later ones.
  for (const base of baseInstants(r, from)) {
    if (++n > 5000 || found.length >= count + 2) break;
    let at = lead ? addWorkdays(base, -lead) : base;
    if (!lead && shift !== 'keep') at = moveToWorkday(base, shift).at;
    const ov = r.override;
    if (ov && toIso(at) === ov.replaces) at = DateTime.fromISO(ov.at).setZone(r.tz);
    if (at > after0) found.push({ at, base });
  }
  // Two occurrences moved onto the same working day fire once.
  const seen = new Set<number>();
  return found.sort((a, b) => a.at.toMillis() - b.at.toMillis())
    .filter((o) => !seen.has(o.at.toMillis()) && seen.add(o.at.toMillis()))
    .slice(0, count);
}

/** Notes for the next occurrences that were moved off a rest day. */
export function movedNotes(r: RecurrenceSpec, occ: Occurrence[]): string[] {
  if (r.leadWorkdays) return [];
  const shift = r.shift ?? 'keep';
  return occ.filter((o) => !o.at.hasSame(o.base, 'day') && shift !== 'keep').map((o) => moveToWorkday(o.base, shift).note ?? '');
}

export const nextIso = (r: RecurrenceSpec, after: Date, count = 3) =>
  nextOccurrences(r, DateTime.fromJSDate(after), count).map((o) => toIso(o.at));

/** Whether the rule's occurrences are deadlines (records from before `deadlineAfterDays` only had leadWorkdays). */
export const isDeadlineRule = (r: RecurrenceSpec): boolean => r.deadlineAfterDays !== undefined || r.leadWorkdays !== undefined;

/** The deadline day (its start) of an occurrence of a deadline rule; a rest day stays as said, like one-off deadlines. */
export const deadlineDayOf = (r: RecurrenceSpec, base: DateTime): DateTime => base.setZone(r.tz).plus({ days: r.deadlineAfterDays ?? 0 }).startOf('day');

/** The first deadline day of a deadline rule strictly after `after`; “只改下一次” moves a fire, never a deadline. */
export function nextDeadline(r: RecurrenceSpec, after: DateTime): DateTime | undefined {
  const after0 = after.setZone(r.tz);
  let n = 0;
  for (const base of baseInstants(r, after0.minus({ days: (r.deadlineAfterDays ?? 0) + 1 }))) {
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
