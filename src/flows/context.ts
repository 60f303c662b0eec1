import type { ChatModel } from '../llm/chat-model.js';
import type { Writer } from './writer.js';
import type { PromptLibrary } from '../llm/prompts.js';
import type { Logger } from '../logger.js';
import type { ConversationMemory } from '../core/memory.js';
import type { Conversation } from '../core/message.js';
import type { Replier } from '../core/replier.js';
import type { CloudDocPublisher, DocumentSource } from '../core/documents.js';
import type { DocumentParser } from '../documents/parser.js';
import type { AuditNote } from '../core/audit.js';

/** Everything a flow needs to answer one request. Built per job by the message handler. */
export interface TurnContext {
  conversation: Conversation;
  /** Idempotency base for every outbound call of this job. */
  jobId: string;
  signal?: AbortSignal;
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
  /** The job's audit note: flows say what kind of job it was and which documents it read or made. */
  audit?: AuditNote;
  /** Steps of one answer drafted at once (DRAFT_CONCURRENCY), and the part length above which a full draft's part is split (DRAFT_PART_CHARS). */
  draftConcurrency?: { sections: number; partChars?: number };
  /** Exported Word files also print the AI label in their footer (AI_LABEL_FOOTER). */
  aiLabelFooter?: boolean;
}
