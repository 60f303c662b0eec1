// The fixture the e2e tests share: a bot process (src/main.ts) beside its fakes, all ended after each test.
import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { FakeFeishu } from './fake-feishu.js';
import type { FakeOpenAI } from './fake-openai.js';
import type { startPrivateRedis } from './redis.js';
import { spawnBot, type BotProcess } from './spawn.js';
import { VERIFICATION_TOKEN } from './events.js';

export interface BotFixture {
  bot?: BotProcess;
  feishu?: FakeFeishu;
  llm?: FakeOpenAI;
  /** A private redis-server (frozen by some tests; thawed before it stops). */
  redis?: Awaited<ReturnType<typeof startPrivateRedis>>;
}

/** Holds what a test starts; after each test the bot is killed if still running and the fakes are closed. */
export function useBotFixture(): BotFixture {
  const f: BotFixture = {};
  afterEach(async () => {
    if (f.bot && f.bot.proc.exitCode === null) f.bot.proc.kill('SIGKILL');
    f.redis?.proc.kill('SIGCONT');
    await f.redis?.stop();
    await f.feishu?.close();
    await f.llm?.close();
    f.bot = f.feishu = f.llm = f.redis = undefined;
  });
  return f;
}

/**
 * Start the bot in webhook mode against the fixture's fakes and wait until it says it started; `env` adds or
 * overrides variables. The process is in the fixture before the wait, so a bot that never starts is killed too.
 */
export async function startWebhookBot(f: BotFixture, o: { port: number; redisUrl: string }, env: Record<string, string> = {}): Promise<BotProcess> {
  if (!f.feishu || !f.llm) throw new Error('start the fake Feishu and the fake model first');
  const bot = spawnBot({
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
    FEISHU_APP_SECRET: 'secret_test',
    FEISHU_DOMAIN: f.feishu.url,
    FEISHU_MODE: 'webhook',
    FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
    PORT: String(o.port),
    REDIS_URL: o.redisUrl,
    REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: f.llm.url,
    OPENAI_MODEL: 'fake-model',
    LOG_LEVEL: 'info',
    ...env,
  });
  f.bot = bot;
  await bot.waitForLog((l) => l.msg === 'bigan started' && l.proc !== 'worker');
  // ROLE=all runs the worker in its own process: wait for it too, so /healthz is green and jobs run.
  if ((env.ROLE ?? 'all') === 'all' && (env.WORKER_ISOLATION ?? 'process') !== 'none') {
    await bot.waitForLog((l) => l.msg === 'bigan started' && l.proc === 'worker');
  }
  return bot;
}

/** POST an event to the bot's webhook as Feishu would. */
export function postEvent(port: number, event: object): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json' } });
}
