import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { MESSAGE_QUEUE } from '../../src/queue/jobs.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startApp } from '../../src/app.js';
import { startHarness, sleep, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { eventually } from '../support/wait.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { encryptBody, groupAtBot, messageEvent, messageIdOf, OTHER_USER_OPEN_ID, textEvent, USER_OPEN_ID, VERIFICATION_TOKEN } from '../support/events.js';
import { startPrivateRedis } from '../support/redis.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function finalText(x: Harness, messageId: string, timeoutMs = 60_000): Promise<string> {
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
    await appSettled(h);
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
    await appSettled(h);
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
    await appSettled(h);
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

describe('abuse and access', () => {
  it('rate-limits one user with one friendly notice, while another user is still answered', async () => {
    h = await startHarness({ env: { USER_RATE_LIMIT: '3' } });
    const flood = Array.from({ length: 8 }, (_v, i) => textEvent(`刷屏消息${i}`));
    for (const ev of flood) expect((await h.post(ev)).status).toBe(200);
    const other = textEvent('另一个人的问题', { senderOpenId: OTHER_USER_OPEN_ID, chatId: 'oc_p2p_chat_0009' });
    expect((await h.post(other)).status).toBe(200);
    expect(await finalText(h, messageIdOf(other))).toContain('模型的回答');
    const x = h;
    await x.feishu.waitFor(() => flood.filter((ev) => x.feishu.repliesTo(messageIdOf(ev)).some((m) => !x.feishu.isStreaming(m))).length >= 4, 15_000, 'the flood answers');
    await appSettled(h);
    const texts = flood.map((ev) => x.feishu.repliesTo(messageIdOf(ev)).map((m) => x.feishu.textOf(m)).join(''));
    expect(texts.filter((t) => t.includes('模型的回答'))).toHaveLength(3);
    expect(texts.filter((t) => t.includes('请求过于频繁，请稍后再试'))).toHaveLength(1);
    expect(texts.filter((t) => t === '')).toHaveLength(4);
    expect(h.llm.requests).toHaveLength(4);
  });

  it('caps one user\'s queued jobs', async () => {
    h = await startHarness({ env: { USER_MAX_QUEUED: '2' }, llm: () => ({ chunks: ['慢', '慢的回答'], delayMs: 300 }) });
    const evs = Array.from({ length: 3 }, (_v, i) => textEvent(`排队消息${i}`));
    for (const ev of evs) expect((await h.post(ev)).status).toBe(200);
    expect(await finalText(h, messageIdOf(evs[2]!))).toContain('正在处理');
    expect(await finalText(h, messageIdOf(evs[0]!))).toContain('慢的回答');
    expect(await finalText(h, messageIdOf(evs[1]!))).toContain('慢的回答');
    // Once answered, the user may send again: the slot is freed when BullMQ marks the job completed,
    // a moment after the card is final (a refusal within the minute would get no second notice).
    const redis = new Redis(h.redisUrl);
    try {
      await eventually(async () => ((await redis.zcard(`${h!.prefix}:userjobs:${USER_OPEN_ID}`)) === 0 ? true : undefined), 'the user\'s queued jobs released');
    } finally {
      redis.disconnect();
    }
    const later = textEvent('之后的消息');
    expect((await h.post(later)).status).toBe(200);
    expect(await finalText(h, messageIdOf(later))).toContain('慢的回答');
  });

  it('answers politely outside the allowlists and never calls the model', async () => {
    h = await startHarness({ env: { ALLOWED_CHAT_IDS: 'oc_allowed_chat', ALLOWED_TENANT_KEYS: 'tenant_test' } });
    const outside = textEvent('我不在名单里');
    const inside = textEvent('我在名单里', { chatId: 'oc_allowed_chat' });
    for (const ev of [outside, inside]) expect((await h.post(ev)).status).toBe(200);
    expect(await finalText(h, messageIdOf(outside))).toContain('暂未对你所在的组织或会话开放');
    expect(await finalText(h, messageIdOf(inside))).toContain('模型的回答');
    expect(h.llm.requests).toHaveLength(1);
  });

  it('in a group thread, only the initiator changes the draft; export stays open', async () => {
    h = await startHarness({ llm: () => '一、主要做法\n（一）抓学习\n二、存在问题\n（一）学习不深\n三、下一步打算\n（一）深化学习' });
    const bot = h.feishu.botOpenId;
    const start = groupAtBot('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲', bot);
    const root = messageIdOf(start);
    expect((await h.post(start)).status).toBe(200);
    const outline = await finalText(h, root);
    expect(outline).toContain('一、');
    const requests = h.llm.requests.length;
    const other = { rootId: root, threadId: 'omt_group_1', senderOpenId: OTHER_USER_OPEN_ID };
    const full = groupAtBot('写全文', bot, other);
    const reset = groupAtBot('/reset', bot, other);
    const exp = groupAtBot('导出Word', bot, other);
    for (const ev of [full, reset, exp]) expect((await h.post(ev)).status).toBe(200);
    expect(await finalText(h, messageIdOf(full))).toContain('只有发起人可以修改这份稿子');
    expect(await finalText(h, messageIdOf(reset))).toContain('只有发起人可以修改这份稿子');
    const x = h;
    await x.feishu.waitFor(() => x.feishu.repliesTo(messageIdOf(exp)).some((m) => m.msg_type === 'file'), 15_000, 'the Word file');
    // A button on the outline card, pressed by someone else.
    const card = h.feishu.repliesTo(root)[0]!;
    const cardJson = JSON.stringify(h.feishu.cardOf(card));
    const value = (JSON.parse(cardJson) as { body: { elements: Array<{ tag: string; columns?: Array<{ elements: Array<{ behaviors: Array<{ value: Record<string, unknown> }> }> }> }> } })
      .body.elements.find((e) => e.tag === 'column_set')!.columns![0]!.elements[0]!.behaviors[0]!.value;
    expect((await h.post(clickEvent(card.message_id, value, OTHER_USER_OPEN_ID))).status).toBe(200);
    await x.feishu.waitFor(() => x.feishu.repliesTo(card.message_id).length > 0, 15_000, 'the button answer');
    await appSettled(h);
    expect(x.feishu.textOf(x.feishu.repliesTo(card.message_id)[0]!)).toContain('只有发起人可以修改这份稿子');
    expect(h.llm.requests.length).toBe(requests);
    // The initiator may.
    const mine = groupAtBot('写全文', bot, { rootId: root, threadId: 'omt_group_1' });
    expect((await h.post(mine)).status).toBe(200);
    expect(await finalText(h, messageIdOf(mine), 20_000)).not.toContain('只有发起人');
  });
});

describe('observability', () => {
  it('serves /metrics with queue depth, job duration, model latency, Feishu errors, replies and refusals', async () => {
    h = await startHarness({ env: { USER_RATE_LIMIT: '1' } });
    h.feishu.fail(/reactions$/, 1, 400, 231001);
    const a = textEvent('第一条');
    const b = textEvent('第二条');
    for (const ev of [a, b]) expect((await h.post(ev)).status).toBe(200);
    await finalText(h, messageIdOf(a));
    await finalText(h, messageIdOf(b));
    const x = h;
    let text = '';
    await x.feishu.waitFor(() => true);
    for (let i = 0; i < 40 && !/bigan_job_duration_seconds_count\{[^}]*completed[^}]*\} 2/.test(text); i++) {
      const res = await fetch(`http://127.0.0.1:${x.app.port}/metrics`);
      expect(res.status).toBe(200);
      text = await res.text();
      await sleep(100);
    }
    expect(text).toMatch(/bigan_queue_jobs\{state="completed"\} \d+/);
    expect(text).toMatch(/bigan_job_duration_seconds_count\{name="message",outcome="completed"\} 2/);
    expect(text).toMatch(/bigan_model_first_token_seconds_count 1/);
    expect(text).toMatch(/bigan_feishu_api_errors_total\{op="reaction.create",code="231001"\} 1/);
    expect(text).toMatch(/bigan_replies_sent_total\{msg_type="interactive"\} 2/);
    expect(text).toMatch(/bigan_requests_refused_total\{reason="rate-limited"\} 1/);
    expect(text).toContain('bigan_process_resident_memory_bytes');
  });

  it('serves Bull Board at /admin/queues only with ADMIN_TOKEN', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: 'admin-token-123' } });
    const base = `http://127.0.0.1:${h.app.port}/admin/queues`;
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(base, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const page = await fetch(base, { headers: { authorization: 'Bearer admin-token-123' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const api = await fetch(`${base}/api/queues`, { headers: { authorization: `Basic ${Buffer.from('admin:admin-token-123').toString('base64')}` } });
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('messages');
  });

  it('answers /healthz and /metrics in ROLE=worker', async () => {
    h = await startHarness({ env: { ROLE: 'worker' } });
    expect(h.app.port).toBeGreaterThan(0);
    const health = await h.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, redis: true, worker: true });
    expect((await fetch(`http://127.0.0.1:${h.app.port}/metrics`)).status).toBe(200);
  });
});

