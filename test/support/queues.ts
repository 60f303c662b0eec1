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
