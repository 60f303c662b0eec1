import { DelayedError, Queue, UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config, FeishuConfig } from './config.js';
import type { Logger } from './logger.js';
import { claimPrefix, obtainRedis, producerConnection, workerConnection, type RedisHandle } from './redis.js';
import { PromptLibrary } from './llm/prompts.js';
import type { ChatModel } from './llm/chat-model.js';
import { threadKey } from './core/message.js';
import type { Receiver } from './core/receiver.js';
import { OFFLINE_NOTICE } from './core/texts.js';
import { messageNeedsModel } from './handler/routes.js';
import { conversationOf, defaultJobOptions, DRAFT_EXPIRY_JOB, MESSAGE_QUEUE, REMINDER_QUEUE, type JobData } from './queue/jobs.js';
import { releaseDeadWorkerJobs } from './queue/recover.js';
import { Enqueuer } from './queue/enqueue.js';
import { Admission, type AdmissionOptions } from './queue/admission.js';
import { Metrics } from './metrics.js';
import { AuditLog, type AuditRecord } from './stores/audit.js';
import { Forgetting } from './privacy/forget.js';
import { VerdictStore } from './stores/verdicts.js';
import { alarmingRules, countByRule } from './report/verdicts.js';
import { monthOf, parseFindings, UNKNOWN_DEPARTMENT, usageSummary } from './core/usage.js';
import { feishuDepartments, noDepartments } from './feishu/departments.js';
import type { UsageReport } from './admin.js';
import { feishuTasks } from './feishu/reminder-tasks.js';
import type { Writer } from './flows/writer.js';
import { createLarkClient, FeishuApi } from './feishu/api.js';
import { FeishuReplier } from './feishu/replier.js';
import { feishuReminderSender } from './feishu/reminder-sender.js';
import { FeishuIngest } from './feishu/enqueue-event.js';
import { LongConnectionReceiver, WebhookReceiver } from './feishu/receivers.js';
import type { SandboxedParser } from './documents/sandbox.js';
import type { FileQuarantine } from './stores/quarantine.js';
import type { ConsoleReplier } from './console/console-replier.js';
import { startHttpServer, type HealthReport } from './http-server.js';
import type { EarlyServer } from './early-http.js';
import type { ReminderService } from './reminders/service/index.js';
import type { SendFn } from './core/reminders.js';
import { calendarSource, setArrangements } from './reminders/calendar.js';
import { loadArrangements } from './reminders/service/holiday-files.js';
import { clockOf, type Clock } from './core/clock.js';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import { superviseWorker, type WorkerIds, type WorkerSupervisor } from './worker-process.js';

/** What ingest knows of the model: its name, and whether it is online. */
type ModelInfo = Pick<ChatModel, 'name' | 'online'>;

type Transport =
  | { kind: 'feishu'; feishu: FeishuConfig; api: FeishuApi; replier: FeishuReplier; sendReminder: SendFn }
  | { kind: 'console'; replier: ConsoleReplier; sendReminder: SendFn };

export interface App {
  mode: 'ws' | 'webhook' | 'console';
  /** The HTTP port actually bound (healthz, webhook). */
  port?: number;
  health(): Promise<HealthReport>;
  /** This process's metrics (prom-client JSON), for a supervisor to merge. */
  metricsJson(): Promise<unknown>;
  /** Resolves once this process has no streamed card update pending (none in console mode). */
  cardUpdatesSettled(): Promise<void>;
  /** The BullMQ workers this process runs, by queue (a supervised worker announces them). */
  workers(): WorkerIds;
  stop(): Promise<void>;
}

/** A worker process started before the app (main.ts); `onDied` tells it how to release a dead worker's jobs. */
export interface EarlyWorker {
  supervisor: WorkerSupervisor;
  onDied(f: (dead: WorkerIds) => Promise<void>): void;
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
  /**
   * The entry point to start again as the worker (main.ts). Given, ROLE=all with Feishu runs only
   * ingest in this process and the worker apart (WORKER_ISOLATION), so acks never wait behind it.
   */
  workerEntry?: string;
  /** This process is such a worker: no HTTP server, and the supervisor reports queue depth. */
  supervised?: boolean;
  /** The HTTP port main.ts opened before loading the app: the app's server takes it over. */
  early?: EarlyServer;
  /** ROLE=all: the worker main.ts started already, in parallel with this start (it adopts it instead of starting one). */
  worker?: EarlyWorker;
  /** The app's one “now” (core/clock.ts): reminders, the calendar, periods, drafting; tests pin it. Default: the system clock. */
  clock?: Clock | (() => number);
}

