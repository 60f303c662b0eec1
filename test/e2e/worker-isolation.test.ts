import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { spawnBot, type BotProcess } from '../support/spawn.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../support/events.js';
import { freePort } from '../support/redis.js';
import { eventually, EVENT_CEILING_MS } from '../support/wait.js';

let bot: BotProcess | undefined;
let feishu: FakeFeishu | undefined;
let llm: FakeOpenAI | undefined;
const frozen: number[] = [];
afterEach(async () => {
  for (const pid of frozen.splice(0)) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      /* gone */
    }
  }
  if (bot && bot.proc.exitCode === null) bot.proc.kill('SIGKILL');
  await feishu?.close();
  await llm?.close();
  bot = feishu = llm = undefined;
});

const answer = ['第一段：', '加强组织领导，', '压实主体责任。', '第二段：', '强化阵地管理。'];

/** Every "worker process started" line so far, in order. */
const workerStarts = (b: BotProcess) => b.stdout().split('\n').filter((l) => l.includes('"worker process started"')).map((l) => JSON.parse(l) as { pid: number | string });

describe('ROLE=all runs the worker apart from ingest', () => {
  it('acks webhooks while the worker process is frozen, reports it in /healthz, and restarts a killed worker that then answers once', async () => {
    feishu = await FakeFeishu.start();
    let calls = 0;
    // The second request (the job the killed worker was streaming) is slow, so the kill lands mid-stream.
    llm = await startFakeOpenAI(() => ({ chunks: answer, delayMs: ++calls === 2 ? 3000 : 50 }));
    const port = await freePort();
    bot = spawnBot({
      FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'secret_test', FEISHU_DOMAIN: feishu.url,
      FEISHU_MODE: 'webhook', FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, PORT: String(port),
      REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`,
      OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: llm.url, OPENAI_MODEL: 'fake-model',
      WORKER_LOCK_MS: '2000', LOG_LEVEL: 'info',
    });
    const post = (ev: unknown) => fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
    await bot.waitForLog((l) => l.msg === 'bigan started' && l.proc === 'worker');
    const first = workerStarts(bot)[0]!.pid as number;
    expect(first).not.toBe(bot.proc.pid);
    // The worker logs 'bigan started' a moment before it announces itself over IPC: freeze it only once the
    // supervisor knows it is up, or /healthz rightly still says "starting".
    await eventually(async () => {
      const h = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { worker?: unknown };
      return h.worker === true ? true : undefined;
    }, 'the supervisor to see the worker up');

    // Freeze the worker's event loop: ingest is another process, so events are still acked.
    process.kill(first, 'SIGSTOP');
    frozen.push(first);
    const a = textEvent('第一条消息');
    expect((await post(a)).status).toBe(200);
    expect((await post(a)).status).toBe(200);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, worker: false });
    process.kill(first, 'SIGCONT');
    await feishu.waitFor(() => feishu!.repliesTo(messageIdOf(a)).some((m) => !feishu!.isStreaming(m) && feishu!.textOf(m) === answer.join('')), EVENT_CEILING_MS, 'the first answer');
    expect(feishu.repliesTo(messageIdOf(a))).toHaveLength(1);

    // Kill the worker mid-stream: the supervisor restarts it and the job is answered once, on the same card.
    const b = textEvent('第二条消息');
    expect((await post(b)).status).toBe(200);
    await feishu.waitFor(() => feishu!.repliesTo(messageIdOf(b)).length === 1 && feishu!.textOf(feishu!.repliesTo(messageIdOf(b))[0]!).includes('第一段'), EVENT_CEILING_MS, 'streaming to start');
    process.kill(first, 'SIGKILL');
    await bot.waitForLog((l) => l.msg === 'worker process exited; restarting it' && l.signal === 'SIGKILL');
    await bot.waitForLog((l) => l.msg === 'worker process started' && l.pid !== first);
    await feishu.waitFor(() => feishu!.repliesTo(messageIdOf(b)).some((m) => !feishu!.isStreaming(m) && feishu!.textOf(m) === answer.join('')), EVENT_CEILING_MS, 'the answer after the restart');
    expect(feishu.repliesTo(messageIdOf(b))).toHaveLength(1);
    expect(llm.requests.length).toBe(3);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // /metrics includes the worker's registry: job durations are observed only there.
    // The card is final a moment before BullMQ marks the job completed: wait for the observation.
    const completed = /^bigan_job_duration_seconds_count\{[^}]*outcome="completed"[^}]*\} [1-9]/m;
    const metrics = await eventually(async () => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return completed.test(text) ? text : undefined;
    }, 'a completed job in /metrics');
    expect(metrics).toMatch(completed);

    bot.proc.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
    // The supervisor stopped its worker: no orphan is left.
    const last = workerStarts(bot).at(-1)!.pid as number;
    await eventually(() => {
      try {
        process.kill(last, 0);
        return undefined;
      } catch {
        return true;
      }
    }, 'the worker process to be gone');
  });
});
