import { createHash, timingSafeEqual } from 'node:crypto';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../logger.js';

export interface WebhookOptions {
  dispatcher: lark.EventDispatcher;
  encryptKey?: string;
  verificationToken?: string;
  log: Logger;
  /** With an encrypt key: refuse X-Lark-Request-Timestamp further off than this (replays). */
  maxSkewSeconds?: number;
  now?: () => number;
}

export interface HttpReply {
  status: number;
  body: unknown;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * POST /feishu/events. Hand-written instead of the SDK's adaptDefault because that
 * adaptor answers 200 to forged requests and never checks the verification token.
 */
export async function handleWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>, o: WebhookOptions): Promise<HttpReply> {
  const h = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    return { status: 400, body: { error: 'invalid JSON' } };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, body: { error: 'not an event object' } };

  if (o.encryptKey && typeof body.encrypt !== 'string') return { status: 401, body: { error: 'FEISHU_ENCRYPT_KEY is set: plaintext events are refused' } };
  if (typeof body.encrypt === 'string') {
    if (!o.encryptKey) return { status: 401, body: { error: 'encrypted event but FEISHU_ENCRYPT_KEY is not set' } };
    const encrypted = body.encrypt;
    try {
      body = JSON.parse(new lark.AESCipher(o.encryptKey).decrypt(encrypted)) as Record<string, unknown>;
    } catch {
      return { status: 401, body: { error: 'cannot decrypt' } };
    }
    // Feishu signs every encrypted push; only the url_verification challenge may come unsigned.
    const ts = h('x-lark-request-timestamp');
    const nonce = h('x-lark-request-nonce');
    const sig = h('x-lark-signature');
    if (ts && nonce && sig) {
      const skew = Math.abs((o.now?.() ?? Date.now()) / 1000 - Number(ts));
      if (!(skew <= (o.maxSkewSeconds ?? 3600))) return { status: 401, body: { error: 'request timestamp out of range' } };
      const expected = createHash('sha256').update(ts + nonce + o.encryptKey + rawBody).digest('hex');
      if (!same(expected, sig)) return { status: 401, body: { error: 'bad signature' } };
    } else if (body.type !== 'url_verification') {
      return { status: 401, body: { error: 'missing signature' } };
    }
  }

  const header = body.header as { token?: string; event_type?: string } | undefined;
  const token = header?.token ?? (body.token as string | undefined);
  if (o.verificationToken && (!token || !same(token, o.verificationToken))) {
    o.log.warn({ eventType: header?.event_type ?? body.type }, 'webhook: verification token mismatch');
    return { status: 401, body: { error: 'bad token' } };
  }

  if (body.type === 'url_verification') return { status: 200, body: { challenge: body.challenge } };
  if (body.schema !== '2.0' || typeof header?.event_type !== 'string' || typeof body.event !== 'object' || body.event === null) {
    return { status: 400, body: { error: 'not a Feishu 2.0 event' } };
  }

  // Signature and token were checked above; the dispatcher only routes (and decrypts nothing more).
  const result: unknown = await o.dispatcher.invoke(body, { needCheck: false });
  return { status: 200, body: typeof result === 'object' && result !== null ? result : {} };
}
