import { describe, expect, inject, it } from 'vitest';
import { postEvent, startWebhookBot, useBotFixture } from '../support/bot-fixture.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { freePort } from '../support/redis.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

const f = useBotFixture();

const APP_SECRET = 'AppSecretValue9f8e7d6c5b4a';
const API_KEY = 'sk-apikeyvalue-0123456789';
const USER_TEXT = '请帮我想想开头：用户原文独有片段甲乙丙';
const MODEL_TEXT = '模型回答独有片段丁戊己，开头这样写。';

describe('no secret, token or content in the process output when Feishu calls fail', () => {
  it('a failing token endpoint and a failing card update log codes and paths only', async () => {
    const feishu = (f.feishu = await FakeFeishu.start());
    // Token fetch fails twice (Feishu 5xx), then a card update is refused once.
    feishu.fail(/tenant_access_token/, 2, 500, 99991400);
    feishu.fail(/^PUT \/open-apis\/cardkit\/v1\/cards\/[^/]+$/, 1, 500, 99991400);
    f.llm = await startFakeOpenAI(() => ({ chunks: [MODEL_TEXT.slice(0, 6), MODEL_TEXT.slice(6)], delayMs: 20 }));
    const port = await freePort();
    const bot = await startWebhookBot(f, { port, redisUrl: inject('redisUrl') }, {
      FEISHU_APP_SECRET: APP_SECRET,
      OPENAI_API_KEY: API_KEY,
      JOB_BACKOFF_MS: '50',
      JOB_ATTEMPTS: '5',
    });
    const ev = textEvent(USER_TEXT);
    // While the token fails, ingest cannot read the bot identity and answers 500; Feishu re-pushes.
    let status = 0;
    for (let i = 0; i < 10 && status !== 200; i++) {
      status = (await postEvent(port, ev)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    await feishu.waitFor(() => feishu.repliesTo(messageIdOf(ev)).some((m) => !feishu.isStreaming(m) && feishu.textOf(m).includes('丁戊己')), EVENT_CEILING_MS, 'the reply');
    // Both failures happened and were logged.
    expect(feishu.callsTo(/tenant_access_token/).length).toBeGreaterThanOrEqual(3);
    await bot.waitForLog((l) => l.mod === 'lark-sdk' || /card|feishu/.test(String(l.msg)));
    const all = bot.stdout() + bot.stderr();
    expect(all).toMatch(/lark-sdk|feishu/);
    for (const leak of [APP_SECRET, API_KEY, 't-fake-token', '甲乙丙', '丁戊己', '"schema":"2.0"', 'app_secret":"A']) expect(all, leak).not.toContain(leak);
  });
});
