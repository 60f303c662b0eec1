import { mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, inject } from 'vitest';
import { Redis } from 'ioredis';
import { obtainRedis } from '../../src/redis.js';
import { createLogger } from '../../src/logger.js';
import { freePort } from '../support/redis.js';

const log = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));

describe('obtainRedis', () => {
  it('uses REDIS_URL as given', async () => {
    const h = await obtainRedis('redis://example:6379', log);
    expect(h).toMatchObject({ url: 'redis://example:6379', origin: 'configured' });
  });

  it('uses the local Redis when it answers', async () => {
    const url = inject('redisUrl');
    const h = await obtainRedis(undefined, log, { localUrl: url });
    expect(h).toMatchObject({ url, origin: 'local' });
  });

  it('spawns its own redis-server with AOF under the data dir when nothing answers, and stops it', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'bigan-redis-')), 'redis');
    const dead = `redis://127.0.0.1:${await freePort()}`;
    const h = await obtainRedis(undefined, log, { localUrl: dead, dataDir });
    expect(h.origin).toBe('spawned');
    const c = new Redis(h.url);
    expect(await c.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    await c.set('k', 'v');
    await c.quit();
    await h.stop();
    expect(existsSync(dataDir)).toBe(true);
    expect(readdirSync(dataDir).join(',')).toMatch(/append/);
  });
});
