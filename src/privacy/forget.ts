import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Queue, type Job } from 'bullmq';
import { AuditLog } from '../stores/audit.js';
import { userKeysKey } from '../stores/memory.js';
import type { VerdictStore } from '../stores/verdicts.js';
import { threadKey, type Conversation } from '../core/message.js';
import { TaskError, type TaskPort } from '../core/reminders.js';
import { conversationOf, DRAFT_EXPIRY_JOB, draftExpiryJobId, JOB_NAMES, MESSAGE_QUEUE, REMINDER_QUEUE, reminderTaskJobId, reminderTaskJobOptions, type DraftExpiryJobData, type FireJobData, type JobData, type TaskJobData } from '../queue/jobs.js';

/** What the deletion keeps, and why; the answer to the user names it. */
export const KEPT_RECORDS = ['审计记录（网络安全法第二十一条要求网络日志留存不少于六个月；只含时间、会话和用户标识、任务类型，不含消息和文档内容）'];

/** Entries the user added to lists the unit shares: kept, and they never held the user's open_id. */
export const SHARED_KEPT = [
  '本单位词表（慎用词、禁用词及改法）是全单位共用的，保留；词表只记词语，不记录是谁添加的',
  '单位信息（单位全称、上级党委、通常报送时段）是本会话共用的，保留；其中你告诉我的身份（职务）已删除',
];

export interface ForgetResult {
  /** Redis keys deleted, plus queue jobs removed or scrubbed. */
  deleted: number;
  kept: string[];
  /** Shared entries kept without the user's id (SHARED_KEPT). */
  shared?: string[];
  /** Feishu tasks of the user's reminders deleted now, and those left to a retried task job (Feishu failed). */
  tasks?: { deleted: number; retrying: number };
}

/** How long a “删除我的数据” waits for its typed confirmation. */
const ASK_TTL_SECONDS = 600;

/** A stable tag for an open_id: what buttons and the pending-ask key carry, so neither stores the id itself. */
export function userTag(openId: string): string {
  return createHash('sha256').update(`bigan-forget:${openId}`).digest('hex').slice(0, 24);
}

/** The job that runs the deletion keeps no text and no user id once it ends (its id keeps re-pushes de-duplicated). */
function anonymised(data: JobData): JobData {
  const s = scrubbed(data);
  if (s.type === 'message') return { ...s, message: { ...s.message, conversation: { ...s.message.conversation, senderOpenId: '' } } };
  if (s.type === 'card-action') return { ...s, action: { ...s.action, conversation: { ...s.action.conversation, senderOpenId: '' } } };
  return s;
}

/** Every key of one pattern, by SCAN (never KEYS: it blocks a shared Redis). */
async function scanAll(redis: Redis, match: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 500);
    out.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return out;
}

/** The text a scrubbed job keeps: none. Ids, chat and sender stay so re-pushes remain de-duplicated. */
function scrubbed(data: JobData): JobData {
  if (data.type !== 'message') return data;
  const p = data.message.payload;
  return { ...data, message: { ...data.message, payload: p.kind === 'text' ? { kind: 'text', text: '' } : p.kind === 'file' ? { kind: 'file', file: { ...p.file, name: '' } } : p } };
}

/**
 * Deletion (issue 26): `/reset` scrubs one thread's text everywhere it is stored, and “删除我的数据”
 * (or an operator's purge) deletes everything stored about a user or a chat — except the audit trail,
 * which the law requires and which holds no text. Each deletion is itself audited.
 */
export class Forgetting {
  private readonly messages: Queue;
  private readonly reminders: Queue;
  private readonly audit: AuditLog;

  constructor(private readonly redis: Redis, private readonly o: { prefix: string; auditRetentionDays: number; now?: () => Date; tasks?: TaskPort; verdicts?: VerdictStore }) {
    this.messages = new Queue(MESSAGE_QUEUE, { connection: redis, prefix: o.prefix });
    this.reminders = new Queue(REMINDER_QUEUE, { connection: redis, prefix: o.prefix });
    this.audit = new AuditLog(redis, { prefix: o.prefix, retentionDays: o.auditRetentionDays });
  }

  /** A job's kept model answers (llm/kept-answers.ts) hold the answer text. */
  private async dropAnswers(jobId: string): Promise<number> {
    const keys = await scanAll(this.redis, this.k('answer', `${jobId}:*`));
    return keys.length ? this.redis.del(...keys) : 0;
  }

  private k(...parts: string[]): string {
    return [this.o.prefix, ...parts].join(':');
  }

  private async jobs(queue: Queue): Promise<Job[]> {
    return (await queue.getJobs(['completed', 'failed', 'waiting', 'delayed', 'prioritized', 'wait'])).filter((j): j is Job => Boolean(j));
  }

