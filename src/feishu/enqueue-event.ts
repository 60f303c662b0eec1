import { createHash } from 'node:crypto';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Enqueuer } from '../queue/enqueue.js';
import type { Admission } from '../queue/admission.js';
import { cardActionJobId, messageJobId } from '../queue/jobs.js';
import { BUTTON_TOAST, BUTTON_UNDER_WAY, refusalText } from '../core/texts.js';
import type { IncomingMessage } from '../core/message.js';
import type { Logger } from '../logger.js';
import type { FeishuApi } from './api.js';
import { safeLarkLogger } from './sdk-safety.js';
import { ISSUED_AT } from './cards.js';
import { toIncoming, type ReceiveEvent } from './parse-event.js';

type CardActionData = lark.RawCardActionEvent & { event_id?: string; tenant_key?: string };

/**
 * One job per button, not per press: the card, the user and the button's value. A second press of the
 * same button (or Feishu delivering the click twice) maps to the same job id, so it runs once.
 */
// The presser is hashed in, not spelled out: a job id is a Redis key name, and 删除我的数据 must leave none with the open_id.
const buttonKey = (messageId: string, openId: string, value: object) => `${messageId}-${createHash('sha1').update(openId).update('\n').update(JSON.stringify(value)).digest('base64url')}`;

/**
 * The ingest path: validate, de-duplicate (by job id), enqueue, return. Nothing here
 * waits on the model, so Feishu's 3-second ack is never at risk.
 */
export class FeishuIngest {
  private bot?: Promise<lark.BotIdentity>;

  constructor(private readonly deps: {
    api: FeishuApi; enqueuer: Enqueuer; log: Logger; maxAgeMs: number; cardActionMaxAgeMs?: number; admission?: Admission;
    /** Whether answering may need the model (the router decides; app.ts passes it): which rate limit counts it. */
    needsModel?: (m: IncomingMessage) => boolean;
  }) {}

  /** The bot's own open_id, fetched once (retried on the next event if it failed). */
  botIdentity(): Promise<lark.BotIdentity> {
    this.bot ??= this.deps.api.botInfo().catch((err: unknown) => {
      this.bot = undefined;
      throw err;
    });
    return this.bot;
  }

  async onMessage(data: ReceiveEvent): Promise<void> {
    const bot = await this.botIdentity();
    const log = this.deps.log.child({ messageId: data.message?.message_id, eventId: data.event_id });
    let decision: Awaited<ReturnType<typeof toIncoming>>;
    try {
      decision = await toIncoming(data, bot, { now: Date.now(), maxAgeMs: this.deps.maxAgeMs });
    } catch (err) {
      // A malformed event will not get better: ack it (no endless re-push) and say why in the log.
      log.warn({ err: (err as Error)?.message }, 'malformed message event dropped');
      return;
    }
    if (!decision.accept) {
      log[decision.reason === 'stale' ? 'info' : 'debug']({ reason: decision.reason }, 'event dropped');
      return;
    }
    const m = decision.message;
    const p = m.payload;
    const c = m.conversation;
    const admission = this.deps.admission;
    if (!admission) {
      if (await this.deps.enqueuer.exists(c.messageId)) {
        log.info({ jobId: messageJobId(c.messageId) }, 'duplicate delivery ignored');
        return;
      }
      const jobId = await this.deps.enqueuer.add(m);
      log.info({ jobId, kind: p.kind, chatType: c.chatType }, 'message queued');
      return;
    }
    // One round trip decides (duplicate, allowlist, rate limit, cap, the refusal's audit record), one adds the job.
    const s = data.sender?.sender_id;
    const requester = { tenantKey: data.tenant_key ?? data.sender?.tenant_key, chatId: c.chatId, userIds: [c.senderOpenId, s?.user_id, s?.union_id].filter((x): x is string => Boolean(x)) };
    const pending = messageJobId(c.messageId);
    const a = await admission.admit(requester, pending, { model: this.deps.needsModel?.(m) ?? true, jobKey: this.deps.enqueuer.jobKey(pending) });
    if (!a.ok && a.duplicate) {
      log.info({ jobId: pending }, 'duplicate delivery ignored');
      return;
    }
    if (!a.ok) {
      log.info({ reason: a.reason, notify: a.notify, retryAfterMs: a.retryAfterMs, tenantKey: requester.tenantKey, chatId: c.chatId, openId: c.senderOpenId }, 'request refused');
      if (a.notify) await this.deps.enqueuer.add({ ...m, refusal: a.reason, ...(a.retryAfterMs ? { retryAt: Date.now() + a.retryAfterMs } : {}) });
      return;
    }
    // Users with fewer jobs waiting go first (BullMQ priority: lower runs earlier).
    const priority = a.queued + 1;
    const jobId = await this.deps.enqueuer.add(m, { priority });
    log.info({ jobId, kind: p.kind, chars: p.kind === 'text' ? p.text.length : 0, quoted: p.kind === 'text' && p.quotedId !== undefined, chatType: c.chatType }, 'message queued');
  }