describe('two bots on one Redis', () => {
  it('refuses to start a bot of another app id on a prefix a live instance holds; the console chat uses its own prefix', async () => {
    h = await startHarness();
    const base = { FEISHU_APP_SECRET: 's', FEISHU_DOMAIN: h.feishu.url, FEISHU_MODE: 'webhook', FEISHU_VERIFICATION_TOKEN: 'tok', PORT: '0', REDIS_URL: h.redisUrl, REDIS_PREFIX: h.prefix, LOG_LEVEL: 'silent' };
    const quiet = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
    await expect(startApp({ config: readConfig({ ...base, FEISHU_APP_ID: 'cli_ffffffffffffffff' }), log: quiet })).rejects.toThrow(/REDIS_PREFIX "t[0-9a-f]+" is in use by a running instance of app cli_a1b2c3d4e5f60718/);
    // Another instance of the same app may join (several ingest/worker processes).
    const sibling = await startApp({ config: readConfig({ ...base, FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', ROLE: 'worker' }), log: quiet, clock: h.clock });
    const conn = new Redis(h.redisUrl);
    expect(await conn.get(`${h.prefix}:app`)).toBe('cli_a1b2c3d4e5f60718');
    await sibling.stop();
    // A console chat on the same REDIS_PREFIX works on `<prefix>-console` and does not clash.
    const consoleApp = await startApp({ config: readConfig({ REDIS_URL: h.redisUrl, REDIS_PREFIX: h.prefix, LOG_LEVEL: 'silent' }), log: quiet, clock: h.clock, stdin: new PassThrough(), stdout: new PassThrough() });
    expect(await conn.get(`${h.prefix}-console:app`)).toBe('console');
    await consoleApp.stop();
    await conn.quit();
  });
});

describe('per-thread ordering', () => {
  it('runs a thread\'s jobs one at a time, parked without polling', async () => {
    h = await startHarness({ env: { WORKER_CONCURRENCY: '8' }, llm: (body) => ({ chunks: [`答：${String(body.messages.at(-1)?.content).slice(-4)}`], delayMs: 60 }) });
    const root = textEvent('话题开头');
    const rootId = messageIdOf(root);
    expect((await h.post(root)).status).toBe(200);
    await finalText(h, rootId);
    const evs = Array.from({ length: 12 }, (_v, i) => textEvent(`追问第${String(i).padStart(2, '0')}条`, { rootId, threadId: 'omt_order' }));
    for (const ev of evs) expect((await h.post(ev)).status).toBe(200);
    const x = h;
    await x.feishu.waitFor(() => evs.every((ev) => x.feishu.repliesTo(messageIdOf(ev)).some((m) => !x.feishu.isStreaming(m))), 30_000, 'all thread answers');
    expect(evs.every((ev) => x.feishu.repliesTo(messageIdOf(ev)).length === 1)).toBe(true);
    // Each waiting job was started about twice (once to park, once to run), not polled.
    const conn = new Redis(x.redisUrl, { maxRetriesPerRequest: null });
    const q = new Queue(MESSAGE_QUEUE, { connection: conn, prefix: x.prefix });
    const jobs = await Promise.all(evs.map((ev) => q.getJob(`msg-${messageIdOf(ev)}`)));
    const starts = jobs.reduce((n, j) => n + (j?.attemptsStarted ?? 0), 0);
    await q.close();
    await conn.quit();
    expect(starts).toBeLessThanOrEqual(2 * evs.length + 2);
  });
});

describe('classified documents', () => {
  it('a quoted message carrying a 密级 marking is refused, not critiqued or sent to the model', async () => {
    h = await startHarness();
    h.feishu.addUserMessage('om_quoted_secret', 'text', { text: '秘密★1年\n关于某项工作的情况报告\n一、基本情况……' });
    const ev = groupAtBot('帮我看看', h.feishu.botOpenId, { parentId: 'om_quoted_secret' });
    expect((await h.post(ev)).status).toBe(200);
    const text = await finalText(h, messageIdOf(ev));
    expect(text).toContain('秘密★1年');
    expect(text).toContain('涉密内容不得发送到外部模型');
    expect(h.llm.requests).toHaveLength(0);
  });
});
