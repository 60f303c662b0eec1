// Recurring reminders: the rule (cron or office-calendar rule), its Chinese description and next fires.
import { DateTime } from 'luxon';
import { toIso, WEEKDAY_CN } from './cn-time.js';
import { checkYmd } from './dates.js';
import { movedNotes, nextOccurrences } from './occurrences.js';
import { all, cleanWhat, DEFAULT_HOUR, fail, findTimes, overlaps, pad, spanOf, weekdayNum, type Ctx, type LeadTok, type RecurrenceSpec, type ReminderSpec, type Shift, type Span, type WorkdayRule } from './tokens.js';

/** The finished spec: next fires on working days, and a note for each one that moved. */
function finish(t: string, ctx: Ctx, spans: Span[], r: RecurrenceSpec, leadLabel: string | undefined, notes: string[]): ReminderSpec {
  const occ = nextOccurrences(r, ctx.now, 3);
  if (!occ.length) fail('按这个周期算不出下一次提醒时间，请换个说法。');
  const moved = movedNotes(r, occ);
  return {
    what: cleanWhat(t, spans),
    fires: [],
    recurrence: { ...r, next: occ.map((o) => toIso(o.at)) },
    leads: leadLabel ? [leadLabel] : [],
    notes: [...notes, ...moved],
  };
}

const RULE_TEXT: Record<Exclude<WorkdayRule['kind'], 'everyWeeks'>, string> = {
  firstWorkday: '每月第一个工作日',
  lastWorkday: '每月最后一个工作日',
  workdays: '每个工作日（按法定节假日和调休安排）',
  afterHoliday: '每个法定长假后的第一个工作日',
};

/** 每月第一个/最后一个工作日, 每个工作日, 节后第一个工作日, 每N周: rules on the office calendar. */
export function parseWorkdayRule(t: string, ctx: Ctx, m: RegExpExecArray, kind: WorkdayRule['kind'], leads: LeadTok[], taken: Span[]): ReminderSpec {
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
  let rule: WorkdayRule;
  let description: string;
  if (kind === 'everyWeeks') {
    const monday = ctx.now.startOf('day').minus({ days: ctx.now.weekday - 1 });
    rule = { kind, n, weekdays, anchor: monday.toISODate() ?? '', hour, minute };
    description = `每${n}周的星期${weekdays.map((d) => WEEKDAY_CN[d - 1]).join('、')} ${hhmm}`;
  } else {
    rule = { kind, hour, minute };
    description = `${RULE_TEXT[kind]} ${hhmm}`;
  }
  const r: RecurrenceSpec = { cron: '', rule, tz: ctx.tz, description, next: [], shift: kind === 'everyWeeks' ? shiftOfText(t) : 'keep' };
  return finish(t, ctx, spans, r, undefined, notes);
}

/** “遇节假日顺延” → next; “节假日也提醒” → keep; otherwise the previous working day. */
export function shiftOfText(t: string): Shift {
  if (/(节假日|休息日|周末|假期)(也|照常|照样)|不(用|要)(顺延|调整|避开)/.test(t)) return 'keep';
  if (/顺延|延后到|往后顺/.test(t)) return 'next';
  return 'prev';
}
/** The words that set the shift, for removal from the reminder's text. */
export const SHIFT_RE = /[（(]?(?:如|若)?(?:遇到?|碰到|赶上)?(?:法定)?(?:节假日|假日|休息日|周末|假期)?(?:则|就)?(?:顺延|往后顺延|延后|提前|也提醒|照常提醒|照样提醒|也照常)(?:到|至)?(?:下1个|前1个|上1个)?(?:工作日)?[）)]?/g;