const PACKAGE_CALENDAR = `chinese-days ${(createRequire(import.meta.url)('chinese-days/package.json') as { version: string }).version}`;

/** Where each year in use (this one, the next, any loaded) takes its holidays from, for /healthz. */
function calendarDetails(now: number, tz: string): Record<string, string> {
  const year = DateTime.fromMillis(now, { zone: tz }).year;
  const out: Record<string, string> = {};
  for (let y = year - 1; y <= year + 2; y++) {
    const c = calendarSource(y);
    if (c.source === 'loaded') out[y] = `file ${c.origin ?? ''}`;
    else if (y >= year) out[y] = c.source === 'package' ? PACKAGE_CALENDAR : 'rule (全国年节及纪念日放假办法; 调休 not published)';
  }
  return out;
}

/** What the builders share: the config, the log, the Redis connection and prefix, metrics, and the shutdown steps. */
interface Base {
  o: AppOptions;
  config: Config;
  log: Logger;
  redis: RedisHandle;
  conn: Redis;
  prefix: string;
  mode: App['mode'];
  metrics: Metrics;
  shutdown: Shutdown;
  /** The app's one “now”. */
  clock: Clock;
}

/** The composition root: builds every adapter from the config and starts the roles asked for. */
export async function startApp(o: AppOptions): Promise<App> {
  const { config, log } = o;
  // Official arrangements first: a bad line stops the start, naming the file and line.
  setArrangements(config.HOLIDAY_PATH ? loadArrangements(config.HOLIDAY_PATH) : []);
  const prompts = PromptLibrary.load();
  const mode = config.feishu ? config.feishu.mode : 'console';
  const apart = config.ROLE === 'all' && mode !== 'console' && o.workerEntry && config.WORKER_ISOLATION !== 'none' ? { entry: o.workerEntry, isolation: config.WORKER_ISOLATION } : undefined;
  const metrics = new Metrics();
  // Ingest apart from its worker never calls the model: it only names it (/healthz, the start line).
  const fullModel = apart ? undefined : await buildModel(config, metrics, log);
  const model: ModelInfo = fullModel ?? { online: Boolean(config.llm), name: config.llm?.model ?? 'offline' };
  const base = await buildStores(o, mode, metrics);
  const { conn, shutdown } = base;
  const statsQueue = watchQueue(base);
  const supervisor = apart ? superviseApart(base, apart, o.worker) : undefined;
  const transport = await buildTransport(base);
  const { audit, forgetting, verdicts, usage } = buildRecords(base, transport);
  const httpExtras = {
    metrics: async () => {
      const theirs = await supervisor?.ask('metrics', 1000);
      return { contentType: metrics.registry.contentType, body: theirs ? await metrics.merged([theirs]) : await metrics.registry.metrics() };
    },
    // Loaded only when turned on: Bull Board and Express cost about 20 MB in every process otherwise.
    // The port main.ts opened before this app loaded (/healthz answered “starting” meanwhile).
    ...(o.early ? { server: o.early } : {}),
    admin: config.ADMIN_TOKEN && !o.supervised ? (await import('./admin.js')).adminHandler([statsQueue], config.ADMIN_TOKEN, { audit, verdicts, usage, purge: (t) => (t.user ? forgetting.forgetUser(t.user, { by: 'operator' }) : forgetting.purgeChat(t.chat!)) }) : undefined,
  };
  const workers = config.ROLE !== 'ingest' && fullModel ? await startWorkers(base, transport, fullModel, prompts, { audit, forgetting, verdicts, usage }) : undefined;
  const health = healthCheck(base, model, workers, supervisor, verdicts);

  let port: number | undefined;
  if (config.ROLE === 'worker' && !o.supervised) port = await serveHealthOnly(base, health, httpExtras);
  if (config.ROLE !== 'worker') port = await startReceiver(base, transport, model, health, httpExtras);

  log.info({ mode, role: config.ROLE, llm: model.online ? model.name : 'offline', redis: base.redis.origin, port }, 'bigan started');
  shutdown.last(() => conn.quit().catch(() => undefined), () => base.redis.stop());
  return {
    mode,
    port,
    health,
    metricsJson: () => metrics.registry.getMetricsAsJSON(),
    cardUpdatesSettled: () => (transport.kind === 'feishu' ? transport.replier.updatesSettled() : Promise.resolve()),
    workers: (): WorkerIds => (workers ? { [REMINDER_QUEUE]: [workers.reminderWorkerId], [MESSAGE_QUEUE]: workers.messageWorkers.map((w) => w.id) } : {}),
    stop: () => {
      supervisor?.stopping();
      return shutdown.run();
    },
  };
}

