import type { Redis } from 'ioredis';
import { userKeysKey } from '../stores/memory.js';
import { threadKey, type Conversation } from '../core/message.js';
import type { FileRef } from '../core/documents.js';
import type { DocLink } from '../core/documents.js';
import type { ReviewListItem } from '../documents/review/jobs.js';

/** Where the reviewed document is: a file the writer sent, or a cloud doc (its token and the document id to read). */
export type ReviewSource =
  | { kind: 'file'; file: FileRef; name: string }
  | { kind: 'cloud'; link: DocLink; fileToken: string; title: string };

/** A list shown to the writer, waiting for 全部处理 or numbers. */
export interface PendingReview {
  source: ReviewSource;
  items: ReviewListItem[];
  /** Who sent the document (the draft's owner in a private chat). */
  sender: string;
  /** ms, from the app's clock. */
  at: number;
  /** A cloud doc's picked comments the bot has answered for this list, each with the job step that answered it: none is answered twice. */
  answered?: Record<string, string>;
}

/** One version of the thread's document: what came in, or what went out (and what changed, by comment). */
export interface ReviewVersion {
  direction: 'in' | 'out';
  name: string;
  /** The .docx, base64 (absent for a cloud doc's revised copy, which lives in Feishu). */
  docx?: string;
  url?: string;
  /** What changed, one line per comment (an output). */
  changes?: string[];
  /** A cloud doc edited in place: each block's elements before and after, so 改回上一版 can put them back. */
  inPlace?: InPlaceEdit;
  at: number;
  /** The job step that added it (set by addVersion). */
  once?: string;
}

/** The blocks of a cloud doc edited in place (issue 22 item 5), kept as a version before the edit is made. */
export interface InPlaceEdit {
  link: DocLink;
  fileToken: string;
  title: string;
  /** The document's revision_id read just before the edit, and the one the edit answered. */
  revision?: number;
  revisionAfter?: number;
  blocks: Array<{ blockId: string; paragraph: number; before: unknown[]; after: unknown[]; beforeText: string; afterText: string }>;
  /** The reply each listed comment gets once the edit is made (none for a comment already answered for this list). */
  replies: Array<{ commentId: string; text: string }>;
  /** Comments left unanswered here because an earlier run for the same list (the revised copy) answered them. */
  answeredBefore?: string[];
  /** Set once the PATCH went through: an edit refused (permission) or never made stays false. */
  applied: boolean;
  /** Decided by the rules (no model): only the critic's exact replacements were made. */
  offline?: boolean;
  /** This version is 改回上一版 of an in-place edit: the blocks were put back. */
  restored?: boolean;
}

interface ThreadReview {
  pending?: PendingReview;
  /** open_ids the owner named with “@某某 审稿”. */
  reviewers?: string[];
}

/** A version is kept up to this size (a draft with pictures is bigger; its older versions go first). */
const MAX_VERSION_BYTES = 8 * 1024 * 1024;
const MAX_VERSIONS = 20;

/**
 * The review loop's records in Redis, per thread (docs/DATA.md): `<p>:review:<thread>` (the list
 * waiting for an answer, the named reviewers), `<p>:review:c:<chat>` (in a private chat, the thread
 * a typed answer outside any thread means) and `<p>:versions:<thread>` (every version in and out).
 * Kept as long as the thread's draft; indexed for “删除我的数据”.
 */
export class ReviewStore {
  constructor(private readonly redis: Redis, private readonly o: { prefix: string; ttlSeconds: number }) {}

  private ttl(): number {
    return Math.max(this.o.ttlSeconds, 30 * 86_400);
  }

  private key(thread: string): string {
    return `${this.o.prefix}:review:${thread}`;
  }

  private versionsKey(thread: string): string {
    return `${this.o.prefix}:versions:${thread}`;
  }

  private chatKey(chatId: string): string {
    return `${this.o.prefix}:review:c:${chatId}`;
  }

  private async read(thread: string): Promise<ThreadReview> {
    const raw = await this.redis.get(this.key(thread));
    return raw ? (JSON.parse(raw) as ThreadReview) : {};
  }

  private async write(c: Conversation, thread: string, value: ThreadReview): Promise<void> {
    const tx = this.redis.multi().set(this.key(thread), JSON.stringify(value), 'EX', this.ttl());
    const idx = userKeysKey(this.o.prefix, c.senderOpenId);
    tx.sadd(idx, this.key(thread), this.versionsKey(thread)).expire(idx, this.ttl());
    await tx.exec();
  }

  /** The thread a message's review answer belongs to: its own, or in a private chat the last list shown there. */
  async threadFor(c: Conversation): Promise<string> {
    const own = threadKey(c);
    if ((await this.read(own)).pending || c.chatType !== 'p2p' || c.rootId || c.threadId) return own;
    return (await this.redis.get(this.chatKey(c.chatId))) ?? own;
  }

  async pending(thread: string): Promise<PendingReview | undefined> {
    return (await this.read(thread)).pending;
  }

  async setPending(c: Conversation, thread: string, p: PendingReview): Promise<void> {
    const cur = await this.read(thread);
    await this.write(c, thread, { ...cur, pending: p });
    if (c.chatType === 'p2p') await this.redis.set(this.chatKey(c.chatId), thread, 'EX', this.ttl());
  }

  /** Record that `once` answered these comments of the pending list (kept with the list; a new list starts afresh). */
  async markAnswered(c: Conversation, thread: string, commentIds: readonly string[], once: string): Promise<void> {
    const cur = await this.read(thread);
    if (!cur.pending || !commentIds.length) return;
    const answered = { ...(cur.pending.answered ?? {}) };
    for (const id of commentIds) answered[id] ??= once;
    await this.write(c, thread, { ...cur, pending: { ...cur.pending, answered } });
  }

  async reviewers(thread: string): Promise<string[]> {
    return (await this.read(thread)).reviewers ?? [];
  }

  async addReviewers(c: Conversation, thread: string, openIds: readonly string[]): Promise<string[]> {
    const cur = await this.read(thread);
    const reviewers = [...new Set([...(cur.reviewers ?? []), ...openIds])];
    await this.write(c, thread, { ...cur, reviewers });
    return reviewers;
  }

  /** Append a version (idempotent per `once`: a retried job does not add it twice). */
  async addVersion(thread: string, v: ReviewVersion, once: string): Promise<void> {
    const k = this.versionsKey(thread);
    const all = await this.versions(thread);
    if (all.some((x) => x.once === once)) return;
    const { docx, ...rest } = v;
    // A version too big to keep whole keeps its name and change list.
    const entry = { ...rest, once, ...(docx && docx.length <= (MAX_VERSION_BYTES * 4) / 3 ? { docx } : {}) };
    await this.redis.multi().rpush(k, JSON.stringify(entry)).ltrim(k, -MAX_VERSIONS, -1).expire(k, this.ttl()).exec();
  }

  /** Change fields of the version a job step added (an in-place edit marked applied once the PATCH went through). */
  async markVersion(thread: string, once: string, change: (v: ReviewVersion) => ReviewVersion): Promise<void> {
    const k = this.versionsKey(thread);
    const all = await this.versions(thread);
    const i = all.findIndex((v) => v.once === once);
    if (i < 0) return;
    await this.redis.lset(k, i, JSON.stringify(change(all[i]!)));
  }

  async versions(thread: string): Promise<ReviewVersion[]> {
    return (await this.redis.lrange(this.versionsKey(thread), 0, -1)).map((r) => JSON.parse(r) as ReviewVersion);
  }
}
