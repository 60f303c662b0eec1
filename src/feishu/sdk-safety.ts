import http from 'node:http';
import https from 'node:https';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../logger.js';
import { instanceOver, leanHttpInstance, type HttpInstance } from './lean-http.js';

/**
 * The Lark SDK logs whole axios errors: the request body (app_secret on a token call, the
 * card JSON on a card update) and the response. Everything it logs passes through here and
 * keeps only an allow-list of short, non-content fields.
 */

const SAFE_KEYS = new Set(['message', 'msg', 'code', 'status', 'statusText', 'method', 'url', 'path', 'host', 'log_id', 'logid', 'errno', 'syscall', 'name']);
const NESTED = new Set(['config', 'request', 'response', 'error', 'data', 'cause']);
const MAX_STRING = 200;

const TOKEN_PATTERNS: RegExp[] = [
  /Bearer\s+[^\s"',}]+/gi,
  /((?:app|tenant|user|app_access|tenant_access|user_access)_?(?:secret|token|access_token)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
  /\b[tuac]-[A-Za-z0-9_.-]{16,}/g,
];

/** Replace known secret values and token-shaped strings; cut long strings. */
export function scrubString(s: string, secrets: readonly string[] = []): string {
  let out = s;
  for (const v of secrets) if (v && v.length >= 4) out = out.split(v).join('[redacted]');
  for (const re of TOKEN_PATTERNS) out = out.replace(re, (_m, keep?: string) => (typeof keep === 'string' ? `${keep}[redacted]` : '[redacted]'));
  return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}…` : out;
}

function urlPath(u: string): string {
  try {
    return new URL(u, 'http://x').pathname;
  } catch {
    return u.split('?')[0] ?? '';
  }
}

/** Keep only allow-listed primitive fields of an SDK log argument (errors, formatErrors arrays, strings). */
export function sanitizeSdkArg(arg: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (arg === null || arg === undefined) return arg;
  if (typeof arg === 'string') return scrubString(arg, secrets);
  if (typeof arg === 'number' || typeof arg === 'boolean') return arg;
  if (depth > 3) return undefined;
  if (Array.isArray(arg)) return arg.slice(0, 4).map((a) => sanitizeSdkArg(a, secrets, depth + 1));
  if (typeof arg !== 'object') return undefined;
  const src = arg as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Error properties are not enumerable.
  const keys = new Set([...Object.keys(src), ...(arg instanceof Error ? ['message', 'name', 'code'] : [])]);
  for (const k of keys) {
    const v = src[k];
    if (SAFE_KEYS.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
      out[k] = typeof v === 'string' ? scrubString(k === 'url' || k === 'path' ? urlPath(v) : v, secrets) : v;
    } else if (NESTED.has(k) && v && typeof v === 'object') {
      const inner = sanitizeSdkArg(v, secrets, depth + 1);
      if (inner && typeof inner === 'object' && Object.keys(inner).length) out[k] = inner;
    }
  }
  return out;
}

/** Route the SDK's logging into pino, content-free. SDK info/debug go to debug/trace. */
export function safeLarkLogger(log: Logger, secrets: readonly string[] = []): lark.Logger {
  const child = log.child({ mod: 'lark-sdk' });
  const emit = (level: 'error' | 'warn' | 'debug' | 'trace', args: unknown[]) => {
    const clean = args.map((a) => sanitizeSdkArg(a, secrets));
    const first = clean.find((a) => typeof a === 'string');
    child[level]({ sdk: clean.filter((a) => a !== first) }, typeof first === 'string' ? first : 'lark sdk');
  };
  return {
    error: (...a: unknown[]) => emit('warn', a),
    warn: (...a: unknown[]) => emit('warn', a),
    info: (...a: unknown[]) => emit('debug', a),
    debug: (...a: unknown[]) => emit('trace', a),
    trace: (...a: unknown[]) => emit('trace', a),
  };
}

type ReqOpts = Parameters<HttpInstance['request']>[0];

/**
 * The SDK's own axios instance (it unwraps response bodies) with a default timeout on every
 * call: a Feishu call that never answers fails, and the job's retry takes over.
 */
export function timeoutHttpInstance(timeoutMs: number, base: HttpInstance = lark.defaultHttpInstance as unknown as HttpInstance): HttpInstance {
  // Kept-alive connections: a card update or reply does not pay a new TCP (and TLS) handshake (issue 25).
  // LIFO hands out the most recently used socket, the one least likely to have been closed by the peer.
  const agents = { httpAgent: new http.Agent({ keepAlive: true, scheduling: 'lifo' }), httpsAgent: new https.Agent({ keepAlive: true, scheduling: 'lifo' }) };
  return instanceOver(<R>(o: ReqOpts): Promise<R> => base.request<unknown, R>({ ...agents, ...o, timeout: o.timeout ?? timeoutMs }));
}

/** What Feishu calls go through: node:http for JSON calls, the SDK's axios for uploads, downloads and pinned agents (lean-http.ts). */
export function feishuHttpInstance(timeoutMs: number): HttpInstance {
  return leanHttpInstance(timeoutMs, timeoutHttpInstance(timeoutMs));
}
