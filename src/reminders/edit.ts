// Edits read against the reminder being edited: what the user did not change stays (recurrence, date, time).
import { DateTime } from 'luxon';
import { normalizeCn, toIso } from './cn-time.js';
import { findWhen } from './dates.js';
import { moveToWorkday } from './occurrences.js';
import { ctxOf, parseSchedule } from './parse.js';
import { describeRule, listedCount, movedNotes, nextOccurrences, withTimeText } from './rule.js';
import { fail, findTimes, pad, weekdayNum, type ParseOptions, type ReminderSpec } from './tokens.js';
import type { RecurrenceSpec, Rule } from './types.js';

export type EditResult =
  | { kind: 'spec'; spec: ReminderSpec }
  /** A full date on a recurring reminder: the user chooses between moving one occurrence and changing the rule. */
  | { kind: 'ask'; date: string; once?: ReminderSpec; rule?: ReminderSpec; ruleText?: string };

/** An unambiguous clock phrase for the parser (bare 1–6点 would read as afternoon). */
const clock = (h: number, m: number) => `${h < 6 ? '凌晨' : h < 12 ? '上午' : '下午'}${h}点${m}分`;

/** A recurrence with a new rule (or time), its description and next fires recomputed. */
function withRecurrence(old: ReminderSpec, r: RecurrenceSpec, now: DateTime, extraNotes: string[] = [], description = describeRule(r.rule)): ReminderSpec {
  const base: RecurrenceSpec = { ...r, description };
  delete base.override;
  const occ = nextOccurrences(base, now, listedCount(base));
  if (!occ.length) fail('按修改后的周期算不出下一次提醒时间，请换个说法。');
  return { ...old, recurrence: { ...base, next: occ.map((o) => toIso(o.at)) }, notes: [...extraNotes, ...movedNotes(base, occ)] };
}

/** A rule moved to a day of the month: yearly rules keep their months, the others become monthly. */
function onMonthDay(r: RecurrenceSpec, d: number, time: { hour: number; minute: number }): RecurrenceSpec {
  const rl = r.rule;
  if (rl.freq === 'yearly') return { ...r, rule: { freq: 'yearly', months: rl.months, monthDays: [d], ...time } };
  // A workday rule or a daily one had no rest-day move of its own: a day of the month moves to the day before.
  const shift = rl.freq === 'monthly' && !rl.workday ? r.shift : r.shift === 'next' ? 'next' : 'prev';
  return { ...r, shift, rule: { freq: 'monthly', monthDays: [d === 31 ? -1 : d], ...time } };
}

/** The rule a date turns a recurrence into (“改规则”); undefined when the rule's shape has no day to change. */
function ruleFromDate(r: RecurrenceSpec, d: DateTime, time: { hour: number; minute: number }): RecurrenceSpec | undefined {
  const rl = r.rule;
  switch (rl.freq) {
    case 'daily': case 'afterHoliday':
      return undefined;
    case 'weekly':
      return (rl.interval ?? 1) > 1 ? undefined : { ...r, rule: { ...rl, weekdays: [d.weekday], ...time } };
    case 'monthly':
      return onMonthDay(r, d.day, time);
    case 'yearly': {
      const months = [...(rl.months ?? [])].sort((a, b) => a - b);
      if (months.length === 4) return onMonthDay(r, d.day, time); // 每季度: the day, in the same months
      if (months.length === 1) return { ...r, rule: { freq: 'yearly', months: [d.month], monthDays: [d.day], ...time } };
      // 每半年 etc.: move every month of the rule by the same amount
      const nearest = months.reduce((a, b) => (Math.abs(b - d.month) < Math.abs(a - d.month) ? b : a));
      const delta = d.month - nearest;
      const moved = [...new Set(months.map((m) => ((m - 1 + delta + 12) % 12) + 1))].sort((a, b) => a - b);
      return { ...r, rule: { freq: 'yearly', months: moved, monthDays: [d.day], ...time } };
    }
  }
}

const timeOf = (rl: Rule) => ({ hour: rl.hour, minute: rl.minute });

