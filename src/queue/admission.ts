import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AuditLog, auditFields, auditKey, type AuditRecord } from '../stores/audit.js';

/**
 * Why a request is not queued for work; the user gets one polite answer. `rate-limited`: the limit that
 * protects the model; `commands-rate-limited`: the larger one for commands that need no model (我的提醒).
 */
export type Refusal = 'not-allowed' | 'rate-limited' | 'commands-rate-limited' | 'queue-full';

export interface AdmissionOptions {
  prefix: string;
  /** Requests per user per minute that may need the model; 0 turns the limit off. */
  perMinute: number;
  /** Requests per user per minute that need no model (reminder commands, help); 0 turns the limit off. */
  commandsPerMinute?: number;
  /** Jobs one user may have queued or running at once. */
  maxQueued: number;
  allowedTenants: readonly string[];
  allowedChats: readonly string[];
  allowedUsers: readonly string[];
  onRefusal?: (reason: Refusal) => void;
  /** Resolves once the connection is usable (a fail-fast connection refuses commands while connecting). */
  ready?: () => Promise<unknown>;
  /** Refusals go to the audit trail (AUDIT_RETENTION_DAYS); a full queue is recorded by the claiming script itself. */
  auditRetentionDays?: number;
}

export interface Requester {
  tenantKey?: string;
  chatId: string;
  /** open_id, plus user_id / union_id when the event has them (any may be allow-listed). */
  userIds: readonly string[];
}

/** Entries older than this no longer count against the per-user cap (a lost release heals). */
const QUEUED_TTL_MS = 3600_000;

/**
 * Drop stale entries, then add the job if the user is under the cap: returns how many were queued before,
 * or -1. A refusal is appended to the audit stream (KEYS[2]) in the same script, so it is recorded in the
 * round trip that decides it: ARGV[6] is the oldest id to keep, ARGV[7..] the record's field/value pairs.
 */
const CLAIM_SLOT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, ARGV[2])
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[3]) then
  if KEYS[2] ~= '' and #ARGV > 6 then
    redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[6], '*', unpack(ARGV, 7))
  end
  return -1
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return n`;

type ClaimingRedis = Redis & { bigan_claim_slot(key: string, audit: string, ...args: (string | number)[]): Promise<number> };

/**
 * The ingest-side gate: allowlists, a per-user rate limit (rate-limiter-flexible on the same
 * Redis, so it holds across ingest processes) and a cap on one user's queued jobs.
 */
export class Admission {
  private readonly limiter?: RateLimiterRedis;
  private readonly commandLimiter?: RateLimiterRedis;
  private readonly audit?: AuditLog;

  constructor(private readonly redis: Redis, private readonly o: AdmissionOptions) {
    // EVALSHA with ioredis's NOSCRIPT fallback: the script body is not sent on every ack.
    if (!('bigan_claim_slot' in redis)) redis.defineCommand('bigan_claim_slot', { numberOfKeys: 2, lua: CLAIM_SLOT });
    if (o.auditRetentionDays) this.audit = new AuditLog(redis, { prefix: o.prefix, retentionDays: o.auditRetentionDays });
    if (o.perMinute > 0) this.limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${o.prefix}:rl`, points: o.perMinute, duration: 60 });
    // Two buckets: reading one's reminders must not wait behind the model's limit.
    if ((o.commandsPerMinute ?? 0) > 0) this.commandLimiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${o.prefix}:rlc`, points: o.commandsPerMinute!, duration: 60 });
  }

  /** Pure allowlist check; an empty list allows everyone. */
  allowed(r: Requester): boolean {
    const ok = (list: readonly string[], v: readonly (string | undefined)[]) => list.length === 0 || v.some((x) => x !== undefined && list.includes(x));
    return ok(this.o.allowedTenants, [r.tenantKey]) && ok(this.o.allowedChats, [r.chatId]) && ok(this.o.allowedUsers, r.userIds);
  }

  private queuedKey(openId: string): string {
    return `${this.o.prefix}:userjobs:${openId}`;
  }

  /**
   * Decide for one new request. On success the job id is counted against the user's cap and
   * `queued` tells how many the user had before (used as the job's priority: fairness). `model: false`
   * (a command that needs no model) counts against the commands' bucket instead of the model's.
   * A rate-limited refusal says how long until the user may try again.
   */
  async admit(r: Requester, jobId: string, opts: { model?: boolean } = {}): Promise<{ ok: true; queued: number } | { ok: false; reason: Refusal; retryAfterMs?: number }> {
    const record = (reason: Refusal): AuditRecord => ({ time: Date.now(), ...(r.tenantKey ? { tenant: r.tenantKey } : {}), chat: r.chatId, ...(r.userIds[0] ? { user: r.userIds[0] } : {}), kind: 'refusal', reason, outcome: 'refused', job: jobId });
    if (!this.allowed(r)) {
      await this.o.ready?.();
      await this.audit?.record(record('not-allowed'));
      return this.refuse('not-allowed');
    }
    await this.o.ready?.();
    const openId = r.userIds[0] ?? 'unknown';
    const model = opts.model ?? true;
    const limiter = model ? this.limiter : this.commandLimiter;
    if (limiter) {
      try {
        await limiter.consume(openId);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          const reason = model ? 'rate-limited' : 'commands-rate-limited';
          // The limiter's own script decided; the record follows in the next command.
          await this.audit?.record(record(reason));
          return { ...this.refuse(reason), retryAfterMs: Math.max(1000, err.msBeforeNext) };
        }
        throw err;
      }
    }
    // Count and claim in one atomic script: one round trip on the ingest path, and two ingest processes
    // cannot both take the user's last slot.
    const now = Date.now();
    const audit = this.audit ? [this.audit.minId(now), ...auditFields(record('queue-full'))] : [];
    const queued = Number(await (this.redis as ClaimingRedis).bigan_claim_slot(this.queuedKey(openId), this.audit ? auditKey(this.o.prefix) : '', now, now - QUEUED_TTL_MS, this.o.maxQueued, jobId, QUEUED_TTL_MS, ...audit));
    if (queued < 0) return this.refuse('queue-full');
    return { ok: true, queued };
  }

  /** The job ended (answered or failed for good): it no longer counts. */
  async release(openId: string, jobId: string): Promise<void> {
    await this.redis.zrem(this.queuedKey(openId), jobId);
  }

  /** One refusal notice per user and reason a minute: a flood gets one answer, not a thousand. */
  async shouldNotify(openId: string, reason: Refusal): Promise<boolean> {
    await this.o.ready?.();
    return (await this.redis.set(`${this.o.prefix}:refused:${reason}:${openId}`, '1', 'EX', 60, 'NX')) === 'OK';
  }

  private refuse(reason: Refusal): { ok: false; reason: Refusal } {
    this.o.onRefusal?.(reason);
    return { ok: false, reason };
  }
}