/** Who writes reports and critique commentary: the model with a key, the templates and rules without. Asked here only. */
async function buildWriter(config: Config): Promise<Writer> {
  const { MODEL_WRITER, RULES_WRITER } = await import('./flows/drafting/writers.js');
  return config.llm ? MODEL_WRITER : RULES_WRITER;
}

/** The model: the OpenAI-compatible adapter, or the offline templates without a key; metered and capped (MODEL_CONCURRENCY). */
async function buildModel(config: Config, metrics: Metrics, log: Logger): Promise<ChatModel> {
  const { llm } = config;
  // Loaded here, not at the top: an ingest process never needs the model's SDK (issue 25 item 3).
  const [{ OpenAIChatModel }, { OfflineChatModel }, { GuardedChatModel }, { MeteredChatModel }] = await Promise.all([
    import('./llm/openai-chat-model.js'), import('./llm/offline-chat-model.js'), import('./llm/guarded-chat-model.js'), import('./llm/metered-chat-model.js'),
  ]);
  // The online model sees masked personal data and its answers pass the output guard (issue 26).
  const baseModel: ChatModel = llm
    ? new GuardedChatModel(new OpenAIChatModel({
      apiKey: llm.apiKey, baseURL: llm.baseURL, model: llm.model, timeoutMs: llm.timeoutMs,
      onUsage: (u) => {
        metrics.modelTokens.inc({ kind: 'prompt' }, u.prompt);
        metrics.modelTokens.inc({ kind: 'completion' }, u.completion);
      },
    }), { maskPii: config.PII_MASKING, log })
    : new OfflineChatModel();
  if (!llm) log.warn('OPENAI_API_KEY is not set: offline mode (template outlines, rule-based critique)');
  // Concurrent model requests are capped apart from concurrent jobs (MODEL_CONCURRENCY).
  return new MeteredChatModel(baseModel, {
    maxConcurrent: config.MODEL_CONCURRENCY,
    meter: {
      started: () => metrics.modelInFlight.inc(),
      firstToken: (secs) => metrics.modelFirstToken.observe(secs),
      ended: (outcome, secs) => {
        metrics.modelInFlight.dec();
        metrics.modelDuration.observe({ outcome }, secs);
      },
    },
  });
}

/** Redis (given, local or spawned), the worker connection, and this app's claim on its prefix. */
async function buildStores(o: AppOptions, mode: App['mode'], metrics: Metrics): Promise<Base> {
  const { config, log } = o;
  const redis = await obtainRedis(config.redis, log);
  // A console chat left running beside a deployed bot must not share its queue.
  const prefix = mode === 'console' ? `${config.REDIS_PREFIX}-console` : config.REDIS_PREFIX;
  const shutdown = new Shutdown(config.SHUTDOWN_GRACE_MS, log);
  const conn: Redis = workerConnection(redis.target);
  conn.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  try {
    shutdown.last(await claimPrefix(conn, prefix, config.feishu?.appId ?? 'console'));
  } catch (err) {
    conn.disconnect();
    await redis.stop();
    throw err;
  }
  return { o, config, log, redis, conn, prefix, mode, metrics, shutdown, clock: clockOf(o.clock) };
}

/** Queue depth for /metrics and the admin board, in every role. */
function watchQueue(b: Base): Queue<JobData> {
  const statsQueue = new Queue<JobData>(MESSAGE_QUEUE, { connection: b.conn, prefix: b.prefix });
  statsQueue.on('error', (err) => b.log.warn({ err: err.message }, 'queue error'));
  b.shutdown.last(() => statsQueue.close());
  if (!b.o.supervised) b.metrics.watchQueue(statsQueue);
  return statsQueue;
}

