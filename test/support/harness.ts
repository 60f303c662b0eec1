import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startApp, type App } from '../../src/app.js';
import { FakeFeishu } from './fake-feishu.js';
import { startFakeOpenAI, type FakeHandler, type FakeOpenAI } from './fake-openai.js';
import { VERIFICATION_TOKEN } from './events.js';
import type { DateTime } from 'luxon';
import { clockOf, type Clock } from '../../src/core/clock.js';
import { testRunningClock, zonedNow } from './clock.js';

export interface Harness {
  app: App;
  feishu: FakeFeishu;
  llm: FakeOpenAI;
  prefix: string;
  redisUrl: string;
  /** The app's clock: by default it starts at the suite's instant (BIGAN_TEST_NOW or 2026-12-06 10:00 Beijing) and runs. */
  clock: Clock;
  /** The app's now in the bot's zone (Asia/Shanghai): expected dates are computed from it. */
  now(): DateTime;
  /** POST a body to /feishu/events as Feishu would. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  get(path: string): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

const quietLog = () => (process.env.TEST_LOG_LEVEL ? createLogger(process.env.TEST_LOG_LEVEL) : createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })));

/** The whole bot in webhook mode, in this process, wired to a fake Open API and a fake model. */
export async function startHarness(opts: {
  env?: Record<string, string>; llm?: FakeHandler; streamThrottleMs?: number; longConnection?: boolean;
  /** The app's clock: reminders and report periods read “now” from it. Default: testRunningClock(). */
  clock?: Clock | (() => number);
} = {}): Promise<Harness> {
  const feishu = await FakeFeishu.start();
  if (opts.longConnection) await feishu.enableWebSocket();
  const llm = await startFakeOpenAI(opts.llm ?? (() => '好的，这是模型的回答。'));
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const redisUrl = inject('redisUrl');
  const config = readConfig({
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
    FEISHU_APP_SECRET: 'secret_test',
    FEISHU_DOMAIN: feishu.url,
    FEISHU_MODE: opts.longConnection ? 'ws' : 'webhook',
    FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
    PORT: '0',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: llm.url,
    OPENAI_MODEL: 'fake-model',
    OPENAI_TIMEOUT_MS: '5000',
    JOB_BACKOFF_MS: '50',
    LOG_LEVEL: 'silent',
    // Tests send bursts from one user; the per-user limits have their own tests.
    USER_RATE_LIMIT: '0',
    USER_MAX_QUEUED: '1000',
    ...opts.env,
  });
  const clock = opts.clock ? clockOf(opts.clock) : testRunningClock();
  const app = await startApp({ config, log: quietLog(), streamThrottleMs: opts.streamThrottleMs ?? 20, clock });
  const base = `http://127.0.0.1:${app.port}`;
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(base + path, { method, body: raw, headers: { 'content-type': 'application/json', ...headers } });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  };
  return {
    app,
    feishu,
    llm,
    prefix,
    redisUrl,
    clock,
    now: () => zonedNow(clock),
    post: (body, headers) => request('POST', '/feishu/events', body, headers),
    get: (path) => request('GET', path),
    stop: async () => {
      await app.stop();
      await feishu.close();
      await llm.close();
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
