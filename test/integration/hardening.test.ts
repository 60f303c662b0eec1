import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, sleep, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { startPrivateRedis } from '../support/redis.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function finalText(x: Harness, messageId: string, timeoutMs = 15_000): Promise<string> {
  await x.feishu.waitFor(() => x.feishu.repliesTo(messageId).some((m) => !x.feishu.isStreaming(m)), timeoutMs, `a finished reply to ${messageId}`);
  return x.feishu.textOf(x.feishu.repliesTo(messageId).find((m) => !x.feishu.isStreaming(m))!);
}

describe('classified text never reaches the model', () => {
  it('refuses a message with a 密级 marking, naming it and why, and calls no model', async () => {
    h = await startHarness();
    const ev = textEvent('机密★5年\n关于2025年上半年意识形态工作情况的报告\n一、主要做法……请帮我润色');
    expect((await h.post(ev)).status).toBe(200);
    const text = await finalText(h, messageIdOf(ev));
    expect(text).toContain('机密★5年');
    expect(text).toContain('涉密内容不得发送到外部模型');
    const internal = textEvent('内部资料　注意保存\n帮我看看这段：今年以来，我局坚持……');
    expect((await h.post(internal)).status).toBe(200);
    expect(await finalText(h, messageIdOf(internal))).toContain('内部资料');
    await sleep(200);
    expect(h.llm.requests).toHaveLength(0);
  });
});

describe('Feishu calls that never answer', () => {
  it('time out, are retried, and free the worker slot and the thread lock', async () => {
    h = await startHarness({ env: { FEISHU_HTTP_TIMEOUT_MS: '300', WORKER_CONCURRENCY: '1', JOB_ATTEMPTS: '4' } });
    // The first reply call hangs forever; with one worker slot nothing else would be answered.
    h.feishu.hang(/\/reply$/, 1);
    const first = textEvent('第一个问题');
    const second = textEvent('第二个问题', { chatId: 'oc_p2p_chat_0002' });
    expect((await h.post(first)).status).toBe(200);
    expect((await h.post(second)).status).toBe(200);
    expect(await finalText(h, messageIdOf(first))).toContain('模型的回答');
    expect(await finalText(h, messageIdOf(second))).toContain('模型的回答');
    expect(h.feishu.repliesTo(messageIdOf(first))).toHaveLength(1);
  });
});

describe('a frozen Redis on the ingest path', () => {
  it('gives Feishu a 5xx while Redis is still frozen (no stall), and the re-push is answered after', async () => {
    const redis = await startPrivateRedis();
    h = await startHarness({ env: { REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '500' } });
    // Warm up: the first event loads the bot identity and the queue's scripts.
    const warm = textEvent('预热');
    expect((await h.post(warm)).status).toBe(200);
    await finalText(h, messageIdOf(warm));
    redis.proc.kill('SIGSTOP');
    let resumed = false;
    const resume = setTimeout(() => {
      resumed = true;
      redis.proc.kill('SIGCONT');
    }, 8000);
    const ev = textEvent('Redis 卡死时发来的消息');
    const res = await h.post(ev);
    const answeredWhileFrozen = !resumed;
    clearTimeout(resume);
    redis.proc.kill('SIGCONT');
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(answeredWhileFrozen).toBe(true);
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await h.post(ev)).status;
      if (status !== 200) await sleep(250);
    }
    expect(status).toBe(200);
    expect(await finalText(h, messageIdOf(ev), 20_000)).toContain('模型的回答');
    await h.stop();
    h = undefined;
    await redis.stop();
  }, 60_000);
});
