/**
 * The checks that run before any route, as an ordered list (the shape of grammY's Composer and
 * Bolt's middleware chain): each gets the turn and `next`, and either answers (and stops) or calls
 * `next`. Hand-written: those libraries' chains are tied to their own contexts and transports.
 */
import { threadKey, type Conversation } from '../core/message.js';
import * as T from '../core/texts.js';
import type { ThreadOwners } from '../flows/thread-owner.js';
import type { TurnContext } from '../flows/context.js';
import type { JobData } from '../queue/jobs.js';
import { findClassificationMarking } from '../report/classification.js';
import type { Route } from './routes.js';

/** One job on its way through the list: what came in and, once routed, what it asks for. */
export interface Turn {
  data: JobData;
  ctx: TurnContext;
  conversation: Conversation;
  /** The message's words as sent ('' for a file or a button). */
  text: string;
  route?: Route;
}

export type Middleware = (turn: Turn, next: () => Promise<void>) => Promise<void>;

/** Run `list` in order, then `last`; a middleware that does not call `next` ends the turn. */
export function compose(list: readonly Middleware[], last: (turn: Turn) => Promise<void>): (turn: Turn) => Promise<void> {
  return (turn) => {
    const run = (i: number): Promise<void> => (i < list.length ? list[i]!(turn, () => run(i + 1)) : last(turn));
    return run(0);
  };
}

/** A request ingest refused (allowlist, rate limit, queue cap): the job only says why. */
export function refusal(waitUntil: (retryAt: number) => { seconds: number; clock: string }): Middleware {
  return async (t, next) => {
    if (t.data.type !== 'message' || !t.data.message.refusal) return next();
    const { refusal: reason, retryAt } = t.data.message;
    // The admission script recorded this refusal in the audit trail already.
    if (t.ctx.audit) t.ctx.audit.skip = true;
    return t.ctx.replier.sendText(t.conversation, T.refusalText(reason, retryAt ? waitUntil(retryAt) : undefined), t.ctx.jobId);
  };
}

/** A message at a group thread's root makes its sender the thread's initiator. */
export function threadOwner(owners: ThreadOwners | undefined): Middleware {
  return async (t, next) => {
    const c = t.conversation;
    if (owners && t.data.type === 'message' && c.chatType === 'group' && !c.rootId) await owners.claim(threadKey(c), c.senderOpenId);
    return next();
  };
}

/**
 * “Working on it” on the user's message (buttons answer with a toast at ingest instead). The reaction
 * goes out beside the answer, not before it, so the model request does not wait on it (issue 25); the
 * turn still ends only once it is done. A reaction is a courtesy: its failure is logged, never the job's.
 */
export const ack: Middleware = async (t, next) => {
  if (t.data.type !== 'message') return next();
  const acking = t.ctx.replier.ack(t.conversation).catch((err: unknown) => t.ctx.log.warn({ err }, 'could not add the working reaction'));
  try {
    await next();
  } finally {
    await acking;
  }
};

/** Checked before anything else reads the text: it must not reach the model, memory or a log. */
export function classification(restrictedMarkings: readonly string[] | undefined): Middleware {
  return async (t, next) => {
    const marking = t.text ? findClassificationMarking(t.text, restrictedMarkings) : null;
    if (!marking) return next();
    t.ctx.log.warn({ route: 'classified', level: marking.level }, 'refused: classification marking');
    if (t.ctx.audit) Object.assign(t.ctx.audit, { kind: 'refusal', reason: 'classified' });
    return t.ctx.replier.sendText(t.conversation, T.CLASSIFIED_REFUSAL(marking.marking), t.ctx.jobId);
  };
}

/** Decide the route once (handler/routes.ts), and log it. */
export function route(decide: (t: Turn) => Promise<Route>): Middleware {
  return async (t, next) => {
    t.route = await decide(t);
    const r = t.route;
    const fields = r.kind === 'document' ? { route: 'document', origin: r.document.origin.kind, use: r.document.draft ? 'material' : 'critique' }
      : r.kind === 'draft' ? { route: r.kind, command: r.command.kind } : { route: r.kind };
    t.ctx.log.info({ ...fields, button: t.data.type === 'card-action' }, 'routed');
    return next();
  };
}

/** In a group thread, only its initiator changes the draft (export stays open). */
export function initiator(owners: ThreadOwners | undefined, changesDraft: (r: Route) => boolean): Middleware {
  return async (t, next) => {
    const c = t.conversation;
    if (!t.route || !changesDraft(t.route) || c.chatType !== 'group' || !owners) return next();
    if ((await owners.claim(threadKey(c), c.senderOpenId)) === c.senderOpenId) return next();
    t.ctx.log.info({ route: t.route.kind }, 'refused: not the thread initiator');
    if (t.ctx.audit) Object.assign(t.ctx.audit, { kind: 'refusal', reason: 'not-initiator' });
    return t.ctx.replier.sendText(c, t.route.kind === 'verdict' ? T.NOT_CARD_OWNER : T.NOT_INITIATOR, t.ctx.jobId);
  };
}
