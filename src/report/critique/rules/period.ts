import type { Rule, Finding, Severity } from '../types.js';
import type { CritiqueDoc } from '../doc.js';
import { ABOLISHED_BODIES, ANNIVERSARIES, SLOGANS } from '../../formulations.js';
import { findPeriod, periodLabel, periodRange } from '../../period.js';
import { lookingBack, matchAll, plansStart, reporter } from './util.js';
import { parseNumeral } from '../../../text/numerals.js';

const report = reporter('period', 'period');

/** Past context: a slogan or body named as history is fine. */
const HISTORY = /以来|期间|当时|曾|原|前身|更名|改革前|回顾|历史|时期|年代/;

/** 七十五 → 75, 一百零三 → 103, 百 → 100; digits as they are. */
const anniversaryNumber = (s: string): number => parseNumeral(s, { max: 999 }) ?? NaN;

const ANNIVERSARY_RE = new RegExp(`(?:${ANNIVERSARIES.map((a) => a.names).join('|')})\\s*(?:(\\d{1,3}|[一二两三四五六七八九十百零]{1,5})\\s*周年|百年)`, 'g');
const ANNIVERSARY_NAME = ANNIVERSARIES.map((a) => ({ a, re: new RegExp(`^(?:${a.names})`) }));
/** Celebrating it as the period's own work. */
const CELEBRATE = /庆祝|纪念|迎接|喜迎|献礼|围绕|结合|契机|隆重|主题/;
/** Preparing next year's anniversary is work of this period. */
const AHEAD = /迎接|喜迎|献礼|将|拟|计划|下一步|明年|筹备/;

/** The clause (between ，。；) around a span. */
function clauseOf(t: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !/[，。；！？\n]/.test(t[a - 1]!) && start - a < 40) a--;
  let b = end;
  while (b < t.length && !/[，。；！？\n]/.test(t[b]!) && b - end < 40) b++;
  return t.slice(a, b);
}

/** With an uncertain period no date check raises an error; a warning becomes a hint. */
export function bySure(doc: CritiqueDoc, severity: Severity): Severity {
  if (doc.periodConfidence === 'high') return severity;
  return severity === 'error' ? 'warning' : 'info';
}

/**
 * Things outside the report's time: slogans of a finished stage, bodies abolished by the 2018
 * reform, and in a half-year or quarterly report, dates after the period's last month.
 */
