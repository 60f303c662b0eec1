/**
 * Stale meetings and campaigns (issue 23 item 2): a model (last period's report) that names a meeting
 * as the 学习贯彻 focus, or a campaign as running, which the dated formulations table says a later
 * entry of its family replaced before the period being reported on began. In the draft the piece
 * becomes the table's current entry, with the reason for the card; where the table has no dated
 * successor (a campaign of a past year and none since) it becomes 【待更新：去年为“……”】.
 */
import { CAMPAIGNS, CONFERENCES, MEETINGS, campaignMonths, citationOf, meetingDays, type Campaign, type DatedMeeting } from '../formulations.js';
import { staleMark, type PreviousWord } from './carry-over.js';

export interface StaleChange {
  /** As the model writes it: 二十届三中全会, 党纪学习教育. */
  was: string;
  /** The table's current entry; absent when there is none and the piece was marked. */
  now?: string;
  /** The year or years the old entry belongs to: 2024, 2023—2024. */
  years: string;
  /** The current entry's dates in words and its own source in the table. */
  source?: string;
  /** Occurrences changed in the draft. */
  count: number;
}

export interface StaleResult {
  text: string;
  changes: StaleChange[];
}

/** The period being reported on, as ISO days. */
export interface PeriodDays {
  start: string;
  end: string;
}

interface StaleEntry {
  kind: 'meeting' | 'campaign';
  /** Spellings as text carries them, longest first. */
  names: string[];
  display: string;
  years: string;
  successor?: { name: string; source: string; dates: string };
}

const namesOf = (m: DatedMeeting) => [m.name, ...m.aliases];
const campaignNames = (c: Campaign) => [...new Set([c.name, ...c.aliases])];
/** A meeting named as the focus: its 精神 (会议精神) follows, or the formula's 和…精神 (党的十九大和十九届六中全会精神). */
const FOCUS_AFTER = /^(?:会议)?精神|^和[^，。；\n]{0,16}?精神/;
/** A past campaign named as history or as results to consolidate is not running (as the critic reads it). */
const PAST_OK = /常态化|长效化|成果|巩固|拓展|延伸|以来|期间|回头看|20\d{2}年/;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const year = (iso: string) => iso.slice(0, 4);
const span = (a: string, b: string) => (year(a) === year(b) ? year(a) : `${year(a)}—${year(b)}`);

/** The entry of `family` that is the focus through the period: the latest closed before it began. */
function focusBefore(entries: readonly DatedMeeting[], start: string): DatedMeeting | undefined {
  return entries.filter((m) => m.end < start).at(-1);
}

/** The central focus before `start`: the latest plenum of the latest congress, else that congress. */
function centralFocus(start: string): DatedMeeting | undefined {
  const closed = MEETINGS.filter((m) => m.end < start);
  const congress = closed.filter((m) => m.kind === 'congress').at(-1);
  if (!congress) return undefined;
  return closed.filter((m) => m.kind === 'plenum' && m.congress === congress.id).at(-1) ?? congress;
}

/** Meetings and campaigns the model names that the table says are out of date for `period`. */
export function staleEntries(model: string, period: PeriodDays): StaleEntry[] {
  const out: StaleEntry[] = [];
  const named = (names: string[]) => names.some((n) => [...model.matchAll(new RegExp(esc(n), 'g'))].some((m) => FOCUS_AFTER.test(model.slice(m.index + n.length))));
  const central = centralFocus(period.start);
  for (const m of MEETINGS) {
    if (!central || central.end <= m.end || !named(namesOf(m))) continue;
    // A congress is replaced only by a newer congress; a plenum by the newest plenum (or congress).
    const next = m.kind === 'congress' ? MEETINGS.filter((x) => x.kind === 'congress' && x.end < period.start).at(-1)! : central;
    if (next.id === m.id || next.end <= m.end) continue;
    out.push({ kind: 'meeting', names: namesOf(m), display: m.name, years: year(m.end), successor: { name: next.name, source: citationOf(next), dates: meetingDays(next) } });
  }
  const conference = focusBefore(CONFERENCES, period.start);
  // Conferences share a name across years (全国宣传思想工作会议 2013, 2018): only a differently named successor replaces one.
  for (const name of [...new Set(CONFERENCES.map((c) => c.name))]) {
    const latest = CONFERENCES.filter((c) => c.name === name && c.end < period.start).at(-1);
    if (!latest || !conference || conference.name === name || conference.end <= latest.end || !named(namesOf(latest))) continue;
    out.push({ kind: 'meeting', names: namesOf(latest), display: name, years: year(latest.end), successor: { name: conference.name, source: citationOf(conference), dates: meetingDays(conference) } });
  }
  const from = period.start.slice(0, 7);
  const to = period.end.slice(0, 7);
  for (const c of CAMPAIGNS) {
    if (c.end >= from || !campaignNames(c).some((n) => model.includes(n))) continue;
    const next = CAMPAIGNS.filter((x) => x.family === c.family && x.start <= to && x.end >= from).at(-1);
    out.push({ kind: 'campaign', names: campaignNames(c), display: c.name, years: span(c.start, c.end), ...(next ? { successor: { name: next.name, source: citationOf(next), dates: campaignMonths(next) } } : {}) });
  }
  for (const e of out) e.names.sort((a, b) => b.length - a.length);
  return out;
}

