// Fire times on working days: moving a single instant off a rest day, and saying why. Pure (the calendar is
// static data). Recurrences use it occurrence by occurrence (rule.ts).
import type { DateTime } from 'luxon';
import { dayInfo, isWorkday, restReason, toWorkday } from './calendar.js';
import { WEEKDAY_CN } from './cn-time.js';
import type { Shift } from './types.js';

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
  // A day in another year is named with its year, so the reply can say that year's 调休 is not known yet.
  const y = d.year !== at.year ? `${d.year}年` : '';
  const why = dayInfo(d).holiday ? `${y}${md(d)}是${restReason(d)}` : `${y}${d.month}月${d.day}日是${restReason(d)}`;
  const makeup = dayInfo(at).makeup ? '，调休上班日' : '';
  return { at, note: `${why}，提醒${dir === 'prev' ? '提前' : '顺延'}到${md(at)}${makeup}` };
}
