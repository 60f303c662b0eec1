import type { Annotation } from './annotate.js';
import type { ExtractedFile } from './extract.js';
import type { ScannedPdf } from './pdf-scan.js';
import type { ApplyResult, CritiqueResult, InspectResult, ReviewJob } from './review/jobs.js';

/** Per call: the job's key (a retry of the same job uses the same one) and its cancel signal. */
export interface ParseCall {
  key: string;
  signal?: AbortSignal;
}

/**
 * Reading and annotating the writer's files, apart from everything else (documents/sandbox.ts:
 * a process per file, with its own heap, memory and time limits). Every unreadable case is a
 * DocumentError whose message is the answer, including a file that killed the parser.
 */
export interface DocumentParser {
  extract(name: string, data: Buffer, call: ParseCall): Promise<ExtractedFile>;
  /** A scanned PDF (extract said 'scanned'): its first pages, each its text or its picture for OCR. */
  scan(name: string, data: Buffer, call: ParseCall): Promise<ScannedPdf>;
  annotate(name: string, data: Buffer, annotations: readonly Annotation[], now: Date, call: ParseCall): Promise<{ data: Buffer; placed: number }>;
  /** The review loop on a .docx (issue 22): its comments listed, revised by decisions, or revised by the critic. */
  review(name: string, data: Buffer, job: { kind: 'inspect' }, now: Date, call: ParseCall): Promise<InspectResult>;
  review(name: string, data: Buffer, job: Extract<ReviewJob, { kind: 'apply' }>, now: Date, call: ParseCall): Promise<ApplyResult>;
  review(name: string, data: Buffer, job: { kind: 'critique' }, now: Date, call: ParseCall): Promise<CritiqueResult>;
}
