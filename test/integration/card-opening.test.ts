// Two openings of one answer card (the card opened beside the model request, and the error reply that takes
// the same key when the model fails at once) must end on one card that the thread shows.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createLarkClient, FeishuApi } from '../../src/feishu/api.js';
import { FeishuReplier } from '../../src/feishu/replier.js';
import { createLogger } from '../../src/logger.js';
import type { Conversation } from '../../src/core/message.js';
import { FakeFeishu } from '../support/fake-feishu.js';

let feishu: FakeFeishu | undefined;
let redis: Redis | undefined;
afterEach(async () => {
  await feishu?.close();
  redis?.disconnect();
  feishu = redis = undefined;
});

const CREATE = /^POST \/open-apis\/cardkit\/v1\/cards$/;

describe('an answer card opened twice under one key', () => {
  it('the second opening waits for the first, so the error text lands on the card the thread shows', async () => {
    feishu = await FakeFeishu.start();
    redis = new Redis(inject('redisUrl'));
    const log = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
    const api = new FeishuApi(createLarkClient({ appId: 'cli_a1b2c3d4e5f60718', appSecret: 'secret_test', domain: feishu.url, log }));
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const replier = new FeishuReplier(api, redis, log, { prefix, throttleMs: 20 });
    const c = { chatId: 'oc_chat', chatType: 'group', messageId: 'om_user_message', senderOpenId: 'ou_writer' } as Conversation;
    const key = 'job-1';

    // The answer card's creation is slow; meanwhile the job fails and its error reply opens the same key.
    const held = feishu.hold(CREATE, 2);
    const first = replier.openStream(c, { key, title: '回答' });
    await held.arrived;
    const second = replier.openStream(c, { key, title: '出错了' });
    // Same connection, so this read comes after anything the second opening has already sent: it has not
    // taken the card over while the first is still opening.
    expect(await redis.hget(`${prefix}:reply:${key}`, 'owner')).toBe('1');
    held.release();
    await first;
    const failure = await second;
    await failure.finish('抱歉，请检查 OPENAI_API_KEY。');

    expect(feishu.callsTo(/cardkit\/v1\/cards$/).filter((x) => x.method === 'POST')).toHaveLength(1);
    const replies = feishu.repliesTo('om_user_message');
    expect(replies).toHaveLength(1);
    expect(feishu.textOf(replies[0]!)).toContain('OPENAI_API_KEY');
  });
});
