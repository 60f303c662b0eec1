import { z } from 'zod';
import { ConfigError } from './core/errors.js';
import type { RedisNode, RedisTarget } from './core/redis-target.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const splitList = (s: string) => s.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);
/** A comma-separated list; empty means "no restriction". */
const csv = z.preprocess(emptyToUndefined, z.string().optional()).transform((s) => (s ? splitList(s) : []));
const int = (def: number, min = 0) => z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).default(def));

const schema = z.object({
  FEISHU_APP_ID: z.preprocess(emptyToUndefined, z.string().regex(/^cli_[0-9a-f]{16}$/i, 'must be the App ID from the developer console: cli_ followed by 16 hex characters').optional()),
  FEISHU_APP_SECRET: optionalString,
  FEISHU_DOMAIN: z.preprocess(emptyToUndefined, z.url().default('https://open.feishu.cn')),
  FEISHU_MODE: z.preprocess(emptyToUndefined, z.enum(['ws', 'webhook']).default('ws')),
  FEISHU_VERIFICATION_TOKEN: optionalString,
  FEISHU_ENCRYPT_KEY: optionalString,
  FEISHU_WEBHOOK_INSECURE: z.preprocess(emptyToUndefined, z.enum(['1', '0', 'true', 'false']).default('0')),
  FEISHU_TASKS: z.preprocess(emptyToUndefined, z.enum(['on', 'off', 'true', 'false', '1', '0']).default('on')),
  PORT: int(3000),
  REDIS_URL: z.preprocess(emptyToUndefined, z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
  // A cluster (seed nodes) or a Sentinel-managed master instead of one REDIS_URL (issue 25).
  REDIS_CLUSTER_NODES: csv,
  REDIS_SENTINELS: csv,
  REDIS_SENTINEL_NAME: z.preprocess(emptyToUndefined, z.string().default('mymaster')),
  REDIS_SENTINEL_PASSWORD: optionalString,
  REDIS_USERNAME: optionalString,
  REDIS_PASSWORD: optionalString,
  REDIS_TLS: z.preprocess(emptyToUndefined, z.enum(['on', 'off', 'true', 'false', '1', '0']).default('off')),
  REDIS_DB: int(0, 0),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  OPENAI_TIMEOUT_MS: int(60_000, 1000),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  BOT_TIMEZONE: z.preprocess(emptyToUndefined, z.string().default('Asia/Shanghai')).refine(isTimeZone, 'is not an IANA time zone'),
  REDIS_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^(?:[A-Za-z0-9_-]+|\{[A-Za-z0-9_-]+\})$/, 'letters, digits, _ and - only, optionally wrapped in {} as a Redis Cluster hash tag').default('bigan')),
  ROLE: z.preprocess(emptyToUndefined, z.enum(['all', 'ingest', 'worker']).default('all')),
  WORKER_CONCURRENCY: int(512, 1),
  WORKER_ISOLATION: z.preprocess(emptyToUndefined, z.enum(['process', 'thread', 'none']).default('process')),
  // 0: the worker process competes for CPU as the ingest process does (a niced worker's answers came ~2× later on busy cores).
  WORKER_NICE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(19).default(0)),
  JOB_ATTEMPTS: int(3, 1),
  JOB_BACKOFF_MS: int(2000, 0),
  WORKER_LOCK_MS: int(30_000, 1000),
  MAX_EVENT_AGE_SECONDS: int(1800, 1),
  HISTORY_TURNS: int(12, 0),
  HISTORY_MAX_CHARS: int(16_000, 1000),
  HISTORY_TTL_SECONDS: int(7 * 24 * 3600, 60),

  // --- Production hardening: timeouts, abuse limits, access, admin (issue 13) ---
  FEISHU_HTTP_TIMEOUT_MS: int(15_000, 100),
  REDIS_COMMAND_TIMEOUT_MS: int(1000, 50),
  SHUTDOWN_GRACE_MS: int(10_000, 0),
  USER_RATE_LIMIT: int(10, 0),
  USER_COMMAND_RATE_LIMIT: int(60, 0),
  USER_MAX_QUEUED: int(5, 1),
  ALLOWED_TENANT_KEYS: csv,
  ALLOWED_CHAT_IDS: csv,
  ALLOWED_USER_IDS: csv,
  RESTRICTED_MARKINGS: z.preprocess(emptyToUndefined, z.string().default('内部资料')).transform((s) => (s.trim().toLowerCase() === 'none' ? [] : splitList(s))),
  WEBHOOK_MAX_SKEW_SECONDS: int(3600, 1),
  CARD_ACTION_MAX_AGE_SECONDS: int(7 * 86_400, 1),
  ADMIN_TOKEN: optionalString,
  MODEL_CONCURRENCY: int(0, 0),
  /** Steps of one answer (写全文, 全部重写, a whole part) drafted at once, per thread (issue 25; 8 and 600 measured in BENCHMARKS.md). */
  DRAFT_CONCURRENCY: int(8, 1),
  /** A full draft's part longer than this is written section by section when DRAFT_CONCURRENCY > 1 (0: never). */
  DRAFT_PART_CHARS: int(600, 0),

  // --- Hostile files: what reading one document may cost, in a parser process of its own (issue 20) ---
  DOC_MAX_FILE_MB: int(20, 1),
  DOC_MAX_UNZIPPED_MB: int(64, 1),
  DOC_MAX_PART_MB: int(8, 1),
  DOC_MAX_ZIP_PARTS: int(1000, 1),
  DOC_MAX_PDF_PAGES: int(300, 1),
  /** Pages of a scanned PDF sent to Feishu's OCR, the first N (issue 23); the rest are named, not read. */
  OCR_MAX_PDF_PAGES: int(10, 1),
  DOC_MAX_CHARS: int(200_000, 1000),
  DOC_PARSE_TIMEOUT_MS: int(60_000, 1),
  DOC_PARSER_HEAP_MB: int(768, 32),
  DOC_PARSER_MAX_RSS_MB: int(1024, 64),
  DOC_PARSER_CONCURRENCY: int(2, 1),
  // --- Reminders ---
  REMINDER_CONCURRENCY: int(5, 1),
  /** A file or directory of official holiday arrangements (.txt line format or .ics); beats the package's data. */
  HOLIDAY_PATH: optionalString,

  // --- Deployment in an office: privacy, labels, audit (issue 26) ---
  /** 身份证号, 手机号 and bank card numbers are masked before the model and restored in its answer. */
  PII_MASKING: z.preprocess(emptyToUndefined, z.enum(['on', 'off', 'true', 'false', '1', '0']).default('on')).transform((s) => ['on', 'true', '1'].includes(s)),
  /** A visible “AI-generated” footer line in exported Word files (the metadata label is always there). */
  AI_LABEL_FOOTER: z.preprocess(emptyToUndefined, z.enum(['on', 'off', 'true', 'false', '1', '0']).default('off')).transform((s) => ['on', 'true', '1'].includes(s)),
  AUDIT_RETENTION_DAYS: int(180, 180),
  /** Days a thread's draft is kept after its last change (or the writer's 保留). */
  DRAFT_TTL_DAYS: int(30, 1),
  /** Days before a draft expires that its writer is told in the thread (保留 / 导出Word); 0 = no warning. */
  DRAFT_EXPIRY_WARNING_DAYS: int(3, 0),

  // --- The writers' verdicts on findings (issue 24 item 6; docs/CRITIC.md, “Verdicts”) ---
  /** Days a 误报/有用 verdict is kept (rule id and excerpt hash only). */
  VERDICT_RETENTION_DAYS: int(365, 1),
  /** A rule whose false-alarm share reaches this (0..1) is reported in /healthz details… */
  VERDICT_ALARM_SHARE: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(1).default(0.3)),
  /** …once it has at least this many verdicts. */
  VERDICT_ALARM_MIN: int(10, 1),
});

