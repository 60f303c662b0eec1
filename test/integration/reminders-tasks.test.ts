import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createLarkClient, FeishuApi } from '../../src/feishu/api.js';
import { feishuReminderSender } from '../../src/feishu/reminder-sender.js';
import { feishuTasks } from '../../src/feishu/reminder-tasks.js';
import { createLogger } from '../../src/logger.js';
import { parseReminderCommand, type ReminderCommand, type ReminderSpec } from '../../src/reminders/parse.js';
import { ReminderService, type ReminderCaller, type ReminderLog } from '../../src/reminders/service/index.js';
import { FakeFeishu, type FakeTask } from '../support/fake-feishu.js';
import { queueSettled } from '../support/queues.js';
import { sleep } from '../support/harness.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { testRunningClock, zonedNow } from '../support/clock.js';

const TZ = 'Asia/Shanghai';
/** The suite's clock: BIGAN_TEST_NOW or 2026-12-06 10:00 Beijing, running with real time (fires wait real delays). */
const suiteClock = testRunningClock();
const suiteNow = () => zonedNow(suiteClock);
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const alice: ReminderCaller = { chatId: 'oc_group_tasks', chatType: 'group', openId: 'ou_alice_tasks', messageId: 'om_t1', rootMessageId: 'om_troot' };

interface Logged { level: string; msg?: string; obj: object }

async function setup(opts: { prefix?: string; feishu?: FakeFeishu; tasks?: boolean; clock?: () => number } = {}) {
  const feishu = opts.feishu ?? (await FakeFeishu.start());
  if (!opts.feishu) cleanups.push(() => feishu.close());
  const conn = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  cleanups.push(() => conn.quit());
  const api = new FeishuApi(createLarkClient({ appId: 'cli_a1b2c3d4e5f60721', appSecret: 's', domain: feishu.url, log: createLogger('silent') }));
  const logged: Logged[] = [];
  const log: ReminderLog = {
    info: (obj, msg) => logged.push({ level: 'info', msg, obj }),
    warn: (obj, msg) => logged.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => logged.push({ level: 'error', msg, obj }),
  };
  const prefix = opts.prefix ?? `t${randomUUID().slice(0, 8)}`;
  const service = new ReminderService({
    connection: conn, prefix, timezone: TZ, send: feishuReminderSender(api), maxJitterSeconds: 0, log,
    tasks: opts.tasks === false ? undefined : feishuTasks(api, feishu.url), taskBackoffMs: 100, clock: opts.clock ?? (() => suiteClock.now()),
  });
  cleanups.push(() => service.close());
  return { feishu, service, logged, prefix };
}

