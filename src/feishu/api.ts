import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import * as lark from '@larksuiteoapi/node-sdk';
import { FeishuApiError } from '../core/errors.js';
import type { Logger } from '../logger.js';
import { safeLarkLogger, feishuHttpInstance } from './sdk-safety.js';
import { feishuErrorKind, rateLimitWait, retryableKind } from './codes.js';

export { FeishuApiError } from '../core/errors.js';

/** CardKit is not there for this app (refused, scope missing, feature off): patch a plain card instead. */
export const isCardKitRefusal = (e: unknown) => e instanceof FeishuApiError && ['cardkit-refused', 'no-scope', 'no-access', 'not-found'].includes(e.kind);

interface Res<T> { code?: number; msg?: string; data?: T }

/** The SDK puts path parameters into the URL as they are; ids come from events, so encode them. */
const enc = (id: string) => encodeURIComponent(id);

/** A docx edit's `client_token` in the UUID form Feishu's examples use, the same for the same key (a retry is idempotent). */
export function docxClientToken(key: string): string {
  const h = createHash('sha1').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Feishu caps `uuid` at 50 characters; long keys are hashed. */
export function feishuUuid(key: string): string {
  return key.length <= 50 ? key : `h${createHash('sha1').update(key).digest('base64url')}`;
}

export function createLarkClient(opts: { appId: string; appSecret: string; domain: string; log: Logger; httpTimeoutMs?: number }): lark.Client {
  return new lark.Client({
    appId: opts.appId,
    appSecret: opts.appSecret,
    domain: opts.domain,
    loggerLevel: lark.LoggerLevel.warn,
    logger: safeLarkLogger(opts.log, [opts.appSecret]),
    httpInstance: feishuHttpInstance(opts.httpTimeoutMs ?? 15_000),
  });
}

/** The Open API calls Bigan makes, with errors turned into FeishuApiError. */
export interface FeishuApiHooks {
  onError?: (op: string, code: string) => void;
  onSent?: (msgType: string) => void;
}

/** The one way a FeishuApiError is made: its kind and retryability from feishu/codes.ts, a rate limit's wait from its header. */
export function feishuError(op: string, code: number | undefined, message: string, httpStatus?: number, headers?: Record<string, unknown>): FeishuApiError {
  const kind = feishuErrorKind(code, httpStatus);
  return new FeishuApiError(op, code, message, httpStatus, kind, retryableKind(kind), kind === 'rate-limited' ? rateLimitWait(headers) : undefined);
}

/** The SDK's thrown axios error (JSON, text or streamed body) → FeishuApiError. */
async function thrownError(op: string, err: unknown): Promise<FeishuApiError> {
  if (err instanceof FeishuApiError) return err;
  const e = err as { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> }; message?: string };
  let data = e.response?.data as Res<unknown> | Readable | string | undefined;
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
      data = JSON.parse(data) as Res<unknown>;
    } catch {
      data = undefined;
    }
  }
  return feishuError(op, data?.code, data?.msg ?? e.message ?? 'error', e.response?.status, e.response?.headers);
}

/**
 * The one Feishu gateway: every Open API call Bigan makes goes through `call` — ids encoded in paths,
 * the SDK over node:http with its timeout (createLarkClient, lean-http.ts), errors classified by feishu/codes.ts
 * (retries stay in BullMQ), and the metrics hook.
 */
export class FeishuApi {
  constructor(private readonly client: lark.Client, private readonly hooks: FeishuApiHooks = {}) {}

  private async call<T>(op: string, fn: () => Promise<Res<T> | undefined>): Promise<T> {
    try {
      return await this.callInner(op, fn);
    } catch (err) {
      if (err instanceof FeishuApiError) this.hooks.onError?.(op, String(err.code ?? err.httpStatus ?? 'network'));
      throw err;
    }
  }