export type Env = z.infer<typeof schema>;

/** Every variable Bigan reads (each is documented in .env.example). */
export const CONFIG_KEYS = Object.keys(schema.shape) as Array<keyof Env>;

/** Present exactly when both Feishu credentials are set. */
export interface FeishuConfig {
  appId: string;
  appSecret: string;
  domain: string;
  mode: 'ws' | 'webhook';
  verificationToken?: string;
  encryptKey?: string;
  /** Deadline reminders also become Feishu tasks (FEISHU_TASKS). */
  tasks: boolean;
}

/** Present exactly when an LLM key is set. */
export interface LlmConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

/**
 * Every variable by its name (validated, defaulted), plus the optional parts as typed sections:
 * code branches on `config.feishu` / `config.llm` and never asserts a variable is set.
 */
export interface Config extends Env {
  /** Where Redis is, when configured; absent: the local one or a spawned one. */
  redis?: RedisTarget;
  feishu?: FeishuConfig;
  llm?: LlmConfig;
  /** Feishu credentials present: otherwise the bot runs in console mode. */
  feishuEnabled: boolean;
  /** An LLM key present: otherwise the offline template model answers. */
  llmEnabled: boolean;
}

export { ConfigError } from './core/errors.js';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Read and validate the configuration once; every error names its variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n- ${lines.join('\n- ')}`);
  }
  const c = parsed.data;
  if (Boolean(c.FEISHU_APP_ID) !== Boolean(c.FEISHU_APP_SECRET)) {
    throw new ConfigError(`Invalid configuration:\n- ${c.FEISHU_APP_ID ? 'FEISHU_APP_SECRET' : 'FEISHU_APP_ID'}: required when ${c.FEISHU_APP_ID ? 'FEISHU_APP_ID' : 'FEISHU_APP_SECRET'} is set`);
  }
  // A warning as early as the expiry itself would come right after every change.
  if (c.DRAFT_EXPIRY_WARNING_DAYS >= c.DRAFT_TTL_DAYS) {
    throw new ConfigError(`Invalid configuration:\n- DRAFT_EXPIRY_WARNING_DAYS: must be less than DRAFT_TTL_DAYS (${c.DRAFT_TTL_DAYS}), or 0 for no warning`);
  }
  // A webhook that authenticates nothing would run forged events; refuse it unless asked for (local tests).
  const insecure = c.FEISHU_WEBHOOK_INSECURE === '1' || c.FEISHU_WEBHOOK_INSECURE === 'true';
  if (c.FEISHU_APP_ID && c.FEISHU_MODE === 'webhook' && c.ROLE !== 'worker' && !c.FEISHU_VERIFICATION_TOKEN && !c.FEISHU_ENCRYPT_KEY && !insecure) {
    throw new ConfigError('FEISHU_MODE=webhook refuses to start without FEISHU_VERIFICATION_TOKEN or FEISHU_ENCRYPT_KEY (set FEISHU_WEBHOOK_INSECURE=1 only for local testing).');
  }
  const feishu: FeishuConfig | undefined = c.FEISHU_APP_ID && c.FEISHU_APP_SECRET
    ? { appId: c.FEISHU_APP_ID, appSecret: c.FEISHU_APP_SECRET, domain: c.FEISHU_DOMAIN, mode: c.FEISHU_MODE, verificationToken: c.FEISHU_VERIFICATION_TOKEN, encryptKey: c.FEISHU_ENCRYPT_KEY, tasks: ['on', 'true', '1'].includes(c.FEISHU_TASKS) }
    : undefined;
  const llm: LlmConfig | undefined = c.OPENAI_API_KEY
    ? { apiKey: c.OPENAI_API_KEY, baseURL: c.OPENAI_BASE_URL, model: c.OPENAI_MODEL, timeoutMs: c.OPENAI_TIMEOUT_MS }
    : undefined;
  const redis = redisTarget(c);
  // In a cluster every BullMQ key of a queue must hash to one slot: the prefix becomes a hash tag.
  const prefix = redis?.kind === 'cluster' && !c.REDIS_PREFIX.startsWith('{') ? `{${c.REDIS_PREFIX}}` : c.REDIS_PREFIX;
  return { ...c, REDIS_PREFIX: prefix, redis, feishu, llm, feishuEnabled: Boolean(feishu), llmEnabled: Boolean(llm) };
}

const on = (v: string) => ['on', 'true', '1'].includes(v);

/** `host:port` or `redis[s]://[user:password@]host:port`; the URL form may carry credentials and TLS. */
function parseNode(entry: string, name: string): RedisNode & { tls?: boolean; username?: string; password?: string } {
  if (/^rediss?:\/\//.test(entry)) {
    const u = new URL(entry);
    const port = Number(u.port || 6379);
    return { host: u.hostname, port, tls: u.protocol === 'rediss:', ...(u.username ? { username: decodeURIComponent(u.username) } : {}), ...(u.password ? { password: decodeURIComponent(u.password) } : {}) };
  }
  const m = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(entry);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65_535) throw new ConfigError(`Invalid configuration:\n- ${name}: "${entry}" is not host:port or a redis:// URL`);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}

