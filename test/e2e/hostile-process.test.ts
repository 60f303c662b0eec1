import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { postEvent, startWebhookBot, useBotFixture } from '../support/bot-fixture.js';
import { spawnBot } from '../support/spawn.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { startFakeOpenAI, type FakeReply } from '../support/fake-openai.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { freePort } from '../support/redis.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { FAILURE } from '../../src/core/texts.js';

// Issue 20 items 3 and 4, against the bot as it runs (src/main.ts, worker in its own process).
const f = useBotFixture();

describe('webhook mode without authentication', () => {
  it('refuses to start, in one line, with neither FEISHU_VERIFICATION_TOKEN nor FEISHU_ENCRYPT_KEY', async () => {
    const bot = (f.bot = spawnBot({
      FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'secret_test', FEISHU_MODE: 'webhook', FEISHU_DOMAIN: 'http://127.0.0.1:9',
      REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`, PORT: '0',
    }));
    expect(await bot.exited()).toBe(2);
    const first = bot.stderr().split('\n')[0]!;
    expect(first).toBe('FEISHU_MODE=webhook refuses to start without FEISHU_VERIFICATION_TOKEN or FEISHU_ENCRYPT_KEY (set FEISHU_WEBHOOK_INSECURE=1 only for local testing).');
    expect(bot.stdout()).not.toContain('bigan started');
  });

  it('starts with FEISHU_WEBHOOK_INSECURE=1 and says so in a warning', async () => {
    f.feishu = await FakeFeishu.start();
    f.llm = await startFakeOpenAI();
    const port = await freePort();
    const bot = await startWebhookBot(f, { port, redisUrl: inject('redisUrl') }, { FEISHU_VERIFICATION_TOKEN: '', FEISHU_WEBHOOK_INSECURE: '1' });
    const warning = await bot.waitForLog((l) => typeof l.msg === 'string' && l.msg.includes('FEISHU_WEBHOOK_INSECURE'));
    expect(warning.level).toBe(40);
  });
});

describe('SIGTERM while answers stream longer than the grace', () => {
  it('leaves the interrupted jobs to be resumed: after the restart each card finishes once, with no error card', async () => {
    const feishu = (f.feishu = await FakeFeishu.start());
    const answer = Array.from({ length: 20 }, (_v, i) => `第${i + 1}句，压实意识形态工作责任。`);
    // Before the restart the model streams slowly (the grace runs out mid-stream); after it, quickly.
    let slow = true;
    f.llm = await startFakeOpenAI((): FakeReply => ({ chunks: answer, delayMs: slow ? 400 : 5 }));
    const port = await freePort();
    const redisUrl = inject('redisUrl');
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const env = { REDIS_PREFIX: prefix, SHUTDOWN_GRACE_MS: '500', JOB_BACKOFF_MS: '50' };
    const bot = await startWebhookBot(f, { port, redisUrl }, env);
    const events = Array.from({ length: 5 }, (_v, i) => textEvent(`第${i + 1}位同事：写一段工作做法`, { chatId: `oc_p2p_sigterm_${i}`, senderOpenId: `ou_sigterm_user_${i}` }));
    for (const ev of events) expect((await postEvent(port, ev)).status).toBe(200);
    // Every answer is streaming into its card when the stop comes.
    await feishu.waitFor(() => events.every((ev) => feishu.repliesTo(messageIdOf(ev)).some((m) => feishu.textOf(m).includes('第1句'))), EVENT_CEILING_MS, 'all answers streaming');
    bot.proc.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
    for (const ev of events) {
      const cards = feishu.repliesTo(messageIdOf(ev));
      expect(cards).toHaveLength(1);
      expect(feishu.textOf(cards[0]!)).not.toContain(FAILURE);
      expect(feishu.textOf(cards[0]!)).not.toBe(answer.join(''));
    }

    slow = false;
    const again = await startWebhookBot(f, { port, redisUrl }, env);
    await feishu.waitFor(() => events.every((ev) => feishu.repliesTo(messageIdOf(ev)).some((m) => !feishu.isStreaming(m))), EVENT_CEILING_MS, 'all answers finished');
    for (const ev of events) {
      const cards = feishu.repliesTo(messageIdOf(ev));
      expect(cards).toHaveLength(1);
      expect(feishu.textOf(cards[0]!)).toBe(answer.join(''));
    }
    again.proc.kill('SIGTERM');
    expect(await again.exited()).toBe(0);
  }, 180_000);
});