  private async callInner<T>(op: string, fn: () => Promise<Res<T> | undefined>): Promise<T> {
    let res: Res<T> | undefined;
    try {
      res = await fn();
    } catch (err) {
      throw await thrownError(op, err);
    }
    if (!res || (res.code !== undefined && res.code !== 0)) throw feishuError(op, res?.code, res?.msg ?? 'empty response');
    return (res.data ?? {}) as T;
  }

  async botInfo(): Promise<{ openId: string; name: string }> {
    // This endpoint answers `bot` beside `code`, not under `data`.
    const data = await this.call<{ bot?: { open_id?: string; app_name?: string } }>('bot.info', async () => {
      const r = await this.client.request<{ code?: number; msg?: string; bot?: { open_id?: string; app_name?: string } }>({ url: '/open-apis/bot/v3/info', method: 'GET' });
      return r && r.code === 0 ? { code: 0, data: { bot: r.bot } } : r;
    });
    if (!data.bot?.open_id) throw feishuError('bot.info', undefined, 'no bot.open_id');
    return { openId: data.bot.open_id, name: data.bot.app_name ?? '' };
  }

  /** Reply to a message; in its thread unless the chat cannot have threads (230071). */
  async reply(messageId: string, msgType: string, content: string, uuid: string): Promise<{ messageId: string; threadId?: string }> {
    const send = (inThread: boolean) => this.call<{ message_id?: string; thread_id?: string }>('message.reply', () =>
      this.client.im.v1.message.reply({ path: { message_id: enc(messageId) }, data: { msg_type: msgType, content, reply_in_thread: inThread, uuid: feishuUuid(uuid) } }));
    let data;
    try {
      data = await send(true);
    } catch (err) {
      if (!(err instanceof FeishuApiError && err.kind === 'no-thread')) throw err;
      data = await send(false);
    }
    this.hooks.onSent?.(msgType);
    return { messageId: data.message_id ?? '', threadId: data.thread_id };
  }

  async create(receiveIdType: 'chat_id' | 'open_id', receiveId: string, msgType: string, content: string, uuid: string): Promise<{ messageId: string }> {
    const data = await this.call<{ message_id?: string }>('message.create', () =>
      this.client.im.v1.message.create({ params: { receive_id_type: receiveIdType }, data: { receive_id: receiveId, msg_type: msgType, content, uuid: feishuUuid(uuid) } }));
    this.hooks.onSent?.(msgType);
    return { messageId: data.message_id ?? '' };
  }

  async patch(messageId: string, content: string): Promise<void> {
    await this.call('message.patch', () => this.client.im.v1.message.patch({ path: { message_id: enc(messageId) }, data: { content } }));
  }

  async react(messageId: string, emoji: string): Promise<void> {
    await this.call('reaction.create', () =>
      this.client.im.v1.messageReaction.create({ path: { message_id: enc(messageId) }, data: { reaction_type: { emoji_type: emoji } } }));
  }

  async createCard(card: object): Promise<string> {
    const data = await this.call<{ card_id?: string }>('card.create', () =>
      this.client.cardkit.v1.card.create({ data: { type: 'card_json', data: JSON.stringify(card) } }));
    if (!data.card_id) throw feishuError('card.create', undefined, 'no card_id');
    return data.card_id;
  }

  async setElementContent(cardId: string, elementId: string, content: string, sequence: number): Promise<void> {
    await this.call('card.element.content', () =>
      this.client.cardkit.v1.cardElement.content({ path: { card_id: enc(cardId), element_id: enc(elementId) }, data: { content, sequence } }));
  }

  async updateCard(cardId: string, card: object, sequence: number): Promise<void> {
    await this.call('card.update', () =>
      this.client.cardkit.v1.card.update({ path: { card_id: enc(cardId) }, data: { card: { type: 'card_json', data: JSON.stringify(card) }, sequence } }));
  }

  // ---------- Feishu Tasks v2 (deadline reminders) ----------

