import type { Writer } from '../flows/writer.js';
import type { ChatModel } from '../llm/chat-model.js';
import type { KeptAnswers } from '../llm/kept-answers.js';
import { LlmError, UnusableAnswerError } from '../core/errors.js';
import type { PromptLibrary } from '../llm/prompts.js';
import type { Logger } from '../logger.js';
import { conversationOf, type JobData } from '../queue/jobs.js';
import type { JobContext } from '../queue/worker.js';
import { chatFlow } from '../flows/chat.js';
import { critiqueFlow } from '../flows/critique.js';
import type { ReminderService } from '../reminders/service/index.js';
import type { TurnContext } from '../flows/context.js';
import type { ConversationMemory } from '../stores/memory.js';
import type { Conversation } from '../core/message.js';
import type { ThreadOwners } from '../flows/thread-owner.js';
import type { Replier } from '../core/replier.js';
import * as T from '../core/texts.js';
import type { CloudDocPublisher, CommentSource, DocumentSource } from '../core/documents.js';
import type { DocumentParser } from '../documents/parser.js';
import { cloudDocFlow, documentFlow, draftOrFromPhoto, materialKindFlow, whereFromFlow } from '../flows/documents.js';
import { unitWordsFlow } from '../flows/unit-words.js';
import { REVIEW_TEXTS, reviewAnswerFlow, reviewerFlow, versionFlow } from '../flows/review.js';
import { reviewInPlaceFlow } from '../flows/review-in-place.js';
import type { ReviewStore } from '../flows/review-store.js';
import { verdictButtonFlow } from '../flows/verdicts.js';
import type { VerdictStore } from '../stores/verdicts.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import { MAX_INPUT_CHARS, routeButton, routeChangesDraft, routeMessage, routeWithRecentFile, type Route } from './routes.js';
import { ack, classification, compose, initiator, refusal, route, threadOwner, type Turn } from './middleware.js';
import type { AuditLog, AuditNote } from '../stores/audit.js';
import { formatFindings } from '../core/usage.js';
import { userTag, type Forgetting } from '../privacy/forget.js';
import { forgetButtons } from '../flows/drafting/buttons.js';
import { keepDraft } from '../flows/drafting/expiry.js';
import type { LedgerStore } from '../documents/ledger-store.js';
import { ledgerFlow } from '../flows/ledger.js';
import { profileFlow } from '../flows/profile.js';
import { confirmsPendingOcr, ocrButtonFlow, ocrConfirmFlow, photoFlow } from '../flows/photo.js';

export interface HandlerDeps {
  replier: Replier;
  model: ChatModel;
  /** The model's writer or the rules' (app.ts chooses once). */
  writer: Writer;
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
  /** A cloud doc's comments (issue 22). */
  comments?: CommentSource;
  /** A job's complete model answers, kept for its retries (the model is not asked twice). */
  answers?: KeptAnswers;
  /** The transport told the user once that the bot is offline (the console banner): answers do not repeat it. */
  offlineNoticeShown?: boolean;
  /** DRAFT_CONCURRENCY and DRAFT_PART_CHARS: steps of one answer drafted at once, and when a part is split. */
  draftConcurrency?: { sections: number; partChars?: number };
  /** AI_LABEL_FOOTER: exported Word files print the AI label in the footer. */
  aiLabelFooter?: boolean;
  /** The audit trail: one record per job, written when it ends (issue 26). */
  audit?: AuditLog;
  /** /reset scrubs the thread's text from the queue's job records too. */
  forget?: Forgetting;
  /** DRAFT_TTL_DAYS: what 保留 promises. */
  draftTtlDays?: number;
  /** The review loop's lists, reviewers and versions (issue 22). */
  reviews?: ReviewStore;
  /** The unit's 台账 (记一笔). */
  ledger?: LedgerStore;
  /** The writers' verdicts on findings (issue 24 item 6). */
  verdicts?: VerdictStore;
}

