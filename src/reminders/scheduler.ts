// BullMQ-backed reminder service. Every fire is one delayed job: one-off fires up front, recurring ones
// chained (each fire schedules the next occurrence), because occurrences move off holidays one by one and a
// cron-driven Job Scheduler cannot move a single occurrence. Deadlines are mirrored as Feishu tasks.
import { createHash, randomBytes } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { isPermanent, TaskError } from '../core/errors.js';
import { toIso } from './cn-time.js';
import { parseEdit } from './edit.js';
import {
  formatCancelled, formatConfirmation, formatEditQuestion, formatFired, formatList, formatNotFound, formatNotOwner, type TaskState,
} from './format.js';
import { deadlineDayOf, isDeadlineRule, nextDeadline, nextOccurrences, occurrenceAt } from './occurrences.js';
import { ctxOf, ParseError, type ReminderCommand, type ReminderSpec } from './parse.js';
import { adjustProposal, formatProposal, proposalSpec, proposeCalendar, type Proposal } from './preset.js';
import { ReminderStore, type LinkedTask, type ReminderRecord } from './store.js';
import {
  JOB_NAMES, REMINDER_JOB_OPTIONS as JOB_OPTS, REMINDER_QUEUE, reminderFireJobId, reminderSchedulerId as legacySchedulerId, reminderTaskJobId,
  reminderTaskJobOptions, type FireJobData, type TaskJobData,
} from '../queue/jobs.js';

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

export { TaskError };

export interface TaskInput {
  summary: string;
  description: string;
  dueMs: number;
  allDay: boolean;
  assigneeOpenId: string;
  chatId: string;
  /** Idempotency key: a retried create returns the same task. */
  clientToken: string;
}

/** The task list the deadlines are mirrored into (Feishu Tasks v2). Errors are TaskError. */
export interface TaskPort {
  create(t: TaskInput): Promise<{ guid: string; url?: string }>;
  /** Whether the task was marked done. */
  isCompleted(guid: string): Promise<boolean>;
  setDue(guid: string, dueMs: number, allDay: boolean): Promise<void>;
  remove(guid: string): Promise<void>;
}

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
  /** Feishu Tasks for deadlines; absent = off. */
  tasks?: TaskPort;
  /** First backoff of task calls (exponential); default 5000. */
  taskBackoffMs?: number;
  /** Epoch ms for deciding which deadline is current (tests move it past a deadline); default Date.now. */
  clock?: () => number;
}

/** One delayed job per fire of the current version. */
const jobIdOf = (rec: Pick<ReminderRecord, 'rid' | 'version'>, fireAt: string) => reminderFireJobId(rec.rid, rec.version, DateTime.fromISO(fireAt).toMillis());

const DAY_MS = 86_400_000;

/** Whether the reminder has a deadline (one-off, or each occurrence of a deadline rule) that a task can mirror. */
const hasDeadline = (spec: ReminderSpec) => !!spec.deadline || (!!spec.recurrence && isDeadlineRule(spec.recurrence));

const NO_SCOPE_HINT = '应用未开通飞书任务权限（task:task:write），截止日只在聊天中提醒';

export class ReminderService {
  readonly queue: Queue<FireJobData | TaskJobData>;
  private readonly store: ReminderStore;
  private readonly prefix: string;
  private readonly tz: string;
  private readonly maxJitter: number;
  private worker?: Worker<FireJobData | TaskJobData>;

  constructor(private readonly opts: ReminderServiceOptions) {
    this.prefix = opts.prefix ?? 'bigan';
    this.tz = opts.timezone;
    this.maxJitter = opts.maxJitterSeconds ?? 20;
    this.queue = new Queue<FireJobData | TaskJobData>(REMINDER_QUEUE, { connection: opts.connection, prefix: this.prefix });
    this.queue.on('error', (err) => opts.log?.error?.({ err }, 'reminder queue error'));
    this.store = new ReminderStore(opts.connection, this.prefix);
  }

  private now(): number {
    return this.opts.clock?.() ?? Date.now();
  }

  async handle(command: ReminderCommand, caller: ReminderCaller, now: Date = new Date()): Promise<string> {
    try {
      return await this.dispatch(command, caller, now);
    } catch (e) {
      if (e instanceof ParseError) return e.message;
      throw e;
    }
  }

  /** For /healthz: whether deadlines reach Feishu Tasks. */
  async taskStatus(): Promise<string> {
    if (!this.opts.tasks) return 'off';
    const why = await this.store.taskProblem();
    return why ? `no-scope: ${why}` : 'on';
  }

