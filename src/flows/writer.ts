/**
 * The writing port (issue 21): what the bot writes for a report — outline, sections, revisions, a
 * full draft's parts, the critique's commentary. Two adapters: the model (flows/drafting/model-writer.ts)
 * and the genre's templates and rules (flows/drafting/rules-writer.ts), chosen once in the composition
 * root. Flows orchestrate (targets, order, progress, the card) and never ask which one they have.
 */
import type { ChatModel } from '../llm/chat-model.js';
import type { ReviseOp } from '../report/commands.js';
import type { SectionAddress } from '../report/draft.js';
import type { Genre } from '../report/genres.js';
import type { Outline } from '../report/outline.js';
import type { ReportRequest } from '../report/request.js';
import type { AnswerStream } from '../core/replier.js';
import type { PromptLibrary } from '../llm/prompts.js';
import type { SectionText } from './drafting/state.js';
import type { OnText } from './model-stream.js';

/** What every writing call gets: the model (the model adapter streams from it), prompts, the clock, where to show text. */
export interface WriteArgs {
  model: ChatModel;
  prompts: PromptLibrary;
  now: Date;
  /** IANA zone for the date in the system prompt. */
  timezone?: string;
  signal?: AbortSignal;
  onText?: OnText;
}

export interface OutlineResult {
  outline: Outline;
  /** The outline as shown to the writer (GB/T 9704 markers). */
  text: string;
  repaired: boolean;
  /** Defects left after the (optional) repair round. */
  defects: string[];
  /** True when the rule-based outline was used (offline, or the model output was unusable). */
  offline: boolean;
  /** The model answered but its answer had no usable outline: the rules' outline stands in. */
  fallback?: boolean;
  /** Chat text the cleaner took out of the model's answer (for logs and the eval). */
  removed: string[];
}

/** One place in the outline to write, at `chars` visible characters or its share of the report. */
export interface SectionJob {
  outline: Outline;
  req: ReportRequest;
  genre: Genre;
  addr: SectionAddress;
  chars?: number;
}

export interface Written {
  section: SectionText;
  removed: string[];
}

/** A whole part none of which is drafted yet (写全文): its addresses and their texts. */
export interface PartJob {
  outline: Outline;
  req: ReportRequest;
  genre: Genre;
  /** 1-based. */
  part: number;
}

/** The critique card so far: what the rules found, and what the commentary reads. */
export interface CritiqueJob {
  /** The card's head: the source line and the rule findings. */
  head: string;
  /** The text as the rules read it (a PDF's rejoined), framed as material. */
  material: string;
  /** The rule findings, briefly, for the model. */
  findingsBrief: string;
  period: string;
}

/** The leader's comments a review revises (issue 22): the prompt's list of them, framed as material. */
export interface ReviewJob {
  comments: string;
  count: number;
}

export interface Writer {
  /** Who wrote it, as an exported file's AI label names it. */
  author(model: ChatModel): string;
  outline(a: WriteArgs & { onRepair?: (defects: string[]) => void }, req: ReportRequest, genre: Genre): Promise<OutlineResult>;
  /** One section (or a part without sections). */
  section(a: WriteArgs, job: SectionJob): Promise<Written>;
  /** A part with nothing drafted: every address it covers, in order. */
  part(a: WriteArgs, job: PartJob): Promise<{ texts: SectionText[]; removed: string[] }>;
  /** An address not drafted yet, met by 精简/展开/重写: `chars` is the length that does what was asked, `asked` the writer's own. */
  reviseFresh(a: WriteArgs, job: SectionJob & { op: ReviseOp; chars: number; asked?: number }): Promise<Written>;
  /** Drafted text revised by its part's role, to about `chars`. */
  revise(a: WriteArgs, job: SectionJob & { op: ReviseOp; chars: number; current: string }): Promise<{ text: string; removed: string[] }>;
  /** Finish the critique card: the rule findings and, where there is one, the commentary (returned; '' without). */
  critique(a: WriteArgs & { card: AnswerStream }, job: CritiqueJob): Promise<string>;
  /**
   * The review loop's decisions on the leader's comments: the model's answer (the flow parses it), or
   * null where the rules decide (the critic's exact fixes only; every other comment asks for a model).
   */
  reviewComments(a: WriteArgs, job: ReviewJob): Promise<string | null>;
}
