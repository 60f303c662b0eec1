import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { messageIdOf, textEvent } from '../support/events.js';
import type { FakeReply } from '../support/fake-openai.js';
import { FAILURE } from '../../src/core/texts.js';

// Issue 20 item 6: a stream that ends wrong is a retryable model error, never a short answer.
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function finalText(x: Harness, messageId: string): Promise<string> {
  await x.feishu.waitFor(() => x.feishu.repliesTo(messageId).some((m) => !x.feishu.isStreaming(m)), undefined, `a finished reply to ${messageId}`);
  return x.feishu.textOf(x.feishu.repliesTo(messageId).find((m) => !x.feishu.isStreaming(m))!);
}

/** Everything the bot keeps in Redis for threads: memory turns and drafting state. */
async function kept(x: Harness): Promise<{ turns: string[]; states: number }> {
  const r = new Redis(x.redisUrl);
  try {
    const hist = await r.keys(`${x.prefix}:hist:*`);
    const turns = (await Promise.all(hist.map((k) => r.lrange(k, 0, -1)))).flat();
    return { turns, states: (await r.keys(`${x.prefix}:state:*`)).length };
  } finally {
    r.disconnect();
  }
}

const FULL = ['第一段：加强组织领导，', '压实主体责任。', '第二段：强化阵地管理，', '守牢网络阵地。'];

describe('model streams that end wrong', () => {
  it('a stream closed without a finish reason is retried; the card and memory get only the complete answer', async () => {
    let calls = 0;
    h = await startHarness({ llm: (): FakeReply => (++calls === 1 ? { chunks: FULL.slice(0, 1), end: 'eof' } : { chunks: FULL }) });
    const ev = textEvent('写两段工作做法');
    await h.post(ev);
    await h.feishu.waitFor(() => calls >= 2 && h!.feishu.repliesTo(messageIdOf(ev)).some((m) => !h!.feishu.isStreaming(m)), undefined, 'the retried answer');
    expect(await finalText(h, messageIdOf(ev))).toBe(FULL.join(''));
    expect(h.feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    const { turns } = await kept(h);
    // Stored once (under the thread; the private chat's own list holds only the thread's id).
    expect(turns.filter((t) => t.includes('"assistant"'))).toEqual([JSON.stringify({ role: 'assistant', content: FULL.join('') })]);
  });

  it.each<[string, FakeReply]>([
    ['the connection cut mid-stream', { chunks: FULL.slice(0, 2), end: 'cut' }],
    ['a 200 with an empty event stream', { empty: true }],
    ['a finished stream with no text', { chunks: [] }],
    ['reasoning and no answer', { chunks: ['<think>先想想怎么写', '……</think>'] }],
  ])('%s on every attempt ends in the one failure message, and nothing is remembered', async (_what, reply) => {
    h = await startHarness({ llm: () => reply });
    const ev = textEvent('写两段工作做法');
    await h.post(ev);
    expect(await finalText(h, messageIdOf(ev))).toBe(FAILURE);
    expect(h.llm.requests).toHaveLength(3);
    await appSettled(h);
    expect(h.feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    expect((await kept(h)).turns).toEqual([]);
  });

  it('a critique whose model part comes back empty is not shown with an empty 综合点评', async () => {
    h = await startHarness({ llm: () => ({ empty: true }) });
    const ev = textEvent('帮我看看这段：今年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制。');
    await h.post(ev);
    const text = await finalText(h, messageIdOf(ev));
    expect(text).toBe(FAILURE);
    expect(text).not.toContain('综合点评');
  });

  it('a truncated outline is never stored as the thread\'s draft', async () => {
    h = await startHarness({ llm: () => ({ chunks: ['关于2025年上半年落实意识形态工作责任制情况的报告\n一、主要做法\n（一）压实'], end: 'cut' }) });
    const ev = textEvent('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    await h.post(ev);
    expect(await finalText(h, messageIdOf(ev))).toBe(FAILURE);
    expect(await kept(h)).toEqual({ turns: [], states: 0 });
  });
});