/** A route's flow: the one place a route kind meets the code that answers it. */
type Flows = { [K in Route['kind']]: (t: Turn & { route: Extract<Route, { kind: K }> }, d: HandlerDeps) => Promise<void> };

const FLOWS: Flows = {
  help: ({ ctx, conversation: c, route: r }) => ctx.replier.sendText(c, r.empty ? T.EMPTY_TEXT : T.HELP, ctx.jobId),
  reset: async ({ ctx, conversation: c }, d) => {
    await d.memory.clear(c);
    await d.forget?.scrubThread(c, ctx.jobId);
    await ctx.replier.sendText(c, T.RESET_DONE, ctx.jobId);
  },
  'unknown-command': ({ ctx, conversation: c, route: r }) => ctx.replier.sendText(c, T.UNKNOWN_COMMAND(r.command), ctx.jobId),
  'too-long': ({ ctx, conversation: c, route: r }) => ctx.replier.sendText(c, T.TOO_LONG(r.length, MAX_INPUT_CHARS), ctx.jobId),
  reminder: async ({ ctx, conversation: c, route: r, text }, d) => {
    // “确认” with a photo's recognition waiting in this chat confirms that.
    if (await confirmsPendingOcr(ctx, text)) return ocrConfirmFlow(ctx);
    const reply = await d.reminders.handle(r.command, {
      chatId: c.chatId,
      chatType: c.chatType,
      openId: c.senderOpenId,
      messageId: c.messageId,
      rootMessageId: c.rootId ?? c.messageId,
    }, ctx.now);
    // “好的” with no question of ours waiting is chat.
    if (reply === null) return chatFlow(ctx, text);
    return ctx.replier.sendText(c, reply, ctx.jobId);
  },
  critique: ({ ctx, route: r }) => critiqueFlow(ctx, r.text).then(() => undefined),
  'critique-empty': ({ ctx, conversation: c }) => ctx.replier.sendText(c, T.CRITIQUE_EMPTY, ctx.jobId),
  draft: ({ ctx, route: r, text }) => draftOrFromPhoto(ctx, r.command, text, r.newRequest),
  chat: ({ ctx, route: r }) => chatFlow(ctx, r.text),
  clouddoc: ({ ctx }) => cloudDocFlow(ctx),
  'unit-words': ({ ctx, route: r }) => unitWordsFlow(ctx, r.request),
  document: ({ ctx, route: { document: doc } }) => documentFlow(ctx, doc.origin, doc.words, { maxChars: MAX_INPUT_CHARS, senderTag: userTag(ctx.conversation.senderOpenId), ...(doc.draft ? { draft: doc.draft } : {}) }),
  unsupported: ({ ctx, conversation: c, route: r }) => r.messageType === 'image'
    ? ctx.replier.sendText(c, DOC_TEXTS.image, ctx.jobId)
    : ctx.replier.sendText(c, T.UNSUPPORTED_TYPE(T.MESSAGE_TYPE_LABEL[r.messageType] ?? `“${r.messageType}”类型的消息`), ctx.jobId),
  'button-expired': ({ ctx, conversation: c }) => ctx.replier.sendText(c, T.BUTTON_EXPIRED, ctx.jobId),
  // 全部处理 with no list waiting in the thread is an ordinary message (the button says there is none).
  'review-answer': async ({ ctx, conversation: c, route: r }) => {
    if (await reviewAnswerFlow(ctx, r.all ? { all: true } : r.text)) return;
    return r.all ? ctx.replier.sendText(c, REVIEW_TEXTS.nothingPending, ctx.jobId) : chatFlow(ctx, r.text);
  },
  'review-in-place': ({ ctx, route: r }) => reviewInPlaceFlow(ctx, r.all ? { all: true } : r.text),
  'review-version': ({ ctx, route: r }) => versionFlow(ctx, r.op),
  reviewer: ({ ctx, data }) => reviewerFlow(ctx, data.type === 'message' && data.message.payload.kind === 'text' ? data.message.payload.mentions ?? [] : []),
  'material-kind': ({ ctx, route: r }) => materialKindFlow(ctx, r.correction),
  'where-from': ({ ctx, route: r }) => whereFromFlow(ctx, r.text),
  ledger: ({ ctx, route: r }) => ledgerFlow(ctx, r.op),
  verdict: ({ ctx, route: r }) => verdictButtonFlow(ctx, r),
  photo: ({ ctx, route: r }) => photoFlow(ctx, r.image, userTag(ctx.conversation.senderOpenId)),
  'ocr-button': ({ ctx, route: r }) => ocrButtonFlow(ctx, r.op, { tag: r.sender, pressedBySender: r.sender === userTag(ctx.conversation.senderOpenId) }, r.run),
  profile: ({ ctx, route: r }) => profileFlow(ctx, r.text),
  // 删除我的数据: the request itself is neither remembered nor sent to the model.
  'forget-ask': async ({ ctx, conversation: c }, d) => {
    if (!d.forget) return ctx.replier.sendText(c, T.FAILURE, ctx.jobId);
    await d.forget.ask(c.senderOpenId, c.chatId);
    const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: T.FORGET_TITLE });
    await card.finish(T.FORGET_ASK, { buttons: forgetButtons(userTag(c.senderOpenId)) });
  },
  'forget-confirm': async ({ ctx, conversation: c, route: r }, d) => {
    const refused = await forgetRefusal(c, r.requester, d);
    if (refused) return ctx.replier.sendText(c, refused, ctx.jobId);
    const result = await d.forget!.forgetUser(c.senderOpenId, { exceptJobId: ctx.jobId, by: 'user' });
    await ctx.replier.sendText(c, T.FORGET_DONE(result.deleted, result.kept, { ...(result.shared ? { shared: result.shared } : {}), ...(result.tasks ? { tasks: result.tasks } : {}) }), ctx.jobId);
  },
  'draft-keep': ({ ctx }, d) => keepDraft(ctx, d.draftTtlDays ?? 30),
  'forget-cancel': async ({ ctx, conversation: c, route: r }, d) => {
    const refused = await forgetRefusal(c, r.requester, d);
    if (refused) return ctx.replier.sendText(c, refused, ctx.jobId);
    await d.forget!.cancel(c.senderOpenId);
    await ctx.replier.sendText(c, T.FORGET_CANCELLED, ctx.jobId);
  },
};

