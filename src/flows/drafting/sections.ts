// Section and revise services: draft the addressed sections, revise drafted ones by their role.
import { isEmptyTarget, type ReviseOp, type SectionTarget } from '../../report/commands.js';
import { addressLabel, findSection, parseAddress, renderSections, type ResolvedTarget, type SectionAddress } from '../../report/draft.js';
import { getGenre, placeholder, type Genre } from '../../report/genres.js';
import { headingMarker, toChineseNumeral } from '../../report/headings.js';
import { partChars, sectionChars, splitChars, visibleLength } from '../../report/lengths.js';
import { type Outline } from '../../report/outline.js';
import { partSpec } from '../../report/parts.js';
import { requestOpening, type ReportRequest } from '../../report/request.js';
import type { FlowBase, Progress } from './model-call.js';
import { writerOf } from './writers.js';
import { runInOrder, StepsFailed, type Step } from './in-order.js';
import type { OnText } from '../model-stream.js';
import type { Written } from '../writer.js';
import { IncompleteDraft, requireOutline, withSections, ReportFlowError, type ReportThreadState, type SectionText } from './state.js';

export { ROLE_WRITING } from './model-writer.js';

/** What a target that points nowhere asked for, so the writer sees which part or section is missing. */
function missing(outline: Outline, target: SectionTarget, verb: '写' | '修改'): string {
  const { partId, section } = target;
  const byRole = partId !== undefined ? outline.parts.findIndex((p) => p.partId === partId) + 1 : 0;
  if (partId !== undefined && byRole === 0) return `“${partSpec(partId).canonical}”部分`;
  const part = target.part ?? (byRole || undefined);
  if (part !== undefined) {
    const p = outline.parts[part - 1];
    if (!p) return `第${toChineseNumeral(part)}部分（提纲只有${outline.parts.length}个部分）`;
    return `“${headingMarker(1, part)}${p.heading}”的${headingMarker(2, section ?? 0)}（该部分有${p.sections.length}个二级标题）`;
  }
  if (section !== undefined) return `第${headingMarker(2, section)}点（各部分最多有${Math.max(0, ...outline.parts.map((p) => p.sections.length))}个二级标题）`;
  return `要${verb}的位置，请指明部分或小标题，例如“${verb === '写' ? '写第二部分' : '精简第一部分第（二）点'}”`;
}

/** A bare “（二）” means the part the writer last worked on, when it has such a section. */
function inLastPart(state: ReportThreadState, outline: Outline, target: SectionTarget): SectionTarget {
  if (target.section === undefined || target.part !== undefined || target.partId !== undefined) return target;
  const last = (state.lastAddresses ?? []).map((a) => parseAddress(a).part).find((p) => p > 0);
  if (last && (outline.parts[last - 1]?.sections.length ?? 0) >= target.section) return { ...target, part: last };
  return target;
}

function resolve(state: ReportThreadState, outline: Outline, target: SectionTarget, verb: '写' | '修改'): ResolvedTarget {
  const r = findSection(outline, inLastPart(state, outline, target));
  if (!r) throw new ReportFlowError(`提纲中没有找到${missing(outline, target, verb)}。当前提纲共${outline.parts.length}个部分：${outline.parts.map((p, i) => `${headingMarker(1, i + 1)}${p.heading}`).join('；')}。`);
  return r;
}

export interface SectionsResult {
  sections: SectionText[];
  state: ReportThreadState;
  /** Chat text the cleaner took out. */
  removed: string[];
}

/**
 * What the card shows before `next` streams: the sections written so far and `next`'s own
 * headings, laid out as the final card will show them. Shown at once, so the card keeps
 * what is written while the model has not answered yet.
 */
export const shownBefore = (outline: Outline, done: readonly SectionText[], next: SectionAddress): string => renderSections(outline, [...done, { address: next, text: '' }]);

export interface DraftSectionArgs extends FlowBase {
  state: ReportThreadState;
  target: SectionTarget;
  /** Length the writer asked for, split across the sections the target covers. */
  chars?: number;
  /** Before each section of a multi-section target: how many are finished. */
  onProgress?: (p: Progress) => void;
}

/** Draft the addressed section, or every section of an addressed part, one model call each. */
export async function draftSection(a: DraftSectionArgs): Promise<SectionsResult> {
  const outline = requireOutline(a.state);
  const req = a.state.request;
  const genre = getGenre(req.genre);
  const r = resolve(a.state, outline, a.target, '写');
  const each = a.chars !== undefined ? splitChars(a.chars, r.covers.length) : undefined;
  const steps = r.covers.map((addr): Step<Written> => ({ run: (onText) => draftOne(stepArgs(a, onText), outline, req, genre, addr, each) }));
  const results = await inOrderSteps(a, outline, r.covers, steps);
  const out = results.map((x) => x.section);
  return { sections: out, state: withSections(a.state, out, a.now), removed: results.flatMap((x) => x.removed) };
}

/** A step's args: its own onText (the runner puts the finished steps and headings above it). */
const stepArgs = <T extends FlowBase>(a: T, onText: OnText | undefined): T => ({ ...a, onText });

/**
 * Sections drafted at once (FlowBase.parallel), shown in order under their headings; progress counts the
 * sections finished before the one shown. A failed section leaves the others' text in StepsFailed.
 */
