// The reminder records' shapes (a leaf: every other reminder module may import it).

/** What to do with a fire time on a rest day: previous working day, next one (顺延), or nothing. */
export type Shift = 'prev' | 'next' | 'keep';

/**
 * The one recurrence model: which instants recur, RRULE-like (frequency, months, days of the month,
 * weekdays, every n weeks) plus the time of day, in the spec's zone. The office calendar's part (rest
 * days, leads before deadlines) is on RecurrenceSpec, not here.
 */
export interface Rule {
  /** `afterHoliday`: the first working day after each statutory holiday of three days or more. */
  freq: 'daily' | 'weekly' | 'monthly' | 'yearly' | 'afterHoliday';
  /** yearly: the months (1–12); several for 每半年 and 每季度. */
  months?: number[];
  /** monthly and yearly: days of the month (1–31; -1 is the last day). A month without the day is skipped. */
  monthDays?: number[];
  /** monthly: the month's first or last working day instead of `monthDays` (RRULE's BYSETPOS over working days). */
  workday?: 'first' | 'last';
  /** weekly: ISO weekdays, 1 (Monday) to 7 (Sunday). */
  weekdays?: number[];
  /** weekly: every `interval` weeks (default 1), counted from the week of `anchor` (a Monday, ISO date). */
  interval?: number;
  anchor?: string;
  hour: number;
  minute: number;
}

/** A lead before each deadline of a recurring deadline reminder. */
export interface Lead {
  n: number;
  unit: 'day' | 'week' | 'workday';
  /** As the reply shows it: 提前3个工作日, 提前一周, 当天. */
  label: string;
}

export interface RecurrenceSpec {
  rule: Rule;
  /** Occurrences on rest days: moved (prev/next), kept, or skipped (每个工作日). */
  shift: Shift | 'skip';
  /**
   * Set for a deadline rule (“每月25日前…，提前3个工作日和1个工作日提醒”): the rule's instants are the
   * deadlines, and each lead is one fire before each deadline.
   */
  leads?: Lead[];
  /** One fire moved by “只改下一次”: the fire at `replaces` happens at `at` instead. */
  override?: { replaces: string; at: string };
  tz: string;
  /** Chinese, e.g. "每年6月20日、12月20日 09:00" (a deadline rule: its deadlines and the fire time). */
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
  /** How the fires were moved off rest days (kept so edits move the same way). */
  shift?: Shift;
  recurrence?: RecurrenceSpec;
  /** Lead labels, as shown (提前3天, 提前1个工作日). */
  leads: string[];
  /** Interpretation notes shown to the user (year rolled over, defaults applied, skipped leads). */
  notes: string[];
  /** A 记一笔 reminder (“每月25日提醒记台账”): each fire posts the month's 台账 count, its last entry and how to add one. */
  ledger?: boolean;
}
