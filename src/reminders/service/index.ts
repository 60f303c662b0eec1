// The reminder service: its rooms put together over one BullMQ queue and the Redis store. Commands and
// replies (commands.ts), the schedule of delayed jobs (jobs.ts), delivery (delivery.ts) and Feishu task sync
// (task-sync.ts); the worker is built through queue/worker.ts under the one error contract.
import type { Job, Worker } from 'bullmq';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { LedgerDigestFn, ReminderCaller, SendFn, TaskPort } from '../../core/reminders.js';
import type { ReminderCommand } from '../parse.js';
import { JOB_NAMES, REMINDER_QUEUE, type FireJobData, type TaskJobData } from '../../queue/jobs.js';
import { startQueueWorker, type WorkerLog } from '../../queue/worker.js';
import { ReminderCommands } from './commands.js';
import { Delivery } from './delivery.js';
import { FireSchedule, type ReminderQueue } from './jobs.js';
import { ReminderStore } from './store.js';
import { TaskSync } from './task-sync.js';

export type { ReminderCaller, ReminderTarget, SendFn, TaskPort } from '../../core/reminders.js';
export type ReminderLog = WorkerLog;

export interface ReminderServiceOptions {
  /** ioredis connection with maxRetriesPerRequest: null (shared by queue, worker and store). */
  connection: Redis;
  /** BullMQ prefix and store key prefix; default "bigan". */
  prefix?: string;
  timezone: string;
  send: SendFn;
  log?: ReminderLog;
  /** Random-looking but deterministic delay per fire, away from :00 spikes; default 20. */
  maxJitterSeconds?: number;
  /** Feishu Tasks for deadlines; absent = off. */
  tasks?: TaskPort;
  /** First backoff of task calls (exponential); default 5000. */
  taskBackoffMs?: number;
  /** Jobs the worker runs at once (REMINDER_CONCURRENCY); default 1. */
  concurrency?: number;
  /** The clock (epoch ms): “now” for commands, job delays and deadlines; default Date.now. */
  clock?: () => number;
  /** The 台账 digest a 记台账 reminder posts (“每月25日提醒记台账”); absent = the plain reminder line only. */
  ledgerDigest?: LedgerDigestFn;
  /** Other delayed jobs sharing this queue and its worker, by job name (a draft's expiry warning). */
  otherJobs?: Record<string, (job: Job) => Promise<string>>;
}

export class ReminderService {
  readonly queue: ReminderQueue;
  private readonly commands: ReminderCommands;
  private readonly delivery: Delivery;
  private readonly tasks: TaskSync;
  private readonly now: () => number;
  private worker?: Worker<FireJobData | TaskJobData>;

  constructor(private readonly opts: ReminderServiceOptions) {
    const prefix = opts.prefix ?? 'bigan';
    this.now = opts.clock ?? Date.now;
    this.queue = new Queue<FireJobData | TaskJobData>(REMINDER_QUEUE, { connection: opts.connection, prefix });
    this.queue.on('error', (err) => opts.log?.error?.({ err }, 'reminder queue error'));
    const store = new ReminderStore(opts.connection, prefix);
    const schedule = new FireSchedule(this.queue, store, { maxJitterSeconds: opts.maxJitterSeconds ?? 20, now: this.now });
    this.tasks = new TaskSync(this.queue, store, { tasks: opts.tasks, timezone: opts.timezone, backoffMs: opts.taskBackoffMs, log: opts.log, now: this.now });
    this.commands = new ReminderCommands(store, schedule, this.tasks, { timezone: opts.timezone, now: this.now });
    this.delivery = new Delivery(store, schedule, this.tasks, { send: opts.send, timezone: opts.timezone, log: opts.log, ...(opts.ledgerDigest ? { ledgerDigest: opts.ledgerDigest } : {}) });
  }

  /**
   * The reply to a reminder command; null when the message answers a question nobody asked (“好的” with
   * no “要设为提醒吗？” waiting): the caller treats it as chat.
   */
  handle(command: ReminderCommand, caller: ReminderCaller, now: Date = new Date(this.now())): Promise<string | null> {
    return this.commands.handle(command, caller, now);
  }

  /** For /healthz: whether deadlines reach Feishu Tasks. */
  taskStatus(): Promise<string> {
    return this.tasks.status();
  }

  /** Starts the worker that delivers due reminders and syncs tasks; safe to run in several processes. */
  startWorker(): Worker<FireJobData | TaskJobData> {
    this.worker ??= startQueueWorker<FireJobData | TaskJobData>({
      queue: REMINDER_QUEUE,
      connection: this.opts.connection,
      prefix: this.opts.prefix ?? 'bigan',
      concurrency: this.opts.concurrency ?? 1,
      log: this.opts.log ?? {},
      label: (job) => (job.name === JOB_NAMES.reminderTask ? 'feishu task sync' : job.name === JOB_NAMES.reminderFire ? 'reminder delivery' : job.name),
      logContext: (job) => ({ rid: job.data.rid, chatId: job.data.chatId, shortId: job.data.shortId }),
      process: (job) => {
        const other = this.opts.otherJobs?.[job.name];
        if (other) return other(job);
        return job.name === JOB_NAMES.reminderTask ? this.tasks.sync(job as Job<TaskJobData>) : this.delivery.fire(job as Job<FireJobData>);
      },
    });
    return this.worker;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
    await this.queue.close();
  }
}
