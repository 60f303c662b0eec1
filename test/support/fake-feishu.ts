import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import protobuf from 'protobufjs';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_CEILING_MS } from './wait.js';

/** One request the bot made to the fake Open API. */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  auth?: string;
  /** When it arrived (ms) and whether it was refused as rate-limited. */
  at?: number;
  limited?: boolean;
}

/** A message the bot posted (deduplicated by uuid, as Feishu does). */
export interface FakeMessage {
  message_id: string;
  /** The message it replies to (reply API) … */
  parent_id?: string;
  /** … or the chat it was sent to (create API). */
  receive_id?: string;
  msg_type: string;
  content: string;
  reply_in_thread?: boolean;
  uuid?: string;
  /** Raw bytes of an uploaded file this message carries. */
  file?: { name: string; data: Buffer };
}

interface FakeCard {
  json: Record<string, unknown>;
  markdown: string;
  streaming: boolean;
  lastSequence: number;
  updates: number;
}

interface Failure {
  match: RegExp;
  times: number;
  status: number;
  code: number;
}

const ok = (data: unknown = {}) => ({ code: 0, msg: 'success', data });

/** The long-connection frame (pbbp2.Frame), declared here because the SDK does not export it. */
const Frame = protobuf.Root.fromJSON({
  nested: {
    Header: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    Frame: {
      fields: {
        SeqID: { type: 'uint64', id: 1 }, LogID: { type: 'uint64', id: 2 }, service: { type: 'int32', id: 3 }, method: { type: 'int32', id: 4 },
        headers: { rule: 'repeated', type: 'Header', id: 5 }, payloadEncoding: { type: 'string', id: 6 }, payloadType: { type: 'string', id: 7 },
        payload: { type: 'bytes', id: 8 }, LogIDNew: { type: 'string', id: 9 },
      },
    },
  },
}).lookupType('Frame');

interface DecodedFrame { method: number; headers: Array<{ key: string; value: string }>; payload?: Uint8Array }

/** What the bot answered to a pushed event: its ack code and optional callback response. */
export interface WsAck { code: number; data?: unknown }

function markdownOf(card: Record<string, unknown>): string {
  const body = card.body as { elements?: Array<{ tag?: string; content?: string }> } | undefined;
  return (body?.elements ?? []).filter((e) => e.tag === 'markdown').map((e) => e.content ?? '').join('\n');
}

/** Split a multipart/form-data body; enough for the file upload API. */
function parseMultipart(raw: Buffer, contentType: string): Record<string, { filename?: string; data: Buffer }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const out: Record<string, { filename?: string; data: Buffer }> = {};
  if (!boundary) return out;
  const sep = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let pos = raw.indexOf(sep);
  while (pos >= 0) {
    const start = pos + sep.length + 2;
    const next = raw.indexOf(sep, start);
    if (next < 0) break;
    const part = raw.subarray(start, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString('utf8');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name) out[name] = { filename, data: part.subarray(headEnd + 4) };
    pos = next;
  }
  return out;
}

// ---------- Feishu Tasks v2 (reminders) ----------

/** A task as the fake Open API keeps it. */
export interface FakeTask {
  guid: string;
  summary: string;
  description?: string;
  due?: { timestamp: string; is_all_day: boolean };
  members: Array<{ id: string; type?: string; role: string }>;
  origin?: { href?: { url: string; title?: string } };
  client_token?: string;
  completed_at: string;
  deleted: boolean;
  url: string;
}

/** Task endpoints: create (client_token idempotent), get, patch, delete; refusals in Feishu's shapes. */
class FakeTasks {
  readonly tasks = new Map<string, FakeTask>();
  /** Answer every task call as an app without the task scope (HTTP 400, code 99991672). */
  refuse = false;

  /** Mark a task done, as the user would in the Feishu client. */
  complete(guid: string): void {
    const t = this.tasks.get(guid);
    if (t) t.completed_at = String(Date.now());
  }

  live(): FakeTask[] {
    return [...this.tasks.values()].filter((t) => !t.deleted);
  }

  handle(method: string, path: string, b: Record<string, unknown>): { status: number; body: unknown } | undefined {
    if (!path.startsWith('/open-apis/task/v2/tasks')) return undefined;
    if (this.refuse) return { status: 400, body: { code: 99991672, msg: 'Access denied. One of the following scopes is required: [task:task:write, task:task:writeonly]. 应用尚未开通所需的应用身份权限' } };
    if (path === '/open-apis/task/v2/tasks' && method === 'POST') {
      if (!b.summary) return { status: 400, body: { code: 1470400, msg: 'summary is required' } };
      const token = b.client_token as string | undefined;
      const prior = token ? [...this.tasks.values()].find((t) => t.client_token === token) : undefined;
      if (prior) return { status: 200, body: ok({ task: prior }) };
      const guid = randomUUID();
      const task: FakeTask = {
        guid, summary: b.summary as string, description: b.description as string | undefined, due: b.due as FakeTask['due'],
        members: (b.members as FakeTask['members'] | undefined) ?? [], origin: b.origin as FakeTask['origin'], client_token: token,
        completed_at: '0', deleted: false, url: `https://applink.feishu.cn/client/todo/detail?guid=${guid}`,
      };
      this.tasks.set(guid, task);
      return { status: 200, body: ok({ task }) };
    }
    const m = /^\/open-apis\/task\/v2\/tasks\/([^/]+)$/.exec(path);
    const task = m ? this.tasks.get(m[1]!) : undefined;
    if (!m) return undefined;
    if (!task || task.deleted) return { status: 404, body: { code: 1470404, msg: 'task not found' } };
    if (method === 'GET') return { status: 200, body: ok({ task: { ...task, status: task.completed_at !== '0' ? 'done' : 'todo' } }) };
    if (method === 'DELETE') {
      task.deleted = true;
      return { status: 200, body: ok({}) };
    }
    if (method === 'PATCH') {
      const fields = (b.update_fields as string[] | undefined) ?? [];
      const patch = (b.task as Partial<FakeTask> | undefined) ?? {};
      if (fields.includes('due')) task.due = patch.due;
      return { status: 200, body: ok({ task }) };
    }
    return undefined;
  }
}

// ---------- 飞书电子表格, 多维表格 and OCR (issue 23: 台账 material) ----------

/** A spreadsheet as the fake keeps it: sheets with their metadata and cell values (rows). */
export interface FakeSpreadsheet {
  sheets: Array<{ sheet_id: string; title: string; hidden?: boolean; resource_type?: string; merges?: Array<{ start_row_index: number; end_row_index: number; start_column_index: number; end_column_index: number }>; values: unknown[][] }>;
}

