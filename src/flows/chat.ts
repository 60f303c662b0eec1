import type { ChatMessage } from '../llm/chat-model.js';
import { LlmError } from '../core/errors.js';
import { cleanModelOutput, streamingView, type OutputKind } from '../report/model-output.js';
import type { PromptLibrary } from '../llm/prompts.js';
import { WORKING_TITLE } from '../core/texts.js';
import type { TurnContext } from './context.js';
import { systemMessage } from './system-prompt.js';

/**
 * Stream a model answer into the job's card under a fixed `head` (shown at once), then
 * remember the exchange; `remember` is what the thread's memory keeps of the user's turn.
 * Every kind, free chat included, is shown through the one model-output cleaner: the card
 * sees `streamingView` while it streams and the cleaned answer at the end, so no Markdown
 * marker, preamble, closing pleasantry or disclaiming note reaches the writer.
 */
export async function streamAnswer(ctx: TurnContext, opts: { title: string; messages: ChatMessage[]; remember: string; head?: string; temperature?: number; kind?: OutputKind }): Promise<string> {
  const card = await ctx.replier.openStream(ctx.conversation, { key: ctx.jobId, title: opts.title });
  const head = opts.head ?? (ctx.offlineNotice ? `${ctx.offlineNotice}\n\n` : '');
  const kind = opts.kind ?? 'chat';
  if (head) card.update(head);
  let raw = '';
  let since = 0;
  for await (const delta of ctx.model.stream({ messages: opts.messages, signal: ctx.signal, ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}) })) {
    raw += delta;
    since += delta.length;
    // Reasoning, a possible preamble and half-arrived markup stay hidden. Re-cleaning parses the whole
    // answer: on every delta while it is short (cheap), then on a new line or every 40 characters.
    if (raw.length < 400 || delta.includes('\n') || since >= 40) {
      since = 0;
      card.update(head + streamingView(raw, kind));
    }
  }
  const cleaned = cleanModelOutput(raw, kind);
  if (cleaned.removed.length) ctx.log.info({ kind, removed: cleaned.removed.length }, 'model chat text removed');
  const out = cleaned.text;
  // Reasoning and nothing else is no answer: retried like an empty stream, never shown or remembered.
  if (!out.trim()) throw new LlmError('model answer empty once its reasoning is removed', true);
  await card.finish(head + out);
  await ctx.memory.append(ctx.conversation, [{ role: 'user', content: opts.remember }, { role: 'assistant', content: out }], ctx.jobId);
  return out;
}

/** The messages of one free-chat turn: system prompt, the thread's history, the user's words. */
export function chatMessages(prompts: PromptLibrary, now: Date, timezone: string, history: readonly ChatMessage[], text: string): ChatMessage[] {
  return [systemMessage(prompts, now, timezone), ...history, { role: 'user', content: prompts.render('chat', { request: text }) }];
}

/** Free conversation in the thread, with its history. */
export async function chatFlow(ctx: TurnContext, text: string): Promise<void> {
  const history = await ctx.memory.history(ctx.conversation);
  ctx.log.info({ historyTurns: history.length, chars: text.length, model: ctx.model.name }, 'chat');
  await streamAnswer(ctx, { title: WORKING_TITLE, messages: chatMessages(ctx.prompts, ctx.now, ctx.timezone, history, text), remember: text });
}
