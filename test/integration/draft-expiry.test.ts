/**
 * Issue 26 item 2: a draft is never silently lost. Storing a draft schedules one warning
 * DRAFT_EXPIRY_WARNING_DAYS before it expires; the warning comes in the draft's thread with 保留 and
 * 导出Word; 保留 restarts the draft's lifetime and moves the warning; /reset and “删除我的数据” remove it;
 * a warning whose draft is gone says nothing. Time is the harness clock: the test moves it and promotes
 * the delayed job (no sleeps).
 */
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent, cardActionEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { queueSettled } from '../support/queues.js';
import { draftExpiryJobId, REMINDER_QUEUE, type DraftExpiryJobData } from '../../src/queue/jobs.js';
import { EXPIRY_TITLE, dayText } from '../../src/flows/drafting/expiry.js';

const USER = 'ou_expiry_aaaaaaaaaaaaaaaaaaaaaaaaaaaa1';
const CHAT = 'oc_p2p_expiry_a';
const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 2, 2, 0, 0);
const TZ = 'Asia/Shanghai';

let h: Harness | undefined;
let redis: Redis | undefined;
let queue: Queue | undefined;
afterEach(async () => {
  await queue?.close();
  await h?.stop();
  redis?.disconnect();
  h = undefined;
  redis = undefined;
  queue = undefined;
});

let now = START;

async function settled(x: Harness, parentId: string, n = 1): Promise<FakeMessage[]> {
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(parentId);
    return r.length >= n && r.every((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…');
  }, EVENT_CEILING_MS, `reply to ${parentId}`);
  return x.feishu.repliesTo(parentId);
}

async function say(x: Harness, text: string, rootId?: string, n = 1): Promise<{ id: string; replies: FakeMessage[] }> {
  const ev = textEvent(text, { senderOpenId: USER, chatId: CHAT, ...(rootId ? { rootId } : {}) });
  expect((await x.post(ev)).status).toBe(200);
  return { id: messageIdOf(ev), replies: await settled(x, messageIdOf(ev), n) };
}

const press = (x: Harness, m: FakeMessage, value: Record<string, unknown>) => x.post(cardActionEvent(m.message_id, value, { openId: USER, chatId: CHAT }));

const buttons = (x: Harness, m: FakeMessage) => x.feishu.buttonsOf(m);

async function warningJob(thread: string): Promise<Job<DraftExpiryJobData> | undefined> {
  const job = (await queue!.getJob(draftExpiryJobId(thread))) as Job<DraftExpiryJobData> | undefined;
  return job && (await job.isDelayed()) ? job : undefined;
}

async function start(): Promise<Harness> {
  now = START;
  h = await startHarness({ clock: () => now, env: { DRAFT_TTL_DAYS: '30', DRAFT_EXPIRY_WARNING_DAYS: '3' } });
  redis = new Redis(h.redisUrl);
  queue = new Queue(REMINDER_QUEUE, { connection: redis, prefix: h.prefix });
  return h;
}

