/**
 * Pure mappers from Feishu's read APIs to the one fact model (issue 23 item 3, the API half):
 * 飞书电子表格 (sheets v3 query + v2 values), 多维表格 (bitable v1 fields + records/search)
 * and Feishu OCR (optical_char_recognition v1 basic_recognize). Shapes as documented; the
 * paths and scopes are in docs/MATERIAL.md. The transport that calls them comes with the
 * gateway refactor.
 */
import { DocumentError } from '../core/errors.js';
import type { SourcedFact } from '../report/material/facts.js';
import { rowText, shapeSheet, type LedgerRow, type LedgerSheet } from './ledger.js';

// ---- 飞书电子表格 ----

/** One sheet of `GET /sheets/v3/spreadsheets/:token/sheets/query` → data.sheets[]. */
export interface SheetMeta {
  sheet_id: string;
  title: string;
  hidden?: boolean;
  /** sheet, bitable or #UNSUPPORTED_TYPE. */
  resource_type?: string;
  grid_properties?: { row_count?: number; column_count?: number };
  merges?: Array<{ start_row_index: number; end_row_index: number; start_column_index: number; end_column_index: number }>;
}

/** `GET /sheets/v2/spreadsheets/:token/values/:range` → data.valueRange. */
export interface ValueRange {
  range: string;
  majorDimension?: 'ROWS' | 'COLUMNS';
  values: unknown[][] | null;
}

/** A cell of the values API: a string or number, null, or rich segments (text, mention, url). */
export function sheetCellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v).replace(/\s+/g, ' ').trim();
  if (Array.isArray(v)) return v.map(sheetCellText).join('');
  const o = v as { text?: unknown; link?: string };
  return o.text !== undefined ? sheetCellText(o.text) : '';
}

/** A1 column letters → 0-based index. */
const colIndex = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/** The first row and column a range starts at (0-based): sheetId!B3:F40 → 2, 1. */
export function rangeStart(range: string): { row: number; col: number } {
  const m = /!([A-Za-z]+)(\d+)?/.exec(range);
  return m ? { row: m[2] ? Number(m[2]) - 1 : 0, col: colIndex(m[1]!) } : { row: 0, col: 0 };
}

/**
 * A sheet's values as a 台账: merged ranges (from the query call, not the values call) take
 * their top-left value, rows keep their number as the writer sees it.
 */
export function sheetToLedger(meta: SheetMeta, values: ValueRange): LedgerSheet {
  const start = rangeStart(values.range);
  const raw = (values.values ?? []).map((r) => (r ?? []).map(sheetCellText));
  const width = Math.max(0, ...raw.map((r) => r.length));
  const grid = raw.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
  for (const m of meta.merges ?? []) {
    const r0 = m.start_row_index - start.row;
    const c0 = m.start_column_index - start.col;
    const master = grid[r0]?.[c0] ?? '';
    for (let r = Math.max(0, r0); r <= m.end_row_index - start.row && r < grid.length; r++) {
      for (let c = Math.max(0, c0); c <= m.end_column_index - start.col && c < width; c++) if (!grid[r]![c]) grid[r]![c] = master;
    }
  }
  const rows: LedgerRow[] = grid.map((cells, k) => ({ row: start.row + k + 1, cells }));
  return shapeSheet(meta.title, rows, width);
}

/** Facts of a 飞书电子表格 sheet, each with its address (spreadsheet · sheet · row). */
export function sheetFacts(spreadsheet: string, sheet: LedgerSheet): SourcedFact[] {
  return sheet.rows
    .map((r) => ({ text: rowText(sheet.headers, r.cells), address: { origin: 'sheet' as const, source: spreadsheet, sheet: sheet.name, row: r.row } }))
    .filter((f) => f.text);
}

// ---- 多维表格 ----

/** `GET /bitable/v1/apps/:app_token/tables/:table_id/fields` → data.items[]. */
export interface BitableField {
  field_id: string;
  field_name: string;
  /** 1 text, 2 number, 3 single select, 4 multi select, 5 date, 7 checkbox, 11 person, 15 url, 1001/1002 created/modified time, 1005 auto number … */
  type: number;
  ui_type?: string;
}

/** `POST …/records/search` → data.items[]. */
export interface BitableRecord {
  record_id: string;
  fields: Record<string, unknown>;
}

const DATE_TYPES = new Set([5, 1001, 1002]);