  /** “删除我的数据” asked in a chat: a typed “确认删除” there (no buttons in console mode) confirms it. */
  async ask(openId: string, chatId: string): Promise<void> {
    await this.redis.set(this.k('forget', 'ask', userTag(openId)), chatId, 'EX', ASK_TTL_SECONDS);
  }

  /** Whether the user asked in this chat and has not confirmed or cancelled yet. */
  async asked(openId: string, chatId: string): Promise<boolean> {
    return (await this.redis.get(this.k('forget', 'ask', userTag(openId)))) === chatId;
  }

  async cancel(openId: string): Promise<void> {
    await this.redis.del(this.k('forget', 'ask', userTag(openId)));
  }

  /** `/reset`: the thread's history and draft go, and its jobs keep their ids but lose their text. */
  async scrubThread(c: Conversation, exceptJobId?: string): Promise<number> {
    const thread = threadKey(c);
    const keys = [this.k('hist', 't', thread), this.k('state', thread), this.k('review', thread), this.k('versions', thread)];
    if (c.chatType === 'p2p' && !c.rootId && !c.threadId) keys.push(this.k('hist', 'c', c.chatId), this.k('review', 'c', c.chatId), this.k('lastfile', c.chatId));
    // A private chat's recognition (OCR lines) waits for the next draft in any of its threads: it goes too.
    if (c.chatType === 'p2p') keys.push(this.k('ocr', c.chatId));
    let n = await this.redis.del(...keys);
    n += await this.reminders.remove(draftExpiryJobId(thread)).catch(() => 0);
    for (const job of await this.jobs(this.messages)) {
      if (!job.id || job.id === exceptJobId) continue;
      const jc = conversationOf(job.data as JobData);
      // A private chat outside threads is one conversation: all of its unthreaded jobs.
      const chatLevel = c.chatType === 'p2p' && !c.rootId && !c.threadId && !jc.rootId && !jc.threadId;
      if (jc.chatId !== c.chatId || (threadKey(jc) !== thread && !chatLevel)) continue;
      await job.updateData(scrubbed(job.data as JobData));
      n += await this.dropAnswers(job.id);
      // Each unthreaded message of the chat also keeps its own turn under its id.
      if (chatLevel) n += await this.redis.del(this.k('hist', 't', threadKey(jc)));
      n++;
    }
    return n;
  }

