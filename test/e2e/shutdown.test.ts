import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnBot, type BotProcess } from '../support/spawn.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { textEvent, VERIFICATION_TOKEN } from '../support/events.js';
import { freePort, startPrivateRedis } from '../support/redis.js';

let bot: BotProcess | undefined;
let feishu: FakeFeishu | undefined;
let llm: FakeOpenAI | undefined;
let redis: Awaited<ReturnType<typeof startPrivateRedis>> | undefined;
afterEach(async () => {
  if (bot && bot.proc.exitCode === null) bot.proc.kill('SIGKILL');
  redis?.proc.kill('SIGCONT');
  await redis?.stop();
  await feishu?.close();
  await llm?.close();
  bot = feishu = llm = redis = undefined;
});

describe('SIGTERM', () => {
  it('exits within the drain window while a job is stuck on the model and Redis is frozen', async () => {
    redis = await startPrivateRedis();
    feishu = await FakeFeishu.start();
    let started = false;
    // The model accepts the request and never answers.
    llm = await startFakeOpenAI(() => {
      started = true;
      return new Promise(() => undefined);
    });
    const port = await freePort();
    bot = spawnBot({
      FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
      FEISHU_APP_SECRET: 'secret_test',
      FEISHU_DOMAIN: feishu.url,
      FEISHU_MODE: 'webhook',
      FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
      PORT: String(port),
      REDIS_URL: redis.url,
      REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: llm.url,
      OPENAI_MODEL: 'fake-model',
      OPENAI_TIMEOUT_MS: '600000',
      SHUTDOWN_GRACE_MS: '1000',
      LOG_LEVEL: 'info',
    });
    await bot.waitForLog((l) => l.msg === 'bigan started');
    const res = await fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', body: JSON.stringify(textEvent('这条会卡在模型上')), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    await feishu.waitFor(() => started, 15_000, 'the model call');
    redis.proc.kill('SIGSTOP');
    bot.proc.kill('SIGTERM');
    let exitedWhileFrozen = false;
    const code = await Promise.race([
      bot.exited().then((c) => {
        exitedWhileFrozen = true;
        return c;
      }),
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000)),
    ]);
    expect(code).not.toBe('timeout');
    expect(exitedWhileFrozen).toBe(true);
  }, 60_000);
});