export const periodRule: Rule = {
  id: 'period',
  category: 'period',
  check(doc: CritiqueDoc): Finding[] {
    const p = doc.period;
    if (!p) return [];
    const out: Finding[] = [];
    const t = doc.text;
    const { start: pStart, end: pEnd } = periodRange(p);
    const label = periodLabel(p);
    const clause = (start: number) => t.slice(Math.max(0, start - 16), start);
    for (const s of SLOGANS) {
      if (pStart < s.until) continue;
      for (const { m, start, end } of matchAll(s.pattern, t)) {
        if (HISTORY.test(clause(start))) continue;
        // A passage looking back over the years the stage closed in (过去五年……如期打赢脱贫攻坚战) reports it done.
        const back = lookingBack(doc, start, p.year);
        if (back && back[0] <= Number(s.until.slice(0, 4))) continue;
        out.push(report(doc, bySure(doc, 'warning'), start, end, `“${m[0]}”是已完成阶段的提法（${s.until.slice(0, 4)}年已宣告完成），${label}报告中不宜作为当前任务`, `改为当前提法，如“${s.now}”`));
      }
    }
    for (const b of ABOLISHED_BODIES) {
      if (pStart < b.until) continue;
      for (const { m, start, end } of matchAll(b.pattern, t)) {
        if (HISTORY.test(clause(start))) continue;
        out.push(report(doc, bySure(doc, 'warning'), start, end, b.why ? `${b.why}，${label}报告中应使用“${b.now}”` : `“${m[0]}”已在2018年机构改革中撤并，${label}报告中应使用现名`, b.why ? `改为“${b.now}”并核对数据口径` : `核对机构名称，如“${b.now}”`));
      }
    }
    // A named anniversary celebrated as current work: its year is founding + N (新中国成立75周年 → 2024).
    for (const { m, start, end } of matchAll(ANNIVERSARY_RE, t)) {
      const hit = ANNIVERSARY_NAME.find(({ re }) => re.test(m[0]));
      if (!hit) continue;
      const n = m[1] === undefined ? 100 : anniversaryNumber(m[1]);
      if (!Number.isFinite(n) || n <= 0) continue;
      const year = hit.a.year + n;
      // A year stated as the anniversary's (2023年是中华人民共和国成立70周年): the arithmetic says which year it is.
      const stated = /((?:19|20)\d{2})\s*年(?:是|为|恰逢|正值|适逢|正逢)[^，。；！？\n]{0,16}$/.exec(t.slice(Math.max(0, start - 30), start));
      if (stated) {
        if (Number(stated[1]) !== year) {
          out.push(report(doc, 'warning', start, end, `${stated[1]}年不是“${m[0]}”：${hit.a.name}于${hit.a.year}年，${n}周年是${year}年`, `核对：${stated[1]}年是${hit.a.name}${Number(stated[1]) - hit.a.year}周年`));
        }
        continue;
      }
      // The sentence so far (up to 30 characters).
      const before = t.slice(Math.max(0, start - 30), start).split(/[。；！？\n]/).at(-1)!;
      const near = before.slice(-16);
      // Citing the anniversary speech (在庆祝……100周年大会上的讲话) or history (以来, 回顾, a year named) is not current work.
      // Celebrated as this year's: a celebration word before, 今年 right before, or 庆典/之际 right after.
      const current = CELEBRATE.test(near) || /(?:今年|本年|年内)[^，。；]{0,2}$/.test(near) || /^\s*(?:之际|庆典|庆祝活动|纪念活动|系列活动)/.test(t.slice(end, end + 8));
      if (!current || HISTORY.test(near) || /[自在]/.test(near.slice(-6)) || /大会|讲话|座谈会|重要指示/.test(t.slice(end, end + 12))) continue;
      if (/(?:19|20)\d{2}\s*年|去年|前年|当年|已经|曾经/.test(clauseOf(t, start, end))) continue;
      if (year === p.year || (year === p.year + 1 && AHEAD.test(before))) continue;
      // A passage looking back over that year (过去五年……庆祝党的百年华诞) reports it.
      const back = lookingBack(doc, start, p.year);
      if (back && back[0] <= year && year <= back[1]) continue;
      // One or two years back and not called this year's: a report that looks back over its term (r25's and r31's
      // labellers accept a 2023 report's 建党百年): a hint.
      const lookBack = p.year > year && p.year - year <= 2 && !/(?:今年|本年|年内)/.test(near);
      out.push(report(doc, lookBack ? 'info' : bySure(doc, 'warning'), start, end, `“${m[0]}”是${year}年（${hit.a.name}于${hit.a.year}年），与${label}报告不符${lookBack ? '（如是回顾往年工作，可不改）' : ''}`, `核对周年数或报告年份：${p.year}年是${hit.a.name}${p.year - hit.a.year}周年`));
    }
    // The title's year against the year the body opens with (2023年……报告 / 2022年，我局……): a pasted or reused text.
    if (doc.periodConfidence === 'high' && doc.opening && doc.title && !doc.titleLines.has(doc.opening.index)) {
      const head = doc.opening.text.split(/[。；]/)[0]!.slice(0, 60);
      const body = findPeriod(head, doc.now);
      const at = /20\d{2}/.exec(head);
      if (body && at && body.year !== p.year && /^[\s\u3000]*(?:20\d{2}|今年|去年)/.test(head)) {
        // Marked on the title's year: template sites re-date a title over an older body.
        const ty = new RegExp(String(p.year)).exec(t.slice(doc.title.start, doc.title.end));
        const s = ty ? doc.title.start + ty.index : doc.opening.start + at.index;
        out.push(report(doc, 'warning', s, s + 4, `标题是${p.year}年，正文开头写的是${body.year}年`, '核对报告年份：标题和正文应一致'));
      }
    }
    // A heading dated another year (二、2020年工作开展情况 under a 2023 title or body): a reused section. Next year's
    // plan is fine; without a sure period it is a hint.
    const plans = plansStart(doc);
    for (const h of doc.headings) {
      if (h.runIn || h.mark.level > 2) continue;
      const title = h.mark.title.trimStart();
      const y = /^((?:19|20)\d{2})年(?![\d—\-－~～至到])/.exec(title);
      // A past year's audit, inspection or its fixes (2023年巡察反馈问题整改情况) is this year's work on that year.
      if (!y || /以来|回顾|历年|对比|同期|期间|至今|—|～|整改|巡视|巡察|审计|反馈|督查|检查|考核|问题/.test(title.slice(0, 24))) continue;
      const year = Number(y[1]);
      if (year === p.year || year === p.year + 1) continue;
      // A work report of the year's start reviews the year before, then plans its own (一、2025年工作总结…… / 二、2026年工作安排).
      if (year === p.year - 1 && h.start < plans && plans < t.length) continue;
      const at = t.indexOf(y[1]!, h.end);
      if (at < 0 || at - h.end > 4) continue;
      out.push(report(doc, bySure(doc, 'warning'), at, at + 4, `本文是${p.year}年的报告，此处小标题写的是${year}年`, '核对年份：疑为沿用旧稿'));
    }
    // A half-year or quarterly report that dates work after its own end: 2025年9月 in an H1 report.
    if (p.span !== 'year') {
      const lastMonth = Number(pEnd.slice(5, 7));
      const re = new RegExp(`${p.year}年(1[0-2]|[1-9])月`, 'g');
      // The 成文日期 under the title or in the sign-off falls after the period: not a defect.
      const dateLines = doc.paragraphs.filter((l, i) => l.text.trim().length <= 40 && !/[，。；]/.test(l.text) && (i >= doc.paragraphs.length - 3 || i <= 2));
      for (const { m, start, end } of matchAll(re, t)) {
        if (dateLines.some((l) => start >= l.start && start < l.end)) continue;
        if (Number(m[1]) <= lastMonth || /(?:将|计划|拟|预计|力争|争取|于|到|至|前)$/.test(t.slice(Math.max(0, start - 2), start))) continue;
        if (/^(?:前|底前|底之前|起|开始)/.test(t.slice(end, end + 3)) || /将|计划|拟|下一步|打算/.test(t.slice(end, end + 10))) continue;
        out.push(report(doc, bySure(doc, 'warning'), start, end, `${label}报告中出现报告期之后的日期“${m[0]}”`, '核对日期或报告期'));
      }
    }
    return out;
  },
};
