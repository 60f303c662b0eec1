/**
 * "Nothing more happens" is checked only once the app's BullMQ queues are settled: no job waiting,
 * active, prioritized or waiting for children (nor delayed, for the message queue: a parked thread's
 * job or a retry's backoff), and the finished count unchanged across two looks. Then an assertion that
 * nothing more was sent holds because no work is left to send it, not because a sleep was long enough.
 */
import { Queue, type JobType } from 'bullmq';
import { Redis } from 'ioredis';
import { MESSAGE_QUEUE, REMINDER_QUEUE } from '../../src/queue/jobs.js';
import { eventually } from './wait.js';
import type { FakeFeishu, FakeMessage } from './fake-feishu.js';

type Counted = Pick<Queue, 'getJobCounts'>;

/** Waits until `queue` is settled. `delayed: false` ignores delayed jobs (reminders due later are not work left). */
export async function queueSettled(queue: Counted, o: { delayed?: boolean } = {}): Promise<void> {
  const busyStates: JobType[] = ['waiting', 'active', 'prioritized', 'waiting-children', ...(o.delayed === false ? [] : ['delayed' as const])];
  let lastDone = -1;
  await eventually(async () => {
    const c = await queue.getJobCounts(...busyStates, 'completed', 'failed');
    const busy = busyStates.reduce((n, s) => n + (c[s] ?? 0), 0);
    const done = (c.completed ?? 0) + (c.failed ?? 0);
    const settled = busy === 0 && done === lastDone;
    lastDone = busy === 0 ? done : -1;
    return settled ? true : undefined;
  }, 'the queues to settle', 50);
}

/** Waits until the app's message queue and reminder queue (its delayed fires aside) are settled. */
export async function appSettled(x: { redisUrl: string; prefix: string }): Promise<void> {
  const connection = new Redis(x.redisUrl, { maxRetriesPerRequest: null });
  const messages = new Queue(MESSAGE_QUEUE, { connection, prefix: x.prefix });
  const reminders = new Queue(REMINDER_QUEUE, { connection, prefix: x.prefix });
  try {
    await queueSettled(messages);
    await queueSettled(reminders, { delayed: false });
  } finally {
    await messages.close();
    await reminders.close();
    await connection.quit();
  }
}

/** The replies to a message once `count` have arrived and none is streaming, and the app has settled: nothing more is on its way. */
export async function settledReplies(x: { redisUrl: string; prefix: string; feishu: FakeFeishu }, id: string, count = 1): Promise<FakeMessage[]> {
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(id);
    return r.length >= count && r.every((m) => !x.feishu.isStreaming(m));
  }, undefined, `${count} replies to ${id}`);
  await appSettled(x);
  return x.feishu.repliesTo(id);
}

/** The text of each reply (a card's text, a file's name as the fake shows it), one block per reply. */
export const replyTexts = (x: { feishu: FakeFeishu }, ms: readonly FakeMessage[]): string => ms.map((m) => x.feishu.textOf(m)).join('\n---\n');
