import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CardAction, IncomingMessage } from '../core/message.js';
import { cardActionJobId, JOB_NAMES, messageJobId, type JobData } from './jobs.js';

/** The producer side: the only thing the ingest path does with an accepted event. */
export class Enqueuer {
  /** `redis`: the queue's own connection, for the cheap duplicate check. */
  constructor(private readonly queue: Queue<JobData>, private readonly redis: Redis) {}

  /** Queue a message once; `duplicate` is true for a re-push of one already queued (nothing is added). */
  async message(message: IncomingMessage): Promise<{ jobId: string; duplicate: boolean }> {
    // Only for the log line: concurrent re-pushes can both pass this, and the jobId still de-duplicates them.
    if (await this.exists(message.conversation.messageId)) return { jobId: messageJobId(message.conversation.messageId), duplicate: true };
    return { jobId: await this.add(message), duplicate: false };
  }

  /** Whether a message was queued already (a re-push). */
  exists(messageId: string): Promise<boolean> {
    return this.jobExists(messageJobId(messageId));
  }

  /** The Redis key of a job's hash (what the admission script checks for a duplicate). */
  jobKey(jobId: string): string {
    return this.queue.toKey(jobId);
  }

  /** Whether a job id was queued already (a re-push, a second press of a button); kept while the queue keeps the job. */
  async jobExists(jobId: string): Promise<boolean> {
    // EXISTS on the job hash, not getJob: that reads and parses the whole job on every ack.
    // The connection refuses commands while it connects (no offline queue); the queue knows when it is up.
    await this.queue.waitUntilReady();
    return (await this.redis.exists(this.queue.toKey(jobId))) === 1;
  }

  /** Queue a message without the duplicate lookup (the caller did it); `priority` 1 runs first. */
  async add(message: IncomingMessage, opts: { priority?: number } = {}): Promise<string> {
    const jobId = messageJobId(message.conversation.messageId);
    await this.queue.add(JOB_NAMES.message, { type: 'message', message }, { jobId, ...(opts.priority ? { priority: Math.min(opts.priority, 2_000_000) } : {}) });
    return jobId;
  }

  /** Queue a button press; `buttonKey` names the button, so a second press of it is the same job. */
  async cardAction(action: CardAction, buttonKey: string): Promise<string> {
    const jobId = cardActionJobId(buttonKey);
    await this.queue.add(JOB_NAMES.cardAction, { type: 'card-action', action }, { jobId });
    return jobId;
  }
}