const cmd = (text: string, now = new Date(suiteClock.now())): ReminderCommand => {
  const c = parseReminderCommand(text, { now, timezone: TZ });
  if (!c) throw new Error(`not a reminder command: ${text}`);
  return c;
};
/** A deadline two months ahead on a working day, as text. */
function deadlineText(): { text: string; day: DateTime } {
  let d = suiteNow().plus({ days: 60 }).startOf('day');
  while (d.weekday > 5) d = d.plus({ days: 1 });
  return { text: `${d.year}年${d.month}月${d.day}日`, day: d };
}
async function until(cond: () => boolean | Promise<boolean>, ms = EVENT_CEILING_MS, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The task is the requester's, all-day on `day`, named `summary`, and links back to the chat. */
function expectDeadlineTask(task: FakeTask, summary: string, day: DateTime): void {
  expect(task.summary).toBe(summary);
  expect(task.due).toEqual({ timestamp: String(day.toMillis()), is_all_day: true });
  expect(task.members).toEqual([{ id: 'ou_alice_tasks', type: 'user', role: 'assignee' }]);
  expect(task.origin?.href?.url).toBe('https://applink.feishu.cn/client/chat/open?openChatId=oc_group_tasks');
  expect(task.description).toContain('openChatId=oc_group_tasks');
}

describe('deadline reminders in Feishu Tasks (fake Open API, real SDK)', () => {
  it('creates a task for the requester with the deadline, the name and a link to the chat; cancelling deletes it', async () => {
    const { feishu, service } = await setup();
    service.startWorker();
    const { text, day } = deadlineText();
    const reply = await service.handle(cmd(`提醒我${text}前交上半年意识形态工作报告，提前3个工作日提醒`), alice);
    expect(reply).toContain('飞书任务：正在为你创建');
    await until(() => feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the task');
    expectDeadlineTask(feishu.taskApi.live()[0]!, '交上半年意识形态工作报告', day);
    const create = feishu.callsTo(/^POST \/open-apis\/task\/v2\/tasks$/)[0]!;
    expect(create.query).toEqual({ user_id_type: 'open_id' });
    expect(create.auth).toBe('Bearer t-fake-token');
    expect(await service.handle({ kind: 'list' }, alice)).toContain('已同步飞书任务');

    // a time change moves the task's due as well
    expect(await service.handle(cmd(`把第1个提醒改到截止${text}下午5点`), alice)).toContain('飞书任务：截止时间随之更新。');
    await until(() => feishu.taskApi.live()[0]?.due?.is_all_day === false, EVENT_CEILING_MS, 'the due update');
    expect(feishu.taskApi.live()[0]!.due?.timestamp).toBe(String(day.set({ hour: 17 }).toMillis()));

    const cancelled = await service.handle(cmd('取消提醒 1'), alice);
    expect(cancelled).toContain('对应的飞书任务也会一并删除');
    await until(() => feishu.taskApi.live().length === 0, EVENT_CEILING_MS, 'the deletion');
    expect(feishu.callsTo(/^DELETE \/open-apis\/task\/v2\/tasks\//)).toHaveLength(1);
    expect(feishu.taskApi.tasks.size).toBe(1);
  });

  it('a reminder without a deadline makes no task', async () => {
    const { feishu, service } = await setup();
    service.startWorker();
    const reply = await service.handle(cmd('每月最后一个工作日下午3点提醒我报送舆情周报'), alice);
    expect(reply).not.toContain('飞书任务');
    await queueSettled(service.queue, { delayed: false });
    expect(feishu.callsTo(/task\/v2/)).toHaveLength(0);
  });

  it('429 and 5xx are retried by the queue into exactly one task (client_token)', async () => {
    const { feishu, service, logged } = await setup();
    feishu.fail(/^POST \/open-apis\/task\/v2\/tasks$/, 1, 429, 99991400);
    feishu.fail(/^POST \/open-apis\/task\/v2\/tasks$/, 1, 500, 1470500);
    service.startWorker();
    const { text } = deadlineText();
    await service.handle(cmd(`${text}前报送全年意识形态工作责任制落实情况报告，提前5个工作日提醒我`), alice);
    await until(() => feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the task after retries');
    await queueSettled(service.queue, { delayed: false });
    expect(feishu.callsTo(/^POST \/open-apis\/task\/v2\/tasks$/)).toHaveLength(3);
    expect(new Set(feishu.callsTo(/^POST \/open-apis\/task\/v2\/tasks$/).map((c) => (c.body as { client_token: string }).client_token)).size).toBe(1);
    expect(feishu.taskApi.live()).toHaveLength(1);
    expect(logged.filter((l) => l.msg === 'feishu task sync failed, will retry')).toHaveLength(2);
    expect(await service.taskStatus()).toBe('on');
  });

  it('without the task scope: logged once, chat reminders kept, reported for /healthz', async () => {
    const { feishu, service, logged } = await setup();
    feishu.taskApi.refuse = true;
    service.startWorker();
    const { text } = deadlineText();
    await service.handle(cmd(`提醒我${text}前交述职报告，提前3天提醒`), alice);
    await until(async () => (await service.taskStatus()).startsWith('no-scope'), EVENT_CEILING_MS, 'the no-scope status');
    const second = await service.handle(cmd(`提醒我${text}前交自查报告，提前2天提醒`), alice);
    expect(second).toContain('飞书任务：应用未开通任务权限，这次只在聊天中提醒。');
    await until(() => service.queue.getCompletedCount().then((n) => n >= 2), EVENT_CEILING_MS, 'both sync jobs');
    expect(logged.filter((l) => /feishu tasks unavailable/.test(l.msg ?? ''))).toHaveLength(1);
    expect(logged.filter((l) => l.level === 'error')).toHaveLength(0);
    // the chat reminders are scheduled as usual
    expect((await service.queue.getDelayed()).filter((j) => j.name === 'fire')).toHaveLength(2);
    expect(await service.taskStatus()).toContain('task:task:write');
  });

  it('a 403 permission code is treated as a missing scope too', async () => {
    const { feishu, service } = await setup();
    feishu.fail(/task\/v2\/tasks/, 10, 403, 1470403);
    service.startWorker();
    const { text } = deadlineText();
    await service.handle(cmd(`提醒我${text}前交报告，提前1天提醒`), alice);
    await until(async () => (await service.taskStatus()).startsWith('no-scope'), EVENT_CEILING_MS, 'the no-scope status');
    expect(feishu.taskApi.live()).toHaveLength(0);
  });

  it('a task marked done stops the remaining lead-time reminders (polled before each fire)', async () => {
    const { feishu, service } = await setup();
    service.startWorker();
    const now = suiteNow();
    const spec: ReminderSpec = {
      what: '交意识形态工作报告',
      deadline: now.plus({ days: 5 }).toISO() ?? '',
      deadlineHasTime: true,
      fires: [now.plus({ days: 1 }).toISO() ?? '', now.plus({ days: 2 }).toISO() ?? ''],
      leads: ['提前4天', '提前3天'],
      notes: [],
    };
    await service.handle({ kind: 'set', spec }, alice);
    await until(() => feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the task');
    const fires = (await service.queue.getDelayed()).filter((j) => j.name === 'fire')
      .sort((a, b) => String((a.data as { fireAt: string }).fireAt).localeCompare(String((b.data as { fireAt: string }).fireAt)));
    expect(fires).toHaveLength(2);
    await fires[0]!.promote(); // the first lead-time fire comes due
    await until(() => feishu.messages.length === 1, EVENT_CEILING_MS, 'the first lead-time reminder');
    expect(feishu.callsTo(/^GET \/open-apis\/task\/v2\/tasks\//)).toHaveLength(1);
    feishu.taskApi.complete(feishu.taskApi.live()[0]!.guid);
    const second = fires[1]!;
    await second.promote();
    await until(() => feishu.callsTo(/^GET \/open-apis\/task\/v2\/tasks\//).length === 2, EVENT_CEILING_MS, 'the second check');
    await until(async () => (await second.getState()) === 'completed', EVENT_CEILING_MS, 'the second fire');
    expect(await service.queue.getJob(second.id!).then((j) => j?.returnvalue as unknown)).toBe('skipped: task done');
    expect(feishu.messages).toHaveLength(1);
    expect(await service.handle({ kind: 'list' }, alice)).toContain('还没有提醒');
  });

  it('a failing completion check still reminds', async () => {
    const { feishu, service } = await setup();
    service.startWorker();
    const now = suiteNow();
    const spec: ReminderSpec = { what: '交报告', deadline: now.plus({ days: 5 }).toISO() ?? '', deadlineHasTime: true, fires: [now.plus({ days: 1 }).toISO() ?? ''], leads: ['提前4天'], notes: [] };
    await service.handle({ kind: 'set', spec }, alice);
    await until(() => feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the task');
    feishu.fail(/^GET \/open-apis\/task\/v2\/tasks\//, 5, 503, 1470500);
    await (await service.queue.getDelayed()).find((j) => j.name === 'fire')!.promote();
    await until(() => feishu.messages.length === 1, EVENT_CEILING_MS, 'the reminder');
    expect(feishu.textOf(feishu.messages[0]!)).toContain('交报告');
  });
});

describe('recurring reminders as a chain of delayed jobs', () => {
  it('survive a restart: the chain goes on in a new service, once per occurrence', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const feishu = await FakeFeishu.start();
    cleanups.push(() => feishu.close());
    // A pinned clock; each fire is promoted by hand.
    const clock = () => Date.parse('2026-06-10T08:00:00+08:00');
    const first = await setup({ prefix, feishu, tasks: false, clock });
    first.service.startWorker();
    const spec: ReminderSpec = { what: '测试周期', fires: [], leads: [], notes: [], recurrence: { rule: { freq: 'daily', hour: 9, minute: 0 }, tz: TZ, description: '每天 09:00', next: [], shift: 'keep' } };
    await first.service.handle({ kind: 'set', spec }, alice);
    const promoteNext = async (service: ReminderService, n: number) => {
      const jobs = await fireJobs(service);
      expect(jobs).toHaveLength(1);
      await jobs[0]!.promote();
      await until(() => feishu.messages.length >= n, EVENT_CEILING_MS, `occurrence ${n}`);
      await until(async () => (await jobs[0]!.getState()) === 'completed', EVENT_CEILING_MS, 'the fire job');
    };
    await promoteNext(first.service, 1);
    await first.service.close();
    const second = await setup({ prefix, feishu, tasks: false, clock });
    second.service.startWorker();
    await promoteNext(second.service, 2);
    await promoteNext(second.service, 3);
    expect(new Set(feishu.messages.map((m) => m.uuid)).size).toBe(3);
    // one pending job at a time
    expect(await second.service.queue.getDelayedCount()).toBe(1);
    expect(await second.service.queue.getJobSchedulersCount()).toBe(0);
    await second.service.handle({ kind: 'cancel', id: 1 }, alice);
    expect(await second.service.queue.getDelayedCount()).toBe(0);
  });

  it('edits: 28号 keeps it monthly; a full date asks, and both answers are handled (clock pinned after 12月3日)', async () => {
    // Sunday 2026-12-06 10:00 Beijing: 12月3日 has passed this year (issue 18's failing case, issue 19 item 3)
    const now = Date.parse('2026-12-06T10:00:00+08:00');
    const { service } = await setup({ tasks: false, clock: () => now });
    const say = (text: string) => service.handle(cmd(text, new Date(now)), alice);
    await say('每月25日提醒我报送舆情台账');
    const kept = await say('把第1个提醒改到28号');
    expect(kept).toContain('✏️ 已修改提醒 #1：报送舆情台账');
    expect(kept).toContain('周期：每月28日 09:00');
    const asked = await say('把第1个提醒改到12月3日');
    console.log(`[item 3] 把第1个提醒改到12月3日 on 2026-12-06:\n${asked}`);
    expect(asked).not.toContain('已经过去');
    expect(asked).toContain('请选择');
    expect(asked).toContain('按明年（2027年）12月3日设置');
    expect(asked).toContain('回复“改规则”：以后都按“每月3日 09:00”提醒');
    const ruled = await say('改规则');
    expect(ruled).toContain('周期：每月3日 09:00');
    // 2027-01-03 is a Sunday after 元旦 (a statutory rest day): the day before that is 2026-12-31
    expect(ruled).toContain('· 2026年12月31日（星期四）09:00');
    expect(await say('改规则')).toContain('没有等待你选择的修改');

    const again = await say('把第1个提醒改到12月30日下午4点');
    expect(again).toContain('请选择');
    const once = await say('只改下一次');
    expect(once).toContain('周期：每月3日 09:00');
    const jobs = (await service.queue.getDelayed()).filter((j) => (j.data as { shortId: number }).shortId === 1);
    expect(jobs).toHaveLength(1);
    // the next one (January's, moved to 2026-12-31 by 元旦) happens on 2026-12-30 16:00 instead; the rest keep the rule
    expect((jobs[0]!.data as { fireAt: string }).fireAt).toBe('2026-12-30T16:00:00+08:00');
    expect(once).toContain('· 2026年12月30日（星期三）16:00');

    const timed = await say('把第1个提醒改到下午5点');
    expect(timed).toContain('周期：每月3日 17:00');
    // bad input changes nothing
    expect(await say('把第1个提醒改到2月30日')).toContain('2月没有30日');
    expect(await say('把第1个提醒改到随便哪天')).toContain('没看懂新的时间');
    expect(await say('把第9个提醒改到28号')).toContain('没有找到编号为 9');
    expect(await service.handle({ kind: 'list' }, alice, new Date(now))).toContain('#1 报送舆情台账｜每月3日 17:00');
  });
});

/** The next day-of-month `day` from `from` on (months without that day are skipped, as the rule does). */
function nextDayOfMonth(from: DateTime, day: number): DateTime {
  let m = from.startOf('month');
  for (;;) {
    if ((m.daysInMonth ?? 0) >= day) {
      const d = m.set({ day });
      if (d >= from.startOf('day')) return d;
    }
    m = m.plus({ months: 1 });
  }
}
/** A monthly deadline 20 days ahead: this month's (or next month's) occurrence is the current one, its lead-time fire still to come. */
function monthlyDeadline(): { text: string; day: DateTime } {
  const day = suiteNow().plus({ days: 20 }).startOf('day');
  return { text: `每月${day.day}日前报送舆情月报，提前3个工作日提醒我`, day };
}
const taskJobs = async (service: ReminderService) => (await service.queue.getDelayed()).filter((j) => j.name === 'task');
const fireJobs = async (service: ReminderService) => (await service.queue.getDelayed()).filter((j) => j.name === 'fire');

describe('recurring deadline reminders in Feishu Tasks: one task per occurrence', () => {
  it('creates the current occurrence\'s task, moves its due on a rule edit, and the next one once it has passed; cancelling deletes the open one', async () => {
    let clockMs = suiteClock.now();
    const { feishu, service } = await setup({ clock: () => clockMs });
    service.startWorker();
    const { text, day } = monthlyDeadline();
    const reply = await service.handle(cmd(text), alice);
    expect(reply).toContain('飞书任务：每期截止日各建一个任务');
    await until(() => feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the task');
    const first = feishu.taskApi.live()[0]!;
    expectDeadlineTask(first, '报送舆情月报', day);
    expect(first.description).toContain(`本期截止${day.toFormat('yyyy年M月d日')}`);

    // the rule moves a day: the open task's due is patched, no second task
    const e = day.day > 1 ? day.day - 1 : day.day + 1;
    const edited = await service.handle(cmd(`把第1个提醒改到${e}号`), alice);
    expect(edited).toContain('飞书任务：截止时间随之更新。');
    const moved = day.set({ day: e });
    await until(() => feishu.taskApi.live()[0]?.due?.timestamp === String(moved.toMillis()), EVENT_CEILING_MS, 'the due update');
    expect(feishu.callsTo(/^PATCH \/open-apis\/task\/v2\/tasks\//)).toHaveLength(1);
    expect(feishu.taskApi.live()).toHaveLength(1);

    // the occurrence's deadline day ends: the sync waiting for it creates the next occurrence's task
    const over = (await taskJobs(service)).find((j) => j.id?.endsWith(`-p${moved.toMillis()}`));
    expect(over).toBeDefined();
    clockMs = moved.plus({ days: 1, minutes: 1 }).toMillis();
    await over!.promote();
    await until(() => feishu.taskApi.live().length === 2, EVENT_CEILING_MS, 'the next occurrence\'s task');
    const next = nextDayOfMonth(moved.plus({ days: 1 }), e);
    const second = feishu.taskApi.live().find((t) => t.guid !== first.guid)!;
    expect(second.due).toEqual({ timestamp: String(next.toMillis()), is_all_day: true });
    expect(second.client_token).not.toBe(first.client_token);
    // the past occurrence's task stays in the user's list as it was (overdue or done)
    expect(feishu.taskApi.live().find((t) => t.guid === first.guid)?.due?.timestamp).toBe(String(moved.toMillis()));

    expect(await service.handle(cmd('取消提醒 1'), alice)).toContain('对应的飞书任务也会一并删除');
    await until(() => !feishu.taskApi.live().some((t) => t.guid === second.guid), EVENT_CEILING_MS, 'the deletion');
    expect(feishu.callsTo(/^DELETE \/open-apis\/task\/v2\/tasks\//).map((c) => c.path)).toEqual([`/open-apis/task/v2/tasks/${second.guid}`]);
  });

  it('a task marked done skips that occurrence\'s reminder only, across a restart; the next occurrence gets a task and still reminds', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const feishu = await FakeFeishu.start();
    cleanups.push(() => feishu.close());
    const before = await setup({ prefix, feishu });
    before.service.startWorker();
    const { text, day } = monthlyDeadline();
    await before.service.handle(cmd(text), alice);
    await until(() => feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the task');
    const first = feishu.taskApi.live()[0]!;
    expect(first.due?.timestamp).toBe(String(day.toMillis()));
    await before.service.close();

    const after = await setup({ prefix, feishu });
    after.service.startWorker();
    feishu.taskApi.complete(first.guid);
    const fires = await fireJobs(after.service);
    expect(fires).toHaveLength(1);
    const fire = fires[0]!;
    // the lead-time fire belongs to this occurrence: 3 working days or more before its deadline
    expect(DateTime.fromISO((fire.data as { fireAt: string }).fireAt) < day).toBe(true);
    await fire.promote();
    await until(async () => (await fire.getState()) === 'completed', EVENT_CEILING_MS, 'the fire');
    expect(await after.service.queue.getJob(fire.id!).then((j) => j?.returnvalue as unknown)).toBe('skipped: task done');
    expect(feishu.messages).toHaveLength(0);

    // the done task brings the next occurrence's task forward
    await until(() => feishu.taskApi.live().length === 2, EVENT_CEILING_MS, 'the next occurrence\'s task');
    const second = feishu.taskApi.live().find((t) => t.guid !== first.guid)!;
    expect(second.due?.timestamp).toBe(String(nextDayOfMonth(day.plus({ days: 1 }), day.day).toMillis()));
    expect(feishu.taskApi.live().find((t) => t.guid === first.guid)?.completed_at).not.toBe('0');

    // the chain went on: the next occurrence reminds as usual
    const nextFire = (await fireJobs(after.service))[0]!;
    expect(DateTime.fromISO((nextFire.data as { fireAt: string }).fireAt) > DateTime.fromISO((fire.data as { fireAt: string }).fireAt)).toBe(true);
    await nextFire.promote();
    await until(() => feishu.messages.length === 1, EVENT_CEILING_MS, 'the next occurrence\'s reminder');
    expect(feishu.textOf(feishu.messages[0]!)).toContain('报送舆情月报');
    expect(feishu.callsTo(/^GET \/open-apis\/task\/v2\/tasks\//).map((c) => c.path)).toEqual([
      `/open-apis/task/v2/tasks/${first.guid}`, `/open-apis/task/v2/tasks/${second.guid}`,
    ]);
  });

  it('a recurring deadline set while tasks were off gets its task at its next fire', async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const feishu = await FakeFeishu.start();
    cleanups.push(() => feishu.close());
    const off = await setup({ prefix, feishu, tasks: false });
    const { text, day } = monthlyDeadline();
    expect(await off.service.handle(cmd(text), alice)).not.toContain('飞书任务');
    await off.service.close();
    const on = await setup({ prefix, feishu });
    on.service.startWorker();
    await (await fireJobs(on.service))[0]!.promote();
    await until(() => feishu.messages.length === 1 && feishu.taskApi.live().length === 1, EVENT_CEILING_MS, 'the reminder and the task');
    expectDeadlineTask(feishu.taskApi.live()[0]!, '报送舆情月报', day);
  });

  it('without the task scope: reported for /healthz, the reply says so, the chain is unchanged', async () => {
    const { feishu, service } = await setup();
    feishu.taskApi.refuse = true;
    service.startWorker();
    await service.handle(cmd(monthlyDeadline().text), alice);
    await until(async () => (await service.taskStatus()).startsWith('no-scope'), EVENT_CEILING_MS, 'the no-scope status');
    const second = await service.handle(cmd('每季度末前报送意识形态工作分析报告，提前3个工作日提醒我'), alice);
    expect(second).toContain('周期：每季度最后一天');
    expect(second).toContain('飞书任务：应用未开通任务权限，这次只在聊天中提醒。');
    expect(await fireJobs(service)).toHaveLength(2);
  });
});

describe('the reminder worker follows the error contract (core/errors.ts)', () => {
  const oneFire = (what: string): ReminderSpec => ({ what, fires: [suiteNow().plus({ days: 3 }).toISO() ?? ''], leads: [], notes: [] });

  it('a permanent delivery error is not retried and logged once', async () => {
    const { feishu, service, logged } = await setup({ tasks: false });
    service.startWorker();
    feishu.fail(/\/reply$/, 10, 400, 230002); // the bot was removed from the chat
    await service.handle({ kind: 'set', spec: oneFire('改稿') }, alice);
    const fire = (await fireJobs(service))[0]!;
    await fire.promote();
    await until(async () => (await fire.getState()) === 'failed', EVENT_CEILING_MS, 'the failed fire');
    expect(feishu.callsTo(/\/reply$/)).toHaveLength(1);
    expect((await service.queue.getJob(fire.id!))?.attemptsMade).toBe(1);
    expect(logged.filter((l) => l.level !== 'info').map((l) => l.msg)).toEqual(['reminder delivery failed permanently, not retried']);
  });

  it('a retryable delivery error is retried with the queue\'s options and delivered once', async () => {
    const { feishu, service, logged } = await setup({ tasks: false });
    service.startWorker();
    feishu.fail(/\/reply$/, 1, 503, 1500);
    await service.handle({ kind: 'set', spec: oneFire('改稿') }, alice);
    await (await fireJobs(service))[0]!.promote();
    await until(() => feishu.messages.length === 1, EVENT_CEILING_MS, 'the delivery after a retry');
    expect(feishu.callsTo(/\/reply$/)).toHaveLength(2);
    expect(logged.filter((l) => l.level !== 'info').map((l) => l.msg)).toEqual(['reminder delivery failed, will retry']);
  });

  it('a task call Feishu rejects as invalid (400, 1470400) is not retried', async () => {
    const { feishu, service, logged } = await setup();
    feishu.fail(/^POST \/open-apis\/task\/v2\/tasks$/, 10, 400, 1470400);
    service.startWorker();
    const { text } = deadlineText();
    await service.handle(cmd(`提醒我${text}前交述职报告，提前3天提醒`), alice);
    await until(() => logged.some((l) => l.level === 'error'), EVENT_CEILING_MS, 'the failure');
    expect(logged.filter((l) => l.level !== 'info').map((l) => l.msg)).toEqual(['feishu task sync failed permanently, not retried']);
    expect(feishu.callsTo(/^POST \/open-apis\/task\/v2\/tasks$/)).toHaveLength(1);
    expect(await service.taskStatus()).toBe('on');
  });
});
