import 'vitest';
import type { TestProject } from 'vitest/node';
import { startPrivateRedis } from './redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/** One private redis-server for the whole run (or REDIS_URL when given); tests isolate by key prefix. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.REDIS_URL) {
    project.provide('redisUrl', process.env.REDIS_URL);
    return;
  }
  const redis = await startPrivateRedis();
  project.provide('redisUrl', redis.url);
  return redis.stop;
}