/** A date field's ms timestamp as the writer's calendar date (China time, no DST). */
function msToDate(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** A bitable cell as text: text segments joined, options listed, dates as dates; people and attachments never (no names inferred). */
export function bitableCellText(v: unknown, field?: BitableField): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && field && DATE_TYPES.has(field.type)) return msToDate(v);
  if (typeof v === 'string' || typeof v === 'number') return String(v).replace(/\s+/g, ' ').trim();
  if (typeof v === 'boolean') return v ? '是' : '';
  if (field?.type === 11 || field?.ui_type === 'User' || field?.type === 17) return '';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : bitableCellText(x))).filter(Boolean).join(typeof v[0] === 'string' ? '、' : '');
  const o = v as { text?: unknown; link?: string; value?: unknown };
  if (o.text !== undefined) return bitableCellText(o.text);
  if (o.value !== undefined) return bitableCellText(o.value, field);
  return '';
}

/** Records of one bitable table as a 台账 sheet; the record id stands in for a row number. */
export function bitableToLedger(table: string, fields: readonly BitableField[], records: readonly BitableRecord[]): { sheet: LedgerSheet; ids: string[] } {
  const shown = fields.filter((f) => f.type !== 11 && f.type !== 17 && f.ui_type !== 'User' && f.ui_type !== 'Attachment');
  const rows = records.map((r, k) => ({ row: k + 1, cells: shown.map((f) => bitableCellText(r.fields[f.field_name], f)) })).filter((r) => r.cells.some(Boolean));
  const ids = records.filter((r) => shown.some((f) => bitableCellText(r.fields[f.field_name], f))).map((r) => r.record_id);
  return { sheet: { name: table, headers: shown.map((f) => f.field_name), rows }, ids };
}

/** Facts of a 多维表格 table, each addressed by base · table · row (the record's place as read), its record id kept. */
export function bitableFacts(base: string, table: string, fields: readonly BitableField[], records: readonly BitableRecord[]): SourcedFact[] {
  const { sheet, ids } = bitableToLedger(table, fields, records);
  return sheet.rows
    .map((r, k) => ({ text: rowText(sheet.headers, r.cells), address: { origin: 'bitable' as const, source: base, sheet: table, row: r.row, record: ids[k]! } }))
    .filter((f) => f.text);
}

/** What the bot says when a table cannot be read (kept with the other document texts in core/). */
export { tableReadError } from '../core/document-texts.js';

// ---- OCR ----

/** Feishu OCR's limit on one image (the doc: under 5 MB; whether raw or base64 is unverified, so base64 is counted). */
export const OCR_MAX_BYTES = 5 * 1024 * 1024;

/** The request body for `POST /optical_char_recognition/v1/image/basic_recognize`, or the answer when the image is too big. */
export function ocrRequest(name: string, image: Buffer): { image: string } {
  const base64 = image.toString('base64');
  if (base64.length >= OCR_MAX_BYTES) {
    throw new DocumentError('too-large', `图片“${name}”有 ${(image.length / 1048576).toFixed(1)} MB，超过了文字识别一次可处理的 5 MB（按编码后计算约 3.7 MB 的原图）。请截取有文字的部分、降低分辨率后再发，或直接把文字粘贴过来。`);
  }
  return { image: base64 };
}

export interface OcrResult {
  name: string;
  lines: string[];
  /** A scanned PDF's: the page of each line (1-based), parallel to `lines`. */
  pages?: number[];
  /** Shown back before use: OCR of a table comes back as loose lines. */
  check: string;
}

const CHECK_END = '核对无误请回复“确认”；有错可以直接发改好的文字。确认前这些内容不会用于起草。';
const clean = (lines: readonly string[]) => lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

/** `data.text_list` of basic_recognize → lines to confirm; nothing is used before the writer confirms. */
export function ocrResult(name: string, response: { data?: { text_list?: string[] } }): OcrResult {
  const lines = clean(response.data?.text_list ?? []);
  const check = lines.length
    ? `识别结果，请核对（图片“${name}”，共 ${lines.length} 行）：\n${lines.map((l, i) => `${i + 1}. ${l}`).join('\n')}\n\n${CHECK_END}`
    : `图片“${name}”里没有识别出文字。请换一张清晰的照片，或直接把文字粘贴过来。`;
  return { name, lines, check };
}

