import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config, FeishuConfig } from './config.js';
import type { Logger } from './logger.js';
import { obtainRedis, producerConnection, workerConnection, type RedisHandle } from './redis.js';
import { PromptLibrary } from './llm/prompts.js';
import type { ChatModel } from './llm/chat-model.js';
import { OpenAIChatModel } from './llm/openai-chat-model.js';
import { OfflineChatModel } from './llm/offline-chat-model.js';
import { ConversationMemory } from './core/memory.js';
import { threadKey } from './core/message.js';
import type { Receiver } from './core/receiver.js';
import type { Replier } from './core/replier.js';
import { OFFLINE_NOTICE } from './core/texts.js';
import { MessageHandler } from './handler/handle.js';
import { conversationOf, defaultJobOptions, MESSAGE_QUEUE, type JobData } from './queue/jobs.js';
import { Enqueuer } from './queue/enqueue.js';
import { startMessageWorker } from './queue/worker.js';
import { createLarkClient, FeishuApi } from './feishu/api.js';
import { FeishuReplier } from './feishu/replier.js';
import { feishuReminderSender } from './feishu/reminder-sender.js';
import { FeishuIngest } from './feishu/enqueue-event.js';
import { LongConnectionReceiver, WebhookReceiver } from './feishu/receivers.js';
import { FeishuDocuments } from './feishu/documents.js';
import { ConsoleReplier } from './console/console-replier.js';
import { ConsoleReceiver, consoleReminderSender } from './console/console-receiver.js';
import type { HealthReport } from './http-server.js';
import { ReminderService, type SendFn } from './reminders/scheduler.js';
import { setCalendarLogger } from './reminders/calendar.js';
import { feishuTasks } from './feishu/reminder-tasks.js';

type Transport =
  | { kind: 'feishu'; feishu: FeishuConfig; api: FeishuApi; replier: Replier; sendReminder: SendFn }
  | { kind: 'console'; replier: ConsoleReplier; sendReminder: SendFn };

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
  const { feishu, llm } = config;
  const mode = feishu ? feishu.mode : 'console';
  const runsWorker = config.ROLE !== 'ingest';
  const runsIngest = config.ROLE !== 'worker';

  const model: ChatModel = llm
    ? new OpenAIChatModel({ apiKey: llm.apiKey, baseURL: llm.baseURL, model: llm.model, timeoutMs: llm.timeoutMs })
    : new OfflineChatModel();
  if (!llm) log.warn('OPENAI_API_KEY is not set: offline mode (template outlines, rule-based critique)');

  const closers: Array<() => Promise<unknown>> = [];
  const conn: Redis = workerConnection(redis.url);
  conn.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  closers.push(() => conn.quit().catch(() => undefined));

  // The transport: how answers and reminders go out; each renders its own way.
  let transport: Transport;
  if (feishu) {
    const api = new FeishuApi(createLarkClient({ appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain, log }));
    transport = { kind: 'feishu', feishu, api, replier: new FeishuReplier(api, conn, log, { prefix, throttleMs: o.streamThrottleMs }), sendReminder: feishuReminderSender(api) };
  } else {
    // The same object prints answers and tells the console receiver when one is done.
    transport = { kind: 'console', replier: new ConsoleReplier(o.stdout), sendReminder: consoleReminderSender(o.stdout) };
  }

  let worker: Worker<JobData> | undefined;
  let reminders: ReminderService | undefined;
  const calendarLog = log.child({ mod: 'calendar' });
  setCalendarLogger((obj, msg) => calendarLog.warn(obj, msg));
  if (runsWorker) {
    const tasks = transport.kind === 'feishu' && transport.feishu.tasks ? feishuTasks(transport.api, transport.feishu.domain) : undefined;
    const rs = new ReminderService({ connection: conn, prefix, timezone: config.BOT_TIMEZONE, send: transport.sendReminder, log: log.child({ mod: 'reminders' }), tasks });
    reminders = rs;
    rs.startWorker();
    closers.unshift(() => rs.close());

    const memory = new ConversationMemory(conn, { prefix, turns: config.HISTORY_TURNS, maxChars: config.HISTORY_MAX_CHARS, ttlSeconds: config.HISTORY_TTL_SECONDS });
    const documents = transport.kind === 'feishu' ? new FeishuDocuments(transport.api, { redis: conn, prefix }) : undefined;
    const handler = new MessageHandler({ replier: transport.replier, model, prompts, memory, log, timezone: config.BOT_TIMEZONE, reminders: rs, ...(documents ? { documents, cloudDocs: documents } : {}) });
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
      const rs = reminders;
      const tasks = !config.feishu?.tasks ? 'off'
        : rs ? await Promise.race([rs.taskStatus().catch(() => 'unknown'), new Promise<string>((r) => setTimeout(() => r('unknown'), 1000).unref())])
          : 'see worker';
      return { ok: redisOk && workerOk !== false, mode, redis: redisOk, worker: workerOk, llm: model.online ? model.name : 'offline', details: { tasks } };
    };

    let receiver: Receiver;
    if (transport.kind === 'console') {
      receiver = new ConsoleReceiver({
        enqueuer,
        replier: transport.replier,
        input: o.stdin,
        output: o.stdout,
        modelLine: model.online ? `模型：${model.name}` : OFFLINE_NOTICE,
        onClose: () => o.onConsoleClosed?.(),
      });
    } else {
      const { api, feishu } = transport;
      const ingest = new FeishuIngest({ api, enqueuer, log, maxAgeMs: config.MAX_EVENT_AGE_SECONDS * 1000 });
      const deps = { ingest, port: config.PORT, health, log };
      receiver = feishu.mode === 'webhook'
        ? new WebhookReceiver({ ...deps, encryptKey: feishu.encryptKey, verificationToken: feishu.verificationToken })
        : new LongConnectionReceiver({ ...deps, appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain });
    }
    await receiver.start();
    port = receiver.port;
    closers.unshift(() => receiver.stop());
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
