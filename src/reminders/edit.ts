// Edits read against the reminder being edited: what the user did not change stays (recurrence, date, time).
import { DateTime } from 'luxon';
import { normalizeCn, toIso, WEEKDAY_CN } from './cn-time.js';
import { findWhen } from './dates.js';
import { moveToWorkday, movedNotes, nextOccurrences } from './occurrences.js';
import { ctxOf, parseSchedule } from './parse.js';
import { fail, findTimes, pad, weekdayNum, type ParseOptions, type RecurrenceSpec, type ReminderSpec } from './tokens.js';

export type EditResult =
  | { kind: 'spec'; spec: ReminderSpec }
  /** A full date on a recurring reminder: the user chooses between moving one occurrence and changing the rule. */
  | { kind: 'ask'; date: string; once?: ReminderSpec; rule?: ReminderSpec; ruleText?: string };

/** An unambiguous clock phrase for the parser (bare 1–6点 would read as afternoon). */
const clock = (h: number, m: number) => `${h < 6 ? '凌晨' : h < 12 ? '上午' : '下午'}${h}点${m}分`;

const cronFields = (r: RecurrenceSpec) => r.cron.trim().split(/\s+/);

/** Chinese description of the cron forms the parser produces. */
export function describeCron(cron: string): string {
  const [mi, h, dom, mon, dow] = cron.trim().split(/\s+/);
  const hhmm = `${pad(Number(h))}:${pad(Number(mi))}`;
  if (dow && dow !== '*') {
    const days = dow.split(',').map(Number);
    return days.length === 7 ? `每天 ${hhmm}` : `每周${days.map((d) => WEEKDAY_CN[(d + 6) % 7]).join('、')} ${hhmm}`;
  }
  if (dom === '*') return `每天 ${hhmm}`;
  const day = dom === 'L' ? '最后一天' : `${dom ?? ''}日`;
  if (!mon || mon === '*') return `每月${dom === 'L' ? '最后一天' : (dom ?? '').split(',').map((d) => `${d}日`).join('、')} ${hhmm}`;
  if (mon === '1,4,7,10') return `每季度首月（1月、4月、7月、10月）${day} ${hhmm}`;
  if (mon === '3,6,9,12' && dom === 'L') return `每季度最后一天（3月、6月、9月、12月底） ${hhmm}`;
  return `每年${mon.split(',').map((m) => `${m}月${day}`).join('、')} ${hhmm}`;
}

/** A recurrence with a new cron (or time), its description and next fires recomputed. */
function withRecurrence(old: ReminderSpec, r: RecurrenceSpec, now: DateTime, extraNotes: string[] = []): ReminderSpec {
  const base: RecurrenceSpec = { ...r };
  delete base.override;
  if (!base.rule) base.description = describeCron(base.cron);
  const occ = nextOccurrences(base, now, 3);
  if (!occ.length) fail('按修改后的周期算不出下一次提醒时间，请换个说法。');
  return { ...old, recurrence: { ...base, next: occ.map((o) => toIso(o.at)) }, notes: [...extraNotes, ...movedNotes(base, occ)] };
}

function setCron(r: RecurrenceSpec, patch: Partial<Record<'mi' | 'h' | 'dom' | 'mon' | 'dow', string>>): RecurrenceSpec {
  const [mi, h, dom, mon, dow] = cronFields(r);
  const f = { mi, h, dom, mon, dow, ...patch };
  return { ...r, cron: [f.mi, f.h, f.dom, f.mon, f.dow].join(' ') };
}

