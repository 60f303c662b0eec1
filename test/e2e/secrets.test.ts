import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { spawnBot, type BotProcess } from '../support/spawn.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../support/events.js';
import { freePort } from '../support/redis.js';

let bot: BotProcess | undefined;
let feishu: FakeFeishu | undefined;
let llm: FakeOpenAI | undefined;
afterEach(async () => {
  if (bot && bot.proc.exitCode === null) bot.proc.kill('SIGKILL');
  await feishu?.close();
  await llm?.close();
  bot = feishu = llm = undefined;
});

const APP_SECRET = 'AppSecretValue9f8e7d6c5b4a';
const API_KEY = 'sk-apikeyvalue-0123456789';
const USER_TEXT = '请帮我想想开头：用户原文独有片段甲乙丙';
const MODEL_TEXT = '模型回答独有片段丁戊己，开头这样写。';

describe('no secret, token or content in the process output when Feishu calls fail', () => {
  it('a failing token endpoint and a failing card update log codes and paths only', async () => {
    feishu = await FakeFeishu.start();
    // Token fetch fails twice (Feishu 5xx), then a card update is refused once.
    feishu.fail(/tenant_access_token/, 2, 500, 99991400);
    feishu.fail(/^PUT \/open-apis\/cardkit\/v1\/cards\/[^/]+$/, 1, 500, 99991400);
    llm = await startFakeOpenAI(() => ({ chunks: [MODEL_TEXT.slice(0, 6), MODEL_TEXT.slice(6)], delayMs: 20 }));
    const port = await freePort();
    bot = spawnBot({
      FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
      FEISHU_APP_SECRET: APP_SECRET,
      FEISHU_DOMAIN: feishu.url,
      FEISHU_MODE: 'webhook',
      FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
      PORT: String(port),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`,
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: llm.url,
      OPENAI_MODEL: 'fake-model',
      JOB_BACKOFF_MS: '50',
      JOB_ATTEMPTS: '5',
      LOG_LEVEL: 'info',
    });
    await bot.waitForLog((l) => l.msg === 'bigan started');
    const ev = textEvent(USER_TEXT);
    // While the token fails, ingest cannot read the bot identity and answers 500; Feishu re-pushes.
    let status = 0;
    for (let i = 0; i < 10 && status !== 200; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
      status = res.status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    await feishu.waitFor(() => feishu!.repliesTo(messageIdOf(ev)).some((m) => !feishu!.isStreaming(m) && feishu!.textOf(m).includes('丁戊己')), 25_000, 'the reply');
    // Both failures happened and were logged.
    expect(feishu.callsTo(/tenant_access_token/).length).toBeGreaterThanOrEqual(3);
    await bot.waitForLog((l) => l.mod === 'lark-sdk' || /card|feishu/.test(String(l.msg)));
    const all = bot.stdout() + bot.stderr();
    expect(all).toMatch(/lark-sdk|feishu/);
    for (const leak of [APP_SECRET, API_KEY, 't-fake-token', '甲乙丙', '丁戊己', '"schema":"2.0"', 'app_secret":"A']) expect(all, leak).not.toContain(leak);
  });
});