describe('a draft is never silently lost', () => {
  it('warns in the thread before expiry; 保留 keeps it another DRAFT_TTL_DAYS and moves the warning; 导出Word exports; /reset removes the warning', async () => {
    const x = await start();
    const outline = await say(x, '帮我写一份2025年下半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    const thread = outline.id;
    const stateKey = `${x.prefix}:state:${thread}`;
    const first = await warningJob(thread);
    expect(first, 'a warning is scheduled when the draft is stored').toBeDefined();
    expect(first!.data.expiresAt).toBe(START + 30 * DAY);
    expect(first!.opts.delay).toBe(27 * DAY);
    expect(JSON.stringify(first!.data)).not.toContain('交通运输局');
    expect(await redis!.ttl(stateKey)).toBeGreaterThan(29 * 86_400);

    // A change in the thread moves the warning to the new expiry.
    now = START + 2 * DAY;
    const change = await say(x, '写第一部分', thread);
    expect((await warningJob(thread))!.data.expiresAt).toBe(START + 32 * DAY);

    // 27 days after that change: the warning is due.
    now = START + 29 * DAY;
    const isWarning = (m: FakeMessage) => JSON.stringify(x.feishu.cardOf(m) ?? {}).includes(EXPIRY_TITLE) && !x.feishu.isStreaming(m);
    await (await warningJob(thread))!.promote();
    await x.feishu.waitFor(() => x.feishu.messages.some(isWarning), EVENT_CEILING_MS, 'the expiry warning');
    const warning = x.feishu.messages.find(isWarning)!;
    // In the draft's thread: a reply to the message that last changed it.
    expect(warning.parent_id).toBe(change.id);
    expect(x.feishu.textOf(warning)).toContain(`将于${dayText(START + 32 * DAY, TZ)}到期删除`);
    const [keep, exportWord] = buttons(x, warning);
    expect(keep!.text).toBe('保留');
    expect(exportWord!.text).toBe('导出Word');

    // 导出Word from the warning: the draft as a file.
    const files = x.feishu.files.size;
    await press(x, warning, exportWord!.value);
    await x.feishu.waitFor(() => x.feishu.files.size > files, EVENT_CEILING_MS, 'the export');
    expect([...x.feishu.files.values()].at(-1)!.name).toMatch(/\.docx$/);

    // 保留: the draft lives another 30 days from now, and the warning moves with it.
    await press(x, warning, keep!.value);
    await x.feishu.waitFor(() => x.feishu.repliesTo(warning.message_id).some((m) => x.feishu.textOf(m).startsWith('已保留')), EVENT_CEILING_MS, 'kept');
    const kept = x.feishu.repliesTo(warning.message_id).find((m) => x.feishu.textOf(m).startsWith('已保留'))!;
    expect(x.feishu.textOf(kept)).toContain(`保存到${dayText(now + 30 * DAY, TZ)}`);
    expect((await warningJob(thread))!.data.expiresAt).toBe(now + 30 * DAY);
    expect(await redis!.ttl(stateKey)).toBeGreaterThan(29 * 86_400);

    // A typed 保留 in the thread works too.
    now += DAY;
    const typed = await say(x, '保留', thread);
    expect(x.feishu.textOf(typed.replies[0]!)).toContain(`保存到${dayText(now + 30 * DAY, TZ)}`);
    expect((await warningJob(thread))!.data.expiresAt).toBe(now + 30 * DAY);

    // /reset: the draft and its warning go.
    await say(x, '/reset', thread);
    expect(await redis!.exists(stateKey)).toBe(0);
    expect(await warningJob(thread)).toBeUndefined();
    expect(x.feishu.textOf((await say(x, '保留', thread)).replies[0]!)).toContain('没有保存着的稿子');
  });

  it('a warning whose draft is gone says nothing; “删除我的数据” removes the pending warning', async () => {
    const x = await start();
    const a = await say(x, '帮我写一份2025年下半年市水务局落实意识形态工作责任制情况报告的提纲');
    const b = await say(x, '帮我写一份2025年年度市水务局党组书记述职报告的提纲');
    // The draft expired (or was deleted elsewhere) before its warning ran: no message.
    await redis!.del(`${x.prefix}:state:${a.id}`);
    const before = x.feishu.messages.length;
    await (await warningJob(a.id))!.promote();
    await queueSettled(queue!, { delayed: false });
    expect(x.feishu.messages.length).toBe(before);

    expect(await warningJob(b.id)).toBeDefined();
    const ask = await say(x, '删除我的数据');
    const done = await say(x, '确认删除');
    expect(x.feishu.textOf(done.replies[0]!)).toContain('已删除你的数据');
    expect(ask.replies.length).toBe(1);
    expect(await queue!.getJob(draftExpiryJobId(b.id))).toBeUndefined();
  });
});
