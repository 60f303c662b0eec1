// Full draft: the parts not drafted yet (all of them on 全部重写), then the assembled report.
import { addressLabel, assembleDraft, partAddress, sectionAddress, type SectionAddress } from '../../report/draft.js';
import { getGenre } from '../../report/genres.js';
import { partChars, sectionChars } from '../../report/lengths.js';

import { requestOpening } from '../../report/request.js';
import { draftSignOff } from './document.js';
import { withPrefix, type FlowBase, type Progress } from './model-call.js';
import { draftOutline } from './outline.js';
import { draftOne, shownBefore } from './sections.js';
import { writerOf } from './writers.js';
import { withSections, type ReportThreadState, type SectionText } from './state.js';

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
  const texts: SectionText[] = [];
  const kept: SectionAddress[] = [];
  const put = (address: SectionAddress, text: string) => texts.push({ address, label: addressLabel(outline, address), text });
  const opening = drafted.opening ?? outline.opening ?? requestOpening(req, a.now);
  put('opening', opening);
  const total = outline.parts.length;
  // What the card shows before `next` streams: the title, everything written, and `next`'s headings.
  const shown = (next: SectionAddress): string => `${outline.title}\n${shownBefore(outline, texts, next)}`;
  for (const [i, part] of outline.parts.entries()) {
    const partNo = i + 1;
    a.onProgress?.({ done: i, total, unit: '部分' });
    const covers = part.sections.length ? part.sections.map((_s, j) => sectionAddress(partNo, j + 1)) : [partAddress(partNo)];
    const have = covers.filter((c) => drafted[c] !== undefined);
    if (have.length === covers.length) {
      // Everything drafted: keep it as the writer last saw it.
      if (drafted[partAddress(partNo)] !== undefined && part.sections.length) put(partAddress(partNo), drafted[partAddress(partNo)]!);
      for (const c of covers) put(c, drafted[c]!);
      kept.push(partAddress(partNo));
    } else if (have.length > 0) {
      // Some drafted: keep those, write the rest one by one.
      kept.push(...have);
      for (const c of covers) {
        if (drafted[c] !== undefined) put(c, drafted[c]);
        else {
          // A length the writer asked for is kept: each section gets its share.
          const asked = req.length ? (part.sections.length ? sectionChars(req, outline, i) : partChars(req, outline, i)) : undefined;
          const f = withPrefix(a, shown(c));
          f.onText?.('', '');
          const one = await draftOne(f, outline, req, genre, c, asked);
          texts.push(one.section);
          removed.push(...one.removed);
        }
      }
    } else {
      const f = withPrefix(a, shown(partAddress(partNo)));
      f.onText?.('', '');
      const res = await writerOf(a).part(f, { outline, req, genre, part: partNo });
      texts.push(...res.texts);
      removed.push(...res.removed);
    }
  }
  a.onProgress?.({ done: total, total, unit: '部分' });
  // The full draft does not change what “再精简一点” refers to.
  state = withSections(state, texts, a.now, false);
  const text = assembleDraft(outline, state.draft, draftSignOff(state, a.now));
  a.onText?.(text, text);
  return { text, state, kept, removed };
}
