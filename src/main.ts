import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { App, EarlyWorker } from './app.js';
import { earlyPort, listenEarly } from './early-http.js';
import { supervisedChannel, superviseWorker, type WorkerIds } from './worker-process.js';

// A supervised worker (ROLE=all) got its whole environment from its supervisor.
const channel = supervisedChannel();
if (!channel && existsSync('.env')) process.loadEnvFile('.env');

// The port answers first (issue 25 item 3): /healthz 200 “starting”, /readyz 503, events held, while the
// modules below load. Only Node built-ins were imported so far; everything else is imported after this.
const port = channel ? undefined : earlyPort(process.env);
const early = port === undefined ? undefined : await listenEarly(port);

const [{ readConfig }, { ConfigError, StartupError }, { createLogger }, { consoleLogDestination, routeConsoleToLog }] = await Promise.all([
  import('./config.js'), import('./core/errors.js'), import('./logger.js'), import('./console/console-log.js'),
]);

let config: Config;
try {
  config = readConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
    process.exit(2);
  }
  throw err;
}

// Console mode: the terminal is the chat, so logs go to .data/bigan.log; only a fatal error reaches stderr, as one plain line.
const base = config.feishu ? createLogger(config.LOG_LEVEL) : createLogger(config.LOG_LEVEL, consoleLogDestination());
const log = channel ? base.child({ proc: 'worker' }) : base;
// Libraries that print with console.* (BullMQ's Redis version and eviction warnings) would land in the chat.
if (!config.feishu) routeConsoleToLog(log);
let app: App | undefined;
let stopping = false;

/**
 * ROLE=all with Feishu and a configured Redis: the worker process starts now, while this process is still
 * loading its own modules (issue 25 item 3), instead of after this process's start. Without REDIS_URL the
 * app may spawn a redis-server first, and starts the worker itself once it knows the URL.
 */
function startWorkerEarly(): EarlyWorker | undefined {
  if (channel || config.ROLE !== 'all' || !config.feishu || config.WORKER_ISOLATION === 'none' || !config.redis) return undefined;
  let died: ((w: WorkerIds) => Promise<void>) | undefined;
  const supervisor = superviseWorker({
    entry: fileURLToPath(import.meta.url), isolation: config.WORKER_ISOLATION, nice: config.WORKER_NICE, log,
    env: { ...process.env, ROLE: 'worker' },
    onDied: (w) => died?.(w) ?? Promise.resolve(),
  });
  return { supervisor, onDied: (f) => (died = f) };
}
const earlyWorker = startWorkerEarly();

async function shutdown(why: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ why }, 'shutting down');
  // The last resort: exit within the drain window even if Redis or Feishu never answer.
  setTimeout(() => {
    log.warn('shutdown did not finish in time; exiting');
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS + 3000).unref();
  await app?.stop();
  process.exit(0);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
channel?.onStop(() => void shutdown('supervisor'));
channel?.answer('health', async () => app?.health());
channel?.answer('metrics', async () => app?.metricsJson());

try {
  // Imported here, after the worker was started: the app's modules take a while to load.
  const { startApp } = await import('./app.js');
  app = await startApp({
    config,
    log,
    onConsoleClosed: () => void shutdown('input closed'),
    workerEntry: fileURLToPath(import.meta.url),
    supervised: !!channel,
    ...(earlyWorker ? { worker: earlyWorker } : {}),
    ...(early ? { early } : {}),
  });
  // A mode that serves no HTTP (never the case for the modes earlyPort opens it for) must not leave it open.
  await early?.closeIfUnused();
  // The supervisor releases these workers' jobs at once if this process dies.
  channel?.announce(app.workers());
} catch (err) {
  if (err instanceof StartupError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  log.fatal({ err }, 'could not start');
  process.exit(1);
}
