import type { DocumentOrigin } from '../core/documents.js';
import { findDocLink, withoutLink } from '../core/doc-links.js';
import type { ConversationMemory } from '../core/memory.js';
import type { Conversation, Payload } from '../core/message.js';
import { isMaterialRequest } from '../documents/material.js';
import type { DraftCommand } from '../report/commands.js';
import { routeText } from './router.js';

/** A message about a document: where it is, the words with it, and the draft they ask for (else a critique). */
export interface DocumentRoute {
  origin: DocumentOrigin;
  words: string;
  draft?: DraftCommand;
}

/** Words that point at a document the message quotes. */
const POINTS_AT_DOCUMENT = /台账|材料|附件|文件|文档|这份|这个|这篇|这些|以上|上面|该文|此文/;

/** 生成云文档 / 转成飞书文档 / 导出云文档 / /云文档 */
export const CLOUD_DOC_COMMAND = /^(?:[/／]云文档|(?:请|帮我)?(?:生成|导出|转成|转为|存为|保存为|做成)(?:飞书)?(?:云文档|在线文档|飞书文档))[。！!]?$/;

/**
 * Whether a message is about a document, and which: a file, a cloud-doc link, or (when
 * the words ask for a critique or a draft from material) the message it quotes.
 */
export function documentRequest(payload: Payload, now: Date, timezone: string): DocumentRoute | undefined {
  if (payload.kind === 'file') return { origin: { kind: 'file', file: payload.file }, words: '' };
  if (payload.kind !== 'text') return undefined;
  const text = payload.text.trim();
  if (/^[/／]/.test(text)) return undefined;
  const link = findDocLink(text);
  if (link) return withDraft({ origin: { kind: 'link', link }, words: withoutLink(text, link) }, now, timezone);
  if (!payload.quotedId) return undefined;
  const route = routeText(text, { now, timezone });
  const asksCritique = route.kind === 'critique-empty' || (route.kind === 'help' && !text);
  return asksCritique || asksMaterial(text) ? withDraft({ origin: { kind: 'quote', messageId: payload.quotedId }, words: text }, now, timezone) : undefined;
}

const asksMaterial = (text: string) => isMaterialRequest(text) && POINTS_AT_DOCUMENT.test(text);

/**
 * In a private chat a file cannot carry words: 根据这份台账写… right after a file (within the
 * hour, not quoting anything) means that file.
 */
export async function recentFileRequest(c: Conversation, memory: ConversationMemory, payload: Payload, now: Date, timezone: string): Promise<DocumentRoute | undefined> {
  if (c.chatType !== 'p2p' || payload.kind !== 'text' || !asksMaterial(payload.text)) return undefined;
  const file = await memory.recentFile(c.chatId);
  return file ? withDraft({ origin: { kind: 'file', file }, words: payload.text.trim() }, now, timezone) : undefined;
}

/** 根据…写提纲 / 写全文: the draft the words ask for (an outline unless they name another). */
function withDraft(r: DocumentRoute, now: Date, timezone: string): DocumentRoute {
  if (!isMaterialRequest(r.words)) return r;
  const route = routeText(r.words, { now, timezone });
  return { ...r, draft: route.kind === 'draft' && route.command.kind !== 'export' ? route.command : { kind: 'outline' } };
}