  /**
   * Everything about one user: the threads they wrote in (history, drafts and versions), their last file,
   * reminders they created with their delivery jobs and task links, pending questions, rate-limit and
   * queue counters, thread ownership, and their queued or finished jobs. Group threads they wrote in go
   * whole (a draft there is theirs with the others'); reminders others created stay.
   */
  async forgetUser(openId: string, o: { exceptJobId?: string; by?: string } = {}): Promise<ForgetResult> {
    let deleted = 0;
    const del = async (keys: string[]) => {
      if (keys.length) deleted += await this.redis.del(...keys);
    };
    // Threads: the memory index, thread ownership, and the conversations of the user's jobs.
    const threadKeys = new Set(await this.redis.smembers(userKeysKey(this.o.prefix, openId)));
    const p2pChats = new Set<string>();
    for (const owner of await scanAll(this.redis, this.k('owner', '*'))) {
      if ((await this.redis.get(owner)) !== openId) continue;
      const thread = owner.slice(this.k('owner', '').length);
      threadKeys.add(this.k('hist', 't', thread)).add(this.k('state', thread)).add(this.k('review', thread)).add(this.k('versions', thread)).add(owner);
    }
    for (const job of await this.jobs(this.messages)) {
      const data = job.data as JobData;
      const c = conversationOf(data);
      if (c.senderOpenId !== openId) continue;
      threadKeys.add(this.k('hist', 't', threadKey(c))).add(this.k('state', threadKey(c))).add(this.k('review', threadKey(c))).add(this.k('versions', threadKey(c)));
      if (c.chatType === 'p2p') p2pChats.add(c.chatId);
      if (c.chatType === 'p2p') threadKeys.add(this.k('hist', 'c', c.chatId)).add(this.k('lastfile', c.chatId)).add(this.k('review', 'c', c.chatId)).add(this.k('ocr', c.chatId));
      if (job.id === o.exceptJobId) continue;
      if (job.id) deleted += await this.dropAnswers(job.id);
      // An active job cannot be removed; it is scrubbed instead.
      try {
        await job.remove();
      } catch {
        await job.updateData(scrubbed(data));
      }
      deleted++;
    }
    await del([...threadKeys, userKeysKey(this.o.prefix, openId)]);

    // Reminders the user created, their next-fire marks, task links and delivery jobs; their Feishu tasks.
    const rids = new Set<string>();
    const tasks = { deleted: 0, retrying: 0 };
    for (const rec of await scanAll(this.redis, this.k('reminder', 'chat', '*', 'r', '*'))) {
      const raw = await this.redis.hget(rec, 'data');
      if (!raw) continue;
      const r = JSON.parse(raw) as { rid: string; chatId: string; shortId: number; creatorOpenId: string };
      if (r.creatorOpenId !== openId) continue;
      rids.add(r.rid);
      await this.redis.srem(this.k('reminder', 'chat', r.chatId, 'ids'), String(r.shortId));
      const removed = await this.removeTask(r);
      if (removed === 'retrying') tasks.retrying++;
      else if (removed === 'deleted') tasks.deleted++;
      await del([rec, this.k('reminder', 'next', r.rid), ...(removed === 'retrying' ? [] : [this.k('reminder', 'task', r.rid)])]);
      // With the record gone, the task job deletes the linked task (and then its link), retrying as Feishu allows.
      if (removed === 'retrying') await this.reminders.add(JOB_NAMES.reminderTask, { rid: r.rid, chatId: r.chatId, shortId: r.shortId } satisfies TaskJobData, { ...reminderTaskJobOptions(), jobId: reminderTaskJobId(r.rid, 'forget') });
    }
    for (const job of await this.jobs(this.reminders)) {
      if (job.name === DRAFT_EXPIRY_JOB) {
        // A draft's expiry warning: its thread goes with the user's threads (or it was the user's change).
        const d = job.data as DraftExpiryJobData;
        if (d.conversation.senderOpenId !== openId && !threadKeys.has(this.k('state', d.thread))) continue;
      } else if (job.name === JOB_NAMES.reminderTask || !rids.has((job.data as FireJobData).rid)) continue;
      await job.remove().catch(() => undefined);
      deleted++;
    }
    // Per-user counters and pending questions.
    const perUser = [
      ...(await scanAll(this.redis, this.k('reminder', 'pending', '*', '*', openId))),
      ...(await scanAll(this.redis, this.k('reminder', 'focus', '*', openId))),
      ...(await scanAll(this.redis, this.k('refused', '*', openId))),
      this.k('userjobs', openId), this.k('rl', openId), this.k('rlc', openId), this.k('forget', 'ask', userTag(openId)),
    ];
    await del(perUser);
    deleted += await this.forgetProfileRoles(openId, p2pChats);
    const ledger = await this.forgetLedgerEntries(openId);
    deleted += ledger.deleted;
    // Their 误报/有用 verdicts (rule ids and hashes, under a tag of their id).
    if (this.o.verdicts) deleted += await this.o.verdicts.forgetUser(openId);
    // The job running this deletion cannot be removed while it runs: it keeps neither text nor the user's id.
    if (o.exceptJobId) {
      const self = await this.messages.getJob(o.exceptJobId);
      if (self) await self.updateData(anonymised(self.data as JobData)).catch(() => undefined);
    }
    await this.audit.record({ time: (this.o.now?.() ?? new Date()).getTime(), user: openId, kind: 'delete-user', outcome: tasks.retrying ? 'partial' : 'ok', ...(o.by ? { reason: o.by } : {}) });
    const kept = ledger.anonymised ? [...KEPT_RECORDS, `你在群里记入单位台账的 ${ledger.anonymised} 条记录（记一笔）：它们是单位的工作记录，内容保留，已去掉你的用户标识`] : KEPT_RECORDS;
    return { deleted, kept, shared: SHARED_KEPT, tasks };
  }

  /**
   * The writer's role in a unit profile: removed where the user stated it, and in their private chats
   * (a role there is theirs). The rest of the profile is the unit's and stays.
   */
  private async forgetProfileRoles(openId: string, p2pChats: ReadonlySet<string>): Promise<number> {
    let n = 0;
    const prefix = this.k('profile', '');
    for (const key of await scanAll(this.redis, this.k('profile', '*'))) {
      const raw = await this.redis.get(key);
      if (!raw) continue;
      const p = JSON.parse(raw) as { role?: string; roleBy?: string };
      if (p.roleBy !== openId && !(p.role && p2pChats.has(key.slice(prefix.length)))) continue;
      delete p.role;
      delete p.roleBy;
      await this.redis.set(key, JSON.stringify(p), 'KEEPTTL');
      n++;
    }
    return n;
  }

