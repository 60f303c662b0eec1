import { describe, expect, it } from 'vitest';
import { postEvent, startWebhookBot, useBotFixture } from '../support/bot-fixture.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import { textEvent } from '../support/events.js';
import { freePort, startPrivateRedis } from '../support/redis.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

const f = useBotFixture();

describe('SIGTERM', () => {
  it('exits within the drain window while a job is stuck on the model and Redis is frozen', async () => {
    const redis = (f.redis = await startPrivateRedis());
    const feishu = (f.feishu = await FakeFeishu.start());
    let started = false;
    // The model accepts the request and never answers.
    f.llm = await startFakeOpenAI(() => {
      started = true;
      return new Promise(() => undefined);
    });
    const port = await freePort();
    const bot = await startWebhookBot(f, { port, redisUrl: redis.url }, { OPENAI_TIMEOUT_MS: '600000', SHUTDOWN_GRACE_MS: '1000' });
    expect((await postEvent(port, textEvent('这条会卡在模型上'))).status).toBe(200);
    await feishu.waitFor(() => started, EVENT_CEILING_MS, 'the model call');
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
