/** How long a report, a part and a section should be: the request's length or the genre's default, split by share. */
import type { GenreId } from './genres.js';
import type { Outline } from './outline.js';
import type { PartId } from './parts.js';
import type { ReportRequest } from './request.js';

const DEFAULT_CHARS: Record<GenreId, number> = { 'unit-report': 3000, 'leader-report': 2000, 'duty-report': 2500, 'self-check': 2500, 'summary-plan': 3500 };
// Share of the whole length each part gets.
const PART_SHARE: Record<PartId, number> = { practice: 0.6, problems: 0.15, plans: 0.25 };

const round10 = (n: number) => Math.round(n / 10) * 10;

export function totalChars(req: ReportRequest): number {
  return req.length?.chars ?? DEFAULT_CHARS[req.genre];
}

export function partChars(req: ReportRequest, outline: Outline, partIndex: number): number {
  const part = outline.parts[partIndex];
  const share = part?.partId ? PART_SHARE[part.partId] : 1 / Math.max(1, outline.parts.length);
  return Math.max(150, round10(totalChars(req) * share));
}

export function sectionChars(req: ReportRequest, outline: Outline, partIndex: number): number {
  const n = Math.max(1, outline.parts[partIndex]?.sections.length ?? 1);
  return Math.max(100, round10(partChars(req, outline, partIndex) / n));
}

/** A length the writer asked for, split evenly across the sections it covers (at least 50 each). */
export function splitChars(chars: number, count: number): number {
  return Math.max(50, round10(chars / Math.max(1, count)));
}

/** Visible characters, as a writer counts them. */
export const visibleLength = (s: string): number => s.replace(/\s/g, '').length;