/** ROLE=all with Feishu: the worker runs apart, with this process's settings and the Redis it resolved (maybe one it spawned). */
function superviseApart(b: Base, apart: { entry: string; isolation: 'process' | 'thread' }, early?: EarlyWorker): WorkerSupervisor {
  // When the worker dies, its active jobs are released at once for the restarted worker (issue 25 item 6).
  const onDied = async (dead: WorkerIds) => {
    for (const [queue, ids] of Object.entries(dead)) {
      const n = await releaseDeadWorkerJobs(b.conn, b.prefix, queue, ids);
      if (n) b.log.warn({ queue, jobs: n }, 'released the dead worker\'s active jobs for the restarted worker');
    }
  };
  early?.onDied(onDied);
  const s = early?.supervisor ?? superviseWorker({ ...apart, nice: b.config.WORKER_NICE, onDied, env: { ...process.env, ROLE: 'worker', ...(b.redis.target.kind === 'single' ? { REDIS_URL: b.redis.target.url } : {}) }, log: b.log });
  b.shutdown.first(() => s.stop(Math.max(250, b.shutdown.left() - 500)));
  return s;
}

/** The transport: how answers and reminders go out; each renders its own way. */
async function buildTransport(b: Base): Promise<Transport> {
  const { config, log, metrics, o } = b;
  const feishu = config.feishu;
  if (!feishu) {
    const [{ ConsoleReplier }, { consoleReminderSender }] = await Promise.all([import('./console/console-replier.js'), import('./console/console-receiver.js')]);
    // The same object prints answers and tells the console receiver when one is done.
    return { kind: 'console', replier: new ConsoleReplier(o.stdout), sendReminder: consoleReminderSender(o.stdout) };
  }
  const api = new FeishuApi(createLarkClient({ appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain, log, httpTimeoutMs: config.FEISHU_HTTP_TIMEOUT_MS }), {
    onError: (op, code) => metrics.feishuErrors.inc({ op, code }),
    onSent: (msgType) => metrics.repliesSent.inc({ msg_type: msgType }),
  });
  return { kind: 'feishu', feishu, api, replier: new FeishuReplier(api, b.conn, log, { prefix: b.prefix, throttleMs: o.streamThrottleMs }), sendReminder: feishuReminderSender(api) };
}

interface Workers {
  reminderWorkerId: string;
  messageWorkers: Array<Worker<JobData>>;
  reminders: ReminderService;
}

