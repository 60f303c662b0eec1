/**
 * The per-user queue cap on the real Redis: counting and claiming a slot is one atomic step, so
 * concurrent requests (several ingest processes) cannot overshoot the cap.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Admission } from '../../src/queue/admission.js';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
});
afterAll(async () => {
  await redis.quit();
});

const gate = (maxQueued: number) => new Admission(redis, { prefix: `t${randomUUID().slice(0, 8)}`, perMinute: 0, maxQueued, allowedTenants: [], allowedChats: [], allowedUsers: [] });
const user = { chatId: 'oc_1', userIds: ['ou_writer'] };

describe('per-user queue cap', () => {
  it('twenty concurrent requests against a cap of three: exactly three are admitted, in order of arrival', async () => {
    const a = gate(3);
    const results = await Promise.all(Array.from({ length: 20 }, (_v, i) => a.admit(user, `job-${i}`)));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(3);
    expect(ok.map((r) => (r.ok ? r.queued : -1)).sort()).toEqual([0, 1, 2]);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && !r.duplicate && r.reason === 'queue-full')).toBe(true);
  });

  it('a released job frees its slot; another user has slots of their own', async () => {
    const a = gate(1);
    expect(await a.admit(user, 'job-a')).toEqual({ ok: true, queued: 0 });
    expect(await a.admit(user, 'job-b')).toEqual({ ok: false, reason: 'queue-full', notify: true });
    expect(await a.admit({ chatId: 'oc_1', userIds: ['ou_other'] }, 'job-c')).toEqual({ ok: true, queued: 0 });
    await a.release('ou_writer', 'job-a');
    // A refused event stays refused (its re-push is a duplicate); the user's next request gets the slot.
    expect(await a.admit(user, 'job-b')).toEqual({ ok: false, duplicate: true });
    expect(await a.admit(user, 'job-d')).toEqual({ ok: true, queued: 0 });
  });
});

describe('two rate limits (issue 19 item 6)', () => {
  const limits = (perMinute: number, commandsPerMinute: number) => new Admission(redis, { prefix: `t${randomUUID().slice(0, 8)}`, perMinute, commandsPerMinute, maxQueued: 100, allowedTenants: [], allowedChats: [], allowedUsers: [] });

  it('commands that need no model use a bucket of their own; a refusal says how long to wait', async () => {
    const a = limits(2, 3);
    expect(await a.admit(user, 'm1')).toMatchObject({ ok: true });
    expect(await a.admit(user, 'm2')).toMatchObject({ ok: true });
    const refused = await a.admit(user, 'm3');
    expect(refused).toMatchObject({ ok: false, reason: 'rate-limited' });
    const wait = !refused.ok && !refused.duplicate ? refused.retryAfterMs ?? 0 : 0;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    for (const id of ['c1', 'c2', 'c3']) expect(await a.admit(user, id, { model: false })).toMatchObject({ ok: true });
    expect(await a.admit(user, 'c4', { model: false })).toMatchObject({ ok: false, reason: 'commands-rate-limited' });
  });

  it('without a commands limit, commands are not limited at all', async () => {
    const a = limits(1, 0);
    expect(await a.admit(user, 'm1')).toMatchObject({ ok: true });
    expect(await a.admit(user, 'm2')).toMatchObject({ ok: false, reason: 'rate-limited' });
    for (let i = 0; i < 5; i++) expect(await a.admit(user, `c${i}`, { model: false })).toMatchObject({ ok: true });
  });
});
