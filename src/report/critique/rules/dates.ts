import type { Rule, Finding } from '../types.js';
import { lineAt, type CritiqueDoc } from '../doc.js';
import { CAMPAIGNS, MEETINGS, currentGuidance, type DatedMeeting } from '../../formulations.js';
import { periodLabel, periodRange } from '../../period.js';
import { lookingBack, matchAll, reporter } from './util.js';
import { bySure } from './period.js';

const report = reporter('dates', 'consistency');

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every spelling → its entry, and one alternation of them, longest first. */
function nameIndex<T>(entries: readonly T[], names: (e: T) => string[]): { byName: Map<string, T>; re: RegExp } {
  const byName = new Map<string, T>();
  for (const e of entries) for (const n of names(e)) if (!byName.has(n)) byName.set(n, e);
  const re = new RegExp([...byName.keys()].sort((a, b) => b.length - a.length).map(esc).join('|'), 'g');
  return { byName, re };
}
const { byName: MEETING_BY_NAME, re: MEETING_RE } = nameIndex(MEETINGS, (m) => [m.name, ...m.aliases]);
const { byName: CAMPAIGN_BY_NAME, re: CAMPAIGN_RE } = nameIndex(CAMPAIGNS, (c) => c.aliases);

/** Verbs that present a meeting's 精神 as the current guidance. */
const STUDY_VERB = /(?:贯彻|落实|学习|宣传|领会|宣讲)[\u4e00-\u9fff“”]{0,6}$/;
/** Verbs that present a campaign as running now. */
const RUNNING = /(?:深入开展|扎实开展|正在开展|全面开展|开展|深入推进|扎实推进|推进|启动|部署开展|以)[“”"]?$/;
/** Past campaigns may be named as 常态化长效化 or as results to consolidate. */
const PAST_OK = /常态化|长效化|成果|巩固|拓展|延伸|以来|期间|回头看/;

const DAY = 24 * 3600 * 1000;
/** Reports are written up to ~6 weeks after the period ends. */
const SLACK_DAYS = 45;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

const now = (doc: CritiqueDoc) => doc.now.toISOString().slice(0, 10);
const rank = (m: DatedMeeting) => MEETINGS.findIndex((x) => x.id === m.congress);

/** The mass organisations and the other parties hold numbered congresses of their own (中国工会十八大, 2023). */
const OTHER_BODY = /(?:工会|共青团|团|妇女|妇联|侨联|科协|文联|作协|青联|学联|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|工商联|残联|红十字会)第?$/;

export const datesRule: Rule = {
  id: 'dates',
  category: 'consistency',
  check(doc: CritiqueDoc): Finding[] {
    const p = doc.period;
    if (!p) return [];
    const out: Finding[] = [];
    const t = doc.text;
    const { start: pStart, end: pEnd } = periodRange(p);
    const asOf = addDays(pEnd, SLACK_DAYS);
    const current = currentGuidance(pStart);
    // What the report should cite: everything closed by the time it is written.
    const phrase = currentGuidance(pEnd < now(doc) ? pEnd : now(doc)).phrase;
    const label = periodLabel(p);
    for (const { m, start, end } of matchAll(MEETING_RE, t)) {
      const meeting = MEETING_BY_NAME.get(m[0])!;
      const before = t.slice(Math.max(0, start - 12), start);
      const after = t.slice(end, end + 16);
      // Another body's own congress (中国工会十八大, 共青团十九大): not the Party's.
      if (OTHER_BODY.test(before)) continue;
      // A meeting already held before the period, greeted as coming (以优异成绩迎接党的二十大召开 in 2023).
      if (meeting.end < pStart && /(?:迎接|喜迎|即将召开|将要召开)$/.test(before) && /^(?:胜利)?召开/.test(after)) {
        out.push(report(doc, bySure(doc, 'warning'), start, end, `${meeting.name}已于${meeting.start.slice(0, 7).replace('-', '年')}月召开，${label}报告中不应写作“迎接……召开”`, `改为“深入学习贯彻${phrase}”`));
        continue;
      }
      if (meeting.end > asOf) {
        // Greeted as coming anywhere in its clause run (为迎接自治区大庆和党的十九大胜利召开营造氛围).
        const lead = t.slice(Math.max(0, start - 40), start);
        const sentence = lead.slice(Math.max(lead.lastIndexOf('。'), lead.lastIndexOf('；'), lead.lastIndexOf('\n')) + 1);
        // (Or the work that prepares its opening: 为党的二十大胜利召开营造浓厚氛围.)
        if (/即将召开|将要召开|迎接|喜迎|献礼|筹备/.test(sentence) || /^(?:即将|将要|将于|将)/.test(after) || /^(?:的)?(?:胜利|顺利)?召开(?:营造|创造|做好|献礼|保驾)/.test(after)) continue;
        out.push(report(doc, bySure(doc, 'error'), start, end, `${meeting.name}于${meeting.start.slice(0, 7).replace('-', '年')}月召开，${label}报告中不应引用`, `核对报告期，或改为“${phrase}”`));
        continue;
      }
      // A plenum cited in the guidance formula (十九大和十九届四中全会精神) when a later plenum of the same
      // congress had closed before the period began: the formula names the latest one.
      if (meeting.kind === 'plenum' && /大和$/.test(before) && /^精神/.test(after)) {
        const later = MEETINGS.filter((x) => x.kind === 'plenum' && x.congress === meeting.congress && x.start > meeting.start && x.end < pStart).at(-1);
        if (later) {
          out.push(report(doc, bySure(doc, 'warning'), start, end, `${label}报告中以${meeting.name}精神作为当前指导，此前${later.name}已经召开`, `改为“${phrase}”`));
          continue;
        }
      }
      // Stale congress cited as current guidance: "深入贯彻党的十九大精神" in 2024 — unless the passage is about an
      // earlier year it names (一、2020年工作亮点 …… 2020年理论学习安排), when that congress was the current one.
      const own = passageYear(doc, start);
      if (own && own < p.year && rank(meeting) >= rank(currentGuidance(`${own}-07-01`).congress)) continue;
      if (rank(meeting) < rank(current.congress) && (STUDY_VERB.test(before) || /(?:特别是|尤其是|以|和)$/.test(before)) && /^(?:会议|和[^，。；]{0,16})?精神/.test(after) && !/以来|召开后|之后|期间/.test(after.slice(0, 4))) {
        out.push(report(doc, bySure(doc, 'warning'), start, end, `${label}报告中把${meeting.name}作为当前指导，已过时`, `改为“${phrase}”`));
      }
    }
    const year = p.year;
    for (const { m, start, end } of matchAll(CAMPAIGN_RE, t)) {
      const c = CAMPAIGN_BY_NAME.get(m[0])!;
      const before = t.slice(Math.max(0, start - 8), start);
      const clause = clauseAround(t, start, end);
      const cStart = Number(c.start.slice(0, 4));
      const cEnd = Number(c.end.slice(0, 4));
      if (`${c.start}-01` > asOf) {
        out.push(report(doc, bySure(doc, 'error'), start, end, `${c.name}自${c.start.replace('-', '年')}月开始，${label}报告中不应出现`, '核对报告期或删除'));
        continue;
      }
      if (year >= cStart && year <= cEnd) continue;
      // A passage looking back (过去五年，我们扎实开展……; a section 一、“十四五”时期工作回顾) names the campaigns of its years.
      const back = lookingBack(doc, start, year);
      if (back && cEnd >= back[0] && cStart <= back[1]) continue;
      // A past campaign named with its own year (2021年开展党史学习教育时) is history, not current work.
      if (PAST_OK.test(clause) || /20\d{2}年/.test(clause)) continue;
      // A campaign carried on as 常态化制度化 in the same sentence (开展“两学一做”学习教育，推进其常态化制度化) is still running.
      const sentence = t.slice(Math.max(t.lastIndexOf('。', start), t.lastIndexOf('\n', start)) + 1, (t.slice(end).search(/[。\n]/) + 1 || t.length - end + 1) + end - 1);
      if (new RegExp(`${m[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[”"]?[\\u4e00-\\u9fff]{0,4}常态化`).test(sentence)) continue;
      if (!RUNNING.test(before)) continue;
      out.push(report(doc, bySure(doc, 'warning'), start, end, `${c.name}是${cStart === cEnd ? cStart : `${cStart}—${cEnd}`}年开展的学习教育，${label}报告中写成正在开展不妥`, `删去，或改为“巩固拓展${c.name}成果”等表述`));
    }
    return out;
  },
};

/**
 * The year a passage says it is about: the last year named before `offset` in its line, else in the headings above
 * it up to its section's level-1 heading (a section on an earlier year inside a later report).
 */
function passageYear(doc: CritiqueDoc, offset: number): number | undefined {
  const years = (s: string) => [...s.matchAll(/((?:19|20)\d{2})年(?!以来|来)/g)].map((m) => Number(m[1]));
  const line = lineAt(doc, offset);
  if (!line) return undefined;
  const inLine = years(doc.text.slice(line.start, offset)).at(-1);
  if (inLine) return inLine;
  // Up the headings to the section's level-1 heading: the first that names a year sets it.
  for (const h of doc.headings.filter((x) => !x.runIn && x.start < line.start).reverse()) {
    const y = years(h.mark.title).at(-1);
    if (y) return y;
    if (h.mark.level === 1) return undefined;
  }
  return undefined;
}

/** The clause (between ，。；) around a span. */
function clauseAround(t: string, start: number, end: number): string {
  const stops = /[，。；！？\n]/;
  let a = start;
  while (a > 0 && !stops.test(t[a - 1]!) && start - a < 40) a--;
  let b = end;
  while (b < t.length && !stops.test(t[b]!) && b - end < 40) b++;
  return t.slice(a, b);
}
