// Pure Chinese formatting for reminder replies and fired messages.
import { DateTime } from 'luxon';
import { formatInstant } from './cn-time.js';
import { isWorkday, uncoveredLine } from './calendar.js';
import { isDeadlineRule, nextIso, occurrenceAt } from './rule.js';
import type { RecurrenceSpec, ReminderSpec } from './types.js';

export interface ReminderView {
  shortId: number;
  spec: ReminderSpec;
  /** A Feishu task mirrors the deadline. */
  task?: 'linked';
}

/**
 * Feishu task of a deadline reminder: being created (one, or one per occurrence), its due date moving,
 * unchanged by an edit, already done, or unavailable (missing scope).
 */
export type TaskState = 'syncing' | 'syncing-each' | 'updating' | 'unchanged' | 'done' | 'no-scope';

const at = (iso: string, tz: string) => formatInstant(iso, tz);
const deadlineText = (spec: ReminderSpec, tz: string) =>
  spec.deadline ? formatInstant(spec.deadline, tz, { time: spec.deadlineHasTime ?? true }) : '';
const whatText = (what: string) => what || '（未写事项）';

/** Next fire strictly after `now`, one-off or recurring. */
export function nextFire(spec: ReminderSpec, now: Date): string | undefined {
  if (spec.recurrence) return nextIso(spec.recurrence, now, 1)[0];
  const t = now.getTime();
  return spec.fires.find((f) => DateTime.fromISO(f).toMillis() > t);
}

const SHIFT_TEXT = { prev: '遇休息日提前到前一个工作日', next: '遇休息日顺延到下一个工作日', keep: '', skip: '' };

const md = (d: DateTime) => `${d.month}月${d.day}日`;
const timeOf = (description: string) => /(\d\d:\d\d)$/.exec(description)?.[1] ?? '';
const daysOf = (description: string) => description.replace(/\s*\d\d:\d\d$/, '');

/** The rule as a reply shows it: “每月25日 09:00”, or for deadlines “每月25日截止，提前3个工作日、提前1个工作日提醒（09:00）”. */
export function ruleText(r: RecurrenceSpec): string {
  if (!isDeadlineRule(r)) return r.description;
  const leads = (r.leads ?? []).map((l) => l.label);
  return `${daysOf(r.description)}截止，${leads.join('、')}${leads.length > 1 ? '各提醒一次' : '提醒'}（${timeOf(r.description)}）`;
}

/** Which deadline and lead a recurring deadline's fire is for: “12月25日截止，提前3个工作日”. */
function fireFor(r: RecurrenceSpec, iso: string, tz: string): string {
  if (!isDeadlineRule(r)) return '';
  const o = occurrenceAt(r, DateTime.fromISO(iso).toMillis());
  return o ? `（${md(o.base.setZone(tz))}截止${o.lead ? `，${o.lead.label}` : ''}）` : '';
}

/** Years among the fires whose holiday arrangement is not known yet. */
/** The 调休尚未公布 line a confirmation of `spec` carries, if any of its years is known only by the rule. */
export function calendarNoteOf(spec: ReminderSpec, tz: string): string | undefined {
  return uncoveredLine(yearsOf(spec, tz));
}

/** The years a confirmation of `spec` relies on: its fires, deadline, and days its notes name with a year. */
export function yearsOf(spec: ReminderSpec, tz: string): number[] {
  const isos = [...(spec.recurrence ? spec.recurrence.next : spec.fires), ...(spec.deadline ? [spec.deadline] : [])];
  const named = spec.notes.flatMap((n) => [...n.matchAll(/(\d{4})年/g)].map((m) => Number(m[1])));
  return [...isos.map((f) => DateTime.fromISO(f).setZone(tz).year), ...named];
}

