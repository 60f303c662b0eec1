import type { ChatMessage } from '../llm/chat-model.js';
import { LlmError } from '../core/errors.js';
import { cleanModelOutput, streamingView, type OutputKind } from '../report/model-output.js';
import { OFFLINE_NOTICE, WORKING_TITLE } from '../core/texts.js';
import type { TurnContext } from './context.js';
import { systemMessage } from './system-prompt.js';

/**
 * Stream a model answer into the job's card under a fixed `head` (shown at once), then
 * remember the exchange; `remember` is what the thread's memory keeps of the user's turn.
 */
export async function streamAnswer(ctx: TurnContext, opts: { title: string; messages: ChatMessage[]; remember: string; head?: string; temperature?: number; kind?: OutputKind }): Promise<string> {
  const card = await ctx.replier.openStream(ctx.conversation, { key: ctx.jobId, title: opts.title });
  const head = opts.head ?? (ctx.model.online ? '' : `${OFFLINE_NOTICE}\n\n`);
  const kind = opts.kind ?? 'chat';
  if (head) card.update(head);
  let raw = '';
  let since = 0;
  for await (const delta of ctx.model.stream({ messages: opts.messages, signal: ctx.signal, ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}) })) {
    raw += delta;
    since += delta.length;
    // Reasoning and a possible preamble stay hidden while streaming; re-clean on a new line or every 40 characters.
    if (kind === 'chat' || delta.includes('\n') || since >= 40) {
      since = 0;
      card.update(head + streamingView(raw, kind));
    }
  }
  const out = cleanModelOutput(raw, kind).text;
  // Reasoning and nothing else is no answer: retried like an empty stream, never shown or remembered.
  if (!out.trim()) throw new LlmError('model answer empty once its reasoning is removed', true);
  await card.finish(head + out);
  await ctx.memory.append(ctx.conversation, [{ role: 'user', content: opts.remember }, { role: 'assistant', content: out }], ctx.jobId);
  return out;
}

/** Free conversation in the thread, with its history. */
export async function chatFlow(ctx: TurnContext, text: string): Promise<void> {
  const history = await ctx.memory.history(ctx.conversation);
  const user: ChatMessage = { role: 'user', content: ctx.prompts.render('chat', { request: text }) };
  ctx.log.info({ historyTurns: history.length, chars: text.length, model: ctx.model.name }, 'chat');
  await streamAnswer(ctx, { title: WORKING_TITLE, messages: [systemMessage(ctx.prompts, ctx.now, ctx.timezone), ...history, user], remember: text });
}