/** Only the asker confirms or cancels: a button carries their tag; a typed answer needs their open question in this chat. */
async function forgetRefusal(c: Conversation, requester: string | undefined, d: HandlerDeps): Promise<string | undefined> {
  if (!d.forget) return T.FAILURE;
  if (requester !== undefined) return requester === userTag(c.senderOpenId) ? undefined : T.FORGET_NOT_YOURS;
  return (await d.forget.asked(c.senderOpenId, c.chatId)) ? undefined : T.FORGET_NOTHING_PENDING;
}

/** The worker's entry point: one job → the checks before routes → one route → its flow → one answer in the thread. */
export class MessageHandler {
  private readonly run: (t: Turn) => Promise<void>;

  constructor(private readonly d: HandlerDeps) {
    // Order matters: nothing reads the text before the classification check; the initiator check needs the route.
    this.run = compose([
      refusal((retryAt) => this.waitUntil(retryAt)),
      threadOwner(d.owners),
      ack,
      classification(d.restrictedMarkings),
      route((t) => this.decide(t)),
      initiator(d.owners, routeChangesDraft),
    ], (t) => {
      const r = t.route!;
      return (FLOWS[r.kind] as (t: Turn, d: HandlerDeps) => Promise<void>)(t, this.d);
    });
  }

