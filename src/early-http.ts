import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/*
 * The HTTP port, open before the app's modules load (issue 25 item 3): main.ts listens here first, so a
 * probe gets an answer within a few hundred milliseconds of `node dist/main.js` while the Lark SDK, BullMQ
 * and the rest still load. Node built-ins only: importing this file must cost nothing.
 */

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface EarlyServer {
  server: Server;
  /** The app's handler takes every request from now on, and the ones held meanwhile. */
  attach(handler: RequestHandler): void;
  /** Close the port if the app never took it (a mode without HTTP), so nothing listens that nobody answers. */
  closeIfUnused(): Promise<void>;
}

/** What /healthz and /readyz say before the app has taken the port. */
export const STARTING = { ok: true, starting: true, ready: false } as const;

/** A request that arrives this long before the app takes the port is refused (503: Feishu pushes it again). */
const HOLD_MS = 20_000;

/**
 * Listen on PORT now. Before the app attaches: GET /healthz answers 200 (alive, starting) and GET /readyz
 * 503 (not ready: Redis and the receiver are not up yet); any other request (an event) waits for the app.
 * Resolves undefined when the port cannot be opened here: the app's own listen then reports why.
 */
export function listenEarly(port: number, holdMs = HOLD_MS): Promise<EarlyServer | undefined> {
  let handler: RequestHandler | undefined;
  const held: Array<{ req: IncomingMessage; res: ServerResponse; timer: NodeJS.Timeout }> = [];
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    if (handler) return handler(req, res);
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return send(res, 200, STARTING);
    if (req.method === 'GET' && path === '/readyz') return send(res, 503, STARTING);
    const entry = {
      req, res,
      timer: setTimeout(() => {
        held.splice(held.indexOf(entry), 1);
        send(res, 503, { error: 'starting' }, { 'retry-after': '5' });
      }, holdMs),
    };
    entry.timer.unref();
    held.push(entry);
  });
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(port, () => {
      resolve({
        server,
        attach: (h) => {
          handler = h;
          for (const { req, res, timer } of held.splice(0)) {
            clearTimeout(timer);
            h(req, res);
          }
        },
        closeIfUnused: () => (handler ? Promise.resolve() : new Promise((r) => server.close(() => r()))),
      });
    });
  });
}

/** The port main.ts opens early, from the environment as the config will read it; undefined when none is served or PORT is not a port. */
export function earlyPort(env: NodeJS.ProcessEnv): number | undefined {
  // A Feishu bot serves /healthz and events; ROLE=worker alone serves /healthz; the console chat serves nothing.
  if (!env.FEISHU_APP_ID?.trim() && env.ROLE?.trim() !== 'worker') return undefined;
  const raw = env.PORT?.trim() || String(DEFAULT_PORT);
  const port = Number(raw);
  return /^\d+$/.test(raw) && port <= 65_535 ? port : undefined;
}

/** config.ts's PORT default (test/unit/early-http.test.ts pins the two together). */
export const DEFAULT_PORT = 3000;
