// BullMQ-backed reminder service: delayed jobs for one-off fires, Job Schedulers for recurrences.
import { createHash, randomBytes } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { toIso } from './cn-time.js';
import {
  formatCancelled, formatConfirmation, formatFired, formatList, formatNotFound, formatNotOwner, formatPreset,
} from './format.js';
import { presetSpecs, type ReminderCommand, type ReminderSpec } from './parse.js';
import { ReminderStore, type ReminderRecord } from './store.js';
import { JOB_NAMES, REMINDER_JOB_OPTIONS as JOB_OPTS, REMINDER_QUEUE, reminderFireJobId, reminderSchedulerId as schedulerIdOf, type FireJobData } from '../queue/jobs.js';

export interface ReminderTarget {
  chatId: string;
  threadRootMessageId?: string;
  mentionOpenId?: string;
}

export interface ReminderCaller {
  chatId: string;
  chatType: 'p2p' | 'group';
  openId: string;
  messageId: string;
  rootMessageId?: string;
}

export type SendFn = (target: ReminderTarget, text: string, uuid: string) => Promise<void>;

export interface ReminderLog {
  info?: (obj: object, msg?: string) => void;
  warn?: (obj: object, msg?: string) => void;
  error?: (obj: object, msg?: string) => void;
}

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
}

/** …and one delayed job per one-off fire of the current version. */
const jobIdOf = (rec: ReminderRecord, fireAt: string) => reminderFireJobId(rec.rid, rec.version, DateTime.fromISO(fireAt).toMillis());

export class ReminderService {
  readonly queue: Queue<FireJobData>;
  private readonly store: ReminderStore;
  private readonly prefix: string;
  private readonly tz: string;
  private readonly maxJitter: number;
  private worker?: Worker<FireJobData>;

  constructor(private readonly opts: ReminderServiceOptions) {
    this.prefix = opts.prefix ?? 'bigan';
    this.tz = opts.timezone;
    this.maxJitter = opts.maxJitterSeconds ?? 20;
    this.queue = new Queue<FireJobData>(REMINDER_QUEUE, { connection: opts.connection, prefix: this.prefix });
    this.queue.on('error', (err) => opts.log?.error?.({ err }, 'reminder queue error'));
    this.store = new ReminderStore(opts.connection, this.prefix);
  }

  async handle(command: ReminderCommand, caller: ReminderCaller, now: Date = new Date()): Promise<string> {
    switch (command.kind) {
      case 'error':
        return command.message;
      case 'list': {
        const mine = (await this.store.listByChat(caller.chatId)).filter((r) => r.creatorOpenId === caller.openId);
        return formatList(mine, this.tz, now, caller.chatType);
      }
      case 'set': {
        const rec = await this.create(command.spec, caller, now);
        return formatConfirmation(rec, this.tz);
      }
      case 'preset': {
        const recs: ReminderRecord[] = [];
        for (const spec of presetSpecs({ now, timezone: this.tz })) recs.push(await this.create(spec, caller, now));
        return formatPreset(recs, this.tz);
      }
      case 'cancel': {
        const rec = await this.store.get(caller.chatId, command.id);
        if (!rec) return formatNotFound(command.id);
        if (rec.creatorOpenId !== caller.openId) return formatNotOwner(command.id, 'cancel');
        await this.unschedule(rec);
        await this.store.delete(rec.chatId, rec.shortId);
        return formatCancelled(rec);
      }
      case 'edit': {
        const rec = await this.store.get(caller.chatId, command.id);
        if (!rec) return formatNotFound(command.id);
        if (rec.creatorOpenId !== caller.openId) return formatNotOwner(command.id, 'edit');
        await this.unschedule(rec);
        const spec: ReminderSpec = { ...command.spec, what: command.spec.what || rec.spec.what };
        const next: ReminderRecord = { ...rec, spec, version: rec.version + 1 };
        // Saved before scheduling, so a job due at once finds the new version.
        await this.store.save(next);
        await this.schedule(next);
        return formatConfirmation(next, this.tz, { edited: true });
      }
    }
  }

  /** Starts the worker that delivers due reminders; safe to run in several processes. */
  startWorker(): Worker<FireJobData> {
    if (this.worker) return this.worker;
    this.worker = new Worker<FireJobData>(REMINDER_QUEUE, (job) => this.fire(job), {
      connection: this.opts.connection,
      prefix: this.prefix,
      concurrency: 5,
    });
    this.worker.on('error', (err) => this.opts.log?.error?.({ err }, 'reminder worker error'));
    this.worker.on('failed', (job, err) => {
      const d = job?.data;
      const ctx = { jobId: job?.id, rid: d?.rid, chatId: d?.chatId, shortId: d?.shortId, attemptsMade: job?.attemptsMade, err };
      // 'failed' fires on every attempt; only the last one means the reminder was never delivered.
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.opts.log?.error?.(ctx, 'reminder delivery gave up');
      else this.opts.log?.warn?.(ctx, 'reminder delivery failed, will retry');
    });
    return this.worker;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
    await this.queue.close();
  }

