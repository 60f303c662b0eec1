import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { spawnBot, type BotProcess } from '../support/spawn.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../support/events.js';
import { freePort } from '../support/redis.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

let bot: BotProcess | undefined;
let feishu: FakeFeishu | undefined;
let llm: FakeOpenAI | undefined;
afterEach(async () => {
  if (bot && bot.proc.exitCode === null) bot.proc.kill('SIGKILL');
  await feishu?.close();
  await llm?.close();
  bot = feishu = llm = undefined;
});

const answer = ['第一段：', '加强组织领导，', '压实主体责任。', '第二段：', '强化阵地管理。'];

describe('a killed worker (ROLE=all) has its jobs resumed at its restart, not after the lock expires', () => {
  it('the supervisor releases the dead worker\'s job, the restarted worker answers it once on the same card', async () => {
    feishu = await FakeFeishu.start();
    let calls = 0;
    // The first request is slow, so the kill lands mid-stream.
    llm = await startFakeOpenAI(() => ({ chunks: answer, delayMs: ++calls === 1 ? 3000 : 50 }));
    const port = await freePort();
    bot = spawnBot({
      FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'secret_test', FEISHU_DOMAIN: feishu.url,
      FEISHU_MODE: 'webhook', FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, PORT: String(port),
      REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`,
      OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: llm.url, OPENAI_MODEL: 'fake-model',
      // The default lock (30 s): only the release makes the job come back before it lapses.
      WORKER_LOCK_MS: '30000', LOG_LEVEL: 'info',
    });
    await bot.waitForLog((l) => l.msg === 'bigan started' && l.proc === 'worker');
    const first = (await bot.waitForLog((l) => l.msg === 'worker process started')).pid as number;

    const ev = textEvent('第二条消息');
    const res = await fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    await feishu.waitFor(() => feishu!.repliesTo(messageIdOf(ev)).length === 1 && feishu!.textOf(feishu!.repliesTo(messageIdOf(ev))[0]!).includes('第一段'), EVENT_CEILING_MS, 'streaming to start');
    process.kill(first, 'SIGKILL');

    const released = await bot.waitForLog((l) => l.msg === 'released the dead worker\'s active jobs for the restarted worker' && l.queue === 'messages');
    expect(released.jobs).toBe(1);
    await bot.waitForLog((l) => l.msg === 'worker process started' && l.pid !== first);
    await feishu.waitFor(() => feishu!.repliesTo(messageIdOf(ev)).some((m) => !feishu!.isStreaming(m) && feishu!.textOf(m) === answer.join('')), EVENT_CEILING_MS, 'the answer after the restart');
    // Exactly once, on the same card: one reply to the message, and the model asked twice (killed + resumed).
    expect(feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    expect(llm.requests.length).toBe(2);
    bot.proc.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
  });
});
