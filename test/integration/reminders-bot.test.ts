import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { startHarness, type Harness } from '../support/harness.js';
import { queueSettled } from '../support/queues.js';
import { appSettled } from '../support/queues.js';
import { groupAtBot, messageIdOf, OTHER_USER_OPEN_ID, textEvent, USER_OPEN_ID } from '../support/events.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { ReminderService } from '../../src/reminders/service/index.js';
import { createLarkClient, FeishuApi } from '../../src/feishu/api.js';
import { feishuReminderSender } from '../../src/feishu/reminder-sender.js';
import { createLogger } from '../../src/logger.js';
import { DateTime } from 'luxon';
import { dayInfo } from '../../src/reminders/calendar.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { testRunningClock } from '../support/clock.js';

let h: Harness | undefined;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await h?.stop();
  h = undefined;
});

/** Send a message and return the text of the bot's (single) reply. */
async function ask(x: Harness, ev: Record<string, unknown>): Promise<string> {
  expect((await x.post(ev)).status).toBe(200);
  const id = messageIdOf(ev);
  await x.feishu.waitFor(() => x.feishu.repliesTo(id).some((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m).length > 0), EVENT_CEILING_MS, `reply to ${id}`);
  const replies = x.feishu.repliesTo(id);
  expect(replies).toHaveLength(1);
  return x.feishu.textOf(replies[0]!);
}

describe('reminders from a Feishu thread', () => {
  it('set → list with absolute next fire time → edit → cancel, answered in the thread', async () => {
    h = await startHarness();
    // Dates relative to the app's clock, so the test means the same thing on any day.
    const day = (offsetDays: number) => {
      const d = h!.now().plus({ days: offsetDays });
      return { y: d.year, m: d.month, d: d.day };
    };
    // A deadline about 40 days on whose lead-time fire (3 days before) is a working day, so it is not moved.
    let ahead = 40;
    while (!dayInfo(h.now().plus({ days: ahead - 3 })).work) ahead++;
    const deadline = day(ahead);
    const fire = day(ahead - 3);
    const moved = day(ahead + 5);
    const set = await ask(h, textEvent(`提醒我${deadline.y}年${deadline.m}月${deadline.d}日前交年度意识形态工作报告，提前3天提醒`));
    expect(set).toContain('#1');
    expect(set).toContain(`${fire.m}月${fire.d}日`);
    expect(set).toMatch(/星期[一二三四五六日]/);
    const list = await ask(h, textEvent('我的提醒'));
    expect(list).toContain('#1');
    expect(list).toContain(`${fire.y}年${fire.m}月${fire.d}日`);
    const edit = await ask(h, textEvent(`把第1个提醒改到${moved.y}年${moved.m}月${moved.d}日`));
    expect(edit).toContain(`${moved.m}月${moved.d}日`);
    const cancel = await ask(h, textEvent('取消提醒 1'));
    expect(cancel).toContain('已取消提醒 #1');
    const after = await ask(h, textEvent('我的提醒'));
    expect(after).not.toContain('#1');
    expect(h.llm.requests).toHaveLength(0);
  });

  it('in a group, only the creator can cancel; others get a polite refusal', async () => {
    h = await startHarness();
    const set = await ask(h, groupAtBot('明天上午10点提醒我交舆情台账', h.feishu.botOpenId, { senderOpenId: USER_OPEN_ID }));
    expect(set).toContain('#1');
    const refused = await ask(h, groupAtBot('取消提醒 1', h.feishu.botOpenId, { senderOpenId: OTHER_USER_OPEN_ID }));
    expect(refused).toContain('只有设置人可以取消');
    const done = await ask(h, groupAtBot('取消提醒 1', h.feishu.botOpenId, { senderOpenId: USER_OPEN_ID }));
    expect(done).toContain('已取消');
  });

  it('answers impossible dates and past deadlines with a clear message instead of scheduling', async () => {
    h = await startHarness();
    expect(await ask(h, textEvent('提醒我2月30日交报告'))).toMatch(/2月.*30/);
    const past = await ask(h, textEvent('提醒我2020年6月30日前交上半年报告'));
    expect(past).toMatch(/已经过去|已过|早于/);
    expect(await ask(h, textEvent('我的提醒'))).not.toContain('#1');
  });
});

