import type { ChatMessage } from '../llm/chat-model.js';
import type { PromptLibrary } from '../llm/prompts.js';
import { currentGuidance } from '../report/formulations.js';

/** Today's date in the bot's zone, as the prompts want it: 2026年11月22日. */
export function todayLabel(now: Date, timezone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, year: 'numeric', month: 'long', day: 'numeric' }).format(now);
}

/** The system prompt with today's date and the guidance to cite (by default the one current today). */
export function systemMessage(prompts: PromptLibrary, now: Date, timezone: string, guidance: string = currentGuidance(now).phrase): ChatMessage {
  return { role: 'system', content: prompts.render('system', { today: todayLabel(now, timezone), guidance }) };
}
