import { createHash } from 'node:crypto';
import type { DefaultJobOptions } from 'bullmq';
import type { CardAction, Conversation, IncomingMessage } from '../core/message.js';

/*
 * Every queue's name, payload, job ids and job options (attempts, backoff, retention) live here.
 * Retries happen only in BullMQ; the SDKs' own retries are off.
 */

/** The queue every user request travels through. */
export const MESSAGE_QUEUE = 'messages';

/** The queue of reminder fires (one delayed job per fire) and Feishu task syncs. */
export const REMINDER_QUEUE = 'reminders';

/** Job names, as BullMQ shows them: one per kind of job. */
export const JOB_NAMES = { message: 'message', cardAction: 'card-action', reminderFire: 'fire', reminderTask: 'task' } as const;

export type JobData =
  | { type: 'message'; message: IncomingMessage }
  | { type: 'card-action'; action: CardAction };

/** BullMQ job ids may not contain ':' nor be all digits. */
const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** De-duplicates Feishu's re-pushes: the same message_id can only be queued once. */
export const messageJobId = (messageId: string) => `msg-${safe(messageId)}`;

/** One job per button (card, user, value): a re-pushed event or a second press maps to the same id. */
export const cardActionJobId = (eventKey: string) => `card-${safe(eventKey)}`;

/**
 * The backoff of every queue: exponential (with jitter), but never shorter than a rate limit's reset
 * when the edge said when (`retryAfterMs`, e.g. Feishu's `x-ogw-ratelimit-reset`); computed by
 * queue/worker.ts#retryDelay, BullMQ's custom backoff strategy.
 */
export const RETRY_BACKOFF = 'exponential-or-reset';
export const retryBackoff = (delay: number, jitter = 0) => ({ type: RETRY_BACKOFF, delay, ...(jitter ? { jitter } : {}) });

/** Job options of the message queue; attempts and backoff come from the config. */
export function defaultJobOptions(opts: { attempts: number; backoffMs: number }): DefaultJobOptions {
  return {
    attempts: opts.attempts,
    backoff: retryBackoff(opts.backoffMs, 0.2),
    // Completed ids stay ≥ 24 h so a late re-push (Feishu retries for ~7 h) is still a duplicate.
    removeOnComplete: { age: 2 * 86_400 },
    removeOnFail: { age: 7 * 86_400 },
  };
}

/** One reminder fire (job name `fire`). */
export interface FireJobData {
  rid: string;
  chatId: string;
  shortId: number;
  version: number;
  /** The fire instant (ISO). */
  fireAt: string;
}

/** Bring a reminder's Feishu task in line with the record: create, move the due date, or delete (job name `task`). */
export interface TaskJobData {
  rid: string;
  chatId: string;
  shortId: number;
}

/** Job options of every reminder fire: a failed delivery is tried twice more. */
export const REMINDER_JOB_OPTIONS = {
  attempts: 3,
  backoff: retryBackoff(5000),
  removeOnComplete: { age: 7 * 86400, count: 1000 },
  removeOnFail: { age: 30 * 86400 },
} as const satisfies DefaultJobOptions;

/** Task syncs retry longer (Feishu's 429s and 5xx), from a first backoff the service may shorten in tests. */
export const reminderTaskJobOptions = (backoffMs = 5000) => ({
  ...REMINDER_JOB_OPTIONS,
  attempts: 6,
  backoff: retryBackoff(backoffMs),
}) satisfies DefaultJobOptions;

/** Reminder job ids follow from the record, so they are not stored: one delayed job per fire of the current version… */
export const reminderFireJobId = (rid: string, version: number, fireAtMs: number) => `rem-${rid}-v${version}-${fireAtMs}`;
/** …and one task sync per record version (`v2`), deletion (`del`) or, for a recurring deadline, occurrence event (`p`/`d`/`o` + due ms). */
export const reminderTaskJobId = (rid: string, key: string) => `task-${rid}-${key}`;

/** A draft's expiry warning (job name `draft-expiry`, on the reminder queue): ids only, never text. */
export interface DraftExpiryJobData {
  /** The thread key whose state expires. */
  thread: string;
  chatId: string;
  /** The message that last changed the draft: the warning replies to it, in its thread. */
  conversation: Conversation;
  /** When the draft expires (ms, the app's clock). */
  expiresAt: number;
}
export const DRAFT_EXPIRY_JOB = 'draft-expiry';
/** One warning per thread: a new change replaces it. Hashed: a custom BullMQ id must not contain ':'. */
export const draftExpiryJobId = (thread: string) => `draft-expiry-${createHash('sha256').update(thread).digest('hex').slice(0, 24)}`;

/** The conversation a job answers in; a button's `thread` value names the thread whose state it uses. */
export function conversationOf(data: JobData): Conversation {
  if (data.type === 'message') return data.message.conversation;
  const thread = data.action.value.thread;
  return typeof thread === 'string' ? { ...data.action.conversation, rootId: thread } : data.action.conversation;
}
