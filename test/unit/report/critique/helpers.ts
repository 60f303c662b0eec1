import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { critique, type Finding } from '../../../../src/report/critique/index.js';
import type { ReportPeriod } from '../../../../src/report/period.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/critique/', import.meta.url));
export const NOW = new Date('2026-01-15T00:00:00Z');

export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export function fixtureNames(prefix = ''): string[] {
  return readdirSync(FIXTURES).filter((f) => f.startsWith(prefix) && f.endsWith('.txt')).sort();
}

export function run(text: string, opts: { now?: Date; period?: ReportPeriod } = {}): Finding[] {
  return critique(text, { now: NOW, ...opts });
}

/** Findings of one rule, as [excerpt-at-offsets, severity] pairs for compact assertions. */
export function hits(findings: Finding[], text: string, rule: string): [string, string][] {
  return findings.filter((f) => f.rule === rule).map((f) => [text.slice(f.start, f.end), f.severity]);
}

export const serious = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info');

/** The message of each break of a copy wrapped at a fixed width (round 17: a warning per break). */
export const WRAP_BREAK = '在句子中间换行（全文按固定行宽换行，疑为从 PDF 或网页复制）';

/** The text with every replacement applied, from the end backwards (overlapping ones skipped). */
export function applyAll(text: string, findings: Finding[]): string {
  let out = text;
  let limit = Infinity;
  for (const f of [...findings].filter((x) => x.replacement !== undefined).sort((a, b) => b.start - a.start)) {
    if (f.end > limit) continue;
    out = out.slice(0, f.start) + f.replacement! + out.slice(f.end);
    limit = f.start;
  }
  return out;
}
