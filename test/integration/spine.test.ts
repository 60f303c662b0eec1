import { afterEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { startHarness, sleep, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { encryptBody, groupAtBot, messageEvent, messageIdOf, OTHER_USER_OPEN_ID, signHeaders, textEvent } from '../support/events.js';
import { MESSAGE_QUEUE } from '../../src/queue/jobs.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Jobs BullMQ holds for this harness, in any state. */
async function jobCount(x: Harness): Promise<number> {
  const conn = new Redis(x.redisUrl, { maxRetriesPerRequest: null });
  const q = new Queue(MESSAGE_QUEUE, { connection: conn, prefix: x.prefix });
  const counts = await q.getJobCounts();
  await q.close();
  await conn.quit();
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

async function finalReply(x: Harness, messageId: string) {
  await x.feishu.waitFor(() => x.feishu.repliesTo(messageId).some((m) => !x.feishu.isStreaming(m)), EVENT_CEILING_MS, `a finished reply to ${messageId}`);
  return x.feishu.repliesTo(messageId);
}

describe('spine: Feishu in → BullMQ → model → streamed card in the thread', () => {
  it('answers a private text message with exactly one threaded, streamed card carrying the model text', async () => {
    h = await startHarness({ llm: () => ({ chunks: ['一、', '总体情况', '良好。', '二、下一步打算。'], delayMs: 30 }) });
    const ev = textEvent('帮我想想半年报告怎么开头');
    expect((await h.post(ev)).status).toBe(200);
    const id = messageIdOf(ev);
    const replies = await finalReply(h, id);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.reply_in_thread).toBe(true);
    expect(reply.msg_type).toBe('interactive');
    expect(JSON.parse(reply.content)).toMatchObject({ type: 'card' });
    expect(h.feishu.textOf(reply)).toBe('一、总体情况良好。二、下一步打算。');
    // streamed through CardKit element updates with increasing sequence, then closed
    expect(h.feishu.callsTo(/PUT \/open-apis\/cardkit\/v1\/cards\/[^/]+\/elements\//).length).toBeGreaterThan(0);
    expect(h.feishu.isStreaming(reply)).toBe(false);
    expect(h.feishu.reactions).toContainEqual({ message_id: id, emoji: 'OnIt' });
    // the model saw the system prompt and the user's text
    expect(h.llm.requests).toHaveLength(1);
    const msgs = h.llm.requests[0]!.messages;
    expect(msgs[0]!.role).toBe('system');
    expect(msgs[0]!.content).toContain('意识形态工作责任制');
    expect(msgs.at(-1)!.content).toContain('帮我想想半年报告怎么开头');
    // every outbound message carries a uuid
    expect(reply.uuid).toBeTruthy();
    // Open API calls were authenticated with the tenant token from the fake auth endpoint
    expect(h.feishu.callsTo(/reply$/)[0]!.auth).toBe('Bearer t-fake-token');
  });

  it('delivers one reply and makes one model call when the same event arrives 3 times (concurrently and later)', async () => {
    h = await startHarness({ llm: () => ({ chunks: ['唯一的回答'], delayMs: 50 }) });
    const ev = textEvent('重复推送测试');
    const id = messageIdOf(ev);
    const results = await Promise.all([h.post(ev), h.post(ev)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await finalReply(h, id);
    // a later re-push with a new event_id (Feishu's retry) and the same message_id
    const again = structuredClone(ev);
    (again.header as { event_id: string }).event_id = 'ev_repush_later';
    expect((await h.post(again)).status).toBe(200);
    await appSettled(h);
    expect(h.feishu.repliesTo(id)).toHaveLength(1);
    expect(h.llm.requests).toHaveLength(1);
    expect(await jobCount(h)).toBe(1);
  });

  it('ignores a group message that does not @ the bot, and answers one that does', async () => {
    h = await startHarness();
    const plain = textEvent('大家好，今天开会', { chatType: 'group' });
    const otherMention = textEvent('@_user_1 你看一下', { chatType: 'group', mentions: [{ key: '@_user_1', openId: OTHER_USER_OPEN_ID, name: '张三' }] });
    expect((await h.post(plain)).status).toBe(200);
    expect((await h.post(otherMention)).status).toBe(200);
    const at = groupAtBot('帮我看看这个标题怎么样', h.feishu.botOpenId);
    expect((await h.post(at)).status).toBe(200);
    const replies = await finalReply(h, messageIdOf(at));
    expect(replies).toHaveLength(1);
    await appSettled(h);
    expect(h.feishu.repliesTo(messageIdOf(plain))).toHaveLength(0);
    expect(h.feishu.repliesTo(messageIdOf(otherMention))).toHaveLength(0);
    expect(h.llm.requests).toHaveLength(1);
    // the bot's @ placeholder is stripped before the model sees the text
    expect(h.llm.requests[0]!.messages.at(-1)!.content).not.toContain('@_user_1');
    expect(h.llm.requests[0]!.messages.at(-1)!.content).toContain('帮我看看这个标题怎么样');
  });

  it('answers an image with what the bot accepts, and empty text with the help', async () => {
    h = await startHarness();
    const img = messageEvent('image', { image_key: 'img_v3_test' });
    const sticker = messageEvent('sticker', { file_key: 'sticker_test' });
    const empty = textEvent('   ');
    for (const ev of [img, sticker, empty]) expect((await h.post(ev)).status).toBe(200);
    const [imgReply] = await finalReply(h, messageIdOf(img));
    expect(h.feishu.textOf(imgReply!)).toContain('图片');
    expect(h.feishu.textOf(imgReply!)).toContain('文字');
    const [stickerReply] = await finalReply(h, messageIdOf(sticker));
    expect(h.feishu.textOf(stickerReply!)).toContain('表情包');
    const [emptyReply] = await finalReply(h, messageIdOf(empty));
    expect(h.feishu.textOf(emptyReply!)).toContain('没有收到文字内容');
    expect(h.feishu.textOf(emptyReply!)).toContain('起草提纲');
    expect(h.llm.requests).toHaveLength(0);
  });

  it('reads rich text (post) as plain text', async () => {
    h = await startHarness();
    const ev = messageEvent('post', {
      title: '请教一个问题',
      content: [
        [{ tag: 'at', user_id: '@_user_1', user_name: '笔杆子' }, { tag: 'text', text: '我局召开', style: ['bold'] }, { tag: 'a', text: '专题会议', href: 'https://example.cn' }],
        [{ tag: 'text', text: '第二行内容' }],
      ],
    }, { chatType: 'group', mentions: [{ key: '@_user_1', openId: h.feishu.botOpenId, name: '笔杆子' }] });
    await h.post(ev);
    await finalReply(h, messageIdOf(ev));
    const sent = h.llm.requests[0]!.messages.at(-1)!.content;
    expect(sent).toContain('请教一个问题\n我局召开专题会议\n第二行内容');
    expect(sent).not.toContain('**');
  });

  it('gives exactly one clear error reply after the retries when the model fails every time', async () => {
    h = await startHarness({ llm: () => ({ status: 500 }), env: { JOB_ATTEMPTS: '3' } });
    const ev = textEvent('你好，介绍一下你自己');
    await h.post(ev);
    const replies = await finalReply(h, messageIdOf(ev));
    await h.feishu.waitFor(() => h!.feishu.textOf(h!.feishu.repliesTo(messageIdOf(ev))[0]!).includes('抱歉'), EVENT_CEILING_MS, 'the error text');
    await appSettled(h);
    expect(h.feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    expect(h.llm.requests).toHaveLength(3);
    expect(h.feishu.textOf(replies[0]!)).toContain('已自动重试');
  });

  it('retries when Feishu fails (reply 500, card update 429) and still posts exactly one complete answer', async () => {
    h = await startHarness({ llm: () => ({ chunks: ['飞书', '偶发故障', '也不丢消息'], delayMs: 20 }) });
    h.feishu.fail(/^POST \/open-apis\/im\/v1\/messages\/[^/]+\/reply$/, 1, 500, 2200);
    h.feishu.fail(/^PUT \/open-apis\/cardkit\/v1\/cards\/[^/]+$/, 1, 429, 99991400);
    const ev = textEvent('故障测试');
    await h.post(ev);
    const id = messageIdOf(ev);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(id).some((m) => !h!.feishu.isStreaming(m) && h!.feishu.textOf(m) === '飞书偶发故障也不丢消息'), EVENT_CEILING_MS, 'the answer');
    await appSettled(h);
    expect(h.feishu.repliesTo(id)).toHaveLength(1);
    expect(h.feishu.callsTo(/reply$/).length).toBeGreaterThanOrEqual(2);
  });

  it('does not retry a model 401 (bad key): one call, one error reply naming the configuration', async () => {
    h = await startHarness({ llm: () => ({ status: 401, body: { error: { message: 'invalid api key', type: 'invalid_request_error' } } }) });
    const ev = textEvent('你好');
    await h.post(ev);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(messageIdOf(ev)).some((m) => h!.feishu.textOf(m).includes('OPENAI_API_KEY')), EVENT_CEILING_MS, 'the config error');
    await appSettled(h);
    expect(h.llm.requests).toHaveLength(1);
    expect(h.feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
  });

  it('ends a job for good when even the error reply cannot be posted (no retry loop)', async () => {
    h = await startHarness({ env: { JOB_ATTEMPTS: '3' } });
    // 230002: the bot is not in the chat; every reply fails permanently.
    h.feishu.fail(/reply$/, 100, 400, 230002);
    const ev = textEvent('机器人已被移出群聊');
    await h.post(ev);
    await h.feishu.waitFor(() => h!.feishu.callsTo(/reply$/).length >= 1, EVENT_CEILING_MS, 'the reply attempt');
    await appSettled(h);
    // one attempt at the answer, one at the error reply; no further attempts
    expect(h.feishu.callsTo(/reply$/)).toHaveLength(2);
    // The model request starts beside the card (issue 25), so it may have gone out once; never again.
    expect(h.llm.requests.length).toBeLessThanOrEqual(1);
    expect(await jobCount(h)).toBe(1);
    expect(h.feishu.messages).toHaveLength(0);
  });

  it('refuses forged requests with 401 and queues nothing', async () => {
    h = await startHarness({ env: { FEISHU_ENCRYPT_KEY: 'enc_key_test' } });
    const ev = textEvent('伪造的消息');
    const encrypted = JSON.stringify({ encrypt: encryptBody(ev, 'enc_key_test') });
    // bad signature
    expect((await h.post(encrypted, signHeaders(encrypted, 'enc_key_test', true))).status).toBe(401);
    // no signature
    expect((await h.post(encrypted)).status).toBe(401);
    // plaintext while an encrypt key is configured
    expect((await h.post(ev)).status).toBe(401);
    // right signature but wrong verification token inside
    const wrongToken = textEvent('令牌不对', { token: 'not-the-token' });
    const enc2 = JSON.stringify({ encrypt: encryptBody(wrongToken, 'enc_key_test') });
    expect((await h.post(enc2, signHeaders(enc2, 'enc_key_test'))).status).toBe(401);
    // encrypted with another key
    const enc3 = JSON.stringify({ encrypt: encryptBody(ev, 'another-key') });
    expect((await h.post(enc3, signHeaders(enc3, 'enc_key_test'))).status).toBe(401);
    await appSettled(h);
    expect(await jobCount(h)).toBe(0);
    expect(h.feishu.messages).toHaveLength(0);
    // and the genuine one goes through
    const good = textEvent('真实的消息');
    const enc4 = JSON.stringify({ encrypt: encryptBody(good, 'enc_key_test') });
    expect((await h.post(enc4, signHeaders(enc4, 'enc_key_test'))).status).toBe(200);
    await finalReply(h, messageIdOf(good));
  });

  it('refuses a wrong verification token without encryption, and answers the url_verification challenge', async () => {
    h = await startHarness();
    expect((await h.post(textEvent('令牌错误', { token: 'forged' }))).status).toBe(401);
    expect((await h.post({ challenge: 'abc123', token: 'forged', type: 'url_verification' })).status).toBe(401);
    const ok = await h.post({ challenge: 'abc123', token: 'vt_test_0123456789abcdef', type: 'url_verification' });
    expect(ok).toEqual({ status: 200, body: { challenge: 'abc123' } });
    expect((await h.post('not json')).status).toBe(400);
    await appSettled(h);
    expect(await jobCount(h)).toBe(0);
  });

  it('answers an encrypted url_verification challenge that carries no signature', async () => {
    h = await startHarness({ env: { FEISHU_ENCRYPT_KEY: 'enc_key_test' } });
    const body = JSON.stringify({ encrypt: encryptBody({ challenge: 'c-123', token: 'vt_test_0123456789abcdef', type: 'url_verification' }, 'enc_key_test') });
    expect(await h.post(body)).toEqual({ status: 200, body: { challenge: 'c-123' } });
  });

  it('keeps the conversation per thread so a follow-up sees the earlier turn', async () => {
    let n = 0;
    h = await startHarness({ llm: () => (++n === 1 ? '一、主要做法\n二、存在问题\n三、下一步打算' : '第二部分展开如下……') });
    const first = textEvent('给我一个三段式结构', { chatType: 'group', mentions: [{ key: '@_user_1', openId: 'ou_bot_fake_000000000000000000001', name: '笔杆子' }] });
    (first.event as { message: { content: string } }).message.content = JSON.stringify({ text: '@_user_1 给我一个三段式结构' });
    await h.post(first);
    await finalReply(h, messageIdOf(first));
    const follow = groupAtBot('把第二部分再展开一点', h.feishu.botOpenId, { rootId: messageIdOf(first), threadId: 'omt_thread_1' });
    await h.post(follow);
    await finalReply(h, messageIdOf(follow));
    const msgs = h.llm.requests[1]!.messages.map((m) => m.content);
    expect(msgs.some((c) => c.includes('给我一个三段式结构'))).toBe(true);
    expect(msgs.some((c) => c.includes('二、存在问题'))).toBe(true);
    // another thread does not see it
    const other = groupAtBot('新话题', h.feishu.botOpenId);
    await h.post(other);
    await finalReply(h, messageIdOf(other));
    expect(h.llm.requests[2]!.messages.map((m) => m.content).some((c) => c.includes('三段式'))).toBe(false);
  });

  it('runs messages of one thread one at a time (they share its state), and different threads in parallel', async () => {
    let running = 0;
    let peak = 0;
    const byThread = new Map<string, number>();
    let threadPeak = 0;
    h = await startHarness({
      llm: async (body) => {
        const key = body.messages.some((m) => m.content.includes('话题甲')) ? 'a' : 'b';
        running++;
        byThread.set(key, (byThread.get(key) ?? 0) + 1);
        peak = Math.max(peak, running);
        threadPeak = Math.max(threadPeak, byThread.get(key)!);
        await sleep(300);
        running--;
        byThread.set(key, byThread.get(key)! - 1);
        return '好的';
      },
    });
    const rootA = textEvent('话题甲：第一条');
    const rootB = textEvent('话题乙：第一条');
    await Promise.all([h.post(rootA), h.post(rootB)]);
    await finalReply(h, messageIdOf(rootA));
    await finalReply(h, messageIdOf(rootB));
    expect(peak).toBe(2);
    const followA = [1, 2, 3].map((i) => textEvent(`话题甲：追问${i}`, { rootId: messageIdOf(rootA) }));
    await Promise.all(followA.map((e) => h!.post(e)));
    for (const e of followA) await finalReply(h, messageIdOf(e));
    expect(threadPeak).toBe(1);
    expect(h.llm.requests).toHaveLength(5);
  });

  it('falls back to a plain card when CardKit is refused', async () => {
    h = await startHarness({ llm: () => ({ chunks: ['降级', '也能', '完整回答'], delayMs: 20 }) });
    h.feishu.refuseCardKit = true;
    const ev = textEvent('测试降级');
    await h.post(ev);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(messageIdOf(ev)).some((m) => h!.feishu.textOf(m) === '降级也能完整回答'), EVENT_CEILING_MS, 'the patched card');
    const replies = h.feishu.repliesTo(messageIdOf(ev));
    expect(replies).toHaveLength(1);
    expect(JSON.parse(replies[0]!.content)).toHaveProperty('schema', '2.0');
  });

  it('splits a long answer across several cards instead of cutting it', async () => {
    const para = '我局坚持把意识形态工作摆在重要位置，层层压实责任，推动各项任务落地见效。'.repeat(20);
    const long = Array.from({ length: 14 }, (_, i) => `${i + 1}. ${para}`).join('\n\n');
    h = await startHarness({ llm: () => long });
    const ev = textEvent('写一篇很长的材料');
    await h.post(ev);
    await h.feishu.waitFor(() => {
      const r = h!.feishu.repliesTo(messageIdOf(ev));
      return r.length > 1 && r.every((m) => !h!.feishu.isStreaming(m));
    }, EVENT_CEILING_MS, 'several closed cards');
    await appSettled(h);
    const replies = h.feishu.repliesTo(messageIdOf(ev));
    const joined = replies.map((m) => h!.feishu.textOf(m)).join('\n\n');
    expect(joined.replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
    expect(Math.max(...replies.map((m) => h!.feishu.textOf(m).length))).toBeLessThanOrEqual(6000);
  });

  it('answers unknown commands and over-long pastes clearly, and drops stale and bot-sent events', async () => {
    h = await startHarness();
    const unknown = textEvent('/frobnicate');
    const long = textEvent('字'.repeat(30_001));
    const stale = textEvent('很久以前的消息', { createTime: Date.now() - 3 * 3600 * 1000 });
    const fromBot = textEvent('我是另一个机器人', { senderType: 'app' });
    for (const ev of [unknown, long, stale, fromBot]) expect((await h.post(ev)).status).toBe(200);
    const [u] = await finalReply(h, messageIdOf(unknown));
    expect(h.feishu.textOf(u!)).toContain('不认识的命令“/frobnicate”');
    const [l] = await finalReply(h, messageIdOf(long));
    expect(h.feishu.textOf(l!)).toContain('30001');
    await appSettled(h);
    expect(h.feishu.repliesTo(messageIdOf(stale))).toHaveLength(0);
    expect(h.feishu.repliesTo(messageIdOf(fromBot))).toHaveLength(0);
    expect(h.llm.requests).toHaveLength(0);
  });

  it('reports health on GET /healthz', async () => {
    h = await startHarness();
    const r = await h.get('/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, mode: 'webhook', redis: true, worker: true, llm: 'fake-model' });
  });
});
