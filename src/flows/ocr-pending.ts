/**
 * The one recognition waiting in a chat (a photo's or a scanned PDF's, issue 23 item 3): what was
 * recognised, whether the writer confirmed it, and where the original is (message ids only: the
 * bytes are fetched again for 重新识别, never kept). Also the OCR call itself, paced.
 */
import { FeishuApiError } from '../core/errors.js';
import type { FileRef } from '../core/documents.js';
import { ocrRequest, type OcrResult } from '../documents/feishu-ledger.js';
import type { TurnContext } from './context.js';
import { ocrButtons } from './drafting/buttons.js';

/** Where the recognised original is: a photo message's image, or a PDF file message. */
export type OcrOrigin = { kind: 'image'; messageId: string; imageKey: string } | { kind: 'pdf'; file: FileRef };

export interface PendingOcr {
  result: OcrResult;
  confirmed: boolean;
  origin?: OcrOrigin;
  /** The job that produced this result: buttons of an older card (replaced by 重新识别) carry another. */
  run?: string;
}

export async function pendingOcr(ctx: TurnContext): Promise<PendingOcr | null> {
  const raw = await ctx.memory.ocr(ctx.conversation.chatId);
  return raw ? (JSON.parse(raw) as PendingOcr) : null;
}

export const savePendingOcr = (ctx: TurnContext, p: PendingOcr): Promise<void> => ctx.memory.setOcr(ctx.conversation.chatId, JSON.stringify(p));

/** How the writer names what was recognised: 图片“…” or 扫描件“…”. */
export const recognisedLabel = (r: OcrResult): string => (r.pages ? `扫描件“${r.name}”` : `图片“${r.name}”`);

/**
 * The recognition shown back for checking, and kept (replacing any earlier one in this chat) until
 * 确认 or 作废; nothing recognised is said in words and keeps nothing.
 */
export async function showRecognition(ctx: TurnContext, result: OcrResult, origin: OcrOrigin, senderTag: string): Promise<void> {
  const c = ctx.conversation;
  if (!result.lines.length) return ctx.replier.sendText(c, result.check, ctx.jobId);
  await savePendingOcr(ctx, { result, confirmed: false, origin, run: ctx.jobId });
  // Typed 确认 works as well: transports without buttons drop them.
  const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: '识别结果' });
  return card.finish(result.check, { buttons: ocrButtons(senderTag, ctx.jobId) });
}

/**
 * Calls one job makes at most per second. The OCR quota (20 QPS) is the tenant's, shared by all its
 * apps and by our other jobs, so one scanned PDF takes a fifth of it.
 */
export const OCR_CALLS_PER_SECOND = 4;
const RATE_LIMIT_TRIES = 3;

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('cancelled'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(t);
      reject(new Error('cancelled'));
    };
    signal?.addEventListener('abort', stop, { once: true });
  });

/**
 * Feishu's OCR of one image through the port, after the size check (ocrRequest's answer in words).
 * A rate limit waits the reset Feishu gives and tries again here, so one busy second does not make
 * the job recognise every page again.
 */
export async function recognise(ctx: TurnContext, name: string, image: Buffer): Promise<string[]> {
  const body = ocrRequest(name, image);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.documents!.ocr!(body);
    } catch (err) {
      if (!(err instanceof FeishuApiError) || err.kind !== 'rate-limited' || attempt >= RATE_LIMIT_TRIES) throw err;
      await pause(err.retryAfterMs ?? 1000 * attempt, ctx.signal);
    }
  }
}

/** OCR of several images in order, never faster than OCR_CALLS_PER_SECOND. */
export async function recogniseEach<T>(ctx: TurnContext, items: readonly T[], one: (item: T) => Promise<void>): Promise<void> {
  const gap = 1000 / OCR_CALLS_PER_SECOND;
  let last = 0;
  for (const item of items) {
    const wait = last + gap - Date.now();
    if (last && wait > 0) await pause(wait, ctx.signal);
    last = Date.now();
    await one(item);
  }
}
