import type { ChatModel } from '../llm/chat-model.js';
import { LlmError } from '../core/errors.js';
import type { PromptLibrary } from '../llm/prompts.js';
import type { Logger } from '../logger.js';
import { conversationOf, type JobData } from '../queue/jobs.js';
import type { JobContext } from '../queue/worker.js';
import { chatFlow } from '../flows/chat.js';
import { critiqueFlow } from '../flows/critique.js';
import { draftingFlow, isDraftButton } from '../flows/drafting/index.js';
import type { ReminderService } from '../reminders/service/index.js';
import type { TurnContext } from '../flows/context.js';
import type { ConversationMemory } from '../core/memory.js';
import { threadKey, type Conversation } from '../core/message.js';
import type { ThreadOwners } from '../flows/thread-owner.js';
import type { Replier } from '../core/replier.js';
import { MAX_INPUT_CHARS, routeText } from './router.js';
import { findClassificationMarking } from '../report/classification.js';
import * as T from '../core/texts.js';
import type { CloudDocPublisher, DocumentSource } from '../core/documents.js';
import type { DocumentParser } from '../documents/parser.js';
import { CLOUD_DOC_COMMAND, documentRequest, recentFileRequest } from './document-route.js';
import { cloudDocFlow, documentFlow } from '../flows/documents.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import type { AuditLog, AuditNote } from '../core/audit.js';
import type { Forgetting } from '../privacy/forget.js';

export interface HandlerDeps {
  replier: Replier;
  model: ChatModel;
  prompts: PromptLibrary;
  memory: ConversationMemory;
  log: Logger;
  timezone: string;
  reminders: ReminderService;
  now?: () => Date;
  /** Markings refused besides 绝密/机密/秘密 (RESTRICTED_MARKINGS). */
  restrictedMarkings?: readonly string[];
  /** Thread initiators (group threads: only they change the draft). */
  owners?: ThreadOwners;
  /** The writer's files and cloud docs (Feishu only). */
  documents?: DocumentSource;
  /** Reads files apart from the worker (documents/sandbox.ts); given with `documents`. */
  parser?: DocumentParser;
  cloudDocs?: CloudDocPublisher;
  /** The transport told the user once that the bot is offline (the console banner): answers do not repeat it. */
  offlineNoticeShown?: boolean;
  /** AI_LABEL_FOOTER: exported Word files print the AI label in the footer. */
  aiLabelFooter?: boolean;
  /** The audit trail: one record per job, written when it ends (issue 26). */
  audit?: AuditLog;
  /** /reset scrubs the thread's text from the queue's job records too. */
  forget?: Forgetting;
}


/** The worker's entry point: one job → one answer in the thread. */
export class MessageHandler {
  constructor(private readonly d: HandlerDeps) {}

  /** Jobs' audit notes until their record is written (a failed attempt's note serves the final failure). */
  private readonly notes = new Map<string, AuditNote>();

  private context(c: Conversation, job: JobContext, audit?: AuditNote): TurnContext {
    return {
      ...(audit ? { audit } : {}),
      conversation: c,
      jobId: job.jobId,
      signal: job.signal,
      log: job.log,
      replier: this.d.replier,
      model: this.d.model,
      prompts: this.d.prompts,
      memory: this.d.memory,
      now: this.d.now?.() ?? new Date(),
      timezone: this.d.timezone,
      offlineNotice: this.d.model.online || this.d.offlineNoticeShown ? '' : T.OFFLINE_NOTICE,
      restrictedMarkings: this.d.restrictedMarkings,
      ...(this.d.documents ? { documents: this.d.documents } : {}),
      ...(this.d.parser ? { parser: this.d.parser } : {}),
      ...(this.d.cloudDocs ? { cloudDocs: this.d.cloudDocs } : {}),
      ...(this.d.aiLabelFooter ? { aiLabelFooter: true } : {}),
    };
  }

  async handle(data: JobData, job: JobContext): Promise<void> {
    const note: AuditNote = this.notes.get(job.jobId) ?? { docs: [] };
    note.docs = [];
    this.notes.set(job.jobId, note);
    await this.route(data, job, note);
    await this.recordAudit(data, job.jobId, note, note.kind === 'refusal' ? 'refused' : 'ok');
  }