/** A bitable as the fake keeps it: tables with their fields and records. */
export interface FakeBitable {
  /** The base's own title (GET /bitable/v1/apps/:app_token → data.app.name). */
  name?: string;
  tables: Map<string, { name: string; fields: Array<{ field_id: string; field_name: string; type: number; ui_type?: string }>; records: Array<{ record_id: string; fields: Record<string, unknown> }> }>;
}

/**
 * Sheets v3 query + v2 values, bitable v1 fields + records/search, and OCR basic_recognize,
 * in their documented shapes (paths and scopes in docs/MATERIAL.md). Refusals as Feishu
 * gives them: a bitable the app may not read answers HTTP 200 with code 1254302; an image
 * over 5 MB, code 1150101.
 */
export class FakeTables {
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly bitables = new Map<string, FakeBitable>();
  /** Bitables (by app token) the app has no access to. */
  readonly deniedBitables = new Set<string>();
  /** Image (decoded bytes' SHA-less key: its base64 prefix) → OCR lines; anything else → none. */
  /** `failures`: this image's next so many calls fail on Feishu's side (HTTP 500, code 1500 internal error). */
  readonly ocr: Array<{ match: (image: Buffer) => boolean; lines: string[]; failures?: number }> = [];
  /** The app lacks optical_char_recognition:image: every OCR call is refused with 99991672. */
  refuseOcr = false;
  /** Every image the OCR call received, in order, with when it came (ms). */
  readonly ocrCalls: Array<{ image: Buffer; at: number }> = [];
  /** Feishu's tenant-wide OCR quota: more calls than this within one second are refused with 99991400. */
  ocrQps = 20;

  handle(method: string, path: string, query: URLSearchParams, b: Record<string, unknown>): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
    let m = /^\/open-apis\/sheets\/v3\/spreadsheets\/([^/]+)\/sheets\/query$/.exec(path);
    if (m && method === 'GET') {
      const ss = this.spreadsheets.get(m[1]!);
      if (!ss) return { status: 200, body: { code: 1310214, msg: 'spreadsheet not found' } };
      return { status: 200, body: ok({ sheets: ss.sheets.map((x, i) => ({ sheet_id: x.sheet_id, title: x.title, index: i, hidden: x.hidden ?? false, resource_type: x.resource_type ?? 'sheet', grid_properties: { frozen_row_count: 0, frozen_column_count: 0, row_count: Math.max(200, x.values.length), column_count: 20 }, merges: x.merges ?? [] })) }) };
    }
    m = /^\/open-apis\/sheets\/v2\/spreadsheets\/([^/]+)\/values\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const ss = this.spreadsheets.get(m[1]!);
      const range = decodeURIComponent(m[2]!);
      const sheet = ss?.sheets.find((x) => x.sheet_id === range.split('!')[0]);
      if (!ss || !sheet) return { status: 200, body: { code: 1310214, msg: 'spreadsheet not found' } };
      // Unformatted dates come back as serial numbers unless asked otherwise, as documented.
      const formatted = query.get('dateTimeRenderOption') === 'FormattedString';
      const values = sheet.values.map((r) => r.map((v) => (v instanceof Date ? (formatted ? v.toISOString().slice(0, 10).replace(/-/g, '/') : (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000) : v)));
      return { status: 200, body: ok({ revision: 3, spreadsheetToken: m[1], valueRange: { majorDimension: 'ROWS', range: `${sheet.sheet_id}!A1:${String.fromCharCode(64 + Math.max(1, ...values.map((r) => r.length)))}${values.length}`, revision: 3, values } }) };
    }
    m = /^\/open-apis\/bitable\/v1\/apps\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      if (this.deniedBitables.has(m[1]!)) return { status: 200, body: { code: 1254302, msg: 'Permission denied.' } };
      const base = this.bitables.get(m[1]!);
      if (!base) return { status: 200, body: { code: 1254040, msg: 'BaseTokenNotFound' } };
      return { status: 200, body: ok({ app: { app_token: m[1], name: base.name ?? '', revision: 7, is_advanced: false, time_zone: 'Asia/Shanghai' } }) };
    }
    m = /^\/open-apis\/bitable\/v1\/apps\/([^/]+)\/tables$/.exec(path);
    if (m && method === 'GET') {
      if (this.deniedBitables.has(m[1]!)) return { status: 200, body: { code: 1254302, msg: 'Permission denied.' } };
      const base = this.bitables.get(m[1]!);
      if (!base) return { status: 200, body: { code: 1254040, msg: 'BaseTokenNotFound' } };
      return { status: 200, body: ok({ has_more: false, page_token: '', total: base.tables.size, items: [...base.tables].map(([id, t]) => ({ table_id: id, revision: 1, name: t.name })) }) };
    }
    m = /^\/open-apis\/bitable\/v1\/apps\/([^/]+)\/tables\/([^/]+)\/(fields|records\/search)$/.exec(path);
    if (m) {
      if (this.deniedBitables.has(m[1]!)) return { status: 200, body: { code: 1254302, msg: 'Permission denied.' } };
      const table = this.bitables.get(m[1]!)?.tables.get(m[2]!);
      if (!table) return { status: 200, body: { code: 1254040, msg: 'BaseTokenNotFound' } };
      if (m[3] === 'fields' && method === 'GET') return { status: 200, body: ok({ has_more: false, page_token: '', total: table.fields.length, items: table.fields.map((f) => ({ ...f, property: null, is_primary: f === table.fields[0] })) }) };
      if (m[3] === 'records/search' && method === 'POST') {
        const size = Math.min(500, Number(query.get('page_size') ?? 20));
        const from = Number(query.get('page_token') || 0);
        const items = table.records.slice(from, from + size).map((r) => ({ record_id: r.record_id, fields: r.fields }));
        const more = from + size < table.records.length;
        void b;
        return { status: 200, body: ok({ has_more: more, ...(more ? { page_token: String(from + size) } : {}), total: table.records.length, items }) };
      }
    }
    if (path === '/open-apis/optical_char_recognition/v1/image/basic_recognize' && method === 'POST') {
      if (this.refuseOcr) return { status: 400, body: { code: 99991672, msg: 'Access denied. One of the following scopes is required: [optical_char_recognition:image].' } };
      const now = Date.now();
      if (this.ocrCalls.filter((c) => now - c.at < 1000).length >= this.ocrQps) return { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-reset': '1' } };
      const image = typeof b.image === 'string' ? b.image : '';
      if (!image || image.length >= 5 * 1024 * 1024) return { status: 400, body: { code: 1150101, msg: 'invalid param: image' } };
      const bytes = Buffer.from(image, 'base64');
      const hit = this.ocr.find((o) => o.match(bytes));
      if (hit?.failures) {
        hit.failures--;
        return { status: 500, body: { code: 1500, msg: 'internal error' } };
      }
      this.ocrCalls.push({ image: bytes, at: now });
      return { status: 200, body: ok({ text_list: hit?.lines ?? [] }) };
    }
    return undefined;
  }
}

