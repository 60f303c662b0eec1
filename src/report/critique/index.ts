/**
 * The rule-based critic (审校): deterministic checks over a pasted report. Pure: no I/O.
 */
import { buildDoc, type CritiqueDoc, type CritiqueOptions } from './doc.js';
import { SEVERITY_RANK, type Finding, type Rule } from './types.js';
import { placeholderRule } from './rules/placeholder.js';
import { markupRule } from './rules/markup.js';
import { punctuationRule } from './rules/punctuation.js';
import { numberingRule } from './rules/numbering.js';
import { structureRule } from './rules/structure.js';
import { formulationRule } from './rules/formulation.js';
import { datesRule } from './rules/dates.js';
import { typoRule } from './rules/typo.js';
import { consistencyRule } from './rules/consistency.js';
import { duplicateRule } from './rules/duplicate.js';
import { styleRule } from './rules/style.js';
import { debrisRule } from './rules/debris.js';
import { layoutRule } from './rules/layout.js';
import { xiRule } from './rules/xi.js';
import { periodRule } from './rules/period.js';
import { titleRule } from './rules/title.js';
import { contextOf } from './doc.js';
import { lineIndex } from './format.js';

export type { Finding, Category, Severity, Rule } from './types.js';
export type { CritiqueDoc, CritiqueOptions } from './doc.js';
export { buildDoc } from './doc.js';
export { formatFindingsBrief, formatFindingsCard, formatFindingsMarkdown, formatFindingsText, lineCol } from './format.js';

export const RULES: readonly Rule[] = [
  debrisRule,
  titleRule,
  layoutRule,
  xiRule,
  periodRule,
  placeholderRule,
  markupRule,
  punctuationRule,
  numberingRule,
  structureRule,
  formulationRule,
  datesRule,
  typoRule,
  consistencyRule,
  duplicateRule,
  styleRule,
];

export function critique(text: string, opts: CritiqueOptions = {}): Finding[] {
  return critiqueDoc(buildDoc(text, opts));
}

/** Run every rule on an already parsed document (callers that also need its period or unit). */
export function critiqueDoc(doc: CritiqueDoc): Finding[] {
  const all: Finding[] = [];
  for (const rule of RULES) all.push(...rule.check(doc));
  const pos = lineIndex(doc.text);
  return dedupe(all).map((f) => {
    const { line, col } = pos(f.start);
    return { ...f, line, col, context: contextOf(doc.text, f.start, f.end) };
  });
}

/**
 * One finding per defect. Sort by position; of overlapping findings in one category keep the most
 * severe (then the first); of findings on the same span keep the most severe; inside pasted page
 * chrome (one debris finding) nothing else is reported.
 */
export function dedupe(findings: Finding[]): Finding[] {
  const debris = findings.filter((f) => f.category === 'debris' && f.end - f.start > 8);
  const inDebris = (f: Finding) => f.category !== 'debris' && debris.some((d) => f.start >= d.start && f.end <= d.end);
  const spans = new Map<string, Finding>();
  for (const f of findings) {
    if (inDebris(f)) continue;
    const key = `${f.start}:${f.end}`;
    const prev = spans.get(key);
    if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) spans.set(key, f);
  }
  findings = findings.filter((f) => !inDebris(f) && spans.get(`${f.start}:${f.end}`) === f);
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const kept: Finding[] = [];
  const lastByCategory = new Map<string, number>();
  for (const f of sorted) {
    const i = lastByCategory.get(f.category);
    const prev = i === undefined ? undefined : kept[i];
    if (prev && f.start < prev.end && f.end > prev.start) {
      // The overlap is the same defect: keep the more severe, else the earlier finding.
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) kept[i!] = f;
      continue;
    }
    lastByCategory.set(f.category, kept.length);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