/** The worker role: the reminder service and the message worker with its handler. */
async function startWorkers(b: Base, transport: Transport, model: ChatModel, prompts: PromptLibrary, records: Records): Promise<Workers> {
  const { config, log, conn, prefix, metrics } = b;
  // The worker's modules load only where a worker runs: an ingest process stays lean (issue 25 item 3).
  const [{ ReminderService }, { ConversationMemory }, { FeishuDocuments }, { MessageHandler }, { KeptAnswers }, { ThreadOwners }, { startMessageWorkers }, { SandboxedParser }, { FileQuarantine }] = await Promise.all([
    import('./reminders/service/index.js'), import('./stores/memory.js'), import('./feishu/documents.js'), import('./handler/handle.js'),
    import('./llm/kept-answers.js'), import('./flows/thread-owner.js'), import('./queue/worker.js'), import('./documents/sandbox.js'), import('./stores/quarantine.js'),
  ]);
  const [{ ReviewStore }, { LedgerStore }, { DraftExpiry }, { expiryNotice }, { ledgerDigest: ledgerDigestText }, writer] = await Promise.all([
    import('./flows/review-store.js'), import('./documents/ledger-store.js'), import('./privacy/draft-expiry.js'), import('./flows/drafting/expiry.js'), import('./report/material/entry.js'), buildWriter(config),
  ]);
  const tasks = transport.kind === 'feishu' && transport.feishu.tasks ? feishuTasks(transport.api, transport.feishu.domain) : undefined;
  // A draft's expiry warning (issue 26) rides on the reminder queue and its worker.
  const expiry = new DraftExpiry(conn, { prefix, ttlDays: config.DRAFT_TTL_DAYS, warningDays: config.DRAFT_EXPIRY_WARNING_DAYS, now: () => b.clock.now() });
  b.shutdown.last(() => expiry.close());
  const otherJobs = { [DRAFT_EXPIRY_JOB]: expiry.process(expiryNotice(transport.replier, { timezone: config.BOT_TIMEZONE, ttlDays: config.DRAFT_TTL_DAYS })) };
  const ledger = new LedgerStore(conn, `${prefix}:`);
  // A 记台账 reminder posts the chat's 台账 up to the fire's day (the fire's ISO carries the bot's zone).
  const ledgerDigest = async (chatId: string, fireAt: string) => ledgerDigestText(await ledger.list(chatId, { to: fireAt.slice(0, 10) }), fireAt.slice(0, 10));
  const reminders = new ReminderService({ connection: conn, prefix, timezone: config.BOT_TIMEZONE, send: transport.sendReminder, log: log.child({ mod: 'reminders' }), tasks, concurrency: config.REMINDER_CONCURRENCY, clock: () => b.clock.now(), otherJobs, ledgerDigest });
  const reminderWorkerId = reminders.startWorker().id;
  b.shutdown.first(() => reminders.close());

  const memory = new ConversationMemory(conn, { prefix, turns: config.HISTORY_TURNS, maxChars: config.HISTORY_MAX_CHARS, ttlSeconds: config.HISTORY_TTL_SECONDS, draftTtlSeconds: config.DRAFT_TTL_DAYS * 86_400, onStateSaved: (c) => expiry.schedule(c) });
  const documents = transport.kind === 'feishu' ? new FeishuDocuments(transport.api, { redis: conn, prefix, maxFileBytes: config.DOC_MAX_FILE_MB * MB }) : undefined;
  const parser = documents ? documentParser(config, conn, prefix, log, metrics, SandboxedParser, FileQuarantine) : undefined;
  // The console's banner already says the bot is offline; Feishu answers say it each time.
  const handler = new MessageHandler({ replier: transport.replier, model, writer, prompts, memory, log, timezone: config.BOT_TIMEZONE, reminders, now: () => new Date(b.clock.now()), restrictedMarkings: config.RESTRICTED_MARKINGS, answers: new KeptAnswers(conn, { prefix }), owners: new ThreadOwners(conn, { prefix, ttlSeconds: config.HISTORY_TTL_SECONDS }), ...(documents && parser ? { documents, parser, cloudDocs: documents, comments: documents } : {}), offlineNoticeShown: transport.kind === 'console', aiLabelFooter: config.AI_LABEL_FOOTER, audit: records.audit, forget: records.forgetting, draftTtlDays: config.DRAFT_TTL_DAYS, reviews: new ReviewStore(conn, { prefix, ttlSeconds: config.DRAFT_TTL_DAYS * 86_400 }), ledger, verdicts: records.verdicts, draftConcurrency: { sections: config.DRAFT_CONCURRENCY, ...(config.DRAFT_PART_CHARS ? { partChars: config.DRAFT_PART_CHARS } : {}) } });
  const workers = startMessageWorkers({
    connection: conn,
    prefix,
    concurrency: config.WORKER_CONCURRENCY,
    lockMs: config.WORKER_LOCK_MS,
    log,
    handle: (data, ctx) => handler.handle(data, ctx),
    onFinalFailure: (data, jobId, err) => handler.onFinalFailure(data, jobId, err),
    serialKey: (data) => threadKey(conversationOf(data)),
    logContext: (data) => ({ messageId: conversationOf(data).messageId, chatId: conversationOf(data).chatId }),
  });
  b.shutdown.first(() => Promise.all(workers.map((w) => closeWorker(w, log, config.SHUTDOWN_GRACE_MS))));
  for (const w of workers) releaseOnEnd(b, w);
  return { messageWorkers: workers, reminders, reminderWorkerId };
}

