// Deadlines mirrored as Feishu tasks: `task` jobs bring a reminder's task in line with its record (create,
// move the due date, delete), and the fires ask here whether the task of their occurrence was marked done.
import { DateTime } from 'luxon';
import type { Job } from 'bullmq';
import { TaskError, type TaskPort } from '../../core/reminders.js';
import type { TaskState } from '../format.js';
import { deadlineDayOf, isDeadlineRule, nextDeadline, occurrenceAt } from '../rule.js';
import type { ReminderSpec } from '../types.js';
import { JOB_NAMES, reminderTaskJobId, reminderTaskJobOptions, type TaskJobData } from '../../queue/jobs.js';
import type { WorkerLog } from '../../queue/worker.js';
import type { ReminderQueue } from './jobs.js';
import type { LinkedTask, ReminderRecord, ReminderStore } from './store.js';

const DAY_MS = 86_400_000;
const NO_SCOPE_HINT = '应用未开通飞书任务权限（task:task:write），截止日只在聊天中提醒';

/** Whether the reminder has a deadline (one-off, or each occurrence of a deadline rule) that a task can mirror. */
export const hasDeadline = (spec: ReminderSpec) => !!spec.deadline || (!!spec.recurrence && isDeadlineRule(spec.recurrence));

export interface TaskSyncOptions {
  /** Feishu Tasks; absent = off. */
  tasks?: TaskPort;
  timezone: string;
  /** First backoff of task calls (exponential); default 5000. */
  backoffMs?: number;
  log?: WorkerLog;
  /** The injected clock (epoch ms). */
  now: () => number;
}

export class TaskSync {
  constructor(private readonly queue: ReminderQueue, private readonly store: ReminderStore, private readonly o: TaskSyncOptions) {}

  get on(): boolean {
    return !!this.o.tasks;
  }

  /** For /healthz: whether deadlines reach Feishu Tasks. */
  async status(): Promise<string> {
    if (!this.o.tasks) return 'off';
    const why = await this.store.taskProblem();
    return why ? `no-scope: ${why}` : 'on';
  }

  /** What a confirmation says about the record's task. */
  async stateFor(rec: ReminderRecord): Promise<TaskState | undefined> {
    if (!hasDeadline(rec.spec) || !this.o.tasks) return undefined;
    if (await this.store.taskProblem()) return 'no-scope';
    return rec.spec.recurrence ? 'syncing-each' : 'syncing';
  }

  /** The record's linked task, if any. */
  async linked(rid: string): Promise<LinkedTask | undefined> {
    return (await this.store.getTasks([rid])).get(rid);
  }

  /** The linked task; for a one-off deadline, asked once whether the writer marked it done (then remembered). */
  async linkedOrDone(rec: ReminderRecord): Promise<LinkedTask | undefined> {
    const linked = await this.linked(rec.rid);
    if (!linked || linked.done || rec.spec.recurrence || !(await this.taskDone(rec, linked))) return linked;
    const done = { ...linked, done: true };
    await this.store.setTask(rec.rid, done, Math.ceil(Math.max(DAY_MS, linked.dueMs + 30 * DAY_MS - this.o.now()) / 1000));
    return done;
  }

  async enqueue(rec: Pick<ReminderRecord, 'rid' | 'chatId' | 'shortId'>, key: string, delay = 0): Promise<void> {
    if (!this.o.tasks) return;
    const data: TaskJobData = { rid: rec.rid, chatId: rec.chatId, shortId: rec.shortId };
    await this.queue.add(JOB_NAMES.reminderTask, data, { ...reminderTaskJobOptions(this.o.backoffMs), jobId: reminderTaskJobId(rec.rid, key), delay });
  }

  /** A sync when the deadline day of a recurring reminder's task has ended: the next occurrence gets its task. */
  private async syncWhenOver(rec: Pick<ReminderRecord, 'rid' | 'chatId' | 'shortId'>, dueMs: number): Promise<void> {
    const end = DateTime.fromMillis(dueMs).setZone(this.o.timezone).plus({ days: 1 }).toMillis();
    await this.enqueue(rec, `p${dueMs}`, Math.max(0, end - this.o.now()));
  }

  /**
   * Polled right before each lead-time fire (one GET), rather than subscribing to task events: it needs no
   * extra event subscription or console setup, works in both ws and webhook mode, and cannot miss an event
   * that arrived while the bot was down. A failed check errs on the side of reminding.
   */
  async taskDone(rec: ReminderRecord, t: LinkedTask): Promise<boolean> {
    const tasks = this.o.tasks;
    if (!tasks) return false;
    try {
      const done = await tasks.isCompleted(t.guid);
      await this.store.clearTaskProblem();
      return done;
    } catch (err) {
      if (err instanceof TaskError && err.reason === 'gone') return false;
      if (err instanceof TaskError && err.reason === 'no-scope') await this.noScope(err);
      else this.o.log?.warn?.({ rid: rec.rid, err }, 'could not read the feishu task; reminding anyway');
      return false;
    }
  }