/** `calendarNote: false`: the caller says the 调休尚未公布 line once for several confirmations. */
export function formatConfirmation(v: ReminderView, tz: string, opts: { edited?: boolean; task?: TaskState; calendarNote?: boolean } = {}): string {
  const { spec } = v;
  const head = opts.edited ? `✏️ 已修改提醒 #${v.shortId}` : `✅ 已设置${spec.recurrence ? '周期' : ''}提醒 #${v.shortId}`;
  const lines = [`${head}：${whatText(spec.what)}`];
  if (spec.deadline) lines.push(`截止：${deadlineText(spec, tz)}`);
  if (spec.recurrence) {
    const r = spec.recurrence;
    lines.push(`周期：${ruleText(r)}`);
    // Working-day leads never land on a rest day; calendar-day ones and plain rules move.
    const shiftText = (r.leads ?? []).some((l) => l.unit !== 'workday') || !isDeadlineRule(r) ? SHIFT_TEXT[r.shift] : '';
    if (shiftText) lines.push(`休息日：${shiftText}`);
    lines.push('接下来几次：');
    for (const f of r.next) lines.push(`· ${at(f, tz)}${fireFor(r, f, tz)}`);
  } else {
    if (spec.leads.length) lines.push(`提前量：${spec.leads.join('、')}`);
    lines.push(spec.fires.length > 1 ? `共提醒${spec.fires.length}次：` : '提醒时间：');
    for (const f of spec.fires) lines.push(`· ${at(f, tz)}`);
  }
  if (opts.task === 'syncing') lines.push('飞书任务：正在为你创建（截止时间同步），在飞书“任务”里标记完成后，剩下的提醒自动停止。');
  if (opts.task === 'syncing-each') lines.push('飞书任务：每期截止日各建一个任务，先建最近一期；在飞书“任务”里标记完成后，这一期不再提醒，下一期照常提醒。');
  if (opts.task === 'updating') lines.push('飞书任务：截止时间随之更新。');
  if (opts.task === 'unchanged') lines.push('飞书任务：截止时间不变。');
  if (opts.task === 'done') lines.push('飞书任务：已标记完成，任务不再改动，剩下的提醒也不再发送；如仍需提醒，请在飞书任务里取消完成。');
  if (opts.task === 'no-scope') lines.push('飞书任务：应用未开通任务权限，这次只在聊天中提醒。');
  const notes = [...spec.notes];
  const un = opts.calendarNote === false ? undefined : calendarNoteOf(spec, tz);
  if (un) notes.push(un);
  for (const n of notes) lines.push(`注：${n}`);
  lines.push(`发送“我的提醒”查看全部，“取消提醒 ${v.shortId}”取消。`);
  return lines.join('\n');
}

export function formatList(items: ReminderView[], tz: string, now: Date, chatType: 'p2p' | 'group'): string {
  if (!items.length) {
    return `你在${chatType === 'group' ? '本群' : '这里'}还没有提醒。可以这样说：“下周五下午3点提醒我改稿”“6月30日前交上半年意识形态报告，提前3天提醒”。`;
  }
  const lines = [`你在${chatType === 'group' ? '本群' : '这里'}的提醒（共${items.length}个）：`];
  for (const { shortId, spec, task } of [...items].sort((a, b) => a.shortId - b.shortId)) {
    const next = nextFire(spec, now);
    const parts = [`#${shortId} ${whatText(spec.what)}`];
    if (spec.recurrence) parts.push(ruleText(spec.recurrence));
    if (spec.deadline) parts.push(`截止${deadlineText(spec, tz)}`);
    parts.push(next ? `下次：${at(next, tz)}` : '已无待发提醒');
    if (task) parts.push('已同步飞书任务');
    lines.push(parts.join('｜'));
  }
  lines.push('下次提醒时间均已避开周末和法定节假日（另有说明的除外）。取消：“取消提醒 编号”；修改：“把第N个提醒改到7月5日”“改到下午4点”。');
  return lines.join('\n');
}

/** “要设为提醒吗？” for a message that reads like a reminder but did not ask for one. */
export function formatOffer(text: string, spec: ReminderSpec, tz: string): string {
  const first = spec.recurrence?.next[0] ?? spec.fires[0];
  const when = spec.recurrence ? `按“${ruleText(spec.recurrence)}”提醒，第一次在${first ? at(first, tz) : '下一期'}` : first ? `在${at(first, tz)}提醒` : '按这个时间提醒';
  return [
    `“${text}”要设为提醒吗？`,
    `回复“是”，我会${when}：${whatText(spec.what)}。`,
    '不需要的话不用理会；要换时间可以直接说，例如“明天上午9点提醒我交材料”。',
  ].join('\n');
}

