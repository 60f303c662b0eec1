import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { startPrivateRedis } from '../support/redis.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { eventually, EVENT_CEILING_MS } from '../support/wait.js';

let h: Harness | undefined;
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await h?.stop();
  h = undefined;
  for (const s of stops.splice(0)) await s();
});

describe('Redis outage', () => {
  it('reports 503 on /healthz and 500 to Feishu (so it re-pushes) while Redis is down; the re-push is answered once Redis is back', async () => {
    let redis = await startPrivateRedis();
    const port = Number(new URL(redis.url).port);
    h = await startHarness({ env: { REDIS_URL: redis.url } });
    expect((await h.get('/healthz')).status).toBe(200);

    await redis.stop();
    // Wait for the bot to notice (its connection drops), not for a fixed time.
    const x0 = h;
    const down = await eventually(async () => {
      const r = await x0.get('/healthz');
      return r.status === 200 ? undefined : r;
    }, 'healthz to report the outage');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, redis: false });
    const ev = textEvent('Redis 宕机时发来的消息');
    expect((await h.post(ev)).status).toBe(500);

    redis = await startPrivateRedis(port);
    stops.push(redis.stop);
    const x = h;
    // Feishu pushes the event again later; by then Redis is back.
    const status = await eventually(async () => {
      const s = (await x.post(ev)).status;
      return s === 200 ? s : undefined;
    }, 'a re-push to be accepted', 250);
    expect(status).toBe(200);
    await x.feishu.waitFor(() => x.feishu.repliesTo(messageIdOf(ev)).some((m) => !x.feishu.isStreaming(m)), EVENT_CEILING_MS, 'the reply');
    expect(x.feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    expect((await x.get('/healthz')).status).toBe(200);
  });
});
