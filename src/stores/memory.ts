import type { Redis } from 'ioredis';
import { threadKey, type ChatMessage, type Conversation } from '../core/message.js';

/** The set of memory keys written for a user's messages (ids only). */
export const userKeysKey = (prefix: string, openId: string) => `${prefix}:ukeys:${openId}`;

/** A chat's own word list (issue 24): durable, no TTL; the prefix is the app's, so the key is per tenant and chat. */
export const unitWordsKey = (prefix: string, chatId: string) => `${prefix}:words:${chatId}`;

export interface MemoryOptions {
  prefix: string;
  /** Messages kept per conversation (user + assistant each count one). */
  turns: number;
  /** Total characters kept; the oldest turns go first. */
  maxChars: number;
  ttlSeconds: number;
  /** How long a thread's draft is kept after its last change (DRAFT_TTL_DAYS); default max(ttlSeconds, 30 days). */
  draftTtlSeconds?: number;
  /** Called after a draft is stored: the expiry warning is (re)scheduled from here. */
  onStateSaved?: (c: Conversation) => Promise<void>;
}

/**
 * Multi-turn memory in Redis: the last turns of a thread (and, in a private chat, of
 * the chat outside threads), plus per-thread state such as the current outline.
 */
export class ConversationMemory {
  constructor(private readonly redis: Redis, private readonly o: MemoryOptions) {}

  private keys(c: Conversation): string[] {
    const chat = this.chatLevel(c);
    return [`${this.o.prefix}:hist:t:${threadKey(c)}`, ...(chat ? [chat] : [])];
  }

  /** Outside a thread in a private chat: the chat-level conversation continues (a list of its threads' ids). */
  private chatLevel(c: Conversation): string | undefined {
    return c.chatType === 'p2p' && !c.rootId && !c.threadId ? `${this.o.prefix}:hist:c:${c.chatId}` : undefined;
  }

  async history(c: Conversation): Promise<ChatMessage[]> {
    const chat = this.chatLevel(c);
    const threadList = `${this.o.prefix}:hist:t:${threadKey(c)}`;
    let raw: string[];
    if (chat) {
      // Each exchange is stored once, in its own thread; the chat-level list names those threads in order
      // and the conversation is their opening exchanges. The chat's list and this thread's are read in one
      // round trip (a MULTI: one snapshot), the threads' openings (pipelined) in a second only when the chat has some.
      const both = (await this.redis.multi().lrange(chat, 0, -1).lrange(threadList, 0, -1).exec()) as Array<[Error | null, string[]]> | null;
      const failed = both?.find(([err]) => err)?.[0];
      if (!both || failed) throw failed ?? new Error('history read failed');
      const ids = both[0]![1];
      const own = both[1]![1];
      if (ids.length) {
        const got = await this.redis.pipeline(ids.map((id) => ['lrange', `${this.o.prefix}:hist:t:${id}`, '0', '1'])).exec();
        const opening = (got ?? []).flatMap(([err, v]) => (err ? [] : (v as string[])));
        if (opening.length) return this.fit(opening.map((r) => JSON.parse(r) as ChatMessage));
      }
      raw = own;
    } else {
      raw = await this.redis.lrange(threadList, 0, -1);
    }
    return raw.length ? this.fit(raw.map((r) => JSON.parse(r) as ChatMessage)) : [];
  }

  /** Append one exchange; `onceKey` makes a retried job append it only once. */
  async append(c: Conversation, turns: ChatMessage[], onceKey: string): Promise<void> {
    const first = await this.redis.set(`${this.o.prefix}:appended:${onceKey}`, '1', 'EX', 86_400, 'NX');
    if (!first || this.o.turns === 0) return;
    // The text is written once, to the thread; a private chat's chat-level list only gets the thread's id.
    const k = `${this.o.prefix}:hist:t:${threadKey(c)}`;
    const tx = this.redis.multi();
    tx.rpush(k, ...turns.map((t) => JSON.stringify(t)));
    tx.ltrim(k, -this.o.turns, -1);
    tx.expire(k, this.o.ttlSeconds);
    const chat = this.chatLevel(c);
    if (chat) {
      tx.rpush(chat, threadKey(c));
      tx.ltrim(chat, -Math.max(1, Math.ceil(this.o.turns / Math.max(1, turns.length))), -1);
      tx.expire(chat, this.o.ttlSeconds);
    }
    this.index(tx, c, this.keys(c));
    await tx.exec();
  }

  async clear(c: Conversation): Promise<void> {
    await this.redis.del(...this.keys(c), this.stateKey(c));
  }

  private stateKey(c: Conversation): string {
    return `${this.o.prefix}:state:${threadKey(c)}`;
  }