  private async dispatch(command: ReminderCommand, caller: ReminderCaller, now: Date): Promise<string> {
    switch (command.kind) {
      case 'error':
        return command.message;
      case 'list': {
        const mine = (await this.store.listByChat(caller.chatId)).filter((r) => r.creatorOpenId === caller.openId);
        const tasks = await this.store.getTasks(mine.map((r) => r.rid));
        return formatList(mine.map((r) => ({ ...r, task: tasks.get(r.rid) ? 'linked' as const : undefined })), this.tz, now, caller.chatType);
      }
      case 'set': {
        const rec = await this.create(command.spec, caller, now);
        return formatConfirmation(rec, this.tz, { task: await this.taskStateFor(rec) });
      }
      case 'preset': {
        const proposal = proposeCalendar(ctxOf({ now, timezone: this.tz }));
        await this.store.setPending('preset', caller.chatId, caller.openId, proposal, 7 * 86400);
        return formatProposal(proposal, { tasks: !!this.opts.tasks });
      }
      case 'preset-confirm':
      case 'preset-adjust': {
        let proposal = await this.store.getPending<Proposal[]>('preset', caller.chatId, caller.openId);
        if (!proposal) {
          return command.kind === 'preset-confirm'
            ? '现在没有等待确认的事项。要设置意识形态报告的年度提醒，请发送“设置意识形态报告提醒”。'
            : '现在没有待调整的报告日程。请先发送“设置意识形态报告提醒”，看过建议的日期后再调整。';
        }
        const ctx = ctxOf({ now, timezone: this.tz });
        if (command.kind === 'preset-adjust') proposal = adjustProposal(proposal, command.items, ctx);
        const specs = proposal.map((p) => proposalSpec(p, ctx));
        await this.store.deletePending('preset', caller.chatId, caller.openId);
        const parts: string[] = [];
        for (const spec of specs) {
          const rec = await this.create(spec, caller, now);
          parts.push(formatConfirmation(rec, this.tz, { task: await this.taskStateFor(rec) }));
        }
        return [`已设置${specs.length}个意识形态工作报告节点：`, ...parts].join('\n\n');
      }
      case 'cancel': {
        const rec = await this.store.get(caller.chatId, command.id);
        if (!rec) return formatNotFound(command.id);
        if (rec.creatorOpenId !== caller.openId) return formatNotOwner(command.id, 'cancel');
        await this.unschedule(rec);
        await this.store.delete(rec.chatId, rec.shortId);
        const linked = (await this.store.getTasks([rec.rid])).get(rec.rid);
        if (linked) await this.enqueueTaskSync(rec, 'del');
        return formatCancelled(rec) + (linked ? '\n对应的飞书任务也会一并删除。' : '');
      }
      case 'edit': {
        const rec = await this.store.get(caller.chatId, command.id);
        if (!rec) return formatNotFound(command.id);
        if (rec.creatorOpenId !== caller.openId) return formatNotOwner(command.id, 'edit');
        const res = parseEdit(command.text, rec.spec, { now, timezone: this.tz });
        if (res.kind === 'ask') {
          await this.store.setPending('edit', caller.chatId, caller.openId, { shortId: rec.shortId, version: rec.version, once: res.once, rule: res.rule }, 86400);
          return formatEditQuestion(rec, res.date, res.ruleText, this.tz, res.once?.notes);
        }
        return this.applyEdit(rec, res.spec);
      }
      case 'edit-choice': {
        const p = await this.store.getPending<{ shortId: number; version: number; once?: ReminderSpec; rule?: ReminderSpec }>('edit', caller.chatId, caller.openId);
        if (!p) return '现在没有等待你选择的修改。要修改提醒，请说“把第2个提醒改到7月5日”。';
        const rec = await this.store.get(caller.chatId, p.shortId);
        if (!rec || rec.version !== p.version) {
          await this.store.deletePending('edit', caller.chatId, caller.openId);
          return `提醒 #${p.shortId} 在这期间已被修改或取消，请重新说一次要怎么改。`;
        }
        const spec = command.choice === 'once' ? p.once : p.rule;
        if (!spec) return '这个提醒的周期没有可以改的日子（例如每天、每个工作日）。要换周期请直接说，例如“把第2个提醒改成每周四”；只改下一次请回复“只改下一次”。';
        await this.store.deletePending('edit', caller.chatId, caller.openId);
        return this.applyEdit(rec, spec);
      }
    }
  }

