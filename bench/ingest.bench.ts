/**
 * Ingest and round-trip latency of the whole bot in webhook mode: a private redis-server,
 * the real Feishu SDK against the fake Open API, the real openai SDK against the fake model.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { readConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { obtainRedis } from '../src/redis.js';
import { startApp } from '../src/app.js';
import { FakeFeishu } from '../test/support/fake-feishu.js';
import { startFakeOpenAI } from '../test/support/fake-openai.js';
import { freePort } from '../test/support/redis.js';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../test/support/events.js';
import { percentile, type BenchResult } from './critique.bench.js';

const quantile = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q);

export async function benchIngest(runs = 200): Promise<BenchResult[]> {
  const silent = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
  const redis = await obtainRedis(undefined, silent, { localUrl: `redis://127.0.0.1:${await freePort()}`, dataDir: join(mkdtempSync(join(tmpdir(), 'bigan-bench-')), 'redis') });
  const feishu = await FakeFeishu.start();
  const llm = await startFakeOpenAI(() => '好的，这是一段用于基准测试的回答。');
  const config = readConfig({
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f60719', FEISHU_APP_SECRET: 'secret', FEISHU_DOMAIN: feishu.url, FEISHU_MODE: 'webhook',
    FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, PORT: '0', REDIS_URL: redis.url, OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: llm.url, OPENAI_MODEL: 'fake', LOG_LEVEL: 'silent',
    // One user sends every event: the per-user limits (10 a minute by default) would refuse them.
    USER_RATE_LIMIT: '0', USER_MAX_QUEUED: '1000',
  });
  const app = await startApp({ config, log: silent, streamThrottleMs: 50 });
  const url = `http://127.0.0.1:${app.port}/feishu/events`;
  const ack: number[] = [];
  const roundTrip: number[] = [];
  const text = '帮我想想上半年报告的开头怎么写';
  try {
    for (let i = 0; i < runs + 20; i++) {
      const ev = textEvent(text);
      const id = messageIdOf(ev);
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
      await res.text();
      const t1 = performance.now();
      await feishu.waitFor(() => feishu.repliesTo(id).some((m) => !feishu.isStreaming(m)), 10_000, 'reply');
      const t2 = performance.now();
      if (i >= 20) {
        ack.push(t1 - t0);
        roundTrip.push(t2 - t0);
      }
    }
  } finally {
    await app.stop();
    await feishu.close();
    await llm.close();
    await redis.stop();
  }
  return [
    { name: 'webhook ack (validate, dedup, enqueue)', chars: text.length, runs, medianMs: quantile(ack, 0.5), p95Ms: quantile(ack, 0.95) },
    { name: 'event → finished card (fake model)', chars: text.length, runs, medianMs: quantile(roundTrip, 0.5), p95Ms: quantile(roundTrip, 0.95) },
  ];
}
