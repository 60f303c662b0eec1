import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { RedisUnavailableError } from './core/errors.js';
import type { Logger } from './logger.js';

export const REDIS_INSTALL_HINT = 'sudo apt-get install -y redis-server   (macOS: brew install redis)';

export interface RedisHandle {
  url: string;
  /** How we got it: configured, the default local one, or spawned by us. */
  origin: 'configured' | 'local' | 'spawned';
  stop(): Promise<void>;
}

/** A Redis connection for BullMQ workers (blocking commands need maxRetriesPerRequest: null). */
export function workerConnection(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...extra });
}

/** A connection for the ingest path: fail fast instead of queueing commands while Redis is down. */
export function producerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
}

async function reachable(url: string): Promise<boolean> {
  const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.ping();
    return true;
  } catch {
    return false;
  } finally {
    c.disconnect();
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

export { RedisUnavailableError } from './core/errors.js';

/**
 * REDIS_URL if given; else a Redis already on 127.0.0.1:6379; else spawn our own
 * redis-server with AOF under ./.data (reminders live only in Redis).
 */
export async function obtainRedis(configured: string | undefined, log: Logger, o: { dataDir?: string; localUrl?: string } = {}): Promise<RedisHandle> {
  const noop = () => Promise.resolve();
  if (configured) return { url: configured, origin: 'configured', stop: noop };
  const local = o.localUrl ?? 'redis://127.0.0.1:6379';
  const dataDir = o.dataDir ?? resolve('.data/redis');
  if (await reachable(local)) {
    log.info({ url: local }, 'using the local Redis');
    return { url: local, origin: 'local', stop: noop };
  }
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new RedisUnavailableError(`No REDIS_URL, nothing on 127.0.0.1:6379 and no redis-server binary. Install it:\n  ${REDIS_INSTALL_HINT}`);
  }
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const proc: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await reachable(url)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await reachable(url))) {
    proc.kill('SIGKILL');
    throw new RedisUnavailableError(`redis-server did not start on port ${port}`);
  }
  log.info({ url, dataDir }, 'started a private redis-server (AOF on)');
  return {
    url,
    origin: 'spawned',
    stop: () => new Promise<void>((res) => {
      if (proc.exitCode !== null) return res();
      proc.once('exit', () => res());
      proc.kill('SIGTERM');
    }),
  };
}