  /** The job's one audit record: ids, kind, documents, model and prompt version; never text. A failed write is logged, never the job's failure. */
  private async recordAudit(data: JobData, jobId: string, note: AuditNote, outcome: string): Promise<void> {
    this.notes.delete(jobId);
    if (!this.d.audit || note.skip) return;
    const c = conversationOf(data);
    try {
      await this.d.audit.record({
        time: (this.d.now?.() ?? new Date()).getTime(), chat: c.chatId, user: c.senderOpenId, kind: note.kind ?? 'message',
        ...(note.reason ? { reason: note.reason } : {}), docs: [...new Set(note.docs)],
        ...(this.d.model.online ? { model: this.d.model.name } : { model: 'offline' }), prompt: this.d.prompts.version, outcome, job: jobId,
        ...(note.content ? { content: note.content } : {}), ...(note.docToken ? { docToken: note.docToken } : {}),
      });
    } catch (err) {
      this.d.log.error({ err: (err as Error)?.message, jobId }, 'audit record not written');
    }
  }

  private async route(data: JobData, job: JobContext, note: AuditNote): Promise<void> {
    if (data.type === 'card-action') {
      const { value } = data.action;
      // The button's thread carries the stored outline; the reply goes under the card.
      const ctx = this.context(conversationOf(data), job, note);
      if (value.action === 'clouddoc' && typeof value.thread === 'string') {
        job.log.info({ route: 'button', command: 'clouddoc' }, 'routed');
        note.kind = 'clouddoc';
        return cloudDocFlow(ctx);
      }
      if (!isDraftButton(value)) return this.d.replier.sendText(ctx.conversation, T.BUTTON_EXPIRED, ctx.jobId);
      if (value.command.kind !== 'export' && !(await this.mayChangeDraft(ctx.conversation, true))) {
        Object.assign(note, { kind: 'refusal', reason: 'not-initiator' });
        job.log.info({ route: 'button', command: value.command.kind }, 'refused: not the thread initiator');
        return this.d.replier.sendText(data.action.conversation, T.NOT_INITIATOR, ctx.jobId);
      }
      job.log.info({ route: 'button', command: value.command.kind }, 'routed');
      note.kind = value.command.kind;
      return draftingFlow(ctx, value.command, { text: '', newRequest: false });
    }
    const { conversation: c, payload, refusal, retryAt } = data.message;
    const ctx = this.context(c, job, note);
    // Recorded by the admission script when it refused.
    if (refusal) note.skip = true;
    if (refusal) return this.d.replier.sendText(c, T.refusalText(refusal, retryAt ? this.waitUntil(retryAt) : undefined), ctx.jobId);
    // A message at a group thread's root makes its sender the thread's initiator.
    if (c.chatType === 'group' && !c.rootId && this.d.owners) await this.d.owners.claim(threadKey(c), c.senderOpenId);
    await this.d.replier.ack(c);
    if (payload.kind === 'unsupported') {
      if (payload.messageType === 'image') return this.d.replier.sendText(c, DOC_TEXTS.image, ctx.jobId);
      await this.d.replier.sendText(c, T.UNSUPPORTED_TYPE(T.MESSAGE_TYPE_LABEL[payload.messageType] ?? `“${payload.messageType}”类型的消息`), ctx.jobId);
      return;
    }
    // Checked before anything else reads the text: it must not reach the model, memory or a log.
    const marking = payload.kind === 'text' ? findClassificationMarking(payload.text, this.d.restrictedMarkings) : null;
    if (marking) {
      job.log.warn({ route: 'classified', level: marking.level }, 'refused: classification marking');
      Object.assign(note, { kind: 'refusal', reason: 'classified' });
      return this.d.replier.sendText(c, T.CLASSIFIED_REFUSAL(marking.marking), ctx.jobId);
    }
    const document = documentRequest(payload, ctx.now, this.d.timezone) ?? (await recentFileRequest(c, this.d.memory, payload, ctx.now, this.d.timezone));
    if (document) {
      job.log.info({ route: 'document', origin: document.origin.kind, use: document.draft ? 'material' : 'critique' }, 'routed');
      note.kind = document.draft ? 'material' : 'file-critique';
      return documentFlow(ctx, document.origin, document.words, { maxChars: MAX_INPUT_CHARS, ...(document.draft ? { draft: document.draft } : {}) });
    }
    if (payload.kind !== 'text') return;
    if (CLOUD_DOC_COMMAND.test(payload.text.trim())) {
      job.log.info({ route: 'clouddoc' }, 'routed');
      return cloudDocFlow(ctx);
    }
    const route = routeText(payload.text, { now: ctx.now, timezone: this.d.timezone });
    job.log.info({ route: route.kind }, 'routed');
    note.kind = route.kind === 'draft' ? route.command.kind : route.kind;
    const changesDraft = route.kind === 'reset' || (route.kind === 'draft' && route.command.kind !== 'export');
    if (changesDraft && !(await this.mayChangeDraft(c, c.chatType === 'group'))) {
      job.log.info({ route: route.kind }, 'refused: not the thread initiator');
      Object.assign(note, { kind: 'refusal', reason: 'not-initiator' });
      return this.d.replier.sendText(c, T.NOT_INITIATOR, ctx.jobId);
    }
    switch (route.kind) {
      case 'help':
        return this.d.replier.sendText(c, payload.text.trim() ? T.HELP : T.EMPTY_TEXT, ctx.jobId);
      case 'reset':
        await this.d.memory.clear(c);
        await this.d.forget?.scrubThread(c, ctx.jobId);
        return this.d.replier.sendText(c, T.RESET_DONE, ctx.jobId);
      case 'unknown-command':
        return this.d.replier.sendText(c, T.UNKNOWN_COMMAND(route.command), ctx.jobId);
      case 'too-long':
        return this.d.replier.sendText(c, T.TOO_LONG(route.length, MAX_INPUT_CHARS), ctx.jobId);
      case 'reminder': {
        const reply = await this.d.reminders.handle(route.command, {
          chatId: c.chatId,
          chatType: c.chatType,
          openId: c.senderOpenId,
          messageId: c.messageId,
          rootMessageId: c.rootId ?? c.messageId,
        }, ctx.now);
        // “好的” with no question of ours waiting is chat.
        if (reply === null) return chatFlow(ctx, payload.text);
        return this.d.replier.sendText(c, reply, ctx.jobId);
      }
      case 'critique':
        await critiqueFlow(ctx, route.text);
        return;
      case 'critique-empty':
        return this.d.replier.sendText(c, T.CRITIQUE_EMPTY, ctx.jobId);
      case 'draft':
        return draftingFlow(ctx, route.command, { text: payload.text, newRequest: route.newRequest });
      case 'chat':
        return chatFlow(ctx, route.text);
    }
  }

  /** How long until `retryAt` (ms, real time: the rate limiter's clock), and that moment in the bot's zone. */
  private waitUntil(retryAt: number): { seconds: number; clock: string } {
    const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: this.d.timezone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(retryAt));
    return { seconds: Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)), clock };
  }

  /** In a group thread, only its initiator changes the draft (export stays open). */
  private async mayChangeDraft(c: Conversation, group: boolean): Promise<boolean> {
    if (!group || !this.d.owners) return true;
    return (await this.d.owners.claim(threadKey(c), c.senderOpenId)) === c.senderOpenId;
  }

  /** The single error reply after the last attempt; it takes over the job's answer card. */
  async onFinalFailure(data: JobData, jobId: string, err: unknown): Promise<void> {
    const c = conversationOf(data);
    await this.recordAudit(data, jobId, this.notes.get(jobId) ?? { docs: [] }, 'failed');
    const text = err instanceof LlmError && !err.retryable && err.status !== undefined ? T.FAILURE_BAD_REQUEST : T.FAILURE;
    this.d.log.error({ err, jobId }, 'job failed for good; telling the user');
    const card = await this.d.replier.openStream(c, { key: jobId, title: T.FAILURE_TITLE });
    await card.finish(text);
  }
}