describe('working days and Feishu Tasks from a Feishu chat', () => {
  it('moves rest-day fires and says why, mirrors a deadline as a task, keeps recurrence on edit, and cancels the task', async () => {
    h = await startHarness();
    const tz = 'Asia/Shanghai';
    const today = h.now().setZone(tz).startOf('day');
    // a Saturday two to three weeks ahead that is not a 调休 working day
    let sat = today.plus({ days: 14 + ((6 - today.weekday + 7) % 7) });
    while (dayInfo(sat).work) sat = sat.plus({ weeks: 1 });
    const moved = await ask(h, textEvent(`提醒我${sat.year}年${sat.month}月${sat.day}日上午10点交材料`));
    expect(moved).toContain(`注：${sat.month}月${sat.day}日`);
    expect(moved).toMatch(/提醒提前到\d+月\d+日（星期[一二三四五六日]）/);

    let dl = today.plus({ days: 40 });
    while (!dayInfo(dl).work) dl = dl.plus({ days: 1 });
    const set = await ask(h, textEvent(`提醒我${dl.year}年${dl.month}月${dl.day}日前交全年意识形态工作责任制落实情况报告，提前3个工作日提醒`));
    expect(set).toContain('#2');
    expect(set).toContain('飞书任务：正在为你创建');
    await h.feishu.waitFor(() => h!.feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the Feishu task');
    const task = h.feishu.taskApi.live()[0]!;
    expect(task.summary).toBe('交全年意识形态工作责任制落实情况报告');
    expect(task.members[0]).toMatchObject({ id: USER_OPEN_ID, role: 'assignee' });
    expect(task.origin?.href?.url).toContain('openChatId=oc_p2p_chat_0001');

    const rec = await ask(h, textEvent('每月25日提醒我报送舆情台账'));
    expect(rec).toContain('#3');
    const edited = await ask(h, textEvent('把第3个提醒改到28号'));
    expect(edited).toContain('周期：每月28日 09:00');

    const list = await ask(h, textEvent('我的提醒'));
    expect(list).toContain('已同步飞书任务');
    for (const line of list.split('\n').filter((l) => l.startsWith('#'))) {
      const m = /下次：(\d+)年(\d+)月(\d+)日（星期([一二三四五六日])）/.exec(line);
      expect(m, line).toBeTruthy();
      expect(dayInfo(DateTime.fromObject({ year: Number(m![1]), month: Number(m![2]), day: Number(m![3]) }, { zone: tz })).work, line).toBe(true);
    }

    const health = await h.get('/healthz');
    expect((health.body as { details?: { tasks?: string } }).details?.tasks).toBe('on');

    const cancel = await ask(h, textEvent('取消提醒 2'));
    expect(cancel).toContain('对应的飞书任务也会一并删除');
    await h.feishu.waitFor(() => h!.feishu.taskApi.live().length === 0, EVENT_CEILING_MS, 'the task deletion');
  });

  it('the report calendar from chat: proposal, then one adjusting message sets it', async () => {
    h = await startHarness();
    const proposal = await ask(h, textEvent('设置意识形态报告提醒'));
    expect(proposal).toContain('半年报告');
    expect(proposal).toContain('年度报告');
    expect(proposal).toContain('述职');
    const done = await ask(h, textEvent('半年报告改到7月8日，述职改到1月22日'));
    expect(done).toContain('已设置3个意识形态工作报告节点');
    expect(done).toMatch(/截止：\d{4}年7月[678]日/);
    await h.feishu.waitFor(() => h!.feishu.taskApi.live().length === 3, EVENT_CEILING_MS, 'three tasks');
  });

  it('with FEISHU_TASKS=off no task is made and /healthz says so', async () => {
    h = await startHarness({ env: { FEISHU_TASKS: 'off' } });
    const set = await ask(h, textEvent('提醒我下个月10号前交报告，提前2天提醒'));
    expect(set).not.toContain('飞书任务');
    await appSettled(h);
    expect(h.feishu.callsTo(/task\/v2/)).toHaveLength(0);
    expect(((await h.get('/healthz')).body as { details?: { tasks?: string } }).details?.tasks).toBe('off');
  });
});

describe('a reminder due 2 seconds ahead', () => {
  it('fires into the Feishu Open API exactly once, in the thread where it was set', async () => {
    const feishu = await FakeFeishu.start();
    cleanups.push(() => feishu.close());
    const conn = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    cleanups.push(() => conn.quit());
    const log = createLogger('silent');
    const api = new FeishuApi(createLarkClient({ appId: 'cli_a1b2c3d4e5f60720', appSecret: 's', domain: feishu.url, log }));
    const clock = testRunningClock();
    const service = new ReminderService({ connection: conn, prefix: `t${randomUUID().slice(0, 8)}`, timezone: 'Asia/Shanghai', send: feishuReminderSender(api), maxJitterSeconds: 0, clock: () => clock.now() });
    cleanups.push(() => service.close());
    service.startWorker();
    const fireAt = new Date(clock.now() + 2000).toISOString();
    const reply = await service.handle(
      { kind: 'set', spec: { what: '交意识形态工作报告', fires: [fireAt], leads: [], notes: [] } },
      { chatId: 'oc_group_1', chatType: 'group', openId: USER_OPEN_ID, messageId: 'om_set_1', rootMessageId: 'om_root_1' },
      new Date(clock.now()),
    );
    expect(reply).toContain('#1');
    await feishu.waitFor(() => feishu.messages.length > 0, EVENT_CEILING_MS, 'the reminder');
    // the one-off's only job has run and nothing is left delayed: no second delivery can come
    await queueSettled(service.queue);
    expect(feishu.messages).toHaveLength(1);
    const m = feishu.messages[0]!;
    expect(m.parent_id).toBe('om_root_1');
    expect(m.uuid).toBeTruthy();
    const text = feishu.textOf(m);
    expect(text).toContain('交意识形态工作报告');
    expect(text).toContain(`<at user_id="${USER_OPEN_ID}"></at>`);
  });
});