  private async applyEdit(rec: ReminderRecord, spec0: ReminderSpec): Promise<string> {
    await this.unschedule(rec);
    const spec: ReminderSpec = { ...spec0, what: spec0.what || rec.spec.what };
    const next: ReminderRecord = { ...rec, spec, version: rec.version + 1 };
    // Saved before scheduling, so a job due at once finds the new version.
    await this.store.save(next);
    await this.schedule(next, Date.now());
    const linked = (await this.store.getTasks([rec.rid])).get(rec.rid);
    if (linked || hasDeadline(spec)) await this.enqueueTaskSync(next, `v${next.version}`);
    const task = await this.taskStateFor(next);
    return formatConfirmation(next, this.tz, { edited: true, task: (task === 'syncing' || task === 'syncing-each') && linked ? 'updating' : task });
  }

  /** Starts the worker that delivers due reminders and syncs tasks; safe to run in several processes. */
  startWorker(): Worker<FireJobData | TaskJobData> {
    if (this.worker) return this.worker;
    const run = async (job: Job<FireJobData | TaskJobData>): Promise<string> => {
      try {
        return await (job.name === JOB_NAMES.reminderTask ? this.syncTask(job as Job<TaskJobData>) : this.fire(job as Job<FireJobData>));
      } catch (err) {
        // The error contract (core/errors.ts): an edge error that says another attempt cannot help ends the job now.
        if (isPermanent(err)) throw new UnrecoverableError((err as Error).message);
        throw err;
      }
    };
    this.worker = new Worker<FireJobData | TaskJobData>(REMINDER_QUEUE, run, {
      connection: this.opts.connection,
      prefix: this.prefix,
      concurrency: 5,
    });
    this.worker.on('error', (err) => this.opts.log?.error?.({ err }, 'reminder worker error'));
    this.worker.on('failed', (job, err) => {
      const d = job?.data;
      const ctx = { jobId: job?.id, name: job?.name, rid: d?.rid, chatId: d?.chatId, shortId: d?.shortId, attemptsMade: job?.attemptsMade, err };
      // 'failed' fires on every attempt; only the last one means the work was never done.
      const task = job?.name === JOB_NAMES.reminderTask;
      if (err instanceof UnrecoverableError) this.opts.log?.error?.(ctx, task ? 'feishu task sync failed permanently, not retried' : 'reminder delivery failed permanently, not retried');
      else if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.opts.log?.error?.(ctx, task ? 'feishu task sync gave up' : 'reminder delivery gave up');
      else this.opts.log?.warn?.(ctx, task ? 'feishu task sync failed, will retry' : 'reminder delivery failed, will retry');
    });
    return this.worker;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
    await this.queue.close();
  }

  // ---------- internals ----------