  /**
   * 记一笔 entries the user recorded: those of a private chat are deleted; those of a group are the
   * unit's 台账 and stay, without the user's id.
   */
  private async forgetLedgerEntries(openId: string): Promise<{ deleted: number; anonymised: number }> {
    let deleted = 0;
    let anonymised = 0;
    for (const key of await scanAll(this.redis, this.k('ledger', '*', 'entries'))) {
      const byDate = key.replace(/:entries$/, ':byDate');
      for (const [id, raw] of Object.entries(await this.redis.hgetall(key))) {
        const e = JSON.parse(raw) as { by?: string; scope?: string };
        if (e.by !== openId) continue;
        if (e.scope === 'p2p') {
          await this.redis.multi().hdel(key, id).zrem(byDate, id).exec();
          deleted++;
        } else {
          delete e.by;
          await this.redis.hset(key, id, JSON.stringify(e));
          anonymised++;
        }
      }
    }
    return { deleted, anonymised };
  }

  /** An operator's purge of one chat: its threads, reminders and jobs (the audit trail stays). */
  async purgeChat(chatId: string): Promise<ForgetResult> {
    let deleted = 0;
    const keys = new Set<string>([this.k('hist', 'c', chatId), this.k('lastfile', chatId), this.k('review', 'c', chatId), this.k('ocr', chatId), this.k('profile', chatId)]);
    for (const job of await this.jobs(this.messages)) {
      const c = conversationOf(job.data as JobData);
      if (c.chatId !== chatId) continue;
      keys.add(this.k('hist', 't', threadKey(c))).add(this.k('state', threadKey(c))).add(this.k('review', threadKey(c))).add(this.k('versions', threadKey(c))).add(this.k('owner', threadKey(c)));
      await job.remove().catch(() => job.updateData(scrubbed(job.data as JobData)));
      if (job.id) deleted += await this.dropAnswers(job.id);
      deleted++;
    }
    for (const part of ['entries', 'byDate', 'seq']) keys.add(this.k('ledger', chatId, part));
    const reminderKeys = await scanAll(this.redis, this.k('reminder', 'chat', chatId, '*'));
    const retry: Array<{ rid: string; chatId: string; shortId: number }> = [];
    for (const rec of reminderKeys.filter((k) => k.includes(':r:'))) {
      const raw = await this.redis.hget(rec, 'data');
      if (!raw) continue;
      const r = JSON.parse(raw) as { rid: string; chatId: string; shortId: number };
      // The chat's reminders' Feishu tasks go too (a failure is retried by the task job once the record is gone).
      if ((await this.removeTask(r)) === 'retrying') retry.push(r);
      else keys.add(this.k('reminder', 'task', r.rid));
      keys.add(this.k('reminder', 'next', r.rid));
    }
    for (const job of await this.jobs(this.reminders)) {
      // Fires, task syncs and expiry warnings of the chat (a failed task deletion is queued again below).
      if ((job.data as FireJobData).chatId !== chatId) continue;
      await job.remove().catch(() => undefined);
      deleted++;
    }
    const all = [...keys, ...reminderKeys];
    if (all.length) deleted += await this.redis.del(...all);
    for (const r of retry) await this.reminders.add(JOB_NAMES.reminderTask, { rid: r.rid, chatId: r.chatId, shortId: r.shortId } satisfies TaskJobData, { ...reminderTaskJobOptions(), jobId: reminderTaskJobId(r.rid, 'forget') });
    if (this.o.verdicts) deleted += await this.o.verdicts.purgeChat(chatId);
    await this.audit.record({ time: (this.o.now?.() ?? new Date()).getTime(), chat: chatId, kind: 'purge-chat', outcome: retry.length ? 'partial' : 'ok' });
    return { deleted, kept: KEPT_RECORDS };
  }

  /**
   * A deleted reminder's Feishu task goes too, done or not (it is the user's data; the reminder service
   * itself leaves a completed task in the user's list). When Feishu fails, the reminder queue's task job
   * retries: with the record gone it deletes the linked task, then its link.
   */
  private async removeTask(r: { rid: string; chatId: string; shortId: number }): Promise<'deleted' | 'none' | 'retrying'> {
    const raw = await this.redis.get(this.k('reminder', 'task', r.rid));
    if (!raw) return 'none';
    const linked = JSON.parse(raw) as { guid: string; done?: boolean };
    if (!this.o.tasks) return 'none';
    try {
      await this.o.tasks.remove(linked.guid);
      return 'deleted';
    } catch (err) {
      if (err instanceof TaskError && err.reason === 'gone') return 'deleted';
      if (err instanceof TaskError && err.reason === 'no-scope') return 'none';
      // The task job leaves a task marked done alone: this one must go all the same.
      if (linked.done) await this.redis.set(this.k('reminder', 'task', r.rid), JSON.stringify({ ...linked, done: false }), 'KEEPTTL');
      return 'retrying';
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.messages.close(), this.reminders.close()]);
  }
}
