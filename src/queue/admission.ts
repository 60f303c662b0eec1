import type { Redis } from 'ioredis';
import { auditFields, auditKey, type AuditRecord } from '../stores/audit.js';

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
  /** Refusals go to the audit trail (AUDIT_RETENTION_DAYS), written by the admission script itself. */
  auditRetentionDays?: number;
  /** How long a refused event is remembered against re-pushes (older re-pushes are stale anyway: MAX_EVENT_AGE_SECONDS). */
  refusedMemoryMs?: number;
}

export interface Requester {
  tenantKey?: string;
  chatId: string;
  /** open_id, plus user_id / union_id when the event has them (any may be allow-listed). */
  userIds: readonly string[];
}

/** Entries older than this no longer count against the per-user cap (a lost release heals). */
const QUEUED_TTL_MS = 3600_000;
const RATE_WINDOW_MS = 60_000;
/** How long a refused event is remembered, so its re-push is neither recorded nor answered again. */
const DEFAULT_REFUSED_MEMORY_MS = 3600_000;

/**
 * The whole ingest decision in one script, so an ack costs one round trip before the job is added:
 * de-duplication (the job's hash, or this event's refusal), the allowlist's verdict (decided in the process,
 * recorded here), the rate limit, the per-user queued cap, the refusal's audit record and whether its
 * notice is due. Atomic, so two ingest processes cannot both take a user's last slot or both record a
 * refusal of one event. An admitted event leaves no mark: the job's hash is what makes its re-push a
 * duplicate, so a script that ran after its caller gave up (a frozen Redis, a timeout) cannot hide the
 * re-push Feishu sends after the failed ack. Concurrent deliveries of one event may both be admitted; BullMQ
 * adds the job id once, and the cap counts the id once.
 *
 * The rate limit is written here rather than with rate-limiter-flexible (whose fixed-window counter it
 * keeps, key name included): that library's own script is a round trip of its own and not atomic with the cap.
 *
 * KEYS: 1 the job's hash, 2 the event's mark, 3 the rate-limit counter, 4 the user's queued set, 5 the audit
 * stream, 6 not-allowed notice, 7 rate-limit notice, 8 queue-full notice. A key that is not used (no job
 * hash to check, no limit, no audit) is given as KEYS[2]: every key must be a real one on the prefix's slot,
 * or a Redis Cluster refuses the script (CROSSSLOT).
 * ARGV: 1 now, 2 job id, 3 '1' when the allowlist refused, 4 rate points, 5 rate window ms, 6 the rate
 * refusal's reason, 7 queued cap, 8 queued TTL ms, 9 refusal memory ms (0: a refused event may be tried again), 10 audit MINID,
 * 11.. the record's field/value pairs (its reason filled in here).
 * Returns {'dup'}, {'ok', queued before} or {'refused', reason, retry after ms, notify 0/1}.
 */
const ADMIT = `
local none = KEYS[2]
if KEYS[1] ~= none and redis.call('EXISTS', KEYS[1]) == 1 then return {'dup'} end
local mark = redis.call('GET', KEYS[2])
if mark == 'r' then return {'dup'} end
local function refuse(reason, notice, retry)
  if KEYS[5] ~= none and #ARGV > 10 then
    local f = {}
    for i = 11, #ARGV do f[#f + 1] = ARGV[i] end
    for i = 1, #f - 1, 2 do if f[i] == 'reason' then f[i + 1] = reason end end
    redis.call('XADD', KEYS[5], 'MINID', '~', ARGV[10], '*', unpack(f))
  end
  if tonumber(ARGV[9]) > 0 then redis.call('SET', KEYS[2], 'r', 'PX', ARGV[9]) end
  local notify = 0
  if redis.call('SET', notice, '1', 'PX', 60000, 'NX') then notify = 1 end
  return {'refused', reason, retry, notify}
end
if ARGV[3] == '1' then return refuse('not-allowed', KEYS[6], 0) end
if KEYS[3] ~= none then
  redis.call('SET', KEYS[3], 0, 'PX', ARGV[5], 'NX')
  local used = redis.call('INCR', KEYS[3])
  local ttl = redis.call('PTTL', KEYS[3])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[3], ARGV[5])
    ttl = tonumber(ARGV[5])
  end
  if used > tonumber(ARGV[4]) then return refuse(ARGV[6], KEYS[7], ttl) end
end
redis.call('ZREMRANGEBYSCORE', KEYS[4], 0, tonumber(ARGV[1]) - tonumber(ARGV[8]))
local n = redis.call('ZCARD', KEYS[4])
if n >= tonumber(ARGV[7]) then return refuse('queue-full', KEYS[8], 0) end
redis.call('ZADD', KEYS[4], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[4], ARGV[8])
return {'ok', n}`;

