// The one loop that streams a model answer (chat, critique commentary, every drafting step), and the card opened beside it.
import type { ChatMessage, ChatModel } from '../llm/chat-model.js';
import { UnusableAnswerError } from '../core/errors.js';
import type { Conversation } from '../core/message.js';
import type { AnswerStream, AnswerText, Replier } from '../core/replier.js';
import { cleanModelOutput, streamingView, type CleanResult, type OutputKind } from '../report/model-output.js';

/** Streaming callback: the new raw delta and the clean text to show so far (restarts on a repair round). */
export type OnText = (delta: string, shown: string) => void;

export interface StreamArgs {
  model: ChatModel;
  signal?: AbortSignal;
  onText?: OnText;
  /**
   * Called on every delta with the view of the text so far, built only when asked (for a card, when it is
   * next drawn): the CPU a watcher that draws a few times a second would waste on every delta is saved.
   */
  onView?: (view: () => string) => void;
}

export interface StreamOptions {
  /** Lays the view out as the final rendering will (an outline's markers), so nothing renumbers at the end. */
  layout?: (view: string) => string;
  temperature?: number;
  /** Re-clean on every delta until the answer is this long (free text; a report's half-written line waits for its end). */
  eagerUntil?: number;
  /** The answer as it came (a structured answer its own parser reads tolerantly); still refused when empty. */
  raw?: true;
}

/**
 * Stream one answer. Watchers see only the streaming view (no reasoning, no preamble, no half-arrived
 * markup); the caller gets the cleaned answer. The whole answer is re-cleaned on a new line or every 40
 * characters, and for free text on every delta while it is short (cheap, and the first words show at once).
 */
export async function streamText(f: StreamArgs, messages: ChatMessage[], kind: OutputKind, o: StreamOptions = {}): Promise<CleanResult> {
  let raw = '';
  let since = 0;
  const eager = o.eagerUntil ?? 0;
  let shown = '';
  const viewOf = (text: string) => {
    const view = streamingView(text, kind);
    return o.layout && view ? o.layout(view) : view;
  };
  // The latest text's view, built once however often it is asked for.
  let built = { raw: '', view: '' };
  const latestView = () => {
    if (built.raw !== raw) built = { raw, view: viewOf(raw) };
    return built.view;
  };
  for await (const delta of f.model.stream({ messages, ...(f.signal ? { signal: f.signal } : {}), ...(o.temperature !== undefined ? { temperature: o.temperature } : {}) })) {
    raw += delta;
    since += delta.length;
    f.onView?.(latestView);
    if (!f.onText) continue;
    if (raw.length < eager || delta.includes('\n') || since >= 40) {
      since = 0;
      shown = viewOf(raw);
    }
    // Every delta is passed on (a watcher may keep the raw text); the view only changes as above.
    f.onText(delta, shown);
  }
  if (o.raw) {
    if (!raw.trim()) throw new UnusableAnswerError('model answer empty');
    return { text: raw, removed: [], unsure: [] };
  }
  const out = cleanModelOutput(raw, kind);
  // Reasoning and nothing else is no answer: retried like an empty stream, never shown or stored.
  if (!out.text.trim()) throw new UnusableAnswerError('model answer empty once its reasoning is removed');
  return out;
}

/**
 * The job's answer card, opened beside the model request rather than before it (issue 25): updates
 * that arrive before the card exists are kept (the latest wins) and shown once it does. A card that
 * cannot be opened fails the next update, so the stream stops and the job's retry (same card key)
 * takes over; `finish` waits for the card.
 */
export function openCardBeside(replier: Replier, c: Conversation, opts: { key: string; title: string }): AnswerStream {
  let card: AnswerStream | undefined;
  let failed: Error | undefined;
  let latest: AnswerText | undefined;
  const opening = replier.openStream(c, opts).then((s) => {
    card = s;
    if (latest !== undefined) s.update(latest);
    return s;
  });
  // Surfaced by the next update or by finish, never as an unhandled rejection.
  opening.catch((err: unknown) => {
    failed = err instanceof Error ? err : new Error(String(err));
  });
  return {
    update(markdown: AnswerText): void {
      if (failed !== undefined) throw failed;
      if (card) card.update(markdown);
      else latest = markdown;
    },
    async finish(markdown, o) {
      await (await opening).finish(markdown, o);
    },
  };
}
