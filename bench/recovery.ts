/**
 * Issue 25 item 6: how long a job waits after its worker process (ROLE=all) is killed mid-stream until it
 * runs again, and until its answer is complete on the same card. Each round starts a fresh bot (the
 * supervisor's restart delay is 2 s after a first death; it doubles only for a worker that keeps dying),
 * with the default WORKER_LOCK_MS (30 s). Usage: npx tsx bench/recovery.ts [rounds]; BENCH_NOTE=… tags the rows
 * it inserts into BENCHMARKS.md.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { spawnBot } from '../test/support/spawn.js';
import { FakeFeishu } from '../test/support/fake-feishu.js';
import { startFakeOpenAI } from '../test/support/fake-openai.js';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../test/support/events.js';
import { freePort, startPrivateRedis } from '../test/support/redis.js';

const rounds = Number(process.argv[2] ?? 3);
const chunks = ['第一段：', '加强组织领导，', '压实主体责任。', '第二段：', '强化阵地管理。'];

async function until(pred: () => boolean, what: string, ms = 180_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const load0 = loadavg();
const redis = await startPrivateRedis();
const rows: Array<{ readyMs: number; resumeMs: number; answeredMs: number; restartMs: number; cards: number; modelCalls: number }> = [];
for (let i = 0; i < rounds; i++) {
  const feishu = await FakeFeishu.start();
  let calls = 0;
  const llm = await startFakeOpenAI(() => ({ chunks, delayMs: ++calls === 1 ? 3000 : 50 }));
  const port = await freePort();
  const bot = spawnBot({
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'secret_test', FEISHU_DOMAIN: feishu.url,
    FEISHU_MODE: 'webhook', FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, PORT: String(port),
    REDIS_URL: redis.url, REDIS_PREFIX: `b${randomUUID().slice(0, 8)}`,
    OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: llm.url, OPENAI_MODEL: 'fake-model', LOG_LEVEL: 'info',
  });
  try {
    await bot.waitForLog((l) => l.msg === 'bigan started' && l.proc === 'worker', 300_000);
    console.error(`round ${i + 1}: bot started`);
    const pid = (await bot.waitForLog((l) => l.msg === 'worker process started')).pid as number;
    const ev = textEvent(`第${i + 1}轮消息`);
    await fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
    const id = messageIdOf(ev);
    await until(() => feishu.repliesTo(id).length === 1 && feishu.textOf(feishu.repliesTo(id)[0]!).includes('第一段'), 'streaming');
    const t0 = Date.now();
    process.kill(pid, 'SIGKILL');
    await bot.waitForLog((l) => l.msg === 'worker process started' && l.pid !== pid, 180_000);
    const restartMs = Date.now() - t0;
    // The restarted worker is ready (its first stalled check runs as it starts).
    await until(() => bot.stdout().split('\n').filter((l) => l.includes('"bigan started"') && l.includes('"proc":"worker"')).length >= 2, 'the restarted worker to start');
    const readyMs = Date.now() - t0;
    await until(() => llm.requests.length >= 2, 'the resumed model request');
    const resumeMs = Date.now() - t0;
    await until(() => feishu.repliesTo(id).some((m) => !feishu.isStreaming(m) && feishu.textOf(m) === chunks.join('')), 'the answer');
    console.error(`round ${i + 1}: restart ${restartMs} ms, ready ${readyMs} ms, resumed ${resumeMs} ms`);
    rows.push({ restartMs, readyMs, resumeMs, answeredMs: Date.now() - t0, cards: feishu.repliesTo(id).length, modelCalls: llm.requests.length });
  } finally {
    bot.proc.kill('SIGTERM');
    await bot.exited();
    await feishu.close();
    await llm.close();
  }
}
await redis.stop();
const load1 = loadavg();
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.table(rows);
console.log(JSON.stringify({
  date: new Date().toISOString(), nproc: cpus().length, cpu: cpus()[0]?.model.trim(), loadavgBefore: load0.map((x) => x.toFixed(2)), loadavgAfter: load1.map((x) => x.toFixed(2)),
  rounds, medianRestartMs: med(rows.map((r) => r.restartMs)), medianReadyMs: med(rows.map((r) => r.readyMs)), medianResumeMs: med(rows.map((r) => r.resumeMs)), maxResumeMs: Math.max(...rows.map((r) => r.resumeMs)), medianAnsweredMs: med(rows.map((r) => r.answeredMs)),
}));

// One row per round in BENCHMARKS.md's recovery table, with the machine and the load around the run.
const MARK = '<!-- bench:recovery inserts rows above this line -->';
const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
const where = `nproc ${cpus().length}, ${cpus()[0]?.model.trim() ?? '?'}${process.env.BENCH_NOTE ? `, ${process.env.BENCH_NOTE}` : ''}`;
const s = (ms: number) => (ms >= 0 ? `${(ms / 1000).toFixed(2)} s` : '—');
const lines = rows.map((r, i) => `| ${stamp}, round ${i + 1} of ${rows.length} (${where}) | ${load0.map((x) => x.toFixed(2)).join(' ')} → ${load1.map((x) => x.toFixed(2)).join(' ')} | ${s(r.restartMs)} | ${s(r.readyMs)} | ${s(r.resumeMs)} | ${s(r.answeredMs)} | ${r.cards} | ${r.modelCalls} |\n`).join('');
const doc = readFileSync(file, 'utf8');
if (doc.includes(MARK)) writeFileSync(file, doc.replace(MARK, lines + MARK));
else console.error(`BENCHMARKS.md has no ${MARK}: rows not recorded`);
