// The report calendar behind “设置意识形态报告提醒”: the unit's usual deadlines for the coming year,
// proposed as working-day dates, then accepted or adjusted in one message.
import { DateTime } from 'luxon';
import { toWorkday, restReason, uncoveredLine } from './calendar.js';
import { normalizeCn, toIso, WEEKDAY_CN } from './cn-time.js';
import { findWhen } from './dates.js';
import { parseSchedule } from './parse.js';
import { fail, type Ctx, type PresetKey, type ReminderSpec } from './tokens.js';

export type { PresetKey } from './tokens.js';

/**
 * Usual deadlines, by family. Party committees report on the 意识形态工作责任制 to the higher committee
 * each half-year and each year (《党委（党组）意识形态工作责任制实施办法》), and members account for it in
 * their 述职 before the annual 民主生活会 (《县以上党和国家机关党员领导干部民主生活会若干规定》), which
 * is usually held in January. Units set their own dates; these are starting points the user adjusts.
 */
export const REPORT_CALENDAR: { key: PresetKey; name: string; what: string; month: number; day: number; when: string }[] = [
  { key: 'annual', name: '年度报告', what: '报送全年意识形态工作责任制落实情况报告', month: 1, day: 10, when: '每年1月上旬' },
  { key: 'duty', name: '述职', what: '完成意识形态工作述职材料', month: 1, day: 20, when: '民主生活会前，一般为1月中下旬' },
  { key: 'half', name: '半年报告', what: '报送上半年意识形态工作情况报告', month: 7, day: 5, when: '每年7月上旬' },
];

/** Lead times for every proposed deadline. */
export const PRESET_LEADS = '提前5个工作日和提前1个工作日提醒';

export interface Proposal {
  key: PresetKey;
  name: string;
  what: string;
  /** ISO date (start of day) of the working-day deadline. */
  deadline: string;
  note?: string;
}

const md = (d: DateTime) => `${d.year}年${d.month}月${d.day}日（星期${WEEKDAY_CN[d.weekday - 1] ?? ''}）`;

/** A deadline on a rest day moves to the working day before it. */
function onWorkday(d: DateTime): { date: DateTime; note?: string } {
  const w = toWorkday(d, 'prev');
  if (w.hasSame(d, 'day')) return { date: d };
  return { date: w, note: `${d.month}月${d.day}日是${restReason(d)}，截止日提前到${w.month}月${w.day}日` };
}

/** The next occurrence of each usual deadline after now, on a working day, in date order. */
export function proposeCalendar(ctx: Ctx): Proposal[] {
  const out: Proposal[] = [];
  for (const item of REPORT_CALENDAR) {
    let d = DateTime.fromObject({ year: ctx.now.year, month: item.month, day: item.day }, { zone: ctx.tz });
    // Five working days of lead must still be ahead.
    if (d.minus({ days: 8 }) <= ctx.now) d = d.plus({ years: 1 });
    const w = onWorkday(d);
    out.push({ key: item.key, name: item.name, what: item.what, deadline: toIso(w.date), note: w.note });
  }
  return out.sort((a, b) => a.deadline.localeCompare(b.deadline));
}

export function formatProposal(ps: Proposal[], opts: { tasks?: boolean } = {}): string {
  const lines = ['按常见节奏，接下来一年的意识形态工作报告节点建议如下（均已落在工作日）：'];
  ps.forEach((p, i) => {
    const d = DateTime.fromISO(p.deadline, { setZone: true });
    const item = REPORT_CALENDAR.find((x) => x.key === p.key);
    lines.push(`${i + 1}. ${p.name}：${md(d)}前${p.what}（通常${item?.when ?? ''}）`);
    if (p.note) lines.push(`   注：${p.note}`);
  });
  const un = uncoveredLine(ps.map((p) => DateTime.fromISO(p.deadline, { setZone: true }).year));
  if (un) lines.push(`注：${un}。`);
  lines.push(`每个节点提前5个工作日和1个工作日各提醒一次${opts.tasks ? '，并在飞书任务中建立待办' : ''}。`);
  lines.push('回复“确认”按此设置；要调整请一句话说清楚，例如“半年报告改到7月8日，述职改到1月22日”（调整后直接设置）。');
  return lines.join('\n');
}

/** Applies adjustments to a proposal: each date read as a future date, moved onto a working day. */
export function adjustProposal(ps: Proposal[], items: { key: PresetKey; text: string }[], ctx: Ctx): Proposal[] {
  return ps.map((p) => {
    const item = items.find((i) => i.key === p.key);
    if (!item) return p;
    const when = findWhen(normalizeCn(item.text), ctx, []);
    if (!when) fail(`没看懂“${item.text}”这个日期，请说“7月8日”这样的日期。`);
    let d = (when.date?.date ?? when.instant).startOf('day');
    if (when.date?.roll && d < ctx.now.startOf('day')) d = when.date.roll().date;
    if (d <= ctx.now.startOf('day')) fail(`${p.name}的日期${d.month}月${d.day}日已经过去了，请换一个将来的日期。`);
    const w = onWorkday(d);
    return { ...p, deadline: toIso(w.date), note: w.note };
  }).sort((a, b) => a.deadline.localeCompare(b.deadline));
}

/** The deadline reminder of one proposal (with working-day leads). */
export function proposalSpec(p: Proposal, ctx: Ctx): ReminderSpec {
  const d = DateTime.fromISO(p.deadline, { setZone: true });
  const spec = parseSchedule(`${d.year}年${d.month}月${d.day}日前${p.what}，${PRESET_LEADS}`, ctx);
  if (p.note) spec.notes.unshift(p.note);
  return { ...spec, what: p.what };
}
