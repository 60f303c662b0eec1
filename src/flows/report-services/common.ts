// Shared state and helpers of the drafting services: thread state, errors, lengths, prompts and streaming.
import type { ChatMessage, ChatModel } from '../../llm/chat-model.js';
import type { PromptLibrary } from '../../llm/prompts.js';
import type { Draft, SectionAddress } from '../../report/draft.js';
import { periodGuidance, unitVoice, type Genre, type GenreId } from '../../report/genres.js';
import type { Outline } from '../../report/outline.js';
import type { PartId } from '../../report/parts.js';
import type { ReportRequest } from '../../report/request.js';
import { systemMessage } from '../system-prompt.js';

/** Per-thread state; JSON-safe so it can live in Redis as is. */
export interface ReportThreadState {
  version: 1;
  request: ReportRequest;
  outline?: Outline;
  draft: Draft;
  /** Addresses written by the last section/revise command: what “再精简一点” refers to. */
  lastAddresses?: SectionAddress[];
  /** ISO time of the last change. */
  updatedAt: string;
}

export function newThreadState(request: ReportRequest, now: Date): ReportThreadState {
  return { version: 1, request, draft: { sections: {} }, updatedAt: now.toISOString() };
}

import { ReportFlowError } from '../../core/errors.js';

export { ReportFlowError };

/** Streaming callback: the new delta and the text so far (restarts on a repair round). */
export type OnText = (delta: string, full: string) => void;

export interface FlowBase {
  model: ChatModel;
  prompts: PromptLibrary;
  now: Date;
  /** IANA zone for the date in the system prompt. */
  timezone?: string;
  signal?: AbortSignal;
  onText?: OnText;
}

const DEFAULT_CHARS: Record<GenreId, number> = { 'unit-report': 3000, 'leader-report': 2000, 'duty-report': 2500, 'self-check': 2500, 'summary-plan': 3500 };
// Share of the whole length each part gets.
const PART_SHARE: Record<PartId, number> = { practice: 0.6, problems: 0.15, plans: 0.25 };

export function totalChars(req: ReportRequest): number {
  return req.length?.chars ?? DEFAULT_CHARS[req.genre];
}

export function partChars(req: ReportRequest, outline: Outline, partIndex: number): number {
  const part = outline.parts[partIndex];
  const share = part?.partId ? PART_SHARE[part.partId] : 1 / Math.max(1, outline.parts.length);
  return Math.max(150, Math.round((totalChars(req) * share) / 10) * 10);
}

export function sectionChars(req: ReportRequest, outline: Outline, partIndex: number): number {
  const n = Math.max(1, outline.parts[partIndex]?.sections.length ?? 1);
  return Math.max(100, Math.round(partChars(req, outline, partIndex) / n / 10) * 10);
}

export function reportSystemMessage(f: FlowBase, req: ReportRequest): ChatMessage {
  return systemMessage(f.prompts, f.now, f.timezone ?? 'Asia/Shanghai', periodGuidance(req.period, f.now).phrase);
}

/** The same flow args, with onText showing `prefix` before the streamed text (multi-section progress). */
export function withPrefix<T extends FlowBase>(f: T, prefix: string): T {
  const onText = f.onText;
  if (!onText || !prefix) return f;
  return { ...f, onText: (d: string, full: string) => onText(d, `${prefix}${full}`) };
}

export async function streamText(f: FlowBase, messages: ChatMessage[]): Promise<string> {
  let full = '';
  for await (const delta of f.model.stream({ messages, ...(f.signal ? { signal: f.signal } : {}), temperature: 0.4 })) {
    full += delta;
    f.onText?.(delta, full);
  }
  return full;
}

export const personLabel = (g: Genre, req: ReportRequest): string => {
  if (g.person === 'first') return '第一人称（我、本人）';
  const v = unitVoice(req.unit);
  return `单位口吻（${v.self}、${v.party}）`;
};

export const factsText = (req: ReportRequest): string => (req.facts.length ? req.facts.map((f, i) => `${i + 1}. ${f}`).join('\n') : '（用户未提供具体事实，所有数字和事例一律写成【待补充：……】占位）');

export function requireOutline(state: ReportThreadState): Outline {
  if (!state.outline) throw new ReportFlowError('还没有提纲，请先发送“列提纲”或直接描述要写的报告。');
  return state.outline;
}

export interface SectionText {
  address: SectionAddress;
  label: string;
  text: string;
}

export function withSections(state: ReportThreadState, sections: SectionText[], now: Date): ReportThreadState {
  const next = { ...state.draft.sections };
  for (const s of sections) next[s.address] = s.text;
  return { ...state, draft: { sections: next }, lastAddresses: sections.map((s) => s.address), updatedAt: now.toISOString() };
}
