import type { Readable } from 'node:stream';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Redis } from 'ioredis';
import type { CloudDocPublisher, DocumentOrigin, DocumentSource, FetchedDocument, FileRef, Requester } from '../core/documents.js';
import type { DocLink } from '../core/doc-links.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import { CloudDocError, DocumentError, FeishuApiError } from '../core/errors.js';
import type { FeishuApi } from './api.js';
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
} as const;

/** Link-share settings that let anyone in the tenant (or anyone at all) read with the link. */
const TENANT_READABLE = new Set(['tenant_readable', 'tenant_editable', 'partner_tenant_readable', 'partner_tenant_editable']);
const ANYONE_READABLE = new Set(['anyone_readable', 'anyone_editable']);

/** "This app lacks a scope": tenant / user token variants, and upload_all's own "no scope auth". */
const SCOPE_CODES = new Set([99991672, 99991679, 1061073]);
/** The app may not read this document: docx raw_content 1770032 (403), wiki get_node 131006. */
const NO_ACCESS = new Set([1770032, 131006]);
/** Gone or never there: docx 1770002 (404) / 1770003 (deleted), wiki 131005. */
const NOT_FOUND = new Set([1770002, 1770003, 131005]);

const MB = 1024 * 1024;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface FeishuDocumentsOptions {
  /** Where publish() remembers its steps per job key, so a retried job reuses the upload and import. */
  redis?: Redis;
  prefix?: string;
  maxFileBytes?: number;
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

/** Turn the SDK's thrown axios error (JSON or streamed body) into a FeishuApiError. */
async function apiError(op: string, err: unknown): Promise<FeishuApiError> {
  if (err instanceof FeishuApiError) return err;
  const e = err as { response?: { status?: number; data?: unknown }; message?: string };
  let data = e.response?.data as { code?: number; msg?: string } | Readable | string | undefined;
  if (data && typeof data === 'object' && 'pipe' in data) {
    const chunks: Buffer[] = [];
    try {
      for await (const c of data) chunks.push(Buffer.from(c as Buffer));
      data = Buffer.concat(chunks).toString('utf8');
    } catch {
      data = undefined;
    }
  }
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as { code?: number; msg?: string };
    } catch {
      data = undefined;
    }
  }
  const body = data;
  return new FeishuApiError(op, body?.code, body?.msg ?? e.message ?? 'error', e.response?.status);
}

function check<T extends { code?: number; msg?: string }>(op: string, res: T | undefined): T {
  if (!res || (res.code !== undefined && res.code !== 0)) throw new FeishuApiError(op, res?.code, res?.msg ?? 'empty response');
  return res;
}

/** Reading the writer's files, quoted messages and cloud docs; importing drafts as cloud docs. */
export class FeishuDocuments implements DocumentSource, CloudDocPublisher {
  private readonly client: lark.Client;
  private readonly maxBytes: number;

  constructor(private readonly api: FeishuApi, private readonly o: FeishuDocumentsOptions = {}) {
    this.client = api.client;
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
  private async requireReader(token: string, type: 'docx' | 'wiki', who: Requester): Promise<void> {
    let refused = 0;
    const ask = async <T>(what: 'linkShare' | 'members' | 'owner' | 'chatMembers', f: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await f();
      } catch (err) {
        if (!(err instanceof FeishuApiError) || err.retryable) throw err;
        if (SCOPE_CODES.has(err.code ?? -1)) throw new DocumentError('missing-scope', DOC_TEXTS.missingScope('核实你对这篇文档的阅读权限', [...SCOPES[what]]));
        // Refused (the app may not see this setting, or the chat): no proof from this source.
        if (NO_ACCESS.has(err.code ?? -1) || err.httpStatus === 403 || err.code === 1063002) refused++;
        return undefined;
      }
    };
    const share = await ask('linkShare', () => this.api.docLinkShare(token, type));
    if (share && (ANYONE_READABLE.has(share) || (TENANT_READABLE.has(share) && !who.external))) return;
    if ((await ask('owner', () => this.api.docOwner(token, type))) === who.openId) return;
    const members = (await ask('members', () => this.api.docMembers(token, type))) ?? [];
    if (members.some((m) => m.memberType === 'openid' && m.memberId === who.openId)) return;
    const chats = members.filter((m) => m.memberType === 'openchat').map((m) => m.memberId);
    if (chats.includes(who.chatId)) return;
    for (const chat of chats.slice(0, 10)) if (await ask('chatMembers', () => this.api.chatHasMember(chat, who.openId))) return;
    // The app itself was refused everything: it was never added to the document.
    if (refused >= 3) throw new DocumentError('no-access', DOC_TEXTS.docNoAccess);
    throw new DocumentError('not-shared', DOC_TEXTS.notShared);
  }

