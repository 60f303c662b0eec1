// Full draft, export text and the command dispatcher.
import type { DraftCommand } from '../../report/commands.js';
import { addressLabel, assembleBody, assembleDraft, chineseDate, partAddress, sectionAddress, type SectionAddress } from '../../report/draft.js';
import { getGenre, placeholder, issuerName } from '../../report/genres.js';
import { headingMarker } from '../../report/headings.js';
import { renderOutline } from '../../report/outline.js';
import { periodLabel } from '../../report/period.js';
import type { ReportRequest } from '../../report/request.js';
import { factsText, partChars, personLabel, reportSystemMessage, requireOutline, streamText, withPrefix, withSections, type FlowBase, type ReportThreadState, type SectionText } from './common.js';
import { draftOutline } from './outline.js';
import { draftSection, offlineSectionText, reviseSection, splitPartText } from './sections.js';

export interface DraftFullArgs extends FlowBase {
  state: ReportThreadState;
  /** After each part: (partsDone, total). */
  onProgress?: (done: number, total: number) => void;
  /** Sign-off date; defaults to today. */
  date?: string;
}

export interface FullResult {
  text: string;
  state: ReportThreadState;
}

/** Full draft, one part at a time (so the card can show progress), then assembled with title and sign-off. */
export async function draftFull(a: DraftFullArgs): Promise<FullResult> {
  let state = a.state;
  if (!state.outline) {
    const o = await draftOutline({ ...a, onText: undefined, request: state.request });
    state = { ...state, outline: o.outline };
  }
  const outline = state.outline!;
  const req = state.request;
  const genre = getGenre(req.genre);
  const texts: SectionText[] = [];
  const put = (address: SectionAddress, text: string) => texts.push({ address, label: addressLabel(outline, address), text });
  const opening = outline.opening ?? genre.opening({ unit: req.unit, period: req.period, now: a.now });
  put('opening', opening);
  const total = outline.parts.length;
  // What the card shows while later parts stream.
  let doneText = `${outline.title}\n\n${opening}\n`;
  for (const [i, part] of outline.parts.entries()) {
    const partNo = i + 1;
    const first = texts.length;
    if (!a.model.online) {
      if (part.sections.length === 0) put(partAddress(partNo), offlineSectionText(outline, partNo, undefined, req));
      part.sections.forEach((_s, j) => put(sectionAddress(partNo, j + 1), offlineSectionText(outline, partNo, j + 1, req)));
    } else {
      const user = a.prompts.render('full', {
        outline: renderOutline(outline),
        part: `${headingMarker(1, partNo)}${part.heading}`,
        period: periodLabel(req.period),
        person: personLabel(genre, req),
        chars: String(partChars(req, outline, i)),
        facts: factsText(req),
      });
      const raw = await streamText(withPrefix(a, `${doneText}${headingMarker(1, partNo)}${part.heading}\n`), [reportSystemMessage(a, req), { role: 'user', content: user }]);
      const split = splitPartText(raw, part.sections.length);
      if (part.sections.length === 0) put(partAddress(partNo), [split.intro, ...split.sections].filter(Boolean).join('\n'));
      else {
        if (split.intro) put(partAddress(partNo), split.intro);
        part.sections.forEach((_s, j) => {
          const t = split.sections[j];
          if (t) put(sectionAddress(partNo, j + 1), t);
        });
      }
    }
    doneText += `${headingMarker(1, partNo)}${part.heading}\n${texts.slice(first).map((t) => t.text).join('\n')}\n\n`;
    a.onProgress?.(partNo, total);
  }
  state = withSections(state, texts, a.now);
  const text = assembleDraft(outline, state.draft, { unit: signOff(req), date: a.date ?? chineseDate(a.now) });
  a.onText?.(text, text);
  return { text, state };
}

/** The same draft in the pieces a laid-out document needs. */
export function draftDocument(state: ReportThreadState, now: Date): { title: string; body: string; unit: string; date: string } {
  const outline = requireOutline(state);
  return { title: outline.title, body: assembleBody(outline, state.draft), unit: signOff(state.request), date: chineseDate(now) };
}

/** Who signs: the issuing Party body for unit genres, the person for personal ones. */
export function signOff(req: ReportRequest): string {
  if (getGenre(req.genre).person === 'first') return placeholder('姓名及职务');
  return req.unit.name ? issuerName(req.unit) : placeholder('单位名称');
}

/** Shown under an outline built from the rules because the model's answer had no 一、二、三、 headings. */
const MODEL_OUTLINE_UNUSABLE = '> 模型这次的回答没能识别出“一、二、三、”提纲结构，以上是按文种模板生成的提纲，可以直接使用，也可以发送“重新列提纲”再试一次。';

/** Dispatch a parsed drafting command to the matching service (export is the caller's job). */
export async function runDraftCommand(cmd: Exclude<DraftCommand, { kind: 'export' }>, a: FlowBase & { state: ReportThreadState; onProgress?: (i: number, n: number) => void }): Promise<{ text: string; state: ReportThreadState }> {
  switch (cmd.kind) {
    case 'outline': {
      const o = await draftOutline({ ...a, request: a.state.request });
      // A fallback and the defects left after the repair round are shown, not hidden: the writer decides.
      const fallback = o.offline && a.model.online ? `\n\n${MODEL_OUTLINE_UNUSABLE}` : '';
      const note = o.defects.length ? `\n\n> 提纲自检仍有以下问题，请留意或让我重写：\n${o.defects.map((d) => `> - ${d}`).join('\n')}` : '';
      return { text: o.text + fallback + note, state: { ...a.state, outline: o.outline, updatedAt: a.now.toISOString() } };
    }
    case 'section': {
      const r = await draftSection({ ...a, target: cmd.target });
      return { text: r.sections.map((s) => `${s.label}\n${s.text}`).join('\n\n'), state: r.state };
    }
    case 'revise': {
      const r = await reviseSection({ ...a, target: cmd.target, op: cmd.op, ...(cmd.chars !== undefined ? { chars: cmd.chars } : {}) });
      return { text: r.sections.map((s) => `${s.label}\n${s.text}`).join('\n\n'), state: r.state };
    }
    case 'full':
      return draftFull(a);
  }
}
