/**
 * The writers' verdicts on findings (issue 24 item 6), in Redis: rule id, a hash of the excerpt,
 * tenant, chat, a tag of the user, time and where it was given; never the text. Kept
 * VERDICT_RETENTION_DAYS, deleted with the user (“删除我的数据”) or the chat (a purge).
 * Also the state of each feedback card (its rows' rules and hashes, no text) so a press can redraw it.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

import type { Verdict, VerdictRecord } from '../report/verdicts.js';

// The record's shape is report/verdicts.ts's, which counts and exports it.
export type { Verdict, VerdictRecord };

/** The excerpt's fingerprint: enough to tell findings apart, useless to read the text back. */
export function excerptHash(excerpt: string): string {
  return createHash('sha256').update(`bigan-excerpt:${excerpt}`).digest('hex').slice(0, 12);
}

/** A stable tag of an open_id: records carry it, never the id. */
export function verdictUser(openId: string): string {
  return createHash('sha256').update(`bigan-verdict:${openId}`).digest('hex').slice(0, 24);
}

/** One row of a feedback card: what the verdict is about. */
export interface VerdictCardRow {
  rule: string;
  hash: string;
  label: string;
}

export interface VerdictCardState {
  chat: string;
  thread: string;
  total: number;
  rows: VerdictCardRow[];
}

/** Cards can be pressed for 14 days (Feishu card JSON 2.0). */
const CARD_TTL_SECONDS = 14 * 86_400;

export class VerdictStore {
  constructor(private readonly redis: Redis, private readonly o: {
    prefix: string; retentionDays: number;
    /** A verdict was recorded or changed (the /metrics counter). */
    onRecorded?: (rule: string, verdict: Verdict) => void;
  }) {}

  private k(...parts: string[]): string {
    return [this.o.prefix, 'verdict', ...parts].join(':');
  }

  /**
   * Record one verdict. The same finding (id) judged again replaces its verdict; the same verdict
   * again changes nothing. Returns whether anything changed.
   */
  async record(r: Omit<VerdictRecord, 'user'> & { openId: string }): Promise<boolean> {
    const { openId, ...rest } = r;
    const rec: VerdictRecord = { ...rest, user: verdictUser(openId) };
    const old = await this.redis.hget(this.k('rec'), rec.id);
    if (old && (JSON.parse(old) as VerdictRecord).verdict === rec.verdict) return false;
    await this.redis.hset(this.k('rec'), rec.id, JSON.stringify(rec));
    await this.redis.zadd(this.k('time'), rec.time, rec.id);
    const userKey = this.k('user', rec.user);
    await this.redis.sadd(userKey, rec.id);
    await this.redis.expire(userKey, this.o.retentionDays * 86_400);
    await this.trim(rec.time);
    this.o.onRecorded?.(rec.rule, rec.verdict);
    return true;
  }

  /** Records older than the retention go (checked on each write). */
  private async trim(now: number): Promise<void> {
    const cutoff = now - this.o.retentionDays * 86_400_000;
    const old = await this.redis.zrangebyscore(this.k('time'), '-inf', `(${cutoff}`);
    if (!old.length) return;
    await this.redis.hdel(this.k('rec'), ...old);
    await this.redis.zrem(this.k('time'), ...old);
  }

  async get(id: string): Promise<VerdictRecord | undefined> {
    const raw = await this.redis.hget(this.k('rec'), id);
    return raw ? (JSON.parse(raw) as VerdictRecord) : undefined;
  }

  /** Every record in time order, optionally within [since, until]. */
  /** Changes whenever a verdict is recorded, replaced, trimmed or deleted: the count and the newest time. */
  async stamp(): Promise<string> {
    const [count, newest] = await Promise.all([this.redis.zcard(this.k('time')), this.redis.zrange(this.k('time'), '-1', '-1', 'WITHSCORES')]);
    return `${count}:${newest[1] ?? ''}`;
  }

  async list(q: { since?: number; until?: number } = {}): Promise<VerdictRecord[]> {
    const ids = await this.redis.zrangebyscore(this.k('time'), q.since ?? '-inf', q.until ?? '+inf');
    if (!ids.length) return [];
    const raws = await this.redis.hmget(this.k('rec'), ...ids);
    return raws.filter((x): x is string => Boolean(x)).map((x) => JSON.parse(x) as VerdictRecord);
  }

  /** “删除我的数据”: the user's verdicts. */
  async forgetUser(openId: string): Promise<number> {
    const userKey = this.k('user', verdictUser(openId));
    const ids = await this.redis.smembers(userKey);
    let n = 0;
    if (ids.length) {
      n += await this.redis.hdel(this.k('rec'), ...ids);
      await this.redis.zrem(this.k('time'), ...ids);
    }
    return n + (await this.redis.del(userKey));
  }

  /** A purge of one chat: its verdicts and its cards' state. */
  async purgeChat(chatId: string): Promise<number> {
    const all = await this.redis.hgetall(this.k('rec'));
    const ids = Object.entries(all).filter(([, v]) => (JSON.parse(v) as VerdictRecord).chat === chatId).map(([id]) => id);
    let n = 0;
    if (ids.length) {
      n += await this.redis.hdel(this.k('rec'), ...ids);
      await this.redis.zrem(this.k('time'), ...ids);
    }
    const cards: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', this.k('card', chatId, '*'), 'COUNT', 500);
      cards.push(...keys);
      cursor = next;
    } while (cursor !== '0');
    if (cards.length) n += await this.redis.del(...cards);
    return n;
  }

  async saveCard(key: string, state: VerdictCardState): Promise<void> {
    await this.redis.set(this.k('card', state.chat, key), JSON.stringify(state), 'EX', CARD_TTL_SECONDS);
  }

  async card(chat: string, key: string): Promise<VerdictCardState | undefined> {
    const raw = await this.redis.get(this.k('card', chat, key));
    return raw ? (JSON.parse(raw) as VerdictCardState) : undefined;
  }
}
