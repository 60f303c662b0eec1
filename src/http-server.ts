import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { Logger } from './logger.js';
import type { EarlyServer } from './early-http.js';

export interface HealthReport {
  ok: boolean;
  mode: string;
  redis: boolean;
  /** `starting`: ROLE=all's worker process is still on its first start (events are queued meanwhile). */
  worker: boolean | 'starting' | 'not-in-this-process';
  llm: string;
  /** Optional features and why they are off, e.g. { tasks: 'no-scope: …' }. */
  details?: Record<string, unknown>;
}

/** What a POST handler answers. */
export interface HttpReply {
  status: number;
  body: unknown;
}

const MAX_BODY = 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GET /healthz (health, 200 when Redis answers) and GET /readyz (readiness: the same, served by the app, so
 * 200 only once Redis and the receiver are up) in every mode; POST /feishu/events when a webhook handler is given.
 */
export function startHttpServer(opts: {
  port: number;
  log: Logger;
  health: () => Promise<HealthReport>;
  webhook?: (body: string, headers: IncomingMessage['headers']) => Promise<HttpReply>;
  /** Prometheus text for GET /metrics. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** Bull Board and friends under /admin/ (does its own auth). */
  admin?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The port main.ts opened before the app loaded: take it over instead of listening again. */
  server?: EarlyServer;
}): Promise<Server> {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (path === '/healthz' || path === '/readyz')) {
      opts.health().then((h) => send(h.ok ? 200 : 503, h), () => send(503, { ok: false }));
      return;
    }
    if (req.method === 'GET' && path === '/metrics' && opts.metrics) {
      opts.metrics().then(
        (m) => {
          res.writeHead(200, { 'content-type': m.contentType });
          res.end(m.body);
        },
        (err: unknown) => {
          opts.log.warn({ err }, 'metrics collection failed');
          send(500, { error: 'metrics unavailable' });
        },
      );
      return;
    }
    if (opts.admin && (path === '/admin/queues' || path?.startsWith('/admin/'))) {
      opts.admin(req, res);
      return;
    }
    if (req.method === 'POST' && path === '/feishu/events' && opts.webhook) {
      const handler = opts.webhook;
      readBody(req)
        .then((body) => handler(body, req.headers))
        .then((r) => send(r.status, r.body))
        .catch((err: unknown) => {
          if (err instanceof BodyTooLarge) {
            // Answer now and drop the connection instead of reading megabytes more.
            res.setHeader('connection', 'close');
            send(413, { error: 'body over 1 MB' });
            req.destroy();
            return;
          }
          // 500 makes Feishu push the event again later (e.g. while Redis is down).
          opts.log.error({ err }, 'webhook handling failed');
          send(500, { error: 'internal' });
        });
      return;
    }
    send(404, { error: 'not found' });
  };
  if (opts.server) {
    opts.server.attach(handle);
    return Promise.resolve(opts.server.server);
  }
  const server = createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, () => resolve(server));
  });
}
