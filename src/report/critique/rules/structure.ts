import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc, HeadingInfo } from '../doc.js';
import { classifyPart, type PartId } from '../../parts.js';
import { findInlineOrdinals } from '../../headings.js';
import { reporter } from './util.js';

const report = reporter('structure', 'structure');

/** Body phrases that show a part is present even without its own heading. */
const CUES: Record<PartId, RegExp> = {
  practice: /做法|开展情况|工作情况|履职情况|主要工作|工作成效/,
  problems: /存在的?(?:主要|突出)?问题|存在(?:的)?不足|不足之处|问题和不足|薄弱环节|短板|差距|有待(?:进一步)?(?:加强|提高|提升)/,
  plans: /下一步|今后|打算|(?:20\d{2}|明)年[，,]?[\u4e00-\u9fff]{0,6}将|将(?:进一步|继续|持续|着力)/,
};

const PART_NAME: Record<PartId, string> = { practice: '主要做法', problems: '存在的问题', plans: '下一步打算' };

export const structureRule: Rule = {
  id: 'structure',
  category: 'structure',
  check(doc: CritiqueDoc): Finding[] {
    if (!doc.isWholeReport) return [];
    const out: Finding[] = [];
    const level1 = doc.headings.filter((h) => h.mark.level === 1);
    const parts = level1.map((h) => ({ h, part: classifyPart(h.mark.title) }));
    const anchor = doc.title ?? doc.paragraphs[0];
    if (!anchor) return [];
    for (const id of ['practice', 'problems', 'plans'] as const) {
      const byHeading = id === 'practice'
        ? parts.some((p) => p.part === 'practice' || p.part === null)
        : parts.some((p) => p.part === id || (id === 'problems' && /问题|不足/.test(p.h.mark.title)));
      if (byHeading) continue;
      if (doc.paragraphs.some((l) => CUES[id].test(l.text))) continue;
      if (id === 'practice' && level1.length === 0 && doc.text.length > 500) continue;
      out.push(report(doc, 'warning', anchor.start, anchor.end, `未找到“${PART_NAME[id]}”部分：此类报告一般包括主要做法、存在的问题、下一步打算三部分`, `补写“${PART_NAME[id]}”部分`));
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
  return [];
}

/** Items in a part: its sub-headings, else 第一/第二 paragraphs, else 一是/二是. */
function countItems(doc: CritiqueDoc, [from, to]: [number, number]): number {
  const sub = doc.headings.filter((h) => h.line > from && h.line < to && h.mark.level === 2).length;
  if (sub > 0) return sub;
  const paras = doc.paragraphs.filter((l) => l.index >= from && l.index < to);
  const di = paras.filter((l) => /^[\s\u3000]*第[一二三四五六七八九十]{1,2}[，、,：:]/.test(l.text)).length;
  if (di > 0) return di;
  let max = 0;
  for (const l of paras) for (const o of findInlineOrdinals(l.text)) max = Math.max(max, o.number);
  return max;
}