/** “要改哪一个？” when “改到下午4点” could mean several of the reminders just listed or set. */
export function formatWhich(items: ReminderView[], text: string, tz: string, now: Date): string {
  const lines = [`要把哪一个提醒改到“${text}”？`];
  for (const { shortId, spec } of [...items].sort((a, b) => a.shortId - b.shortId)) {
    const next = nextFire(spec, now);
    lines.push(`#${shortId} ${whatText(spec.what)}${spec.recurrence ? `｜${ruleText(spec.recurrence)}` : ''}${next ? `｜下次：${at(next, tz)}` : ''}`);
  }
  const first = Math.min(...items.map((i) => i.shortId));
  lines.push(`请回复编号，例如“第${first}个”，或直接说“把第${first}个提醒改到${text}”。`);
  return lines.join('\n');
}

export const formatCancelled = (v: ReminderView) => `🗑️ 已取消提醒 #${v.shortId}：${whatText(v.spec.what)}`;
export const formatNotFound = (id: number) => `没有找到编号为 ${id} 的提醒（可能已经提醒完或被取消）。发送“我的提醒”查看现有编号。`;
export const formatNotOwner = (id: number, action: 'cancel' | 'edit') =>
  `抱歉，提醒 #${id} 是其他同事设置的，只有设置人可以${action === 'cancel' ? '取消' : '修改'}。你可以发送“我的提醒”查看自己的提醒。`;

/** “只改下一次，还是改规则？” for a full date on a recurring reminder. */
export function formatEditQuestion(v: ReminderView, dateIso: string, newRule: string | undefined, tz: string, notes: string[] = []): string {
  const r = v.spec.recurrence;
  const lines = [`提醒 #${v.shortId}（${whatText(v.spec.what)}）是周期提醒：${r ? ruleText(r) : ''}。`];
  lines.push(`改到${at(dateIso, tz)}${notes.length ? `（${notes.join('；')}）` : ''}，请选择：`);
  lines.push('· 回复“只改下一次”：仅下一次改到这个时间，之后仍按原周期提醒；');
  lines.push(newRule ? `· 回复“改规则”：以后都按“${newRule}”提醒。` : '· 这个周期没有可改的日子；要换周期请直接说，例如“把第N个提醒改成每周四”。');
  return lines.join('\n');
}

/** “，还有4天（其中2个工作日）” from a fire to its deadline, or “，就是今天”. */
function daysLeft(fire: DateTime, deadline: DateTime): string {
  const fireDay = fire.startOf('day');
  const dlDay = deadline.startOf('day');
  const days = Math.round(dlDay.diff(fireDay, 'days').days);
  let work = 0;
  for (let d = fireDay.plus({ days: 1 }); d <= dlDay && days < 400; d = d.plus({ days: 1 })) if (isWorkday(d)) work++;
  return days > 0 ? `，还有${days}天${work !== days ? `（其中${work}个工作日）` : ''}` : '，就是今天';
}

/** Text of a fired reminder; `mentionOpenId` adds a Feishu @ in groups. */
export function formatFired(spec: ReminderSpec, fireAt: string, tz: string, mentionOpenId?: string): string {
  const at0 = mentionOpenId ? `<at user_id="${mentionOpenId}"></at> ` : '';
  let text = `${at0}⏰ 提醒：${spec.what || '时间到了'}`;
  if (spec.deadline) text += `\n截止：${deadlineText(spec, tz)}${daysLeft(DateTime.fromISO(fireAt).setZone(tz), DateTime.fromISO(spec.deadline).setZone(tz))}`;
  const r = spec.recurrence;
  if (r) {
    const o = isDeadlineRule(r) ? occurrenceAt(r, DateTime.fromISO(fireAt).toMillis()) : undefined;
    if (o) text += `\n截止：${formatInstant(o.base.toISO() ?? '', tz, { time: false })}${daysLeft(DateTime.fromISO(fireAt).setZone(tz), o.base.setZone(tz))}`;
    text += `\n（周期提醒：${ruleText(r)}）`;
  }
  return text;
}

/** Under the confirmation of a 记台账 reminder: what each fire posts, and how to stop it. */
export const ledgerSetNote = (replaced: readonly number[]): string =>
  `到时会在这里列出本月台账已记几条、最近一条，并附记一笔的写法。${replaced.length ? `原来的记台账提醒 #${replaced.join('、#')} 已换成这一个。` : ''}不再需要时说“取消记台账提醒”。`;

export const LEDGER_NONE = '这里没有你设的记台账提醒。要设置，可以说“每月25日提醒记台账”。';

export const ledgerCancelled = (ids: readonly number[]): string => `🗑️ 已取消记台账提醒 #${ids.join('、#')}。已记的台账不受影响。`;
