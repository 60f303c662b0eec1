import type { ChatMessage } from '../llm/chat-model.js';
import { OFFLINE_NOTICE, WORKING_TITLE } from '../bot/texts.js';
import type { TurnContext } from './context.js';
import { systemMessage } from './system-prompt.js';

/** Stream a model answer into a card and remember the exchange. */
export async function streamAnswer(ctx: TurnContext, opts: { title: string; messages: ChatMessage[]; remember: { user: string }; prefix?: string }): Promise<string> {
  const card = await ctx.replier.openStream(ctx.conversation, { key: ctx.jobId, title: opts.title });
  const head = opts.prefix ?? (ctx.model.online ? '' : `${OFFLINE_NOTICE}\n\n`);
  let out = '';
  for await (const delta of ctx.model.stream({ messages: opts.messages, signal: ctx.signal })) {
    out += delta;
    card.update(head + out);
  }
  await card.finish(head + out);
  await ctx.memory.append(ctx.conversation, [{ role: 'user', content: opts.remember.user }, { role: 'assistant', content: out }], ctx.jobId);
  return out;
}

/** Free conversation in the thread, with its history. */
export async function chatFlow(ctx: TurnContext, text: string): Promise<void> {
  const history = await ctx.memory.history(ctx.conversation);
  const user: ChatMessage = { role: 'user', content: ctx.prompts.render('chat', { request: text }) };
  ctx.log.info({ historyTurns: history.length, chars: text.length, model: ctx.model.name }, 'chat');
  await streamAnswer(ctx, { title: WORKING_TITLE, messages: [systemMessage(ctx.prompts, ctx.now, ctx.timezone), ...history, user], remember: { user: text } });
}
