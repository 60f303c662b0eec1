/**
 * The one table of Feishu Open API error codes: what each means to us, whether another attempt can
 * help, and which user sentence (DOC_TEXTS key, core/document-texts.ts) answers it. Nothing else in
 * src/ interprets a Feishu code; HTTP statuses without a known code fall back to `fromStatus`.
 * Sources: open.feishu.cn server-docs (generic error codes, the IM, CardKit, docx, wiki, drive and
 * task v2 pages) as /work/shared/design/feishu-facts.md records them.
 */

/** What an error means to the code that meets it. */
export type FeishuErrorKind =
  /** Throttled: wait for `x-ogw-ratelimit-reset`, then try again. */
  | 'rate-limited'
  /** Feishu's side failed or was busy: another attempt may pass. */
  | 'server'
  /** The app lacks a scope (the admin grants it). */
  | 'no-scope'
  /** The app (or its token) may not read this resource. */
  | 'no-access'
  /** Gone or never there. */
  | 'not-found'
  /** CardKit is not available to this app: patch a plain card instead. */
  | 'cardkit-refused'
  /** The chat cannot have threads: reply without `reply_in_thread`. */
  | 'no-thread'
  /** Any other refusal: another attempt cannot help. */
  | 'refused';

export interface FeishuCode {
  kind: FeishuErrorKind;
  meaning: string;
  /** The DOC_TEXTS sentence that answers the writer, where one does. */
  sentence?: 'missingScope' | 'docNoAccess' | 'notFound';
}

const c = (kind: FeishuErrorKind, meaning: string, sentence?: FeishuCode['sentence']): FeishuCode => ({ kind, meaning, ...(sentence ? { sentence } : {}) });

export const FEISHU_CODES: ReadonlyMap<number, FeishuCode> = new Map([
  [99991400, c('rate-limited', 'request trigger frequency limit (x-ogw-ratelimit-reset says when)')],
  [230020, c('rate-limited', 'message service: per-chat frequency limit')],
  [11232, c('rate-limited', 'message service: tenant frequency limit')],
  [230071, c('no-thread', 'this chat does not support replying in a thread')],
  [99991672, c('no-scope', 'app scope not granted (tenant token)', 'missingScope')],
  [99991679, c('no-scope', 'app scope not granted (user token)', 'missingScope')],
  [1061073, c('no-scope', 'drive medias/upload_all: no scope auth', 'missingScope')],
  [1470403, c('no-scope', 'task v2: no permission to use tasks', 'missingScope')],
  // The same code on a read (raw_content, blocks) and on an edit (blocks batch_update, PATCH a block): the
  // review loop's in-place edit answers it with the edit permission to grant (docs/REVIEW.md).
  [1770032, c('no-access', 'docx: forbidden (no permission to read, or to edit, this document)', 'docNoAccess')],
  [1770001, c('refused', 'docx: invalid parameter')],
  [1770019, c('refused', 'docx batch_update: the same block id twice in one request')],
  [1770021, c('refused', 'docx edit: document_revision_id older than the latest by more than 1000')],
  [1770024, c('refused', 'docx edit: invalid operation on this block')],
  [1770033, c('refused', 'docx edit: text longer than 10,485,760 characters')],
  [131006, c('no-access', 'wiki get_node: no permission to this node', 'docNoAccess')],
  [1063002, c('no-access', 'drive permission: the app may not see this setting', 'docNoAccess')],
  [970003, c('no-access', 'drive metas batch_query: the app may not see this document', 'docNoAccess')],
  [1069303, c('no-access', 'drive file comments: no permission (document not shared with the app, or no comment scope)')],
  [1069304, c('not-found', 'drive file comments: document deleted', 'notFound')],
  [1069305, c('not-found', 'drive file comments: comment or reply does not exist')],
  [1069307, c('not-found', 'drive file comments: comment or document not found', 'notFound')],
  [1069302, c('refused', 'drive file comments: bad parameter')],
  [1254302, c('no-access', 'bitable: the app has no permission to this base (or its advanced permissions)')],
  [1254303, c('no-access', 'bitable: no permission to this table')],
  [91403, c('no-access', 'sheets: no permission to this spreadsheet')],
  [1254040, c('not-found', 'bitable: base not found')],
  [1254041, c('not-found', 'bitable: table not found')],
  [1254003, c('not-found', 'bitable: wrong app token')],
  [1254004, c('not-found', 'bitable: wrong table id')],
  [91402, c('not-found', 'sheets: spreadsheet not found')],
  [1254607, c('server', 'bitable: data not ready, try again')],
  [1770002, c('not-found', 'docx: document not found', 'notFound')],
  [1770003, c('not-found', 'docx: document deleted', 'notFound')],
  [131005, c('not-found', 'wiki: node not found', 'notFound')],
  [970005, c('not-found', 'drive metas batch_query: no such document', 'notFound')],
  [1470404, c('not-found', 'task v2: the task is gone')],
  [99991663, c('cardkit-refused', 'CardKit: tenant token invalid for cardkit')],
  [200340, c('cardkit-refused', 'CardKit: feature not enabled')],
  [300340, c('cardkit-refused', 'CardKit: feature not enabled')],
  [10003, c('cardkit-refused', 'CardKit: invalid parameter from an app without CardKit')],
]);

/** What an HTTP status without a code we know means. */
function fromStatus(status: number | undefined): FeishuErrorKind {
  if (status === undefined) return 'server';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  if (status === 403) return 'no-access';
  if (status === 404) return 'not-found';
  return 'refused';
}

/** The kind of a Feishu error from its code (first) and HTTP status; no answer at all is a network failure (retryable). */
export function feishuErrorKind(code: number | undefined, status: number | undefined): FeishuErrorKind {
  const known = code !== undefined ? FEISHU_CODES.get(code) : undefined;
  if (known) return known.kind;
  // A code we do not know in a 200 answer is a refusal; no answer at all is a network failure.
  if (code !== undefined && status === undefined) return 'refused';
  return fromStatus(status);
}

/** Only throttling and Feishu's own failures may pass on another attempt. */
export const retryableKind = (k: FeishuErrorKind): boolean => k === 'rate-limited' || k === 'server';

/** The cap on how long a retry waits for a rate limit to reset, whatever the header says. */
export const MAX_RATE_LIMIT_WAIT_MS = 120_000;

/** `x-ogw-ratelimit-reset` (seconds until the limit resets) → ms to wait, bounded; undefined without the header. */
export function rateLimitWait(headers: Record<string, unknown> | undefined): number | undefined {
  const raw = headers?.['x-ogw-ratelimit-reset'];
  const s = Number(Array.isArray(raw) ? raw[0] : raw);
  if (!Number.isFinite(s) || s < 0) return undefined;
  return Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.ceil(s * 1000));
}
