/**
 * The ack path's Redis round trips (issue 25 item 4), counted at the network edge: Redis MONITOR on the real
 * server, filtered to the ingest connection's own address. Every command that connection sends is one
 * round trip here (the ack path pipelines nothing); commands run inside a script show as `[0 lua]` and are
 * not round trips. Also (issue 26 item 1): refusals by the allowlist and the rate limit are in the audit
 * stream when the ack is done, written by the admission script in that same round trip.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createLarkClient, FeishuApi } from '../../src/feishu/api.js';
import { FeishuIngest } from '../../src/feishu/enqueue-event.js';
import { Admission } from '../../src/queue/admission.js';
import { Enqueuer } from '../../src/queue/enqueue.js';
import { MESSAGE_QUEUE, messageJobId, type JobData } from '../../src/queue/jobs.js';
import { auditKey } from '../../src/stores/audit.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../support/events.js';

const silent = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));

let feishu: FakeFeishu;
let monitor: Redis;
let lines: string[] = [];
beforeAll(async () => {
  feishu = await FakeFeishu.start();
  monitor = new Redis(inject('redisUrl'));
  const m = await monitor.monitor();
  m.on('monitor', (_time: string, args: string[], source: string) => lines.push(`${source} ${args.join(' ')}`));
  (monitor as unknown as { m: Redis }).m = m;
});
afterAll(async () => {
  (monitor as unknown as { m: Redis }).m.disconnect();
  monitor.disconnect();
  await feishu.close();
});

interface Ingest { ingest: FeishuIngest; producer: Redis; queue: Queue<JobData>; prefix: string; stop(): Promise<void> }

async function ingestWith(o: { perMinute?: number; allowedChats?: string[] } = {}): Promise<Ingest> {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  // As app.ts builds it: the producer connection (no offline queue), its queue, admission on the same connection.
  const producer = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const queue = new Queue<JobData>(MESSAGE_QUEUE, { connection: producer, prefix });
  await queue.waitUntilReady();
  const admission = new Admission(producer, { prefix, perMinute: o.perMinute ?? 0, maxQueued: 100, allowedTenants: [], allowedChats: o.allowedChats ?? [], allowedUsers: [], auditRetentionDays: 180, ready: () => queue.waitUntilReady() });
  const api = new FeishuApi(createLarkClient({ appId: 'cli_a1b2c3d4e5f60718', appSecret: 'secret_test', domain: feishu.url, log: silent }));
  const ingest = new FeishuIngest({ api, enqueuer: new Enqueuer(queue, producer), log: silent, admission, maxAgeMs: 3600_000 });
  return { ingest, producer, queue, prefix, stop: async () => {
    await queue.close();
    producer.disconnect();
  } };
}

/** Deliver one event through the SDK's dispatcher as the webhook does, and count what the producer connection sent meanwhile. */
async function roundTrips(x: Ingest, ev: Record<string, unknown>): Promise<string[]> {
  const me = `${x.producer.stream.localAddress}:${x.producer.stream.localPort}`;
  // MONITOR output trails the commands: a PING on the monitored server after the event marks the end.
  const marker = `end-${randomUUID()}`;
  lines = [];
  await x.ingest.dispatcher({ verificationToken: VERIFICATION_TOKEN }).invoke(ev);
  const probe = new Redis(inject('redisUrl'));
  await probe.echo(marker);
  probe.disconnect();
  for (let i = 0; i < 200 && !lines.some((l) => l.includes(marker)); i++) await new Promise<void>((r) => setImmediate(r));
  const end = lines.findIndex((l) => l.includes(marker));
  expect(end, 'the MONITOR marker arrived').toBeGreaterThanOrEqual(0);
  return lines.slice(0, end).filter((l) => l.includes(me)).map((l) => l.split(' ')[1]!.toUpperCase())
    // ioredis sends a script's body (EVAL) the first time a connection runs it, its hash (EVALSHA) after.
    .map((c) => (c === 'EVAL' ? 'EVALSHA' : c));
}