/** One page of a scanned PDF as read: recognised by OCR, its own text layer, or why it was not read. */
export type ScanPageResult =
  | { page: number; lines: string[]; from: 'ocr' | 'text' }
  | { page: number; skipped: 'too-large'; bytes: number }
  | { page: number; skipped: 'blank' }
  /** OCR failed on this page on every attempt (or Feishu refused it): the other pages are shown. */
  | { page: number; skipped: 'failed' };

/** 第2页 / 第2、5页. */
const pageList = (pages: readonly number[]) => `第${pages.join('、')}页`;

/**
 * A scanned PDF's pages → lines to confirm, numbered per page (第N页 · line), with what was not read
 * said in words: a page over the OCR limit, and the pages past the cap.
 */
export function scanResult(name: string, read: readonly ScanPageResult[], total: number, cap: number, stoppedAfter?: number): OcrResult {
  const lines: string[] = [];
  const pages: number[] = [];
  const shown: string[] = [];
  const notes: string[] = [];
  const failed = read.filter((p) => 'skipped' in p && p.skipped === 'failed').map((p) => p.page);
  for (const p of read) {
    if ('skipped' in p) {
      if (p.skipped === 'too-large') notes.push(`第${p.page}页的扫描图片有 ${(p.bytes / 1048576).toFixed(1)} MB，超过了文字识别一次可处理的 5 MB（按编码后计算），没有识别；请降低扫描分辨率（如 200 dpi、黑白）后重新导出这一页再发。`);
      continue;
    }
    const got = clean(p.lines);
    if (!got.length) continue;
    shown.push(`第${p.page}页${p.from === 'text' ? '（文字页，按原文读取）' : ''}：`, ...got.map((l, i) => `${i + 1}. ${l}`));
    for (const l of got) {
      lines.push(l);
      pages.push(p.page);
    }
  }
  const upto = Math.min(total, cap);
  if (stoppedAfter !== undefined && stoppedAfter < upto) notes.push(`这份扫描件的图片较大，读取用时到了上限：只识别了前 ${stoppedAfter} 页，第${stoppedAfter + 1 === upto ? upto : `${stoppedAfter + 1}～${upto}`}页没有识别；请把这些页拆成单独的 PDF（或降低扫描分辨率）再发。`);
  if (total > cap) notes.push(`这份 PDF 共 ${total} 页，扫描件每次只识别前 ${cap} 页，${cap + 1 === total ? `第${total}页` : `第${cap + 1}～${total}页`}没有读取；需要的话，请把后面的页拆成单独的 PDF 再发。`);
  // With lines the result waits on a card whose 重新识别 reads the whole file again; without, nothing waits.
  if (failed.length && lines.length) notes.unshift(`${pageList(failed)}没能识别：飞书文字识别处理${failed.length > 1 ? '这几页' : '这一页'}时一再出错。其他页的结果照常列在上面；要补上${failed.length > 1 ? '这几页' : '这一页'}，请点卡片上的“重新识别”把整份文件再识别一次。`);
  const tail = notes.length ? `\n\n${notes.join('\n')}` : '';
  const check = lines.length
    ? `识别结果，请核对（扫描件“${name}”，识别了 ${(stoppedAfter ?? upto) - failed.length} 页，共 ${lines.length} 行）：\n${shown.join('\n')}${tail}\n\n${CHECK_END}`
    : failed.length
      ? `扫描件“${name}”的${pageList(failed)}没能识别：飞书文字识别一再出错。请稍后重新发送这份文件再试，或直接把文字粘贴过来。${tail}`
      : `扫描件“${name}”里没有识别出文字。请换一份清晰的扫描件，或直接把文字粘贴过来。${tail}`;
  return { name, lines, pages, check };
}

/** Confirmed OCR lines as facts, each addressed by image and line, or by file, page and line. */
export function ocrFacts(result: OcrResult): SourcedFact[] {
  const seen = new Map<number, number>();
  return result.lines.map((text, i) => {
    const page = result.pages?.[i];
    if (page === undefined) return { text, address: { origin: 'ocr' as const, source: result.name, row: i + 1 } };
    const row = (seen.get(page) ?? 0) + 1;
    seen.set(page, row);
    return { text, address: { origin: 'ocr' as const, source: result.name, page, row } };
  });
}

/** Whether the writer's reply confirms an OCR result. */
export const confirmsOcr = (text: string): boolean => /^(?:@\S+\s*)?(?:确认|无误|没问题|对的?|正确|可以)[。！!]?$/.test(text.trim());
