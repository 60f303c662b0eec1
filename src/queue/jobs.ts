import type { DefaultJobOptions } from 'bullmq';
import type { CardAction, Conversation, IncomingMessage } from '../core/message.js';

/** The queue every user request travels through. */
export const MESSAGE_QUEUE = 'messages';

export type JobData =
  | { type: 'message'; message: IncomingMessage }
  | { type: 'card-action'; action: CardAction };

/** BullMQ job ids may not contain ':' nor be all digits. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** De-duplicates Feishu's re-pushes: the same message_id can only be queued once. */
export const messageJobId = (messageId: string) => `msg-${safe(messageId)}`;

/** One job per click: the same event re-pushed maps to the same id. */
export const cardActionJobId = (eventKey: string) => `card-${safe(eventKey)}`;

export function defaultJobOptions(opts: { attempts: number; backoffMs: number }): DefaultJobOptions {
  return {
    attempts: opts.attempts,
    backoff: { type: 'exponential', delay: opts.backoffMs, jitter: 0.2 },
    // Completed ids stay ≥ 24 h so a late re-push (Feishu retries for ~7 h) is still a duplicate.
    removeOnComplete: { age: 2 * 86_400 },
    removeOnFail: { age: 7 * 86_400 },
  };
}

/** The conversation a job answers in; a button's `thread` value names the thread whose state it uses. */
export function conversationOf(data: JobData): Conversation {
  if (data.type === 'message') return data.message.conversation;
  const thread = data.action.value.thread;
  return typeof thread === 'string' ? { ...data.action.conversation, rootId: thread } : data.action.conversation;
}