/** A job that ended no longer counts against its user's queued-jobs cap; job durations for /metrics. */
function releaseOnEnd(b: Base, w: Worker<JobData>): void {
  const queuedCap = new Admission(b.conn, admissionOptions(b.config));
  const release = (job: Job<JobData> | undefined) => {
    if (job?.id) queuedCap.release(conversationOf(job.data).senderOpenId, job.id).catch(() => undefined);
  };
  const took = (job: Job<JobData>) => (job.finishedOn && job.processedOn ? (job.finishedOn - job.processedOn) / 1000 : 0);
  w.on('completed', (job) => {
    release(job);
    b.metrics.jobDuration.observe({ name: job.name, outcome: 'completed' }, took(job));
  });
  w.on('failed', (job, err) => {
    if (!job || err instanceof DelayedError) return;
    b.metrics.jobDuration.observe({ name: job.name, outcome: 'failed' }, took(job));
    if (err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1)) release(job);
  });
}

/** /healthz: Redis, the worker (here or over IPC), the model, Feishu tasks. */
function healthCheck(b: Base, model: ModelInfo, workers: Workers | undefined, supervisor: WorkerSupervisor | undefined, verdicts?: VerdictStore): () => Promise<HealthReport> {
  const { config, conn, mode } = b;
  // A probe reads every stored verdict only when they changed since the last probe (two cheap reads otherwise).
  let seen: { stamp: string; alarms: ReturnType<typeof alarmingRules> } | undefined;
  const verdictAlarms = async (store: VerdictStore, level: { share: number; min: number }) => {
    const stamp = await store.stamp();
    if (seen?.stamp !== stamp) seen = { stamp, alarms: alarmingRules(countByRule(await store.list()), level) };
    return seen.alarms;
  };
  return async () => {
    // The worker connection queues commands while Redis is away; do not wait on it forever.
    const redisOk = await Promise.race([conn.ping().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref())]);
    const theirs = supervisor ? ((await supervisor.ask('health', 1500)) as HealthReport | undefined) : undefined;
    // A worker on its first start is not a failure: ingest takes events and queues them meanwhile.
    const workerOk = workers ? workers.messageWorkers.every((w) => w.isRunning()) : supervisor ? theirs?.worker === true || (supervisor.starting() ? 'starting' as const : false) : 'not-in-this-process';
    const rs = workers?.reminders;
    const tasks = !config.feishu?.tasks ? 'off'
      : rs ? await Promise.race([rs.taskStatus().catch(() => 'unknown'), new Promise<string>((r) => setTimeout(() => r('unknown'), 1000).unref())])
        : supervisor ? theirs?.details?.tasks ?? 'unknown' : 'see worker';
    // Rules the writers keep marking 误报 (issue 24 item 6): a signal to tune them, not a failure.
    const level = { share: config.VERDICT_ALARM_SHARE, min: config.VERDICT_ALARM_MIN };
    const alarms = verdicts && redisOk ? await Promise.race([verdictAlarms(verdicts, level), new Promise<'unknown'>((r) => setTimeout(() => r('unknown'), 1000).unref())]).catch(() => 'unknown' as const) : undefined;
    return { ok: redisOk && workerOk !== false, mode, redis: redisOk, worker: workerOk, llm: model.online ? model.name : 'offline', details: { tasks, calendar: calendarDetails(b.clock.now(), config.BOT_TIMEZONE), ...(alarms ? { verdicts: { ...level, alarms } } : {}) } };
  };
}

/** What every HTTP server of the app serves besides its own routes: merged metrics and the admin board. */
type HttpExtras = Pick<Parameters<typeof startHttpServer>[0], 'metrics' | 'admin' | 'server'>;

/** ROLE=worker: /healthz, /metrics and the admin board only. */
async function serveHealthOnly(b: Base, health: () => Promise<HealthReport>, http: HttpExtras): Promise<number> {
  const server = await startHttpServer({ port: b.config.PORT, log: b.log, health, ...http });
  b.shutdown.first(() => new Promise((r) => server.close(() => r(undefined))));
  return (server.address() as { port: number }).port;
}

