import type { Conversation } from './message.js';

/** A button on an answer card; `value` comes back in the card-action job. */
export interface CardButton {
  text: string;
  value: Record<string, unknown>;
  primary?: boolean;
}

/** One line of a choice card: a label and its options; `value` comes back with the chosen option's id as `option`. */
export interface ChoiceRow {
  label: string;
  value: Record<string, unknown>;
  options: ReadonlyArray<{ id: string; text: string }>;
  /** The option chosen so far (shown as chosen). */
  chosen?: string;
}

/** A card of rows to choose on (the writer's verdicts on findings); redrawn whole after each choice. */
export interface ChoiceCard {
  title: string;
  intro: string;
  rows: ChoiceRow[];
}

/**
 * The answer so far, or how to render it: a function is called only when the card is next drawn, so a
 * model stream's view (a Markdown parse) is not rebuilt for every delta the throttle would drop.
 */
export type AnswerText = string | (() => string);

/** A streamed answer: one or more cards in the thread (long answers roll over to new cards). */
export interface AnswerStream {
  /** Replace the whole answer text so far (throttled inside). */
  update(markdown: AnswerText): void;
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
  /** A card of choices in the thread (transports without buttons leave it out). */
  sendChoiceCard?(c: Conversation, card: ChoiceCard, key: string): Promise<void>;
  /** Redraw the choice card a button was pressed on (`c.messageId` is that card's message). */
  updateChoiceCard?(c: Conversation, card: ChoiceCard): Promise<void>;
}
