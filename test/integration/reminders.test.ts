import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { parseReminderCommand, type ReminderCommand, type ReminderSpec } from '../../src/reminders/parse.js';
import { ReminderService, type ReminderCaller, type ReminderLog, type ReminderTarget } from '../../src/reminders/service/index.js';
import { ReminderStore } from '../../src/reminders/service/store.js';
import { dayInfo } from '../../src/reminders/calendar.js';
import { nextFire } from '../../src/reminders/format.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { testRunningClock, zonedNow } from '../support/clock.js';
import { queueSettled } from '../support/queues.js';

const TZ = 'Asia/Shanghai';
/** The suite's clock: BIGAN_TEST_NOW or 2026-12-06 10:00 Beijing, running with real time (fires wait real delays). */
const suiteClock = testRunningClock();
const suiteNow = () => zonedNow(suiteClock);
interface Sent { target: ReminderTarget; text: string; uuid: string; at: number }

const open: { services: ReminderService[]; conns: Redis[] } = { services: [], conns: [] };

function setup(prefix: string, sent: Sent[], opts: { jitter?: number; log?: ReminderLog; clock?: () => number } = {}) {
  const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  open.conns.push(connection);
  const service = new ReminderService({
    connection,
    prefix,
    timezone: TZ,
    maxJitterSeconds: opts.jitter ?? 0,
    log: opts.log,
    clock: opts.clock ?? (() => suiteClock.now()),
    send: (target, text, uuid) => { sent.push({ target, text, uuid, at: Date.now() }); return Promise.resolve(); },
  });
  open.services.push(service);
  return service;
}

afterEach(async () => {
  for (const s of open.services.splice(0)) await s.close();
  for (const c of open.conns.splice(0)) await c.quit();
});

const alice: ReminderCaller = { chatId: 'oc_group1', chatType: 'group', openId: 'ou_alice', messageId: 'om_1', rootMessageId: 'om_root' };
const bob: ReminderCaller = { ...alice, openId: 'ou_bob', messageId: 'om_2' };
const p2p: ReminderCaller = { chatId: 'oc_p2p', chatType: 'p2p', openId: 'ou_alice', messageId: 'om_3' };

