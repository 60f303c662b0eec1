import * as lark from '@larksuiteoapi/node-sdk';
import type { IncomingMessage } from '../core/message.js';

/** The flattened im.message.receive_v1 the EventDispatcher hands to handlers. */
export interface ReceiveEvent {
  event_id?: string;
  create_time?: string;
  tenant_key?: string;
  sender?: { sender_id?: { open_id?: string; user_id?: string; union_id?: string }; sender_type?: string; tenant_key?: string };
  message?: lark.RawMessageEvent['message'];
}

export type InboundDecision =
  | { accept: true; message: IncomingMessage }
  | { accept: false; reason: 'not-a-message' | 'from-bot' | 'not-mentioned' | 'stale' };

interface PostNode { tag?: string; text?: string; user_id?: string; user_name?: string; href?: string }

/**
 * Rich text → plain text. Written by hand because the SDK's normalizer renders post as
 * Markdown (**bold**, <u>…</u>), which the critic would report as pasted-page debris.
 */
export function postToPlainText(content: string, botKeys: ReadonlySet<string>): string {
  let parsed: { title?: string; content?: PostNode[][] } & Record<string, unknown>;
  try {
    parsed = JSON.parse(content) as typeof parsed;
  } catch {
    return '';
  }
  // Receive-side post has no locale wrapper, but tolerate one.
  if (!parsed.content) {
    const inner = Object.values(parsed).find((v) => typeof v === 'object' && v !== null && 'content' in v) as typeof parsed | undefined;
    if (inner) parsed = inner;
  }
  const lines: string[] = [];
  if (parsed.title) lines.push(parsed.title);
  for (const para of parsed.content ?? []) {
    let line = '';
    for (const n of para) {
      if (n.tag === 'text' || n.tag === 'a' || n.tag === 'code_block') line += n.text ?? '';
      else if (n.tag === 'at' && n.user_id && !botKeys.has(n.user_id)) line += `@${n.user_name ?? ''}`;
    }
    lines.push(line);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Invisible characters that change nothing for a reader but defeat routing (/help, 写全文):
 * zero-width space/joiners, word joiner, BOM, soft hyphen, and bidi marks/overrides/isolates.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

export function normalizeInputText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').trim();
}

function fileOf(content: string): { fileKey: string; name: string } {
  try {
    const c = JSON.parse(content) as { file_key?: string; file_name?: string };
    return { fileKey: c.file_key ?? '', name: c.file_name ?? '文件' };
  } catch {
    return { fileKey: '', name: '文件' };
  }
}

/** Decide whether an event starts work, and turn it into our message shape. */
export async function toIncoming(data: ReceiveEvent, bot: lark.BotIdentity, opts: { now: number; maxAgeMs: number }): Promise<InboundDecision> {
  const raw = data.message;
  if (!raw?.message_id || !raw.chat_id) return { accept: false, reason: 'not-a-message' };
  if (data.sender?.sender_type && data.sender.sender_type !== 'user') return { accept: false, reason: 'from-bot' };
  const created = Number(raw.create_time ?? data.create_time ?? opts.now);
  if (Number.isFinite(created) && opts.now - created > opts.maxAgeMs) return { accept: false, reason: 'stale' };

  const n = await lark.normalize({ sender: { sender_id: data.sender?.sender_id ?? {}, sender_type: data.sender?.sender_type }, message: raw }, { botIdentity: bot, stripBotMentions: true });
  if (n.chatType === 'group' && !n.mentionedBot) return { accept: false, reason: 'not-mentioned' };

  let payload: IncomingMessage['payload'];
  const quoted = raw.parent_id ? { quotedId: raw.parent_id } : {};
  // People the writer @-mentioned besides the bot (“@某某 审稿” names a reviewer by them).
  const people = n.mentions.filter((m) => m.openId && m.openId !== bot.openId && !m.isBot).map((m) => ({ name: m.name ?? '', openId: m.openId! }));
  const mentions = people.length ? { mentions: people } : {};
  if (raw.message_type === 'text') payload = { kind: 'text', text: normalizeInputText(n.content), ...quoted, ...mentions };
  else if (raw.message_type === 'post') {
    const botKeys = new Set(n.mentions.filter((m) => m.openId === bot.openId).map((m) => m.key));
    payload = { kind: 'text', text: normalizeInputText(postToPlainText(raw.content, botKeys)), ...quoted };
  } else if (raw.message_type === 'file') payload = { kind: 'file', file: { messageId: raw.message_id, ...fileOf(raw.content) } };
  else if (raw.message_type === 'image' && typeof raw.content === 'string' && /"image_key"/.test(raw.content)) {
    const key = (JSON.parse(raw.content) as { image_key?: unknown }).image_key;
    payload = typeof key === 'string' && key ? { kind: 'image', image: { messageId: raw.message_id, imageKey: key } } : { kind: 'unsupported', messageType: 'image' };
  } else payload = { kind: 'unsupported', messageType: typeof raw.message_type === 'string' && raw.message_type ? raw.message_type : 'unknown' };

  return {
    accept: true,
    message: {
      conversation: {
        chatId: raw.chat_id,
        chatType: raw.chat_type,
        messageId: raw.message_id,
        ...(raw.root_id ? { rootId: raw.root_id } : {}),
        ...(raw.thread_id ? { threadId: raw.thread_id } : {}),
        senderOpenId: data.sender?.sender_id?.open_id ?? n.senderId,
        ...(data.sender?.tenant_key && data.tenant_key && data.sender.tenant_key !== data.tenant_key ? { senderExternal: true } : {}),
        ...(data.tenant_key ? { tenantKey: data.tenant_key } : {}),
      },
      payload,
      createdAt: created,
    },
  };
}