  /** Jobs' audit notes until their record is written (a failed attempt's note serves the final failure). */
  private readonly notes = new Map<string, AuditNote>();

  private context(c: Conversation, job: JobContext, model: ChatModel, audit?: AuditNote): TurnContext {
    return {
      ...(audit ? { audit } : {}),
      conversation: c,
      jobId: job.jobId,
      signal: job.signal,
      ...(job.attempt >= (job.attempts ?? 1) ? { lastAttempt: true } : {}),
      log: job.log,
      replier: this.d.replier,
      model,
      writer: this.d.writer,
      prompts: this.d.prompts,
      memory: this.d.memory,
      now: this.d.now?.() ?? new Date(),
      timezone: this.d.timezone,
      offlineNotice: this.d.model.online || this.d.offlineNoticeShown ? '' : T.OFFLINE_NOTICE,
      restrictedMarkings: this.d.restrictedMarkings,
      ...(this.d.documents ? { documents: this.d.documents } : {}),
      ...(this.d.parser ? { parser: this.d.parser } : {}),
      ...(this.d.cloudDocs ? { cloudDocs: this.d.cloudDocs } : {}),
      ...(this.d.comments ? { comments: this.d.comments } : {}),
      ...(this.d.aiLabelFooter ? { aiLabelFooter: true } : {}),
      ...(this.d.reviews ? { reviews: this.d.reviews } : {}),
      ...(this.d.owners ? { owners: this.d.owners } : {}),
      ...(this.d.ledger ? { ledger: this.d.ledger } : {}),
      ...(this.d.verdicts ? { verdicts: this.d.verdicts } : {}),
      ...(this.d.draftConcurrency ? { draftConcurrency: this.d.draftConcurrency } : {}),
    };
  }

  async handle(data: JobData, job: JobContext): Promise<void> {
    // The button's thread carries the stored outline; the reply goes under the card.
    const conversation = data.type === 'card-action' ? conversationOf(data) : data.message.conversation;
    const payload = data.type === 'message' ? data.message.payload : undefined;
    const text = payload?.kind === 'text' ? payload.text : '';
    const kept = this.d.answers?.forJob(this.d.model, job.jobId);
    const note: AuditNote = this.notes.get(job.jobId) ?? { docs: [] };
    note.docs = [];
    this.notes.set(job.jobId, note);
    try {
      const turn: Turn = { data, ctx: this.context(conversation, job, kept?.model ?? this.d.model, note), conversation, text };
      await this.run(turn);
      if (!note.kind && turn.route) note.kind = turn.route.kind === 'draft' ? turn.route.command.kind : turn.route.kind;
      await this.recordAudit(data, job.jobId, note, note.kind === 'refusal' ? 'refused' : 'ok');
    } catch (err) {
      // The model answered but the answer was no use (only reasoning, …): the retry asks again. Any other
      // failure (one of several steps drafted at once) keeps the answers the other calls gave.
      if (err instanceof UnusableAnswerError) await kept?.forget().catch(() => undefined);
      throw err;
    }
  }

  private decide(t: Turn): Promise<Route> {
    if (t.data.type === 'card-action') return Promise.resolve(routeButton(t.data.action.value));
    const o = { now: t.ctx.now, timezone: this.d.timezone };
    const { payload } = t.data.message;
    const c = t.conversation;
    return routeWithRecentFile(routeMessage(payload, o), payload, c.chatType === 'p2p', o, () => this.d.memory.recentFile(c.chatId));
  }

  /** How long until `retryAt` (ms, real time: the rate limiter's clock), and that moment in the bot's zone. */
  private waitUntil(retryAt: number): { seconds: number; clock: string } {
    const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: this.d.timezone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(retryAt));
    return { seconds: Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)), clock };
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
        ...(note.findings ? { findings: formatFindings(note.findings) } : {}),
      });
    } catch (err) {
      this.d.log.error({ err: (err as Error)?.message, jobId }, 'audit record not written');
    }
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
