import type { Server } from 'node:http';
import { Queue, type Worker } from 'bullmq';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { obtainRedis, producerConnection, workerConnection, type RedisHandle } from './redis.js';
import { PromptLibrary } from './llm/prompts.js';
import type { ChatModel } from './llm/chat-model.js';
import { OpenAIChatModel } from './llm/openai-chat-model.js';
import { OfflineChatModel } from './llm/offline-chat-model.js';
import { ConversationMemory } from './core/memory.js';
import { MessageHandler } from './handler/handle.js';
import { threadKey } from './core/message.js';
import type { Replier } from './core/replier.js';
import { OFFLINE_NOTICE } from './core/texts.js';
import { conversationOf, defaultJobOptions, MESSAGE_QUEUE, type JobData } from './queue/jobs.js';
import { Enqueuer } from './queue/enqueue.js';
import { startMessageWorker } from './queue/worker.js';
import { createLarkClient, FeishuApi, larkLogger } from './feishu/api.js';
import { FeishuReplier } from './feishu/replier.js';
import { feishuReminderSender } from './feishu/reminder-sender.js';
import { FeishuIngest } from './feishu/enqueue-event.js';
import { handleWebhook } from './feishu/webhook.js';
import { ConsoleReplier } from './console/console-replier.js';
import { runConsoleChat } from './console/console-chat.js';
import { startHttpServer, type HealthReport } from './http-server.js';
import { ReminderService, type SendFn } from './reminders/scheduler.js';

export interface App {
  mode: 'ws' | 'webhook' | 'console';
  /** The HTTP port actually bound (healthz, webhook). */
  port?: number;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  log: Logger;
  /** Console mode I/O (tests pass their own streams). */
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
  /** Called when the console input ends and every message was answered. */
  onConsoleClosed?: () => void;
  /** Throttle of streamed card updates. */
  streamThrottleMs?: number;
}

