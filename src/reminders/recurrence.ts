// Recurring reminders: the words of a recurrence → the one recurrence model (rule.ts), its description and next fires.
import { toIso } from './cn-time.js';
import { checkYmd } from './dates.js';
import { describeDays, listedCount, movedNotes, nextOccurrences } from './rule.js';
import { all, cleanWhat, DEFAULT_HOUR, fail, findTimes, overlaps, pad, spanOf, weekdayNum, type Ctx, type LeadTok, type ReminderSpec, type Shift, type Span } from './tokens.js';
import type { Lead, RecurrenceSpec, Rule } from './types.js';

/** The finished spec: next fires on working days, and a note for each one that moved. */
function finish(t: string, ctx: Ctx, spans: Span[], r: RecurrenceSpec, notes: string[]): ReminderSpec {
  const occ = nextOccurrences(r, ctx.now, listedCount(r));
  if (!occ.length) fail('按这个周期算不出下一次提醒时间，请换个说法。');
  return {
    what: cleanWhat(t, spans),
    fires: [],
    recurrence: { ...r, next: occ.map((o) => toIso(o.at)) },
    leads: (r.leads ?? []).map((l) => l.label),
    notes: [...notes, ...movedNotes(r, occ)],
  };
}

export type WorkdayRuleKind = 'firstWorkday' | 'lastWorkday' | 'workdays' | 'afterHoliday' | 'everyWeeks';

const RULE_TEXT: Record<Exclude<WorkdayRuleKind, 'everyWeeks'>, string> = {
  firstWorkday: '每月第一个工作日',
  lastWorkday: '每月最后一个工作日',
  workdays: '每个工作日（按法定节假日和调休安排）',
  afterHoliday: '每个法定长假后的第一个工作日',
};

/** 每月第一个/最后一个工作日, 每个工作日, 节后第一个工作日, 每N周: rules on the office calendar. */
export function parseWorkdayRule(t: string, ctx: Ctx, m: RegExpExecArray, kind: WorkdayRuleKind, leads: LeadTok[], taken: Span[]): ReminderSpec {
  const recSpan = spanOf(m);
  const spans: Span[] = [recSpan, ...leads, ...taken];
  if (leads.length) fail('这种周期提醒不支持提前量，请直接说提醒的日子，例如“每月最后一个工作日下午3点”。');
  let weekdays: number[] = [];
  let n = 0;
  if (kind === 'everyWeeks') {
    n = Number(m[1]);
    if (!(n >= 2 && n <= 8)) fail('间隔周数请在2到8周之间，例如“每2周周五”。');
    const wdRe = /(?:周|星期|礼拜)([1-7一二三四五六日天])/g;
    for (const w of all(wdRe, t)) {
      if (spans.some((s) => overlaps(s, spanOf(w)))) continue;
      weekdays.push(weekdayNum(w[1] ?? ''));
      spans.push(spanOf(w));
    }
    if (!weekdays.length) weekdays = [ctx.now.weekday];
    weekdays = [...new Set(weekdays)].sort((a, b) => a - b);
  }
  const times = findTimes(t, spans);
  if (times.length > 1) fail('周期提醒一次只能设一个时刻，请分开设置。');
  const tt = times[0];
  const notes: string[] = [];
  if (tt) { spans.push(tt); if (tt.note) notes.push(tt.note); }
  const hour = tt?.hour ?? DEFAULT_HOUR;
  const minute = tt?.minute ?? 0;
  const hhmm = `${pad(hour)}:${pad(minute)}`;
  let rule: Rule;
  let shift: RecurrenceSpec['shift'] = 'keep';
  let description: string;
  switch (kind) {
    case 'everyWeeks': {
      const monday = ctx.now.startOf('day').minus({ days: ctx.now.weekday - 1 });
      rule = { freq: 'weekly', interval: n, weekdays, anchor: monday.toISODate() ?? '', hour, minute };
      shift = shiftOfText(t);
      description = `${describeDays(rule)} ${hhmm}`;
      break;
    }
    case 'firstWorkday': case 'lastWorkday':
      rule = { freq: 'monthly', workday: kind === 'firstWorkday' ? 'first' : 'last', hour, minute };
      description = `${RULE_TEXT[kind]} ${hhmm}`;
      break;
    case 'workdays':
      rule = { freq: 'daily', hour, minute };
      shift = 'skip';
      description = `${RULE_TEXT[kind]} ${hhmm}`;
      break;
    case 'afterHoliday':
      rule = { freq: 'afterHoliday', hour, minute };
      description = `${RULE_TEXT[kind]} ${hhmm}`;
      break;
  }
  return finish(t, ctx, spans, { rule, tz: ctx.tz, description, next: [], shift }, notes);
}

