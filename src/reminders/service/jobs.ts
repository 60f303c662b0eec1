// The schedule of delayed jobs: one per one-off fire, and for a recurrence one for its next fire only. A fire
// schedules the next one itself (delivery.ts), because fires move off rest days one by one, which no
// cron-driven Job Scheduler can do.
import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { toIso } from '../cn-time.js';
import { nextOccurrences } from '../rule.js';
import { JOB_NAMES, REMINDER_JOB_OPTIONS, reminderFireJobId, type FireJobData, type TaskJobData } from '../../queue/jobs.js';
import type { ReminderRecord, ReminderStore } from './store.js';

export type ReminderQueue = Queue<FireJobData | TaskJobData>;

/** One delayed job per fire of the current version. */
export const fireJobId = (rec: Pick<ReminderRecord, 'rid' | 'version'>, fireAt: string) => reminderFireJobId(rec.rid, rec.version, DateTime.fromISO(fireAt).toMillis());

export class FireSchedule {
  constructor(
    private readonly queue: ReminderQueue,
    private readonly store: ReminderStore,
    /** `now`: the injected clock (epoch ms); delays count from it. */
    private readonly o: { maxJitterSeconds: number; now: () => number },
  ) {}

  /** Random-looking but deterministic per job, away from :00 spikes. */
  private jitterMs(key: string): number {
    if (this.o.maxJitterSeconds <= 0) return 0;
    const h = createHash('sha1').update(key).digest().readUInt32BE(0);
    return h % (this.o.maxJitterSeconds * 1000 + 1);
  }

  private fireJob(rec: ReminderRecord, fireAt: string) {
    const jobId = fireJobId(rec, fireAt);
    const delay = Math.max(0, DateTime.fromISO(fireAt).toMillis() + this.jitterMs(jobId) - this.o.now());
    const data: FireJobData = { rid: rec.rid, chatId: rec.chatId, shortId: rec.shortId, version: rec.version, fireAt };
    return { name: JOB_NAMES.reminderFire, data, opts: { ...REMINDER_JOB_OPTIONS, jobId, delay } };
  }

  /** Adds the one-off jobs, or the job of the next fire after `afterMs`. */
  async schedule(rec: ReminderRecord, afterMs: number): Promise<void> {
    const r = rec.spec.recurrence;
    if (r) {
      const next = nextOccurrences(r, DateTime.fromMillis(afterMs), 1)[0];
      if (!next) return;
      const fireAt = toIso(next.at);
      await this.store.setNext(rec.rid, fireAt);
      const j = this.fireJob(rec, fireAt);
      await this.queue.add(j.name, j.data, j.opts);
      return;
    }
    if (!rec.spec.fires.length) return;
    await this.queue.addBulk(rec.spec.fires.map((f) => this.fireJob(rec, f)));
  }

  async unschedule(rec: ReminderRecord): Promise<void> {
    if (rec.spec.recurrence) {
      const next = await this.store.getNext(rec.rid);
      if (next) await this.queue.remove(fireJobId(rec, next));
      await this.store.delNext(rec.rid);
    }
    // remove() answers 0 for an active (locked) job; the version/record check of the fire skips it instead.
    for (const fireAt of rec.spec.fires) await this.queue.remove(fireJobId(rec, fireAt));
  }
}
