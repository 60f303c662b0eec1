import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_QUEUE, messageJobId } from '../../src/queue/jobs.js';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent, USER_OPEN_ID, VERIFICATION_TOKEN } from '../support/events.js';
import { EVENT_CEILING_MS, eventually } from '../support/wait.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('long-connection mode (FEISHU_MODE=ws, the default): the real WSClient against a fake Feishu gateway', () => {
  it('acks an event within the deadline, answers once in the thread, and ignores the re-push', async () => {
    // The model answers only after the test has the ack: an ack that waited for the answer would never come.
    let release!: () => void;
    const acked = new Promise<void>((r) => (release = r));
    h = await startHarness({ longConnection: true, llm: async () => {
      await acked;
      return { chunks: ['长连接', '模式的回答'], delayMs: 50 };
    } });
    await h.feishu.waitFor(() => h!.feishu.wsConnections >= 1, EVENT_CEILING_MS, 'the long connection');
    const ev = textEvent('长连接测试');
    const ack = await h.feishu.pushEvent(ev);
    expect(ack.code).toBe(200);
    // The ack comes after enqueueing, before the model has answered anything.
    const id = messageIdOf(ev);
    expect(h.feishu.repliesTo(id).some((m) => h!.feishu.textOf(m).includes('长连接模式'))).toBe(false);
    release();
    await h.feishu.waitFor(() => h!.feishu.repliesTo(id).some((m) => !h!.feishu.isStreaming(m) && h!.feishu.textOf(m) === '长连接模式的回答'), EVENT_CEILING_MS, 'the reply');
    expect((await h.feishu.pushEvent(ev)).code).toBe(200);
    // The ack of the re-push comes after its enqueue: once the queue holds nothing to run, no second answer can come.
    const conn = new Redis(h.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(MESSAGE_QUEUE, { connection: conn, prefix: h.prefix });
    try {
      await eventually(async () => {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        return Object.values(c).every((n) => n === 0) ? true : undefined;
      }, 'the queue to drain');
      expect(await queue.getJobState(messageJobId(id))).toBe('completed');
      expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 1, failed: 0 });
    } finally {
      await queue.close();
      await conn.quit();
    }
    expect(h.feishu.repliesTo(id)).toHaveLength(1);
    expect(h.llm.requests).toHaveLength(1);
  });

  it('answers a card button callback with a toast over the same connection', async () => {
    h = await startHarness({ longConnection: true });
    await h.feishu.waitFor(() => h!.feishu.wsConnections >= 1, EVENT_CEILING_MS, 'the long connection');
    const ack = await h.feishu.pushEvent({
      schema: '2.0',
      header: { event_id: 'ev_ws_click_1', token: VERIFICATION_TOKEN, create_time: String(Date.now() * 1000), event_type: 'card.action.trigger', tenant_key: 't', app_id: 'cli_a1b2c3d4e5f60718' },
      event: { operator: { open_id: USER_OPEN_ID }, token: 'c-x', action: { value: { action: 'draft', command: { kind: 'export' }, thread: 'om_no_state' }, tag: 'button' }, context: { open_message_id: 'om_card_1', open_chat_id: 'oc_1' } },
    });
    expect(ack).toMatchObject({ code: 200, data: { toast: { type: 'info' } } });
    await h.feishu.waitFor(() => h!.feishu.repliesTo('om_card_1').length === 1, EVENT_CEILING_MS, 'the button reply');
    expect(h.feishu.textOf(h.feishu.repliesTo('om_card_1')[0]!)).toContain('还没有报告提纲');
  });
});
