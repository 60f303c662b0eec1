/**
 * The one check a draft from material goes through before it is shown or exported (issue 23
 * items 2 and 5): carried-over facts of a model marked (or replaced by this period's value,
 * with the 同比表), every remaining fact-bearing piece traced, the untraceable listed, and the
 * verbatim cap measured. Pure: the drafting flow calls it on the finished text.
 */
import { markCarryOver, overlapStatement, verbatimOverlap, VERBATIM_CAP, yoyText, type CarryOverMark, type OverlapFinding, type PreviousWord, type YoyRow } from './carry-over.js';
import type { SourcedFact } from './facts.js';
import { traceDraft, untraceableList, wordsSource, type Provenance } from './provenance.js';
import { replaceStale, staleNotes, type PeriodDays, type StaleChange } from './stale.js';

export interface MaterialCheck {
  /** The draft with carried-over facts marked or replaced. */
  text: string;
  marks: CarryOverMark[];
  /** Stale meetings and campaigns of the model replaced from the formulations table (or marked). */
  stale: StaleChange[];
  yoy: YoyRow[];
  provenance: Provenance;
  overlap: OverlapFinding[];
  /** Lines for the card: marks, 同比表, untraceable list, verbatim statement. */
  notes: string[];
}

/**
 * A draft's text with the model's carry-over handled: stale meetings and campaigns replaced from the
 * formulations table (given the period being reported on), then the model's other facts marked.
 */
export function carryOver(draft: string, model: string, facts: readonly SourcedFact[], period?: PeriodDays, word?: PreviousWord): ReturnType<typeof markCarryOver> & { stale: StaleChange[] } {
  const fresh = period ? replaceStale(draft, model, period, word) : { text: draft, changes: [] };
  return { ...markCarryOver(fresh.text, model, facts, word), stale: fresh.changes };
}

export function checkMaterialDraft(draft: string, opts: { facts: readonly SourcedFact[]; words: string; model?: string; period?: PeriodDays; previous?: PreviousWord; cap?: number }): MaterialCheck {
  const carried = opts.model ? carryOver(draft, opts.model, opts.facts, opts.period, opts.previous) : { text: draft, marks: [], yoy: [], stale: [] };
  const provenance = traceDraft(carried.text, [...opts.facts, wordsSource(opts.words)]);
  const cap = opts.cap ?? VERBATIM_CAP;
  const overlap = opts.model ? verbatimOverlap(carried.text, opts.model, cap) : [];
  const notes: string[] = [...staleNotes(carried.stale)];
  const stale = carried.marks.filter((m) => !m.from).length;
  if (stale) notes.push(`范文中的 ${stale} 处往期数字、日期或事项本期材料里没有，已标为【待更新】，请补上本期情况或删去。`);
  // One row per item and change, however often the draft repeats it.
  const rows = carried.yoy.filter((r, i, all) => all.findIndex((x) => x.item === r.item && x.previous === r.previous && x.current === r.current) === i);
  const yoy = yoyText(rows);
  if (yoy) notes.push(yoy);
  const list = untraceableList(provenance);
  if (list) notes.push(list);
  if (opts.model) notes.push(overlapStatement(cap, overlap.length));
  return { text: carried.text, marks: carried.marks, stale: carried.stale, yoy: rows, provenance, overlap, notes };
}