/** The ingest role: the producer queue and the receiver (console, long connection or webhook) with admission. */
async function startReceiver(b: Base, transport: Transport, model: ModelInfo, health: () => Promise<HealthReport>, http: HttpExtras): Promise<number | undefined> {
  const { config, log, o, prefix, metrics } = b;
  const producer = producerConnection(b.redis.target, config.REDIS_COMMAND_TIMEOUT_MS);
  producer.on('error', (err) => log.warn({ err: err.message }, 'redis producer connection error'));
  const queue = new Queue<JobData>(MESSAGE_QUEUE, { connection: producer, prefix, defaultJobOptions: defaultJobOptions({ attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS }) });
  queue.on('error', (err) => log.warn({ err: err.message }, 'queue error'));
  const enqueuer = new Enqueuer(queue, producer);
  b.shutdown.last(() => queue.close(), () => producer.quit().catch(() => undefined));

  let receiver: Receiver;
  if (transport.kind === 'console') {
    const { ConsoleReceiver } = await import('./console/console-receiver.js');
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
    const admission = new Admission(producer, { ...admissionOptions(config), ready: () => queue.waitUntilReady(), onRefusal: (reason) => metrics.refusals.inc({ reason }) });
    const ingest = new FeishuIngest({ api, enqueuer, log, admission, needsModel: (m) => messageNeedsModel(m.payload, { timezone: config.BOT_TIMEZONE, now: new Date(b.clock.now()) }), maxAgeMs: config.MAX_EVENT_AGE_SECONDS * 1000, cardActionMaxAgeMs: config.CARD_ACTION_MAX_AGE_SECONDS * 1000 });
    const deps = { ingest, port: config.PORT, health, log, http };
    receiver = feishu.mode === 'webhook'
      ? new WebhookReceiver({ ...deps, encryptKey: feishu.encryptKey, verificationToken: feishu.verificationToken, maxSkewSeconds: config.WEBHOOK_MAX_SKEW_SECONDS })
      : new LongConnectionReceiver({ ...deps, appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain, httpTimeoutMs: config.FEISHU_HTTP_TIMEOUT_MS });
  }
  await receiver.start();
  b.shutdown.first(() => receiver.stop());
  return receiver.port;
}

/**
 * The shutdown steps, in order: what must stop first (receiver, workers, the supervised worker) is put
 * at the front, connections at the back. Each step is bounded: an unreachable Redis or Feishu must not
 * keep the process alive.
 */
class Shutdown {
  private readonly steps: Array<() => Promise<unknown>> = [];
  private deadline = Infinity;
  private running?: Promise<void>;

  constructor(private readonly graceMs: number, private readonly log: Logger) {}

  first(step: () => Promise<unknown>): void {
    this.steps.unshift(step);
  }

  last(...steps: Array<() => Promise<unknown>>): void {
    this.steps.push(...steps);
  }

  /** Milliseconds left before the shutdown deadline (Infinity before shutdown starts). */
  left(): number {
    return this.deadline - Date.now();
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      this.deadline = Date.now() + this.graceMs + 2000;
      for (const step of this.steps) await bounded(step(), Math.max(250, this.left())).catch((err: unknown) => this.log.warn({ err }, 'shutdown step failed'));
    })();
    return this.running;
  }
}

const MB = 1024 * 1024;

/** Files are read in a parser process per file, under the DOC_* limits; crashed files are quarantined for a week. */
function documentParser(config: Config, conn: Redis, prefix: string, log: Logger, metrics: Metrics, Parser: typeof SandboxedParser, Quarantine: typeof FileQuarantine): SandboxedParser {
  const plog = log.child({ mod: 'documents' });
  return new Parser({
    limits: {
      maxUnzippedBytes: config.DOC_MAX_UNZIPPED_MB * MB,
      maxPartBytes: config.DOC_MAX_PART_MB * MB,
      maxZipParts: config.DOC_MAX_ZIP_PARTS,
      maxPdfPages: config.DOC_MAX_PDF_PAGES,
      maxChars: config.DOC_MAX_CHARS,
      maxScanPages: config.OCR_MAX_PDF_PAGES,
      scanBudgetMs: Math.floor(config.DOC_PARSE_TIMEOUT_MS / 2),
    },
    heapMb: config.DOC_PARSER_HEAP_MB,
    maxRssMb: config.DOC_PARSER_MAX_RSS_MB,
    timeoutMs: config.DOC_PARSE_TIMEOUT_MS,
    concurrency: config.DOC_PARSER_CONCURRENCY,
    quarantine: new Quarantine(conn, { prefix, ttlSeconds: 7 * 86_400, inflightSeconds: Math.max(600, Math.ceil((2 * config.DOC_PARSE_TIMEOUT_MS) / 1000)) }),
    onOutcome: ({ op, outcome, why, ms }) => {
      metrics.documentParses.inc({ outcome });
      const fields = { op, outcome, why, ms };
      if (outcome === 'crashed' || outcome === 'quarantined') plog.warn(fields, 'document parser refused a file for good');
      else plog.info(fields, 'document parsed');
    },
  });
}

