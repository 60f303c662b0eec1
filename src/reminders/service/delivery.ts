// A `fire` job: skip it if the reminder was cancelled, edited, already sent or its task is done; else chain
// the next fire of a recurrence and deliver once (the send uuid follows from reminder and fire time).
import type { Job } from 'bullmq';
import { DateTime } from 'luxon';
import type { LedgerDigestFn, ReminderTarget, SendFn } from '../../core/reminders.js';
import { toIso } from '../cn-time.js';
import { formatFired } from '../format.js';
import { isDeadlineRule } from '../rule.js';
import type { FireJobData } from '../../queue/jobs.js';
import type { WorkerLog } from '../../queue/worker.js';
import type { FireSchedule } from './jobs.js';
import type { ReminderStore } from './store.js';
import type { TaskSync } from './task-sync.js';

export class Delivery {
  constructor(
    private readonly store: ReminderStore,
    private readonly schedule: FireSchedule,
    private readonly tasks: TaskSync,
    private readonly o: { send: SendFn; timezone: string; log?: WorkerLog; ledgerDigest?: LedgerDigestFn },
  ) {}

  async fire(job: Job<FireJobData>): Promise<string> {
    const d = job.data;
    const rec = await this.store.get(d.chatId, d.shortId);
    if (!rec || rec.rid !== d.rid || rec.version !== d.version) return 'skipped: cancelled or edited';
    const ms = DateTime.fromISO(d.fireAt).toMillis();
    const r = rec.spec.recurrence;
    // Chain first: a retried or crashed fire re-adds the same next job id, which BullMQ ignores.
    if (r) await this.schedule.schedule(rec, ms);
    const uuid = `rem-${rec.rid}-${ms}`; // ≤ 50 chars: 4 + 12 + 1 + 13
    if (await this.store.wasSent(uuid)) return 'skipped: already sent';
    if (r && isDeadlineRule(r) && (await this.tasks.occurrenceDone(rec, ms))) {
      this.o.log?.info?.({ rid: rec.rid, shortId: rec.shortId }, 'feishu task of this occurrence done; its reminder skipped');
      return 'skipped: task done';
    }
    const oneOffTask = rec.spec.deadline && !r && (await this.tasks.linked(rec.rid));
    if (oneOffTask && (await this.tasks.taskDone(rec, oneOffTask))) {
      await this.schedule.unschedule(rec);
      await this.store.deleteIfVersion(rec.chatId, rec.shortId, rec.version);
      this.o.log?.info?.({ rid: rec.rid, shortId: rec.shortId }, 'feishu task done; remaining lead-time reminders stopped');
      return 'skipped: task done';
    }
    const fireAt = toIso(DateTime.fromMillis(ms).setZone(this.o.timezone));
    const target: ReminderTarget = { chatId: rec.chatId };
    if (rec.threadRootMessageId) target.threadRootMessageId = rec.threadRootMessageId;
    // The transport renders the mention (Feishu: an <at> tag; the console: nothing).
    if (rec.chatType === 'group') target.mentionOpenId = rec.creatorOpenId;
    // A 记台账 reminder carries the month's 台账 as it stands when it fires.
    const digest = rec.spec.ledger && this.o.ledgerDigest ? `\n${await this.o.ledgerDigest(rec.chatId, fireAt)}` : '';
    await this.o.send(target, `${formatFired(rec.spec, fireAt, this.o.timezone)}${digest}`, uuid);
    await this.store.markSent(uuid);
    this.o.log?.info?.({ rid: rec.rid, shortId: rec.shortId, fireAt }, 'reminder sent');
    if (!r && !rec.spec.fires.some((f) => DateTime.fromISO(f).toMillis() > ms)) {
      // Last one-off fire delivered: the reminder is done, unless it was edited meanwhile.
      await this.store.deleteIfVersion(rec.chatId, rec.shortId, rec.version);
    }
    return 'sent';
  }
}