  private async taskStateFor(rec: ReminderRecord): Promise<TaskState | undefined> {
    if (!hasDeadline(rec.spec) || !this.opts.tasks) return undefined;
    if (await this.store.taskProblem()) return 'no-scope';
    return rec.spec.recurrence ? 'syncing-each' : 'syncing';
  }

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
    await this.schedule(rec, Math.max(Date.now(), now.getTime()));
    if (hasDeadline(spec) && this.opts.tasks) await this.enqueueTaskSync(rec, 'v1');
    return rec;
  }

  private jitterMs(key: string): number {
    if (this.maxJitter <= 0) return 0;
    const h = createHash('sha1').update(key).digest().readUInt32BE(0);
    return h % (this.maxJitter * 1000 + 1);
  }

  private fireJob(rec: ReminderRecord, fireAt: string) {
    const jobId = jobIdOf(rec, fireAt);
    const delay = Math.max(0, DateTime.fromISO(fireAt).toMillis() + this.jitterMs(jobId) - Date.now());
    const data: FireJobData = { rid: rec.rid, chatId: rec.chatId, shortId: rec.shortId, version: rec.version, fireAt };
    return { name: JOB_NAMES.reminderFire, data, opts: { ...JOB_OPTS, jobId, delay } };
  }

  /** Adds the one-off jobs, or the job of the next occurrence after `afterMs`. */
  private async schedule(rec: ReminderRecord, afterMs: number): Promise<void> {
    const rcr = rec.spec.recurrence;
    if (rcr) {
      const next = nextOccurrences(rcr, DateTime.fromMillis(afterMs), 1)[0];
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

  private async unschedule(rec: ReminderRecord): Promise<void> {
    if (rec.spec.recurrence) {
      await this.queue.removeJobScheduler(legacySchedulerId(rec.rid));
      const next = await this.store.getNext(rec.rid);
      if (next) await this.queue.remove(jobIdOf(rec, next));
      await this.store.delNext(rec.rid);
    }
    // remove() answers 0 for an active (locked) job; the version/record check in fire() skips it instead.
    for (const fireAt of rec.spec.fires) await this.queue.remove(jobIdOf(rec, fireAt));
  }

  private async enqueueTaskSync(rec: Pick<ReminderRecord, 'rid' | 'chatId' | 'shortId'>, key: string, delay = 0): Promise<void> {
    if (!this.opts.tasks) return;
    const data: TaskJobData = { rid: rec.rid, chatId: rec.chatId, shortId: rec.shortId };
    await this.queue.add(JOB_NAMES.reminderTask, data, { ...reminderTaskJobOptions(this.opts.taskBackoffMs), jobId: reminderTaskJobId(rec.rid, key), delay });
  }

  /** A sync when the deadline day of a recurring reminder's task has ended: the next occurrence gets its task. */
  private async syncWhenOver(rec: Pick<ReminderRecord, 'rid' | 'chatId' | 'shortId'>, dueMs: number): Promise<void> {
    const end = DateTime.fromMillis(dueMs).setZone(this.tz).plus({ days: 1 }).toMillis();
    await this.enqueueTaskSync(rec, `p${dueMs}`, Math.max(0, end - this.now()));
  }

  private fireMillis(job: Job<FireJobData>): number {
    if (job.data.fireAt) return DateTime.fromISO(job.data.fireAt).toMillis();
    // Legacy scheduler jobs are "repeat:<schedulerId>:<millis>": the scheduled instant, same on every retry.
    const fromId = Number(/:(\d+)$/.exec(job.id ?? '')?.[1]);
    return Number.isFinite(fromId) ? fromId : job.timestamp + (job.opts.delay ?? 0);
  }

  private async fire(job: Job<FireJobData>): Promise<string> {
    const d = job.data;
    const legacy = !d.fireAt;
    const rec = await this.store.get(d.chatId, d.shortId);
    if (legacy) {
      // A Job Scheduler from an older version: replace it by the chain (and stop it if its record is gone).
      if (await this.queue.removeJobScheduler(legacySchedulerId(d.rid))) {
        this.opts.log?.warn?.({ rid: d.rid, chatId: d.chatId, shortId: d.shortId }, rec ? 'replaced a legacy reminder scheduler by a chained job' : 'reminder record gone; removed its orphaned scheduler');
      }
    }
    if (!rec || rec.rid !== d.rid || rec.version !== d.version) return 'skipped: cancelled or edited';
    const ms = this.fireMillis(job);
    // Chain first: a retried or crashed fire re-adds the same next job id, which BullMQ ignores.
    if (rec.spec.recurrence) await this.schedule(rec, ms);
    const uuid = `rem-${rec.rid}-${ms}`; // ≤ 50 chars: 4 + 12 + 1 + 13
    if (await this.store.wasSent(uuid)) return 'skipped: already sent';
    if (rec.spec.recurrence && isDeadlineRule(rec.spec.recurrence) && (await this.occurrenceDone(rec, ms))) {
      this.opts.log?.info?.({ rid: rec.rid, shortId: rec.shortId }, 'feishu task of this occurrence done; its reminder skipped');
      return 'skipped: task done';
    }
    const oneOffTask = rec.spec.deadline && !rec.spec.recurrence && (await this.store.getTasks([rec.rid])).get(rec.rid);
    if (oneOffTask && (await this.taskDone(rec, oneOffTask))) {
      await this.unschedule(rec);
      await this.store.deleteIfVersion(rec.chatId, rec.shortId, rec.version);
      this.opts.log?.info?.({ rid: rec.rid, shortId: rec.shortId }, 'feishu task done; remaining lead-time reminders stopped');
      return 'skipped: task done';
    }
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

  /**
   * Polled right before each lead-time fire (one GET), rather than subscribing to task events: it needs no
   * extra event subscription or console setup, works in both ws and webhook mode, and cannot miss an event
   * that arrived while the bot was down. A failed check errs on the side of reminding.
   */
  private async taskDone(rec: ReminderRecord, t: LinkedTask): Promise<boolean> {
    const tasks = this.opts.tasks;
    if (!tasks) return false;
    try {
      const done = await tasks.isCompleted(t.guid);
      await this.store.clearTaskProblem();
      return done;
    } catch (err) {
      if (err instanceof TaskError && err.reason === 'gone') return false;
      if (err instanceof TaskError && err.reason === 'no-scope') await this.noScope(err);
      else this.opts.log?.warn?.({ rid: rec.rid, err }, 'could not read the feishu task; reminding anyway');
      return false;
    }
  }

  /**
   * Whether the task of the occurrence a recurring fire at `ms` belongs to was marked done. Only that
   * occurrence's fires stop; a done task also brings the next occurrence's task forward.
   */
  private async occurrenceDone(rec: ReminderRecord, ms: number): Promise<boolean> {
    const r = rec.spec.recurrence;
    const occ = r && occurrenceAt(r, ms);
    const linked = (await this.store.getTasks([rec.rid])).get(rec.rid);
    if (!r || !occ) return false;
    const due = deadlineDayOf(r, occ.base).toMillis();
    // No task yet (set while tasks were off, or by an older version): this occurrence gets one now.
    if (!linked) await this.enqueueTaskSync(rec, `o${due}`);
    if (!linked) return false;
    // Still linked to an earlier occurrence (its end-of-day sync has not run, e.g. the bot was down): move on.
    if (linked.dueMs < due && !linked.done) await this.syncWhenOver(rec, linked.dueMs);
    if (linked.dueMs !== due) return false;
    if (linked.done) return true;
    if (!(await this.taskDone(rec, linked))) return false;
    await this.store.setTask(rec.rid, { ...linked, done: true }, Math.ceil(Math.max(DAY_MS, due + 30 * DAY_MS - this.now()) / 1000));
    await this.enqueueTaskSync(rec, `d${due}`);
    return true;
  }

  private async noScope(err: TaskError): Promise<void> {
    // Logged once (across processes) until a task call succeeds again.
    if (await this.store.setTaskProblem(NO_SCOPE_HINT)) {
      this.opts.log?.warn?.({ err: err.message }, 'feishu tasks unavailable (missing task:task:write scope?): deadlines are reminded in chat only');
    }
  }

  /** The due date the record's task should have now; undefined when there is no deadline (left). */
  private dueFor(rec: ReminderRecord, linked?: LinkedTask): { dueMs: number; allDay: boolean; day: DateTime } | undefined {
    const r = rec.spec.recurrence;
    if (r) {
      if (!isDeadlineRule(r)) return undefined;
      // The first occurrence whose deadline day has not ended, after one marked done.
      const after = Math.max(this.now() - DAY_MS, linked?.done ? linked.dueMs : -Infinity);
      const day = nextDeadline(r, DateTime.fromMillis(after).setZone(this.tz));
      return day && { dueMs: day.toMillis(), allDay: true, day };
    }
    if (!rec.spec.deadline) return undefined;
    const dl = DateTime.fromISO(rec.spec.deadline).setZone(this.tz);
    const allDay = !(rec.spec.deadlineHasTime ?? true);
    const day = allDay ? dl.startOf('day') : dl;
    return { dueMs: day.toMillis(), allDay, day };
  }

  private async syncTask(job: Job<TaskJobData>): Promise<string> {
    const tasks = this.opts.tasks;
    if (!tasks) return 'skipped: tasks off';
    const d = job.data;
    const found = await this.store.get(d.chatId, d.shortId);
    const rec = found && found.rid === d.rid ? found : undefined;
    const linked = (await this.store.getTasks([d.rid])).get(d.rid);
    try {
      const due = rec && this.dueFor(rec, linked);
      if (!rec || !due) {
        if (!linked) return 'skipped: nothing to do';
        // A task the user completed stays in their list; only an open one goes.
        if (!linked.done) await tasks.remove(linked.guid).catch((e: unknown) => { if (!(e instanceof TaskError && e.reason === 'gone')) throw e; });
        await this.store.delTask(d.rid);
        return 'task removed';
      }
      const recurring = !!rec.spec.recurrence;
      const ttl = Math.max(86400, Math.ceil((due.dueMs - this.now()) / 1000) + 30 * 86400);
      // A recurring reminder's task is its current occurrence's; once that one is over (done or past) the next gets its own.
      const over = !!linked && recurring && linked.dueMs !== due.dueMs && (!!linked.done || linked.dueMs + DAY_MS <= this.now());
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
        this.opts.log?.info?.({ rid: d.rid, shortId: d.shortId }, 'feishu task created');
        return 'task created';
      }
      if (recurring) await this.syncWhenOver(rec, due.dueMs);
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
