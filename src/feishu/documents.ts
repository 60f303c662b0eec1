import type { Readable } from 'node:stream';
import type { Redis } from 'ioredis';
import type { AddressedFact, CloudComments, CloudDocPublisher, CommentSource, DocumentOrigin, DocumentSource, DocLink, FetchedDocument, FileRef, Requester } from '../core/documents.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import { CloudDocError, DocumentError, FeishuApiError } from '../core/errors.js';
import { tableReadError } from '../core/document-texts.js';
import { feishuError, type FeishuApi } from './api.js';
import { postToPlainText } from './parse-event.js';

/**
 * Scopes per capability (any one of each list is enough), as each API's page lists them
 * (open.feishu.cn server-docs: im-v1 message get / message-resource get, wiki-v2 get_node,
 * docx-v1 raw_content, drive-v1 media upload_all and import_task; the members API from
 * the permission docs as our design notes record them).
 */
export const SCOPES = {
  download: ['im:message:readonly', 'im:message', 'im:message.history:readonly'],
  quote: ['im:message:readonly', 'im:message'],
  quoteGroup: ['im:message.group_msg'],
  wiki: ['wiki:wiki:readonly', 'wiki:node:read', 'wiki:wiki'],
  docx: ['docx:document:readonly', 'docx:document'],
  // medias/upload_all (not files/upload_all, whose scope is drive:file:upload).
  upload: ['docs:document.media:upload', 'drive:drive'],
  import: ['docs:document:import', 'drive:drive'],
  grant: ['docs:permission.member:create', 'drive:drive'],
  // Proving the requester may read a cloud doc (issue 20; docs/DOCUMENT-ACCESS.md).
  linkShare: ['docs:permission.setting:read', 'docs:doc', 'docx:document', 'drive:drive', 'drive:drive:readonly', 'wiki:wiki'],
  members: ['docs:permission.member:retrieve', 'docs:doc', 'drive:drive', 'wiki:wiki'],
  owner: ['drive:drive.metadata:readonly', 'drive:drive'],
  chatMembers: ['im:chat.members:read', 'im:chat:readonly', 'im:chat'],
  // 台账 material (docs/MATERIAL.md): sheets v3/v2, bitable v1.
  sheets: ['sheets:spreadsheet:readonly', 'drive:drive:readonly'],
  bitable: ['base:record:retrieve', 'bitable:app:readonly'],
  ocr: ['optical_char_recognition:image'],
} as const;

/** Link-share settings that let anyone in the tenant (or anyone at all) read with the link. */
const TENANT_READABLE = new Set(['tenant_readable', 'tenant_editable', 'partner_tenant_readable', 'partner_tenant_editable']);
const ANYONE_READABLE = new Set(['anyone_readable', 'anyone_editable']);
const TENANT_EDITABLE = new Set(['tenant_editable', 'partner_tenant_editable']);
const ANYONE_EDITABLE = new Set(['anyone_editable']);
/** Collaborator permissions that include editing (drive v1 permission members: view, edit, full_access). */
const EDIT_PERMS = new Set(['edit', 'full_access']);

const MB = 1024 * 1024;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface FeishuDocumentsOptions {
  /** Where publish() remembers its steps per job key, so a retried job reuses the upload and import. */
  redis?: Redis;
  prefix?: string;
  maxFileBytes?: number;
  /** Rows a 台账 may have (DEFAULT_PARSE_LIMITS.maxLedgerRows). */
  maxLedgerRows?: number;
  /** Import-task polling. */
  pollMs?: number;
  pollAttempts?: number;
}

/** The visible text of a card as the message API returns it: every markdown/text string, in order. */
function cardText(node: unknown): string {
  if (Array.isArray(node)) return node.map(cardText).filter(Boolean).join('\n');
  if (!node || typeof node !== 'object') return '';
  const o = node as Record<string, unknown>;
  const own = o.tag === 'markdown' || o.tag === 'plain_text' || o.tag === 'lark_md' || o.tag === 'text' ? [o.content, o.text].filter((v): v is string => typeof v === 'string') : [];
  const rest = Object.entries(o).filter(([k]) => k !== 'content' || typeof o.content !== 'string').map(([, v]) => cardText(v));
  return [...own, ...rest].filter(Boolean).join('\n');
}

