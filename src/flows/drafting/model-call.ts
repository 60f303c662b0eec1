// One model call of the drafting flow: prompt context, streaming with a clean view, the cleaned answer.
import type { ChatMessage } from '../../llm/chat-model.js';
import type { Writer, WriteArgs } from '../writer.js';
import { periodGuidance, unitVoice, type Genre } from '../../report/genres.js';
import type { CleanResult, OutputKind } from '../../report/model-output.js';
import { streamText as streamModel } from '../model-stream.js';
import { periodLabel, periodRange } from '../../report/period.js';
import { roleLabel, type ReportRequest } from '../../report/request.js';
import { systemMessage } from '../system-prompt.js';
import { asMaterial } from '../../llm/spotlight.js';

export type { OnText } from '../model-stream.js';

/**
 * Where an answer written in several steps (parts of a full draft, sections of a part) is:
 * `done` steps are finished and, while `done < total`, step `done + 1` is being written.
 */
export interface Progress {
  done: number;
  total: number;
  unit: '部分' | '节';
}

/** The card's progress label: it counts finished steps only, and names the one being written. */
export function progressLabel(p: Progress): string {
  if (p.done >= p.total) return `（已完成${p.total}/${p.total}${p.unit}）`;
  const writing = `正在起草第${p.done + 1}/${p.total}${p.unit}`;
  return p.done === 0 ? `（${writing}）` : `（已完成${p.done}/${p.total}${p.unit}，${writing}）`;
}

export interface FlowBase extends WriteArgs {
  /** Who writes: the model or the rules, chosen once in the composition root (the model when not given). */
  writer?: Writer;
  /** Sections (or parts) of one answer drafted at once: the per-thread cap (DRAFT_CONCURRENCY); 1 when not given. */
  parallel?: number;
  /** With `parallel` above 1, a full draft's part longer than this (visible characters) is written section by section. */
  splitPartsOver?: number;
}

export function reportSystemMessage(f: FlowBase, req: ReportRequest): ChatMessage {
  const end = periodRange(req.period).end;
  const [y, m, d] = end.split('-').map(Number);
  return systemMessage(f.prompts, f.now, f.timezone ?? 'Asia/Shanghai', periodGuidance(req.period, f.now).phrase, `${periodLabel(req.period)}（截至${y}年${m}月${d}日）`);
}

/** Every drafting step streams through the one loop, at the drafting temperature. */
export const streamText = (f: FlowBase, messages: ChatMessage[], kind: OutputKind, layout?: (view: string) => string): Promise<CleanResult> =>
  streamModel(f, messages, kind, { temperature: 0.4, ...(layout ? { layout } : {}) });

export const personLabel = (g: Genre, req: ReportRequest): string => {
  if (g.person === 'first') return `第一人称（我、本人）${req.role ? `，身份：${roleLabel(req.role)}` : ''}`;
  const v = unitVoice(req.unit);
  return `单位口吻（${v.self}、${v.party}）`;
};

/**
 * The style every drafting step of one report is told, word for word: sections written at the same time
 * by separate model calls keep one voice because each gets the same notes.
 */
export const styleNotes = (g: Genre, req: ReportRequest): string => {
  const v = unitVoice(req.unit);
  const names = g.person === 'first' ? '用第一人称“我”“本人”，单位称谓按实际写' : `称本单位为“${v.self}”，党组织为“${v.party}”，全单位为“${v.whole}”，全文统一`;
  return [
    `1. 口吻与称谓：${names}，不写“党组（党委）”这类未定的并列称谓。`,
    '2. 做法和措施段内用“一是……二是……三是……”分层，每层先用一句概括，再写具体做法，最后写成效或数据。',
    '3. 用语平实规范，用陈述句，不用口号式排比和感叹句；数字用阿拉伯数字；不写开场白、结束语、字数说明和修改说明。',
    '4. 各部分、各节分头同时起草，只写本次起草的内容；同一个事例、数字、做法只在最相关的一节写一次。',
  ].join('\n');
};

export const factsText = (req: ReportRequest): string => {
  const list = req.facts.map((f, i) => `${i + 1}. ${f}`).join('\n');
  // Facts read from a file or a quote are material, never instructions (spotlighting, issue 26).
  const facts = !req.facts.length ? '（用户未提供具体事实，所有数字和事例一律写成【待补充：……】占位）' : req.factsFrom ? asMaterial(list, req.factsFrom) : list;
  if (!req.example) return facts;
  // The model is shown as a sample of form; its facts were marked before it got here.
  return `${facts}\n\n【范文（仅供参考结构、标题层次和写法，不是本期事实）】来源：“${req.example.source}”。其中的【待更新：……】是往期的情况，不得写成本期事实：本期有对应事实的用本期事实，没有的保留【待更新：……】原样；不要整句照抄范文。\n${asMaterial(req.example.text, req.example.source)}`;
};