describe('the ack path in Redis round trips', () => {
  it('a new event takes 2 (admission script, the job\'s add) and a re-push 1', async () => {
    const x = await ingestWith();
    try {
      // Warm-up: the scripts get loaded (EVALSHA's first NOSCRIPT), the bot's identity fetched.
      await roundTrips(x, textEvent('预热', { senderOpenId: 'ou_warm' }));
      const ev = textEvent('写一份提纲');
      const first = await roundTrips(x, ev);
      expect(first).toEqual(['EVALSHA', 'EVALSHA']);
      expect(await x.queue.getJob(messageJobId(messageIdOf(ev)))).toBeDefined();
      const again = await roundTrips(x, ev);
      expect(again).toEqual(['EVALSHA']);
      expect(await x.queue.getJobCounts('wait', 'prioritized')).toMatchObject({ prioritized: 2 });
    } finally {
      await x.stop();
    }
  });

  it('a re-push that arrives while the first delivery is still being queued is one job', async () => {
    const x = await ingestWith();
    try {
      const ev = textEvent('同一条消息，两次投递');
      const d = x.ingest.dispatcher({ verificationToken: VERIFICATION_TOKEN });
      await Promise.all([d.invoke(ev), d.invoke(ev), d.invoke(ev)]);
      const counts = await x.queue.getJobCounts('wait', 'prioritized');
      expect((counts.wait ?? 0) + (counts.prioritized ?? 0)).toBe(1);
      // Counted once against the user's cap.
      expect(await x.producer.zcard(`${x.prefix}:userjobs:ou_user_000000000000000000000000001`)).toBe(1);
    } finally {
      await x.stop();
    }
  });

  it('an allowlist refusal is recorded by the admission script in the ack\'s round trip; its re-push is not recorded again', async () => {
    const x = await ingestWith({ allowedChats: ['oc_group_chat_0001'] });
    try {
      await roundTrips(x, textEvent('预热', { senderOpenId: 'ou_warm' }));
      const ev = textEvent('名单外的私聊', { senderOpenId: 'ou_outsider' });
      // The script, then the refusal notice's job (the first refusal of the minute is answered).
      expect(await roundTrips(x, ev)).toEqual(['EVALSHA', 'EVALSHA']);
      const trail = await x.producer.xrange(auditKey(x.prefix), '-', '+');
      const mine = trail.filter(([, f]) => f.includes('ou_outsider'));
      expect(mine).toHaveLength(1);
      expect(mine[0]![1]).toEqual(expect.arrayContaining(['kind', 'refusal', 'reason', 'not-allowed', 'outcome', 'refused', 'job', messageJobId(messageIdOf(ev))]));
      // A second refusal within the minute: recorded, not answered again: one round trip.
      expect(await roundTrips(x, textEvent('名单外的第二条', { senderOpenId: 'ou_outsider' }))).toEqual(['EVALSHA']);
      expect(await roundTrips(x, ev)).toEqual(['EVALSHA']);
      const after = (await x.producer.xrange(auditKey(x.prefix), '-', '+')).filter(([, f]) => f.includes('ou_outsider'));
      expect(after).toHaveLength(2);
    } finally {
      await x.stop();
    }
  });

  it('a rate-limit refusal likewise: one round trip decides and records it', async () => {
    const x = await ingestWith({ perMinute: 1 });
    try {
      await roundTrips(x, textEvent('预热', { senderOpenId: 'ou_warm' }));
      expect(await roundTrips(x, textEvent('第一条', { senderOpenId: 'ou_fast' }))).toEqual(['EVALSHA', 'EVALSHA']);
      const second = textEvent('第二条', { senderOpenId: 'ou_fast' });
      expect(await roundTrips(x, second)).toEqual(['EVALSHA', 'EVALSHA']);
      expect(await roundTrips(x, textEvent('第三条', { senderOpenId: 'ou_fast' }))).toEqual(['EVALSHA']);
      const refusals = (await x.producer.xrange(auditKey(x.prefix), '-', '+')).filter(([, f]) => f.includes('ou_fast'));
      expect(refusals).toHaveLength(2);
      expect(refusals[0]![1]).toEqual(expect.arrayContaining(['reason', 'rate-limited', 'job', messageJobId(messageIdOf(second))]));
      // The answered refusal's notice job carries the reason and when to try again.
      const notice = await x.queue.getJob(messageJobId(messageIdOf(second)));
      expect(notice?.data).toMatchObject({ type: 'message', message: { refusal: 'rate-limited' } });
    } finally {
      await x.stop();
    }
  });
});
