import { DelayedError, Job, UnrecoverableError, Worker, type MinimalJob } from 'bullmq';
import type { Redis } from 'ioredis';
import { isPermanent, RetryableError } from '../core/errors.js';
import type { Logger } from '../logger.js';
import { MESSAGE_QUEUE, type JobData } from './jobs.js';

export interface JobContext {
  jobId: string;
  /** 1 for the first run. */
  attempt: number;
  /** The attempts the job has in all (JOB_ATTEMPTS); absent: this is the only one. */
  attempts?: number;
  signal?: AbortSignal;
  log: Logger;
}

export interface WorkerDeps {
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockMs: number;
  log: Logger;
  handle: (data: JobData, ctx: JobContext) => Promise<void>;
  /** Called once when a job will not be tried again: tell the user. */
  onFinalFailure: (data: JobData, jobId: string, err: unknown) => Promise<void>;
  /** Jobs with the same key run one at a time (a thread's state is read, changed and written back). */
  serialKey?: (data: JobData) => string;
  /** Extra fields for the job's child logger (message id, chat). */
  logContext?: (data: JobData) => Record<string, unknown>;
}

// Take the thread's lock, or join the thread's FIFO of waiting job ids (atomically, so a release
// in between cannot be missed).
const ACQUIRE = `
local cur = redis.call('get', KEYS[1])
if (not cur) or cur == ARGV[1] then
  redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
  redis.call('lrem', KEYS[2], 0, ARGV[1])
  return 1
end
if not redis.call('lpos', KEYS[2], ARGV[1]) then redis.call('rpush', KEYS[2], ARGV[1]) end
redis.call('pexpire', KEYS[2], 86400000)
return 0`;
// Release only our own lock, and hand back the next waiting job id.
const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('del', KEYS[1])
  return redis.call('lpop', KEYS[2])
