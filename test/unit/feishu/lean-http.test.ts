import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leanHttpInstance, type HttpInstance, type LeanHttpError } from '../../../src/feishu/lean-http.js';

interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }

const seen: Seen[] = [];
const held: http.ServerResponse[] = [];
let server: http.Server;
let base: string;

// What the loopback server answers, by path.
function route(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/ok') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 0, data: { echo: body } }));
  } else if (path === '/limited') {
    res.writeHead(429, { 'content-type': 'application/json', 'x-ogw-ratelimit-reset': '3' }).end(JSON.stringify({ code: 99991400, msg: 'request trigger frequency limit' }));
  } else if (path === '/broken') {
    res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
  } else if (path === '/gzip') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(JSON.stringify({ code: 0, msg: '压缩' })));
  } else if (path === '/hang') {
    held.push(res);
  } else {
    res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      route(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

// The fallback records what it was asked, so a test can see which calls leave the lean path.
function withFallback(): { http: HttpInstance; fallbackCalls: unknown[] } {
  const fallbackCalls: unknown[] = [];
  const fallback = { request: (o: unknown) => { fallbackCalls.push(o); return Promise.resolve({ viaFallback: true }); } } as unknown as HttpInstance;
  return { http: leanHttpInstance(5000, fallback), fallbackCalls };
}

async function rejection(p: Promise<unknown>): Promise<LeanHttpError> {
  try {
    await p;
  } catch (err) {
    return err as LeanHttpError;
  }
  throw new Error('expected a rejection');
}

describe('lean Feishu HTTP instance (node:http)', () => {
  it('sends JSON with the SDK headers and params, and answers with the parsed body as the SDK instance does', async () => {
    const { http: h } = withFallback();
    const res: unknown = await h.request({ url: `${base}/ok`, method: 'POST', headers: { Authorization: 'Bearer t-x', 'User-Agent': 'sdk' }, params: { receive_id_type: 'chat_id', ids: ['a', 'b c'], skip: undefined }, data: { content: '你好' } });
    expect(res).toEqual({ code: 0, data: { echo: JSON.stringify({ content: '你好' }) } });
    const last = seen.at(-1)!;
    expect(last.url).toBe('/ok?receive_id_type=chat_id&ids=a&ids=b%20c');
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers.authorization).toBe('Bearer t-x');
    expect(last.headers['user-agent']).toBe('sdk');
  });

  it('sends number and boolean header values as text, as axios does', async () => {
    const { http: h } = withFallback();
    await h.request({ url: `${base}/ok`, method: 'POST', headers: { 'X-Count': 3, 'X-Flag': true }, data: { a: 1 } });
    expect(seen.at(-1)!.headers['x-count']).toBe('3');
    expect(seen.at(-1)!.headers['x-flag']).toBe('true');
  });

  it('sends no body for a GET with the SDK empty data object, and takes post(url, data) as the token manager calls it', async () => {
    const { http: h } = withFallback();
    await h.request({ url: `${base}/ok`, method: 'GET', data: {} });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', body: '' });
    const token: unknown = await h.post(`${base}/ok`, { app_id: 'cli_x', app_secret: 's' });
    expect(token).toMatchObject({ code: 0 });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ app_id: 'cli_x', app_secret: 's' });
  });

  it('fails a 429 the way the gateway reads it: status, parsed body and the rate-limit header', async () => {
    const { http: h } = withFallback();
    const err = await rejection(h.request({ url: `${base}/limited`, method: 'POST', data: { a: 1 } }));
    expect(err.message).toBe('Request failed with status code 429');
    expect(err.code).toBe('ERR_BAD_REQUEST');
    expect(err.response?.status).toBe(429);
    expect(err.response?.data).toEqual({ code: 99991400, msg: 'request trigger frequency limit' });
    expect(err.response?.headers['x-ogw-ratelimit-reset']).toBe('3');
  });

  it('keeps a non-JSON error body as text, and decodes a gzip answer', async () => {
    const { http: h } = withFallback();
    const err = await rejection(h.request({ url: `${base}/broken`, method: 'GET' }));
    expect(err.response).toMatchObject({ status: 502, data: 'bad gateway' });
    expect(err.code).toBe('ERR_BAD_RESPONSE');
    expect(await h.request({ url: `${base}/gzip`, method: 'GET' })).toEqual({ code: 0, msg: '压缩' });
  });

  it('times out a call that never answers with axios code ECONNABORTED and no response', async () => {
    const { http: h } = withFallback();
    const err = await rejection(h.request({ url: `${base}/hang`, method: 'POST', data: {}, timeout: 50 }));
    expect(err.code).toBe('ECONNABORTED');
    expect(err.message).toBe('timeout of 50ms exceeded');
    expect(err.response).toBeUndefined();
  });

  it('fails a refused connection with the socket error code and no response', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const { http: h } = withFallback();
    const err = await rejection(h.request({ url: `http://127.0.0.1:${port}/ok`, method: 'GET' }));
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.response).toBeUndefined();
  });

  it('leaves multipart uploads, downloads and pinned agents to the axios instance', async () => {
    const { http: h, fallbackCalls } = withFallback();
    const before = seen.length;
    expect(await h.request({ url: `${base}/ok`, method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, data: { file: Buffer.from('x') } })).toEqual({ viaFallback: true });
    expect(await h.request({ url: `${base}/file`, method: 'GET', responseType: 'stream', $return_headers: true } as never)).toEqual({ viaFallback: true });
    expect(await h.request({ url: `${base}/ok`, method: 'GET', httpAgent: new http.Agent() } as never)).toEqual({ viaFallback: true });
    expect(fallbackCalls).toHaveLength(3);
    expect(fallbackCalls[0]).toMatchObject({ timeout: 5000 });
    expect(seen.length).toBe(before);
  });

  it('reuses one kept-alive connection for calls one after another', async () => {
    const { http: h } = withFallback();
    const ports = new Set<number>();
    const onConn = (s: import('node:net').Socket) => ports.add(s.remotePort ?? 0);
    server.on('connection', onConn);
    for (let i = 0; i < 3; i++) await h.request({ url: `${base}/ok`, method: 'GET' });
    server.off('connection', onConn);
    expect(ports.size).toBe(1);
  });
});
