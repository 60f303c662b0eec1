import type { Conversation } from './message.js';

/** A button on an answer card; `value` comes back in the card-action job. */
export interface CardButton {
  text: string;
  value: Record<string, unknown>;
  primary?: boolean;
}

/** A streamed answer: one or more cards in the thread (long answers roll over to new cards). */
export interface AnswerStream {
  /** Replace the whole answer text so far (throttled inside). */
  update(markdown: string): void;
  /** Final text and optional buttons; closes streaming. */
  finish(markdown: string, opts?: { buttons?: CardButton[] }): Promise<void>;
}

/**
 * The outbound port. `key` makes every call idempotent: a retried job passes the same
 * key and must not post a second message.
 */
export interface Replier {
  /** Show "working on it" on the user's message. */
  ack(c: Conversation): Promise<void>;
  openStream(c: Conversation, opts: { key: string; title: string }): Promise<AnswerStream>;
  sendText(c: Conversation, text: string, key: string): Promise<void>;
  sendFile(c: Conversation, file: { name: string; data: Buffer }, key: string): Promise<void>;
}
