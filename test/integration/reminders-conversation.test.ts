/**
 * Reminder conversations on the real service and Redis under a pinned clock (Wednesday 2026-06-10 10:00,
 * Beijing): edits without a number (“改到下午4点”) after a reminder was set or listed, “要设为提醒吗？” for
 * a message that only carries a time, several leads on a recurring deadline, and tasks that tell the truth.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { routeText } from '../../src/handler/routes.js';
import { createLarkClient, FeishuApi } from '../../src/feishu/api.js';
import { feishuTasks } from '../../src/feishu/reminder-tasks.js';
import { createLogger } from '../../src/logger.js';
import { ReminderService, type ReminderCaller } from '../../src/reminders/service/index.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

const TZ = 'Asia/Shanghai';
const NOW = Date.parse('2026-06-10T10:00:00+08:00');
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const alice: ReminderCaller = { chatId: 'oc_conv', chatType: 'p2p', openId: 'ou_alice_conv', messageId: 'om_c1' };

function setup(opts: { tasks?: FakeFeishu } = {}) {
  const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  cleanups.push(() => connection.quit());
  const tasks = opts.tasks && feishuTasks(new FeishuApi(createLarkClient({ appId: 'cli_a1b2c3d4e5f60723', appSecret: 's', domain: opts.tasks.url, log: createLogger('silent') })), opts.tasks.url);
  const service = new ReminderService({
    connection, prefix: `t${randomUUID().slice(0, 8)}`, timezone: TZ, maxJitterSeconds: 0, clock: () => NOW, taskBackoffMs: 100,
    send: () => Promise.resolve(), ...(tasks ? { tasks } : {}),
  });
  cleanups.push(() => service.close());
  /** What the bot answers to a message, routed as the handler routes it. */
  const say = async (text: string, caller = alice): Promise<string | null> => {
    const route = routeText(text, { now: new Date(NOW), timezone: TZ });
    if (route.kind !== 'reminder') throw new Error(`not a reminder route: ${text} → ${route.kind}`);
    return service.handle(route.command, caller, new Date(NOW));
  };
  return { service, say };
}

async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + EVENT_CEILING_MS;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('改到下午4点: the reminder just set or listed', () => {
  it('edits the one just set, keeping its rule', async () => {
    const { say } = setup();
    expect(await say('每周一上午9点开例会（遇节假日顺延）')).toContain('✅ 已设置周期提醒 #1：开例会');
    const edited = await say('改到下午4点');
    expect(edited).toContain('✏️ 已修改提醒 #1：开例会');
    expect(edited).toContain('周期：每周一 16:00');
    expect(edited).toContain('休息日：遇休息日顺延到下一个工作日');
    expect(edited).toContain('· 2026年6月15日（星期一）16:00');
    // and again: the edited one stays the one meant
    expect(await say('改到28号')).toContain('这是每周的提醒，请说改到周几');
    expect(await say('改成周四')).toContain('周期：每周四 16:00');
  });

  it('after a list of several asks which one; “第2个” answers', async () => {
    const { say } = setup();
    await say('提醒我6月30日前交上半年意识形态报告，提前3天提醒');
    await say('每月25日提醒我报送舆情台账');
    expect(await say('我的提醒')).toContain('共2个');
    const which = await say('改到下午4点');
    expect(which).toBe([
      '要把哪一个提醒改到“下午4点”？',
      '#1 交上半年意识形态报告｜下次：2026年6月26日（星期五）09:00',
      '#2 报送舆情台账｜每月25日 09:00｜下次：2026年6月25日（星期四）09:00',
      '请回复编号，例如“第1个”，或直接说“把第1个提醒改到下午4点”。',
    ].join('\n'));
    const picked = await say('第2个');
    expect(picked).toContain('✏️ 已修改提醒 #2：报送舆情台账');
    expect(picked).toContain('周期：每月25日 16:00');
    // the question is answered: a second “第2个” is not taken for another edit
    expect(await say('第2个')).toBeNull();
    // after the edit, #2 is the one meant
    expect(await say('改到下午5点')).toContain('周期：每月25日 17:00');
  });

  it('a list of one is that one; with nothing set or listed it asks for the number', async () => {
    const { say } = setup();
    expect(await say('改到下午4点')).toBe('要修改哪一个提醒？请带上编号，例如“把第2个提醒改到下午4点”。发送“我的提醒”可以查看编号。');
    await say('下周五下午3点提醒我改稿');
    await say('我的提醒');
    const edited = await say('改到下午4点');
    expect(edited).toContain('✏️ 已修改提醒 #1：改稿');
    expect(edited).toContain('· 2026年6月18日（星期四）16:00');
    // another member of the chat has no reminder in focus
    expect(await say('改到下午5点', { ...alice, openId: 'ou_bob_conv' })).toContain('要修改哪一个提醒？');
  });
});

