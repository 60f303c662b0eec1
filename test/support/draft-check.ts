// A test oracle for drafts (moved from src/report/draft.ts, which no production path used): the genre's
// skeleton, no invented numbers, formal placeholders only.
import type { Genre } from '../../src/report/genres.js';
import { checkOutline, parseOutline } from '../../src/report/outline.js';
import type { PartId } from '../../src/report/parts.js';
import { INFORMAL_PLACEHOLDER_RE, PLACEHOLDER_RE, suspiciousNumbers, type NumberFinding } from '../../src/report/draft.js';

export interface DraftCheck {
  /** Chinese defect lines (skeleton, numbering, invented numbers, placeholder style). */
  defects: string[];
  placeholders: number;
  suspicious: NumberFinding[];
  /** Roles of the level-1 headings found, in order. */
  parts: (PartId | null)[];
  hasTitle: boolean;
  hasOpeningFormula: boolean;
}

/**
 * Deterministic draft check: skeleton completeness for the genre, placeholders rather
 * than invented numbers. `facts` are the user's own clauses; numbers found there are fine.
 */
export function checkDraft(text: string, facts: readonly string[], genre?: Genre): DraftCheck {
  const outline = parseOutline(text);
  const defects: string[] = [];
  // The genre's own formula (汇报如下 in a 个人汇报), any 报告/汇报如下 without a genre.
  const formula = /[^。；！？，,\n]*如下[：:]/.exec(text)?.[0] ?? '';
  const hasOpeningFormula = genre ? genre.closingFits.test(formula) : /(报告|汇报)如下[：:]/.test(formula);
  if (!hasOpeningFormula) defects.push(`开头段缺少“${genre?.closing ?? '现将有关情况报告如下：'}”之类的承启语`);
  if (genre) defects.push(...checkOutline(outline, genre).filter((d) => !/下没有要点|^开头段/.test(d)));
  const suspicious = suspiciousNumbers(text, facts);
  if (suspicious.length) defects.push(`出现用户未提供的数字：${[...new Set(suspicious.map((s) => s.text))].slice(0, 8).join('、')}，应改为【待补充：…】占位`);
  const informal = text.match(INFORMAL_PLACEHOLDER_RE) ?? [];
  if (informal.length) defects.push(`使用了不规范的占位符：${[...new Set(informal)].join('、')}，应写作【待补充：…】`);
  if (/\|.*\|.*\|/.test(text)) defects.push('出现了表格，正文应为连续段落');
  if (/[A-Za-z]{4,}/.test(text.replace(/word|docx/gi, ''))) defects.push('出现了英文单词');
  return {
    defects,
    placeholders: (text.match(PLACEHOLDER_RE) ?? []).length,
    suspicious,
    parts: outline.parts.map((p) => p.partId),
    hasTitle: outline.title.length > 0,
    hasOpeningFormula,
  };
}