  /**
   * Whether the task of the occurrence a recurring fire at `ms` belongs to was marked done. Only that
   * occurrence's fires stop; a done task also brings the next occurrence's task forward.
   */
  async occurrenceDone(rec: ReminderRecord, ms: number): Promise<boolean> {
    const r = rec.spec.recurrence;
    const occ = r && occurrenceAt(r, ms);
    const linked = await this.linked(rec.rid);
    if (!r || !occ) return false;
    const due = deadlineDayOf(r, occ.base).toMillis();
    // No task yet (set while tasks were off): this occurrence gets one now.
    if (!linked) await this.enqueue(rec, `o${due}`);
    if (!linked) return false;
    // Still linked to an earlier occurrence (its end-of-day sync has not run, e.g. the bot was down): move on.
    if (linked.dueMs < due && !linked.done) await this.syncWhenOver(rec, linked.dueMs);
    if (linked.dueMs !== due) return false;
    if (linked.done) return true;
    if (!(await this.taskDone(rec, linked))) return false;
    await this.store.setTask(rec.rid, { ...linked, done: true }, Math.ceil(Math.max(DAY_MS, due + 30 * DAY_MS - this.o.now()) / 1000));
    await this.enqueue(rec, `d${due}`);
    return true;
  }

  private async noScope(err: TaskError): Promise<void> {
    // Logged once (across processes) until a task call succeeds again.
    if (await this.store.setTaskProblem(NO_SCOPE_HINT)) {
      this.o.log?.warn?.({ err: err.message }, 'feishu tasks unavailable (missing task:task:write scope?): deadlines are reminded in chat only');
    }
  }

  /** The due date the record's task should have now; undefined when there is no deadline (left). */
  dueOf(rec: ReminderRecord, linked?: LinkedTask): { dueMs: number; allDay: boolean; day: DateTime } | undefined {
    const r = rec.spec.recurrence;
    if (r) {
      if (!isDeadlineRule(r)) return undefined;
      // The first occurrence whose deadline day has not ended, after one marked done.
      const after = Math.max(this.o.now() - DAY_MS, linked?.done ? linked.dueMs : -Infinity);
      const day = nextDeadline(r, DateTime.fromMillis(after).setZone(this.o.timezone));
      return day && { dueMs: day.toMillis(), allDay: true, day };
    }
    if (!rec.spec.deadline) return undefined;
    const dl = DateTime.fromISO(rec.spec.deadline).setZone(this.o.timezone);
    const allDay = !(rec.spec.deadlineHasTime ?? true);
    const day = allDay ? dl.startOf('day') : dl;
    return { dueMs: day.toMillis(), allDay, day };
  }

  /** A `task` job: create, move or delete the record's task. */
  async sync(job: Job<TaskJobData>): Promise<string> {
    const tasks = this.o.tasks;
    if (!tasks) return 'skipped: tasks off';
    const d = job.data;
    const found = await this.store.get(d.chatId, d.shortId);
    const rec = found && found.rid === d.rid ? found : undefined;
    const linked = await this.linked(d.rid);
    try {
      const due = rec && this.dueOf(rec, linked);
      if (!rec || !due) {
        if (!linked) return 'skipped: nothing to do';
        // A task the user completed stays in their list; only an open one goes.
        if (!linked.done) await tasks.remove(linked.guid).catch((e: unknown) => { if (!(e instanceof TaskError && e.reason === 'gone')) throw e; });
        await this.store.delTask(d.rid);
        return 'task removed';
      }
      const recurring = !!rec.spec.recurrence;
      const ttl = Math.max(86400, Math.ceil((due.dueMs - this.o.now()) / 1000) + 30 * 86400);
      // A recurring reminder's task is its current occurrence's; once that one is over (done or past) the next gets its own.
      const over = !!linked && recurring && linked.dueMs !== due.dueMs && (!!linked.done || linked.dueMs + DAY_MS <= this.o.now());
      if (!linked || over) {
        const what = rec.spec.what || '截止事项';
        const dueText = due.day.toFormat(due.allDay ? 'yyyy年M月d日' : 'yyyy年M月d日 HH:mm');
        const created = await tasks.create({
          summary: what,
          description: recurring
            ? `由笔杆子根据周期提醒 #${rec.shortId} 创建：${what}，本期截止${dueText}。标记完成后本期不再提醒，下一期会另建任务。`
            : `由笔杆子根据提醒 #${rec.shortId} 创建：${what}，截止${dueText}。`,
          dueMs: due.dueMs, allDay: due.allDay, assigneeOpenId: rec.creatorOpenId, chatId: rec.chatId,
          // One task per occurrence: a retried create returns the same one.
          clientToken: recurring ? `bigan-task-${rec.rid}-${due.dueMs}` : `bigan-task-${rec.rid}`,
        });
        await this.store.setTask(d.rid, { guid: created.guid, url: created.url, dueMs: due.dueMs }, ttl);
        await this.store.clearTaskProblem();
        // Cancelled while we were creating: undo.
        const again = await this.store.get(d.chatId, d.shortId);
        if (!again || again.rid !== d.rid) {
          await tasks.remove(created.guid);
          await this.store.delTask(d.rid);
          return 'task created and removed (reminder cancelled)';
        }
        if (recurring) await this.syncWhenOver(rec, due.dueMs);
        this.o.log?.info?.({ rid: d.rid, shortId: d.shortId }, 'feishu task created');
        return 'task created';
      }
      if (recurring) await this.syncWhenOver(rec, due.dueMs);
      // A one-off task marked done is the writer's record of it: left as it is.
      if (linked.done && !recurring) return 'task done: left as it is';
      if (linked.dueMs !== due.dueMs) {
        await tasks.setDue(linked.guid, due.dueMs, due.allDay);
        await this.store.setTask(d.rid, { ...linked, dueMs: due.dueMs }, ttl);
        return 'task due updated';
      }
      return 'task up to date';
    } catch (err) {
      if (err instanceof TaskError && err.reason === 'no-scope') {
        await this.noScope(err);
        return 'skipped: no task scope';
      }
      // Permanent or not, the worker decides by the error contract.
      throw err;
    }
  }
}
