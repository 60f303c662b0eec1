import type { CritiqueDoc } from './doc.js';

export type Category =
  | 'typo'
  | 'formulation'
  | 'placeholder'
  | 'markup'
  | 'punctuation'
  | 'numbering'
  | 'structure'
  | 'consistency'
  | 'duplicate'
  | 'style';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Rule id, e.g. "placeholder". */
  rule: string;
  category: Category;
  severity: Severity;
  /** Chinese, shown to the user. */
  message: string;
  /** JS string offsets into the critiqued text, end exclusive. */
  start: number;
  end: number;
  /** The offending text (possibly shortened for long spans). */
  excerpt: string;
  suggestion?: string;
}

export interface Rule {
  id: string;
  category: Category;
  check(doc: CritiqueDoc): Finding[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
