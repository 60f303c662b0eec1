/**
 * Scanned PDFs (issue 23 item 3): a PDF without a text layer goes page by page through Feishu's OCR
 * (the first OCR_MAX_PDF_PAGES pages; the parser process gives each page's picture), shown back as
 * “识别结果，请核对” with page numbers, and used only after 确认, each fact addressed as
 * file · 第N页 · line. A page with its own text layer is read as it is, in the same list.
 */
import type { FileRef } from '../core/documents.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import { DocumentError, isPermanent } from '../core/errors.js';
import { scanResult, type ScanPageResult } from '../documents/feishu-ledger.js';
import type { TurnContext } from './context.js';
import { recognise, recogniseEach, showRecognition } from './ocr-pending.js';

/** extract said 'scanned' about a file the flow still holds: its bytes come along for OCR. */
export class ScannedPdf extends DocumentError {
  constructor(readonly fileName: string, readonly data: Buffer, readonly file: FileRef, message: string) {
    super('scanned', message);
  }
}

/** A scanned PDF's pages recognised and shown for checking; without OCR (console) the old answer. */
export async function scannedPdfFlow(ctx: TurnContext, pdf: { name: string; data: Buffer; file: FileRef }, senderTag: string): Promise<void> {
  const c = ctx.conversation;
  if (!ctx.documents?.ocr || !ctx.parser) return ctx.replier.sendText(c, DOC_TEXTS.scanned(pdf.name), ctx.jobId);
  if (ctx.audit) ctx.audit.kind = 'ocr';
  try {
    const scan = await ctx.parser.scan(pdf.name, pdf.data, { key: ctx.jobId, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    const read = new Map<number, ScanPageResult>();
    for (const item of scan.items) {
      if (item.kind === 'text') read.set(item.page, { page: item.page, lines: item.lines, from: 'text' });
      else if (item.kind === 'blank') read.set(item.page, { page: item.page, skipped: 'blank' });
      else if (item.kind === 'too-large') read.set(item.page, { page: item.page, skipped: 'too-large', bytes: item.bytes });
    }
    const images = scan.items.filter((i) => i.kind === 'image');
    // Pages an earlier attempt of this job recognised are not asked again.
    const kept = await ctx.memory.keptOcrPages(ctx.jobId);
    for (const [page, lines] of kept) read.set(page, { page, lines, from: 'ocr' });
    let transient: Error | undefined;
    await recogniseEach(ctx, images.filter((i) => !kept.has(i.page)), async (item) => {
      try {
        const lines = await recognise(ctx, `${pdf.name} 第${item.page}页`, Buffer.from(item.data.buffer, item.data.byteOffset, item.data.byteLength));
        read.set(item.page, { page: item.page, lines, from: 'ocr' });
        await ctx.memory.keepOcrPage(ctx.jobId, item.page, lines);
      } catch (err) {
        // A missing scope fails every page alike: the one answer naming it.
        if (ctx.signal?.aborted || (err instanceof DocumentError && err.reason === 'missing-scope')) throw err;
        ctx.log.warn({ page: item.page, err: (err as Error).message }, 'scanned pdf page not recognised');
        if (!isPermanent(err)) transient ??= err instanceof Error ? err : new Error(String(err));
        read.set(item.page, { page: item.page, skipped: 'failed' });
      }
    });
    // BullMQ retries the job (the one retry layer), which asks only for the failed pages; the last attempt shows the rest.
    if (transient !== undefined && !ctx.lastAttempt) throw transient;
    ctx.log.info({ pages: scan.pages, read: scan.items.length, ocr: images.length, kept: kept.size, stoppedAfter: scan.stoppedAfter }, 'scanned pdf recognised');
    const result = scanResult(pdf.name, [...read.values()].sort((a, b) => a.page - b.page), scan.pages, scan.cap, scan.stoppedAfter);
    return await showRecognition(ctx, result, { kind: 'pdf', file: pdf.file }, senderTag);
  } catch (err) {
    if (!(err instanceof DocumentError)) throw err;
    ctx.log.info({ reason: err.reason }, 'scanned pdf not recognised');
    return ctx.replier.sendText(c, err.userMessage, ctx.jobId);
  }
}