export function parseRecurring(t: string, ctx: Ctx, rec: RegExpExecArray, leads0: LeadTok[], shiftSpans: Span[] = []): ReminderSpec {
  const kindRaw = rec[1] ?? '';
  const kind = kindRaw.replace(/^个/, '');
  const recSpan = spanOf(rec);
  const wdLead = leads0.find((l) => l.unit === 'workday');
  const leads = leads0;
  const taken: Span[] = [recSpan, ...leads, ...shiftSpans];
  /** What cleanWhat strips from the text; grows as parts are recognised. */
  const spans: Span[] = [...taken];
  const times = findTimes(t, taken);
  if (times.length > 1) fail('周期提醒一次只能设一个时刻，请分开设置。');
  const tt = times[0];
  const hour = tt?.hour ?? DEFAULT_HOUR;
  const minute = tt?.minute ?? 0;
  const notes: string[] = [];
  if (tt) { spans.push(tt); if (tt.note) notes.push(tt.note); }
  const hhmm = `${pad(hour)}:${pad(minute)}`;
  if (leads.length > 1) fail('周期提醒暂时只支持一个提前量，请分开设置。');
  const lead = leads[0];
  const deadlineMark = /(?<!提)(之前|以前|前)(?!\d)/.exec(t.slice(recSpan.end));
  let leadDays = 0;
  let leadLabel: string | undefined;
  if (lead) {
    if (lead.unit !== 'day' && lead.unit !== 'week' && lead.unit !== 'workday') fail('周期提醒的提前量请按天或周说，例如“提前3天”“提前2个工作日”。');
    leadDays = lead.unit === 'week' ? lead.n * 7 : lead.unit === 'workday' ? 0 : lead.n;
    leadLabel = lead.label;
  } else if (deadlineMark && kind !== '天' && kind !== '日' && kind !== '工作日') {
    leadDays = 1; leadLabel = '提前1天';
    notes.push('没说提前多久，默认提前1天提醒');
  }
  if (deadlineMark) {
    const s = recSpan.end + deadlineMark.index;
    spans.push({ start: s, end: s + deadlineMark[0].length });
  }
  if (!Number.isInteger(leadDays)) fail('周期提醒的提前量请说整天数。');

  let cron: string;
  let description: string;
  const md = all(/(\d{1,2})月份?(\d{1,2}|底|末|最后1天)[日号]?/g, t).filter((m) => !taken.some((s) => overlaps(s, spanOf(m))));
  const dayNums = all(/(?<!\d月份?|\d)(\d{1,2})[号日](?!\d)/g, t).filter((m) => !md.some((x) => overlaps(spanOf(x), spanOf(m))));
  const endWord = /(月底|月末|最后1天|底|末)/.exec(t.slice(recSpan.end));
  const endSpan = endWord && { start: recSpan.end + endWord.index, end: recSpan.end + endWord.index + endWord[0].length };
  const mark = (ms: RegExpExecArray[]) => ms.forEach((m) => spans.push(spanOf(m)));

  switch (kind) {
    case '年': case '半年': {
      if (!md.length) {
        fail(kind === '年' ? '每年几月几日提醒？例如“每年6月20日提醒我准备意识形态工作报告”。' : '每半年的哪一天提醒？例如“每半年6月20日提醒我……”（会在6月20日和12月20日各提醒一次）。');
      }
      mark(md);
      const items = md.map((m) => {
        const mo = Number(m[1]);
        if (mo < 1 || mo > 12) fail(`没有${mo}月，请检查日期。`);
        const dRaw = m[2] ?? '';
        if (/底|末|最后/.test(dRaw)) return { mo, d: 'L' as const };
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
        if (first.d !== 'L') checkYmd(2025, other, first.d);
        list = [first, { mo: other, d: first.d }].sort((a, b) => a.mo - b.mo);
      }
      if (leadDays) {
        if (list.some((x) => x.d === 'L')) fail('“月底前提前N天”的周期提醒暂不支持，请直接说提醒日期，例如“每年6月27日”。');
        list = list.map((x) => {
          const d = DateTime.fromObject({ year: 2025, month: x.mo, day: x.d as number }).minus({ days: leadDays });
          return { mo: d.month, d: d.day };
        });
      }
      const days = new Set(list.map((x) => String(x.d)));
      if (days.size > 1) fail('这几个日期不是同一天号，无法合成一个周期提醒，请分开设置（例如先设“每年6月20日”，再设“每年12月25日”）。');
      const d = list[0]!.d;
      const months = [...new Set(list.map((x) => x.mo))].sort((a, b) => a - b);
      cron = `${minute} ${hour} ${d} ${months.join(',')} *`;
      description = `每年${list.map((x) => `${x.mo}月${x.d === 'L' ? '最后一天' : `${x.d}日`}`).join('、')} ${hhmm}`;
      break;
    }
    case '季度': case '季': {
      if (endWord || /季度?末/.test(t)) {
        if (leadDays) fail('“季度末前提前N天”暂不支持，请直接说每季度几号提醒。');
        cron = `${minute} ${hour} L 3,6,9,12 *`;
        description = `每季度最后一天（3月、6月、9月、12月底） ${hhmm}`;
        if (endSpan) spans.push(endSpan);
      } else if (dayNums.length === 1 || /季度?初/.test(t)) {
        const d = dayNums.length ? Number(dayNums[0]![1]) : 1;
        mark(dayNums);
        const dd = d - leadDays;
        if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
        if (dd < 1) fail('提前量跨到了上个月，请直接说提醒日期。');
        cron = `${minute} ${hour} ${dd} 1,4,7,10 *`;
        description = `每季度首月（1月、4月、7月、10月）${dd}日 ${hhmm}`;
      } else {
        fail('每季度的哪一天提醒？例如“每季度末”或“每季度10号”。');
      }
      break;
    }
    case '月': {
      if (endSpan && !dayNums.length) {
        if (leadDays) fail('“月底前提前N天”的周期提醒暂不支持，请直接说每月几号提醒，例如“每月27号”。');
        spans.push(endSpan);
        cron = `${minute} ${hour} L * *`;
        description = `每月最后一天 ${hhmm}`;
        break;
      }
      if (!dayNums.length) {
        if (/月初/.test(t)) { cron = `${minute} ${hour} 1 * *`; description = `每月1日 ${hhmm}`; mark(all(/月初/g, t)); break; }
        fail('每月几号提醒？例如“每月25号提醒我报送舆情台账”或“每月底”。');
      }
      mark(dayNums);
      const ds = [...new Set(dayNums.map((m) => Number(m[1])))].sort((a, b) => a - b);
      for (const d of ds) if (d < 1 || d > 31) fail(`没有${d}号，请检查日期。`);
      const shifted = ds.map((d) => d - leadDays);
      if (shifted.some((d) => d < 1)) fail('提前量跨到了上个月，请直接说每月几号提醒。');
      if (shifted.length === 1 && shifted[0] === 31) {
        cron = `${minute} ${hour} L * *`;
        description = `每月最后一天 ${hhmm}`;
        notes.push('不是每个月都有31日，按每月最后一天提醒');
      } else {
        cron = `${minute} ${hour} ${shifted.join(',')} * *`;
        description = `每月${shifted.map((d) => `${d}日`).join('、')} ${hhmm}`;
        if (shifted.some((d) => d >= 29)) notes.push(`没有${shifted.filter((d) => d >= 29).join('、')}日的月份不提醒（要每月最后一天请说“每月底”）`);
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
        const ch = m[1] ?? '';
        const n = weekdayNum(ch) % 7; // cron: Sunday is 0
        const prev = days[days.length - 1];
        if (rangeNext && prev !== undefined) {
          // 周一至周五: fill the range (Sunday as 7 so 周一到周日 works)
          const end = n === 0 ? 7 : n;
          for (let k = prev + 1; k <= end; k++) days.push(k % 7);
        } else {
          days.push(n);
        }
        i = wdRe.lastIndex;
        const sep = /^([和、,，及与]|至|到|-|~)(?=(?:周|星期|礼拜)?[1-7一二三四五六日天])/.exec(t.slice(i));
        if (!sep) break;
        rangeNext = !/[和、,，及与]/.test(sep[1] ?? '');
        i += sep[0].length;
      }
      if (!days.length) fail('每周几提醒？例如“每周五下午3点提醒我交周报”。');
      spans.push({ start: recSpan.end, end: i });
      const shifted = [...new Set(days.map((d) => (((d - leadDays) % 7) + 7) % 7))].sort((a, b) => (a || 7) - (b || 7));
      const wdName = (d: number) => WEEKDAY_CN[(d + 6) % 7] ?? '';
      if (shifted.length === 7) {
        cron = `${minute} ${hour} * * *`;
        description = `每天 ${hhmm}`;
      } else {
        cron = `${minute} ${hour} * * ${[...shifted].sort((a, b) => a - b).join(',')}`;
        description = `每周${shifted.map(wdName).join('、')} ${hhmm}`;
      }
      break;
    }
    case '天': case '日': {
      cron = `${minute} ${hour} * * *`;
      description = `每天 ${hhmm}`;
      break;
    }
    case '工作日': {
      return parseWorkdayRule(t, ctx, rec, 'workdays', leads, [...shiftSpans]);
    }
    default:
      return fail('没看懂这个周期，请说“每年/每半年/每季度/每月/每周/每天”。');
  }
  // 每天 and weekly rules on weekend days only (每周六值守) mean those days on purpose.
  const weekendOnly = /^\d+ \d+ \* \* [06,]+$/.test(cron);
  const said = shiftOfText(t);
  const shift: Shift = kind === '天' || kind === '日' || weekendOnly ? 'keep' : said;
  const r: RecurrenceSpec = { cron, tz: ctx.tz, description, next: [], shift };
  if (wdLead) r.leadWorkdays = wdLead.n;
  // A daily rule with 前 (每天下班前) is a habit, not a deadline worth a task each day.
  if ((deadlineMark || lead) && kind !== '天' && kind !== '日') r.deadlineAfterDays = leadDays;
  return finish(t, ctx, spans, r, leadLabel, notes);
}
