import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '../../src/redis.js';
import { EVENT_CEILING_MS } from './wait.js';

export { freePort };

/** Wait until a Redis answers PING (a freshly spawned server on a busy machine can take seconds). */
export async function waitForRedis(url: string, ceilingMs = EVENT_CEILING_MS): Promise<void> {
  const until = Date.now() + ceilingMs;
  while (Date.now() < until) {
    const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.ping();
      await c.quit();
      return;
    } catch {
      c.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`redis at ${url} did not come up`);
}

/** A private redis-server on a free port, nothing persisted. */
export async function startPrivateRedis(port?: number): Promise<{ url: string; proc: ChildProcess; stop: () => Promise<void> }> {
  port ??= await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(url);
  return {
    url,
    proc,
    stop: () => new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    }),
  };
}
