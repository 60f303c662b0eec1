import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { PrefixInUseError, RedisUnavailableError } from './core/errors.js';
import type { RedisTarget } from './core/redis-target.js';
import type { Logger } from './logger.js';

export type { RedisNode, RedisTarget } from './core/redis-target.js';

export const REDIS_INSTALL_HINT = 'sudo apt-get install -y redis-server   (macOS: brew install redis)';

export interface RedisHandle {
  /** A printable description (a URL for one server). */
  url: string;
  target: RedisTarget;
  /** How we got it: configured, the default local one, or spawned by us. */
  origin: 'configured' | 'local' | 'spawned';
  stop(): Promise<void>;
}

function describe(t: RedisTarget): string {
  if (t.kind === 'single') return t.url;
  const list = (t.kind === 'cluster' ? t.nodes : t.sentinels).map((n) => `${n.host}:${n.port}`).join(',');
  return t.kind === 'cluster' ? `cluster ${list}` : `sentinel ${t.name}@${list}`;
}

/**
 * The one place a Redis client is made. A cluster client is returned under the Redis type: Bigan
 * only sends commands (and MULTI / Lua on one hash slot), which both clients expose alike.
 */
export function connectRedis(target: RedisTarget | string, extra: RedisOptions = {}): Redis {
  const t: RedisTarget = typeof target === 'string' ? { kind: 'single', url: target } : target;
  if (t.kind === 'single') return new Redis(t.url, extra);
  const auth = { ...(t.username ? { username: t.username } : {}), ...(t.password ? { password: t.password } : {}) };
  const tls = t.tls ? { tls: {} } : {};
  if (t.kind === 'sentinel') {
    return new Redis({
      ...extra, ...auth, ...tls, sentinels: t.sentinels, name: t.name, ...(t.db ? { db: t.db } : {}),
      ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}),
      ...(t.tls ? { enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
    });
  }
  const { enableOfflineQueue, lazyConnect, ...perNode } = extra;
  const cluster = new Cluster(t.nodes, {
    redisOptions: { ...perNode, ...auth, ...tls },
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    // Managed clusters announce node names that TLS certificates are issued for: keep them as given.
    ...(t.tls ? { dnsLookup: (address: string, cb: (err: Error | null, a: string) => void) => cb(null, address) } : {}),
  });
  return cluster as unknown as Redis;
}

/** A Redis connection for BullMQ workers (blocking commands need maxRetriesPerRequest: null). */
export function workerConnection(target: RedisTarget | string, extra: RedisOptions = {}): Redis {
  return connectRedis(target, { maxRetriesPerRequest: null, ...extra });
}

/**
 * A connection for the ingest path: fail fast instead of queueing commands while Redis is down,
 * and time out commands a frozen Redis never answers, so Feishu gets a 5xx and re-pushes.
 */
export function producerConnection(target: RedisTarget | string, commandTimeoutMs = 1000): Redis {
  return connectRedis(target, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: commandTimeoutMs });
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
 * The configured target (REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS) if given; else a Redis already on 127.0.0.1:6379; else spawn our own
 * redis-server with AOF under ./.data (reminders live only in Redis).
 */
export async function obtainRedis(configured: RedisTarget | string | undefined, log: Logger, o: { dataDir?: string; localUrl?: string } = {}): Promise<RedisHandle> {
  const noop = () => Promise.resolve();
  if (configured) {
    const target: RedisTarget = typeof configured === 'string' ? { kind: 'single', url: configured } : configured;
    return { url: describe(target), target, origin: 'configured', stop: noop };
  }
  const local = o.localUrl ?? 'redis://127.0.0.1:6379';
  const dataDir = o.dataDir ?? resolve('.data/redis');
  if (await reachable(local)) {
    log.info({ url: local }, 'using the local Redis');
    return { url: local, target: { kind: 'single', url: local }, origin: 'local', stop: noop };
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
    target: { kind: 'single', url },
    origin: 'spawned',
    stop: () => new Promise<void>((res) => {
      if (proc.exitCode !== null) return res();
      proc.once('exit', () => res());
      proc.kill('SIGTERM');
    }),
  };
}


const CLAIM_TTL_MS = 30_000;
const RELEASE_CLAIM = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Two bots on one prefix take each other's jobs and reminders. Every instance keeps
 * `<prefix>:app` = its app id alive (30 s TTL, renewed every 10 s); an instance of another
 * app refuses to start while that key lives. Instances of the same app share it.
 */
export async function claimPrefix(conn: Redis, prefix: string, appId: string): Promise<() => Promise<void>> {
  const key = `${prefix}:app`;
  const set = await conn.set(key, appId, 'PX', CLAIM_TTL_MS, 'NX');
  if (set !== 'OK') {
    const holder = await conn.get(key);
    if (holder !== null && holder !== appId) {
      throw new PrefixInUseError(`REDIS_PREFIX "${prefix}" is in use by a running instance of ${holder === 'console' ? 'the console chat' : `app ${holder}`} on this Redis. Give this bot its own REDIS_PREFIX (or stop the other one; its claim lapses 30 s after it stops).`);
    }
  }
  const timer = setInterval(() => {
    conn.set(key, appId, 'PX', CLAIM_TTL_MS).catch(() => undefined);
  }, CLAIM_TTL_MS / 3);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await conn.eval(RELEASE_CLAIM, 1, key, appId).catch(() => undefined);
  };
}