/** The composition root: builds every adapter from the config and starts the roles asked for. */
export async function startApp(o: AppOptions): Promise<App> {
  const { config, log } = o;
  const prompts = PromptLibrary.load();
  const redis: RedisHandle = await obtainRedis(config.REDIS_URL, log);
  const prefix = config.REDIS_PREFIX;
  const mode = config.feishuEnabled ? config.FEISHU_MODE : 'console';
  const runsWorker = config.ROLE !== 'ingest';
  const runsIngest = config.ROLE !== 'worker';

  const model: ChatModel = config.llmEnabled
    ? new OpenAIChatModel({ apiKey: config.OPENAI_API_KEY!, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.OPENAI_TIMEOUT_MS })
    : new OfflineChatModel();
  if (!config.llmEnabled) log.warn('OPENAI_API_KEY is not set: offline mode (template outlines, rule-based critique)');

  const closers: Array<() => Promise<unknown>> = [];
  const conn: Redis = workerConnection(redis.url);
  conn.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  closers.push(() => conn.quit().catch(() => undefined));

  const api = config.feishuEnabled
    ? new FeishuApi(createLarkClient({ appId: config.FEISHU_APP_ID!, appSecret: config.FEISHU_APP_SECRET!, domain: config.FEISHU_DOMAIN, log }))
    : undefined;
  // Console mode: the same object prints answers and tells the console chat when one is done.
  const consoleReplier = api ? undefined : new ConsoleReplier(o.stdout);

  let worker: Worker<JobData> | undefined;
  if (runsWorker) {
    const replier: Replier = api ? new FeishuReplier(api, conn, log, { prefix, throttleMs: o.streamThrottleMs }) : consoleReplier!;
    // Reminders go where they were set: into the thread (reply to its root) or the chat.
    const sendReminder: SendFn = api
      ? feishuReminderSender(api)
      : (_target, text) => {
        (o.stdout ?? process.stdout).write(`\n笔杆子> ${text.replace(/<at user_id="[^"]*"><\/at>\s*/g, '')}\n\n`);
        return Promise.resolve();
      };
    const reminders = new ReminderService({ connection: conn, prefix, timezone: config.BOT_TIMEZONE, send: sendReminder, log: log.child({ mod: 'reminders' }) });
    reminders.startWorker();
    closers.unshift(() => reminders.close());

    const memory = new ConversationMemory(conn, { prefix, turns: config.HISTORY_TURNS, maxChars: config.HISTORY_MAX_CHARS, ttlSeconds: config.HISTORY_TTL_SECONDS });
    const handler = new MessageHandler({ replier, model, prompts, memory, log, timezone: config.BOT_TIMEZONE, reminders });
    worker = startMessageWorker({
      connection: conn,
      prefix,
      concurrency: config.WORKER_CONCURRENCY,
      lockMs: config.WORKER_LOCK_MS,
      log,
      handle: (data, ctx) => handler.handle(data, ctx),
      onFinalFailure: (data, jobId, err) => handler.onFinalFailure(data, jobId, err),
      serialKey: (data) => threadKey(conversationOf(data)),
    });
    const w = worker;
    closers.unshift(() => closeWorker(w, log));
  }

  let port: number | undefined;
  if (runsIngest) {
    const producer = producerConnection(redis.url);
    producer.on('error', (err) => log.warn({ err: err.message }, 'redis producer connection error'));
    const queue = new Queue<JobData>(MESSAGE_QUEUE, { connection: producer, prefix, defaultJobOptions: defaultJobOptions({ attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS }) });
    queue.on('error', (err) => log.warn({ err: err.message }, 'queue error'));
    const enqueuer = new Enqueuer(queue);
    closers.push(() => queue.close(), () => producer.quit().catch(() => undefined));

    const health = async (): Promise<HealthReport> => {
      // The worker connection queues commands while Redis is away; do not wait on it forever.
      const redisOk = await Promise.race([conn.ping().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref())]);
      const workerOk = worker ? worker.isRunning() : 'not-in-this-process';
      return { ok: redisOk && workerOk !== false, mode, redis: redisOk, worker: workerOk, llm: model.online ? model.name : 'offline' };
    };

    if (mode === 'console') {
      process.stdout.write(`笔杆子 控制台模式：未配置飞书凭证（FEISHU_APP_ID / FEISHU_APP_SECRET），在此直接对话；消息同样经队列和工作进程处理。${model.online ? `模型：${model.name}` : OFFLINE_NOTICE}\n输入内容后回车（粘贴多行会合并为一条），Ctrl+D 退出。\n\n`);
      runConsoleChat({ enqueuer, replier: consoleReplier!, input: o.stdin, output: o.stdout, onClose: () => o.onConsoleClosed?.() });
    } else {
      const ingest = new FeishuIngest({ api: api!, enqueuer, log, maxAgeMs: config.MAX_EVENT_AGE_SECONDS * 1000 });
      let server: Server;
      if (mode === 'webhook') {
        if (!config.FEISHU_VERIFICATION_TOKEN && !config.FEISHU_ENCRYPT_KEY) log.warn('webhook mode without FEISHU_VERIFICATION_TOKEN or FEISHU_ENCRYPT_KEY: requests cannot be authenticated');
        const dispatcher = ingest.dispatcher();
        server = await startHttpServer({
          port: config.PORT,
          log,
          health,
          webhook: (body, headers) => handleWebhook(body, headers, { dispatcher, encryptKey: config.FEISHU_ENCRYPT_KEY, verificationToken: config.FEISHU_VERIFICATION_TOKEN, log }),
        });
      } else {
        server = await startHttpServer({ port: config.PORT, log, health });
        const ws = new lark.WSClient({ appId: config.FEISHU_APP_ID!, appSecret: config.FEISHU_APP_SECRET!, domain: config.FEISHU_DOMAIN, loggerLevel: lark.LoggerLevel.warn, logger: larkLogger(log) });
        await ws.start({ eventDispatcher: ingest.dispatcher() });
        closers.unshift(() => Promise.resolve(ws.close()));
      }
      port = (server.address() as { port: number }).port;
      closers.unshift(() => new Promise((r) => server.close(() => r(undefined))));
      // Fetch the bot identity now so a wrong app id/secret shows at start, not at the first message.
      ingest.botIdentity().then(
        (b) => log.info({ botOpenId: b.openId }, 'bot identity loaded'),
        (err: unknown) => log.error({ err }, 'could not read the bot identity (GET /open-apis/bot/v3/info): check FEISHU_APP_ID / FEISHU_APP_SECRET / FEISHU_DOMAIN'),
      );
    }
  }

  log.info({ mode, role: config.ROLE, llm: model.online ? model.name : 'offline', redis: redis.origin, port }, 'bigan started');
  closers.push(() => redis.stop());
  let stopping: Promise<void> | undefined;
  return {
    mode,
    port,
    stop: () => {
      stopping ??= (async () => {
        for (const c of closers) await c().catch((err: unknown) => log.warn({ err }, 'shutdown step failed'));
      })();
      return stopping;
    },
  };
}

/** Let active jobs finish, but not forever: cut-off jobs become stalled and are retried elsewhere. */
async function closeWorker(worker: Worker, log: Logger, graceMs = 10_000): Promise<void> {
  const timer = setTimeout(() => {
    log.warn('worker did not drain in time; cancelling active jobs');
    worker.cancelAllJobs('shutdown');
    void worker.close(true);
  }, graceMs);
  await worker.close();
  clearTimeout(timer);
}