const cmd = (text: string, now = new Date(suiteClock.now())): ReminderCommand => {
  const c = parseReminderCommand(text, { now, timezone: TZ });
  if (!c) throw new Error(`not a reminder command: ${text}`);
  return c;
};
const inSeconds = (s: number, what = '改稿'): ReminderCommand => {
  const at = suiteNow().plus({ seconds: s }).toISO({ suppressMilliseconds: false }) ?? '';
  const spec: ReminderSpec = { what, fires: [at], leads: [], notes: [] };
  return { kind: 'set', spec };
};
async function until(cond: () => boolean | Promise<boolean>, ms = EVENT_CEILING_MS): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('ReminderService against real Redis', () => {
  it('set → list → edit → cancel', async () => {
    const sent: Sent[] = [];
    const svc = setup(`test-${randomUUID()}`, sent);
    const year = suiteNow().year + 1;

    const r1 = await svc.handle(cmd(`提醒我${year}年6月30日前交上半年意识形态报告，提前3天提醒`), alice);
    expect(r1).toContain('✅ 已设置提醒 #1：交上半年意识形态报告');
    // 3 days ahead, or the working day before that when it is a rest day
    expect(r1).toMatch(new RegExp(`· ${year}年6月2[3-7]日（星期[一二三四五]）09:00`));
    const r2 = await svc.handle(cmd(`每年6月20日和12月20日提醒我准备意识形态工作报告`), alice);
    expect(r2).toContain('#2');
    expect(await svc.queue.getDelayedCount()).toBe(2); // one one-off job + the recurring reminder's next occurrence
    expect(await svc.queue.getJobSchedulersCount()).toBe(0);

    const list = await svc.handle({ kind: 'list' }, alice);
    expect(list).toContain('共2个');
    expect(list).toContain(`#1 交上半年意识形态报告｜截止${year}年6月30日`);
    expect(list).toMatch(/#2 准备意识形态工作报告｜每年6月20日、12月20日 09:00｜下次：\d{4}年(6月1[3-9]日|6月20日|12月1[3-9]日|12月20日)（星期[一二三四五六]）09:00/);
    // another member sees only their own
    expect(await svc.handle({ kind: 'list' }, bob)).toContain('还没有提醒');

    const before = await svc.queue.getDelayed();
    const oldIds = before.map((j) => j.id);
    const edited = await svc.handle(cmd(`把第1个提醒改到${year}年7月5日下午3点`), alice);
    expect(edited).toContain('✏️ 已修改提醒 #1：交上半年意识形态报告');
    // a date after the deadline moves the deadline; the lead time (3 days) stays
    expect(edited).toContain(`截止：${year}年7月5日`);
    expect(edited).toContain('提前量：提前3天');
    const after = await svc.queue.getDelayed();
    expect(after).toHaveLength(2);
    const oneOff = after.find((j) => j.data.shortId === 1);
    expect(oneOff?.id).toMatch(/^rem-[0-9a-f]{12}-v2-\d+$/);
    expect(oldIds).not.toContain(oneOff?.id);
    const movedTo = DateTime.fromISO((oneOff?.data as { fireAt: string }).fireAt).setZone(TZ);
    expect(movedTo.toFormat('HH:mm')).toBe('15:00');
    expect(movedTo >= DateTime.fromObject({ year, month: 6, day: 28 }, { zone: TZ }) && movedTo <= DateTime.fromObject({ year, month: 7, day: 2, hour: 15 }, { zone: TZ })).toBe(true);

    expect(await svc.handle({ kind: 'cancel', id: 1 }, alice)).toBe('🗑️ 已取消提醒 #1：交上半年意识形态报告');
    expect(await svc.handle({ kind: 'cancel', id: 2 }, alice)).toContain('已取消提醒 #2');
    expect(await svc.queue.getDelayedCount()).toBe(0);
    expect(await svc.queue.getJobSchedulersCount()).toBe(0);
    expect(await svc.handle({ kind: 'list' }, alice)).toContain('还没有提醒');
    // ids are not reused
    expect(await svc.handle(cmd('下周五下午3点提醒我改稿'), alice)).toContain('#3');
    expect(await svc.handle({ kind: 'cancel', id: 1 }, alice)).toContain('没有找到编号为 1');
    expect(sent).toHaveLength(0);
  });

  it('a reminder due in 2 seconds fires exactly once, in the thread, mentioning the creator', async () => {
    const sent: Sent[] = [];
    const svc = setup(`test-${randomUUID()}`, sent);
    svc.startWorker();
    const t0 = Date.now();
    await svc.handle(inSeconds(2), alice);
    await until(() => sent.length >= 1);
    await queueSettled(svc.queue); // no job left that could send again
    expect(sent).toHaveLength(1);
    const s = sent[0]!;
    expect(s.at - t0).toBeGreaterThanOrEqual(1_500);
    expect(s.target).toEqual({ chatId: 'oc_group1', threadRootMessageId: 'om_root', mentionOpenId: 'ou_alice' });
    // The mention travels in target.mentionOpenId; the Feishu sender renders it (reminders-bot.test.ts).
    expect(s.text).toBe('⏰ 提醒：改稿');
    expect(s.uuid.length).toBeLessThanOrEqual(50);
    expect(s.uuid).toMatch(/^rem-[0-9a-f]{12}-\d{13}$/);
    // a finished one-off reminder leaves the list
    await until(async () => ((await svc.handle({ kind: 'list' }, alice)) ?? '').includes('还没有提醒'));
  });

  it('p2p reminders carry no mention and no thread', async () => {
    const sent: Sent[] = [];
    const svc = setup(`test-${randomUUID()}`, sent);
    svc.startWorker();
    await svc.handle(inSeconds(1, '交材料'), p2p);
    await until(() => sent.length >= 1);
    expect(sent[0]!.target).toEqual({ chatId: 'oc_p2p' });
    expect(sent[0]!.text).toBe('⏰ 提醒：交材料');
  });

  it('survives a restart: set with one service, fire with a new service and worker, exactly once', async () => {
    const prefix = `test-${randomUUID()}`;
    const sent: Sent[] = [];
    const first = setup(prefix, sent);
    first.startWorker();
    await first.handle(inSeconds(3), alice);
    await first.close();

    const second = setup(prefix, sent);
    second.startWorker();
    await until(() => sent.length >= 1);
    await queueSettled(second.queue);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('改稿');
  });

  it('jobs from two workers on the same queue still send once', async () => {
    const prefix = `test-${randomUUID()}`;
    const sent: Sent[] = [];
    const a = setup(prefix, sent);
    const b = setup(prefix, sent);
    a.startWorker();
    b.startWorker();
    await a.handle(inSeconds(1), alice);
    await a.handle(inSeconds(1, '交材料'), alice);
    await until(() => sent.length >= 2);
    await queueSettled(a.queue);
    expect(sent.map((s) => s.text).sort()).toEqual(['⏰ 提醒：交材料', '⏰ 提醒：改稿']);
  });

  it('a cancelled reminder does not fire; a stale job after edit is skipped', async () => {
    const sent: Sent[] = [];
    const svc = setup(`test-${randomUUID()}`, sent);
    svc.startWorker();
    await svc.handle(inSeconds(1), alice);
    expect(await svc.handle({ kind: 'cancel', id: 1 }, alice)).toContain('已取消');
    // the edit moves reminder 2 far away; its old 1-second job must not deliver
    await svc.handle(inSeconds(1, '旧时间'), alice);
    const year = suiteNow().year + 1;
    const oldJob = (await svc.queue.getDelayed())[0]!;
    await svc.handle(cmd(`把第2个提醒改到${year}年3月1日`), alice);
    // a job of the old version that escaped removal (e.g. it was already active) is skipped by the worker
    const stale = await svc.queue.add('fire', oldJob.data, { jobId: `stale-${randomUUID()}` });
    await until(async () => (await stale.getState()) === 'completed');
    expect(await svc.queue.getJob(stale.id!).then((j) => j?.returnvalue as unknown)).toBe('skipped: cancelled or edited');
    // Only the edited reminder's job (next year) is left, and nothing else is pending: nothing can fire now.
    expect(await svc.queue.getDelayedCount()).toBe(1);
    await queueSettled(svc.queue, { delayed: false });
    expect(sent).toHaveLength(0);
    expect(await svc.handle({ kind: 'list' }, alice)).toContain(`#2 旧时间｜下次：${year}年3月1日`);
  });

  it('a delivery retried after a crash reuses the same uuid, so Feishu shows one message', async () => {
    const prefix = `test-${randomUUID()}`;
    const delivered = new Map<string, string>(); // fake Feishu: at most one message per uuid
    const calls: string[] = [];
    const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    open.conns.push(connection);
    const svc = new ReminderService({
      connection, prefix, timezone: TZ, maxJitterSeconds: 0,
      send: (_target, text, uuid) => {
        calls.push(uuid);
        if (!delivered.has(uuid)) delivered.set(uuid, text);
        // the first attempt "dies" after Feishu accepted the message
        if (calls.length === 1) return Promise.reject(new Error('connection reset after send'));
        return Promise.resolve();
      },
    });
    open.services.push(svc);
    svc.startWorker();
    await svc.handle(inSeconds(1), alice);
    await until(() => calls.length >= 2);
    await queueSettled(svc.queue);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe(calls[1]);
    expect(delivered.size).toBe(1);
  });

  it('a group member cannot cancel or edit someone else\'s reminder', async () => {
    const sent: Sent[] = [];
    const svc = setup(`test-${randomUUID()}`, sent);
    await svc.handle(cmd('下周五下午3点提醒我改稿'), alice);
    expect(await svc.handle(cmd('取消提醒 1'), bob)).toContain('只有设置人可以取消');
    expect(await svc.handle(cmd('把第1个提醒改到下周一上午9点'), bob)).toContain('只有设置人可以修改');
    expect(await svc.handle({ kind: 'list' }, alice)).toContain('#1 改稿');
    expect(await svc.queue.getDelayedCount()).toBe(1);
  });

  it('bad input gets a Chinese reply and schedules nothing', async () => {
    const sent: Sent[] = [];
    const svc = setup(`test-${randomUUID()}`, sent);
    expect(await svc.handle(cmd('2月30日提醒我'), alice)).toContain('2月没有30日');
    expect(await svc.handle(cmd('提醒我'), alice)).toContain('什么时候提醒你');
    expect(await svc.handle(cmd('明天25点提醒我'), alice)).toContain('25点');
    expect(await svc.handle(cmd('取消提醒 7'), alice)).toContain('没有找到编号为 7');
    expect(await svc.queue.getDelayedCount()).toBe(0);
  });

  it('recurring reminders are one delayed job each, for the next occurrence on a working day', async () => {
    const sent: Sent[] = [];
    const svc = setup(`test-${randomUUID()}`, sent, { jitter: 20 });
    await svc.handle(cmd('每月31日提醒我报送舆情台账'), alice);
    await svc.handle(cmd('每年12月31日提醒我写述职报告'), alice);
    await svc.handle(cmd('每季度末提醒我研判'), alice);
    expect(await svc.queue.getJobSchedulersCount()).toBe(0);
    const jobs = await svc.queue.getDelayed();
    expect(jobs).toHaveLength(3);
    const now = suiteNow();
    for (const j of jobs) {
      const fireAt = DateTime.fromISO((j.data as { fireAt: string }).fireAt).setZone(TZ);
      expect(fireAt > now).toBe(true);
      expect(fireAt.hour).toBe(9);
      expect(fireAt.minute).toBe(0);
      expect(dayInfo(fireAt).work).toBe(true);
      // the last day of its month, or the working day before it (never earlier than the 20th)
      expect(fireAt.day).toBeGreaterThanOrEqual(20);
      // delay = fire time + up to 20 s of per-job jitter
      // BullMQ's timestamp and delay are real time; the suite's clock is offset from it
      const due = j.timestamp + (j.opts.delay ?? 0) + suiteClock.offsetMs;
      expect(due - fireAt.toMillis()).toBeGreaterThanOrEqual(0);
      expect(due - fireAt.toMillis()).toBeLessThanOrEqual(20_000);
    }
    // The same rules across month and year ends, from fixed instants (weekends only in years without data).
    const nextAfter = (text: string, iso: string) => {
      const c = parseReminderCommand(text, { now: new Date(iso), timezone: TZ });
      if (c?.kind !== 'set' || !c.spec.recurrence) throw new Error(text);
      return DateTime.fromISO(nextFire(c.spec, new Date(iso)) ?? '').setZone(TZ).toFormat('yyyy-MM-dd HH:mm');
    };
    expect(nextAfter('每月31日提醒我', '2026-01-31T10:00:00+08:00')).toBe('2026-02-28 09:00'); // the last day, a 调休 working Saturday
    expect(nextAfter('每月31日提醒我', '2026-12-31T10:00:00+08:00')).toBe('2027-01-29 09:00');
    expect(nextAfter('每年12月31日提醒我', '2026-12-31T08:00:00+08:00')).toBe('2026-12-31 09:00');
    expect(nextAfter('每季度末提醒我', '2026-12-31T10:00:00+08:00')).toBe('2027-03-31 09:00');
  });

  it('a recurring reminder fires once per occurrence, chains the next, and stops after cancel', async () => {
    const sent: Sent[] = [];
    // A pinned clock: each fire is promoted by hand, so nothing waits for the hour.
    const svc = setup(`test-${randomUUID()}`, sent, { clock: () => Date.parse('2026-06-10T08:00:00+08:00') });
    svc.startWorker();
    const spec: ReminderSpec = {
      what: '测试周期', fires: [], leads: [], notes: [],
      recurrence: { rule: { freq: 'daily', hour: 9, minute: 0 }, shift: 'keep', tz: TZ, description: '每天 09:00', next: [] },
    };
    await svc.handle({ kind: 'set', spec }, alice);
    const fired: string[] = [];
    for (let i = 0; i < 2; i++) {
      const [job] = await svc.queue.getDelayed();
      expect(await svc.queue.getDelayedCount()).toBe(1);
      fired.push((job!.data as { fireAt: string }).fireAt);
      await job!.promote();
      await until(async () => (await job!.getState()) === 'completed');
    }
    expect(fired).toEqual(['2026-06-10T09:00:00+08:00', '2026-06-11T09:00:00+08:00']);
    expect(sent.map((s) => s.text)).toEqual(['⏰ 提醒：测试周期\n（周期提醒：每天 09:00）', '⏰ 提醒：测试周期\n（周期提醒：每天 09:00）']);
    expect(new Set(sent.map((s) => s.uuid)).size).toBe(2);
    // the chain's next job is the one cancel removes: nothing is left to fire
    expect(DateTime.fromISO(((await svc.queue.getDelayed())[0]!.data as { fireAt: string }).fireAt).toISODate()).toBe('2026-06-12');
    await svc.handle({ kind: 'cancel', id: 1 }, alice);
    expect(await svc.queue.getDelayedCount()).toBe(0);
  });

  it('the report calendar is proposed, then confirmed into deadline reminders', async () => {
    const sent: Sent[] = [];
    const svc = setup(`test-${randomUUID()}`, sent);
    expect(await svc.handle(cmd('确认'), alice)).toContain('没有等待确认');
    const proposal = await svc.handle(cmd('设置意识形态报告提醒'), alice);
    expect(proposal).toContain('半年报告');
    expect(proposal).toContain('述职');
    expect(await svc.queue.getDelayedCount()).toBe(0);
    // another member's confirmation does not take alice's proposal
    expect(await svc.handle(cmd('确认'), bob)).toContain('没有等待确认');
    const done = await svc.handle(cmd('确认'), alice);
    expect(done).toContain('已设置3个意识形态工作报告节点');
    expect(done).toContain('提前量：提前5个工作日、提前1个工作日');
    expect(await svc.queue.getDelayedCount()).toBe(6);
    expect(await svc.handle(cmd('确认'), alice)).toContain('没有等待确认');
    const list = await svc.handle({ kind: 'list' }, alice);
    expect(list).toContain('共3个');
  });

  it('a delivery that fails on its last attempt is logged as given up, earlier ones as retried', async () => {
    const prefix = `test-${randomUUID()}`;
    const logged: { level: string; msg?: string; obj: Record<string, unknown> }[] = [];
    const log: ReminderLog = {
      warn: (obj, msg) => logged.push({ level: 'warn', msg, obj: obj as Record<string, unknown> }),
      error: (obj, msg) => logged.push({ level: 'error', msg, obj: obj as Record<string, unknown> }),
    };
    const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    open.conns.push(connection);
    const svc = new ReminderService({
      connection, prefix, timezone: TZ, maxJitterSeconds: 0, log,
      send: () => Promise.reject(new Error('feishu down')),
    });
    open.services.push(svc);
    await svc.handle(cmd('下周五下午3点提醒我改稿'), alice);
    const [job] = await svc.queue.getDelayed();
    // the same fire, due now: one attempt that retries, one that is the last
    await svc.queue.add('fire', job!.data, { jobId: `retry-${randomUUID()}`, attempts: 2, backoff: { type: 'fixed', delay: 10 } });
    svc.startWorker();
    await until(() => logged.some((l) => l.level === 'error'));
    expect(logged.map((l) => `${l.level} ${l.msg}`)).toEqual(['warn reminder delivery failed, will retry', 'error reminder delivery gave up']);
    expect(logged[1]!.obj).toMatchObject({ rid: job!.data.rid, chatId: 'oc_group1', shortId: 1, attemptsMade: 2 });
  });

  it('store: a finished reminder is deleted only at its own version; vanished records leave the index', async () => {
    const prefix = `test-${randomUUID()}`;
    const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    open.conns.push(redis);
    const store = new ReminderStore(redis, prefix);
    const input = { rid: 'abc', chatId: 'oc_x', chatType: 'p2p' as const, creatorOpenId: 'ou_a', sourceMessageId: 'om', spec: { what: 'x', fires: [], leads: [], notes: [] } };
    const rec = await store.create(input, new Date(suiteClock.now()));
    await store.save({ ...rec, version: 2 }); // edited meanwhile
    expect(await store.deleteIfVersion('oc_x', rec.shortId, 1)).toBe(false);
    expect((await store.get('oc_x', rec.shortId))?.version).toBe(2);
    expect(await store.deleteIfVersion('oc_x', rec.shortId, 2)).toBe(true);
    expect(await store.get('oc_x', rec.shortId)).toBeUndefined();
    expect(await store.deleteIfVersion('oc_x', rec.shortId, 2)).toBe(false);

    const a = await store.create(input, new Date(suiteClock.now()));
    const b = await store.create(input, new Date(suiteClock.now()));
    const c = await store.create(input, new Date(suiteClock.now()));
    await redis.del(`${prefix}:reminder:chat:oc_x:r:${b.shortId}`);
    expect((await store.listByChat('oc_x')).map((r) => r.shortId)).toEqual([a.shortId, c.shortId]);
    expect(await redis.smembers(`${prefix}:reminder:chat:oc_x:ids`)).not.toContain(String(b.shortId));
    expect(await store.listByChat('oc_none')).toEqual([]);
  });
});
