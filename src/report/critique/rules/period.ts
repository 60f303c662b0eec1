import type { Rule, Finding, Severity } from '../types.js';
import type { CritiqueDoc } from '../doc.js';
import { ABOLISHED_BODIES, SLOGANS } from '../../formulations.js';
import { periodLabel, periodRange } from '../../period.js';
import { matchAll, reporter } from './util.js';

const report = reporter('period', 'period');

/** Past context: a slogan or body named as history is fine. */
const HISTORY = /以来|期间|当时|曾|原|前身|更名|改革前|回顾|历史|时期|年代/;

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
        out.push(report(doc, bySure(doc, 'warning'), start, end, `“${m[0]}”是已完成阶段的提法（${s.until.slice(0, 4)}年已宣告完成），${label}报告中不宜作为当前任务`, `改为当前提法，如“${s.now}”`));
      }
    }
    for (const b of ABOLISHED_BODIES) {
      if (pStart < b.until) continue;
      for (const { m, start, end } of matchAll(b.pattern, t)) {
        if (HISTORY.test(clause(start))) continue;
        out.push(report(doc, bySure(doc, 'warning'), start, end, `“${m[0]}”已在2018年机构改革中撤并，${label}报告中应使用现名`, `核对机构名称，如“${b.now}”`));
      }
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