  // ---------- internals ----------

  private async create(spec: ReminderSpec, caller: ReminderCaller, now: Date): Promise<ReminderRecord> {
    const rec = await this.store.create({
      rid: randomBytes(6).toString('hex'),
      chatId: caller.chatId,
      chatType: caller.chatType,
      creatorOpenId: caller.openId,
      sourceMessageId: caller.messageId,
      threadRootMessageId: caller.rootMessageId,
      spec,
    }, now);
    await this.schedule(rec);
    return rec;
  }

  private jitterMs(key: string): number {
    if (this.maxJitter <= 0) return 0;
    const h = createHash('sha1').update(key).digest().readUInt32BE(0);
    return h % (this.maxJitter * 1000 + 1);
  }

  /** Adds the jobs or the scheduler for the record's current version. */
  private async schedule(rec: ReminderRecord): Promise<void> {
    const base = { rid: rec.rid, chatId: rec.chatId, shortId: rec.shortId, version: rec.version };
    const rcr = rec.spec.recurrence;
    if (rcr) {
      const schedulerId = schedulerIdOf(rec.rid);
      const seconds = Math.floor(this.jitterMs(schedulerId) / 1000);
      // 5-field crons get a per-reminder seconds field as jitter; 6-field ones already have seconds.
      const pattern = rcr.cron.trim().split(/\s+/).length === 5 ? `${seconds} ${rcr.cron}` : rcr.cron;
      await this.queue.upsertJobScheduler(schedulerId, { pattern, tz: rcr.tz }, { name: JOB_NAMES.reminderFire, data: base, opts: { ...JOB_OPTS } });
      return;
    }
    if (!rec.spec.fires.length) return;
    await this.queue.addBulk(rec.spec.fires.map((fireAt) => {
      const jobId = jobIdOf(rec, fireAt);
      const delay = Math.max(0, DateTime.fromISO(fireAt).toMillis() + this.jitterMs(jobId) - Date.now());
      return { name: JOB_NAMES.reminderFire, data: { ...base, fireAt }, opts: { ...JOB_OPTS, jobId, delay } };
    }));
  }

  private async unschedule(rec: ReminderRecord): Promise<void> {
    if (rec.spec.recurrence) await this.queue.removeJobScheduler(schedulerIdOf(rec.rid));
    // remove() answers 0 for an active (locked) job; the version/record check in fire() skips it instead.
    for (const fireAt of rec.spec.fires) await this.queue.remove(jobIdOf(rec, fireAt));
  }

  private fireMillis(job: Job<FireJobData>): number {
    if (job.data.fireAt) return DateTime.fromISO(job.data.fireAt).toMillis();
    // Scheduler jobs are "repeat:<schedulerId>:<millis>": the scheduled instant, same on every retry.
    const fromId = Number(/:(\d+)$/.exec(job.id ?? '')?.[1]);
    return Number.isFinite(fromId) ? fromId : job.timestamp + (job.opts.delay ?? 0);
  }

  private async fire(job: Job<FireJobData>): Promise<string> {
    const d = job.data;
    const rec = await this.store.get(d.chatId, d.shortId);
    if (!rec || rec.rid !== d.rid) {
      // A scheduler whose record is gone would fire (and be skipped) forever: stop it.
      if (!d.fireAt && (await this.queue.removeJobScheduler(schedulerIdOf(d.rid)))) {
        this.opts.log?.warn?.({ rid: d.rid, chatId: d.chatId, shortId: d.shortId }, 'reminder record gone; removed its orphaned scheduler');
      }
      return 'skipped: cancelled or edited';
    }
    if (rec.version !== d.version) return 'skipped: cancelled or edited';
    const ms = this.fireMillis(job);
    const uuid = `rem-${rec.rid}-${ms}`; // ≤ 50 chars: 4 + 12 + 1 + 13
    if (await this.store.wasSent(uuid)) return 'skipped: already sent';
    const fireAt = toIso(DateTime.fromMillis(ms).setZone(this.tz));
    const mention = rec.chatType === 'group' ? rec.creatorOpenId : undefined;
    const target: ReminderTarget = { chatId: rec.chatId };
    if (rec.threadRootMessageId) target.threadRootMessageId = rec.threadRootMessageId;
    if (mention) target.mentionOpenId = mention;
    // The transport renders the mention (Feishu: an <at> tag; the console: nothing).
    await this.opts.send(target, formatFired(rec.spec, fireAt, this.tz), uuid);
    await this.store.markSent(uuid);
    this.opts.log?.info?.({ rid: rec.rid, shortId: rec.shortId, fireAt }, 'reminder sent');
    if (!rec.spec.recurrence && !rec.spec.fires.some((f) => DateTime.fromISO(f).toMillis() > ms)) {
      // Last one-off fire delivered: the reminder is done, unless it was edited meanwhile.
      await this.store.deleteIfVersion(rec.chatId, rec.shortId, rec.version);
    }
    return 'sent';
  }
}
