// Full draft: the parts not drafted yet (all of them on 全部重写), then the assembled report.
import { addressLabel, assembleDraft, partAddress, sectionAddress, type SectionAddress } from '../../report/draft.js';
import { getGenre } from '../../report/genres.js';
import { headingMarker } from '../../report/headings.js';
import { partChars, sectionChars } from '../../report/lengths.js';
import { splitPartText } from '../../report/model-output.js';

import { renderOutline } from '../../report/outline.js';
import { periodLabel } from '../../report/period.js';
import { requestOpening } from '../../report/request.js';
import { draftSignOff } from './document.js';
import { factsText, personLabel, reportSystemMessage, streamText, withPrefix, type FlowBase } from './model-call.js';
import { draftOutline } from './outline.js';
import { draftOne, ROLE_WRITING } from './sections.js';
import { withSections, type ReportThreadState, type SectionText } from './state.js';

export interface DraftFullArgs extends FlowBase {
  state: ReportThreadState;
  /** 全部重写: redraft parts already drafted too. */
  redo?: boolean;
  /** After each part: (partsDone, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface FullResult {
  text: string;
  state: ReportThreadState;
  /** Labels of the parts kept as the writer last saw them. */
  kept: string[];
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
  const kept: string[] = [];
  const put = (address: SectionAddress, text: string) => texts.push({ address, label: addressLabel(outline, address), text });
  const opening = drafted.opening ?? outline.opening ?? requestOpening(req, a.now);
  put('opening', opening);
  const total = outline.parts.length;
  // What the card shows while later parts stream.
  let doneText = `${outline.title}\n${opening}\n`;
  for (const [i, part] of outline.parts.entries()) {
    const partNo = i + 1;
    const first = texts.length;
    const covers = part.sections.length ? part.sections.map((_s, j) => sectionAddress(partNo, j + 1)) : [partAddress(partNo)];
    const have = covers.filter((c) => drafted[c] !== undefined);
    const partLabel = `${headingMarker(1, partNo)}${part.heading}`;
    const prefix = `${doneText}${partLabel}\n`;
    if (have.length === covers.length) {
      // Everything drafted: keep it as the writer last saw it.
      if (drafted[partAddress(partNo)] !== undefined && part.sections.length) put(partAddress(partNo), drafted[partAddress(partNo)]!);
      for (const c of covers) put(c, drafted[c]!);
      kept.push(partLabel);
    } else if (have.length > 0 || !a.model.online) {
      // Some drafted, or offline: keep those, write the rest one by one.
      if (have.length) kept.push(`${partLabel}中已起草的${have.length}节`);
      for (const c of covers) {
        if (drafted[c] !== undefined) put(c, drafted[c]);
        else {
          // A length the writer asked for is kept offline too: each section gets its share.
          const asked = req.length ? (part.sections.length ? sectionChars(req, outline, i) : partChars(req, outline, i)) : undefined;
          const one = await draftOne(withPrefix({ ...a, onText: a.model.online ? a.onText : undefined }, prefix), outline, req, genre, c, asked);
          texts.push(one.section);
          removed.push(...one.removed);
        }
      }
    } else {
      const user = a.prompts.render('full', {
        outline: renderOutline(outline),
        part: partLabel,
        period: periodLabel(req.period),
        person: personLabel(genre, req),
        chars: String(partChars(req, outline, i)),
        facts: factsText(req),
        role: ROLE_WRITING[part.partId ?? 'none'],
      });
      const res = await streamText(withPrefix(a, prefix), [reportSystemMessage(a, req), { role: 'user', content: user }], 'full');
      removed.push(...res.removed);
      const split = splitPartText(res.text, part.sections.length);
      if (part.sections.length === 0) put(partAddress(partNo), [split.intro, ...split.sections].filter(Boolean).join('\n'));
      else {
        if (split.intro) put(partAddress(partNo), split.intro);
        part.sections.forEach((_s, j) => {
          const t = split.sections[j];
          if (t) put(sectionAddress(partNo, j + 1), t);
        });
      }
    }
    doneText += `${partLabel}\n${texts.slice(first).map((t) => t.text).join('\n')}\n`;
    a.onProgress?.(partNo, total);
  }
  // The full draft does not change what “再精简一点” refers to.
  state = withSections(state, texts, a.now, false);
  const text = assembleDraft(outline, state.draft, draftSignOff(state, a.now));
  a.onText?.(text, text);
  return { text, state, kept, removed };
}