describe('要设为提醒吗？', () => {
  it('a time without a recurrence or deadline is asked about; “是” sets it', async () => {
    const { say, service } = setup();
    const asked = await say('明天下午3点开会');
    expect(asked).toBe([
      '“明天下午3点开会”要设为提醒吗？',
      '回复“是”，我会在2026年6月11日（星期四）15:00提醒：开会。',
      '不需要的话不用理会；要换时间可以直接说，例如“明天上午9点提醒我交材料”。',
    ].join('\n'));
    expect(await service.queue.getDelayedCount()).toBe(0);
    const set = await say('是');
    expect(set).toContain('✅ 已设置提醒 #1：开会');
    expect(set).toContain('· 2026年6月11日（星期四）15:00');
    expect(await service.queue.getDelayedCount()).toBe(1);
    // nothing waits for a second yes: it is chat
    expect(await say('好的')).toBeNull();
  });

  it('a recurrence or a deadline is set at once, without asking', async () => {
    const { say } = setup();
    expect(await say('每周一上午9点开例会（遇节假日顺延）')).toContain('✅ 已设置周期提醒 #1：开例会');
    expect(await say('6月30日前交上半年意识形态报告')).toContain('✅ 已设置提醒 #2：交上半年意识形态报告');
  });
});

describe('several leads on a recurring deadline', () => {
  it('one fire job at a time, walking the leads of each deadline', async () => {
    const { say, service } = setup();
    const reply = await say('每月25日前报送舆情月报，提前3个工作日和1个工作日提醒我');
    expect(reply).toContain('周期：每月25日截止，提前3个工作日、提前1个工作日各提醒一次（09:00）');
    expect(reply).toContain('· 2026年6月22日（星期一）09:00（6月25日截止，提前3个工作日）');
    expect(reply).toContain('· 2026年6月24日（星期三）09:00（6月25日截止，提前1个工作日）');
    const jobs = await service.queue.getDelayed();
    expect(jobs.map((j) => (j.data as { fireAt: string }).fireAt)).toEqual(['2026-06-22T09:00:00+08:00']);
  });
});

describe('tasks tell the truth on edits (issue 19 item 5)', () => {
  it('a moved deadline moves the task; a new reminder time before it leaves the task; a done task is reported done', async () => {
    const feishu = await FakeFeishu.start();
    cleanups.push(() => feishu.close());
    const { say, service } = setup({ tasks: feishu });
    service.startWorker();
    await say('提醒我7月20日前交半年报告，提前3天提醒');
    await until(() => feishu.taskApi.live().length === 1, 'the task');
    expect(await say('把第1个提醒改到7月10日')).toContain('飞书任务：截止时间不变。');
    expect(await say('把第1个提醒改到截止7月24日')).toContain('飞书任务：截止时间随之更新。');
    await until(() => feishu.taskApi.live()[0]?.due?.timestamp === String(Date.parse('2026-07-24T00:00:00+08:00')), 'the due update');
    feishu.taskApi.complete(feishu.taskApi.live()[0]!.guid);
    const done = await say('把第1个提醒改到截止7月28日');
    expect(done).toContain('飞书任务：已标记完成');
    expect(done).not.toContain('随之更新');
    await until(async () => (await service.queue.getJob('task-' + (await service.queue.getDelayed()).find((j) => j.name === 'fire')!.data.rid + '-v4'))?.finishedOn !== undefined, 'the sync of the edit');
    expect(feishu.callsTo(/^PATCH \/open-apis\/task\/v2\/tasks\//)).toHaveLength(1);
  });
});
