import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isPermanent } from '../core/errors.js';
import type { Logger } from '../logger.js';
import { MESSAGE_QUEUE, type JobData } from './jobs.js';

export interface JobContext {
  jobId: string;
  /** 1 for the first run. */
  attempt: number;
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
}

// Release only our own lock; extend it while the job runs.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/**
 * Hand-written because open-source BullMQ has no per-key groups (a BullMQ Pro feature):
 * a job whose thread is busy goes back to the delayed set without using an attempt.
 */
async function withSerialLock<T>(d: WorkerDeps, key: string, job: Job<JobData>, token: string | undefined, run: () => Promise<T>): Promise<T> {
  const lockKey = `${d.prefix}:serial:${key}`;
  const ttl = d.lockMs * 2;
  const got = await d.connection.set(lockKey, job.id!, 'PX', ttl, 'NX');
  if (!got && (await d.connection.get(lockKey)) !== job.id) {
    await job.moveToDelayed(Date.now() + 300 + Math.floor(Math.random() * 400), token);
    throw new DelayedError();
  }
  const timer = setInterval(() => {
    d.connection.eval(EXTEND, 1, lockKey, job.id!, String(ttl)).catch(() => undefined);
  }, Math.max(500, Math.floor(d.lockMs / 2)));
  try {
    return await run();
  } finally {
    clearInterval(timer);
    await d.connection.eval(RELEASE, 1, lockKey, job.id!).catch(() => undefined);
  }
}

export function startMessageWorker(d: WorkerDeps): Worker<JobData> {
  const worker = new Worker<JobData>(
    MESSAGE_QUEUE,
    async (job: Job<JobData>, token, signal) => {
      const log = d.log.child({ jobId: job.id, attempt: job.attemptsMade + 1 });
      const run = () => d.handle(job.data, { jobId: job.id!, attempt: job.attemptsMade + 1, signal, log });
      try {
        if (d.serialKey) await withSerialLock(d, d.serialKey(job.data), job, token, run);
        else await run();
      } catch (err) {
        if (err instanceof DelayedError) throw err;
        // The error contract: an edge error with retryable=false ends the job now.
        const permanent = isPermanent(err);
        const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        log.warn({ err, permanent, last }, 'job attempt failed');
        if (!last) throw err;
        // Even if telling the user fails (Feishu down), the job must end here, not retry.
        await d.onFinalFailure(job.data, job.id!, err).catch((e: unknown) => log.error({ err: e }, 'could not post the error reply'));
        throw new UnrecoverableError((err as Error)?.message ?? String(err));
      }
    },
    {
      connection: d.connection,
      prefix: d.prefix,
      concurrency: d.concurrency,
      lockDuration: d.lockMs,
      stalledInterval: Math.max(1000, Math.floor(d.lockMs / 2)),
      maxStalledCount: 2,
    },
  );
  worker.on('failed', (job, err) => {
    // A job that stalled too often never reaches the processor's catch: tell the user here.
    if (job && /stalled more than allowable limit/.test(err.message)) {
      d.onFinalFailure(job.data, job.id!, err).catch((e: unknown) => d.log.error({ err: e, jobId: job.id }, 'could not report a stalled job'));
    }
  });
  worker.on('error', (err) => d.log.error({ err }, 'worker error'));
  return worker;
}
