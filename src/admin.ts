import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';

export const ADMIN_BASE = '/admin/queues';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function tokenOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(auth);
  if (bearer) return bearer[1]!.trim();
  // Basic (any user name, the token as password) lets a browser open the board.
  const basic = /^Basic\s+(.+)$/i.exec(auth);
  if (basic) return Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').slice(1).join(':');
  return undefined;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Bull Board over our queues, mounted at /admin/queues, behind ADMIN_TOKEN. */
export function adminHandler(queues: Queue[], adminToken: string): Handler {
  const server = new ExpressAdapter();
  server.setBasePath(ADMIN_BASE);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: server });
  const app = server.getRouter() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  return (req, res) => {
    const token = tokenOf(req);
    if (!token || !same(token, adminToken)) {
      res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'Basic realm="bigan admin"' });
      res.end(JSON.stringify({ error: 'ADMIN_TOKEN required' }));
      return;
    }
    // Mounted like express's app.use(base, board): the board sees paths below the base.
    req.url = req.url!.slice(ADMIN_BASE.length) || '/';
    app(req, res, () => {
      res.writeHead(404).end();
    });
  };
}
