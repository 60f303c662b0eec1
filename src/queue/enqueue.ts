import type { Queue } from 'bullmq';
import type { CardAction, IncomingMessage } from '../core/message.js';
import { cardActionJobId, JOB_NAMES, messageJobId, type JobData } from './jobs.js';

/** The producer side: the only thing the ingest path does with an accepted event. */
export class Enqueuer {
  constructor(private readonly queue: Queue<JobData>) {}

  /** Queue a message once; `duplicate` is true for a re-push of one already queued (nothing is added). */
  async message(message: IncomingMessage): Promise<{ jobId: string; duplicate: boolean }> {
    const jobId = messageJobId(message.conversation.messageId);
    // Only for the log line: concurrent re-pushes can both pass this, and the jobId still de-duplicates them.
    if (await this.queue.getJob(jobId)) return { jobId, duplicate: true };
    await this.queue.add(JOB_NAMES.message, { type: 'message', message }, { jobId });
    return { jobId, duplicate: false };
  }

  async cardAction(action: CardAction, eventKey: string): Promise<string> {
    const jobId = cardActionJobId(eventKey);
    await this.queue.add(JOB_NAMES.cardAction, { type: 'card-action', action }, { jobId });
    return jobId;
  }
}
