/**
 * The document parser process: started by documents/sandbox.ts for one file, answers once over
 * IPC and exits. Nothing else imports this module. Its heap, memory and time are limited by the
 * parent, so whatever a file does here, the worker serving everyone else is untouched.
 */
import { DocumentError } from '../core/errors.js';
import { annotateDocx, type Annotation } from './annotate.js';
import { extractFile } from './extract.js';
import { DEFAULT_SCAN_PAGES, scanPdf } from './pdf-scan.js';
import type { ParseLimits } from './limits.js';
import { readZipParts } from './zip-guard.js';
import { reviewInspect, reviewApply, reviewCritique, type ReviewJob } from './review/jobs.js';

export type ParseRequest =
  | { op: 'extract'; name: string; data: Uint8Array; limits: ParseLimits }
  | { op: 'annotate'; name: string; data: Uint8Array; limits: ParseLimits; annotations: Annotation[]; now: number }
  /** The review loop (issue 22): inspect the comments, revise by decisions, or revise by the critic. */
  | { op: 'review'; name: string; data: Uint8Array; limits: ParseLimits; job: ReviewJob; now: number }
  /** A scanned PDF's first pages for OCR (issue 23): text pages' lines, scanned pages' pictures. */
  | { op: 'scan'; name: string; data: Uint8Array; limits: ParseLimits };

export type ParseReply =
  | { ok: true; value: unknown }
  | { ok: false; reason: DocumentError['reason']; userMessage: string }
  | { ok: false; error: string };

async function run(req: ParseRequest): Promise<ParseReply> {
  const data = Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength);
  try {
    if (req.op === 'extract') return { ok: true, value: await extractFile(req.name, data, req.limits) };
    if (req.op === 'scan') return { ok: true, value: await scanPdf(req.name, data, req.limits, req.limits.maxScanPages ?? DEFAULT_SCAN_PAGES) };
    // The annotator and the reviewer open the package with JSZip: its parts are checked first, as for
    // reading (a file that is no zip at all, e.g. an encrypted one, is told apart by the reviewer itself).
    if (req.op !== 'review' || data.subarray(0, 2).toString('latin1') === 'PK') await readZipParts(req.name, data, req.limits);
    if (req.op === 'review') {
      const now = new Date(req.now);
      const job = req.job;
      return { ok: true, value: job.kind === 'inspect' ? await reviewInspect(data) : job.kind === 'apply' ? await reviewApply(data, job, now) : await reviewCritique(data, now) };
    }
    return { ok: true, value: await annotateDocx(data, req.annotations, new Date(req.now)) };
  } catch (err) {
    if (err instanceof DocumentError) return { ok: false, reason: err.reason, userMessage: err.userMessage };
    return { ok: false, error: (err as Error)?.message ?? String(err) };
  }
}

if (process.send) {
  // The worker is gone (killed): stop rather than parse for nobody.
  process.on('disconnect', () => process.exit(1));
  process.once('message', (req: ParseRequest) => {
    void run(req).then((reply) => process.send!(reply, () => process.exit(0)));
  });
}
