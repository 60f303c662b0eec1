// Pure parser for reminder commands. No I/O; `now` and the zone are injected.
import { DateTime } from 'luxon';
import { addWorkdays } from './calendar.js';
import { formatInstant, normalizeCn, toIso } from './cn-time.js';
import { findWhen } from './dates.js';
import { moveToWorkday } from './occurrences.js';
import { parseRecurring, parseWorkdayRule, shiftOfText, SHIFT_RE } from './recurrence.js';
import { all, cleanWhat, DEFAULT_HOUR, DEFAULT_TZ, durOf, fail, findLeads, pad, ParseError, spanOf, TIME_HINT, type Ctx, type LeadTok, type ParseOptions, type PresetKey, type ReminderCommand, type ReminderSpec, type Shift, type Span } from './tokens.js';

export { DEFAULT_TZ, ParseError } from './tokens.js';
export type { Lead, ParseOptions, RecurrenceSpec, ReminderCommand, ReminderSpec, Rule, Shift } from './tokens.js';

// ---------- public entry ----------

export function ctxOf(opts: ParseOptions): Ctx {
  const tz = opts.timezone ?? DEFAULT_TZ;
  return { now: DateTime.fromJSDate(opts.now).setZone(tz), tz };
}

export function parseReminderCommand(text: string, opts: ParseOptions): ReminderCommand | null {
  const ctx = ctxOf(opts);
  const t = normalizeCn(stripMentions(text));
  const c = t.replace(/[\s。.!！?？~～]/g, '');
  try {
    if (/^(我的提醒|(查看|查询|列出|显示|看看)(一下)?(我的|所有|全部)?提醒(列表)?|提醒列表)$/.test(c)) return { kind: 'list' };

    const cancel = /^(?:取消|删除|删掉|关闭|撤销|不要)(?:我的)?(?:提醒)?第?(\d+)(?:个|号)?(?:提醒)?$/.exec(c);
    if (cancel) return { kind: 'cancel', id: Number(cancel[1]) };
    if (/^(取消|删除|删掉|撤销)(我的|所有|全部)?提醒$/.test(c)) {
      return { kind: 'error', message: '要取消哪一个提醒？请带上编号，例如“取消提醒 2”。发送“我的提醒”可以查看编号。' };
    }

    const edit = /^(?:把|将)?第?(\d+)(?:个|号)?提醒(?:的时间)?(?:改到|改为|改成|改在|推迟到|提前到|调整到|调整为|调到|挪到|换到)[:，,]?(.+)$/.exec(c)
      ?? /^(?:修改|更改|调整)(?:提醒)?第?(\d+)(?:个|号)?(?:提醒)?(?:的时间)?(?:改?[为到成在]|[:，,])?(.+)$/.exec(c);
    if (edit) return { kind: 'edit', id: Number(edit[1]), text: edit[2] ?? '' };
    const bare = BARE_EDIT.exec(c);
    if (bare && EDIT_TIME.test(bare[1] ?? '')) return { kind: 'edit', text: bare[1] ?? '' };
    const pick = /^(?:第|#)?(\d{1,3})(?:个|号)?(?:提醒)?(?:吧)?$/.exec(c);
    if (pick) return { kind: 'pick', id: Number(pick[1]) };
    if (AFFIRM.test(c)) return { kind: 'affirm' };
    if (/^(只改|仅改|就改)(下1次|下1个|这1次|这次|下次|最近1次|1次)(就行|就好|吧)?$/.test(c)) return { kind: 'edit-choice', choice: 'once' };
    if (/^(改规则|修改规则|改周期|规则也改|以后都改|以后都这样|全部都改|都改)(吧)?$/.test(c)) return { kind: 'edit-choice', choice: 'rule' };
    if (/^(确认|确定|就按这个|按这个设置?)(设置|提醒)?(吧)?$/.test(c)) return { kind: 'preset-confirm' };
    const adjust = presetAdjust(c);
    if (adjust) return adjust;
    if (/^(修改|更改|调整)提醒/.test(c) || /^(把|将)?提醒.*(改到|改成|改为)/.test(c)) {
      return { kind: 'error', message: '要修改哪一个提醒？请这样说：“把第2个提醒改到7月5日”。发送“我的提醒”可以查看编号。' };
    }

    if (/^(请|帮我)?(设置|设定|开启|打开|添加|建立)(一下)?(常用的?)?意识形态(工作)?(责任制)?(报告)?(的)?(常用)?提醒$/.test(c)) return { kind: 'preset' };

    if (!/提醒|叫我|通知我/.test(c)) return null;
    // "写一份……的提醒通知" is a writing request, not a reminder
    if (/^(请|麻烦你?)?(帮我|给我|帮忙)?(写|起草|拟|草拟|撰写|润色|改写|生成|整理|列|出)/.test(c) && !/提醒我|叫我|通知我/.test(c)) return null;
    const hasTimeWords = TIME_HINT.test(t);
    if (!hasTimeWords && !/^(请|麻烦)?(帮我)?(设置|设|定|加|添加|新建)?(一个|个)?提醒(我|一下|大家)?/.test(c) && !/提醒我/.test(c)) return null;
    return { kind: 'set', spec: parseSchedule(t, ctx) };
  } catch (e) {
    if (e instanceof ParseError) return { kind: 'error', message: e.message };
    throw e;
  }
}

/** What a 记一笔 reminder is about: 记台账, 记一笔, 填台账, 更新台账. */
const LEDGER_WORDS = /(?:记|登记|填|填写|补|补记|更新|填报)(?:一下|好)?(?:本单位|意识形态(?:工作)?)?台账|记一笔/;
/** “每月25日提醒记台账”, “每月最后一个工作日提醒大家记一笔”, “取消记台账提醒”. */
const LEDGER_REMINDER = new RegExp(`(?:提醒|叫|通知)[^，。；\\n]{0,12}?(?:${LEDGER_WORDS.source})|(?:${LEDGER_WORDS.source})的?提醒`);
export const LEDGER_REMINDER_WHAT = '记台账（记一笔）';

/**
 * A reminder to keep the 台账 (issue 23 item 4): set like any other reminder (the office calendar moves a
 * rest day's fire to the working day before), flagged so that each fire posts the month's 台账 digest;
 * “取消记台账提醒” cancels it without its number. Null when the words are no such reminder.
 */
export function parseLedgerReminder(text: string, opts: ParseOptions): ReminderCommand | null {
  const c = normalizeCn(stripMentions(text)).replace(/[\s。.!！~～]/g, '');
  // “记一笔：……” is an entry, whatever it says.
  if (/^(?:记一笔|记上一笔|台账记一笔)/.test(c) || !LEDGER_REMINDER.test(c) || c.length > 60) return null;
  if (/^(?:取消|关闭|关掉|停止|停掉|不要|不用|删除|删掉|撤销)/.test(c)) return { kind: 'ledger-cancel' };
  const r = parseReminderCommand(text, opts);
  if (r?.kind !== 'set') return r?.kind === 'error' ? r : { kind: 'error', message: '要什么时候提醒记台账？可以这样说：“每月25日提醒记台账”，或“每月最后一个工作日提醒记台账”。' };
  return { kind: 'set', spec: { ...r.spec, what: LEDGER_REMINDER_WHAT, ledger: true } };
}

/** “改到下午4点”, “那就改成每周四”: an edit without a number (the reminder just set or listed). */
const BARE_EDIT = /^(?:那就|那|就|请|帮我|麻烦)?(?:把|将)?(?:它|这个提醒|这条提醒|提醒|时间)?(?:的时间)?(?:改到|改为|改成|改在|推迟到|提前到|调整到|调整为|调到|挪到|换到)[:，,]?(.+?)(?:吧|好了|就行)?$/;
/** What such an edit must carry: a time, a day or a new rule (“改成更正式的语气” is not one). */
const EDIT_TIME = new RegExp(`^(?:${TIME_HINT.source}|\\d{1,4}[年月号日/.-]|今年|明年|后年|截止|[下本这]个?(?:周|星期|礼拜|月|工作日)|下下)`);
/** Yes to “要设为提醒吗？”. */
const AFFIRM = /^(?:是|是的|对|对的|要|要的|需要|好|好的|好啊|可以|行|嗯|嗯嗯|ok|OK|设吧|设置吧|帮我设|帮我设置|设为提醒|设置提醒|设成提醒|要设|要设置)(?:的|吧|啊|呀|，?设吧|，?设为提醒|，?谢谢)?$/;

/** Words that make a short message a question or a writing request, not a reminder. */
const NOT_A_REMINDER = /[?？]|吗|呢$|怎么|如何|什么|哪|为什么|是否|能否|可不可以|有没有|多少|几(?![点号日月个天周])|^(请|麻烦你?)?(帮我|给我|帮忙)?(写|起草|拟|草拟|撰写|润色|改写|生成|整理|列|翻译|总结|概括|解释|介绍|审阅|看看)/;
const RECURRING = /每(?:隔?\d+个?)?(?:年|半年|季度|季|个?月|周|星期|礼拜|天|日|个?工作日)|工作日每天|每逢|节后第?1个工作日/;
/** A time of day or a particular day, beyond the recurrence word itself. */
const SPECIFIC = /\d{1,2}(?:[点时:]|[日号])|上午|下午|晚上|中午|早上|凌晨|傍晚|周[一二三四五六日天1-7]|星期|礼拜|底|末|工作日|节后/;
const DEADLINE = /\d[日号]?(?:之前|以前|前)(?!\d)|(?:底|末|周[一二三四五六日天])(?:之前|以前|前)|截止|最晚|不晚于/;

/**
 * A short message that says when but not “提醒我” (“每周一上午9点开例会（遇节假日顺延）”, “6月30日前交
 * 半年报告”): with a recurrence or a deadline it is a reminder; with only a time (“明天下午3点开会”) it may be
 * one, so the bot asks. The router asks this last, after drafting, critique and pastes; null means chat.
 */
export function implicitReminder(text: string, opts: ParseOptions): ReminderCommand | null {
  const t = normalizeCn(stripMentions(text));
  if (t.length > 60 || /\n/.test(t) || /提醒|叫我|通知我/.test(t) || NOT_A_REMINDER.test(t) || !TIME_HINT.test(t)) return null;
  const ctx = ctxOf(opts);
  let spec: ReminderSpec;
  try {
    spec = parseSchedule(t, ctx);
  } catch (e) {
    if (e instanceof ParseError) return null;
    throw e;
  }
  if (!spec.what) return null;
  // “每天都要学习” has a recurrence but says no time or day: asked about, not set.
  if ((RECURRING.test(t) || DEADLINE.test(t)) && SPECIFIC.test(t)) return { kind: 'set', spec };
  return { kind: 'offer', text: t, spec };
}

const KEY_RE = /(上?半年(?:度)?|年度|全年|年终|述职)(?:工作)?(?:报告|材料|述职)?(?:的)?(?:截止)?(?:日期|时间)?(?:改到|改为|改成|改在|定在|定为|定到|调到|调整到|放在|提前到|推迟到)(.+)/;

/** “半年报告改到7月8日，述职改到1月20日” → items; null when the text is not such an adjustment. */
export function presetAdjust(c: string): ReminderCommand | null {
  const parts = c.split(/[，,；;、]|和(?=上?半年|年度|全年|年终|述职)/).filter(Boolean);
  const items: { key: PresetKey; text: string }[] = [];
  for (const p of parts) {
    const m = KEY_RE.exec(p);
    if (!m || m.index !== 0) return null;
    const w = m[1] ?? '';
    const key: PresetKey = w.includes('半年') ? 'half' : w === '述职' ? 'duty' : 'annual';
    items.push({ key, text: m[2] ?? '' });
  }
  return items.length ? { kind: 'preset-adjust', items } : null;
}

// ---------- schedule parsing ----------

/** Spans of the words that say how rest days are handled (removed from the reminder's text). */
function shiftSpans(t: string): Span[] {
  return all(SHIFT_RE, t).filter((m) => !/^提前$/.test(m[0]) && /顺延|延后|照|也|遇|碰到|赶上/.test(m[0])).map(spanOf);
}

export function parseSchedule(t: string, ctx: Ctx): ReminderSpec {
  const shiftTaken = shiftSpans(t);
  const leads = findLeads(t).filter((l) => !shiftTaken.some((s) => s.start <= l.start && l.end <= s.end));
  const wd = /每(?:个|1个)?月(?:的)?(第1个|最后1个)工作日/.exec(t);
  if (wd) return parseWorkdayRule(t, ctx, wd, (wd[1] ?? '').startsWith('第') ? 'firstWorkday' : 'lastWorkday', leads, shiftTaken);
  const ah = /(?:每|每个|每逢|每次)(?:节|假期|长假)(?:假日)?(?:结束)?后(?:的)?(?:第1个|首个)?工作日/.exec(t);
  if (ah) return parseWorkdayRule(t, ctx, ah, 'afterHoliday', leads, shiftTaken);
  const weeks = /每隔?(\d+)个?(?:周|星期|礼拜)/.exec(t);
  if (weeks && weeks[1] !== '1') return parseWorkdayRule(t, ctx, weeks, 'everyWeeks', leads, shiftTaken);
  const every = /每隔?(\d+)个?(年|季度|月|周|星期|礼拜|天|日|小时|分钟)/.exec(t);
  if (every && every[1] !== '1') fail(`暂不支持“${every[0]}”这种间隔提醒。可以说“每2周周五”“每月25号”“每月最后一个工作日”“每季度末”“每年6月20日”，或分别设置几个一次性提醒。`);
  const rec = /(工作日)每天/.exec(t)
    ?? /每(?:1个?)?(年(?!度)|半年|个?季度|个?季|个?月|周|星期|礼拜|天|日|个?工作日)/.exec(t)
    ?? /^(?:请)?(?:在)?(工作日)/.exec(t);
  if (rec) return parseRecurring(t, ctx, rec, leads, shiftTaken);
  return parseOneOff(t, ctx, leads, shiftTaken);
}

const VAGUE = /(下周|下个?月|明年|今年|月中|上旬|中旬|下旬|过几天|改天|晚些|稍后|待会|一会儿?)/;

/** Dates the user picked on purpose even though they are rest days (周六, 今天, 10分钟后). */
const EXPLICIT_REST = /周[六日天末]|星期[六日天]|礼拜[六日天]|今天|今晚|今早|今日|分钟|小时|钟头/;

function parseOneOff(t: string, ctx: Ctx, leads: LeadTok[], shiftTaken: Span[] = []): ReminderSpec {
  const when = findWhen(t, ctx, [...leads, ...shiftTaken]);
  if (!when) {
    if (VAGUE.test(t)) fail(`“${VAGUE.exec(t)?.[1] ?? ''}”不够具体，请说明具体日期和时间，例如“6月30日下午3点”或“下周五上午9点”。`);
    fail('什么时候提醒你？请带上时间，例如“明天上午9点提醒我改稿”“10分钟后提醒我”“6月30日前交报告，提前3天提醒”。');
  }
  const w = when;
  const notes = [...w.notes];
  const mainSpan = w.spans.reduce((a, b) => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }));
  const after = t.slice(mainSpan.end);
  const before = t.slice(0, mainSpan.start);
  const markAfter = /^(之前|以前|前|截止|为止|到期)(?!\d)/.exec(after);
  const markBefore = /(截止(?:到|至|日期|时间)?(?:是|为)?|最晚|不晚于)$/.exec(before);
  const isDeadline = !!markAfter || !!markBefore || leads.length > 0 || !!w.within;
  const spans: Span[] = [...w.spans, ...leads, ...shiftTaken];
  const shift: Shift = shiftOfText(t);
  const keepDay = EXPLICIT_REST.test(w.label) || (!w.date && w.hasTime && !w.within && !/天|周|星期|礼拜|月|年|工作日/.test(w.label));
  if (markAfter) spans.push({ start: mainSpan.end, end: mainSpan.end + markAfter[0].length });
  if (markBefore) spans.push({ start: mainSpan.start - markBefore[0].length, end: mainSpan.start });
  const what = cleanWhat(t, spans);
  const now = ctx.now;
  const fmt = (d: DateTime, time = true) => formatInstant(toIso(d), ctx.tz, { time });

  let instant = w.instant;
  // Past handling: floating dates roll; yearless ones roll when the whole day is past.
  if (w.date?.roll && instant.startOf('day') < now.startOf('day')) {
    const rolled = w.date.roll();
    instant = rolled.date.set({ hour: instant.hour, minute: instant.minute });
    if (rolled.note) notes.push(rolled.note);
  } else if (w.date?.note) {
    notes.push(w.date.note);
  }

  if (!isDeadline) {
    if (instant <= now) {
      fail(`${fmt(instant)}已经过去了，无法设置。请换一个将来的时间，例如“明天上午9点”。`);
    }
    const mv = keepDay ? { at: instant } : moveToWorkday(instant, shift, now);
    if (mv.note) notes.push(mv.note);
    return { what, fires: [toIso(mv.at)], leads: [], notes, shift };
  }

  // Deadline with leads
  const deadlineEnd = w.hasTime ? instant : instant.endOf('day');
  if (deadlineEnd <= now) fail(`截止时间${fmt(instant, w.hasTime)}已经过去了，无法按它设置提醒。`);
  const useLeads = leads.length ? leads : [{ start: 0, end: 0, n: 1, unit: 'day' as const, label: '提前1天' }];
  if (!leads.length) notes.push('没说提前多久，默认提前1天提醒');
  const base = w.hasTime ? instant : instant.set({ hour: DEFAULT_HOUR, minute: 0 });
  const fires: DateTime[] = [];
  const kept: string[] = [];
  const skipped: string[] = [];
  for (const l of useLeads) {
    if (!w.hasTime && (l.unit === 'hour' || l.unit === 'minute')) {
      fail(`截止日期没有具体时刻，“${l.label}”算不出提醒时间。请说明几点截止，例如“${w.label}下午5点前”。`);
    }
    let f = l.unit === 'workday' ? addWorkdays(base, -l.n) : base.minus(durOf(l.n, l.unit));
    if (f <= now) { skipped.push(`${l.label}（${fmt(f)}）`); continue; }
    if (l.unit !== 'minute' && l.unit !== 'hour') {
      const mv = moveToWorkday(f, shift, now);
      if (mv.at > deadlineEnd) { skipped.push(`${l.label}（${fmt(f)}，休息日且顺延会超过截止时间）`); continue; }
      if (mv.note) notes.push(mv.note);
      f = mv.at;
    }
    fires.push(f); kept.push(l.label);
  }
  const uniq = [...new Map(fires.map((f) => [f.toMillis(), f])).values()].sort((a, b) => a.toMillis() - b.toMillis());
  if (!uniq.length) {
    const daysLeft = Math.floor(base.startOf('day').diff(now.startOf('day'), 'days').days);
    let offer: string;
    if (daysLeft >= 2) offer = `提醒我${w.label}前${what}，提前${daysLeft - 1}天提醒`;
    else if (daysLeft === 1 && base.minus({ days: 1 }) > now) offer = `提醒我${w.label}前${what}，提前1天提醒`;
    else if (base > now) offer = `${w.hasTime ? '' : '今天'}${pad(base.hour)}:${pad(base.minute)}提醒我${what}`;
    else offer = `1小时后提醒我${what}`;
    fail(`${skipped.join('、')}的提醒时间已经过了，但截止时间${fmt(instant, w.hasTime)}还没到。还来得及的话，可以这样说：“${offer}”。`);
  }
  if (skipped.length) notes.push(`${skipped.join('、')}已经过了，不再提醒`);
  return {
    what,
    deadline: toIso(w.hasTime ? instant : instant.startOf('day')),
    deadlineHasTime: w.hasTime,
    fires: uniq.map(toIso),
    leads: kept,
    notes: [...new Set(notes)],
    shift,
  };
}

function stripMentions(text: string): string {
  return text.replace(/@_user_\d+/g, ' ').replace(/<at[^>]*>.*?<\/at>/g, ' ').replace(/^\s*@\S+\s+/, '').trim();
}