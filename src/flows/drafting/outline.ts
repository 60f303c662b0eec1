// Outline service: the writer's outline for the request's genre (the model's, checked and repaired, or the rules').
import { getGenre, type Genre } from '../../report/genres.js';
import type { ReportRequest } from '../../report/request.js';
import type { OutlineResult } from '../writer.js';
import type { FlowBase } from './model-call.js';
import { writerOf } from './writers.js';

export type { OutlineResult } from '../writer.js';

export interface DraftOutlineArgs extends FlowBase {
  request: ReportRequest;
  genre?: Genre;
  /** Called with the defects before the repair round starts. */
  onRepair?: (defects: string[]) => void;
}

/** Outline: stream, clean, parse, check; one repair round with the specific defects; rule-based from the rules writer. */
export function draftOutline(a: DraftOutlineArgs): Promise<OutlineResult> {
  return writerOf(a).outline(a, a.request, a.genre ?? getGenre(a.request.genre));
}
