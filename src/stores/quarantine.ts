import type { Redis } from 'ioredis';

/**
 * Files that killed the document parser (issue 20), by the SHA-256 of their bytes, and the
 * parse each job attempt has under way. A file is quarantined after its first crash: the job
 * ends with a clear answer instead of retrying into the same crash, and the same file sent
 * again, by anyone, is answered without being parsed.
 */
export class FileQuarantine {
  constructor(private readonly redis: Redis, private readonly o: { prefix: string; ttlSeconds: number; inflightSeconds: number }) {}

  private key = (sha: string) => `${this.o.prefix}:docq:${sha}`;
  private mark = (jobKey: string) => `${this.o.prefix}:docparse:${jobKey}`;

  async has(sha: string): Promise<boolean> {
    return (await this.redis.exists(this.key(sha))) === 1;
  }

  async add(sha: string): Promise<void> {
    await this.redis.set(this.key(sha), '1', 'EX', this.o.ttlSeconds);
  }

  /**
   * Note that `jobKey` is parsing `sha`. False when an earlier attempt of the same job noted
   * the same file and never finished: its worker died mid-parse, which counts as a crash.
   */
  async begin(jobKey: string, sha: string): Promise<boolean> {
    const prior = await this.redis.set(this.mark(jobKey), sha, 'EX', this.o.inflightSeconds, 'GET');
    return prior !== sha;
  }

  async end(jobKey: string): Promise<void> {
    await this.redis.del(this.mark(jobKey));
  }
}