/** The sentence around [start, end). */
function sentenceAt(t: string, start: number, end: number): string {
  const a = Math.max(t.lastIndexOf('。', start - 1), t.lastIndexOf('\n', start - 1), t.lastIndexOf('；', start - 1)) + 1;
  const rest = t.slice(end).search(/[。\n；]/);
  return t.slice(a, rest < 0 ? t.length : end + rest);
}

/** The clause (between ，。；) around a span. */
function clauseAt(t: string, start: number, end: number): string {
  const stops = /[，。；！？\n]/;
  let a = start;
  while (a > 0 && !stops.test(t[a - 1]!)) a--;
  let b = end;
  while (b < t.length && !stops.test(t[b]!)) b++;
  return t.slice(a, b);
}

/**
 * `draft` with the model's stale meetings and campaigns replaced by the table's current entries
 * (a meeting only where it is the focus, 三中全会精神; a campaign only where it runs, not as
 * 成果 or with its own year), or marked when the table has none.
 */
export function replaceStale(draft: string, model: string, period: PeriodDays, word: PreviousWord = '去年'): StaleResult {
  const entries = staleEntries(model, period);
  if (!entries.length) return { text: draft, changes: [] };
  const byName = new Map<string, StaleEntry>();
  for (const e of entries) for (const n of e.names) if (!byName.has(n)) byName.set(n, e);
  const re = new RegExp([...byName.keys()].sort((a, b) => b.length - a.length).map(esc).join('|'), 'g');
  const counts = new Map<StaleEntry, number>();
  const text = draft.replace(re, (hit: string, at: number) => {
    const e = byName.get(hit)!;
    const end = at + hit.length;
    if (e.kind === 'meeting') {
      if (!FOCUS_AFTER.test(draft.slice(end))) return hit;
      // Already cited beside its successor (三中全会、四中全会精神): not the stale focus.
      if (e.successor && sentenceAt(draft, at, end).includes(e.successor.name)) return hit;
    } else if (PAST_OK.test(clauseAt(draft, at, end))) {
      return hit;
    }
    counts.set(e, (counts.get(e) ?? 0) + 1);
    if (!e.successor) return staleMark(hit, word);
    // 党的二十届三中全会 → 党的二十届四中全会: the writer's 党的 is kept.
    return hit.startsWith('党的') && !e.successor.name.startsWith('党的') ? `党的${e.successor.name}` : e.successor.name;
  });
  const changes = entries.filter((e) => counts.has(e)).map((e) => ({ was: e.display, years: e.years, count: counts.get(e)!, ...(e.successor ? { now: e.successor.name, source: `表述库：${e.successor.source}` } : {}) }));
  return { text, changes };
}

const quote = (s: string) => `‘${s.replace(/[“”]/g, '')}’`;

/** One card line per change: the reason and the table's source. */
export function staleNotes(changes: readonly StaleChange[]): string[] {
  return changes.map((c) => c.now
    ? `范文中的${quote(c.was)}是${c.years}年的提法，本期按表述库改为${quote(c.now)}（来源：${c.source}）。`
    : `范文中的${quote(c.was)}是${c.years}年的提法，表述库里没有本期接续的提法，已标为【待更新】，请按本期实际改写或删去。`);
}