  /** POST /open-apis/task/v2/tasks: a task assigned to one user, idempotent per client_token. */
  async createTask(t: { summary: string; description: string; dueMs: number; allDay: boolean; assigneeOpenId: string; link?: { url: string; title: string }; clientToken: string }): Promise<{ guid: string; url?: string }> {
    const data = await this.call<{ task?: { guid?: string; url?: string } }>('task.create', () =>
      this.client.task.v2.task.create({
        params: { user_id_type: 'open_id' },
        data: {
          summary: t.summary,
          description: t.description,
          due: { timestamp: String(t.dueMs), is_all_day: t.allDay },
          members: [{ id: t.assigneeOpenId, type: 'user', role: 'assignee' }],
          client_token: t.clientToken,
          ...(t.link ? { origin: { platform_i18n_name: { zh_cn: '笔杆子', en_us: 'Bigan' }, href: t.link } } : {}),
        },
      }));
    if (!data.task?.guid) throw feishuError('task.create', undefined, 'no task.guid');
    return { guid: data.task.guid, url: data.task.url };
  }

  /** GET /open-apis/task/v2/tasks/:guid → whether it is completed. */
  async taskCompleted(guid: string): Promise<boolean> {
    const data = await this.call<{ task?: { completed_at?: string; status?: string } }>('task.get', () =>
      this.client.task.v2.task.get({ path: { task_guid: enc(guid) }, params: { user_id_type: 'open_id' } }));
    const at = data.task?.completed_at;
    return data.task?.status === 'done' || (at !== undefined && at !== '' && at !== '0');
  }

  async setTaskDue(guid: string, dueMs: number, allDay: boolean): Promise<void> {
    await this.call('task.patch', () =>
      this.client.task.v2.task.patch({ path: { task_guid: enc(guid) }, params: { user_id_type: 'open_id' }, data: { task: { due: { timestamp: String(dueMs), is_all_day: allDay } }, update_fields: ['due'] } }));
  }

  /** A user's departments (open_department_id) from the contact API; needs a contact scope and the user in the app's range. */
  async userDepartments(openId: string): Promise<string[]> {
    const data = await this.call<{ user?: { department_ids?: string[] } }>('contact.user.get', () =>
      this.client.contact.v3.user.get({ path: { user_id: enc(openId) }, params: { user_id_type: 'open_id', department_id_type: 'open_department_id' } }));
    return data.user?.department_ids ?? [];
  }

  async deleteTask(guid: string): Promise<void> {
    await this.call('task.delete', () => this.client.task.v2.task.delete({ path: { task_guid: enc(guid) } }));
  }

  async uploadFile(name: string, data: Buffer): Promise<string> {
    const type = name.endsWith('.docx') ? 'doc' : name.endsWith('.pdf') ? 'pdf' : 'stream';
    const res = await this.call<{ file_key?: string }>('file.create', async () => {
      const r = await this.client.im.v1.file.create({ data: { file_type: type, file_name: name, file: data } });
      // This endpoint's SDK wrapper returns the data object itself.
      return r && 'file_key' in r ? { code: 0, data: r } : (r as Res<{ file_key?: string }>);
    });
    if (!res.file_key) throw feishuError('file.create', undefined, 'no file_key');
    return res.file_key;
  }

  // ---------- Who may read a cloud document (issue 20: the requester's right, not the app's) ----------

  /** GET /open-apis/drive/v2/permissions/:token/public?type=…: the link-share setting (link_share_entity). */
  async docLinkShare(token: string, type: 'docx' | 'wiki' | 'sheet' | 'bitable'): Promise<string | undefined> {
    const data = await this.call<{ permission_public?: { link_share_entity?: string } }>('permission.public.get', () =>
      this.client.drive.v2.permissionPublic.get({ path: { token: enc(token) }, params: { type } }));
    return data.permission_public?.link_share_entity;
  }

