/**
 * Times critique() on a ~10,000-character report assembled from the critic's own fixtures
 * (a clean annual report with the defect fixtures' paragraphs mixed into its body).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { critique } from '../src/report/critique/index.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/critique/', import.meta.url));
const TARGET_CHARS = 10_000;

export interface BenchResult {
  name: string;
  chars: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

function buildBenchReport(target = TARGET_CHARS): string {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
  const annual = readFileSync(FIXTURES + 'clean-annual.txt', 'utf8').split('\n');
  const title = annual[0]!;
  const body: string[] = [];
  for (const f of files) {
    const lines = readFileSync(FIXTURES + f, 'utf8').split('\n').filter((l) => l.trim() !== '');
    // Drop each fixture's own title so the result reads as one report.
    body.push(...(/报告|汇报|总结/.test(lines[0] ?? '') && (lines[0]?.length ?? 0) < 60 ? lines.slice(1) : lines));
  }
  const out = [title];
  let len = title.length;
  for (let i = 0; len < target; i++) {
    const line = body[i % body.length]!;
    out.push(line);
    len += line.length + 1;
  }
  return out.join('\n');
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/**
 * The same report as a copy pasted from a PDF, hard-wrapped every 26 characters: each break is a finding with a
 * fix (round 17), and every fix is re-checked, so this is the critic's heaviest common input.
 */
function buildWrappedReport(): string {
  const [title, ...body] = buildBenchReport().split('\n');
  return [title, ...body.flatMap((l) => l.match(/.{1,26}/gu) ?? [])].join('\n');
}

export function benchCritique(runs = 300): Promise<BenchResult> {
  return timeCritique('critique', buildBenchReport(), runs);
}

export function benchCritiqueWrapped(runs = 300): Promise<BenchResult> {
  return timeCritique('critique (hard-wrapped copy)', buildWrappedReport(), runs);
}

async function timeCritique(name: string, text: string, runs: number): Promise<BenchResult> {
  const opts = { now: new Date('2026-01-15T00:00:00Z') };
  for (let i = 0; i < 30; i++) critique(text, opts);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    critique(text, opts);
    times.push(performance.now() - t0);
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  times.sort((a, b) => a - b);
  return { name, chars: text.length, runs, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95) };
}