/** “遇节假日顺延” → next; “节假日也提醒” → keep; otherwise the previous working day. */
export function shiftOfText(t: string): Shift {
  if (/(节假日|休息日|周末|假期)(也|照常|照样)|不(用|要)(顺延|调整|避开)/.test(t)) return 'keep';
  if (/顺延|延后到|往后顺/.test(t)) return 'next';
  return 'prev';
}
/** The words that set the shift, for removal from the reminder's text. */
export const SHIFT_RE = /[（(]?(?:如|若)?(?:遇到?|碰到|赶上)?(?:法定)?(?:节假日|假日|休息日|周末|假期)?(?:则|就)?(?:顺延|往后顺延|延后|提前|也提醒|照常提醒|照样提醒|也照常)(?:到|至)?(?:下1个|前1个|上1个)?(?:工作日)?[）)]?/g;

/** The leads of a recurring deadline, checked: whole days, weeks or working days, each once. */
function recurringLeads(leads: LeadTok[]): Lead[] {
  const out: Lead[] = [];
  for (const l of leads) {
    if (l.unit !== 'day' && l.unit !== 'week' && l.unit !== 'workday') fail('周期提醒的提前量请按天或周说，例如“提前3天”“提前2个工作日”。');
    if (!Number.isInteger(l.n)) fail('周期提醒的提前量请说整天数。');
    if (out.some((o) => o.n === l.n && o.unit === l.unit)) continue;
    out.push({ n: l.n, unit: l.unit, label: l.label });
  }
  return out;
}

