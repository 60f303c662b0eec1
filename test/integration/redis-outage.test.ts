import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { startPrivateRedis } from '../support/redis.js';
import { messageIdOf, textEvent } from '../support/events.js';

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
    await new Promise((r) => setTimeout(r, 300));
    const down = await h.get('/healthz');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, redis: false });
    const ev = textEvent('Redis 宕机时发来的消息');
    expect((await h.post(ev)).status).toBe(500);

    redis = await startPrivateRedis(port);
    stops.push(redis.stop);
    const x = h;
    // Feishu pushes the event again later; by then Redis is back.
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await x.post(ev)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await x.feishu.waitFor(() => x.feishu.repliesTo(messageIdOf(ev)).some((m) => !x.feishu.isStreaming(m)), 20_000, 'the reply');
    expect(x.feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    expect((await x.get('/healthz')).status).toBe(200);
  }, 60_000);
});