/** A loopback stand-in for the Feishu Open API that the real SDK talks to. */
export class FakeFeishu {
  readonly botOpenId = 'ou_bot_fake_000000000000000000001';
  readonly calls: RecordedCall[] = [];
  readonly messages: FakeMessage[] = [];
  readonly cards = new Map<string, FakeCard>();
  readonly reactions: Array<{ message_id: string; emoji: string }> = [];
  readonly files = new Map<string, { name: string; data: Buffer }>();
  /** Answer CardKit calls with a permission error (to exercise the fallback). */
  refuseCardKit = false;
  /** Feishu Tasks (reminders' deadlines). */
  readonly taskApi = new FakeTasks();
  /** 飞书电子表格, 多维表格 and OCR (台账 material). */
  readonly tableApi = new FakeTables();
  /** Contact API (usage by department): department ids by open_id; `refuseContact` = the contact scope is not granted. */
  readonly departments = new Map<string, string[]>();
  refuseContact = false;
  private failures: Failure[] = [];
  private hangs: Array<{ match: RegExp; times: number }> = [];
  private holds: Array<{ match: RegExp; times: number; gate: Promise<void>; arrived: () => void }> = [];
  private limits: Array<{ match: RegExp; until: number }> = [];
  private byUuid = new Map<string, FakeMessage>();
  private server!: Server;
  private wss?: WebSocketServer;
  private socket?: WebSocket;
  /**
   * Resolves when the current client has sent its first frame (the SDK pings as the socket opens).
   * Only then is its message listener attached: a frame pushed earlier, in the same read as the
   * upgrade response, is dropped by the SDK, which a busy machine makes likely.
   */
  private socketReady?: Promise<void>;
  private pendingAcks = new Map<string, (ack: WsAck) => void>();
  url = '';
  /** Long-connection clients that connected so far. */
  wsConnections = 0;

