// Full draft: the parts not drafted yet (all of them on 全部重写), then the assembled report.
import { addressLabel, assembleDraft, partAddress, sectionAddress, type SectionAddress } from '../../report/draft.js';
import { getGenre, placeholder } from '../../report/genres.js';
import { partChars, sectionChars } from '../../report/lengths.js';

import { requestOpening } from '../../report/request.js';
import { draftSignOff } from './document.js';
import { type FlowBase, type Progress } from './model-call.js';
import { draftOutline } from './outline.js';
import { draftOne, shownBefore } from './sections.js';
import { writerOf } from './writers.js';
import { runInOrder, StepsFailed, type Step } from './in-order.js';
import { IncompleteDraft, withSections, type ReportThreadState, type SectionText } from './state.js';

export interface DraftFullArgs extends FlowBase {
  state: ReportThreadState;
  /** 全部重写: redraft parts already drafted too. */
  redo?: boolean;
  /** Before each part and once all are done: how many parts are finished. */
  onProgress?: (p: Progress) => void;
}

export interface FullResult {
  text: string;
  state: ReportThreadState;
  /** The parts (or sections) kept as the writer last saw them. */
  kept: SectionAddress[];
  removed: string[];
}

/** Full draft, one part at a time (so the card can show progress), then assembled with title and sign-off. */
export async function draftFull(a: DraftFullArgs): Promise<FullResult> {
  let state = a.state;
  const removed: string[] = [];
  if (!state.outline) {
    const o = await draftOutline({ ...a, onText: undefined, request: state.request });
    state = { ...state, outline: o.outline };
    removed.push(...o.removed);
  }
  const outline = state.outline!;
  const req = state.request;
  const genre = getGenre(req.genre);
  const drafted = a.redo ? {} : state.draft.sections;
  const kept: SectionAddress[] = [];
  const textAt = (address: SectionAddress, t: string): SectionText => ({ address, label: addressLabel(outline, address), text: t });
  const opening = textAt('opening', drafted.opening ?? outline.opening ?? requestOpening(req, a.now));
  const total = outline.parts.length;
  // One model call per part (one voice, one first-byte wait); a long part is written section by section when
  // several are written at once, so the draft takes about as long as its longest step, not its longest part.
  const perSection = (i: number) => (a.parallel ?? 1) > 1 && a.splitPartsOver !== undefined && partChars(req, outline, i) > a.splitPartsOver;
  const steps: Array<Step<{ texts: SectionText[]; removed: string[] }> & { part: number; first: SectionAddress; covers: SectionAddress[] }> = [];
  const keep = (part: number, texts: SectionText[]) => steps.push({ part, first: texts[0]!.address, covers: texts.map((t) => t.address), done: { texts, removed: [] }, run: () => Promise.resolve({ texts, removed: [] }) });
  for (const [i, part] of outline.parts.entries()) {
    const partNo = i + 1;
    const covers = part.sections.length ? part.sections.map((_s, j) => sectionAddress(partNo, j + 1)) : [partAddress(partNo)];
    const have = covers.filter((c) => drafted[c] !== undefined);
    if (have.length === covers.length) {
      // Everything drafted: keep it as the writer last saw it.
      const intro = drafted[partAddress(partNo)] !== undefined && part.sections.length ? [textAt(partAddress(partNo), drafted[partAddress(partNo)]!)] : [];
      keep(i, [...intro, ...covers.map((c) => textAt(c, drafted[c]!))]);
      kept.push(partAddress(partNo));
    } else if (have.length > 0 || perSection(i)) {
      // Some drafted: keep those, write the rest section by section.
      kept.push(...have);
      // A length the writer asked for is kept: each section gets its share.
      const asked = req.length ? (part.sections.length ? sectionChars(req, outline, i) : partChars(req, outline, i)) : undefined;
      for (const c of covers) {
        if (drafted[c] !== undefined) keep(i, [textAt(c, drafted[c])]);
        else steps.push({ part: i, first: c, covers: [c], run: async (onText) => {
          const one = await draftOne({ ...a, onText }, outline, req, genre, c, asked);
          return { texts: [one.section], removed: one.removed };
        } });
      }
    } else {
      steps.push({ part: i, first: partAddress(partNo), covers, run: (onText) => writerOf(a).part({ ...a, onText }, { outline, req, genre, part: partNo }) });
    }
  }
  let shownPart = -1;
  const finished = (results: ReadonlyArray<{ texts: SectionText[] } | undefined>) => [opening, ...results.flatMap((x) => x?.texts ?? [])];
  let results: Array<{ texts: SectionText[]; removed: string[] }>;
  try {
    results = await runInOrder(steps, {
      limit: a.parallel ?? 1,
      // What the card shows before a step's text: the title, everything written before it, and its headings.
      prefix: (i, done) => `${outline.title}\n${shownBefore(outline, finished(done.slice(0, i)), steps[i]!.first)}`,
      ...(a.onText ? { onText: a.onText } : {}),
      onHead: (h) => {
        const part = h < steps.length ? steps[h]!.part : total;
        if (part === shownPart || part === total) return;
        shownPart = part;
        a.onProgress?.({ done: part, total, unit: '部分' });
      },
    });
  } catch (err) {
    if (!(err instanceof StepsFailed)) throw err;
    // The parts that were written are kept in the thread's draft: 写全文 again writes only the rest.
    const partial = withSections(state, finished(err.results as typeof results), a.now, false);
    const failed = err.failed.flatMap((i) => steps[i]!.covers);
    // Shown, not stored: the failed places say how they get written.
    const shown = { sections: { ...partial.draft.sections, ...Object.fromEntries(failed.map((f) => [f, placeholder('本节未能写成，发送“写全文”即可补写')])) } };
    throw new IncompleteDraft(partial, err.error, failed, assembleDraft(outline, shown, draftSignOff(partial, a.now)));
  }
  removed.push(...results.flatMap((x) => x.removed));
  const texts = finished(results);
  a.onProgress?.({ done: total, total, unit: '部分' });
  // The full draft does not change what “再精简一点” refers to.
  state = withSections(state, texts, a.now, false);
  const text = assembleDraft(outline, state.draft, draftSignOff(state, a.now));
  a.onText?.(text, text);
  return { text, state, kept, removed };
}