/** The rule a date turns a recurrence into (“改规则”); undefined when the rule's shape has no day to change. */
function ruleFromDate(r: RecurrenceSpec, d: DateTime): RecurrenceSpec | undefined {
  const rl = r.rule;
  if (rl && rl.kind !== 'firstWorkday' && rl.kind !== 'lastWorkday') return undefined;
  if (rl) return { cron: `${rl.minute} ${rl.hour} ${d.day} * *`, tz: r.tz, description: '', next: [], shift: 'prev' };
  const [, , dom, mon, dow] = cronFields(r);
  if (dow && dow !== '*') return setCron(r, { dow: String(d.weekday % 7) });
  if (dom === '*') return undefined; // 每天
  if (!mon || mon === '*' || mon === '1,4,7,10' || mon === '3,6,9,12') return setCron(r, { dom: String(d.day) });
  const months = mon.split(',').map(Number);
  if (months.length === 1) return setCron(r, { dom: String(d.day), mon: String(d.month) });
  // 每半年 etc.: move every month of the rule by the same amount
  const nearest = months.reduce((a, b) => (Math.abs(b - d.month) < Math.abs(a - d.month) ? b : a));
  const delta = d.month - nearest;
  const moved = [...new Set(months.map((m) => ((m - 1 + delta + 12) % 12) + 1))].sort((a, b) => a - b);
  return setCron(r, { dom: String(d.day), mon: moved.join(',') });
}

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
    if (timeOnly && newTime) {
      if (r.rule) return { kind: 'spec', spec: withRecurrence(old, { ...r, rule: { ...r.rule, hour: newTime.hour, minute: newTime.minute }, description: r.description.replace(/\d\d:\d\d$/, `${pad(newTime.hour)}:${pad(newTime.minute)}`) }, ctx.now) };
      return { kind: 'spec', spec: withRecurrence(old, setCron(r, { mi: String(newTime.minute), h: String(newTime.hour) }), ctx.now) };
    }
    const label = t.slice(when.spans[0]!.start, when.spans[0]!.end);
    const dayOnly = /^(\d{1,2})[号日]$/.exec(label);
    const weekday = /^(?:周|星期|礼拜)([1-7一二三四五六日天])$/.exec(label);
    const timePatch = newTime ? { mi: String(newTime.minute), h: String(newTime.hour) } : {};
    if (dayOnly) {
      const d = Number(dayOnly[1]);
      if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
      const base = r.rule ? { cron: `${r.rule.minute} ${r.rule.hour} * * *`, tz: r.tz, description: '', next: [], shift: 'prev' as const } : r;
      const [, , dom, , dow] = cronFields(base);
      if (dow && dow !== '*') fail('这是每周的提醒，请说改到周几，例如“改到周四”；要改成每月的提醒请说“改成每月28号”。');
      const notes = d >= 29 ? [`没有${d}日的月份不提醒（要每月最后一天请说“改成每月底”）`] : [];
      const mon = dom === '*' ? { mon: '*' } : {};
      return { kind: 'spec', spec: withRecurrence(old, setCron(base, { dom: d === 31 && (dom === '*' || cronFields(base)[3] === '*') ? 'L' : String(d), ...mon, ...timePatch }), ctx.now, notes) };
    }
    if (weekday) {
      const [, , , , dow] = cronFields(r);
      if (r.rule || !dow || dow === '*') fail('这不是每周的提醒。要改成每周几，请说“改成每周四”。');
      const n = weekdayNum(weekday[1] ?? '') % 7;
      return { kind: 'spec', spec: withRecurrence(old, setCron(r, { dow: String(n), ...timePatch }), ctx.now) };
    }
    // A full date: only the next occurrence, or the rule?
    const day = (when.date?.date ?? when.instant).startOf('day');
    const next = nextOccurrences(r, ctx.now, 1)[0];
    if (!next) fail('这个周期提醒已经没有下一次了。');
    const at0 = day.set({ hour: newTime?.hour ?? next.at.hour, minute: newTime?.minute ?? next.at.minute });
    if (at0 <= ctx.now) fail(`${at0.month}月${at0.day}日${pad(at0.hour)}:${pad(at0.minute)}已经过去了，请换一个将来的时间。`);
    const mv = moveToWorkday(at0, r.shift ?? 'prev', ctx.now);
    const at = mv.at;
    const once: ReminderSpec = { ...old, recurrence: { ...r, override: { replaces: toIso(next.at), at: toIso(at) } }, notes: mv.note ? [mv.note] : [] };
    once.recurrence!.next = nextOccurrences(once.recurrence!, ctx.now, 3).map((o) => toIso(o.at));
    let ruleR = ruleFromDate(r, at0);
    if (ruleR && newTime) ruleR = setCron(ruleR, timePatch);
    const rule = ruleR ? withRecurrence(old, ruleR, ctx.now) : undefined;
    return { kind: 'ask', date: toIso(at), once, rule, ruleText: rule?.recurrence?.description };
  }

  // One-off reminders: a new time keeps the date(s); a new date keeps the time.
  if (!when) fail('没看懂新的时间，请这样说：“把第2个提醒改到7月5日”或“改到下午4点”。');
  if (timeOnly && newTime) {
    const fires = old.fires.map((f) => DateTime.fromISO(f).setZone(ctx.tz).set({ hour: newTime.hour, minute: newTime.minute }))
      .filter((f) => f > ctx.now);
    if (!fires.length) fail(`改成${pad(newTime.hour)}:${pad(newTime.minute)}以后，提醒时间都已经过去了。请连日期一起说，例如“改到明天${pad(newTime.hour)}:${pad(newTime.minute)}”。`);
    return { kind: 'spec', spec: { ...old, fires: fires.map(toIso), notes: [] } };
  }
  let day = (when.date?.date ?? when.instant).startOf('day');
  if (when.date?.roll && day < ctx.now.startOf('day')) day = when.date.roll().date;
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
      return { kind: 'spec', spec: { ...old, fires: [toIso(mv.at)], leads: [], notes: [...(mv.note ? [mv.note] : []), '截止时间不变；要改截止日请说“截止改到7月10日”'] } };
    }
    const time = newTime ? clock(newTime.hour, newTime.minute) : old.deadlineHasTime ? clock(oldDl.hour, oldDl.minute) : '';
    const leads = old.leads.length ? `，${old.leads.join('和')}提醒` : '';
    const spec = parseSchedule(`${ymd}${time}前${what || '截止'}${leads}`, ctx);
    return { kind: 'spec', spec: { ...spec, what } };
  }
  const time = newTime ?? (when.hasTime ? { hour: when.instant.hour, minute: when.instant.minute } : oldFire ? { hour: oldFire.hour, minute: oldFire.minute } : { hour: 9, minute: 0 });
  const spec = parseSchedule(`${ymd}${clock(time.hour, time.minute)}提醒我${what}`, ctx);
  return { kind: 'spec', spec: { ...spec, what } };
}
