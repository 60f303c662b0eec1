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
  | 'style'
  | 'debris'
  | 'layout'
  | 'period'
  | 'numbers'
  | 'evidence'
  | 'unit';

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
  /** 1-based line and column (UTF-16 units) of `start`; filled in by critique(). */
  line?: number;
  col?: number;
  /** The offending text (possibly shortened for long spans). */
  excerpt: string;
  /** The hit with some text either side, the hit marked 〖〗: what a writer needs to find it. */
  context?: string;
  /** Advice shown to the writer (may be an instruction such as 删除). */
  suggestion?: string;
  /** Where the rule comes from when it is not the critic's own table: “单位规定” for the unit's word list. */
  source?: string;
  /**
   * Literal text that may replace [start, end) as written. Present only when applying it
   * cannot change meaning or structure; otherwise the finding is a message without one.
   */
  replacement?: string;
}

export interface Rule {
  id: string;
  category: Category;
  check(doc: CritiqueDoc): Finding[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

