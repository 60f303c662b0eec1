import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, sleep, type Harness } from '../support/harness.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { encryptBody, groupAtBot, messageEvent, messageIdOf, textEvent, USER_OPEN_ID, VERIFICATION_TOKEN } from '../support/events.js';
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

function clickEvent(messageId: string, value: Record<string, unknown>, operator = USER_OPEN_ID): Record<string, unknown> {
  return {
    schema: '2.0',
    header: { event_id: `ev_click_${randomUUID()}`, token: VERIFICATION_TOKEN, create_time: String(Date.now() * 1000), event_type: 'card.action.trigger', tenant_key: 'tenant_test', app_id: 'cli_a1b2c3d4e5f60718' },
    event: { operator: { open_id: operator }, token: 'c-card-update-token', action: { value, tag: 'button' }, host: 'im_message', context: { open_message_id: messageId, open_chat_id: 'oc_group_chat_0001' } },
  };
}

describe('webhook input that is malformed, oversized, replayed or crafted', () => {
  it('answers 413 over 1 MB, 400 for malformed or non-event JSON, and never 500', async () => {
    h = await startHarness();
    expect((await h.post('x'.repeat(2 * 1024 * 1024))).status).toBe(413);
    expect((await h.post('{"schema":"2.0",')).status).toBe(400);
    for (const body of ['123', 'null', '[]', '{"text":123,"token":"vt_test_0123456789abcdef"}', '{"schema":"2.0","header":{"event_type":"im.message.receive_v1","token":"vt_test_0123456789abcdef"}}']) {
      expect((await h.post(body)).status, body).toBe(400);
    }
    // Unsigned (no verification token): 401.
    expect((await h.post('{"text":123}')).status).toBe(401);
    // A well-formed envelope whose message is broken: acked (no endless re-push), at most one clear answer.
    const broken = textEvent('x');
    (broken.event as { message: Record<string, unknown> }).message.content = 42;
    expect((await h.post(broken)).status).toBe(200);
    await sleep(500);
    expect(h.feishu.messages.length).toBeLessThanOrEqual(1);
    for (const m of h.feishu.messages) expect(h.feishu.textOf(m)).not.toContain('undefined');
  });

  it('with an encrypt key, refuses a correctly signed request whose timestamp is over an hour off', async () => {
    const key = 'encrypt_key_for_skew_test';
    h = await startHarness({ env: { FEISHU_ENCRYPT_KEY: key } });
    const raw = JSON.stringify({ encrypt: encryptBody(textEvent('重放的旧请求'), key) });
    const signed = (ts: number) => {
      const nonce = randomBytes(8).toString('hex');
      const sig = createHash('sha256').update(String(ts) + nonce + key + raw).digest('hex');
      return { 'x-lark-request-timestamp': String(ts), 'x-lark-request-nonce': nonce, 'x-lark-signature': sig };
    };
    const now = Math.floor(Date.now() / 1000);
    expect((await h.post(raw, signed(now - 2 * 3600))).status).toBe(401);
    expect((await h.post(raw, signed(now + 2 * 3600))).status).toBe(401);
    expect((await h.post(raw, signed(now))).status).toBe(200);
  });

  it('refuses a button from a card older than CARD_ACTION_MAX_AGE_SECONDS', async () => {
    h = await startHarness({ env: { CARD_ACTION_MAX_AGE_SECONDS: '60' } });
    const value = { action: 'draft', thread: 'om_root_old', command: { kind: 'full' }, iat: Math.floor(Date.now() / 1000) - 3600 };
    const res = await h.post(clickEvent('om_card_old', value));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('已过期');
    await sleep(300);
    expect(h.feishu.messages).toHaveLength(0);
  });

  it('routes /help hidden behind zero-width and RTL marks, and never says "undefined" for a message without a type', async () => {
    h = await startHarness();
    const zw = textEvent('/\u200Bhe\u200Dlp\u202E');
    const noType = messageEvent('image', { image_key: 'img_v3_x' });
    delete (noType.event as { message: Record<string, unknown> }).message.message_type;
    for (const ev of [zw, noType]) expect((await h.post(ev)).status).toBe(200);
    expect(await finalText(h, messageIdOf(zw))).toContain('起草提纲');
    const t = await finalText(h, messageIdOf(noType));
    expect(t).not.toContain('undefined');
    expect(t).toContain('文字');
    expect(h.llm.requests).toHaveLength(0);
  });
});

describe('model output in card markdown', () => {
  it('cannot @all, show images or inject card tags', async () => {
    h = await startHarness({ llm: () => ({ chunks: ['<at id=all></at> 请大家注意', '![图](img_v3_evil) <font color="red">红字</font> 1<2 正常'], delayMs: 20 }) });
    const ev = groupAtBot('随便聊聊', 'ou_bot_fake_000000000000000000001');
    expect((await h.post(ev)).status).toBe(200);
    const text = await finalText(h, messageIdOf(ev));
    expect(text).toContain('请大家注意');
    expect(text).not.toMatch(/<at|<font|!\[/);
    expect(text).toContain('1<2');
    // Streamed element updates were escaped too.
    for (const c of h.feishu.callsTo(/elements\/[^/]+\/content$/)) expect(String((c.body as { content: string }).content)).not.toMatch(/<at|<font/);
  });
});
