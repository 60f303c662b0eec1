/**
 * Issue 23 item 4: “每月25日提醒记台账” in a group. The clock is pinned twenty seconds before the first fire:
 * 2026-09-25 is in the 中秋 holiday, so the office calendar fires on Thursday the 24th at 09:00. The fire
 * posts the month's 台账 (read from the real ledger store) into the Feishu Open API exactly once; a second
 * 记台账 reminder replaces the first instead of doubling the post.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { queueSettled } from '../support/queues.js';
import { USER_OPEN_ID } from '../support/events.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { ReminderService } from '../../src/reminders/service/index.js';
import { parseLedgerReminder } from '../../src/reminders/parse.js';
import { LedgerStore } from '../../src/documents/ledger-store.js';
import { ledgerDigest } from '../../src/report/material/entry.js';
import { createLarkClient, FeishuApi } from '../../src/feishu/api.js';
import { feishuReminderSender } from '../../src/feishu/reminder-sender.js';
import { createLogger } from '../../src/logger.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A clock pinned at `iso` that then runs with real time (BullMQ's delays are real). */
const runningAt = (iso: string) => {
  const offset = Date.parse(iso) - Date.now();
  return () => Date.now() + offset;
};

describe('a 记台账 reminder', () => {
  it('fires on the working day before a holiday with the month’s 台账, once; a second one replaces the first', async () => {
    const feishu = await FakeFeishu.start();
    cleanups.push(() => feishu.close());
    const conn = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    cleanups.push(() => conn.quit());
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const log = createLogger('silent');
    const api = new FeishuApi(createLarkClient({ appId: 'cli_a1b2c3d4e5f60720', appSecret: 's', domain: feishu.url, log }));
    const now = runningAt('2026-09-24T08:59:40+08:00');
    const ledger = new LedgerStore(conn, `${prefix}:`);
    const service = new ReminderService({
      connection: conn, prefix, timezone: 'Asia/Shanghai', send: feishuReminderSender(api), maxJitterSeconds: 0, clock: now,
      ledgerDigest: async (chatId, fireAt) => ledgerDigest(await ledger.list(chatId, { to: fireAt.slice(0, 10) }), fireAt.slice(0, 10)),
    });
    cleanups.push(() => service.close());
    const chatId = 'oc_group_ledger';
    await ledger.add(chatId, { date: '2026-08-28', text: '开展网评员培训1期', dated: true }, new Date(now()));
    await ledger.add(chatId, { date: '2026-09-12', text: '召开意识形态工作研判会，分析研判3类问题', dated: true }, new Date(now()));
    const caller = { chatId, chatType: 'group' as const, openId: USER_OPEN_ID, messageId: 'om_set_ledger' };
    const set = async (text: string) => {
      const command = parseLedgerReminder(text, { now: new Date(now()), timezone: 'Asia/Shanghai' });
      expect(command?.kind, text).toBe('set');
      return (await service.handle(command!, caller, new Date(now())))!;
    };

    const first = await set('每月25日提醒记台账');
    expect(first).toContain('✅ 已设置周期提醒 #1：记台账（记一笔）');
    const second = await set('每月25日上午9点提醒大家记台账');
    expect(second).toContain('#2');
    expect(second).toContain('原来的记台账提醒 #1 已换成这一个。');
    expect(second).toContain('· 2026年9月24日（星期四）09:00');
    expect(second).toContain('9月25日（星期五）是中秋假期，提醒提前到9月24日（星期四）');
    expect(await service.handle({ kind: 'list' }, caller, new Date(now()))).not.toContain('#1 ');

    service.startWorker();
    await feishu.waitFor(() => feishu.messages.length > 0, EVENT_CEILING_MS, 'the 记台账 reminder');
    // The fire has run and chained October's; nothing else is due.
    await queueSettled(service.queue, { delayed: false });
    expect(feishu.messages).toHaveLength(1);
    const text = feishu.textOf(feishu.messages[0]!);
    expect(text).toContain('⏰ 提醒：记台账（记一笔）');
    expect(text).toContain(`<at user_id="${USER_OPEN_ID}"></at>`);
    expect(text).toContain('本月（2026年9月）台账已记 1 条。');
    expect(text).toContain('最近一条：第2条 · 2026年9月12日 · 召开意识形态工作研判会，分析研判3类问题');
    expect(text).toContain('记一笔：9月24日召开意识形态工作研判会，分析研判3类问题');
    const next = (await service.queue.getDelayed()).map((j) => (j.data as { fireAt: string }).fireAt);
    expect(next).toEqual(['2026-10-23T09:00:00+08:00']);

    expect(await service.handle({ kind: 'ledger-cancel' }, caller, new Date(now()))).toBe('🗑️ 已取消记台账提醒 #2。已记的台账不受影响。');
    expect(await service.queue.getDelayed()).toEqual([]);
    // Someone else in the group cannot cancel the writer's reminder.
    await set('每月25日提醒记台账');
    expect(await service.handle({ kind: 'ledger-cancel' }, { ...caller, openId: 'ou_someone_else' }, new Date(now()))).toMatch(/#3/);
  });
});
