/**
 * Photos of paper records (issue 23 item 3): Feishu's OCR through the gateway, the lines shown
 * back as “识别结果，请核对”, and used as facts (image · line) only once the writer confirms.
 */
import { DocumentError } from '../core/errors.js';
import { confirmsOcr, ocrFacts, ocrRequest, ocrResult, type OcrResult } from '../documents/feishu-ledger.js';
import type { MaterialItem } from '../documents/material.js';
import type { TurnContext } from './context.js';
import { ocrButtons } from './drafting/buttons.js';

interface PendingOcr {
  result: OcrResult;
  confirmed: boolean;
}

const NO_OCR = '控制台模式下不能识别图片，请直接把文字粘贴过来。';
const NOTHING_PENDING = '没有待核对的识别结果。';
const NOT_YOURS = '只有发这张照片的人可以确认或作废它的识别结果。';

/** A photo: read, recognised, shown back for checking; nothing is used before the writer confirms. */
export async function photoFlow(ctx: TurnContext, image: { messageId: string; imageKey: string }, senderTag: string): Promise<void> {
  const c = ctx.conversation;
  const docs = ctx.documents;
  if (!docs?.image || !docs.ocr) return ctx.replier.sendText(c, NO_OCR, ctx.jobId);
  if (ctx.audit) ctx.audit.kind = 'ocr';
  const name = `图片${image.messageId.slice(-6)}`;
  try {
    const bytes = await docs.image(image.messageId, image.imageKey, { openId: c.senderOpenId, chatId: c.chatId }).catch((err: unknown) => {
      if (!(err instanceof DocumentError)) throw err;
      throw new DocumentError(err.reason, `没能读取这张图片，所以无法识别其中的文字。${err.userMessage}也可以直接把文字粘贴过来。`);
    });
    const lines = await docs.ocr(ocrRequest(name, bytes));
    const result = ocrResult(name, { data: { text_list: lines } });
    if (!result.lines.length) return ctx.replier.sendText(c, result.check, ctx.jobId);
    await ctx.memory.setOcr(c.chatId, JSON.stringify({ result, confirmed: false } satisfies PendingOcr));
    // Typed 确认 works as well: transports without buttons drop them.
    const card = await ctx.replier.openStream(c, { key: ctx.jobId, title: '识别结果' });
    return card.finish(result.check, { buttons: ocrButtons(senderTag) });
  } catch (err) {
    if (!(err instanceof DocumentError)) throw err;
    return ctx.replier.sendText(c, err.userMessage, ctx.jobId);
  }
}

async function pending(ctx: TurnContext): Promise<PendingOcr | null> {
  const raw = await ctx.memory.ocr(ctx.conversation.chatId);
  return raw ? (JSON.parse(raw) as PendingOcr) : null;
}

/** Whether `text` confirms a recognition waiting in this chat (else “确认” is someone else's word). */
export async function confirmsPendingOcr(ctx: TurnContext, text: string): Promise<boolean> {
  if (!confirmsOcr(text)) return false;
  const p = await pending(ctx);
  return !!p && !p.confirmed;
}

/** “确认”: the recognised lines become this period's facts for the next request within the hour. */
export async function ocrConfirmFlow(ctx: TurnContext): Promise<void> {
  const p = await pending(ctx);
  if (!p) return ctx.replier.sendText(ctx.conversation, NOTHING_PENDING, ctx.jobId);
  // A second press (or 确认 typed after the button) changes nothing.
  if (p.confirmed) return ctx.replier.sendText(ctx.conversation, `图片“${p.result.name}”的识别结果已经确认过了，一小时内可以用它起草。`, ctx.jobId);
  await ctx.memory.setOcr(ctx.conversation.chatId, JSON.stringify({ ...p, confirmed: true } satisfies PendingOcr));
  return ctx.replier.sendText(ctx.conversation, `已确认图片“${p.result.name}”的 ${p.result.lines.length} 行识别结果，一小时内可以用它起草，例如“根据这张照片写2026年上半年报告”；每条事实注明图片和行号。`, ctx.jobId);
}

/** 确认 / 作废 pressed under the recognition: in a group only the photo's sender answers it. */
export async function ocrButtonFlow(ctx: TurnContext, op: 'confirm' | 'discard', bySender: boolean): Promise<void> {
  const c = ctx.conversation;
  if (c.chatType === 'group' && !bySender) return ctx.replier.sendText(c, NOT_YOURS, ctx.jobId);
  if (op === 'confirm') return ocrConfirmFlow(ctx);
  const p = await pending(ctx);
  if (!p) return ctx.replier.sendText(c, NOTHING_PENDING, ctx.jobId);
  await ctx.memory.clearOcr(c.chatId);
  return ctx.replier.sendText(c, `已作废图片“${p.result.name}”的识别结果，起草时不会用它。可以重新发一张更清晰的照片，或直接把文字粘贴过来。`, ctx.jobId);
}

/** The confirmed recognition of this chat as material, if any. */
export async function confirmedOcrItems(ctx: TurnContext): Promise<MaterialItem[]> {
  const p = await pending(ctx);
  if (!p?.confirmed) return [];
  const facts = ocrFacts(p.result);
  return [{ source: p.result.name, text: facts.map((f) => f.text).join('\n'), tabular: true, sourced: facts }];
}
