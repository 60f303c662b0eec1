/**
 * Issue 25 item 5: the whole bot on a local 3-master Redis Cluster this test starts (redis-server
 * --cluster-enabled yes, joined with redis-cli --cluster create). It answers, ignores a re-push and
 * fires a reminder once; every key it writes carries the prefix's hash tag.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { freePort } from '../support/redis.js';
import { eventually, EVENT_CEILING_MS } from '../support/wait.js';
import { MESSAGE_QUEUE, REMINDER_QUEUE } from '../../src/queue/jobs.js';

const JUNE = Date.parse('2026-06-10T10:00:00+08:00');
let dir = '';
let ports: number[] = [];
const servers: ChildProcess[] = [];
let h: Harness | undefined;

async function answers(port: number): Promise<boolean> {
  const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  c.on('error', () => undefined);
  try {
    await c.connect();
    return (await c.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    c.disconnect();
  }
}

async function clusterOk(port: number): Promise<boolean> {
  const c = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
  try {
    return /cluster_state:ok/.test(await c.cluster('INFO'));
  } finally {
    c.disconnect();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bigan-cluster-'));
  ports = [await freePort(), await freePort(), await freePort()];
  for (const p of ports) {
    servers.push(spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${p}.conf`, '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }));
  }
  for (const p of ports) await eventually(async () => ((await answers(p)) ? true : undefined), `redis-server on ${p}`);
  const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8' });
  if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
  for (const p of ports) await eventually(async () => ((await clusterOk(p)) ? true : undefined), `cluster state ok on ${p}`);
});

afterAll(async () => {
  await h?.stop();
  await Promise.all(servers.map((s) => new Promise<void>((r) => {
    if (s.exitCode !== null) return r();
    s.once('exit', () => r());
    s.kill('SIGTERM');
  })));
  rmSync(dir, { recursive: true, force: true });
});

describe('on a 3-master Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  it('answers, ignores a re-push, fires a reminder once, and keeps every key on the prefix\'s hash tag', async () => {
    h = await startHarness({ env: { REDIS_URL: '', REDIS_CLUSTER_NODES: ports.map((p) => `127.0.0.1:${p}`).join(',') }, clock: () => JUNE, llm: () => ({ chunks: ['一、总体情况良好。', '二、下一步打算。'], delayMs: 20 }) });
    const tag = `{${h.prefix}}`;
    const conn = new Cluster(ports.map((port) => ({ host: '127.0.0.1', port })), { redisOptions: { maxRetriesPerRequest: null } });
    const messages = new Queue(MESSAGE_QUEUE, { connection: conn, prefix: tag });
    const reminders = new Queue(REMINDER_QUEUE, { connection: conn, prefix: tag });
    try {
      // An answer, streamed on one card.
      const ev = textEvent('帮我想想半年报告怎么开头');
      expect((await h.post(ev)).status).toBe(200);
      const id = messageIdOf(ev);
      await h.feishu.waitFor(() => h!.feishu.repliesTo(id).some((m) => !h!.feishu.isStreaming(m) && h!.feishu.textOf(m).includes('二、下一步打算。')), EVENT_CEILING_MS, 'the answer');
      // Feishu's re-push (new event_id, same message): acked, and no second job is made.
      const again = structuredClone(ev);
      (again.header as { event_id: string }).event_id = 'ev_repush_cluster';
      expect((await h.post(again)).status).toBe(200);
      const counts = await messages.getJobCounts();
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
      expect(h.feishu.repliesTo(id)).toHaveLength(1);
      expect(h.llm.requests).toHaveLength(1);

      // A reminder: set, promoted (the clock is pinned), delivered once.
      const set = textEvent('提醒我6月30日前交上半年意识形态报告，提前3天提醒', { chatId: 'oc_cluster_remind' });
      expect((await h.post(set)).status).toBe(200);
      await h.feishu.waitFor(() => h!.feishu.repliesTo(messageIdOf(set)).some((m) => h!.feishu.textOf(m).includes('已设置提醒 #1')), EVENT_CEILING_MS, 'the reminder confirmation');
      const [job] = (await reminders.getDelayed()).filter((j) => j.name === 'fire');
      await job!.promote();
      const fired = () => h!.feishu.messages.filter((m) => h!.feishu.textOf(m).includes('⏰ 提醒：交上半年意识形态报告'));
      await h.feishu.waitFor(() => fired().length > 0, EVENT_CEILING_MS, 'the reminder');
      await eventually(async () => ((await job!.getState()) === 'completed' ? true : undefined), 'the fire job to complete');
      expect(fired()).toHaveLength(1);

      // Every key the bot wrote is on the tag's slot, so every MULTI and script ran on one node.
      const keys: string[] = [];
      for (const node of conn.nodes('master')) keys.push(...(await node.keys('*')));
      expect(keys.length).toBeGreaterThan(10);
      expect(keys.filter((k) => !k.startsWith(`${tag}:`))).toEqual([]);
    } finally {
      await messages.close();
      await reminders.close();
      conn.disconnect();
    }
  });
});
