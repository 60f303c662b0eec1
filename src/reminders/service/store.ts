// Redis persistence of reminder records: one hash per reminder, a per-chat id counter and index set.
import type { Redis } from 'ioredis';
import type { ReminderSpec } from '../types.js';

export interface ReminderRecord {
  /** Global id, used in job ids and send uuids (no colons). */
  rid: string;
  chatId: string;
  /** Per-chat short id shown to users; never reused. */
  shortId: number;
  chatType: 'p2p' | 'group';
  creatorOpenId: string;
  sourceMessageId: string;
  threadRootMessageId?: string;
  spec: ReminderSpec;
  /** Bumped on edit so stale jobs can be recognised and skipped. */
  version: number;
  createdAt: string;
}

export type NewReminder = Omit<ReminderRecord, 'shortId' | 'version' | 'createdAt'>;

// Deletes the record only if it still has the given version (an edit in between keeps it).
const DELETE_IF_VERSION = `
if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
return 1`;

export class ReminderStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private seqKey(chatId: string) { return `${this.prefix}:reminder:chat:${chatId}:seq`; }
  private idsKey(chatId: string) { return `${this.prefix}:reminder:chat:${chatId}:ids`; }
  private recKey(chatId: string, shortId: number) { return `${this.prefix}:reminder:chat:${chatId}:r:${shortId}`; }
  private sentKey(uuid: string) { return `${this.prefix}:reminder:sent:${uuid}`; }

  async create(input: NewReminder, now: Date): Promise<ReminderRecord> {
    const shortId = await this.redis.incr(this.seqKey(input.chatId));
    const rec: ReminderRecord = { ...input, shortId, version: 1, createdAt: now.toISOString() };
    await this.save(rec);
    return rec;
  }

  async save(rec: ReminderRecord): Promise<void> {
    await this.redis.multi()
      // `version` is kept beside the JSON so deleteIfVersion can compare it inside Redis.
      .hset(this.recKey(rec.chatId, rec.shortId), { version: String(rec.version), data: JSON.stringify(rec) })
      .sadd(this.idsKey(rec.chatId), String(rec.shortId))
      .exec();
  }

  async get(chatId: string, shortId: number): Promise<ReminderRecord | undefined> {
    const data = await this.redis.hget(this.recKey(chatId, shortId), 'data');
    return data ? (JSON.parse(data) as ReminderRecord) : undefined;
  }

  async listByChat(chatId: string): Promise<ReminderRecord[]> {
    const ids = await this.redis.smembers(this.idsKey(chatId));
    if (!ids.length) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hget(this.recKey(chatId, Number(id)), 'data');
    const res = (await pipe.exec()) ?? [];
    const out: ReminderRecord[] = [];
    const gone: string[] = [];
    ids.forEach((id, i) => {
      const [err, data] = res[i] ?? [null, null];
      if (err) throw err;
      if (typeof data === 'string') out.push(JSON.parse(data) as ReminderRecord);
      else gone.push(id);
    });
    // Index entries whose record has vanished are pruned.
    if (gone.length) await this.redis.srem(this.idsKey(chatId), ...gone);
    return out.sort((a, b) => a.shortId - b.shortId);
  }

  async delete(chatId: string, shortId: number): Promise<void> {
    await this.redis.multi().del(this.recKey(chatId, shortId)).srem(this.idsKey(chatId), String(shortId)).exec();
  }

  /** Deletes the record if it is still at `version`, atomically; false if it was edited or is gone. */
  async deleteIfVersion(chatId: string, shortId: number, version: number): Promise<boolean> {
    const n = await this.redis.eval(DELETE_IF_VERSION, 2, this.recKey(chatId, shortId), this.idsKey(chatId), String(version), String(shortId));
    return n === 1;
  }

  /** Marks a delivery done; false if it was already marked. */
  async markSent(uuid: string, ttlSeconds = 7 * 86400): Promise<boolean> {
    return (await this.redis.set(this.sentKey(uuid), '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async wasSent(uuid: string): Promise<boolean> {
    return (await this.redis.exists(this.sentKey(uuid))) === 1;
  }

  // The pending fire of a recurring reminder (its job id follows from it), kept beside the record so
  // chaining never rewrites the record an edit may be saving at the same moment.
  private nextKey(rid: string) { return `${this.prefix}:reminder:next:${rid}`; }
  async setNext(rid: string, fireAt: string): Promise<void> { await this.redis.set(this.nextKey(rid), fireAt); }
  async getNext(rid: string): Promise<string | undefined> { return (await this.redis.get(this.nextKey(rid))) ?? undefined; }
  async delNext(rid: string): Promise<void> { await this.redis.del(this.nextKey(rid)); }

  // The Feishu task mirroring a deadline reminder.
  private taskKey(rid: string) { return `${this.prefix}:reminder:task:${rid}`; }
  async setTask(rid: string, t: LinkedTask, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.taskKey(rid), JSON.stringify(t), 'EX', ttlSeconds);
  }
  async getTasks(rids: string[]): Promise<Map<string, LinkedTask>> {
    const out = new Map<string, LinkedTask>();
    if (!rids.length) return out;
    const vals = await this.redis.mget(rids.map((r) => this.taskKey(r)));
    vals.forEach((v, i) => { if (v) out.set(rids[i]!, JSON.parse(v) as LinkedTask); });
    return out;
  }
  async delTask(rid: string): Promise<void> { await this.redis.del(this.taskKey(rid)); }

  /** Why Feishu Tasks are unavailable (missing scope), shared by all processes for /healthz. */
  private problemKey() { return `${this.prefix}:reminder:tasks-problem`; }
  /** True when the problem is new (so it is logged once). */
  async setTaskProblem(why: string): Promise<boolean> {
    return (await this.redis.set(this.problemKey(), why, 'EX', 6 * 3600, 'NX')) === 'OK';
  }
  async taskProblem(): Promise<string | undefined> { return (await this.redis.get(this.problemKey())) ?? undefined; }
  async clearTaskProblem(): Promise<void> { await this.redis.del(this.problemKey()); }

  /** A question waiting for the user's answer (edit choice, report calendar), per chat and user. */
  private pendingKey(kind: string, chatId: string, openId: string) { return `${this.prefix}:reminder:pending:${kind}:${chatId}:${openId}`; }
  async setPending(kind: string, chatId: string, openId: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.pendingKey(kind, chatId, openId), JSON.stringify(value), 'EX', ttlSeconds);
  }
  async getPending<T>(kind: string, chatId: string, openId: string): Promise<T | undefined> {
    const v = await this.redis.get(this.pendingKey(kind, chatId, openId));
    return v ? (JSON.parse(v) as T) : undefined;
  }
  async deletePending(kind: string, chatId: string, openId: string): Promise<void> {
    await this.redis.del(this.pendingKey(kind, chatId, openId));
  }

  /** The reminders a user just set, edited or listed in a chat: what “改到下午4点” without a number means. */
  private focusKey(chatId: string, openId: string) { return `${this.prefix}:reminder:focus:${chatId}:${openId}`; }
  async setFocus(chatId: string, openId: string, shortIds: number[]): Promise<void> {
    await this.redis.set(this.focusKey(chatId, openId), JSON.stringify(shortIds), 'EX', 86400);
  }
  async getFocus(chatId: string, openId: string): Promise<number[]> {
    const v = await this.redis.get(this.focusKey(chatId, openId));
    return v ? (JSON.parse(v) as number[]) : [];
  }
}

export interface LinkedTask {
  guid: string;
  url?: string;
  dueMs: number;
  /** Seen done before a fire (recurring reminders: that occurrence is over). */
  done?: boolean;
}
