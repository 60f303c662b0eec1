/**
 * Parallel drafting (issue 25 item 2): a ~5,000-character 写全文 against a model that streams 40 characters
 * a second after 0.8 s to first byte — the real openai SDK against the fake OpenAI-compatible server on
 * loopback — one part after another, parts at once, and the configured drafting (by default: parts and long
 * parts' sections at once). The outline is the rules' (no model time); only the full draft is timed. Prints a
 * table and appends rows to BENCHMARKS.md.
 *
 *   npm run bench:drafting
 *   DRAFT_CONCURRENCY=6 DRAFT_PART_CHARS=900 BENCH_ONLY=configured npm run bench:drafting   # another setting
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeOpenAI, type FakeRequestBody } from '../test/support/fake-openai.js';
import { OpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { PromptLibrary } from '../src/llm/prompts.js';
import { parseRequest } from '../src/report/request.js';
import { getGenre } from '../src/report/genres.js';
import { visibleLength } from '../src/report/lengths.js';
import { draftFull } from '../src/flows/drafting/full.js';
import { newThreadState } from '../src/flows/drafting/state.js';
import { RULES_WRITER } from '../src/flows/drafting/writers.js';
import { load, machine, now } from './common.js';
import { readConfig } from '../src/config.js';

const CHARS_PER_SEC = 40;
const FIRST_BYTE_MS = 800;
// Two characters every 50 ms: 40 characters a second.
const PIECE = 2;
const SENTENCE = '一是坚持把意识形态工作摆上重要日程，与业务工作同部署、同落实、同检查、同考核。';

const lastUser = (b: FakeRequestBody) => String(b.messages.at(-1)!.content);

const FULL = '请按已确定的提纲起草报告正文';

/** The answer the prompt asks for: its length, and for a whole part its section headings (from the outline in the prompt). */
function answer(b: FakeRequestBody): string {
  const p = lastUser(b);
  const chars = Number(/篇幅：约(\d+)字/.exec(p)?.[1] ?? 500);
  const body = (n: number) => SENTENCE.repeat(Math.ceil(n / SENTENCE.length)).slice(0, n);
  const part = p.startsWith(FULL) ? /本次起草：(.)、/.exec(p)?.[1] : undefined;
  if (!part) return body(chars);
  const lines = p.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${part}、`));
  const heads: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (/^[一二三四五六七八九十]、/.test(l) || !l.trim()) break;
    if (/^（[一二三四五六七八九十]+）/.test(l)) heads.push(l);
  }
  return heads.length ? heads.map((h) => `${h}\n${body(Math.round(chars / heads.length))}`).join('\n') : body(chars);
}

const fake = await startFakeOpenAI(async (b) => {
  await sleep(FIRST_BYTE_MS - 1000 * PIECE / CHARS_PER_SEC);
  const text = answer(b);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += PIECE) chunks.push(text.slice(i, i + PIECE));
  return { chunks, delayMs: 1000 * PIECE / CHARS_PER_SEC };
});
const model = new OpenAIChatModel({ apiKey: 'sk-bench', baseURL: fake.url, model: 'fake', timeoutMs: 600_000 });
const prompts = PromptLibrary.load();
const NOW = new Date('2026-01-15T10:00:00+08:00');
const req = parseRequest('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告，5000字', NOW);
const outline = (await RULES_WRITER.outline({ model, prompts, now: NOW }, req, getGenre(req.genre))).outline;
const state = { ...newThreadState(req, NOW), outline };

// The configured drafting (the defaults, or DRAFT_CONCURRENCY / DRAFT_PART_CHARS from the environment to try others).
const config = readConfig({ DRAFT_CONCURRENCY: process.env.DRAFT_CONCURRENCY, DRAFT_PART_CHARS: process.env.DRAFT_PART_CHARS });
const configured = { parallel: config.DRAFT_CONCURRENCY, ...(config.DRAFT_PART_CHARS ? { splitPartsOver: config.DRAFT_PART_CHARS } : {}) };
const changed = process.env.DRAFT_CONCURRENCY || process.env.DRAFT_PART_CHARS ? 'configured' : 'default';
const ALL: Array<{ name: string; parallel: number; splitPartsOver?: number }> = [
  { name: 'sequential (DRAFT_CONCURRENCY=1)', parallel: 1 },
  { name: `parts at once, no part split (DRAFT_CONCURRENCY=${config.DRAFT_CONCURRENCY}, DRAFT_PART_CHARS=0)`, parallel: config.DRAFT_CONCURRENCY },
  { name: `${changed}: parts and long parts’ sections at once (DRAFT_CONCURRENCY=${config.DRAFT_CONCURRENCY}, DRAFT_PART_CHARS=${config.DRAFT_PART_CHARS})`, ...configured },
];
// BENCH_ONLY=configured: the last row alone (to compare settings); a comma list of sequential, parts and
// configured picks rows (the batch runs sequential,configured).
const KINDS = ['sequential', 'parts', 'configured'];
const only = (process.env.BENCH_ONLY ?? '').split(',').filter((k) => KINDS.includes(k));
const RUNS = only.length ? ALL.filter((_r, i) => only.includes(KINDS[i]!)) : ALL;
const rows = [];
for (const r of RUNS) {
  const asked = fake.requests.length;
  const t0 = performance.now();
  let first: number | undefined;
  const full = await draftFull({ model, prompts, now: NOW, state, parallel: r.parallel, ...(r.splitPartsOver ? { splitPartsOver: r.splitPartsOver } : {}),
    onText: (d) => { if (d && first === undefined) first = performance.now() - t0; } });
  const secs = (performance.now() - t0) / 1000;
  rows.push({ date: now(), run: r.name, chars: visibleLength(full.text), calls: fake.requests.length - asked, firstTextS: ((first ?? 0) / 1000).toFixed(1), fullDraftS: secs.toFixed(1), loadavg: load(), machine: machine() });
}
await fake.close();
console.table(rows);
const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const MARK = '<!-- bench:drafting inserts rows above this line -->';
const lines = rows.map((x) => `| ${x.date} | ${x.run} | ${x.chars} | ${x.calls} | ${x.firstTextS} | ${x.fullDraftS} | ${x.loadavg} | ${x.machine} |\n`).join('');
const doc = readFileSync(file, 'utf8');
const table = `\n## Parallel drafting (issue 25 item 2)\n\n\`npm run bench:drafting\`: a ~5,000-character 写全文 (rules' outline, ${CHARS_PER_SEC} characters/s after ${FIRST_BYTE_MS} ms to first byte, real openai SDK against the fake server on loopback).\n\n| date (UTC) | run | characters | model calls | first text s | full draft s | load avg | machine |\n|---|---|---|---|---|---|---|---|\n${MARK}\n`;
writeFileSync(file, doc.includes(MARK) ? doc.replace(MARK, lines + MARK) : doc + table.replace(MARK, lines + MARK));