function redisTarget(c: Env): RedisTarget | undefined {
  const given = [c.REDIS_URL && 'REDIS_URL', c.REDIS_CLUSTER_NODES.length && 'REDIS_CLUSTER_NODES', c.REDIS_SENTINELS.length && 'REDIS_SENTINELS'].filter(Boolean);
  if (given.length > 1) throw new ConfigError(`Invalid configuration:\n- ${given.join(', ')}: set only one of them (one server, a cluster, or Sentinel)`);
  const creds = { ...(c.REDIS_USERNAME ? { username: c.REDIS_USERNAME } : {}), ...(c.REDIS_PASSWORD ? { password: c.REDIS_PASSWORD } : {}) };
  if (c.REDIS_CLUSTER_NODES.length) {
    const nodes = c.REDIS_CLUSTER_NODES.map((e) => parseNode(e, 'REDIS_CLUSTER_NODES'));
    const first = nodes.find((n) => n.username || n.password);
    return {
      kind: 'cluster', nodes: nodes.map(({ host, port }) => ({ host, port })), tls: on(c.REDIS_TLS) || nodes.some((n) => n.tls),
      ...(first?.username ? { username: first.username } : {}), ...(first?.password ? { password: first.password } : {}), ...creds,
    };
  }
  if (c.REDIS_SENTINELS.length) {
    return {
      kind: 'sentinel', sentinels: c.REDIS_SENTINELS.map((e) => parseNode(e, 'REDIS_SENTINELS')).map(({ host, port }) => ({ host, port })),
      name: c.REDIS_SENTINEL_NAME, tls: on(c.REDIS_TLS), ...creds, ...(c.REDIS_DB ? { db: c.REDIS_DB } : {}),
      ...(c.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: c.REDIS_SENTINEL_PASSWORD } : {}),
    };
  }
  return c.REDIS_URL ? { kind: 'single', url: c.REDIS_URL } : undefined;
}