end
return false`;
const EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/** A parked job wakes up by itself after this long if its wake-up call was lost (a crash). */
const PARKED_FALLBACK_MS = 15_000;

/**
 * Hand-written because open-source BullMQ has no per-key groups (a BullMQ Pro feature).
 * A job whose thread is busy is parked in the delayed set (no attempt used) and its id queued
 * on the thread; whoever releases the lock promotes the next one. Waiting costs no Redis
 * commands per tick, and a thread's jobs run in arrival order.
 */
async function withSerialLock<T>(d: WorkerDeps, worker: Worker<JobData>, key: string, job: Job<JobData>, token: string | undefined, run: () => Promise<T>): Promise<T> {
  const lockKey = `${d.prefix}:serial:${key}`;
  const waitKey = `${d.prefix}:serial-wait:${key}`;
  const ttl = d.lockMs * 2;
  const got = await d.connection.eval(ACQUIRE, 2, lockKey, waitKey, job.id!, String(ttl));
  if (got !== 1) {
    await job.moveToDelayed(Date.now() + PARKED_FALLBACK_MS, token);
    // The holder may have released between our check and the park: wake ourselves then.
    if (!(await d.connection.exists(lockKey))) await job.promote().catch(() => undefined);
    throw new DelayedError();
  }
  const timer = setInterval(() => {
    d.connection.eval(EXTEND, 1, lockKey, job.id!, String(ttl)).catch(() => undefined);
  }, Math.max(500, Math.floor(d.lockMs / 2)));
  try {
    return await run();
  } finally {
    clearInterval(timer);
    const next = (await d.connection.eval(RELEASE, 2, lockKey, waitKey, job.id!).catch(() => null)) as string | null;
    if (next) await wake(worker, next);
  }
}

/** Move a parked job from delayed to waiting; if it is not parked yet, it wakes itself (see above). */
async function wake(worker: Worker<JobData>, jobId: string): Promise<void> {
  try {
    const parked = await Job.fromId<JobData>(worker, jobId);
    if (parked && (await parked.isDelayed())) await parked.promote();
  } catch {
    /* not parked (yet), or gone: the fallback delay covers it */
  }
}

/**
 * BullMQ's backoff for RETRY_BACKOFF (queue/jobs.ts): exponential from the job's delay, with its jitter,
 * and at least as long as the edge asked to wait (a rate limit's reset, bounded where it is read).
 */
export function retryDelay(attemptsMade: number, backoff: { delay?: number; jitter?: number } | undefined, err: unknown): number {
  const max = Math.round(2 ** Math.max(0, attemptsMade - 1) * (backoff?.delay ?? 1000));
  const jitter = backoff?.jitter ?? 0;
  const base = jitter > 0 ? Math.floor(max * (1 - jitter) + Math.random() * max * jitter) : max;
  const wait = err instanceof RetryableError ? err.retryAfterMs : undefined;
  return wait !== undefined ? Math.max(wait, base) : base;
}

/** The few log methods a worker uses (a pino logger, or a test's recorder). */
export interface WorkerLog {
  info?: (obj: object, msg?: string) => void;
  warn?: (obj: object, msg?: string) => void;
  error?: (obj: object, msg?: string) => void;
}

export interface QueueWorkerDeps<D> {
  queue: string;
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** Lock duration (and stalled-check interval from it); BullMQ's default when absent. */
  lockMs?: number;
  log: WorkerLog;
  /** What the job is, for the failure lines: “reminder delivery” → “reminder delivery gave up”. */
  label: (job: Job<D>) => string;
  /** Fields for the failure lines (ids, never message bodies). */
  logContext?: (job: Job<D>) => Record<string, unknown>;
  process: (job: Job<D>, token: string | undefined, signal: AbortSignal | undefined) => Promise<unknown>;
  /** Called once when a job will not be tried again (its last attempt, a permanent error, too many stalls). */
  onFinalFailure?: (job: Job<D>, err: unknown) => Promise<void>;
}

/**
 * A BullMQ worker under the one error contract (core/errors.ts): an error that says another attempt cannot
 * help ends the job at once; anything else is retried with the job's options; the last failure is reported
 * once. Every queue's worker is built here.
 */
export function startQueueWorker<D>(d: QueueWorkerDeps<D>): Worker<D> {
  const worker = new Worker<D>(
    d.queue,
    async (job: Job<D>, token, signal) => {
      try {
        return await d.process(job, token, signal);
      } catch (err) {
        if (err instanceof DelayedError) throw err;
        if (signal?.aborted) {
          // Cut short by shutdown: not a failure. Back to the queue without spending an attempt; the
          // next worker (this one after a restart) resumes the same card and finishes it once.
          d.log.info?.({ jobId: job.id, name: job.name, ...d.logContext?.(job), reason: String(signal.reason ?? 'cancelled') }, 'job interrupted; left to be resumed');
          await job.moveToDelayed(Date.now(), token);
          throw new DelayedError();
        }
        // The error contract: an edge error with retryable=false ends the job now.
        const permanent = isPermanent(err);
        const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const ctx = { jobId: job.id, name: job.name, ...d.logContext?.(job), attemptsMade: job.attemptsMade + 1, err };
        if (!last) {
          d.log.warn?.(ctx, `${d.label(job)} failed, will retry`);
          throw err;
        }
        d.log.error?.(ctx, permanent ? `${d.label(job)} failed permanently, not retried` : `${d.label(job)} gave up`);
        // Even if telling the user fails (Feishu down), the job must end here, not retry.
        if (d.onFinalFailure) await d.onFinalFailure(job, err).catch((e: unknown) => d.log.error?.({ jobId: job.id, err: e }, 'could not report the failure'));
        throw new UnrecoverableError((err as Error)?.message ?? String(err));
      }
    },
    {
      connection: d.connection,
      prefix: d.prefix,
      concurrency: d.concurrency,
      ...(d.lockMs ? { lockDuration: d.lockMs, stalledInterval: Math.max(1000, Math.floor(d.lockMs / 2)) } : {}),
      maxStalledCount: 2,
      settings: {
        backoffStrategy: (attemptsMade: number, _type?: string, err?: Error, job?: MinimalJob) => {
          const b = job?.opts.backoff;
          return retryDelay(attemptsMade, typeof b === 'object' ? b : undefined, err);
        },
      },
    },
  );
  worker.on('failed', (job, err) => {
    // A job that stalled too often never reaches the processor's catch: report it here.
    if (job && /stalled more than allowable limit/.test(err.message)) {
      d.log.error?.({ jobId: job.id, name: job.name, ...d.logContext?.(job), err }, `${d.label(job)} stalled too often, not retried`);
      d.onFinalFailure?.(job, err).catch((e: unknown) => d.log.error?.({ err: e, jobId: job.id }, 'could not report a stalled job'));
    }
  });
  worker.on('error', (err) => d.log.error?.({ err }, 'worker error'));
  return worker;
}

/**
 * Slots per BullMQ worker. A BullMQ worker takes one job per turn of its event loop (it awaits each fetch), and
 * with hundreds of answers streaming a turn is long: at 30 posts in flight jobs waited seconds with slots free.
 * Several workers in one process fetch side by side (BENCHMARKS.md, h-first batch).
 */
const SLOTS_PER_FETCHER = 128;

/** The message queue's workers: WORKER_CONCURRENCY slots over ⌈slots / 128⌉ BullMQ workers, one process. */
export function startMessageWorkers(d: WorkerDeps): Array<Worker<JobData>> {
  const n = Math.max(1, Math.ceil(d.concurrency / SLOTS_PER_FETCHER));
  const workers: Array<Worker<JobData>> = [];
  for (let i = 0; i < n; i++) workers.push(startMessageWorker(d, Math.ceil(d.concurrency / n), () => workers[0]!));
  return workers;
}

function startMessageWorker(d: WorkerDeps, concurrency: number, any: () => Worker<JobData>): Worker<JobData> {
  return startQueueWorker<JobData>({
    queue: MESSAGE_QUEUE,
    connection: d.connection,
    prefix: d.prefix,
    concurrency,
    lockMs: d.lockMs,
    log: d.log,
    label: () => 'job',
    logContext: (job) => d.logContext?.(job.data) ?? {},
    process: async (job, token, signal) => {
      const log = d.log.child({ jobId: job.id, attempt: job.attemptsMade + 1, ...d.logContext?.(job.data) });
      const run = () => d.handle(job.data, { jobId: job.id!, attempt: job.attemptsMade + 1, attempts: job.opts.attempts ?? 1, signal, log });
      if (d.serialKey) await withSerialLock(d, any(), d.serialKey(job.data), job, token, run);
      else await run();
    },
    onFinalFailure: (job, err) => d.onFinalFailure(job.data, job.id!, err),
  });
}
