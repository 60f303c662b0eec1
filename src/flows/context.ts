import type { ChatModel } from '../llm/chat-model.js';
import type { Writer } from './writer.js';
import type { PromptLibrary } from '../llm/prompts.js';
import type { Logger } from '../logger.js';
import type { ConversationMemory } from '../stores/memory.js';
import type { Conversation } from '../core/message.js';
import type { Replier } from '../core/replier.js';
import type { CloudDocPublisher, CommentSource, DocumentSource, Requester } from '../core/documents.js';
import type { DocumentParser } from '../documents/parser.js';
import type { AuditNote } from '../stores/audit.js';
import type { ReviewStore } from './review-store.js';
import type { ThreadOwners } from './thread-owner.js';
import type { LedgerStore } from '../documents/ledger-store.js';
import type { VerdictStore } from '../stores/verdicts.js';

/** Everything a flow needs to answer one request. Built per job by the message handler. */
export interface TurnContext {
  conversation: Conversation;
  /** Idempotency base for every outbound call of this job. */
  jobId: string;
  signal?: AbortSignal;
  /** No retry follows a failure of this run: a flow shows what it has rather than fail (a partial draft). */
  lastAttempt?: boolean;
  log: Logger;
  replier: Replier;
  model: ChatModel;
  /** Who writes reports and critique commentary: the model or the rules (chosen once in app.ts). */
  writer: Writer;
  prompts: PromptLibrary;
  memory: ConversationMemory;
  now: Date;
  timezone: string;
  /**
   * Put at the head of each answer when no model is configured; empty when online, or when
   * the transport already said so once (the console's banner).
   */
  offlineNotice: string;
  /** Markings refused besides 绝密/机密/秘密 (RESTRICTED_MARKINGS). */
  restrictedMarkings?: readonly string[];
  /** The writer's files and cloud docs; absent in console mode. */
  documents?: DocumentSource;
  /** Reads and annotates files apart from the worker; present with `documents`. */
  parser?: DocumentParser;
  cloudDocs?: CloudDocPublisher;
  /** A cloud doc's comments: listed and answered in their threads (issue 22). */
  comments?: CommentSource;
  /** The job's audit note: flows say what kind of job it was and which documents it read or made. */
  audit?: AuditNote;
  /** The review loop's lists, reviewers and versions (issue 22). */
  reviews?: ReviewStore;
  /** Group threads' owners: who may have a reviewed document revised. */
  owners?: ThreadOwners;
  /** Steps of one answer drafted at once (DRAFT_CONCURRENCY), and the part length above which a full draft's part is split (DRAFT_PART_CHARS). */
  draftConcurrency?: { sections: number; partChars?: number };
  /** Exported Word files also print the AI label in their footer (AI_LABEL_FOOTER). */
  aiLabelFooter?: boolean;
  /** The unit's 台账 (记一笔), per chat, no TTL; absent where nothing is stored. */
  ledger?: LedgerStore;
  /** The writers' verdicts on findings (误报/有用); absent where they are not kept. */
  verdicts?: VerdictStore;
}

/** Who asks for a document (Feishu checks the sender's own access, issue 19): the turn's sender and chat. */
export function requester(ctx: Pick<TurnContext, 'conversation'>): Requester {
  const c = ctx.conversation;
  return { openId: c.senderOpenId, chatId: c.chatId, ...(c.senderExternal ? { external: true } : {}) };
}