export function parseEdit(text: string, old: ReminderSpec, opts: ParseOptions): EditResult {
  const ctx = ctxOf(opts);
  const t = normalizeCn(text).replace(/[。.!！]+$/, '');
  const what = old.what;
  // A new rule said outright replaces the old one.
  if (/每|工作日每天/.test(t)) {
    const spec = parseSchedule(t, ctx);
    return { kind: 'spec', spec: { ...spec, what: spec.what || what } };
  }
  const times = findTimes(t, []);
  const when = findWhen(t, ctx, []);
  const timeOnly = !!when && when.spans.every((s) => times.some((x) => x.start === s.start && x.end === s.end));
  const newTime = times[0];
  const r = old.recurrence;

  if (r) {
    if (!when) fail('没看懂新的时间，请这样说：“把第2个提醒改到28号”“改到下午4点”或“改成每周四”。');
    const time = newTime ? { hour: newTime.hour, minute: newTime.minute } : timeOf(r.rule);
    if (timeOnly && newTime) {
      return { kind: 'spec', spec: withRecurrence(old, { ...r, rule: { ...r.rule, ...time } }, ctx.now, [], withTimeText(r.description, time.hour, time.minute)) };
    }
    const label = t.slice(when.spans[0]!.start, when.spans[0]!.end);
    const dayOnly = /^(\d{1,2})[号日]$/.exec(label);
    const weekday = /^(?:周|星期|礼拜)([1-7一二三四五六日天])$/.exec(label);
    if (dayOnly) {
      const d = Number(dayOnly[1]);
      if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
      if (r.rule.freq === 'weekly') fail('这是每周的提醒，请说改到周几，例如“改到周四”；要改成每月的提醒请说“改成每月28号”。');
      const lastDay = d === 31 && r.rule.freq !== 'yearly';
      const notes = lastDay ? ['不是每个月都有31日，按每月最后一天提醒'] : d >= 29 ? [`没有${d}日的月份不提醒（要每月最后一天请说“改成每月底”）`] : [];
      return { kind: 'spec', spec: withRecurrence(old, onMonthDay(r, d, time), ctx.now, notes) };
    }
    if (weekday) {
      if (r.rule.freq !== 'weekly') fail('这不是每周的提醒。要改成每周几，请说“改成每周四”。');
      const n = weekdayNum(weekday[1] ?? '');
      return { kind: 'spec', spec: withRecurrence(old, { ...r, rule: { ...r.rule, weekdays: [n], ...time } }, ctx.now) };
    }
    // A full date: only the next occurrence, or the rule? A day already past this year means the next such day.
    const notes: string[] = [];
    let day = (when.date?.date ?? when.instant).startOf('day');
    const next = nextOccurrences(r, ctx.now, 1)[0];
    if (!next) fail('这个周期提醒已经没有下一次了。');
    let at0 = day.set({ hour: newTime?.hour ?? next.at.hour, minute: newTime?.minute ?? next.at.minute });
    if (at0 <= ctx.now && when.date?.roll) {
      const rolled = when.date.roll();
      day = rolled.date;
      at0 = day.set({ hour: at0.hour, minute: at0.minute });
      if (rolled.note) notes.push(rolled.note);
    }
    if (at0 <= ctx.now) fail(`${at0.month}月${at0.day}日${pad(at0.hour)}:${pad(at0.minute)}已经过去了，请换一个将来的时间。`);
    const mv = moveToWorkday(at0, r.shift === 'next' ? 'next' : r.shift === 'keep' ? 'keep' : 'prev', ctx.now);
    if (mv.note) notes.push(mv.note);
    const once: ReminderSpec = { ...old, recurrence: { ...r, override: { replaces: toIso(next.at), at: toIso(mv.at) } }, notes };
    once.recurrence!.next = nextOccurrences(once.recurrence!, ctx.now, listedCount(r)).map((o) => toIso(o.at));
    const ruleR = ruleFromDate(r, at0, time);
    const rule = ruleR ? withRecurrence(old, ruleR, ctx.now) : undefined;
    return { kind: 'ask', date: toIso(mv.at), once, rule, ruleText: rule?.recurrence?.description };
  }

  // One-off reminders: a new time keeps the date(s); a new date keeps the time.
  if (!when) fail('没看懂新的时间，请这样说：“把第2个提醒改到7月5日”或“改到下午4点”。');
  if (timeOnly && newTime) {
    const fires = old.fires.map((f) => DateTime.fromISO(f).setZone(ctx.tz).set({ hour: newTime.hour, minute: newTime.minute }))
      .filter((f) => f > ctx.now).map(toIso);
    if (!fires.length) fail(`改成${pad(newTime.hour)}:${pad(newTime.minute)}以后，提醒时间都已经过去了。请连日期一起说，例如“改到明天${pad(newTime.hour)}:${pad(newTime.minute)}”。`);
    return { kind: 'spec', spec: { ...old, fires, notes: [] } };
  }
  let day = (when.date?.date ?? when.instant).startOf('day');
  const rollNotes: string[] = [];
  if (when.date?.roll && day < ctx.now.startOf('day')) {
    const rolled = when.date.roll();
    day = rolled.date;
    if (rolled.note) rollNotes.push(rolled.note);
  }
  const ymd = `${day.year}年${day.month}月${day.day}日`;
  const oldFire = old.fires[0] ? DateTime.fromISO(old.fires[0]).setZone(ctx.tz) : undefined;
  if (old.deadline) {
    const oldDl = DateTime.fromISO(old.deadline).setZone(ctx.tz);
    // A day before the deadline is a new reminder time; the deadline itself moves only on or after it, or when said.
    if (!/截止|前|之前|以前/.test(t) && day < oldDl.startOf('day')) {
      const time = newTime ?? (oldFire ? { hour: oldFire.hour, minute: oldFire.minute } : { hour: 9, minute: 0 });
      const at0 = day.set({ hour: time.hour, minute: time.minute });
      if (at0 <= ctx.now) fail(`${at0.month}月${at0.day}日${pad(at0.hour)}:${pad(at0.minute)}已经过去了，请换一个将来的时间。`);
      const mv = moveToWorkday(at0, old.shift ?? 'prev', ctx.now);
      return { kind: 'spec', spec: { ...old, fires: [toIso(mv.at)], leads: [], notes: [...rollNotes, ...(mv.note ? [mv.note] : []), '截止时间不变；要改截止日请说“截止改到7月10日”'] } };
    }
    const time = newTime ? clock(newTime.hour, newTime.minute) : old.deadlineHasTime ? clock(oldDl.hour, oldDl.minute) : '';
    const leads = old.leads.length ? `，${old.leads.join('和')}提醒` : '';
    const spec = parseSchedule(`${ymd}${time}前${what || '截止'}${leads}`, ctx);
    return { kind: 'spec', spec: { ...spec, what, notes: [...rollNotes, ...spec.notes] } };
  }
  const time = newTime ?? (when.hasTime ? { hour: when.instant.hour, minute: when.instant.minute } : oldFire ? { hour: oldFire.hour, minute: oldFire.minute } : { hour: 9, minute: 0 });
  const spec = parseSchedule(`${ymd}${clock(time.hour, time.minute)}提醒我${what}`, ctx);
  return { kind: 'spec', spec: { ...spec, what, notes: [...rollNotes, ...spec.notes] } };
}
