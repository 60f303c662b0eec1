import type { ChatMessage } from '../llm/chat-model.js';
import type { OutputKind } from '../report/model-output.js';
import { openCardBeside, streamText } from './model-stream.js';
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
  // The model request starts now; the card opens beside it and shows the text once both are there.
  const card = openCardBeside(ctx.replier, ctx.conversation, { key: ctx.jobId, title: opts.title });
  const head = opts.head ?? (ctx.offlineNotice ? `${ctx.offlineNotice}\n\n` : '');
  const kind = opts.kind ?? 'chat';
  if (head) card.update(head);
  const cleaned = await streamText({ model: ctx.model, ...(ctx.signal ? { signal: ctx.signal } : {}), onView: (view) => card.update(() => head + view()) }, opts.messages, kind, { ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}) });
  if (cleaned.removed.length) ctx.log.info({ kind, removed: cleaned.removed.length }, 'model chat text removed');
  const out = cleaned.text;
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
