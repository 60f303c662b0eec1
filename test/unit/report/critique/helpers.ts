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