  static async start(): Promise<FakeFeishu> {
    const f = new FakeFeishu();
    f.server = createServer((req, res) => {
      f.handle(req)
        .then(({ status, body, headers }) => {
          // Binary downloads (message resources) are served as bytes.
          if (Buffer.isBuffer(body)) {
            res.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': body.length });
            res.end(body);
            return;
          }
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        })
        .catch((err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 500, msg: String(err) }));
        });
    });
    await new Promise<void>((r) => f.server.listen(0, '127.0.0.1', r));
    f.url = `http://127.0.0.1:${(f.server.address() as { port: number }).port}`;
    return f;
  }

  /** Make the next `times` calls whose "METHOD path" matches fail. */
  fail(match: RegExp, times: number, status = 500, code = 99991400): void {
    this.failures.push({ match, times, status, code });
  }

  /**
   * Throttle every call whose "METHOD path" matches for `ms` from now, in Feishu's documented shape: HTTP 429,
   * code 99991400, and `x-ogw-ratelimit-reset` (seconds until the limit resets).
   */
  rateLimit(match: RegExp, ms: number): { until: number } {
    const limit = { match, until: Date.now() + ms };
    this.limits.push(limit);
    return limit;
  }

  /** Make the next `times` calls whose "METHOD path" matches never answer (the connection stays open). */
  hang(match: RegExp, times: number): void {
    this.hangs.push({ match, times });
  }

  /**
   * Hold the next `times` calls whose "METHOD path" matches until `release()`, then answer them as usual:
   * a slow Feishu call made deterministic. `arrived` resolves when the first held call comes in.
   */
  hold(match: RegExp, times = 1): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    let arrived!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reached = new Promise<void>((r) => (arrived = r));
    this.holds.push({ match, times, gate, arrived });
    return { arrived: reached, release };
  }

  /** The buttons of a card reply (the column set's buttons): their text and the value each posts back. */
  buttonsOf(m: FakeMessage): Array<{ text: string; value: Record<string, unknown> }> {
    const card = this.cardOf(m) as { body: { elements: Array<{ tag: string; columns?: Array<{ elements: Array<{ text: { content: string }; behaviors: Array<{ value: Record<string, unknown> }> }> }> }> } };
    const set = card.body.elements.find((e) => e.tag === 'column_set');
    return (set?.columns ?? []).map((c) => ({ text: c.elements[0]!.text.content, value: c.elements[0]!.behaviors[0]!.value }));
  }

  /** Replies posted under a user message. */
  repliesTo(messageId: string): FakeMessage[] {
    return this.messages.filter((m) => m.parent_id === messageId);
  }

  /** What the user sees in a message: card markdown (final or as streamed), or text. */
  textOf(m: FakeMessage): string {
    const content = JSON.parse(m.content) as Record<string, unknown>;
    if (m.msg_type === 'interactive') {
      if (content.type === 'card') {
        const id = (content.data as { card_id: string }).card_id;
        return this.cards.get(id)?.markdown ?? '';
      }
      return markdownOf(content);
    }
    if (m.msg_type === 'text') return typeof content.text === 'string' ? content.text : '';
    if (m.msg_type === 'file') return `[file ${typeof content.file_key === 'string' ? content.file_key : ''}]`;
    return m.content;
  }

  /** The card object behind an interactive message (CardKit entity or inline JSON). */
  cardOf(m: FakeMessage): Record<string, unknown> | undefined {
    const content = JSON.parse(m.content) as Record<string, unknown>;
    if (content.type === 'card') return this.cards.get((content.data as { card_id: string }).card_id)?.json;
    return content;
  }

  isStreaming(m: FakeMessage): boolean {
    const content = JSON.parse(m.content) as Record<string, unknown>;
    if (content.type !== 'card') return false;
    return this.cards.get((content.data as { card_id: string }).card_id)?.streaming ?? false;
  }

  callsTo(re: RegExp): RecordedCall[] {
    return this.calls.filter((c) => re.test(`${c.method} ${c.path}`));
  }

  async waitFor(pred: () => boolean, timeoutMs = EVENT_CEILING_MS, what = 'condition'): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Serve Feishu's long connection (endpoint discovery + a WebSocket speaking pbbp2 frames). */
  async enableWebSocket(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => this.wss!.once('listening', () => r()));
    this.wss.on('connection', (ws) => {
      this.wsConnections++;
      this.socket = ws;
      let ready!: () => void;
      this.socketReady = new Promise<void>((r) => (ready = r));
      ws.on('message', (buf: Buffer) => {
        ready();
        const f = Frame.toObject(Frame.decode(buf), { bytes: Buffer }) as DecodedFrame;
        const id = f.headers.find((h) => h.key === 'message_id')?.value;
        if (f.method !== 1 || !id) return;
        const body = JSON.parse(Buffer.from(f.payload ?? []).toString('utf8')) as { code: number; data?: string };
        this.pendingAcks.get(id)?.({ code: body.code, data: body.data ? JSON.parse(Buffer.from(body.data, 'base64').toString('utf8')) : undefined });
        this.pendingAcks.delete(id);
      });
    });
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${(this.wss!.address() as { port: number }).port}/ws?device_id=fake-device&service_id=7`;
  }

  /** Push an event over the long connection and wait for the client's ack frame. */
  async pushEvent(event: object, timeoutMs = EVENT_CEILING_MS): Promise<WsAck> {
    const socket = this.socket;
    if (!socket) throw new Error('no long-connection client');
    await this.socketReady;
    const id = randomUUID();
    const frame = Frame.encode(Frame.fromObject({
      SeqID: 1, LogID: 1, service: 7, method: 1,
      headers: [{ key: 'type', value: 'event' }, { key: 'message_id', value: id }, { key: 'sum', value: '1' }, { key: 'seq', value: '0' }, { key: 'trace_id', value: id }],
      payload: Buffer.from(JSON.stringify(event)),
    })).finish();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ack within timeout')), timeoutMs);
      this.pendingAcks.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      socket.send(frame);
    });
  }

  close(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    this.wss?.close();
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  private newId(prefix: string): string {
    return `${prefix}${randomBytes(12).toString('hex')}`;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const u = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const ct = req.headers['content-type'] ?? '';
    let body: unknown = {};
    let multipart: ReturnType<typeof parseMultipart> | undefined;
    if (ct.startsWith('multipart/')) multipart = parseMultipart(raw, ct);
    else if (raw.length) body = JSON.parse(raw.toString('utf8'));
    const path = u.pathname;
    const method = req.method ?? 'GET';
    const call: RecordedCall = { method, path, query: Object.fromEntries(u.searchParams), body: multipart ? { multipart: Object.keys(multipart) } : body, auth: req.headers.authorization, at: Date.now() };
    this.calls.push(call);

    const key = `${method} ${path}`;
    const limit = this.limits.find((l) => l.until > Date.now() && l.match.test(key));
    if (limit) {
      call.limited = true;
      const reset = String(Math.max(1, Math.ceil((limit.until - Date.now()) / 1000)));
      return { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' }, headers: { 'x-ogw-ratelimit-limit': '5', 'x-ogw-ratelimit-reset': reset } };
    }
    const hang = this.hangs.find((x) => x.times > 0 && x.match.test(key));
    if (hang) {
      hang.times--;
      return new Promise<never>(() => undefined);
    }
    const held = this.holds.find((x) => x.times > 0 && x.match.test(key));
    if (held) {
      held.times--;
      held.arrived();
      await held.gate;
    }
    const failure = this.failures.find((f) => f.times > 0 && f.match.test(key));
    if (failure) {
      failure.times--;
      return { status: failure.status, body: { code: failure.code, msg: 'injected failure' } };
    }

    const docs = this.handleDocuments(method, path, u.searchParams, body as Record<string, unknown>, multipart) ?? this.handlePermissions(method, path, u.searchParams, body as Record<string, unknown>) ?? this.handleComments(method, path, u.searchParams, body as Record<string, unknown>);
    if (docs) return docs;
    if (path === '/open-apis/auth/v3/tenant_access_token/internal') return { status: 200, body: { code: 0, msg: 'ok', tenant_access_token: 't-fake-token', expire: 7200 } };
    if (path === '/callback/ws/endpoint' && this.wss) {
      return { status: 200, body: { code: 0, msg: 'ok', data: { URL: this.wsUrl, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 } } } };
    }
    if (path === '/open-apis/bot/v3/info') return { status: 200, body: { code: 0, msg: 'ok', bot: { open_id: this.botOpenId, app_name: '笔杆子' } } };
    const b = body as Record<string, unknown>;

    let m = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(path);
    if (m && method === 'POST') return { status: 200, body: ok(this.post({ parent_id: m[1]!, msg_type: String(b.msg_type), content: String(b.content), reply_in_thread: Boolean(b.reply_in_thread), uuid: b.uuid as string | undefined })) };
    if (path === '/open-apis/im/v1/messages' && method === 'POST') return { status: 200, body: ok(this.post({ receive_id: String(b.receive_id), msg_type: String(b.msg_type), content: String(b.content), uuid: b.uuid as string | undefined })) };
    m = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (m && method === 'PATCH') {
      const msg = this.messages.find((x) => x.message_id === m![1]);
      if (!msg) return { status: 400, body: { code: 230001, msg: 'message not found' } };
      msg.content = String(b.content);
      return { status: 200, body: ok() };
    }
    m = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reactions$/.exec(path);
    if (m && method === 'POST') {
      const emoji = (b.reaction_type as { emoji_type?: string })?.emoji_type ?? '';
      this.reactions.push({ message_id: m[1]!, emoji });
      return { status: 200, body: ok({ reaction_id: this.newId('r_') }) };
    }
    if (path === '/open-apis/im/v1/files' && method === 'POST') {
      const file = multipart?.file;
      if (!file) return { status: 400, body: { code: 234001, msg: 'no file' } };
      const fileKey = this.newId('file_v3_');
      this.files.set(fileKey, { name: multipart?.file_name?.data.toString('utf8') ?? file.filename ?? 'file', data: file.data });
      return { status: 200, body: ok({ file_key: fileKey }) };
    }

    m = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      if (this.refuseContact) return { status: 400, body: { code: 99991672, msg: 'Access denied. One of the following scopes is required: [contact:user.department:readonly, contact:contact:readonly_as_app]. 应用尚未开通所需的应用身份权限' } };
      const id = decodeURIComponent(m[1]!);
      const depts = this.departments.get(id);
      // A user outside the app's contact range, as Feishu answers it.
      if (!depts) return { status: 400, body: { code: 41050, msg: 'no user authority error' } };
      return { status: 200, body: ok({ user: { open_id: id, department_ids: depts } }) };
    }

    const tasks = this.taskApi.handle(method, path, b);
    if (tasks) return tasks;
    const tables = this.tableApi.handle(method, path, u.searchParams, b);
    if (tables) return tables;

    if (path.startsWith('/open-apis/cardkit/') && this.refuseCardKit) return { status: 400, body: { code: 99991672, msg: 'Access denied: cardkit:card:write' } };
    if (path === '/open-apis/cardkit/v1/cards' && method === 'POST') {
      const json = JSON.parse(String(b.data)) as Record<string, unknown>;
      const id = this.newId('card_');
      this.cards.set(id, { json, markdown: markdownOf(json), streaming: Boolean((json.config as { streaming_mode?: boolean })?.streaming_mode), lastSequence: 0, updates: 0 });
      return { status: 200, body: ok({ card_id: id }) };
    }
    m = /^\/open-apis\/cardkit\/v1\/cards\/([^/]+)(\/elements\/([^/]+)\/content)?$/.exec(path);
    if (m) {
      const card = this.cards.get(m[1]!);
      if (!card) return { status: 400, body: { code: 300309, msg: 'card not found' } };
      const seq = Number(b.sequence);
      if (!(seq > card.lastSequence)) return { status: 400, body: { code: 300317, msg: 'sequence must increase' } };
      card.lastSequence = seq;
      card.updates++;
      if (m[2] && method === 'PUT') {
        if (!card.streaming) return { status: 400, body: { code: 200850, msg: 'card is not in streaming mode' } };
        card.markdown = String(b.content);
        return { status: 200, body: ok() };
      }
      if (method === 'PUT') {
        const json = JSON.parse(String((b.card as { data: string }).data)) as Record<string, unknown>;
        card.json = json;
        card.markdown = markdownOf(json);
        card.streaming = Boolean((json.config as { streaming_mode?: boolean })?.streaming_mode);
        return { status: 200, body: ok() };
      }
    }
    return { status: 404, body: { code: 404, msg: `fake feishu: no route ${key}` } };
  }

  // ── Cloud-doc comments (Drive v1 file comments, docs/REVIEW.md) ──

  /**
   * Comments by file token, in the shape GET /drive/v1/files/:token/comments returns them (a
   * comment's first reply is its text). Replies the app posts are appended to reply_list.
   */
  readonly driveComments = new Map<string, Array<{ comment_id: string; is_solved: boolean; is_whole: boolean; reply_list: { replies: unknown[] } }>>();
  /** Files whose comments the app may not read or answer: 403 / 1069303 (no comment permission). */
  readonly commentDenied = new Set<string>();
  /** Seconds stamped on replies the app posts (a fixed clock: tests never depend on the day). */
  commentClock = 1_783_000_000;
  /** Replies the app posted, in order. */
  readonly commentReplies: Array<{ fileToken: string; commentId: string; text: string }> = [];
  /** Replies the app deleted (DELETE …/replies/:reply_id), in order. */
  readonly deletedReplies: Array<{ fileToken: string; commentId: string; replyId: string }> = [];

  /** The texts of the app's own replies now under a comment (what a reader of the thread sees). */
  botRepliesOn(fileToken: string, commentId: string): string[] {
    const comment = this.driveComments.get(fileToken)?.find((c) => c.comment_id === commentId);
    const mine = (comment?.reply_list.replies ?? []) as Array<{ user_id: string; content: { elements: Array<{ text_run?: { text?: string } }> } }>;
    return mine.filter((r) => r.user_id === this.botOpenId).map((r) => r.content.elements.map((e) => e.text_run?.text ?? '').join(''));
  }

  private handleComments(method: string, path: string, q: URLSearchParams, b: Record<string, unknown>): { status: number; body: unknown } | undefined {
    const m = /^\/open-apis\/drive\/v1\/files\/([^/]+)\/comments(?:\/([^/]+)\/replies(?:\/([^/]+))?)?$/.exec(path);
    if (!m) return undefined;
    const token = decodeURIComponent(m[1]!);
    if (!q.get('file_type')) return { status: 400, body: { code: 1069302, msg: 'param error' } };
    if (this.commentDenied.has(token)) return { status: 403, body: { code: 1069303, msg: 'forbidden' } };
    const list = this.driveComments.get(token);
    if (!list) return { status: 404, body: { code: 1069307, msg: 'not exist' } };
    const page = <T,>(items: T[], max: number) => {
      const size = Math.min(Number(q.get('page_size') ?? 50) || 50, max);
      const from = Number(q.get('page_token') ?? 0) || 0;
      const slice = items.slice(from, from + size);
      const more = from + size < items.length;
      return { items: slice, has_more: more, ...(more ? { page_token: String(from + size) } : {}) };
    };
    if (!m[2] && method === 'GET') {
      // Both filters default to false, as documented: pass them to get what you mean.
      const solved = q.get('is_solved') === 'true';
      const whole = q.get('is_whole') === 'true';
      const wanted = list.filter((c) => c.is_solved === solved && (q.has('is_whole') ? c.is_whole === whole : true));
      return { status: 200, body: ok(page(wanted, 100)) };
    }
    const comment = list.find((c) => c.comment_id === decodeURIComponent(m[2] ?? ''));
    if (!comment) return { status: 404, body: { code: 1069307, msg: 'not exist' } };
    if (m[3]) {
      if (method !== 'DELETE') return undefined;
      // Only a reply's author may delete it: the app's own replies, not the leader's (docs/REVIEW.md).
      const replies = comment.reply_list.replies as Array<{ reply_id: string; user_id: string }>;
      const at = replies.findIndex((r) => r.reply_id === decodeURIComponent(m[3]!));
      if (at < 0) return { status: 404, body: { code: 1069305, msg: 'not exist' } };
      if (replies[at]!.user_id !== this.botOpenId) return { status: 403, body: { code: 1069303, msg: 'forbidden' } };
      replies.splice(at, 1);
      this.deletedReplies.push({ fileToken: token, commentId: comment.comment_id, replyId: decodeURIComponent(m[3]) });
      return { status: 200, body: ok({}) };
    }
    if (method === 'GET') return { status: 200, body: ok(page(comment.reply_list.replies, 100)) };
    if (method === 'POST') {
      const elements = ((b.content as { elements?: Array<{ type?: string; text_run?: { text?: string } }> })?.elements) ?? [];
      const text = elements.map((e) => e.text_run?.text ?? '').join('');
      if (!elements.length || elements.length > 100 || text.length > 10_000) return { status: 400, body: { code: 1069302, msg: 'param error' } };
      const reply = { reply_id: this.newId('7'), user_id: this.botOpenId, create_time: this.commentClock, update_time: this.commentClock++, content: { elements } };
      comment.reply_list.replies.push(reply);
      this.commentReplies.push({ fileToken: token, commentId: comment.comment_id, text });
      return { status: 200, body: ok(reply) };
    }
    return undefined;
  }

  // ── The writer's documents: message resources, quoted messages, wiki/docx, drive import and permissions ──

  /** Files users sent, by file_key: served by GET /im/v1/messages/:id/resources/:key. */
  readonly userFiles = new Map<string, { messageId: string; name: string; data: Buffer }>();
  /** Messages users sent, by message_id: served by GET /im/v1/messages/:id. */
  readonly userMessages = new Map<string, { msg_type: string; content: string; chat_id: string }>();
  /** Cloud docs (docx) by document_id, and wiki nodes by node token. */
  readonly docs = new Map<string, { title: string; content: string }>();
  readonly wikiNodes = new Map<string, { obj_type: string; obj_token: string; title: string }>();
  /** A document's blocks (GET /docx/v1/documents/:id/blocks, paged by 2 to exercise paging); else made from its content's lines. */
  readonly docBlocks = new Map<string, unknown[]>();
  /** Documents the app may read but not edit: an edit (PATCH a block, batch_update) answers 403 / 1770032. */
  readonly editDenied = new Set<string>();
  /** Every block edit applied, in order (what a test checks was written, and how often). */
  readonly blockEdits: Array<{ documentId: string; blockId: string; elements: unknown[]; revision: number }> = [];
  private revisions = new Map<string, number>();
  private clientTokens = new Map<string, unknown>();

  /** A document's revision_id: 1 when created, one more for every edit (comments bump it too in Feishu; here only edits). */
  revisionOf(documentId: string): number {
    return this.revisions.get(documentId) ?? 1;
  }

  /**
   * PATCH …/blocks/:block_id and …/blocks/batch_update, in Feishu's documented shapes and refusals: 403 /
   * 1770032 without edit permission; 400 / 1770001 for a request without update_text_elements, an element
   * with no (or more than one) kind, or more than 200 requests; 1770019 for a block twice; 404 / 1770002 for
   * a block not in the document; 1770021 for a document_revision_id more than 1000 behind. The block's
   * element list is replaced whole; a client_token seen before returns its first answer without editing again.
   */
  private editBlocks(documentId: string, requests: unknown[] | undefined, q: URLSearchParams, batch: boolean): { status: number; body: unknown } {
    if (this.deniedDocs.has(documentId) || this.editDenied.has(documentId)) return { status: 403, body: { code: 1770032, msg: 'forBidden' } };
    const doc = this.docs.get(documentId);
    if (!doc) return { status: 404, body: { code: 1770002, msg: 'not found' } };
    const token = q.get('client_token');
    if (token && this.clientTokens.has(`${documentId}:${token}`)) return { status: 200, body: ok(this.clientTokens.get(`${documentId}:${token}`)) };
    const rev = Number(q.get('document_revision_id') ?? -1);
    if (rev !== -1 && this.revisionOf(documentId) - rev > 1000) return { status: 400, body: { code: 1770021, msg: 'document revision too old' } };
    const list = requests ?? [];
    if (!list.length || list.length > 200) return { status: 400, body: { code: 1770001, msg: 'invalid param' } };
    const ids = list.map((r) => (r as { block_id?: string }).block_id);
    if (new Set(ids).size !== ids.length) return { status: 400, body: { code: 1770019, msg: 'repeated block id' } };
    const KINDS = ['text_run', 'mention_user', 'mention_doc', 'reminder', 'file', 'inline_block', 'equation', 'link_preview'];
    if (!this.docBlocks.has(documentId)) {
      this.docBlocks.set(documentId, [{ block_id: documentId, block_type: 1, page: { elements: [{ text_run: { content: doc.title } }] } }, ...doc.content.split('\n').map((t, i) => ({ block_id: `doxcn${i}`, block_type: 2, text: { elements: [{ text_run: { content: t } }] } }))]);
    }
    const blocks = this.docBlocks.get(documentId) as Array<Record<string, unknown> & { block_id: string }>;
    const planned: Array<{ block: Record<string, unknown>; key: string; elements: unknown[] }> = [];
    for (const r of list as Array<{ block_id?: string; update_text_elements?: { elements?: unknown[] } }>) {
      const block = blocks.find((x) => x.block_id === r.block_id);
      if (!block) return { status: 404, body: { code: 1770002, msg: 'block not found' } };
      const elements = r.update_text_elements?.elements;
      const key = Object.keys(block).find((k) => typeof block[k] === 'object' && block[k] !== null && 'elements' in (block[k]));
      if (!elements || !key) return { status: 400, body: { code: 1770001, msg: 'invalid param' } };
      for (const e of elements) {
        const kinds = Object.keys(e as object).filter((k) => KINDS.includes(k));
        if (kinds.length !== 1 || Object.keys(e as object).length !== 1) return { status: 400, body: { code: 1770001, msg: 'invalid param: text element' } };
        const run = (e as { text_run?: { content?: unknown } }).text_run;
        if (run && typeof run.content !== 'string') return { status: 400, body: { code: 1770001, msg: 'invalid param: text_run.content' } };
      }
      planned.push({ block, key, elements });
    }
    // All or nothing, like Feishu's batch: nothing is written until every request is valid.
    const revision = this.revisionOf(documentId) + 1;
    this.revisions.set(documentId, revision);
    for (const p of planned) {
      p.block[p.key] = { ...(p.block[p.key] as object), elements: structuredClone(p.elements) };
      this.blockEdits.push({ documentId, blockId: String(p.block.block_id), elements: structuredClone(p.elements), revision });
    }
    // Keep raw_content in step with the blocks (the page block is the title).
    doc.content = blocks.filter((x) => x.block_type !== 1).map((x) => {
      const k = Object.keys(x).find((kk) => typeof x[kk] === 'object' && x[kk] !== null && 'elements' in (x[kk]));
      return k ? ((x[k] as { elements: Array<{ text_run?: { content?: string }; mention_doc?: { title?: string } }> }).elements).map((e) => e.text_run?.content ?? e.mention_doc?.title ?? '').join('') : '';
    }).join('\n');
    const data = batch
      ? { blocks: planned.map((p) => structuredClone(p.block)), document_revision_id: revision, ...(token ? { client_token: token } : {}) }
      : { block: structuredClone(planned[0]!.block), document_revision_id: revision, ...(token ? { client_token: token } : {}) };
    if (token) this.clientTokens.set(`${documentId}:${token}`, data);
    return { status: 200, body: ok(data) };
  }

  /** Documents the app was not added to: raw_content answers 403 / 1770032. */
  readonly deniedDocs = new Set<string>();
  /** Files uploaded to drive (upload_all) by file_token, import tasks by ticket, and granted members. */
  readonly driveUploads = new Map<string, { name: string; parentType: string; extra: string; data: Buffer }>();
  readonly importTasks = new Map<string, { fileToken: string; polls: number; fileName: string }>();
  readonly permissionMembers: Array<{ token: string; type: string; member_type: string; member_id: string; perm: string }> = [];
  /** Make import tasks end in failure (job_status 3), as Feishu does for a file it cannot convert. */
  failImports = false;
  /**
   * Who may read each cloud doc or wiki node (by token), as the permission APIs report it:
   * link_share_entity, owner open_id, collaborators. Unset: link sharing closed, an owner who is
   * nobody in the tests, no collaborators. A token in deniedDocs answers 403 / 1063002.
   */
  readonly docAccess = new Map<string, { linkShare?: string; owner?: string; members?: Array<{ member_type: string; member_id: string; perm: string; type?: string }> }>();
  /** Members (open_ids) of chats the bot is in, served by GET /im/v1/chats/:id/members, 2 a page. */
  readonly chatMembers = new Map<string, string[]>();
  private docSeq = 0;

  /** A file a user sent, in `chatId` (by default the group chat the test events come from). */
  addUserFile(messageId: string, name: string, data: Buffer, chatId = 'oc_group_chat_0001'): string {
    const key = `file_v3_00${(++this.docSeq).toString(16).padStart(6, '0')}_fake`;
    this.userFiles.set(key, { messageId, name, data });
    this.userMessages.set(messageId, { msg_type: 'file', content: JSON.stringify({ file_key: key, file_name: name }), chat_id: chatId });
    return key;
  }

  /** Sub-messages of merge-forwards, by the forward's id: GET /im/v1/messages/:id returns them after it (upper_message_id set). */
  readonly forwardChildren = new Map<string, Array<{ message_id: string; msg_type: string; content: string; create_time: string }>>();

  addUserMessage(messageId: string, msgType: string, content: object, chatId = 'oc_group_chat_0001'): void {
    this.userMessages.set(messageId, { msg_type: msgType, content: JSON.stringify(content), chat_id: chatId });
  }

  /**
   * The permission APIs (drive v2 public settings, v1 collaborators, v1 metas) and chat members,
   * in Feishu's documented shapes and refusals: 403 / 1063002 when the app may not see a
   * document's permissions, 400 / 1063001 for a token that does not exist, failed_list codes
   * 970003 / 970005 in metas.
   */
  private handlePermissions(method: string, path: string, q: URLSearchParams, b: Record<string, unknown>): { status: number; body: unknown } | undefined {
    const known = (token: string) => this.docs.has(token) || this.wikiNodes.has(token) || this.tableApi.bitables.has(token) || this.tableApi.spreadsheets.has(token);
    const access = (token: string) => this.docAccess.get(token) ?? {};
    let m = /^\/open-apis\/drive\/v2\/permissions\/([^/]+)\/public$/.exec(path);
    if (m && method === 'GET') {
      const token = decodeURIComponent(m[1]!);
      if (!q.get('type')) return { status: 400, body: { code: 1063001, msg: 'Invalid parameter' } };
      if (this.deniedDocs.has(token)) return { status: 403, body: { code: 1063002, msg: 'Permission denied' } };
      if (!known(token)) return { status: 400, body: { code: 1063001, msg: 'Invalid parameter' } };
      return { status: 200, body: ok({ permission_public: { external_access_entity: 'closed', security_entity: 'anyone_can_view', comment_entity: 'anyone_can_view', share_entity: 'anyone', manage_collaborator_entity: 'collaborator_can_view', link_share_entity: access(token).linkShare ?? 'closed', copy_entity: 'anyone_can_view', lock_switch: false } }) };
    }
    m = /^\/open-apis\/drive\/v1\/permissions\/([^/]+)\/members$/.exec(path);
    if (m && method === 'GET') {
      const token = decodeURIComponent(m[1]!);
      if (this.deniedDocs.has(token)) return { status: 403, body: { code: 1063002, msg: 'Permission denied' } };
      if (!known(token)) return { status: 400, body: { code: 1063001, msg: 'Invalid parameter' } };
      return { status: 200, body: ok({ items: (access(token).members ?? []).map((x) => ({ perm_type: 'container', type: x.member_type === 'openchat' ? 'chat' : 'user', ...x })) }) };
    }
    if (path === '/open-apis/drive/v1/metas/batch_query' && method === 'POST') {
      const docs = (b.request_docs as Array<{ doc_token: string; doc_type: string }> | undefined) ?? [];
      const metas = docs.filter((d) => known(d.doc_token) && !this.deniedDocs.has(d.doc_token)).map((d) => ({
        doc_token: d.doc_token, doc_type: d.doc_type, title: this.docs.get(d.doc_token)?.title ?? this.wikiNodes.get(d.doc_token)?.title ?? '', owner_id: access(d.doc_token).owner ?? 'ou_owner_not_in_these_tests_000001',
        create_time: '1735689600', latest_modify_user: access(d.doc_token).owner ?? 'ou_owner_not_in_these_tests_000001', latest_modify_time: '1735689600',
      }));
      const failed = docs.filter((d) => !known(d.doc_token) || this.deniedDocs.has(d.doc_token)).map((d) => ({ token: d.doc_token, code: this.deniedDocs.has(d.doc_token) ? 970003 : 970005 }));
      return { status: 200, body: ok({ metas, failed_list: failed }) };
    }
    m = /^\/open-apis\/im\/v1\/chats\/([^/]+)\/members$/.exec(path);
    if (m && method === 'GET') {
      const members = this.chatMembers.get(decodeURIComponent(m[1]!));
      // The bot is not in the chat (code as the chat APIs use it; not checked against a live tenant).
      if (!members) return { status: 400, body: { code: 232011, msg: 'Operator can NOT be out of the chat.' } };
      const from = Number(q.get('page_token') ?? 0);
      const page = members.slice(from, from + 2);
      const more = from + 2 < members.length;
      return { status: 200, body: ok({ items: page.map((id) => ({ member_id_type: 'open_id', member_id: id, name: '同事', tenant_key: 'tenant_test' })), page_token: more ? String(from + 2) : '', has_more: more, member_total: members.length }) };
    }
    return undefined;
  }

  private handleDocuments(method: string, path: string, q: URLSearchParams, b: Record<string, unknown>, multipart?: ReturnType<typeof parseMultipart>): { status: number; body: unknown } | undefined {
    let m = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const f = this.userFiles.get(m[2]!);
      if (q.get('type') !== 'file' && q.get('type') !== 'image') return { status: 400, body: { code: 234001, msg: 'Invalid request param: type' } };
      if (!f || f.messageId !== m[1]) return { status: 400, body: { code: 234003, msg: 'File not in msg.' } };
      return { status: 200, body: f.data };
    }
    m = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const msg = this.userMessages.get(m[1]!);
      if (!msg) return { status: 400, body: { code: 230001, msg: 'message not found' } };
      const children = (this.forwardChildren.get(m[1]!) ?? []).map((x) => ({ message_id: x.message_id, msg_type: x.msg_type, create_time: x.create_time, upper_message_id: m![1], deleted: false, updated: false, sender: { id: 'ou_original_sender', id_type: 'open_id', sender_type: 'user' }, body: { content: x.content } }));
      return { status: 200, body: ok({ items: [{ message_id: m[1], msg_type: msg.msg_type, chat_id: msg.chat_id, deleted: false, updated: false, sender: { id: 'ou_someone', id_type: 'open_id', sender_type: 'user' }, body: { content: msg.content } }, ...children] }) };
    }
    if (path === '/open-apis/wiki/v2/spaces/get_node' && method === 'GET') {
      const node = this.wikiNodes.get(q.get('token') ?? '');
      if (!node) return { status: 400, body: { code: 131005, msg: 'not found' } };
      if (this.deniedDocs.has(q.get('token')!)) return { status: 400, body: { code: 131006, msg: 'permission denied' } };
      return { status: 200, body: ok({ node: { space_id: '7000000000000000001', node_token: q.get('token'), obj_token: node.obj_token, obj_type: node.obj_type, title: node.title, has_child: false } }) };
    }
    m = /^\/open-apis\/docx\/v1\/documents\/([^/]+)\/blocks$/.exec(path);
    if (m && method === 'GET') {
      if (this.deniedDocs.has(m[1]!)) return { status: 403, body: { code: 1770032, msg: 'forBidden' } };
      const doc = this.docs.get(m[1]!);
      const blocks = this.docBlocks.get(m[1]!) ?? (doc ? [{ block_id: m[1], block_type: 1, page: { elements: [{ text_run: { content: doc.title } }] } }, ...doc.content.split('\n').map((t, i) => ({ block_id: `doxcn${i}`, block_type: 2, text: { elements: [{ text_run: { content: t } }] } }))] : undefined);
      if (!blocks) return { status: 404, body: { code: 1770002, msg: 'not found' } };
      const size = Math.min(Number(q.get('page_size') ?? 500) || 500, 2);
      const from = Number(q.get('page_token') ?? 0) || 0;
      const more = from + size < blocks.length;
      return { status: 200, body: ok({ items: blocks.slice(from, from + size), has_more: more, ...(more ? { page_token: String(from + size) } : {}) }) };
    }
    m = /^\/open-apis\/docx\/v1\/documents\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      if (this.deniedDocs.has(m[1]!)) return { status: 403, body: { code: 1770032, msg: 'forBidden' } };
      const doc = this.docs.get(m[1]!);
      if (!doc) return { status: 404, body: { code: 1770002, msg: 'not found' } };
      return { status: 200, body: ok({ document: { document_id: m[1], revision_id: this.revisionOf(m[1]!), title: doc.title, display_setting: { show_authors: true, show_create_time: false, show_pv: false, show_uv: false, show_like_count: false, show_comment_count: false, show_related_matters: false } } }) };
    }
    m = /^\/open-apis\/docx\/v1\/documents\/([^/]+)\/blocks\/([^/]+)$/.exec(path);
    if (m && method === 'PATCH') return this.editBlocks(m[1]!, m[2] === 'batch_update' ? (b.requests as unknown[] | undefined) : [{ ...b, block_id: decodeURIComponent(m[2]!) }], q, m[2] === 'batch_update');
    m = /^\/open-apis\/docx\/v1\/documents\/([^/]+)\/raw_content$/.exec(path);
    if (m && method === 'GET') {
      if (this.deniedDocs.has(m[1]!)) return { status: 403, body: { code: 1770032, msg: 'forBidden' } };
      const doc = this.docs.get(m[1]!);
      if (!doc) return { status: 404, body: { code: 1770002, msg: 'not found' } };
      return { status: 200, body: ok({ content: doc.content }) };
    }
    if (path === '/open-apis/drive/v1/medias/upload_all' && method === 'POST') {
      const file = multipart?.file;
      const field = (k: string) => multipart?.[k]?.data.toString('utf8') ?? '';
      if (!file) return { status: 400, body: { code: 1061002, msg: 'params error.' } };
      if (Number(field('size')) !== file.data.length) return { status: 400, body: { code: 1062009, msg: 'the actual size is inconsistent with the parameter declaration size.' } };
      const token = `boxcn${(++this.docSeq).toString(16).padStart(8, '0')}fake`;
      this.driveUploads.set(token, { name: field('file_name'), parentType: field('parent_type'), extra: field('extra'), data: file.data });
      return { status: 200, body: ok({ file_token: token }) };
    }
    if (path === '/open-apis/drive/v1/import_tasks' && method === 'POST') {
      const upload = this.driveUploads.get(String(b.file_token));
      // Documented codes of the import API: 1069907 file token not found (404), 1069914 invalid file token (400).
      if (!upload) return { status: 404, body: { code: 1069907, msg: 'file token not found' } };
      if (upload.parentType !== 'ccm_import_open') return { status: 400, body: { code: 1069914, msg: 'invalid file token' } };
      const ticket = `72${(++this.docSeq).toString().padStart(17, '0')}`;
      this.importTasks.set(ticket, { fileToken: String(b.file_token), polls: 0, fileName: typeof b.file_name === 'string' ? b.file_name : upload.name });
      return { status: 200, body: ok({ ticket }) };
    }
    m = /^\/open-apis\/drive\/v1\/import_tasks\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const task = this.importTasks.get(m[1]!);
      // An unknown ticket: the docs list no code for it; 1069914 (invalid token) is the nearest documented one.
      if (!task) return { status: 400, body: { code: 1069914, msg: 'invalid file token' } };
      // First poll: still processing, as real imports are.
      if (task.polls++ === 0) return { status: 200, body: ok({ result: { ticket: m[1], type: 'docx', job_status: 2, job_error_msg: '', token: '', url: '', extra: [] } }) };
      // job_status 129: the file is damaged (one of the documented failure states).
      if (this.failImports) return { status: 200, body: ok({ result: { ticket: m[1], type: 'docx', job_status: 129, job_error_msg: 'file format damaged', token: '', url: '', extra: [] } }) };
      const token = `Fake${task.fileToken.slice(5, 13)}DocxToken`;
      return { status: 200, body: ok({ result: { ticket: m[1], type: 'docx', job_status: 0, job_error_msg: 'success', token, url: `https://fake.feishu.cn/docx/${token}`, extra: [] } }) };
    }
    m = /^\/open-apis\/drive\/v1\/permissions\/([^/]+)\/members$/.exec(path);
    if (m && method === 'POST') {
      const member = { token: m[1]!, type: q.get('type') ?? '', member_type: String(b.member_type), member_id: String(b.member_id), perm: String(b.perm) };
      this.permissionMembers.push(member);
      return { status: 200, body: ok({ member: { member_type: member.member_type, member_id: member.member_id, perm: member.perm } }) };
    }
    return undefined;
  }

  private post(m: Omit<FakeMessage, 'message_id'>): { message_id: string; thread_id: string } {
    // Feishu: the same uuid within an hour yields the same message, not a second one.
    const prior = m.uuid ? this.byUuid.get(m.uuid) : undefined;
    if (prior) return { message_id: prior.message_id, thread_id: 'omt_fake' };
    const msg: FakeMessage = { ...m, message_id: this.newId('om_') };
    if (m.msg_type === 'file') {
      const key = (JSON.parse(m.content) as { file_key?: string }).file_key;
      const f = key ? this.files.get(key) : undefined;
      if (f) msg.file = f;
    }
    this.messages.push(msg);
    if (m.uuid) this.byUuid.set(m.uuid, msg);
    return { message_id: msg.message_id, thread_id: 'omt_fake' };
  }
}
