import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How a stream ends: `normal` (finish_reason stop, then [DONE]); `cut` (the connection is destroyed
 * after the chunks, as a proxy or a crashed server does); `eof` (the body ends cleanly with neither
 * a finish reason nor [DONE]); `done-only` ([DONE] without any finish reason); `length` (finish_reason
 * length, the token limit); `content_filter` (the provider's filter stopped it).
 */
export type StreamEnd = 'normal' | 'cut' | 'eof' | 'done-only' | 'length' | 'content_filter';

/**
 * What a handler returns: text to stream, an HTTP error (status + JSON body), chunks, or an empty
 * 200 (`{ empty: true }`: the event-stream headers and nothing else).
 */
export type FakeReply = string | { status: number; body?: unknown } | { empty: true } | { chunks: string[]; delayMs?: number; reasoning?: string[]; end?: StreamEnd };
export type FakeHandler = (body: FakeRequestBody) => FakeReply | Promise<FakeReply>;

/** The parsed JSON body of a chat-completions request. */
export interface FakeRequestBody {
  model?: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
}

export interface FakeOpenAI {
  /** Base URL ending with /v1, for the openai SDK's baseURL. */
  url: string;
  /** Every request body received, in order. */
  requests: FakeRequestBody[];
  /** Streams open now, and the most open at once (benchmarks). */
  streaming(): { now: number; peak: number };
  setHandler(fn: FakeHandler): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

/** Split text into a few chunks so clients see real streaming. */
const chunkText = (text: string, size = 24): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
};

/** Markup a chunk boundary may fall inside, as it does with real tokenizers. */
const SPLIT_INSIDE = ['**', '＊＊', '__', '<think>', '</think>', '<br>', '<u>', '</u>', '|---|', '##'];

/**
 * Chunks of about `size` characters, cut also in the middle of every markup token
 * (`*|*`, `<thi|nk>`, `<b|r>`): a stream view must not show half a token.
 */
export function messyChunks(text: string, size = 9): string[] {
  const cuts = new Set<number>();
  for (let i = size; i < text.length; i += size) cuts.add(i);
  for (const token of SPLIT_INSIDE) {
    for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length)) cuts.add(at + Math.ceil(token.length / 2));
  }
  const sorted = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of sorted) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out.filter(Boolean);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A scriptable OpenAI-compatible server on 127.0.0.1 (random port): POST
 * /v1/chat/completions streams the handler's text as SSE chunks ending with
 * `data: [DONE]`, or answers a non-streaming request with one completion.
 */
export async function startFakeOpenAI(handler: FakeHandler = () => '好的。'): Promise<FakeOpenAI> {
  let current = handler;
  const requests: FakeRequestBody[] = [];
  let seq = 0;
  let open = 0;
  let peak = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      const body = JSON.parse(await readBody(req)) as FakeRequestBody;
      requests.push(body);
      let reply: FakeReply;
      try {
        reply = await current(body);
      } catch (err) {
        reply = { status: 500, body: { error: { message: (err as Error).message, type: 'server_error' } } };
      }
      if (typeof reply === 'object' && 'status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body ?? { error: { message: `fake error ${reply.status}`, type: 'server_error' } }));
        return;
      }
      if (typeof reply === 'object' && 'empty' in reply) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.end();
        return;
      }
      const chunks = typeof reply === 'string' ? chunkText(reply) : reply.chunks;
      const end: StreamEnd = typeof reply === 'string' ? 'normal' : reply.end ?? 'normal';
      const delay = typeof reply === 'string' ? 0 : reply.delayMs ?? 0;
      const id = `chatcmpl-fake-${++seq}`;
      const created = Math.floor(Date.now() / 1000);
      const model = body.model ?? 'fake-model';
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id, object: 'chat.completion', created, model, choices: [{ index: 0, message: { role: 'assistant', content: chunks.join('') }, finish_reason: 'stop' }] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      peak = Math.max(peak, ++open);
      res.once('close', () => open--);
      const send = (obj: unknown) => res.write(`data: ${JSON.stringify(obj)}\n\n`);
      send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
      // Reasoning models (DeepSeek-reasoner, vLLM with a reasoning parser) stream reasoning_content first.
      const reasoning = typeof reply === 'string' ? [] : reply.reasoning ?? [];
      for (const r of reasoning) {
        if (res.destroyed) return;
        send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { reasoning_content: r }, finish_reason: null }] });
      }
      for (const c of chunks) {
        if (delay) await sleep(delay);
        if (res.destroyed) return;
        send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: { content: c }, finish_reason: null }] });
      }
      if (end === 'cut') {
        res.destroy();
        return;
      }
      if (end === 'eof') {
        res.end();
        return;
      }
      if (end !== 'done-only') send({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: {}, finish_reason: end === 'normal' ? 'stop' : end }] });
      res.end('data: [DONE]\n\n');
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    streaming: () => ({ now: open, peak }),
    setHandler: (fn) => {
      current = fn;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
