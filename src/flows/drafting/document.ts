// The draft as a document: title, body and sign-off, exactly as the thread's state holds it.
import { assembleBody, signDate } from '../../report/draft.js';
import { getGenre, issuerName, placeholder } from '../../report/genres.js';
import type { ReportRequest } from '../../report/request.js';
import { requireOutline, type ReportThreadState } from './state.js';

/** Who signs: the issuing Party body for unit genres, the person for personal ones. */
export function signOff(req: ReportRequest): string {
  if (getGenre(req.genre).person === 'first') return placeholder('姓名及职务');
  return req.unit.name ? issuerName(req.unit) : placeholder('单位名称');
}

/** Sign-off unit and date: the period's natural date, or a placeholder. */
export function draftSignOff(state: ReportThreadState, now: Date): { unit: string; date: string } {
  return { unit: signOff(state.request), date: signDate(state.request.period, now) };
}

/** The same draft in the pieces a laid-out document needs. */
export function draftDocument(state: ReportThreadState, now: Date): { title: string; body: string; unit: string; date: string } {
  const outline = requireOutline(state);
  return { title: outline.title, body: assembleBody(outline, state.draft), ...draftSignOff(state, now) };
}
