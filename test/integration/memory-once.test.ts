/**
 * Thread memory on the real Redis (issue 25 item 4): a private-chat message outside a thread used to write
 * its exchange twice (under its thread and under the chat). Now the text is stored once, under the thread,
 * and the chat-level conversation is the list of those threads; both readings stay what they were.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConversationMemory } from '../../src/stores/memory.js';
import type { Conversation } from '../../src/core/message.js';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
});
afterAll(() => redis.disconnect());

const p2p = (messageId: string, rootId?: string): Conversation => ({ chatId: 'oc_p2p_1', chatType: 'p2p', messageId, senderOpenId: 'ou_1', ...(rootId ? { rootId } : {}) });

describe('private-chat memory', () => {
  it('stores each exchange once; the chat continues across messages and a thread starts from its message', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const memory = new ConversationMemory(redis, { prefix, turns: 12, maxChars: 10_000, ttlSeconds: 3600 });
    await memory.append(p2p('om_1'), [{ role: 'user', content: '问题一' }, { role: 'assistant', content: '回答一' }], 'job-1');
    await memory.append(p2p('om_2'), [{ role: 'user', content: '问题二' }, { role: 'assistant', content: '回答二' }], 'job-2');
    // A reply in the first message's thread continues that thread only.
    await memory.append(p2p('om_3', 'om_1'), [{ role: 'user', content: '追问一' }, { role: 'assistant', content: '补充一' }], 'job-3');

    // A new message outside threads sees the chat: both opening exchanges, in order, not the thread's follow-up.
    expect((await memory.history(p2p('om_4'))).map((m) => m.content)).toEqual(['问题一', '回答一', '问题二', '回答二']);
    // In the first thread: its opening exchange and its follow-up.
    expect((await memory.history(p2p('om_5', 'om_1'))).map((m) => m.content)).toEqual(['问题一', '回答一', '追问一', '补充一']);

    // Every text is in Redis once.
    const keys = await redis.keys(`${prefix}:hist:*`);
    const values = (await Promise.all(keys.map((k) => redis.lrange(k, 0, -1)))).flat().join('\n');
    for (const text of ['问题一', '回答一', '问题二', '回答二', '追问一']) expect(values.split(text).length - 1, text).toBe(1);
    // A retried job appends nothing.
    await memory.append(p2p('om_2'), [{ role: 'user', content: '问题二' }, { role: 'assistant', content: '回答二' }], 'job-2');
    expect((await memory.history(p2p('om_6'))).map((m) => m.content)).toHaveLength(4);
  });

  it('keeps the chat-level conversation within HISTORY_TURNS', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const memory = new ConversationMemory(redis, { prefix, turns: 4, maxChars: 10_000, ttlSeconds: 3600 });
    for (let i = 1; i <= 5; i++) await memory.append(p2p(`om_${i}`), [{ role: 'user', content: `问${i}` }, { role: 'assistant', content: `答${i}` }], `job-${i}`);
    expect((await memory.history(p2p('om_9'))).map((m) => m.content)).toEqual(['问4', '答4', '问5', '答5']);
  });
});
