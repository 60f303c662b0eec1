import type { Queue } from 'bullmq';
import type { CardAction, IncomingMessage } from '../bot/message.js';
import { cardActionJobId, messageJobId, type JobData } from './jobs.js';

/** The producer side: the only thing the ingest path does with an accepted event. */
export class Enqueuer {
  constructor(private readonly queue: Queue<JobData>) {}

  async message(message: IncomingMessage): Promise<string> {
    const jobId = messageJobId(message.conversation.messageId);
    await this.queue.add('message', { type: 'message', message }, { jobId });
    return jobId;
  }

  async cardAction(action: CardAction, eventKey: string): Promise<string> {
    const jobId = cardActionJobId(eventKey);
    await this.queue.add('card-action', { type: 'card-action', action }, { jobId });
    return jobId;
  }
}