function admissionOptions(config: Config): AdmissionOptions {
  return {
    prefix: config.REDIS_PREFIX,
    perMinute: config.USER_RATE_LIMIT,
    commandsPerMinute: config.USER_COMMAND_RATE_LIMIT,
    maxQueued: config.USER_MAX_QUEUED,
    allowedTenants: config.ALLOWED_TENANT_KEYS,
    allowedChats: config.ALLOWED_CHAT_IDS,
    allowedUsers: config.ALLOWED_USER_IDS,
    auditRetentionDays: config.AUDIT_RETENTION_DAYS,
  };
}

interface Records {
  audit: AuditLog;
  forgetting: Forgetting;
  verdicts: VerdictStore;
  /** The office's usage summary (/admin/usage). */
  usage: UsageReport;
}

/** The audit trail and deletion (issue 26). The audit stream has no TTL: an allkeys-* eviction policy could drop it (docs/DATA.md). */
function buildRecords(b: Base, transport: Transport): Records {
  const { config, conn, prefix, metrics, log } = b;
  // Departments from the contact API when its scope is granted (cached in this process), else 未知.
  const departmentOf = transport.kind === 'feishu' ? feishuDepartments(transport.api) : noDepartments;
  const countUsage = async (r: AuditRecord) => {
    const labels = { month: monthOf(r.time, config.BOT_TIMEZONE), chat: r.chat ?? UNKNOWN_DEPARTMENT, department: await departmentOf(r.user) };
    metrics.usage.inc({ ...labels, kind: r.kind, outcome: r.outcome });
    for (const [family, n] of Object.entries(parseFindings(r.findings))) metrics.usageFindings.inc({ ...labels, family }, n);
  };
  const audit = new AuditLog(conn, {
    prefix, retentionDays: config.AUDIT_RETENTION_DAYS,
    onRecord: (r) => void countUsage(r).catch(() => undefined),
  });
  const verdicts = new VerdictStore(conn, { prefix, retentionDays: config.VERDICT_RETENTION_DAYS, onRecorded: (rule, verdict) => metrics.findingVerdicts.inc({ rule, verdict }) });
  const usage = (q: { since?: number; until?: number }) => audit.query(q).then((records) => usageSummary(records, { timezone: config.BOT_TIMEZONE, departmentOf }));
  // “删除我的数据” deletes the user's reminders' Feishu tasks too.
  const tasks = transport.kind === 'feishu' && transport.feishu.tasks ? feishuTasks(transport.api, transport.feishu.domain) : undefined;
  const forgetting = new Forgetting(conn, { prefix, auditRetentionDays: config.AUDIT_RETENTION_DAYS, now: () => new Date(b.clock.now()), verdicts, ...(tasks ? { tasks } : {}) });
  b.shutdown.last(() => forgetting.close());
  if (config.ROLE !== 'worker') void warnOnEviction(conn, log);
  return { audit, forgetting, verdicts, usage };
}

/** The audit stream has no TTL; under an allkeys-* policy Redis may still evict it when memory runs out. */
async function warnOnEviction(conn: Redis, log: Logger): Promise<void> {
  try {
    const [, policy] = (await conn.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy?.startsWith('allkeys-')) log.warn({ policy }, 'maxmemory-policy may evict the audit trail: use noeviction or a volatile-* policy (docs/DATA.md)');
  } catch {
    // CONFIG may be disabled on a managed Redis: nothing to check.
  }
}

function bounded<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<undefined>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`shutdown step took over ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/**
 * Let active jobs finish, but not forever: after the grace their signals are aborted, and the
 * worker puts each one back in the queue (queue/worker.ts), to be resumed on the same card.
 */
async function closeWorker(worker: Worker, log: Logger, graceMs = 10_000): Promise<void> {
  const timer = setTimeout(() => {
    log.warn('worker did not drain in time; interrupting active jobs (they resume after the restart)');
    worker.cancelAllJobs('shutdown');
  }, graceMs);
  try {
    await worker.close();
  } finally {
    clearTimeout(timer);
  }
}