async function inOrderSteps<T extends { section: SectionText }>(a: FlowBase & { state: ReportThreadState; onProgress?: (p: Progress) => void }, outline: Outline, covers: readonly SectionAddress[], steps: Array<Step<T>>): Promise<T[]> {
  const total = covers.length;
  try {
    return await runInOrder(steps, {
      limit: a.parallel ?? 1,
      prefix: (i, results) => shownBefore(outline, results.slice(0, i).map((x) => x!.section), covers[i]!),
      ...(a.onText ? { onText: a.onText } : {}),
      onHead: (i) => {
        if (total > 1 && i < total) a.onProgress?.({ done: i, total, unit: '节' });
      },
    });
  } catch (err) {
    if (!(err instanceof StepsFailed)) throw err;
    // The sections that were written are kept in the thread's draft; a failed one shows a placeholder.
    const results = err.results as ReadonlyArray<T | undefined>;
    const done = results.flatMap((x) => (x ? [x.section] : []));
    const shown = covers.map((address, i) => results[i]?.section ?? { address, text: a.state.draft.sections[address] ?? placeholder('本节未能写成，见上方说明') });
    throw new IncompleteDraft(withSections(a.state, done, a.now), err.error, err.failed.map((i) => covers[i]!), renderSections(outline, shown));
  }
}

/** The length a section (or a part without sections) gets by default: its share of the report. */
export function usualChars(req: ReportRequest, outline: Outline, addr: SectionAddress): number {
  const { part, section } = parseAddress(addr);
  return section !== undefined ? sectionChars(req, outline, part - 1) : partChars(req, outline, part - 1);
}

/** Draft one address with the flow's writer at `chars`, or the section's share of the report; the opening is the outline's. */
export async function draftOne(a: FlowBase, outline: Outline, req: ReportRequest, genre: Genre, addr: SectionAddress, chars?: number): Promise<{ section: SectionText; removed: string[] }> {
  if (addr === 'opening') {
    const text = outline.opening ?? requestOpening(req, a.now);
    a.onText?.(text, text);
    return { section: { address: addr, label: addressLabel(outline, addr), text }, removed: [] };
  }
  return writerOf(a).section(a, { outline, req, genre, addr, ...(chars !== undefined ? { chars } : {}) });
}

export interface ReviseSectionArgs extends DraftSectionArgs {
  op: ReviseOp;
}

export interface ReviseResult extends SectionsResult {
  /** Nothing of the target was drafted: drafted now, `chars` visible characters in all (`usual` by default). */
  drafted?: { addresses: SectionAddress[]; chars: number; usual: number };
  /** Sections of the target not drafted yet, left alone because others were revised. */
  skipped: SectionAddress[];
}

/** How long a target not drafted yet is written on 精简/展开/重写: shorter, longer or as usual. */
const UNDRAFTED_SHARE: Record<ReviseOp, number> = { condense: 0.6, expand: 1.5, rewrite: 1 };

/**
 * Expand, condense or rewrite drafted text by its part's role; a whole part is revised
 * section by section. A target not drafted yet is drafted at the asked length, else at a
 * length that does what was asked: 精简 below the usual share, 展开 above it.
 */
export async function reviseSection(a: ReviseSectionArgs): Promise<ReviseResult> {
  const outline = requireOutline(a.state);
  const req = a.state.request;
  const genre = getGenre(req.genre);
  const last = a.state.lastAddresses ?? [];
  // No target named: revise what was written last.
  const r: ResolvedTarget = isEmptyTarget(a.target) && last.length
    ? { address: last[0]!, part: parseAddress(last[0]!).part, label: last.map((x) => addressLabel(outline, x)).join('、'), covers: last }
    : resolve(a.state, outline, a.target, '修改');
  // The text to revise: the drafted one, or for the opening the outline's.
  const textOf = (addr: SectionAddress): string | undefined => a.state.draft.sections[addr] ?? (addr === 'opening' ? outline.opening : undefined);
  // A partly drafted part: revise what is drafted. Nothing drafted yet: draft it at the asked length.
  const drafted = r.covers.filter((addr) => textOf(addr) !== undefined);
  const covers = drafted.length ? drafted : r.covers;
  const skipped = drafted.length ? r.covers.filter((addr) => textOf(addr) === undefined) : [];
  const fresh = drafted.length === 0;
  const usual = covers.reduce((n, addr) => n + usualChars(req, outline, addr), 0);
  const asked = a.chars !== undefined ? splitChars(a.chars, covers.length) : undefined;
  const steps = covers.map((addr): Step<Written> => ({
    run: async (onText) => {
      const f = stepArgs(a, onText);
      const current = textOf(addr);
      if (current === undefined) {
        // “精简第一部分” before it was written: write it short; “把（二）展开到500字”: at 500.
        const chars = asked ?? Math.max(50, Math.round((usualChars(req, outline, addr) * UNDRAFTED_SHARE[a.op]) / 10) * 10);
        return addr === 'opening' ? draftOne(f, outline, req, genre, addr) : writerOf(a).reviseFresh(f, { outline, req, genre, addr, op: a.op, chars, ...(asked !== undefined ? { asked } : {}) });
      }
      const res = await writerOf(a).revise(f, { outline, req, genre, addr, op: a.op, chars: asked ?? defaultRevisedLength(a.op, current), current });
      return { section: { address: addr, label: addressLabel(outline, addr), text: res.text }, removed: res.removed };
    },
  }));
  const results = await inOrderSteps(a, outline, covers, steps);
  const out = results.map((x) => x.section);
  const removed = results.flatMap((x) => x.removed);
  const freshChars = fresh ? out.reduce((n, x) => n + visibleLength(x.text), 0) : 0;
  const freshOnes = fresh ? covers.filter((addr) => addr !== 'opening') : [];
  return {
    sections: out,
    state: withSections(a.state, out, a.now),
    removed,
    skipped,
    ...(freshOnes.length ? { drafted: { addresses: freshOnes, chars: freshChars, usual } } : {}),
  };
}

function defaultRevisedLength(op: ReviseOp, text: string): number {
  const n = visibleLength(text);
  return op === 'expand' ? Math.round(n * 1.6) : op === 'condense' ? Math.round(n * 0.6) : n;
}
