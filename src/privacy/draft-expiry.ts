import type { Redis } from 'ioredis';
import { Queue, type Job } from 'bullmq';
import { threadKey, type Conversation } from '../core/message.js';
import { DRAFT_EXPIRY_JOB, draftExpiryJobId, REMINDER_QUEUE, type DraftExpiryJobData } from '../queue/jobs.js';

const DAY_MS = 86_400_000;

/** Tells the writer in the thread (a card with 保留 / 导出Word); `key` makes a retried warning post once. */
export type DraftExpiryNotice = (c: Conversation, expiresAt: number, key: string) => Promise<void>;

export interface DraftExpiryOptions {
  prefix: string;
  /** DRAFT_TTL_DAYS: the draft key's lifetime after each change. */
  ttlDays: number;
  /** DRAFT_EXPIRY_WARNING_DAYS: how long before expiry the writer is told; 0 = never. */
  warningDays: number;
  /** The app's clock (ms). */
  now: () => number;
}

/**
 * A draft is never silently lost (issue 26): each time a thread's draft is stored, one delayed job on the
 * reminder queue is (re)scheduled to warn its writer `warningDays` before it expires. The job holds ids only.
 * /reset, “删除我的数据” and a purge remove it (Forgetting), and a warning whose draft is gone says nothing.
 */
export class DraftExpiry {
  private readonly queue: Queue<DraftExpiryJobData>;

  constructor(private readonly redis: Redis, private readonly o: DraftExpiryOptions) {
    this.queue = new Queue<DraftExpiryJobData>(REMINDER_QUEUE, { connection: redis, prefix: o.prefix });
  }

  get on(): boolean {
    return this.o.warningDays > 0 && this.o.warningDays < this.o.ttlDays;
  }

  /** The draft of `c`'s thread was stored just now: its warning moves to the new expiry. */
  async schedule(c: Conversation): Promise<void> {
    if (!this.on) return;
    const now = this.o.now();
    const expiresAt = now + this.o.ttlDays * DAY_MS;
    const thread = threadKey(c);
    const jobId = draftExpiryJobId(thread);
    await this.cancel(thread);
    // Ids only: the conversation's ids say where to reply, never what was said.
    const conversation: Conversation = { chatId: c.chatId, chatType: c.chatType, messageId: c.messageId, senderOpenId: c.senderOpenId, ...(c.rootId ? { rootId: c.rootId } : {}), ...(c.threadId ? { threadId: c.threadId } : {}) };
    await this.queue.add(DRAFT_EXPIRY_JOB, { thread, chatId: c.chatId, conversation, expiresAt }, {
      jobId,
      delay: Math.max(0, expiresAt - this.o.warningDays * DAY_MS - now),
      attempts: 5,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: { age: 7 * 86_400 },
      removeOnFail: { age: 30 * 86_400 },
    });
  }

  /** The thread's pending warning, if any (a warning already sent stays as a record until its age runs out). */
  async pending(thread: string): Promise<Job<DraftExpiryJobData> | undefined> {
    const job = await this.queue.getJob(draftExpiryJobId(thread));
    return job && (await job.isDelayed()) ? job : undefined;
  }

  /** Removes the thread's warning job (a new change, /reset, a deletion). */
  async cancel(thread: string): Promise<void> {
    const job = await this.queue.getJob(draftExpiryJobId(thread));
    // A warning being sent right now cannot be removed; it finds the draft gone or still says the right thing.
    if (job) await job.remove().catch(() => undefined);
  }

  /** The worker's half: tell the writer, unless the draft is gone (reset, deleted) or was kept since. */
  process(notice: DraftExpiryNotice): (job: Job) => Promise<string> {
    return async (job) => {
      const d = job.data as DraftExpiryJobData;
      const ttl = await this.redis.pttl(`${this.o.prefix}:state:${d.thread}`);
      if (ttl < 0) return 'skipped: draft gone';
      await notice(d.conversation, d.expiresAt, `${job.id!}-${d.expiresAt}`);
      return 'warned';
    };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
