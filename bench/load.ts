/**
 * Load run (issue 13): N events, each delivered twice (Feishu re-push), posted C at a time to the
 * webhook of one ROLE=all process, while the fake model streams each answer over STREAM_MS.
 * Loopback only; bounded by N. Prints and appends a row to BENCHMARKS.md.
 * Usage: npx tsx bench/load.ts [events=300] [concurrency=30] [streamMs=2000] [workerConcurrency=64]
 */
import { appendFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { obtainRedis } from '../src/redis.js';
import { startApp } from '../src/app.js';
import { FakeFeishu } from '../test/support/fake-feishu.js';
import { startFakeOpenAI } from '../test/support/fake-openai.js';
import { freePort } from '../test/support/redis.js';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../test/support/events.js';

const [events = 300, concurrency = 30, streamMs = 2000, workerConcurrency = 64] = process.argv.slice(2).map(Number);
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

const silent = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
const redis = await obtainRedis(undefined, silent, { localUrl: `redis://127.0.0.1:${await freePort()}`, dataDir: join(mkdtempSync(join(tmpdir(), 'bigan-load-')), 'redis') });
const feishu = await FakeFeishu.start();
const pieces = 20;
const llm = await startFakeOpenAI(() => ({ chunks: Array.from({ length: pieces }, (_v, i) => `第${i + 1}段内容。`), delayMs: streamMs / pieces }));
const config = readConfig({
  FEISHU_APP_ID: 'cli_a1b2c3d4e5f6071a', FEISHU_APP_SECRET: 'secret', FEISHU_DOMAIN: feishu.url, FEISHU_MODE: 'webhook',
  FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, PORT: '0', REDIS_URL: redis.url, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: llm.url,
  OPENAI_MODEL: 'fake', LOG_LEVEL: 'silent', WORKER_CONCURRENCY: String(workerConcurrency), USER_RATE_LIMIT: '0', USER_MAX_QUEUED: '100000',
});
const app = await startApp({ config, log: silent, streamThrottleMs: 200 });
const url = `http://127.0.0.1:${app.port}/feishu/events`;

// Distinct users and chats so per-thread serialisation does not dominate.
const evs = Array.from({ length: events }, (_v, i) => textEvent(`负载测试消息${i}`, { senderOpenId: `ou_load_${i}`, chatId: `oc_load_${i}` }));
const deliveries = evs.flatMap((ev) => [ev, ev]);
const acks: number[] = [];
let non200 = 0;
let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const started = performance.now();
let next = 0;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < deliveries.length) {
    const ev = deliveries[next++]!;
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
    await res.text();
    acks.push(performance.now() - t0);
    if (res.status !== 200) non200++;
  }
}));
const ingestSecs = (performance.now() - started) / 1000;
const firstVisible = new Map<string, number>();
const deadline = Date.now() + 600_000;
const done = () => evs.every((ev) => feishu.repliesTo(messageIdOf(ev)).some((m) => !feishu.isStreaming(m)));
while (!done() && Date.now() < deadline) {
  for (const ev of evs) {
    const id = messageIdOf(ev);
    if (!firstVisible.has(id) && feishu.repliesTo(id).some((m) => feishu.textOf(m).includes('第1段'))) firstVisible.set(id, performance.now() - started);
  }
  await new Promise((r) => setTimeout(r, 50));
}
const completion = (performance.now() - started) / 1000;
clearInterval(rssTimer);
const lost = evs.filter((ev) => !feishu.repliesTo(messageIdOf(ev)).some((m) => !feishu.isStreaming(m))).length;
const duplicated = evs.filter((ev) => feishu.repliesTo(messageIdOf(ev)).length > 1).length;
const ftv = [...firstVisible.values()];
await app.stop();
await feishu.close();
await llm.close();
await redis.stop();

const row = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  load: `${events}×2 @${concurrency}, stream ${streamMs} ms, WORKER_CONCURRENCY=${workerConcurrency}, ROLE=all`,
  ackP50: q(acks, 0.5).toFixed(1), ackP99: q(acks, 0.99).toFixed(1), eventsPerSec: (deliveries.length / ingestSecs).toFixed(0), non200,
  firstVisibleP50: (q(ftv, 0.5) / 1000).toFixed(2), completion: completion.toFixed(1), peakRssMb: (peakRss / 2 ** 20).toFixed(0), lost, duplicated,
};
console.table([row]);
const machine = `${cpus()[0]?.model.trim() ?? 'unknown'} ×${cpus().length}, Node ${process.version}`;
const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n');
appendFileSync(file, `| ${row.date} | ${row.load} | ${row.ackP50} | ${row.ackP99} | ${row.eventsPerSec} | ${row.non200} | ${row.firstVisibleP50} | ${row.completion} | ${row.peakRssMb} | ${row.lost} | ${row.duplicated} | ${machine} |\n`);