export function parseRecurring(t: string, ctx: Ctx, rec: RegExpExecArray, leads0: LeadTok[], shiftSpans: Span[] = []): ReminderSpec {
  const kind = (rec[1] ?? '').replace(/^个/, '');
  if (kind === '工作日') return parseWorkdayRule(t, ctx, rec, 'workdays', leads0, [...shiftSpans]);
  const recSpan = spanOf(rec);
  const taken: Span[] = [recSpan, ...leads0, ...shiftSpans];
  /** What cleanWhat strips from the text; grows as parts are recognised. */
  const spans: Span[] = [...taken];
  const times = findTimes(t, taken);
  if (times.length > 1) fail('周期提醒一次只能设一个时刻，请分开设置。');
  const tt = times[0];
  const hour = tt?.hour ?? DEFAULT_HOUR;
  const minute = tt?.minute ?? 0;
  const notes: string[] = [];
  if (tt) { spans.push(tt); if (tt.note) notes.push(tt.note); }
  const daily = kind === '天' || kind === '日';
  let leads = recurringLeads(leads0);
  if (daily && leads.length) fail('每天的提醒不用设提前量，请直接说几点提醒，例如“每天下午5点提醒我写日志”。');
  const deadlineMark = /(?<!提)(之前|以前|前)(?!\d)/.exec(t.slice(recSpan.end));
  // A daily rule with 前 (每天下班前) is a habit, not a deadline.
  if (!leads.length && deadlineMark && !daily) {
    leads = [{ n: 1, unit: 'day', label: '提前1天' }];
    notes.push('没说提前多久，默认提前1天提醒');
  }
  if (deadlineMark) {
    const s = recSpan.end + deadlineMark.index;
    spans.push({ start: s, end: s + deadlineMark[0].length });
  }

  const md = all(/(\d{1,2})月份?(\d{1,2}|底|末|最后1天)[日号]?/g, t).filter((m) => !taken.some((s) => overlaps(s, spanOf(m))));
  const dayNums = all(/(?<!\d月份?|\d)(\d{1,2})[号日](?!\d)/g, t).filter((m) => !md.some((x) => overlaps(spanOf(x), spanOf(m))));
  const endWord = /(月底|月末|年底|年末|最后1天|底|末)/.exec(t.slice(recSpan.end));
  const endSpan = endWord && { start: recSpan.end + endWord.index, end: recSpan.end + endWord.index + endWord[0].length };
  const mark = (ms: RegExpExecArray[]) => ms.forEach((m) => spans.push(spanOf(m)));
  const base = { hour, minute };
  let rule: Rule;

  switch (kind) {
    case '年': case '半年': {
      if (!md.length && endSpan) {
        // 每年年底 / 每半年末: the last day of December, or of June and December.
        spans.push(endSpan);
        rule = kind === '年' ? { freq: 'yearly', months: [12], monthDays: [31], ...base } : { freq: 'yearly', months: [6, 12], monthDays: [-1], ...base };
        break;
      }
      if (!md.length) {
        fail(kind === '年' ? '每年几月几日提醒？例如“每年6月20日提醒我准备意识形态工作报告”。' : '每半年的哪一天提醒？例如“每半年6月20日提醒我……”（会在6月20日和12月20日各提醒一次）。');
      }
      mark(md);
      const items = md.map((m) => {
        const mo = Number(m[1]);
        if (mo < 1 || mo > 12) fail(`没有${mo}月，请检查日期。`);
        const dRaw = m[2] ?? '';
        if (/底|末|最后/.test(dRaw)) return { mo, d: -1 };
        const d = Number(dRaw);
        if (mo === 2 && d === 29) fail('2月29日不是每年都有，请改成2月28日或“2月底”。');
        checkYmd(2025, mo, d);
        return { mo, d };
      });
      let list = items;
      if (kind === '半年') {
        if (items.length !== 1) fail('每半年提醒请只说一个日期，例如“每半年6月20日”。');
        const first = items[0]!;
        const other = ((first.mo + 5) % 12) + 1;
        if (first.d !== -1) checkYmd(2025, other, first.d);
        list = [first, { mo: other, d: first.d }].sort((a, b) => a.mo - b.mo);
      }
      if (new Set(list.map((x) => x.d)).size > 1) fail('这几个日期不是同一天号，无法合成一个周期提醒，请分开设置（例如先设“每年6月20日”，再设“每年12月25日”）。');
      rule = { freq: 'yearly', months: [...new Set(list.map((x) => x.mo))].sort((a, b) => a - b), monthDays: [list[0]!.d], ...base };
      break;
    }
    case '季度': case '季': {
      if (endWord || /季度?末/.test(t)) {
        rule = { freq: 'yearly', months: [3, 6, 9, 12], monthDays: [-1], ...base };
        if (endSpan) spans.push(endSpan);
      } else if (dayNums.length === 1 || /季度?初/.test(t)) {
        const d = dayNums.length ? Number(dayNums[0]![1]) : 1;
        mark(dayNums);
        if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
        rule = { freq: 'yearly', months: [1, 4, 7, 10], monthDays: [d], ...base };
      } else {
        fail('每季度的哪一天提醒？例如“每季度末”或“每季度10号”。');
      }
      break;
    }
    case '月': {
      if (endSpan && !dayNums.length) {
        spans.push(endSpan);
        rule = { freq: 'monthly', monthDays: [-1], ...base };
        break;
      }
      if (!dayNums.length) {
        if (/月初/.test(t)) { rule = { freq: 'monthly', monthDays: [1], ...base }; mark(all(/月初/g, t)); break; }
        fail('每月几号提醒？例如“每月25号提醒我报送舆情台账”或“每月底”。');
      }
      mark(dayNums);
      const ds = [...new Set(dayNums.map((m) => Number(m[1])))].sort((a, b) => a - b);
      for (const d of ds) if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
      if (ds.length === 1 && ds[0] === 31) {
        rule = { freq: 'monthly', monthDays: [-1], ...base };
        notes.push('不是每个月都有31日，按每月最后一天提醒');
      } else {
        rule = { freq: 'monthly', monthDays: ds, ...base };
        if (ds.some((d) => d >= 29)) notes.push(`没有${ds.filter((d) => d >= 29).join('、')}日的月份不提醒（要每月最后一天请说“每月底”）`);
      }
      break;
    }
    case '周': case '星期': case '礼拜': {
      const wdRe = /(?:周|星期|礼拜)?([1-7一二三四五六日天])/y;
      const days: number[] = [];
      let rangeNext = false;
      let i = recSpan.end;
      for (;;) {
        wdRe.lastIndex = i;
        const m = wdRe.exec(t);
        if (!m) break;
        const n = weekdayNum(m[1] ?? '');
        const prev = days[days.length - 1];
        // 周一至周五: fill the range
        if (rangeNext && prev !== undefined) for (let k = prev + 1; k <= n; k++) days.push(k);
        else days.push(n);
        i = wdRe.lastIndex;
        const sep = /^([和、,，及与]|至|到|-|~)(?=(?:周|星期|礼拜)?[1-7一二三四五六日天])/.exec(t.slice(i));
        if (!sep) break;
        rangeNext = !/[和、,，及与]/.test(sep[1] ?? '');
        i += sep[0].length;
      }
      if (!days.length) fail('每周几提醒？例如“每周五下午3点提醒我交周报”。');
      spans.push({ start: recSpan.end, end: i });
      const wds = [...new Set(days)].sort((a, b) => a - b);
      rule = wds.length === 7 ? { freq: 'daily', ...base } : { freq: 'weekly', weekdays: wds, ...base };
      break;
    }
    case '天': case '日':
      rule = { freq: 'daily', ...base };
      break;
    default:
      return fail('没看懂这个周期，请说“每年/每半年/每季度/每月/每周/每天”。');
  }
  // 每天 and weekly rules on weekend days only (每周六值守) mean those days on purpose.
  const weekendOnly = rule.freq === 'weekly' && (rule.weekdays ?? []).every((d) => d >= 6);
  const shift: Shift = rule.freq === 'daily' || weekendOnly ? 'keep' : shiftOfText(t);
  const r: RecurrenceSpec = { rule, tz: ctx.tz, description: `${describeDays(rule)} ${pad(hour)}:${pad(minute)}`, next: [], shift };
  if (leads.length) r.leads = leads;
  return finish(t, ctx, spans, r, notes);
}
