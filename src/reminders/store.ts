// Redis persistence of reminder records: one hash per reminder, a per-chat id counter and index set.
import type { Redis } from 'ioredis';
import type { ReminderSpec } from './parse.js';

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
  /** One-off BullMQ job ids for the current version. */
  jobIds: string[];
  schedulerId?: string;
}

export type NewReminder = Omit<ReminderRecord, 'shortId' | 'version' | 'jobIds' | 'createdAt'>;

export class ReminderStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private seqKey(chatId: string) { return `${this.prefix}:reminder:chat:${chatId}:seq`; }
  private idsKey(chatId: string) { return `${this.prefix}:reminder:chat:${chatId}:ids`; }
  private recKey(chatId: string, shortId: number) { return `${this.prefix}:reminder:chat:${chatId}:r:${shortId}`; }
  private sentKey(uuid: string) { return `${this.prefix}:reminder:sent:${uuid}`; }

  async create(input: NewReminder, now: Date): Promise<ReminderRecord> {
    const shortId = await this.redis.incr(this.seqKey(input.chatId));
    const rec: ReminderRecord = { ...input, shortId, version: 1, jobIds: [], createdAt: now.toISOString() };
    await this.save(rec);
    return rec;
  }

  async save(rec: ReminderRecord): Promise<void> {
    await this.redis.multi()
      .hset(this.recKey(rec.chatId, rec.shortId), {
        creator: rec.creatorOpenId,
        version: String(rec.version),
        data: JSON.stringify(rec),
      })
      .sadd(this.idsKey(rec.chatId), String(rec.shortId))
      .exec();
  }

  async get(chatId: string, shortId: number): Promise<ReminderRecord | undefined> {
    const data = await this.redis.hget(this.recKey(chatId, shortId), 'data');
    return data ? (JSON.parse(data) as ReminderRecord) : undefined;
  }

  async listByChat(chatId: string): Promise<ReminderRecord[]> {
    const ids = await this.redis.smembers(this.idsKey(chatId));
    const out: ReminderRecord[] = [];
    for (const id of ids) {
      const rec = await this.get(chatId, Number(id));
      if (rec) out.push(rec);
      else await this.redis.srem(this.idsKey(chatId), id);
    }
    return out.sort((a, b) => a.shortId - b.shortId);
  }

  async delete(chatId: string, shortId: number): Promise<void> {
    await this.redis.multi().del(this.recKey(chatId, shortId)).srem(this.idsKey(chatId), String(shortId)).exec();
  }

  /** Marks a delivery done; false if it was already marked. */
  async markSent(uuid: string, ttlSeconds = 7 * 86400): Promise<boolean> {
    return (await this.redis.set(this.sentKey(uuid), '1', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async wasSent(uuid: string): Promise<boolean> {
    return (await this.redis.exists(this.sentKey(uuid))) === 1;
  }
}
