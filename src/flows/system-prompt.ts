import type { ChatMessage } from '../llm/chat-model.js';
import type { PromptLibrary } from '../llm/prompts.js';
import { currentGuidance } from '../report/formulations.js';

/** Today's date in the bot's zone, as the prompts want it: 2026年11月22日. */
export function todayLabel(now: Date, timezone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, year: 'numeric', month: 'long', day: 'numeric' }).format(now);
}

/** The system prompt with today's date, the report period and the guidance to cite (by default the one current today). */
export function systemMessage(prompts: PromptLibrary, now: Date, timezone: string, guidance: string = currentGuidance(now).phrase, period = '未指定，以今天为准'): ChatMessage {
  return { role: 'system', content: prompts.render('system', { today: todayLabel(now, timezone), period, guidance }) };
}

/** The reviewer's system prompt: free of the drafting rules that forbid explanations. */
export function critiqueSystemMessage(prompts: PromptLibrary, now: Date, timezone: string): ChatMessage {
  return { role: 'system', content: prompts.render('critique-system', { today: todayLabel(now, timezone), guidance: currentGuidance(now).phrase }) };
}