  /** GET /open-apis/drive/v1/permissions/:token/members?type=…: the collaborators (users, chats, departments, groups, wiki members). */
  async docMembers(token: string, type: 'docx' | 'wiki' | 'sheet' | 'bitable'): Promise<Array<{ memberType: string; memberId: string; perm: string }>> {
    const data = await this.call<{ items?: Array<{ member_type?: string; member_id?: string; perm?: string }> }>('permission.member.list', () =>
      this.client.drive.v1.permissionMember.list({ path: { token: enc(token) }, params: { type, fields: 'type' } }));
    return (data.items ?? []).map((m) => ({ memberType: m.member_type ?? '', memberId: m.member_id ?? '', perm: m.perm ?? '' }));
  }

  /**
   * POST /open-apis/drive/v1/metas/batch_query?user_id_type=open_id: the document owner's open_id. A
   * document in `failed_list` throws with its code (970003: the app may not see it; 970005: no such document).
   */
  async docOwner(token: string, type: 'docx' | 'wiki' | 'sheet' | 'bitable'): Promise<string | undefined> {
    const data = await this.call<{ metas?: Array<{ doc_token?: string; owner_id?: string }>; failed_list?: Array<{ token?: string; code?: number }> }>('meta.batch_query', () =>
      this.client.drive.v1.meta.batchQuery({ params: { user_id_type: 'open_id' }, data: { request_docs: [{ doc_token: token, doc_type: type }] } }));
    const failed = data.failed_list?.find((f) => f.token === token);
    if (failed) throw feishuError('meta.batch_query', failed.code, 'in failed_list');
    return data.metas?.find((m) => m.doc_token === token)?.owner_id;
  }

