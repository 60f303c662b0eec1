/**
 * Issue 20 item 5: Feishu's rate limit (HTTP 429, code 99991400, `x-ogw-ratelimit-reset`) is waited out by
 * the one retry layer (BullMQ's backoff, at least until the reset), card updates are coalesced meanwhile,
 * and the model's answer is kept, so the retry delivers it without asking the model again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { retryDelay } from '../../src/queue/worker.js';
import { FeishuApiError } from '../../src/core/errors.js';
import { feishuError } from '../../src/feishu/api.js';
import { MAX_RATE_LIMIT_WAIT_MS, rateLimitWait } from '../../src/feishu/codes.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function answered(x: Harness, id: string): Promise<string> {
  await x.feishu.waitFor(() => x.feishu.repliesTo(id).some((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…' && x.feishu.textOf(m).length > 0), EVENT_CEILING_MS, `reply to ${id}`);
  return x.feishu.repliesTo(id).map((m) => x.feishu.textOf(m)).join('\n');
}

describe('Feishu rate limits', () => {
  it('card updates throttled: coalesced, the retry waits for the reset and delivers the kept answer (the model asked once)', async () => {
    // JOB_BACKOFF_MS is 50 ms in the harness: without the reset, three attempts would be spent inside the window.
    h = await startHarness();
    const limit = h.feishu.rateLimit(/^PUT \/open-apis\/cardkit\/v1\/cards\//, 2500);
    const ev = textEvent('意识形态工作和宣传工作有什么区别');
    expect((await h.post(ev)).status).toBe(200);
    const text = await answered(h, messageIdOf(ev));
    expect(text).toContain('模型的回答');
    expect(text).not.toContain('抱歉');
    expect(h.llm.requests).toHaveLength(1);
    const puts = h.feishu.callsTo(/^PUT \/open-apis\/cardkit\/v1\/cards\//);
    const limited = puts.filter((c) => c.limited);
    // One streamed update and the final one at most inside the window, then nothing until the reset.
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited.length).toBeLessThanOrEqual(3);
    expect(puts.filter((c) => !c.limited).every((c) => c.at! >= limit.until)).toBe(true);
  });

  it('replies throttled: the job waits for the reset instead of spending its attempts, and one reply is posted', async () => {
    h = await startHarness();
    const limit = h.feishu.rateLimit(/^POST \/open-apis\/im\/v1\/messages\/[^/]+\/reply$/, 2500);
    const ev = textEvent('我的提醒');
    expect((await h.post(ev)).status).toBe(200);
    const text = await answered(h, messageIdOf(ev));
    expect(text).toContain('还没有提醒');
    expect(h.feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    const replies = h.feishu.callsTo(/\/reply$/);
    expect(replies.filter((c) => c.limited).length).toBeLessThanOrEqual(2);
    expect(replies.filter((c) => !c.limited)[0]!.at!).toBeGreaterThanOrEqual(limit.until);
  });

  it('the reset header is read, bounded, and turned into the retry delay', () => {
    expect(rateLimitWait({ 'x-ogw-ratelimit-reset': '7' })).toBe(7000);
    expect(rateLimitWait({ 'x-ogw-ratelimit-reset': '3600' })).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(rateLimitWait({})).toBeUndefined();
    const limited = feishuError('card.update', 99991400, 'request trigger frequency limit', 429, { 'x-ogw-ratelimit-reset': '7' });
    expect(limited).toBeInstanceOf(FeishuApiError);
    expect(limited.retryable).toBe(true);
    expect(limited.retryAfterMs).toBe(7000);
    expect(retryDelay(1, { delay: 50 }, limited)).toBe(7000);
    expect(retryDelay(3, { delay: 50 }, limited)).toBe(7000);
    // Without a reset: plain exponential backoff.
    expect(retryDelay(3, { delay: 50 }, new Error('x'))).toBe(200);
    // A refusal is not a rate limit and carries no wait.
    const refused = feishuError('message.reply', 230002, 'bot not in chat', 400);
    expect(refused.retryable).toBe(false);
    expect(refused.retryAfterMs).toBeUndefined();
  });
});
