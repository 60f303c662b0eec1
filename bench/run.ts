/**
 * Runs every benchmark, prints a table and appends dated rows to bench/RESULTS.md.
 * Usage: npx tsx bench/run.ts
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchCritique, benchCritiqueWrapped, type BenchResult } from './critique.bench.js';
import { benchIngest } from './ingest.bench.js';
import { benchHostile, recordHostile } from './hostile.bench.js';

const BENCHES: (() => Promise<BenchResult | BenchResult[]>)[] = [() => benchCritique(), () => benchCritiqueWrapped(), () => benchIngest()];

const results: BenchResult[] = [];
for (const b of BENCHES) results.push(...[await b()].flat());

const machine = `${cpus()[0]?.model.trim() ?? 'unknown'} ×${cpus().length}`;
const date = new Date().toISOString().slice(0, 10);
console.table(results.map((r) => ({ name: r.name, chars: r.chars, runs: r.runs, 'median ms': r.medianMs.toFixed(2), 'p95 ms': r.p95Ms.toFixed(2) })));

const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
if (!existsSync(file)) {
  writeFileSync(file, '# Benchmark results\n\n| date | bench | chars | runs | median ms | p95 ms | machine | node |\n|---|---|---|---|---|---|---|---|\n');
}
for (const r of results) {
  appendFileSync(file, `| ${date} | ${r.name} | ${r.chars} | ${r.runs} | ${r.medianMs.toFixed(2)} | ${r.p95Ms.toFixed(2)} | ${machine} | ${process.version} |\n`);
}
console.log(`已追加到 ${file}`);

// Hostile files (issue 20): worker memory before and after a burst of bombs, beside innocent users.
const hostile = await benchHostile();
console.log(hostile);
console.log(`BENCHMARKS.md: ${recordHostile(hostile)}`);