  /** The chat's word list as stored (the file format of report/unit-words.ts), or null. */
  async unitWords(chatId: string): Promise<string | null> {
    return this.redis.get(unitWordsKey(this.o.prefix, chatId));
  }

  async setUnitWords(chatId: string, file: string): Promise<void> {
    await this.redis.set(unitWordsKey(this.o.prefix, chatId), file);
  }

  async getState<T>(c: Conversation): Promise<T | null> {
    const raw = await this.redis.get(this.stateKey(c));
    return raw ? (JSON.parse(raw) as T) : null;
  }

  async setState(c: Conversation, state: unknown): Promise<void> {
    const tx = this.redis.multi().set(this.stateKey(c), JSON.stringify(state), 'EX', this.stateTtl());
    this.index(tx, c, [this.stateKey(c)]);
    await tx.exec();
    await this.o.onStateSaved?.(c);
  }

  private stateTtl(): number {
    return this.o.draftTtlSeconds ?? Math.max(this.o.ttlSeconds, 30 * 86_400);
  }

  /** Which keys hold a user's threads: “删除我的数据” finds them here (they outlive the queue's job records). */
  private index(tx: ReturnType<Redis['multi']>, c: Conversation, keys: string[]): void {
    const k = userKeysKey(this.o.prefix, c.senderOpenId);
    tx.sadd(k, ...keys);
    tx.expire(k, this.stateTtl());
  }

  /** The last file a user sent in a private chat, so 根据这份台账写… can follow it without quoting. */
  /** The files sent in a private chat within the hour, newest last (up to five): one request may use them all. */
  async rememberFile(chatId: string, file: { messageId: string; fileKey: string; name: string }): Promise<void> {
    const key = `${this.o.prefix}:lastfile:${chatId}`;
    const kept = (await this.recentFiles(chatId)).filter((f) => f.fileKey !== file.fileKey);
    await this.redis.set(key, JSON.stringify([...kept, file].slice(-5)), 'EX', 3600);
  }

  async recentFile(chatId: string): Promise<{ messageId: string; fileKey: string; name: string } | null> {
    return (await this.recentFiles(chatId)).at(-1) ?? null;
  }

  async recentFiles(chatId: string): Promise<Array<{ messageId: string; fileKey: string; name: string }>> {
    const raw = await this.redis.get(`${this.o.prefix}:lastfile:${chatId}`);
    if (!raw) return [];
    const v = JSON.parse(raw) as unknown;
    // One file (the form before several were kept) or a list.
    return (Array.isArray(v) ? v : [v]) as Array<{ messageId: string; fileKey: string; name: string }>;
  }

  /** The unit profile a chat confirmed (report/material/profile.ts, JSON): the unit's, durable, no TTL. */
  async unitProfile(chatId: string): Promise<string | null> {
    return this.redis.get(`${this.o.prefix}:profile:${chatId}`);
  }

  async setUnitProfile(chatId: string, json: string): Promise<void> {
    await this.redis.set(`${this.o.prefix}:profile:${chatId}`, json);
  }

  /** A photo's OCR lines waiting for (or given) the writer's confirmation in a private chat: an hour, like its files. */
  async setOcr(chatId: string, value: string): Promise<void> {
    await this.redis.set(`${this.o.prefix}:ocr:${chatId}`, value, 'EX', 3600);
  }

  async clearOcr(chatId: string): Promise<void> {
    await this.redis.del(`${this.o.prefix}:ocr:${chatId}`);
  }

  async ocr(chatId: string): Promise<string | null> {
    return this.redis.get(`${this.o.prefix}:ocr:${chatId}`);
  }

  /**
   * A scanned PDF's pages one job recognised, kept a day so its retry asks OCR only for the pages that
   * failed. Under the job's kept answers (`answer:<job>:…`), which /reset drops with them.
   */
  async keptOcrPages(jobId: string): Promise<Map<number, string[]>> {
    const raw = await this.redis.hgetall(`${this.o.prefix}:answer:${jobId}:ocr`);
    return new Map(Object.entries(raw).map(([page, lines]) => [Number(page), JSON.parse(lines) as string[]]));
  }

  async keepOcrPage(jobId: string, page: number, lines: readonly string[]): Promise<void> {
    const key = `${this.o.prefix}:answer:${jobId}:ocr`;
    await this.redis.multi().hset(key, String(page), JSON.stringify(lines)).expire(key, 86_400).exec();
  }

  private fit(msgs: ChatMessage[]): ChatMessage[] {
    const out: ChatMessage[] = [];
    let total = 0;
    for (let i = msgs.length - 1; i >= 0; i--) {
      total += msgs[i]!.content.length;
      if (total > this.o.maxChars && out.length > 0) break;
      out.unshift(msgs[i]!);
    }
    // Never start with an assistant turn.
    while (out[0]?.role === 'assistant') out.shift();
    return out;
  }
}
