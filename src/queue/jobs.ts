import type { DefaultJobOptions } from 'bullmq';
import type { CardAction, Conversation, IncomingMessage } from '../core/message.js';

/*
 * Every queue's name, payload, job ids and job options (attempts, backoff, retention) live here.
 * Retries happen only in BullMQ; the SDKs' own retries are off.
 */

/** The queue every user request travels through. */
export const MESSAGE_QUEUE = 'messages';

/** The queue of reminder fires (delayed jobs and Job Schedulers). */
export const REMINDER_QUEUE = 'reminders';

/** Job names, as BullMQ shows them: one per kind of job. */
export const JOB_NAMES = { message: 'message', cardAction: 'card-action', reminderFire: 'fire' } as const;

export type JobData =
  | { type: 'message'; message: IncomingMessage }
  | { type: 'card-action'; action: CardAction };

/** BullMQ job ids may not contain ':' nor be all digits. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** De-duplicates Feishu's re-pushes: the same message_id can only be queued once. */
export const messageJobId = (messageId: string) => `msg-${safe(messageId)}`;

/** One job per click: the same event re-pushed maps to the same id. */
export const cardActionJobId = (eventKey: string) => `card-${safe(eventKey)}`;

/** Job options of the message queue; attempts and backoff come from the config. */
export function defaultJobOptions(opts: { attempts: number; backoffMs: number }): DefaultJobOptions {
  return {
    attempts: opts.attempts,
    backoff: { type: 'exponential', delay: opts.backoffMs, jitter: 0.2 },
    // Completed ids stay ≥ 24 h so a late re-push (Feishu retries for ~7 h) is still a duplicate.
    removeOnComplete: { age: 2 * 86_400 },
    removeOnFail: { age: 7 * 86_400 },
  };
}

/** One reminder fire. */
export interface FireJobData {
  rid: string;
  chatId: string;
  shortId: number;
  version: number;
  /** One-off fires only; recurring fires take the time from the scheduler job. */
  fireAt?: string;
}

/** Job options of every reminder fire: a failed delivery is tried twice more. */
export const REMINDER_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 86400, count: 1000 },
  removeOnFail: { age: 30 * 86400 },
} as const satisfies DefaultJobOptions;

/** Reminder job ids follow from the record, so they are not stored: one scheduler per recurring reminder… */
export const reminderSchedulerId = (rid: string) => `rem-${rid}`;
/** …and one delayed job per one-off fire of the record's current version. */
export const reminderFireJobId = (rid: string, version: number, fireAtMs: number) => `rem-${rid}-v${version}-${fireAtMs}`;

/** The conversation a job answers in; a button's `thread` value names the thread whose state it uses. */
export function conversationOf(data: JobData): Conversation {
  if (data.type === 'message') return data.message.conversation;
  const thread = data.action.value.thread;
  return typeof thread === 'string' ? { ...data.action.conversation, rootId: thread } : data.action.conversation;
}
