import * as lark from '@larksuiteoapi/node-sdk';
import type { Enqueuer } from '../queue/enqueue.js';
import type { Logger } from '../logger.js';
import type { FeishuApi } from './api.js';
import { toIncoming, type ReceiveEvent } from './parse-event.js';

type CardActionData = lark.RawCardActionEvent & { event_id?: string };

/**
 * The ingest path: validate, de-duplicate (by job id), enqueue, return. Nothing here
 * waits on the model, so Feishu's 3-second ack is never at risk.
 */
export class FeishuIngest {
  private bot?: Promise<lark.BotIdentity>;

  constructor(private readonly deps: { api: FeishuApi; enqueuer: Enqueuer; log: Logger; maxAgeMs: number }) {}

  /** The bot's own open_id, fetched once (retried on the next event if it failed). */
  botIdentity(): Promise<lark.BotIdentity> {
    this.bot ??= this.deps.api.botInfo().catch((err: unknown) => {
      this.bot = undefined;
      throw err;
    });
    return this.bot;
  }

  async onMessage(data: ReceiveEvent): Promise<void> {
    const decision = await toIncoming(data, await this.botIdentity(), { now: Date.now(), maxAgeMs: this.deps.maxAgeMs });
    const log = this.deps.log.child({ messageId: data.message?.message_id, eventId: data.event_id });
    if (!decision.accept) {
      log[decision.reason === 'stale' ? 'info' : 'debug']({ reason: decision.reason }, 'event dropped');
      return;
    }
    const p = decision.message.payload;
    const { jobId, duplicate } = await this.deps.enqueuer.message(decision.message);
    if (duplicate) log.info({ jobId }, 'duplicate delivery ignored');
    else log.info({ jobId, kind: p.kind, chars: p.kind === 'text' ? p.text.length : 0, quoted: p.kind === 'text' && p.quotedId !== undefined, chatType: decision.message.conversation.chatType }, 'message queued');
  }

  async onCardAction(data: CardActionData): Promise<object> {
    const action = lark.normalizeCardAction(data);
    const value = action?.action.value;
    if (!action || !value || typeof value !== 'object' || !('action' in value)) return {};
    const messageId = action.messageId;
    // Same event re-pushed → same id; a second click is a new event and a new job.
    const eventKey = data.event_id ?? `${messageId}-${action.operator.openId}-${JSON.stringify(value)}`;
    await this.deps.enqueuer.cardAction({
      conversation: { chatId: action.chatId, chatType: 'group', messageId, senderOpenId: action.operator.openId },
      value,
    }, eventKey);
    this.deps.log.info({ messageId, action: value.action }, 'card action queued');
    return { toast: { type: 'info', content: '已收到，正在处理' } };
  }

  dispatcher(opts: { encryptKey?: string; verificationToken?: string } = {}): lark.EventDispatcher {
    return new lark.EventDispatcher({ encryptKey: opts.encryptKey, verificationToken: opts.verificationToken, loggerLevel: lark.LoggerLevel.warn }).register({
      'im.message.receive_v1': (data: unknown) => this.onMessage(data as ReceiveEvent),
      'card.action.trigger': (data: unknown) => this.onCardAction(data as CardActionData),
    });
  }
}
