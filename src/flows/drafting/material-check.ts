// The material check on every draft built on material (issue 23 items 2 and 5): carried-over facts
// marked in the stored sections and the shown text, provenance kept for “这句出自哪里？”, the notes
// (marks, 同比表, untraceable list, verbatim cap) for the card before anything is exported.
import { carryOver, checkMaterialDraft } from '../../report/material/check.js';
import { whereFrom } from '../../report/material/provenance.js';
import type { ReportThreadState } from './state.js';
import { periodLabel, periodRange } from '../../report/period.js';

export interface CheckedDraft {
  text: string;
  state: ReportThreadState;
  /** Card lines, each complete. */
  notes: string[];
}

/** `text` as shown and `state` as stored, both checked against the thread's material; unchanged without material. */
export function checkAgainstMaterial(state: ReportThreadState, text: string): CheckedDraft {
  const m = state.material;
  if (!m) return { text, state, notes: [] };
  const model = m.model?.text;
  // Stale meetings and campaigns are judged against the period the report is for.
  const period = periodRange(state.request.period);
  const sections = model
    ? Object.fromEntries(Object.entries(state.draft.sections).map(([k, v]) => [k, carryOver(v, model, m.facts, period).text]))
    : state.draft.sections;
  // The period the report is for (the request's, stated in the assumption line) is the writer's too.
  const check = checkMaterialDraft(text, { facts: m.facts, words: `${m.words}\n${periodLabel(state.request.period)}`, ...(model ? { model, period } : {}) });
  return { text: check.text, state: { ...state, draft: { ...state.draft, sections }, provenance: check.provenance }, notes: check.notes };
}

export const NO_PROVENANCE = '这个话题里还没有根据材料起草的稿子，所以没有出处记录。请先发材料并说“根据这份台账写……”，起草后再问“这句出自哪里？”。';

/** “这句出自哪里？” from the thread's stored provenance. */
export function answerWhereFrom(state: ReportThreadState | null | undefined, question: string): string {
  if (!state?.provenance) return NO_PROVENANCE;
  return whereFrom(state.provenance, question);
}
