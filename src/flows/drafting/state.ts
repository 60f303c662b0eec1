// The thread's drafting state: the one source of truth for what the writer last saw.
import { ReportFlowError } from '../../core/errors.js';
import type { Draft, SectionAddress } from '../../report/draft.js';
import type { Outline } from '../../report/outline.js';
import type { ReportRequest } from '../../report/request.js';
import type { DraftCommand } from '../../report/commands.js';
import type { SourcedFact } from '../../report/material/facts.js';
import type { Provenance } from '../../report/material/provenance.js';
import type { MaterialItem } from '../../documents/material.js';

/** The material a draft was built on (issue 23): what every later draft of the thread is checked against. */
export interface ThreadMaterial {
  /** Each file as read, in the order given: a correction (第二个文件是台账) re-decides it. */
  items: MaterialItem[];
  /** The request's words. */
  words: string;
  /** What the request asked for, repeated when a correction re-runs it. */
  command: Exclude<DraftCommand, { kind: 'export' }>;
  /** This period's facts, each with its address. */
  facts: SourcedFact[];
  /** The model (last period's report), unmarked: for carry-over marking and the verbatim cap. */
  model?: { source: string; text: string };
}

/** Per-thread state; JSON-safe so it can live in Redis as is. */
export interface ReportThreadState {
  version: 1;
  request: ReportRequest;
  outline?: Outline;
  draft: Draft;
  /** Addresses written by the last section/revise command: what “再精简一点” and a bare “（二）” refer to. */
  lastAddresses?: SectionAddress[];
  /** ISO time of the last change. */
  updatedAt: string;
  /** The material the draft is built on, when it is. */
  material?: ThreadMaterial;
  /** Where each fact-bearing piece of the last draft came from (“这句出自哪里？”). */
  provenance?: Provenance;
}

export function newThreadState(request: ReportRequest, now: Date): ReportThreadState {
  return { version: 1, request, draft: { sections: {} }, updatedAt: now.toISOString() };
}

export { ReportFlowError };

export function requireOutline(state: ReportThreadState): Outline {
  if (!state.outline) throw new ReportFlowError('还没有提纲，请先发送“列提纲”或直接描述要写的报告。');
  return state.outline;
}

export interface SectionText {
  address: SectionAddress;
  label: string;
  text: string;
}

/** The state with these section texts stored (and remembered as the last worked on). */
export function withSections(state: ReportThreadState, sections: SectionText[], now: Date, remember = true): ReportThreadState {
  const next = { ...state.draft.sections };
  for (const s of sections) next[s.address] = s.text;
  const last = remember ? { lastAddresses: sections.map((s) => s.address) } : {};
  return { ...state, draft: { sections: next }, ...last, updatedAt: now.toISOString() };
}

/**
 * Some steps of a multi-section answer failed: `state` holds the ones that were written (the draft is
 * kept), `failed` the addresses not written, `text` the answer as it stands (a placeholder where a step
 * failed), `error` why. Before the last attempt the flow fails with the error (the retry asks again, the
 * finished steps' answers kept); on the last one it shows `text` with one line naming what failed.
 */
export class IncompleteDraft extends Error {
  constructor(readonly state: ReportThreadState, readonly error: unknown, readonly failed: readonly SectionAddress[] = [], readonly text = '') {
    super(error instanceof Error ? error.message : String(error));
  }
}
