import type { Redis } from 'ioredis';

/**
 * Who started a thread. In a group thread only that person may change its draft; the first
 * message the bot sees at a thread's root (or the first draft action in a thread whose root
 * it never saw) records the owner.
 */
export class ThreadOwners {
  constructor(private readonly redis: Redis, private readonly o: { prefix: string; ttlSeconds: number }) {}

  private key(thread: string): string {
    return `${this.o.prefix}:owner:${thread}`;
  }

  /** Record `openId` as the owner unless someone already is; returns the owner. */
  async claim(thread: string, openId: string): Promise<string> {
    const key = this.key(thread);
    const res = await this.redis.set(key, openId, 'EX', this.o.ttlSeconds, 'NX', 'GET');
    if (res === null) return openId;
    await this.redis.expire(key, this.o.ttlSeconds);
    return res;
  }
}