  /** GET /open-apis/im/v1/chats/:chat_id/members?member_id_type=open_id, paged: whether `openId` is in the chat (the bot must be in it). */
  async chatHasMember(chatId: string, openId: string, maxPages = 20): Promise<boolean> {
    let pageToken: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const data = await this.call<{ items?: Array<{ member_id?: string }>; has_more?: boolean; page_token?: string }>('chat.members.get', () =>
        this.client.im.v1.chatMembers.get({ path: { chat_id: enc(chatId) }, params: { member_id_type: 'open_id', page_size: 100, ...(pageToken ? { page_token: pageToken } : {}) } }));
      if (data.items?.some((m) => m.member_id === openId)) return true;
      if (!data.has_more || !data.page_token) return false;
      pageToken = data.page_token;
    }
    return false;
  }

  // ---------- The writer's files, quoted messages and cloud docs; drafts imported as cloud docs ----------

  /** GET …/messages/:id/resources/:key?type=file: the file as a stream and its headers (the caller caps the size). */
  async messageResource(messageId: string, fileKey: string): Promise<{ stream: Readable; headers: Record<string, unknown> }> {
    const data = await this.call<{ stream: Readable; headers: Record<string, unknown> }>('message.resource', async () => {
      const r = await this.client.im.v1.messageResource.get({ path: { message_id: enc(messageId), file_key: enc(fileKey) }, params: { type: 'file' } });
      return { code: 0, data: { stream: r.getReadableStream(), headers: (r.headers ?? {}) as Record<string, unknown> } };
    });
    return data;
  }

  /** GET /open-apis/im/v1/messages/:id: the message (a quoted one). */
  async messageGet<Item>(messageId: string): Promise<Item | undefined> {
    const data = await this.call<{ items?: Item[] }>('message.get', () => this.client.im.v1.message.get({ path: { message_id: enc(messageId) } }) as Promise<Res<{ items?: Item[] }>>);
    return data.items?.[0];
  }

  /** GET /open-apis/wiki/v2/spaces/get_node?token=…: what a wiki page is. */
  async wikiNode(token: string): Promise<{ obj_type?: string; obj_token?: string; title?: string } | undefined> {
    const data = await this.call<{ node?: { obj_type?: string; obj_token?: string; title?: string } }>('wiki.get_node', () => this.client.wiki.v2.space.getNode({ params: { token } }));
    return data.node;
  }

  /** GET /open-apis/docx/v1/documents/:id/raw_content: a document's plain text. */
  async docxRawContent(documentId: string): Promise<string> {
    const data = await this.call<{ content?: string }>('docx.raw_content', () => this.client.docx.v1.document.rawContent({ path: { document_id: enc(documentId) }, params: { lang: 0 } }));
    return data.content ?? '';
  }

  /** POST /open-apis/drive/v1/medias/upload_all (parent ccm_import_open): a .docx to import. */
  async uploadImportMedia(name: string, data: Buffer): Promise<string | undefined> {
    const res = await this.call<{ file_token?: string }>('upload', async () => {
      const r = await this.client.drive.v1.media.uploadAll({
        data: { file_name: name, parent_type: 'ccm_import_open', parent_node: '', size: data.length, extra: JSON.stringify({ obj_type: 'docx', file_extension: 'docx' }), file: data },
      });
      // This endpoint's SDK wrapper returns the data object itself.
      return { code: 0, data: { file_token: r?.file_token } };
    });
    return res.file_token;
  }

  /** POST /open-apis/drive/v1/import_tasks: import an uploaded .docx as a cloud document. */
  async createImportTask(fileToken: string, title: string): Promise<string | undefined> {
    const data = await this.call<{ ticket?: string }>('import_task.create', () => this.client.drive.v1.importTask.create({
      data: { file_extension: 'docx', file_token: fileToken, type: 'docx', file_name: title, point: { mount_type: 1, mount_key: '' } },
    }));
    return data.ticket;
  }

  /** GET /open-apis/drive/v1/import_tasks/:ticket. */
  async importTask(ticket: string): Promise<{ job_status?: number; job_error_msg?: string; token?: string; url?: string } | undefined> {
    const data = await this.call<{ result?: { job_status?: number; job_error_msg?: string; token?: string; url?: string } }>('import_task.get', () => this.client.drive.v1.importTask.get({ path: { ticket: enc(ticket) } }));
    return data.result;
  }

  /** POST /open-apis/drive/v1/permissions/:token/members?type=docx: let one user edit, without a notification. */
  async grantEdit(token: string, openId: string): Promise<void> {
    await this.call('permission.member.create', () => this.client.drive.v1.permissionMember.create({
      path: { token: enc(token) },
      params: { type: 'docx', need_notification: false },
      data: { member_type: 'openid', member_id: openId, perm: 'edit' },
    }));
  }

  /**
   * GET /open-apis/drive/v1/files/:token/comments?file_type=docx: one page of a document's unresolved
   * comments, local (划词) or whole-document (docs/REVIEW.md: both filters default to false, so each is asked).
   */
  async fileComments(fileToken: string, whole: boolean, pageToken?: string): Promise<{ items: unknown[]; next?: string }> {
    const data = await this.call<{ items?: unknown[]; has_more?: boolean; page_token?: string }>('drive.comment.list', () => this.client.drive.v1.fileComment.list({
      path: { file_token: enc(fileToken) },
      params: { file_type: 'docx', is_solved: false, is_whole: whole, page_size: 100, user_id_type: 'open_id', ...(pageToken ? { page_token: pageToken } : {}) },
    }));
    return { items: data.items ?? [], ...(data.has_more && data.page_token ? { next: data.page_token } : {}) };
  }

  /** POST /open-apis/drive/v1/files/:token/comments/:comment_id/replies?file_type=docx: answer in the comment's own thread. */
  async replyFileComment(fileToken: string, commentId: string, content: { elements: Array<{ type: string; text_run?: { text: string } }> }): Promise<void> {
    await this.call('drive.comment.reply', () => this.client.drive.v1.fileCommentReply.create({
      path: { file_token: enc(fileToken), comment_id: enc(commentId) },
      params: { file_type: 'docx' },
      data: { content } as never,
    }));
  }

  /** DELETE /open-apis/drive/v1/files/:token/comments/:comment_id/replies/:reply_id?file_type=docx: only the reply's author (here the app) may. */
  async deleteFileCommentReply(fileToken: string, commentId: string, replyId: string): Promise<void> {
    await this.call('drive.comment.reply.delete', () => this.client.drive.v1.fileCommentReply.delete({
      path: { file_token: enc(fileToken), comment_id: enc(commentId), reply_id: enc(replyId) },
      params: { file_type: 'docx' },
    }));
  }

  /** GET /open-apis/docx/v1/documents/:id/blocks: one page of a document's blocks (comment ids on blocks and runs). */
  async docxBlocks(documentId: string, pageToken?: string): Promise<{ items: unknown[]; next?: string }> {
    const data = await this.call<{ items?: unknown[]; has_more?: boolean; page_token?: string }>('docx.blocks', () => this.client.docx.v1.documentBlock.list({
      path: { document_id: enc(documentId) },
      params: { page_size: 500, ...(pageToken ? { page_token: pageToken } : {}) },
    }));
    return { items: data.items ?? [], ...(data.has_more && data.page_token ? { next: data.page_token } : {}) };
  }

  /** GET /open-apis/docx/v1/documents/:id: the document's revision_id (comments bump it too, so it only dates a read). */
  async docxRevision(documentId: string): Promise<number | undefined> {
    const data = await this.call<{ document?: { revision_id?: number } }>('docx.get', () => this.client.docx.v1.document.get({ path: { document_id: enc(documentId) } }));
    return data.document?.revision_id;
  }

  /**
   * PATCH /open-apis/docx/v1/documents/:id/blocks/batch_update: each block's whole element list replaced
   * (`update_text_elements`), at most 200 blocks a request, no block twice; against the latest revision
   * (-1), idempotent per `client_token` (docs/REVIEW.md). Edits are limited to 3/s per document (429) and
   * 3/s per app (400 / 99991400): a refusal is a rate-limited FeishuApiError, retried by BullMQ. `key`
   * becomes the client_token.
   */
  async docxBatchUpdate(documentId: string, updates: ReadonlyArray<{ blockId: string; elements: unknown[] }>, key: string): Promise<{ revision?: number }> {
    const data = await this.call<{ document_revision_id?: number }>('docx.blocks.batch_update', () => this.client.docx.v1.documentBlock.batchUpdate({
      path: { document_id: enc(documentId) },
      params: { document_revision_id: -1, client_token: docxClientToken(key) },
      data: { requests: updates.map((u) => ({ block_id: u.blockId, update_text_elements: { elements: u.elements } })) } as never,
    }));
    return data.document_revision_id !== undefined ? { revision: data.document_revision_id } : {};
  }

  // ---------- 台账 material (issue 23): 飞书电子表格, 多维表格, OCR, merge-forward children ----------

  /** Any Open API path the SDK has no typed wrapper for (or one too new for its types), through the same `call`. */
  private raw<T>(op: string, method: 'GET' | 'POST', url: string, opts: { params?: Record<string, string | number>; data?: object } = {}): Promise<T> {
    return this.call<T>(op, () => this.client.request<Res<T>>({ url, method, ...(opts.params ? { params: opts.params } : {}), ...(opts.data ? { data: opts.data } : {}) }));
  }

  /** GET /open-apis/sheets/v3/spreadsheets/:token/sheets/query: the sheets with their merges. */
  async sheetsQuery<Sheet>(token: string): Promise<Sheet[]> {
    return (await this.raw<{ sheets?: Sheet[] }>('sheets.query', 'GET', `/open-apis/sheets/v3/spreadsheets/${enc(token)}/sheets/query`)).sheets ?? [];
  }

  /** GET /open-apis/sheets/v2/spreadsheets/:token/values/:range, formatted (dates as dates, formulas by their result). */
  async sheetValues<Range>(token: string, range: string): Promise<Range | undefined> {
    const data = await this.raw<{ valueRange?: Range }>('sheets.values', 'GET', `/open-apis/sheets/v2/spreadsheets/${enc(token)}/values/${enc(range)}`, { params: { valueRenderOption: 'FormattedValue', dateTimeRenderOption: 'FormattedString' } });
    return data.valueRange;
  }

  /** GET /open-apis/bitable/v1/apps/:app_token: the base's own metadata (data.app: app_token, name, revision, is_advanced, time_zone). */
  async bitableApp(appToken: string): Promise<{ name?: string }> {
    return (await this.raw<{ app?: { name?: string } }>('bitable.app', 'GET', `/open-apis/bitable/v1/apps/${enc(appToken)}`)).app ?? {};
  }

  /** GET /open-apis/bitable/v1/apps/:app_token/tables: the tables of a base (a link without ?table=). */
  async bitableTables(appToken: string): Promise<Array<{ table_id: string; name: string }>> {
    return (await this.raw<{ items?: Array<{ table_id: string; name: string }> }>('bitable.tables', 'GET', `/open-apis/bitable/v1/apps/${enc(appToken)}/tables`, { params: { page_size: 100 } })).items ?? [];
  }

  /** GET …/tables/:table_id/fields (one page of up to 100 fields: a 台账 has far fewer). */
  async bitableFields<Field>(appToken: string, tableId: string): Promise<Field[]> {
    return (await this.raw<{ items?: Field[] }>('bitable.fields', 'GET', `/open-apis/bitable/v1/apps/${enc(appToken)}/tables/${enc(tableId)}/fields`, { params: { page_size: 100 } })).items ?? [];
  }

  /** POST …/tables/:table_id/records/search, 500 a page, up to `max` records. */
  async bitableRecords<Rec>(appToken: string, tableId: string, max: number): Promise<{ items: Rec[]; more: boolean }> {
    const items: Rec[] = [];
    let pageToken = '';
    for (;;) {
      const data = await this.raw<{ items?: Rec[]; has_more?: boolean; page_token?: string }>('bitable.records', 'POST', `/open-apis/bitable/v1/apps/${enc(appToken)}/tables/${enc(tableId)}/records/search`, { params: { page_size: 500, ...(pageToken ? { page_token: pageToken } : {}) }, data: {} });
      items.push(...(data.items ?? []));
      if (!data.has_more || !data.page_token) return { items, more: false };
      if (items.length >= max) return { items, more: true };
      pageToken = data.page_token;
    }
  }

  /** POST /open-apis/optical_char_recognition/v1/image/basic_recognize: the text lines of an image (base64 under 5 MB). */
  async ocr(body: { image: string }): Promise<{ data: { text_list?: string[] } }> {
    return { data: await this.raw<{ text_list?: string[] }>('ocr.basic_recognize', 'POST', '/open-apis/optical_char_recognition/v1/image/basic_recognize', { data: body }) };
  }

  /** GET …/messages/:id/resources/:key?type=image: a user's photo. */
  async messageImage(messageId: string, imageKey: string): Promise<{ stream: Readable; headers: Record<string, unknown> }> {
    return this.call<{ stream: Readable; headers: Record<string, unknown> }>('message.resource', async () => {
      const r = await this.client.im.v1.messageResource.get({ path: { message_id: enc(messageId), file_key: enc(imageKey) }, params: { type: 'image' } });
      return { code: 0, data: { stream: r.getReadableStream(), headers: (r.headers ?? {}) as Record<string, unknown> } };
    });
  }

  /** GET /open-apis/im/v1/messages/:id: every item (a merge-forward returns itself and all its sub-messages). */
  async messageItems<Item>(messageId: string): Promise<Item[]> {
    const data = await this.call<{ items?: Item[] }>('message.get', () => this.client.im.v1.message.get({ path: { message_id: enc(messageId) } }) as Promise<Res<{ items?: Item[] }>>);
    return data.items ?? [];
  }
}
