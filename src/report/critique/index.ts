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

export type { Finding, Category, Severity, Rule } from './types.js';
export type { CritiqueDoc, CritiqueOptions } from './doc.js';
export { buildDoc } from './doc.js';
export { formatFindingsBrief, formatFindingsMarkdown, formatFindingsText, lineCol } from './format.js';

export const RULES: readonly Rule[] = [
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
  return dedupe(all);
}

/** Sort by position; of overlapping findings in one category keep the most severe (then the first). */
export function dedupe(findings: Finding[]): Finding[] {
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
