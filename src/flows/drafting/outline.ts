// Outline service: stream, clean, parse, check and repair; rule-based when offline.
import { getGenre, type Genre } from '../../report/genres.js';
import { headingMarker } from '../../report/headings.js';
import { totalChars } from '../../report/lengths.js';
import { buildOfflineOutline, checkOutline, layoutOutline, parseOutline, renderOutline, type Outline } from '../../report/outline.js';
import { periodLabel } from '../../report/period.js';
import { requestOpening, requestTitle, type ReportRequest } from '../../report/request.js';
import { THEMES } from '../../report/themes.js';
import { factsText, personLabel, reportSystemMessage, streamText, type FlowBase } from './model-call.js';

function skeletonText(g: Genre, req: ReportRequest): string {
  return g.parts.map((p, i) => `${headingMarker(1, i + 1)}${p.heading(req.period)}（二级标题${p.min}至${p.max}个${p.rule ? `；${p.rule(req.period)}` : ''}）`).join('\n');
}

function themesText(): string {
  return THEMES.map((t) => `- ${t.name}：要点如“${t.points.join('”“')}”；常见问题“${t.problem.heading}”，对应措施“${t.measure.heading}”`).join('\n');
}

export interface OutlineResult {
  outline: Outline;
  /** The outline as shown to the writer (GB/T 9704 markers). */
  text: string;
  repaired: boolean;
  /** Defects left after the (optional) repair round. */
  defects: string[];
  /** True when the rule-based outline was used (offline, or the model output was unusable). */
  offline: boolean;
  /** Chat text the cleaner took out of the model's answer (for logs and the eval). */
  removed: string[];
}

export interface DraftOutlineArgs extends FlowBase {
  request: ReportRequest;
  genre?: Genre;
  /** Called with the defects before the repair round starts. */
  onRepair?: (defects: string[]) => void;
}

/** Outline: stream, clean, parse, check; one repair round with the specific defects; rule-based when offline. */
export async function draftOutline(a: DraftOutlineArgs): Promise<OutlineResult> {
  const req = a.request;
  const genre = a.genre ?? getGenre(req.genre);
  if (!a.model.online) return offlineOutline(a, req, genre);
  // The request as this genre's (a test or the eval may pass another genre).
  const own = { ...req, genre: genre.id };
  const rendered = a.prompts.render('outline', {
    request: req.text,
    genre: `${genre.name}：${genre.description}`,
    period: periodLabel(req.period),
    person: personLabel(genre, req),
    length: `全文约${totalChars(req)}字`,
    title: requestTitle(own),
    opening: requestOpening(own, a.now),
    closing: genre.closing,
    skeleton: skeletonText(genre, req),
    themes: themesText(),
    facts: factsText(req),
  });
  const system = reportSystemMessage(a, req);
  const first = await streamText(a, [system, { role: 'user', content: rendered }], 'outline', layoutOutline);
  const removed = [...first.removed];
  let outline = normaliseOutline(parseOutline(first.text), own, a.now);
  let defects = checkOutline(outline, genre, own);
  let repaired = false;
  if (defects.length) {
    a.onRepair?.(defects);
    const repairPrompt = a.prompts.render('outline-repair', {
      defects: defects.map((d, i) => `${i + 1}. ${d}`).join('\n'),
      skeleton: skeletonText(genre, req),
      outline: first.text,
      title: requestTitle(own),
      closing: genre.closing,
    });
    // The model sees its own answer as cleaned: chat text is not resent.
    const second = await streamText(a, [system, { role: 'user', content: rendered }, { role: 'assistant', content: first.text }, { role: 'user', content: repairPrompt }], 'outline', layoutOutline);
    removed.push(...second.removed);
    const again = normaliseOutline(parseOutline(second.text), own, a.now);
    if (again.parts.length) {
      outline = again;
      repaired = true;
      defects = checkOutline(outline, genre, own);
    }
  }
  if (outline.parts.length === 0) return { ...offlineOutline({ ...a, onText: undefined }, req, genre), repaired, removed };
  // Stray lines are reported, never kept in the stored outline.
  const { stray: _stray, ...stored } = outline;
  return { outline: stored, text: renderOutline(stored), repaired, defects, offline: false, removed };
}

/** Fill what the model left out: the genre's title and opening. */
function normaliseOutline(o: Outline, req: ReportRequest, now: Date): Outline {
  const out = { ...o };
  if (!out.title) out.title = requestTitle(req);
  if (!out.opening && out.parts.length) out.opening = requestOpening(req, now);
  return out;
}

function offlineOutline(a: FlowBase, req: ReportRequest, genre: Genre): OutlineResult {
  const outline = buildOfflineOutline(req, genre, a.now);
  const text = renderOutline(outline);
  a.onText?.(text, text);
  return { outline, text, repaired: false, defects: checkOutline(outline, genre, { ...req, genre: genre.id }), offline: true, removed: [] };
}
