/**
 * The message queue's slots are spread over several BullMQ workers in one process (issue 25 item 1): a BullMQ
 * worker takes one job per turn of its event loop, so with one worker of 512 slots jobs waited with slots free
 * while hundreds of answers streamed. Real Redis, the real Lark SDK against the fake Open API, the real openai SDK.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_QUEUE } from '../../src/queue/jobs.js';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('message workers', () => {
  it('WORKER_CONCURRENCY 300 runs three BullMQ workers, each job answered once by one of them', async () => {
    h = await startHarness({ env: { WORKER_CONCURRENCY: '300' }, llm: () => '收到。' });
    const ids = h.app.workers()[MESSAGE_QUEUE]!;
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    const events = Array.from({ length: 9 }, (_v, i) => textEvent(`并行取件${i}`, { senderOpenId: `ou_fetch_${i}`, chatId: `oc_fetch_${i}` }));
    for (const s of await Promise.all(events.map((ev) => h!.post(ev)))) expect(s.status).toBe(200);
    const { feishu } = h;
    await feishu.waitFor(() => events.every((ev) => feishu.repliesTo(messageIdOf(ev)).some((m) => !feishu.isStreaming(m) && feishu.textOf(m) === '收到。')), EVENT_CEILING_MS, 'every answer');
    for (const ev of events) expect(feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
  });

  it('WORKER_CONCURRENCY 1 runs one', async () => {
    h = await startHarness({ env: { WORKER_CONCURRENCY: '1' } });
    expect(h.app.workers()[MESSAGE_QUEUE]).toHaveLength(1);
  });
});
