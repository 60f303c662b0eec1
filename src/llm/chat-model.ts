import type { ChatMessage } from '../core/message.js';

export type { ChatMessage } from '../core/message.js';

export interface ChatRequest {
  messages: ChatMessage[];
  /** Aborts the request (job cancelled, shutdown). */
  signal?: AbortSignal;
  temperature?: number;
}

/** A streamed answer: text deltas, in order. */
export type ChatStream = AsyncIterable<string>;

/**
 * The LLM port. Adapters: the openai SDK (any OpenAI-compatible endpoint) and the
 * offline template model used when no key is configured.
 */
export interface ChatModel {
  /** Short human-readable name for logs and the "which model" line. */
  readonly name: string;
  /** False for the offline adapter (logs, /healthz, the offline notice); flows get the rules' writer instead of asking. */
  readonly online: boolean;
  stream(req: ChatRequest): ChatStream;
}