  private async readFile(f: FileRef): Promise<FetchedDocument> {
    return { kind: 'file', name: f.name, data: await this.download(f), file: f };
  }

  /** GET …/messages/:id/resources/:key?type=file, refused early past the size cap. */
  private async download(f: FileRef): Promise<Buffer> {
    let stream: Readable;
    let headers: Record<string, unknown>;
    try {
      const res = await this.client.im.v1.messageResource.get({ path: { message_id: f.messageId, file_key: f.fileKey }, params: { type: 'file' } });
      stream = res.getReadableStream();
      headers = (res.headers ?? {}) as Record<string, unknown>;
    } catch (err) {
      throw this.mapError(await apiError('message.resource', err), 'download');
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
      throw new FeishuApiError('message.resource', undefined, 'download interrupted');
    }
    return Buffer.concat(chunks);
  }

  private async readQuoted(messageId: string, who: Requester): Promise<FetchedDocument> {
    type Item = { message_id?: string; msg_type?: string; chat_id?: string; body?: { content?: string }; upper_message_id?: string; deleted?: boolean };
    let item: Item | undefined;
    try {
      const res = check('message.get', await this.client.im.v1.message.get({ path: { message_id: messageId } }));
      item = (res.data?.items as Item[] | undefined)?.[0];
    } catch (err) {
      throw this.mapError(await apiError('message.get', err), 'quote');
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

  private async readLink(link: DocLink, who: Requester): Promise<FetchedDocument> {
    if (link.kind === 'other') throw new DocumentError('unsupported-link', DOC_TEXTS.unsupportedLink(link.label ?? '这种文档'));
    let docId = link.token;
    let title = '';
    if (link.kind === 'wiki') {
      type Node = { obj_type?: string; obj_token?: string; title?: string };
      let node: Node | undefined;
      try {
        const res = check('wiki.get_node', await this.client.wiki.v2.space.getNode({ params: { token: link.token } }));
        node = res.data?.node;
      } catch (err) {
        throw this.mapError(await apiError('wiki.get_node', err), 'wiki');
      }
      if (!node?.obj_token) throw new DocumentError('not-found', DOC_TEXTS.notFound);
      if (node.obj_type !== 'docx') throw new DocumentError('unsupported-link', DOC_TEXTS.unsupportedLink(`知识库里的${node.obj_type === 'sheet' ? '电子表格' : node.obj_type === 'bitable' ? '多维表格' : node.obj_type === 'doc' ? '旧版文档' : '非文档页面'}`));
      docId = node.obj_token;
      title = node.title ?? '';
    }
    // Before a single line is read: may the requester read it? (Permissions of a wiki page live on its node.)
    await this.requireReader(link.kind === 'wiki' ? link.token : docId, link.kind === 'wiki' ? 'wiki' : 'docx', who);
    let text: string;
    try {
      const res = check('docx.raw_content', await this.client.docx.v1.document.rawContent({ path: { document_id: docId }, params: { lang: 0 } }));
      text = (res.data?.content ?? '').replace(/\r\n?/g, '\n').trim();
    } catch (err) {
      throw this.mapError(await apiError('docx.raw_content', err), 'docx');
    }
    const name = title || text.split('\n')[0]!.slice(0, 40) || '云文档';
    if (!text) throw new DocumentError('empty', DOC_TEXTS.empty(name));
    return { kind: 'text', source: 'cloud-doc', name, text };
  }

  /** Permanent refusals become the answer; rate limits and server errors stay retryable. */
  private mapError(e: FeishuApiError, what: 'download' | 'quote' | 'wiki' | 'docx'): Error {
    if (e.retryable) return e;
    const code = e.code ?? -1;
    if (SCOPE_CODES.has(code)) {
      const label = { download: '读取消息中的文件', quote: '读取被引用的消息', wiki: '读取知识库页面', docx: '读取云文档' }[what];
      const scopes = what === 'download' ? SCOPES.download : what === 'quote' ? [...SCOPES.quote, ...SCOPES.quoteGroup] : what === 'wiki' ? SCOPES.wiki : SCOPES.docx;
      return new DocumentError('missing-scope', DOC_TEXTS.missingScope(label, [...scopes]));
    }
    if (what === 'quote') return new DocumentError('unavailable', DOC_TEXTS.quoteMissing);
    if (what === 'download') return new DocumentError('unavailable', `没能下载这个文件（飞书返回 ${code === -1 ? e.httpStatus ?? '错误' : code}）。请重新发送文件；如果文件来自合并转发的聊天记录，请先单独转发给我。`);
    if (NO_ACCESS.has(code) || e.httpStatus === 403) return new DocumentError('no-access', DOC_TEXTS.docNoAccess);
    if (NOT_FOUND.has(code) || e.httpStatus === 404) return new DocumentError('not-found', DOC_TEXTS.notFound);
    return new DocumentError('unavailable', `读取这篇文档时飞书返回错误（${code === -1 ? e.httpStatus ?? '未知' : code}）。请确认链接可以打开，稍后再试。`);
  }

  async publish(file: { name: string; data: Buffer }, editorOpenId: string, key: string): Promise<{ url: string; title: string; token?: string }> {
    const title = file.name.replace(/\.docx$/i, '');
    const stepKey = `${this.o.prefix ?? 'bigan'}:clouddoc:${key}`;
    const done: Record<string, string> = this.o.redis ? await this.o.redis.hgetall(stepKey) : {};
    const remember = async (field: string, value: string) => {
      if (!this.o.redis) return;
      await this.o.redis.multi().hset(stepKey, field, value).expire(stepKey, 86_400).exec();
    };
    const refused = async (stage: 'upload' | 'import' | 'grant', err: unknown, scopes: readonly string[], url?: string): Promise<Error> => {
      const e = await apiError(stage, err);
      if (e.retryable) return e;
      return new CloudDocError(stage, `${e.code ?? e.httpStatus ?? ''} ${e.message}`, SCOPE_CODES.has(e.code ?? -1) || e.httpStatus === 403 ? [...scopes] : [], url);
    };
    let fileToken: string | undefined = done.fileToken;
    if (!fileToken) {
      try {
        const res = await this.client.drive.v1.media.uploadAll({
          data: { file_name: file.name, parent_type: 'ccm_import_open', parent_node: '', size: file.data.length, extra: JSON.stringify({ obj_type: 'docx', file_extension: 'docx' }), file: file.data },
        });
        fileToken = res?.file_token;
      } catch (err) {
        throw await refused('upload', err, SCOPES.upload);
      }
    }
    if (!fileToken) throw new CloudDocError('upload', 'no file_token');
    await remember('fileToken', fileToken);

    let ticket: string | undefined = done.ticket;
    if (!ticket) {
      try {
        const res = check('import_task.create', await this.client.drive.v1.importTask.create({
          data: { file_extension: 'docx', file_token: fileToken, type: 'docx', file_name: title, point: { mount_type: 1, mount_key: '' } },
        }));
        ticket = res.data?.ticket;
      } catch (err) {
        throw await refused('import', err, SCOPES.import);
      }
    }
    if (!ticket) throw new CloudDocError('import', 'no ticket');
    await remember('ticket', ticket);

    let result: { job_status?: number; job_error_msg?: string; token?: string; url?: string } | undefined;
    for (let i = 0; i < (this.o.pollAttempts ?? 30); i++) {
      await new Promise((r) => setTimeout(r, this.o.pollMs ?? 1000));
      try {
        result = check('import_task.get', await this.client.drive.v1.importTask.get({ path: { ticket } })).data?.result;
      } catch (err) {
        throw await refused('import', err, SCOPES.import);
      }
      // 0 done, 1 initialising, 2 processing; anything else is a failed import.
      if (result?.job_status === 0 || (result?.job_status !== 1 && result?.job_status !== 2)) break;
    }
    if (result?.job_status !== 0 || !result.token || !result.url) {
      throw new CloudDocError('import', result?.job_status === 1 || result?.job_status === 2 ? 'import still running after polling' : `job_status ${result?.job_status ?? '?'}: ${result?.job_error_msg ?? ''}`);
    }
    try {
      check('permission.member.create', await this.client.drive.v1.permissionMember.create({
        path: { token: result.token },
        params: { type: 'docx', need_notification: false },
        data: { member_type: 'openid', member_id: editorOpenId, perm: 'edit' },
      }));
    } catch (err) {
      const e = await refused('grant', err, SCOPES.grant, result.url);
      if (e instanceof CloudDocError) throw new CloudDocError('grant', e.detail, e.missingScopes.length ? e.missingScopes : [...SCOPES.grant], result.url);
      throw e;
    }
    return { url: result.url, title, token: result.token };
  }
}
