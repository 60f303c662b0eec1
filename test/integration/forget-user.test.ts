/**
 * Issue 26 item 3, chat side: “删除我的数据” asks with a 确认删除 / 取消 card; the asker's press deletes
 * everything stored about them (a scan of Redis finds neither their open_id nor their words, outside the
 * audit stream) and their reminders' Feishu tasks (seen deleted by the fake Open API, a failed deletion retried),
 * another user's data stays, and another user's press is refused.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent, cardActionEvent, groupAtBot } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { appSettled } from '../support/queues.js';
import { FORGET_ASK, FORGET_CANCELLED, FORGET_NOT_YOURS, FORGET_NOTHING_PENDING } from '../../src/core/texts.js';
import { auditKey } from '../../src/stores/audit.js';

const A = 'ou_forget_aaaaaaaaaaaaaaaaaaaaaaaaaaaa1';
const B = 'ou_forget_bbbbbbbbbbbbbbbbbbbbbbbbbbbb2';
type User = typeof A | typeof B;
const CHAT: Record<User, string> = { [A]: 'oc_p2p_forget_a', [B]: 'oc_p2p_forget_b' };
const UNIT: Record<User, string> = { [A]: '市交通运输局', [B]: '市水务局' };
const REMIND: Record<User, string> = { [A]: '提醒我12月20日前交年度意识形态报告，提前3天提醒', [B]: '提醒我12月25日前交年度述职报告，提前2天提醒' };
const NOTE: Record<User, string> = { [A]: '我们局今年新建了红旗渠学习角', [B]: '我们局今年新建了清水河宣讲站' };
// The worker's clock: reminders and report periods do not depend on the day the test runs.
const NOW = Date.UTC(2026, 10, 2, 2, 0, 0);

let h: Harness | undefined;
let redis: Redis | undefined;
afterEach(async () => {
  await h?.stop();
  redis?.disconnect();
  h = undefined;
  redis = undefined;
});

async function settled(x: Harness, parentId: string, n = 1): Promise<FakeMessage[]> {
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(parentId);
    return r.length >= n && r.every((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…');
  }, EVENT_CEILING_MS, `reply to ${parentId}`);
  return x.feishu.repliesTo(parentId);
}

async function say(x: Harness, user: User, text: string): Promise<FakeMessage> {
  const ev = textEvent(text, { senderOpenId: user, chatId: CHAT[user] });
  expect((await x.post(ev)).status).toBe(200);
  const replies = await settled(x, messageIdOf(ev));
  return replies[replies.length - 1]!;
}

const press = (x: Harness, user: User, m: FakeMessage, value: Record<string, unknown>) => x.post(cardActionEvent(m.message_id, value, { openId: user, chatId: CHAT[A] }));

const buttons = (x: Harness, m: FakeMessage) => x.feishu.buttonsOf(m);

/** Every key under the harness prefix with everything it holds, as text. */
async function dump(x: Harness): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis!.scan(cursor, 'MATCH', `${x.prefix}:*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis!.type(key);
      const value = type === 'string' ? await redis!.get(key)
        : type === 'hash' ? JSON.stringify(await redis!.hgetall(key))
          : type === 'list' ? JSON.stringify(await redis!.lrange(key, 0, -1))
            : type === 'set' ? JSON.stringify(await redis!.smembers(key))
              : type === 'zset' ? JSON.stringify(await redis!.zrange(key, '0', '-1'))
                : type === 'stream' ? JSON.stringify(await redis!.xrange(key, '-', '+')) : '';
      out.set(key, value ?? '');
    }
  } while (cursor !== '0');
  return out;
}

const holding = (keys: Map<string, string>, needle: string, except?: string) => [...keys].filter(([k, v]) => k !== except && (k.includes(needle) || v.includes(needle))).map(([k]) => k);

/** Memory, a draft and a reminder for one user. */
async function seed(x: Harness, user: User): Promise<void> {
  await say(x, user, `帮我写一份2025年下半年${UNIT[user]}落实意识形态工作责任制情况报告的提纲`);
  await say(x, user, NOTE[user]);
  await say(x, user, REMIND[user]);
}

describe('删除我的数据', () => {
  it('the asker’s 确认删除 leaves nothing of them in Redis but the audit trail; the other user’s data stays', async () => {
    h = await startHarness({ clock: () => NOW });
    redis = new Redis(h.redisUrl);
    await seed(h, A);
    await seed(h, B);
    // Each deadline reminder became a Feishu task (FEISHU_TASKS), assigned to its creator.
    const taskOf = (u: User) => h!.feishu.taskApi.live().find((t) => t.members.some((m) => m.id === u));
    await h.feishu.waitFor(() => !!taskOf(A) && !!taskOf(B), EVENT_CEILING_MS, 'both tasks');
    const taskA = taskOf(A)!.guid;
    const before = await dump(h);
    expect(holding(before, A).length).toBeGreaterThan(0);
    expect(holding(before, UNIT[A]).length).toBeGreaterThan(0);
    const modelCalls = h.llm.requests.length;

    const ask = await say(h, A, '删除我的数据');
    expect(h.feishu.textOf(ask)).toContain(FORGET_ASK.slice(0, 12));
    expect(h.llm.requests.length).toBe(modelCalls);
    const [confirm, cancel] = buttons(h, ask);
    expect(confirm!.text).toBe('确认删除');
    expect(cancel!.text).toBe('取消');

    // B presses A's button: refused, nothing deleted.
    await press(h, B, ask, confirm!.value);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(ask.message_id).some((m) => h!.feishu.textOf(m).includes(FORGET_NOT_YOURS)), EVENT_CEILING_MS, 'refusal');
    expect(holding(await dump(h), UNIT[A]).length).toBeGreaterThan(0);

    const first = await press(h, A, ask, confirm!.value);
    expect(first.body).toMatchObject({ toast: { content: '已收到，正在处理' } });
    await h.feishu.waitFor(() => h!.feishu.repliesTo(ask.message_id).some((m) => h!.feishu.textOf(m).includes('已删除你的数据')), EVENT_CEILING_MS, 'deletion done');
    const done = h.feishu.repliesTo(ask.message_id).find((m) => h!.feishu.textOf(m).includes('已删除你的数据'))!;
    expect(h.feishu.textOf(done)).toContain('审计记录');
    // The reminder's Feishu task went through the task API; the shared word list is named as kept.
    expect(h.feishu.textOf(done)).toContain('1 个任务');
    expect(h.feishu.textOf(done)).toContain('本单位词表');
    expect(h.feishu.taskApi.tasks.get(taskA)!.deleted).toBe(true);
    expect(taskOf(B)).toBeDefined();
    // A second press of the same button is told the first one runs (or ran).
    expect(JSON.stringify((await press(h, A, ask, confirm!.value)).body)).toContain('已经按过');

    const after = await dump(h);
    const audit = auditKey(h.prefix);
    for (const needle of [A, UNIT[A], NOTE[A], REMIND[A], '删除我的数据']) expect(holding(after, needle, audit), needle).toEqual([]);
    // The audit trail has the deletion, with no text.
    expect(after.get(audit)).toContain('delete-user');
    expect(after.get(audit)).not.toContain(UNIT[A]);
    // B's memory, draft and reminder are intact.
    expect(holding(after, UNIT[B]).length).toBeGreaterThan(0);
    expect(holding(after, NOTE[B]).length).toBeGreaterThan(0);
    expect(holding(after, B, audit).length).toBeGreaterThan(0);
    // (Counters such as the queued-jobs set empty out on their own as B's last job ends: only stored data is compared.)
    const stored = (k: string) => /:(hist|state|reminder|owner):/.test(k);
    expect(holding(before, B).filter(stored).length).toBeGreaterThan(0);
    expect(holding(before, B).filter((k) => stored(k) && !after.has(k))).toEqual([]);
  });

  it('a task Feishu will not delete right now is deleted by the retried task job; the answer says so', async () => {
    h = await startHarness({ clock: () => NOW });
    redis = new Redis(h.redisUrl);
    await say(h, A, REMIND[A]);
    await h.feishu.waitFor(() => h!.feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the task');
    const guid = h.feishu.taskApi.live()[0]!.guid;
    // The writer had marked it done: it goes all the same.
    h.feishu.taskApi.complete(guid);
    h.feishu.fail(/^DELETE \/open-apis\/task\/v2\/tasks\//, 1);
    await say(h, A, '删除我的数据');
    const done = await say(h, A, '确认删除');
    expect(h.feishu.textOf(done)).toContain('1 个飞书任务暂时删不掉');
    await h.feishu.waitFor(() => h!.feishu.taskApi.tasks.get(guid)!.deleted, EVENT_CEILING_MS, 'the retried deletion');
    await appSettled(h);
    const audit = auditKey(h.prefix);
    const after = await dump(h);
    expect([...after.keys()].filter((k) => k.includes(':reminder:task:'))).toEqual([]);
    expect(holding(after, A, audit)).toEqual([]);
    expect(after.get(audit)).toContain('partial');
  });

  it('the writer’s role in a unit profile goes (their private chat’s, and the one they stated in a group); the unit’s name stays', async () => {
    h = await startHarness({ clock: () => NOW, env: { OPENAI_API_KEY: '' } });
    redis = new Redis(h.redisUrl);
    const GROUP = 'oc_group_forget_profile';
    await say(h, A, '我们单位是中共青山县委宣传部，我是分管网信的副部长');
    const inGroup = groupAtBot('我们单位是中共青山县委网信办，我是主任', h.feishu.botOpenId, { senderOpenId: A, chatId: GROUP });
    await h.post(inGroup);
    await settled(h, messageIdOf(inGroup));
    const profile = async (chat: string) => JSON.parse((await redis!.get(`${h!.prefix}:profile:${chat}`)) ?? '{}') as Record<string, unknown>;
    expect(await profile(CHAT[A])).toMatchObject({ unit: '中共青山县委宣传部', role: 'deputy', roleBy: A });
    expect(await profile(GROUP)).toMatchObject({ unit: '中共青山县委网信办', role: 'chief', roleBy: A });

    await say(h, A, '删除我的数据');
    const done = h.feishu.textOf(await say(h, A, '确认删除'));
    expect(done).toContain('已删除你的数据');
    expect(done).toContain('其中你告诉我的身份（职务）已删除');
    for (const chat of [CHAT[A], GROUP]) {
      const p = await profile(chat);
      expect(p.unit, chat).toMatch(/^中共青山县委/);
      expect(p.role, chat).toBeUndefined();
      expect(JSON.stringify(p)).not.toContain(A);
    }
    const audit = auditKey(h.prefix);
    expect(holding(await dump(h), A, audit)).toEqual([]);
  });

  it('取消 keeps everything; a typed 确认删除 (console has no buttons) works in the chat that asked', async () => {
    h = await startHarness({ clock: () => NOW });
    redis = new Redis(h.redisUrl);
    await seed(h, A);
    expect(h.feishu.textOf(await say(h, A, '确认删除'))).toBe(FORGET_NOTHING_PENDING);

    const ask = await say(h, A, '清除我的数据');
    const cancel = buttons(h, ask).find((b) => b.text === '取消')!;
    await press(h, A, ask, cancel.value);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(ask.message_id).some((m) => h!.feishu.textOf(m) === FORGET_CANCELLED), EVENT_CEILING_MS, 'cancelled');
    expect(holding(await dump(h), UNIT[A]).length).toBeGreaterThan(0);
    // Cancelled: a typed confirmation has nothing to confirm.
    expect(h.feishu.textOf(await say(h, A, '确认删除'))).toBe(FORGET_NOTHING_PENDING);

    await say(h, A, '删除我的所有数据');
    expect(h.feishu.textOf(await say(h, A, '确认删除'))).toContain('已删除你的数据');
    const audit = auditKey(h.prefix);
    const after = await dump(h);
    for (const needle of [A, UNIT[A], NOTE[A]]) expect(holding(after, needle, audit), needle).toEqual([]);
  });
});
