import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { MESSAGE_QUEUE, type JobData } from './jobs.js';

/** An error the user caused or that no retry can fix. */
export class PermanentError extends Error {}

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
  isPermanent: (err: unknown) => boolean;
}

export function startMessageWorker(d: WorkerDeps): Worker<JobData> {
  const worker = new Worker<JobData>(
    MESSAGE_QUEUE,
    async (job: Job<JobData>, _token, signal) => {
      const log = d.log.child({ jobId: job.id, attempt: job.attemptsMade + 1 });
      try {
        await d.handle(job.data, { jobId: job.id!, attempt: job.attemptsMade + 1, signal, log });
      } catch (err) {
        const permanent = d.isPermanent(err);
        const last = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        log.warn({ err, permanent, last }, 'job attempt failed');
        if (!last) throw err;
        await d.onFinalFailure(job.data, job.id!, err);
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
