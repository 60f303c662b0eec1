/**
 * Photos of paper records (issue 23 item 3): Feishu's OCR through the gateway, the lines shown
 * back as “识别结果，请核对”, and used as facts (image · line) only once the writer confirms.
 * The buttons under a recognition (a photo's or a scanned PDF's, flows/scan.ts): 确认, 作废 and
 * 重新识别 (the original fetched again from its message and recognised anew, replacing the result).
 */
import { DocumentError } from '../core/errors.js';
import { confirmsOcr, ocrFacts, ocrResult } from '../documents/feishu-ledger.js';
import type { MaterialItem } from '../documents/material.js';
import { requester, type TurnContext } from './context.js';
import { pendingOcr, recognise, recognisedLabel, savePendingOcr, showRecognition, type OcrOrigin } from './ocr-pending.js';
import { scannedPdfFlow } from './scan.js';

const NO_OCR = '控制台模式下不能识别图片，请直接把文字粘贴过来。';
const NOTHING_PENDING = '没有待核对的识别结果。';
const NOT_YOURS = '只有发这张照片或这份扫描件的人可以确认、作废或重新识别它的识别结果。';
const REPLACED = '这张卡片上的识别结果已经被重新识别的结果替换了，请在最新的识别结果卡片上操作。';
/** 重新识别 with the original no longer downloadable: Feishu keeps a message's files for a limited time, and a recalled message's not at all. */
const originGone = (what: string) => `${what}已经无法从原消息下载了（可能已过期，或消息已被撤回），所以没能重新识别。请把它重新发给我，我再识别一次。`;
/** The download failures that mean the original is gone (a missing scope or a size cap keeps its own answer). */
const gone = (err: DocumentError) => err.reason === 'unavailable' || err.reason === 'not-found';

/** A photo: read, recognised, shown back for checking; nothing is used before the writer confirms. */
export async function photoFlow(ctx: TurnContext, image: { messageId: string; imageKey: string }, senderTag: string, again = false): Promise<void> {
  const c = ctx.conversation;
  const docs = ctx.documents;
  if (!docs?.image || !docs.ocr) return ctx.replier.sendText(c, NO_OCR, ctx.jobId);
  if (ctx.audit) ctx.audit.kind = 'ocr';
  const name = `图片${image.messageId.slice(-6)}`;
  try {
    const bytes = await docs.image(image.messageId, image.imageKey, { openId: c.senderOpenId, chatId: c.chatId }).catch((err: unknown) => {
      if (!(err instanceof DocumentError)) throw err;
      if (again && gone(err)) throw new DocumentError(err.reason, originGone('这张图片'));
      throw new DocumentError(err.reason, `没能读取这张图片，所以无法识别其中的文字。${err.userMessage}也可以直接把文字粘贴过来。`);
    });
    const result = ocrResult(name, { data: { text_list: await recognise(ctx, name, bytes) } });
    return await showRecognition(ctx, result, { kind: 'image', ...image }, senderTag);
  } catch (err) {
    if (!(err instanceof DocumentError)) throw err;
    return ctx.replier.sendText(c, err.userMessage, ctx.jobId);
  }
}

/** Whether `text` confirms a recognition waiting in this chat (else “确认” is someone else's word). */
export async function confirmsPendingOcr(ctx: TurnContext, text: string): Promise<boolean> {
  if (!confirmsOcr(text)) return false;
  const p = await pendingOcr(ctx);
  return !!p && !p.confirmed;
}

/** “确认”: the recognised lines become this period's facts for the next request within the hour. */
export async function ocrConfirmFlow(ctx: TurnContext): Promise<void> {
  const p = await pendingOcr(ctx);
  if (!p) return ctx.replier.sendText(ctx.conversation, NOTHING_PENDING, ctx.jobId);
  const what = recognisedLabel(p.result);
  // A second press (or 确认 typed after the button) changes nothing.
  if (p.confirmed) return ctx.replier.sendText(ctx.conversation, `${what}的识别结果已经确认过了，一小时内可以用它起草。`, ctx.jobId);
  await savePendingOcr(ctx, { ...p, confirmed: true });
  const example = p.result.pages ? '根据这份扫描件写2026年上半年报告' : '根据这张照片写2026年上半年报告';
  const where = p.result.pages ? '文件、页码和行号' : '图片和行号';
  return ctx.replier.sendText(ctx.conversation, `已确认${what}的 ${p.result.lines.length} 行识别结果，一小时内可以用它起草，例如“${example}”；每条事实注明${where}。`, ctx.jobId);
}

/**
 * 确认 / 作废 / 重新识别 pressed under a recognition: in a group only the sender of the photo or file
 * answers it; a card whose result 重新识别 has replaced acts no more.
 */
export async function ocrButtonFlow(ctx: TurnContext, op: 'confirm' | 'discard' | 'retry', sender: { tag: string; pressedBySender: boolean }, run?: string): Promise<void> {
  const c = ctx.conversation;
  if (c.chatType === 'group' && !sender.pressedBySender) return ctx.replier.sendText(c, NOT_YOURS, ctx.jobId);
  const p = await pendingOcr(ctx);
  if (!p) return ctx.replier.sendText(c, NOTHING_PENDING, ctx.jobId);
  if (run && p.run && run !== p.run) return ctx.replier.sendText(c, REPLACED, ctx.jobId);
  if (op === 'confirm') return ocrConfirmFlow(ctx);
  if (op === 'retry') return ocrRetryFlow(ctx, p.origin, sender.tag);
  await ctx.memory.clearOcr(c.chatId);
  const again = p.result.pages ? '可以重新扫描后再发' : '可以重新发一张更清晰的照片';
  return ctx.replier.sendText(c, `已作废${recognisedLabel(p.result)}的识别结果，起草时不会用它。${again}，或直接把文字粘贴过来。`, ctx.jobId);
}

/**
 * 重新识别: the original fetched again from its message (nothing of it was kept) and recognised anew;
 * the new result, on a new card, replaces the pending one and waits for 确认 again.
 */
async function ocrRetryFlow(ctx: TurnContext, origin: OcrOrigin | undefined, tag: string): Promise<void> {
  const c = ctx.conversation;
  if (!origin) return ctx.replier.sendText(c, '这份识别结果没有记下原件的位置，请重新发送图片或文件。', ctx.jobId);
  if (origin.kind === 'image') return photoFlow(ctx, { messageId: origin.messageId, imageKey: origin.imageKey }, tag, true);
  if (!ctx.documents) return ctx.replier.sendText(c, NO_OCR, ctx.jobId);
  const fileGone = originGone(`文件“${origin.file.name}”`);
  try {
    const got = await ctx.documents.fetch({ kind: 'file', file: origin.file }, requester(ctx));
    if (got.kind !== 'file') return ctx.replier.sendText(c, fileGone, ctx.jobId);
    return await scannedPdfFlow(ctx, { name: got.name, data: got.data, file: origin.file }, tag);
  } catch (err) {
    if (!(err instanceof DocumentError)) throw err;
    return ctx.replier.sendText(c, gone(err) ? fileGone : `没能重新读取“${origin.file.name}”：${err.userMessage}`, ctx.jobId);
  }
}

/** The confirmed recognition of this chat as material, if any. */
export async function confirmedOcrItems(ctx: TurnContext): Promise<MaterialItem[]> {
  const p = await pendingOcr(ctx);
  if (!p?.confirmed) return [];
  const facts = ocrFacts(p.result);
  return [{ source: p.result.name, text: facts.map((f) => f.text).join('\n'), tabular: true, sourced: facts }];
}