  async onCardAction(data: CardActionData): Promise<object> {
    const action = lark.normalizeCardAction(data);
    const raw = action?.action.value;
    if (!action || !raw || typeof raw !== 'object' || !('action' in raw)) return {};
    // A select (the verdict card's compact rows) says what was chosen beside its value: one value per choice, so one job each.
    const value = typeof action.action.option === 'string' ? { ...raw, option: action.action.option } : raw;
    const issued = (value as Record<string, unknown>)[ISSUED_AT];
    if (typeof issued === 'number' && Date.now() / 1000 - issued > (this.deps.cardActionMaxAgeMs ?? 7 * 86_400_000) / 1000) {
      this.deps.log.info({ messageId: action.messageId, ageSeconds: Math.round(Date.now() / 1000 - issued) }, 'card action refused: card too old');
      return { toast: { type: 'warning', content: BUTTON_TOAST.expired } };
    }
    const messageId = action.messageId;
    const key = buttonKey(messageId, action.operator.openId, value);
    const pressedAgain = () => {
      this.deps.log.info({ messageId, action: (value as Record<string, unknown>).action, eventId: data.event_id }, 'button pressed again; the first press runs');
      return { toast: { type: 'info', content: BUTTON_UNDER_WAY } };
    };
    const admission = this.deps.admission;
    if (!admission && await this.deps.enqueuer.jobExists(cardActionJobId(key))) return pressedAgain();
    if (admission) {
      const requester = { tenantKey: data.tenant_key, chatId: action.chatId, userIds: [action.operator.openId] };
      const a = await admission.admit(requester, cardActionJobId(key), { jobKey: this.deps.enqueuer.jobKey(cardActionJobId(key)), rememberRefusal: false });
      if (!a.ok && a.duplicate) return pressedAgain();
      if (!a.ok) {
        this.deps.log.info({ messageId, reason: a.reason }, 'card action refused');
        return { toast: { type: 'warning', content: refusalText(a.reason, a.retryAfterMs ? { seconds: Math.ceil(a.retryAfterMs / 1000) } : undefined) } };
      }
    }
    // Same button (re-pushed or pressed again at once) → same job id: BullMQ adds it once.
    await this.deps.enqueuer.cardAction({
      conversation: { chatId: action.chatId, chatType: 'group', messageId, senderOpenId: action.operator.openId, ...(data.tenant_key ? { tenantKey: data.tenant_key } : {}) },
      value,
    }, key);
    this.deps.log.info({ messageId, action: value.action }, 'card action queued');
    return { toast: { type: 'info', content: BUTTON_TOAST.accepted } };
  }

  dispatcher(opts: { encryptKey?: string; verificationToken?: string } = {}): lark.EventDispatcher {
    return new lark.EventDispatcher({ encryptKey: opts.encryptKey, verificationToken: opts.verificationToken, loggerLevel: lark.LoggerLevel.warn, logger: safeLarkLogger(this.deps.log) }).register({
      'im.message.receive_v1': (data: unknown) => this.onMessage(data as ReceiveEvent),
      'card.action.trigger': (data: unknown) => this.onCardAction(data as CardActionData),
    });
  }
}