/** Reading the writer's files, quoted messages and cloud docs; importing drafts as cloud docs. */
export class FeishuDocuments implements DocumentSource, CloudDocPublisher, CommentSource {
  private readonly maxBytes: number;

  constructor(private readonly api: FeishuApi, private readonly o: FeishuDocumentsOptions = {}) {
    this.maxBytes = o.maxFileBytes ?? 20 * MB;
  }

  /** A file the requester sent is theirs; a quote must come from their chat; a cloud doc must be shared with them. */
  async fetch(origin: DocumentOrigin, requester: Requester): Promise<FetchedDocument> {
    switch (origin.kind) {
      case 'file':
        return this.readFile(origin.file);
      case 'quote':
        return this.readQuoted(origin.messageId, requester);
      case 'link':
        return this.readLink(origin.link, requester);
    }
  }

  /**
   * Proof that the requester may read the document, from what Feishu says about it (the app's own
   * access proves nothing about theirs): a link share open to the tenant or to anyone, the owner,
   * or a collaborator that is the requester or a chat they are in. Departments, user groups and
   * wiki-space members cannot be checked with the app's identity and do not count. Without proof,
   * nothing of the document is read.
   */
  private async requireReader(token: string, type: 'docx' | 'wiki' | 'sheet' | 'bitable', who: Requester, edit = false): Promise<void> {
    let refused = 0;
    const ask = async <T>(what: 'linkShare' | 'members' | 'owner' | 'chatMembers', f: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await f();
      } catch (err) {
        if (!(err instanceof FeishuApiError) || err.retryable) throw err;
        if (err.kind === 'no-scope') throw new DocumentError('missing-scope', DOC_TEXTS.missingScope('核实你对这篇文档的阅读权限', [...SCOPES[what]]));
        // Refused (the app may not see this setting, or the chat): no proof from this source.
        if (err.kind === 'no-access') refused++;
        return undefined;
      }
    };
    const share = await ask('linkShare', () => this.api.docLinkShare(token, type));
    const [anyone, tenant] = edit ? [ANYONE_EDITABLE, TENANT_EDITABLE] : [ANYONE_READABLE, TENANT_READABLE];
    if (share && (anyone.has(share) || (tenant.has(share) && !who.external))) return;
    if ((await ask('owner', () => this.api.docOwner(token, type))) === who.openId) return;
    const members = ((await ask('members', () => this.api.docMembers(token, type))) ?? []).filter((m) => !edit || EDIT_PERMS.has(m.perm));
    if (members.some((m) => m.memberType === 'openid' && m.memberId === who.openId)) return;
    const chats = members.filter((m) => m.memberType === 'openchat').map((m) => m.memberId);
    if (chats.includes(who.chatId)) return;
    for (const chat of chats.slice(0, 10)) if (await ask('chatMembers', () => this.api.chatHasMember(chat, who.openId))) return;
    // The app itself was refused everything: it was never added to the document.
    if (refused >= 3) throw new DocumentError('no-access', DOC_TEXTS.docNoAccess);
    throw edit ? new DocumentError('not-editor', DOC_TEXTS.notEditor) : new DocumentError('not-shared', DOC_TEXTS.notShared);
  }

  private async readFile(f: FileRef): Promise<FetchedDocument> {
    return { kind: 'file', name: f.name, data: await this.download(f), file: f };
  }

  /** GET …/messages/:id/resources/:key?type=file, refused early past the size cap. */
  private async download(f: FileRef): Promise<Buffer> {
    let stream: Readable;
    let headers: Record<string, unknown>;
    try {
      ({ stream, headers } = await this.api.messageResource(f.messageId, f.fileKey));
    } catch (err) {
      throw this.mapError(err, 'download');
    }
    const declared = Number(headers['content-length']);
    const tooLarge = (bytes: number) => new DocumentError('too-large', DOC_TEXTS.tooLarge(f.name, bytes / MB, Math.round(this.maxBytes / MB)));
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      stream.destroy();
      throw tooLarge(declared);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const c of stream) {
        total += (c as Buffer).length;
        if (total > this.maxBytes) {
          stream.destroy();
          throw tooLarge(total);
        }
        chunks.push(c as Buffer);
      }
    } catch (err) {
      if (err instanceof DocumentError) throw err;
      throw feishuError('message.resource', undefined, 'download interrupted');
    }
    return Buffer.concat(chunks);
  }

  private async readQuoted(messageId: string, who: Requester): Promise<FetchedDocument> {
    type Item = { message_id?: string; msg_type?: string; chat_id?: string; body?: { content?: string }; upper_message_id?: string; deleted?: boolean };
    let item: Item | undefined;
    try {
      item = await this.api.messageGet<Item>(messageId);
    } catch (err) {
      throw this.mapError(err, 'quote');
    }
    if (!item || item.deleted) throw new DocumentError('not-found', DOC_TEXTS.quoteMissing);
    // Readable because the requester sees the chat it was said in: the chat they are asking in.
    if (item.chat_id && item.chat_id !== who.chatId) throw new DocumentError('no-access', DOC_TEXTS.quoteElsewhere);
    const content = item.body?.content ?? '';
    const parsed = (() => {
      try {
        return JSON.parse(content) as Record<string, unknown>;
      } catch {
        return {};
      }
    })();
    switch (item.msg_type) {
      case 'text': {
        const text = str(parsed.text).replace(/@_user_\d+\s*/g, '').trim();
        return { kind: 'text', source: 'message', name: '引用的消息', text };
      }
      case 'post':
        return { kind: 'text', source: 'message', name: '引用的消息', text: postToPlainText(content, new Set()) };
      case 'file':
        return this.readFile({ messageId: item.message_id ?? messageId, fileKey: str(parsed.file_key), name: str(parsed.file_name) || '文件' });
      case 'image':
        throw new DocumentError('unsupported-type', DOC_TEXTS.image);
      case 'merge_forward':
        return this.readForward(item.message_id ?? messageId, who);
      case 'interactive': {
        // A card (often our own draft): its text lives in the elements' content/text strings.
        const text = cardText(parsed).trim();
        if (text) return { kind: 'text', source: 'message', name: '引用的卡片', text };
        throw new DocumentError('unsupported-type', DOC_TEXTS.unsupportedQuote('卡片消息'));
      }
      default:
        throw new DocumentError('unsupported-type', DOC_TEXTS.unsupportedQuote(item.msg_type === 'interactive' ? '卡片消息' : item.msg_type === 'merge_forward' ? '合并转发的聊天记录' : '这类消息'));
    }
  }

  /**
   * A docx or wiki link → the document id and title, once the requester is known to be allowed to read it;
   * with `tables`, a wiki node holding a 台账 (电子表格, 多维表格) is read as the table.
   */
  private async resolveLink(link: DocLink, who: Requester, tables = false, edit = false): Promise<{ docId: string; title: string } | { table: FetchedDocument }> {
    if (link.kind === 'other') throw new DocumentError('unsupported-link', DOC_TEXTS.unsupportedLink(link.label ?? '这种文档'));
    let docId = link.token;
    let title = '';
    if (link.kind === 'wiki') {
      type Node = { obj_type?: string; obj_token?: string; title?: string };
      let node: Node | undefined;
      try {
        node = await this.api.wikiNode(link.token);
      } catch (err) {
        throw this.mapError(err, 'wiki');
      }
      if (!node?.obj_token) throw new DocumentError('not-found', DOC_TEXTS.notFound);
      // A 台账 kept in the wiki: the node's permissions, then the table itself.
      if (tables && (node.obj_type === 'sheet' || node.obj_type === 'bitable')) {
        await this.requireReader(link.token, 'wiki', who);
        return { table: node.obj_type === 'sheet' ? await this.readSheet(node.obj_token, undefined, node.title) : await this.readBitable(node.obj_token, undefined, node.title) };
      }
      if (node.obj_type !== 'docx') throw new DocumentError('unsupported-link', DOC_TEXTS.unsupportedLink(`知识库里的${node.obj_type === 'sheet' ? '电子表格' : node.obj_type === 'bitable' ? '多维表格' : node.obj_type === 'doc' ? '旧版文档' : '非文档页面'}`));
      docId = node.obj_token;
      title = node.title ?? '';
    }
    // Before a single line is read: may the requester read it? (Permissions of a wiki page live on its node.)
    await this.requireReader(link.kind === 'wiki' ? link.token : docId, link.kind === 'wiki' ? 'wiki' : 'docx', who, edit);
    return { docId, title };
  }

  private async readLink(link: DocLink, who: Requester): Promise<FetchedDocument> {
    if (link.kind === 'sheet' || link.kind === 'bitable') {
      await this.requireReader(link.token, link.kind, who);
      return link.kind === 'sheet' ? this.readSheet(link.token, link.table) : this.readBitable(link.token, link.table);
    }
    const resolved = await this.resolveLink(link, who, true);
    if ('table' in resolved) return resolved.table;
    const { docId, title } = resolved;
    let text: string;
    try {
      text = (await this.api.docxRawContent(docId)).replace(/\r\n?/g, '\n').trim();
    } catch (err) {
      throw this.mapError(err, 'docx');
    }
    const name = title || text.split('\n')[0]!.slice(0, 40) || '云文档';
    if (!text) throw new DocumentError('empty', DOC_TEXTS.empty(name));
    return { kind: 'text', source: 'cloud-doc', name, text };
  }

  /** Every unresolved comment (local and whole-document, all pages) and the blocks they sit on. */
  async comments(link: DocLink, who: Requester): Promise<CloudComments> {
    const resolved = await this.resolveLink(link, who);
    if ('table' in resolved) throw new DocumentError('unsupported-link', DOC_TEXTS.unsupportedLink('表格'));
    const { docId, title } = resolved;
    const comments: unknown[] = [];
    for (const whole of [false, true]) {
      let page: string | undefined;
      do {
        const r = await this.api.fileComments(docId, whole, page);
        comments.push(...r.items);
        page = r.next;
      } while (page);
    }
    const blocks = await this.allBlocks(docId);
    // A docx's title is its page block's text (block_type 1).
    const pageBlock = blocks.find((b) => (b as { block_type?: number }).block_type === 1) as { page?: { elements?: Array<{ text_run?: { content?: string } }> } } | undefined;
    const pageTitle = (pageBlock?.page?.elements ?? []).map((e) => e.text_run?.content ?? '').join('').trim();
    return { fileToken: docId, title: title || pageTitle, url: link.url, blocks, comments };
  }

  private async allBlocks(docId: string): Promise<unknown[]> {
    const blocks: unknown[] = [];
    let page: string | undefined;
    try {
      do {
        const r = await this.api.docxBlocks(docId, page);
        blocks.push(...r.items);
        page = r.next;
      } while (page);
    } catch (err) {
      throw this.mapError(err, 'docx');
    }
    return blocks;
  }

  /** The blocks read again just before an in-place edit, for a requester who may edit the document (not only read it). */
  async blocksForEdit(link: DocLink, who: Requester): Promise<{ fileToken: string; blocks: unknown[]; revision?: number }> {
    const resolved = await this.resolveLink(link, who, false, true);
    if ('table' in resolved) throw new DocumentError('unsupported-link', DOC_TEXTS.unsupportedLink('表格'));
    let revision: number | undefined;
    try {
      revision = await this.api.docxRevision(resolved.docId);
    } catch (err) {
      throw this.mapError(err, 'docx');
    }
    const blocks = await this.allBlocks(resolved.docId);
    return { fileToken: resolved.docId, blocks, ...(revision !== undefined ? { revision } : {}) };
  }

  /** Batch updates of at most 200 blocks (Feishu's cap), each with its own client_token so a retried job repeats none. */
  async editBlocks(fileToken: string, updates: ReadonlyArray<{ blockId: string; elements: unknown[] }>, key: string): Promise<{ revision?: number }> {
    let revision: number | undefined;
    for (let i = 0; i < updates.length; i += 200) {
      const r = await this.api.docxBatchUpdate(fileToken, updates.slice(i, i + 200), `${key}:${i / 200}`);
      revision = r.revision ?? revision;
    }
    return revision !== undefined ? { revision } : {};
  }

  async reply(fileToken: string, commentId: string, text: string): Promise<void> {
    await this.api.replyFileComment(fileToken, commentId, { elements: [{ type: 'text_run', text_run: { text: text.slice(0, 10_000) } }] });
  }

  async deleteReply(fileToken: string, commentId: string, replyId: string): Promise<void> {
    try {
      await this.api.deleteFileCommentReply(fileToken, commentId, replyId);
    } catch (err) {
      // A retried job finds it gone already, or someone deleted the comment meanwhile.
      if (err instanceof FeishuApiError && err.kind === 'not-found') return;
      throw err;
    }
  }

  /** A 飞书电子表格: every visible sheet (or the linked one) with its merges and formatted values. */
  private async readSheet(token: string, only?: string, title?: string): Promise<FetchedDocument> {
    const name = title || '电子表格';
    const max = this.o.maxLedgerRows ?? 5000;
    type Meta = { sheet_id: string; hidden?: boolean; resource_type?: string; grid_properties?: { row_count?: number } };
    try {
      const metas = (await this.api.sheetsQuery<Meta>(token)).filter((m) => !m.hidden && (m.resource_type ?? 'sheet') === 'sheet' && (!only || m.sheet_id === only));
      const sheets: Array<{ meta: unknown; values: unknown }> = [];
      for (const meta of metas) {
        // Refused before any value is read.
        const rows = meta.grid_properties?.row_count ?? 0;
        if (rows > 2 * max + 10) throw new DocumentError('too-long', DOC_TEXTS.tooManyRows(name, rows, max));
        sheets.push({ meta, values: await this.api.sheetValues<unknown>(token, meta.sheet_id) });
      }
      return { kind: 'sheet', name, sheets };
    } catch (err) {
      throw this.tableError(err, '电子表格', SCOPES.sheets);
    }
  }

  /** A 多维表格: the base's title, and the linked table (else each table) with its fields and records, up to the row limit. */
  private async readBitable(appToken: string, only?: string, title?: string): Promise<FetchedDocument> {
    const max = this.o.maxLedgerRows ?? 5000;
    try {
      const all = await this.api.bitableTables(appToken);
      const list = only ? all.filter((t) => t.table_id === only) : all;
      if (!list.length) throw new DocumentError('not-found', DOC_TEXTS.bitableTableGone);
      // Facts are named by the base (《2026年意识形态台账》·学习记录·第2行); its title is the base's own metadata.
      // Only the display name: a refused or throttled metadata call must not fail a table that was readable.
      const base = (await this.api.bitableApp(appToken).then((a) => a.name?.trim(), () => undefined)) || title || undefined;
      const name = base || (list.length === 1 ? list[0]!.name : '多维表格');
      const tables: Array<{ name: string; fields: unknown[]; records: unknown[] }> = [];
      let total = 0;
      for (const t of list) {
        const fields = await this.api.bitableFields<unknown>(appToken, t.table_id);
        const { items, more } = await this.api.bitableRecords<unknown>(appToken, t.table_id, max + 1);
        total += items.length;
        if (more || total > max) throw new DocumentError('too-long', DOC_TEXTS.tooManyRows(name, total, max));
        tables.push({ name: t.name, fields, records: items });
      }
      return { kind: 'bitable', name, ...(base ? { base } : {}), tables };
    } catch (err) {
      throw this.tableError(err, '多维表格', SCOPES.bitable);
    }
  }

  /** A table's refusal in words (by Feishu's code); rate limits and server errors stay retryable. */
  private tableError(err: unknown, what: '多维表格' | '电子表格', scopes: readonly string[]): Error {
    if (!(err instanceof FeishuApiError) || err.retryable) return err as Error;
    if (err.kind === 'no-scope') return new DocumentError('missing-scope', DOC_TEXTS.missingScope(`读取${what}`, [...scopes]));
    return tableReadError(err.kind, err.code ?? err.httpStatus ?? 0, what);
  }

  /** A photo from a message in the requester's chat. */
  async image(messageId: string, imageKey: string, who: Requester): Promise<Buffer> {
    void who;
    let stream: Readable;
    try {
      ({ stream } = await this.api.messageImage(messageId, imageKey));
    } catch (err) {
      throw this.mapError(err, 'download');
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const c of stream) {
      total += (c as Buffer).length;
      if (total > this.maxBytes) {
        stream.destroy();
        throw new DocumentError('too-large', DOC_TEXTS.tooLarge('图片', total / MB, Math.round(this.maxBytes / MB)));
      }
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks);
  }

  /** Feishu's OCR; the QPS limit answers as a rate limit, retried by the job like any other. */
  async ocr(body: { image: string }): Promise<string[]> {
    try {
      return (await this.api.ocr(body)).data.text_list ?? [];
    } catch (err) {
      if (!(err instanceof FeishuApiError) || err.retryable) throw err;
      if (err.kind === 'no-scope') throw new DocumentError('missing-scope', DOC_TEXTS.missingScope('识别图片中的文字', [...SCOPES.ocr]));
      throw new DocumentError('unavailable', DOC_TEXTS.ocrFailed(err.code ?? err.httpStatus ?? '未知'));
    }
  }

  /** A merge-forward's sub-messages (one call returns them all), in time order, each a fact with its time. */
  private async readForward(messageId: string, who: Requester): Promise<FetchedDocument> {
    type Item = { message_id?: string; msg_type?: string; chat_id?: string; body?: { content?: string }; upper_message_id?: string; create_time?: string; deleted?: boolean };
    let items: Item[];
    try {
      items = await this.api.messageItems<Item>(messageId);
    } catch (err) {
      throw this.mapError(err, 'quote');
    }
    const top = items.find((i) => i.message_id === messageId);
    if (top?.chat_id && top.chat_id !== who.chatId) throw new DocumentError('no-access', DOC_TEXTS.quoteElsewhere);
    const facts: AddressedFact[] = [];
    let skipped = 0;
    for (const it of items.filter((i) => i.message_id !== messageId && !i.deleted).sort((a, b) => Number(a.create_time ?? 0) - Number(b.create_time ?? 0))) {
      const content = it.body?.content ?? '';
      let text = '';
      if (it.msg_type === 'text') text = str((JSON.parse(content || '{}') as { text?: unknown }).text).replace(/@_user_\d+\s*/g, '').trim();
      else if (it.msg_type === 'post') text = postToPlainText(content, new Set());
      else if (it.msg_type !== 'merge_forward') skipped++;
      // The writer's clock (China time, no DST), as the address shows it: 2026-03-20T10:00+08:00.
      const time = it.create_time ? `${new Date(Number(it.create_time) + 8 * 3600_000).toISOString().slice(0, 16)}+08:00` : undefined;
      for (const line of text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean)) facts.push({ text: line, address: { origin: 'message', source: '合并转发的聊天记录', ...(time ? { time } : {}) } });
    }
    if (!facts.length) throw new DocumentError('empty', DOC_TEXTS.forwardEmpty(skipped));
    return { kind: 'facts', source: 'forward', name: '合并转发的聊天记录', text: facts.map((f) => f.text).join('\n'), facts };
  }

  /** Permanent refusals become the answer (the sentence feishu/codes.ts names); rate limits and server errors stay retryable. */
  private mapError(err: unknown, what: 'download' | 'quote' | 'wiki' | 'docx'): Error {
    if (!(err instanceof FeishuApiError) || err.retryable) return err as Error;
    const shown = err.code ?? err.httpStatus;
    if (err.kind === 'no-scope') {
      const label = { download: '读取消息中的文件', quote: '读取被引用的消息', wiki: '读取知识库页面', docx: '读取云文档' }[what];
      const scopes = what === 'download' ? SCOPES.download : what === 'quote' ? [...SCOPES.quote, ...SCOPES.quoteGroup] : what === 'wiki' ? SCOPES.wiki : SCOPES.docx;
      return new DocumentError('missing-scope', DOC_TEXTS.missingScope(label, [...scopes]));
    }
    if (what === 'quote') return new DocumentError('unavailable', DOC_TEXTS.quoteMissing);
    if (what === 'download') return new DocumentError('unavailable', DOC_TEXTS.downloadFailed(shown));
    if (err.kind === 'no-access') return new DocumentError('no-access', DOC_TEXTS.docNoAccess);
    if (err.kind === 'not-found') return new DocumentError('not-found', DOC_TEXTS.notFound);
    return new DocumentError('unavailable', DOC_TEXTS.docFailed(shown));
  }

  async publish(file: { name: string; data: Buffer }, editorOpenId: string, key: string): Promise<{ url: string; title: string; token?: string }> {
    const title = file.name.replace(/\.docx$/i, '');
    const stepKey = `${this.o.prefix ?? 'bigan'}:clouddoc:${key}`;
    const done: Record<string, string> = this.o.redis ? await this.o.redis.hgetall(stepKey) : {};
    const remember = async (field: string, value: string) => {
      if (!this.o.redis) return;
      await this.o.redis.multi().hset(stepKey, field, value).expire(stepKey, 86_400).exec();
    };
    const refused = (stage: 'upload' | 'import' | 'grant', err: unknown, scopes: readonly string[], url?: string): Error => {
      if (!(err instanceof FeishuApiError) || err.retryable) return err as Error;
      return new CloudDocError(stage, `${err.code ?? err.httpStatus ?? ''} ${err.message}`, err.kind === 'no-scope' || err.httpStatus === 403 ? [...scopes] : [], url);
    };
    let fileToken: string | undefined = done.fileToken;
    if (!fileToken) {
      try {
        fileToken = await this.api.uploadImportMedia(file.name, file.data);
      } catch (err) {
        throw refused('upload', err, SCOPES.upload);
      }
    }
    if (!fileToken) throw new CloudDocError('upload', 'no file_token');
    await remember('fileToken', fileToken);

    let ticket: string | undefined = done.ticket;
    if (!ticket) {
      try {
        ticket = await this.api.createImportTask(fileToken, title);
      } catch (err) {
        throw refused('import', err, SCOPES.import);
      }
    }
    if (!ticket) throw new CloudDocError('import', 'no ticket');
    await remember('ticket', ticket);

    let result: { job_status?: number; job_error_msg?: string; token?: string; url?: string } | undefined;
    for (let i = 0; i < (this.o.pollAttempts ?? 30); i++) {
      await new Promise((r) => setTimeout(r, this.o.pollMs ?? 1000));
      try {
        result = await this.api.importTask(ticket);
      } catch (err) {
        throw refused('import', err, SCOPES.import);
      }
      // 0 done, 1 initialising, 2 processing; anything else is a failed import.
      if (result?.job_status === 0 || (result?.job_status !== 1 && result?.job_status !== 2)) break;
    }
    if (result?.job_status !== 0 || !result.token || !result.url) {
      throw new CloudDocError('import', result?.job_status === 1 || result?.job_status === 2 ? 'import still running after polling' : `job_status ${result?.job_status ?? '?'}: ${result?.job_error_msg ?? ''}`);
    }
    try {
      await this.api.grantEdit(result.token, editorOpenId);
    } catch (err) {
      const e = refused('grant', err, SCOPES.grant, result.url);
      if (e instanceof CloudDocError) throw new CloudDocError('grant', e.detail, e.missingScopes.length ? e.missingScopes : [...SCOPES.grant], result.url);
      throw e;
    }
    return { url: result.url, title, token: result.token };
  }
}
