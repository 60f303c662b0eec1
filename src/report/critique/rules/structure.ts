import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc, HeadingInfo } from '../doc.js';
import { classifyPart, type PartId } from '../../parts.js';
import { findInlineOrdinals } from '../../headings.js';
import { bigrams, DI_ORDINAL, reporter } from './util.js';

const report = reporter('structure', 'structure');

const GOV_WORK_REPORT = /政府工作报告|向大会报告[^，。；]{0,6}政府工作/;
const PLAN_TITLE = /(?:工作)?(?:计划|方案|要点|安排)$/;

/** Body phrases that show a part is present even without its own heading. */
const CUES: Record<PartId, RegExp> = {
  practice: /做法|开展情况|工作情况|履职情况|主要工作|工作成效/,
  problems: /存在的?(?:主要|突出)?问题|存在(?:的)?不足|不足之处|问题和不足|薄弱环节|短板|差距|有待(?:进一步)?(?:加强|提高|提升)/,
  plans: /下一步|今后|打算|(?:20\d{2}|明)年[，,]?[\u4e00-\u9fff]{0,6}将|将(?:进一步|继续|持续|着力)/,
};

/** Below this length a text is more likely an excerpt than a whole report (whole reports of the genre run 2,000–6,000 characters). */
const WHOLE_REPORT_CHARS = 1500;

const PART_NAME: Record<PartId, string> = { practice: '主要做法', problems: '存在的问题', plans: '下一步打算' };

export const structureRule: Rule = {
  id: 'structure',
  category: 'structure',
  check(doc: CritiqueDoc): Finding[] {
    // A government's work report to its congress reviews the year and sets the next one's tasks: not this genre's
    // three parts.
    // A plan (计划, 方案, 要点) looks ahead and has no problems part of its own.
    if (!doc.isWholeReport || GOV_WORK_REPORT.test(doc.text.slice(0, 400)) || (doc.title && PLAN_TITLE.test(doc.title.text.trim()))) return [];
    const out: Finding[] = [];
    const level1 = doc.headings.filter((h) => h.mark.level === 1);
    const parts = level1.map((h) => ({ h, part: classifyPart(h.mark.title) }));
    const anchor = doc.title ?? doc.paragraphs[0];
    if (!anchor) return [];
    const missing: PartId[] = [];
    for (const id of ['practice', 'problems', 'plans'] as const) {
      const byHeading = id === 'practice'
        ? parts.some((p) => p.part === 'practice' || p.part === null)
        : parts.some((p) => p.part === id || (id === 'problems' && /问题|不足/.test(p.h.mark.title)));
      if (byHeading) continue;
      if (doc.paragraphs.some((l) => CUES[id].test(l.text))) continue;
      if (id === 'practice' && level1.length === 0 && doc.text.length > 500) continue;
      missing.push(id);
    }
    if (missing.length > 0) {
      const names = missing.map((id) => `“${PART_NAME[id]}”`).join('');
      // A short text may be an excerpt: the missing parts may just not have been pasted.
      const short = doc.text.length < WHOLE_REPORT_CHARS;
      out.push(report(doc, short ? 'info' : 'warning', anchor.start, anchor.end, `未找到${names}部分：此类报告一般包括主要做法、存在的问题、下一步打算三部分${short ? '（如只贴了一部分，可忽略）' : ''}`, `补写${names}部分`));
    }
    if (doc.titleLines.size <= 1) out.push(...correspondence(doc, parts));
    return out;
  },
};

function correspondence(doc: CritiqueDoc, parts: { h: HeadingInfo; part: PartId | null }[]): Finding[] {
  const idx = (id: PartId) => parts.findIndex((p) => p.part === id);
  const pi = idx('problems');
  const qi = idx('plans');
  if (pi < 0 || qi < 0 || pi === qi) return [];
  const range = (i: number): [number, number] => [parts[i]!.h.line, parts[i + 1]?.h.line ?? Number.MAX_SAFE_INTEGER];
  const problems = countItems(doc, range(pi));
  const plans = countItems(doc, range(qi));
  if (problems >= 2 && plans >= 1 && plans < problems) {
    const h = parts[qi]!.h;
    return [report(doc, 'info', h.start, h.end, `“存在的问题”列了${problems}条，“下一步打算”只有${plans}条，部分问题可能没有对应的整改措施`, '使措施与问题逐条对应')];
  }
  return topics(doc, range(pi), range(qi));
}

/** Bigrams too common in the genre to show that two items share a topic. */
const STOP_BIGRAMS = new Set(['意识', '识形', '形态', '态工', '工作', '不够', '不足', '有待', '加强', '进一', '一步', '提高', '提升', '强化', '深化', '存在', '问题', '方面', '部分', '个别', '建设', '落实', '推进', '健全', '完善', '不强', '不高', '不深', '到位', '还不', '够强']);

function contentBigrams(s: string): Set<string> {
  const out = bigrams(s.replace(/[^\u4e00-\u9fff]/g, ''));
  for (const g of STOP_BIGRAMS) out.delete(g);
  return out;
}

/** A problem sub-heading whose topic no plan sub-heading shares (by title bigrams). */
function topics(doc: CritiqueDoc, [pf, pt]: [number, number], [qf, qt]: [number, number]): Finding[] {
  const title = (h: HeadingInfo) => h.mark.title.split(/[。；]/)[0] ?? '';
  const probs = doc.headings.filter((h) => h.line > pf && h.line < pt && h.mark.level === 2);
  const plans = doc.headings.filter((h) => h.line > qf && h.line < qt && h.mark.level === 2);
  if (probs.length < 2 || plans.length < 2) return [];
  const planGrams = plans.map((h) => contentBigrams(h.mark.title.split(/[。；]/).slice(0, 2).join('')));
  const out: Finding[] = [];
  for (const h of probs) {
    const g = contentBigrams(title(h));
    if (g.size === 0) continue;
    if (planGrams.some((pg) => [...g].some((x) => pg.has(x)))) continue;
    out.push(report(doc, 'info', h.start, h.start + h.mark.marker.length + title(h).length, `问题“${title(h)}”在“下一步打算”中似乎没有对应的措施`, '补充针对该问题的整改措施'));
  }
  return out;
}

/** Items in a part: its sub-headings, else 第一/第二 paragraphs, else 一是/二是. */
function countItems(doc: CritiqueDoc, [from, to]: [number, number]): number {
  const sub = doc.headings.filter((h) => h.line > from && h.line < to && h.mark.level === 2).length;
  if (sub > 0) return sub;
  const paras = doc.paragraphs.filter((l) => l.index >= from && l.index < to);
  const di = paras.filter((l) => DI_ORDINAL.test(l.text)).length;
  if (di > 0) return di;
  let max = 0;
  for (const l of paras) for (const o of findInlineOrdinals(l.text)) max = Math.max(max, o.number);
  return max;
}
