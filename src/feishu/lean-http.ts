import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import type * as lark from '@larksuiteoapi/node-sdk';

/**
 * The Lark SDK's `httpInstance` over node:http (issue 25: the SDK's axios stack cost about 4.7 ms of
 * worker CPU per answer). It answers as the SDK's default instance does (the body, or `{ data, headers }`
 * when the SDK asks for headers) and fails as axios does where the gateway looks: `err.response.status`,
 * `.data`, `.headers`, and `err.code` on timeouts and connection errors. The rare file calls keep the axios
 * instance (`fallback`): multipart uploads, downloads (axios follows a redirect to a file store), and
 * requests with their own agents or body shapes.
 */

export type HttpInstance = NonNullable<ConstructorParameters<typeof lark.Client>[0]['httpInstance']>;
type ReqOpts = Parameters<HttpInstance['request']>[0];

interface LeanConfig {
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  params?: Record<string, unknown>;
  data?: unknown;
  timeout?: number;
  responseType?: string;
  httpAgent?: unknown;
  httpsAgent?: unknown;
  $return_headers?: boolean;
}

/** What a failed call carries, in axios's shape (the SDK's logger and api.ts's `thrownError` read it). */
export interface LeanHttpError extends Error {
  code?: string;
  config: { method: string; url: string };
  response?: { status: number; statusText: string; headers: http.IncomingHttpHeaders; data: unknown };
}

const STATUS_TEXT = http.STATUS_CODES;

function fail(message: string, code: string | undefined, config: LeanHttpError['config'], response?: LeanHttpError['response'], cause?: unknown): LeanHttpError {
  const e = new Error(message, cause === undefined ? undefined : { cause }) as LeanHttpError;
  if (code !== undefined) e.code = code;
  e.config = config;
  if (response) e.response = response;
  return e;
}

/** qs's `arrayFormat: 'repeat'`, the serializer the SDK asks for: arrays repeat the key, empty values drop. */
function query(params: Record<string, unknown> | undefined): string {
  if (!params) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === undefined || item === null) continue;
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(typeof item === 'object' ? JSON.stringify(item) : String(item as string | number | boolean))}`);
    }
  }
  return parts.join('&');
}

/** A header value as node:http sends it. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? v.map(text).join(', ') : JSON.stringify(v);
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name && v != null) return text(v);
  return undefined;
}

/** Calls the lean path cannot make as axios would: form-data uploads, pinned agents, binary answers. */
function needsAxios(o: LeanConfig): boolean {
  if (o.httpAgent || o.httpsAgent) return true;
  if (o.responseType !== undefined && o.responseType !== 'json') return true;
  if (headerValue(o.headers, 'content-type')?.startsWith('multipart/')) return true;
  const d = o.data;
  return d !== undefined && d !== null && typeof d === 'object' && !Buffer.isBuffer(d) && !(d instanceof Uint8Array) && Object.getPrototypeOf(d) !== Object.prototype && !Array.isArray(d);
}

function decoded(res: http.IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** axios's default JSON handling: parse when it parses, else the text as it came. */
function parseBody(buf: Buffer): unknown {
  const text = buf.toString('utf8');
  if (text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export function leanHttpInstance(timeoutMs: number, fallback: HttpInstance): HttpInstance {
  // LIFO hands out the most recently used socket, the one least likely to have been closed by the peer.
  const agents = { http: new http.Agent({ keepAlive: true, scheduling: 'lifo' }), https: new https.Agent({ keepAlive: true, scheduling: 'lifo' }) };

  const send = (o: LeanConfig): Promise<unknown> => new Promise((resolve, reject) => {
    const method = (o.method ?? 'get').toUpperCase();
    const qs = query(o.params);
    const href = qs ? `${o.url ?? ''}${(o.url ?? '').includes('?') ? '&' : '?'}${qs}` : (o.url ?? '');
    const config = { method, url: o.url ?? '' };
    let url: URL;
    try {
      url = new URL(href);
    } catch (err) {
      reject(fail(`Invalid URL: ${o.url ?? ''}`, 'ERR_INVALID_URL', config, undefined, err));
      return;
    }
    const headers: Record<string, string> = { Accept: 'application/json, text/plain, */*' };
    for (const [k, v] of Object.entries(o.headers ?? {})) if (v !== undefined && v !== null) headers[k] = text(v);
    let body: Buffer | undefined;
    const d = o.data;
    const emptyObject = d !== null && typeof d === 'object' && !Buffer.isBuffer(d) && !(d instanceof Uint8Array) && Object.keys(d).length === 0;
    if (d !== undefined && d !== null && !((method === 'GET' || method === 'HEAD') && emptyObject)) {
      if (typeof d === 'string') body = Buffer.from(d);
      else if (d instanceof Uint8Array) body = Buffer.from(d.buffer, d.byteOffset, d.byteLength);
      else {
        body = Buffer.from(JSON.stringify(d));
        if (!headerValue(o.headers, 'content-type')) headers['Content-Type'] = 'application/json';
      }
      headers['Content-Length'] = String(body.length);
    }
    const secure = url.protocol === 'https:';
    const timeout = o.timeout ?? timeoutMs;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (err: LeanHttpError | undefined, value?: unknown) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      if (err) reject(err);
      else resolve(value);
    };
    const req = (secure ? https : http).request(url, { method, headers, agent: secure ? agents.https : agents.http }, (res) => {
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      const answer = (data: unknown) => (o.$return_headers ? { data, headers: res.headers } : data);
      readAll(decoded(res)).then((buf) => {
        const data = parseBody(buf);
        if (ok) settle(undefined, answer(data));
        else settle(fail(`Request failed with status code ${status}`, status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST', config, { status, statusText: res.statusMessage ?? STATUS_TEXT[status] ?? '', headers: res.headers, data }));
      }, (err: Error) => settle(fail(err.message, (err as { code?: string }).code ?? 'ERR_BAD_RESPONSE', config, undefined, err)));
    });
    if (timeout > 0) {
      timer = setTimeout(() => {
        settle(fail(`timeout of ${timeout}ms exceeded`, 'ECONNABORTED', config));
        req.destroy();
      }, timeout);
    }
    req.on('error', (err: Error & { code?: string }) => settle(fail(err.message, err.code, config, undefined, err)));
    req.end(body);
  });

  const request = <R>(o: ReqOpts): Promise<R> => {
    const c = o as LeanConfig;
    return (needsAxios(c) ? fallback.request<unknown, R>({ ...o, timeout: c.timeout ?? timeoutMs }) : send(c)) as Promise<R>;
  };
  return instanceOver(request);
}

/** The SDK's HttpInstance shape (get, post, … as axios has them) over one request function. */
export function instanceOver(request: <R>(o: ReqOpts) => Promise<R>): HttpInstance {
  const withUrl = (method: string) => <T = unknown, R = T>(url: string, o: ReqOpts = {}) => request<R>({ ...o, url, method });
  const withData = (method: string) => <T = unknown, R = T, D = unknown>(url: string, data?: D, o: ReqOpts = {}) => request<R>({ ...o, url, method, data });
  return {
    request,
    get: withUrl('get'),
    delete: withUrl('delete'),
    head: withUrl('head'),
    options: withUrl('options'),
    post: withData('post'),
    put: withData('put'),
    patch: withData('patch'),
  };
}