type AdmittingRedis = Redis & { bigan_admit(...keysAndArgs: (string | number)[]): Promise<[string, ...(string | number)[]]> };

export type Admitted =
  | { ok: true; queued: number }
  | { ok: false; duplicate: true }
  /** `notify`: the user has not been told of this refusal in the last minute (one notice per user and reason a minute). */
  | { ok: false; duplicate?: false; reason: Refusal; retryAfterMs?: number; notify: boolean };

/**
 * The ingest-side gate: de-duplication, allowlists, a per-user rate limit (on the same Redis, so it holds
 * across ingest processes) and a cap on one user's queued jobs, decided in one round trip.
 */
export class Admission {
  constructor(private readonly redis: Redis, private readonly o: AdmissionOptions) {
    // EVALSHA with ioredis's NOSCRIPT fallback: the script body is not sent on every ack.
    if (!('bigan_admit' in redis)) redis.defineCommand('bigan_admit', { numberOfKeys: 8, lua: ADMIT });
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
   * Decide for one new request, in one round trip. `duplicate`: the job is queued already, or this event
   * was refused within the hour (a re-push): nothing was counted or recorded. On success the
   * job id is counted against the user's cap and `queued` tells how many the user had before (used as
   * the job's priority: fairness). `model: false` (a command that needs no model) counts against the
   * commands' bucket instead of the model's. A refusal is in the audit trail when this returns; a
   * rate-limited one says how long until the user may try again. `jobKey`: the queue's key of the job's
   * hash (Queue.toKey), so a job already queued is a duplicate. `rememberRefusal: false` (a button, which
   * the user may press again later): a refused request is not taken for a duplicate afterwards.
   */
  async admit(r: Requester, jobId: string, opts: { model?: boolean; jobKey?: string; rememberRefusal?: boolean } = {}): Promise<Admitted> {
    await this.o.ready?.();
    const p = this.o.prefix;
    const openId = r.userIds[0] ?? 'unknown';
    const model = opts.model ?? true;
    const points = model ? this.o.perMinute : this.o.commandsPerMinute ?? 0;
    const mark = `${p}:ack:${jobId}`;
    const rateKey = points > 0 ? `${p}:${model ? 'rl' : 'rlc'}:${openId}` : mark;
    const rateReason: Refusal = model ? 'rate-limited' : 'commands-rate-limited';
    const now = Date.now();
    const days = this.o.auditRetentionDays ?? 0;
    const record: AuditRecord = { time: now, ...(r.tenantKey ? { tenant: r.tenantKey } : {}), chat: r.chatId, ...(r.userIds[0] ? { user: r.userIds[0] } : {}), kind: 'refusal', reason: '?', outcome: 'refused', job: jobId };
    const notice = (reason: Refusal) => `${p}:refused:${reason}:${openId}`;
    const res = await (this.redis as AdmittingRedis).bigan_admit(
      opts.jobKey ?? mark, mark, rateKey, this.queuedKey(openId), days > 0 ? auditKey(p) : mark, notice('not-allowed'), notice(rateReason), notice('queue-full'),
      now, jobId, this.allowed(r) ? '0' : '1', points, RATE_WINDOW_MS, rateReason, this.o.maxQueued, QUEUED_TTL_MS, opts.rememberRefusal === false ? 0 : this.o.refusedMemoryMs ?? DEFAULT_REFUSED_MEMORY_MS,
      String(Math.max(0, now - days * 86_400_000)), ...(days > 0 ? auditFields(record) : []),
    );
    if (res[0] === 'dup') return { ok: false, duplicate: true };
    if (res[0] === 'ok') return { ok: true, queued: Number(res[1]) };
    const reason = String(res[1]) as Refusal;
    this.o.onRefusal?.(reason);
    const retry = Number(res[2]);
    return { ok: false, reason, notify: Number(res[3]) === 1, ...(retry > 0 ? { retryAfterMs: Math.max(1000, retry) } : {}) };
  }

  /** The job ended (answered or failed for good): it no longer counts. */
  async release(openId: string, jobId: string): Promise<void> {
    await this.redis.zrem(this.queuedKey(openId), jobId);
  }
}
