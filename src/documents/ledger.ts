/**
 * 台账 in spreadsheets (issue 23 item 3): .xlsx through exceljs, .csv in UTF-8 or GBK. Merged
 * cells take their master's value, title rows and multi-row headers are recognised, every
 * data row becomes a fact that keeps its address (file · sheet · row). Runs in the parser
 * process (documents/sandbox.ts) like every other format.
 */
import { DocumentError } from '../core/errors.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import type { SourcedFact } from '../report/material/facts.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.js';
import { readZipParts } from './zip-guard.js';

export interface LedgerRow {
  /** 1-based row number as the spreadsheet program shows it. */
  row: number;
  cells: string[];
}

export interface LedgerSheet {
  name: string;
  /** A title row above the header (2026年上半年意识形态工作台账), if any. */
  title?: string;
  /** One name per column; a multi-row header joined with ·. */
  headers: string[];
  rows: LedgerRow[];
}

export interface LedgerFile {
  name: string;
  kind: 'xlsx' | 'csv';
  sheets: LedgerSheet[];
  facts: SourcedFact[];
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from('PK');
/** The stream name of an encrypted package, as a CFB directory entry spells it (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export const isSpreadsheetName = (name: string): 'xlsx' | 'csv' | 'xls' | null => {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'xlsm' ? 'xlsx' : ext === 'csv' ? 'csv' : ext === 'xls' || ext === 'et' ? 'xls' : null;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the writer sees it: dates as 2026年6月12日, formulas by their saved result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const hasTime = v.getUTCHours() || v.getUTCMinutes();
    return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日${hasTime ? ` ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}` : ''}`;
  }
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown; error?: string; hyperlink?: string };
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    return '';
  }
  return (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '').replace(/\s+/g, ' ').trim();
}

const looksLikeData = (s: string) => /^\d|^20\d{2}[年\-/.]|\d+\s*(?:次|场|人|条|篇|个|项)$/.test(s) || /\d{1,2}月\d{1,2}日/.test(s);

/**
 * Split a grid into title, header and data rows. A title is a row with one distinct value
 * (usually merged across the table); header rows hold only labels, a second (and third) one
 * counted when the first groups its columns (a value repeated across merged columns).
 */
export function shapeSheet(name: string, grid: LedgerRow[], width: number): LedgerSheet {
  const rows = grid.filter((r) => r.cells.some((c) => c));
  let i = 0;
  let title: string | undefined;
  const distinct = (r: LedgerRow) => [...new Set(r.cells.filter(Boolean))];
  if (rows[i] && distinct(rows[i]!).length === 1 && width > 1 && rows.length > 1) {
    title = distinct(rows[i]!)[0];
    i++;
  }
  const header: LedgerRow[] = [];
  while (rows[i] && header.length < 3 && rows[i]!.cells.every((c) => !c || !looksLikeData(c))) {
    const r = rows[i]!;
    header.push(r);
    i++;
    // Another header row only when this one groups columns (a label repeated over merged cells).
    const grouped = r.cells.some((c, k) => c && r.cells[k + 1] === c);
    if (!grouped) break;
  }
  const headers = Array.from({ length: width }, (_, k) => {
    const parts = header.map((h) => h.cells[k] ?? '').filter(Boolean);
    return [...new Set(parts)].join('·') || `第${k + 1}列`;
  });
  return { name, ...(title ? { title } : {}), headers, rows: rows.slice(i) };
}

const COUNT_UNIT: ReadonlyArray<[RegExp, string]> = [[/人次$/, '人次'], [/(?:场次|场数)$/, '场'], [/人数$/, '人'], [/(?:次数|频次)$/, '次'], [/条数$/, '条'], [/篇数$/, '篇'], [/个数$/, '个'], [/项数$/, '项'], [/期数$/, '期'], [/类数$/, '类'], [/(?:数量|数)$/, '']];

/**
 * A row as one line: a count takes its measure from its header (参会人数 18 → 参会18人; a bare
 * 次数 joins the cell before it: 集中学习15次), other cells as written; 序号 dropped.
 */
export function rowText(headers: readonly string[], cells: readonly string[]): string {
  const parts: string[] = [];
  cells.forEach((c, k) => {
    if (!c) return;
    const h = (headers[k] ?? '').split('·').pop()!.replace(/（[^）]*）|\([^)]*\)/g, '');
    if (/序号|编号/.test(h)) return;
    if (/^\d+(?:\.\d+)?$/.test(c) && !/^第\d+列$/.test(h)) {
      const count = COUNT_UNIT.find(([re]) => re.test(h));
      const label = count ? h.replace(count[0], '') : h;
      const value = `${label}${c}${count?.[1] ?? ''}`;
      if (!label && parts.length) parts[parts.length - 1] += value;
      else parts.push(value);
    } else parts.push(c);
  });
  return parts.join('，');
}

function toFacts(file: string, sheets: readonly LedgerSheet[]): SourcedFact[] {
  return sheets.flatMap((s) =>
    s.rows.map((r) => {
      const cells: Record<string, string> = {};
      s.headers.forEach((h, k) => {
        if (r.cells[k]) cells[h] = r.cells[k]!;
      });
      const date = /(20\d{2})年(\d{1,2})月(?:(\d{1,2})日)?/.exec(r.cells.join(' '));
      return {
        text: rowText(s.headers, r.cells),
        address: { origin: 'file' as const, source: file, sheet: s.name, row: r.row },
        ...(date ? { date: `${date[1]}-${pad(Number(date[2]))}${date[3] ? `-${pad(Number(date[3]))}` : ''}` } : {}),
        cells,
      };
    }),
  ).filter((f) => f.text);
}

function checkRows(name: string, sheets: readonly LedgerSheet[], limits: ParseLimits): void {
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  const max = limits.maxLedgerRows ?? DEFAULT_PARSE_LIMITS.maxLedgerRows!;
  if (total > max) throw new DocumentError('too-long', DOC_TEXTS.tooManyRows(name, total, max));
  if (total === 0) throw new DocumentError('empty', DOC_TEXTS.emptySheet(name));
}

async function readXlsx(name: string, data: Buffer, limits: ParseLimits): Promise<LedgerSheet[]> {
  // An encrypted OOXML workbook is a CFB (OLE2) container holding an EncryptedPackage stream;
  // a CFB without one is an old .xls renamed.
  if (data.subarray(0, 8).equals(CFB_MAGIC)) {
    if (data.includes(ENCRYPTED_PACKAGE)) throw new DocumentError('encrypted', DOC_TEXTS.encryptedWorkbook(name));
    throw new DocumentError('legacy-doc', DOC_TEXTS.legacyXls(name));
  }
  if (!data.subarray(0, 2).equals(ZIP_MAGIC)) throw new DocumentError('corrupt', DOC_TEXTS.corruptSheet(name, 'Excel（.xlsx）'));
  let checked: Buffer;
  try {
    // Sizes checked before anything inflates; exceljs gets the XML parts only, stored uncompressed.
    const parts = await readZipParts(name, data, limits);
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    for (const [part, bytes] of parts) zip.file(part, bytes);
    checked = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  } catch (err) {
    if (err instanceof DocumentError && err.reason !== 'corrupt') throw err;
    throw new DocumentError('corrupt', DOC_TEXTS.corruptSheet(name, 'Excel（.xlsx）'));
  }
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(checked as unknown as ArrayBuffer);
  } catch {
    throw new DocumentError('corrupt', DOC_TEXTS.corruptSheet(name, 'Excel（.xlsx）'));
  }
  const max = limits.maxLedgerRows ?? DEFAULT_PARSE_LIMITS.maxLedgerRows!;
  const sheets: LedgerSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    // Row count is known before reading cells: refuse a huge sheet without walking it.
    if (ws.actualRowCount > 2 * max + 10) throw new DocumentError('too-long', DOC_TEXTS.tooManyRows(name, ws.actualRowCount, max));
    const width = ws.actualColumnCount ? ws.columnCount : 0;
    const grid: LedgerRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cells.push(cellText(cell.isMerged ? cell.master.value : cell.value));
      }
      grid.push({ row: n, cells });
    });
    if (grid.length) sheets.push(shapeSheet(ws.name, grid, width));
  }
  return sheets;
}

/** CSV text: UTF-8 (with or without BOM), else GBK, the encoding Excel in China saves. */
export function decodeCsv(name: string, data: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (!utf8.includes('\uFFFD')) return utf8.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('gbk', { fatal: true }).decode(data);
  } catch {
    throw new DocumentError('corrupt', DOC_TEXTS.corruptSheet(name, 'CSV'));
  }
}

/**
 * RFC 4180 fields: quotes, doubled quotes, separators and line breaks inside quotes.
 * Hand-written: exceljs's CSV reader needs a stream, decodes UTF-8 only and turns cells
 * that look like numbers or dates into other values.
 */
export function parseCsv(text: string): string[][] {
  const sep = (text.split('\n', 1)[0]!.match(/\t/g)?.length ?? 0) > (text.split('\n', 1)[0]!.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && !field) quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(name: string, data: Buffer, limits: ParseLimits): LedgerSheet[] {
  const rows = parseCsv(decodeCsv(name, data));
  const max = limits.maxLedgerRows ?? DEFAULT_PARSE_LIMITS.maxLedgerRows!;
  if (rows.length > 2 * max + 10) throw new DocumentError('too-long', DOC_TEXTS.tooManyRows(name, rows.length, max));
  const width = Math.max(0, ...rows.map((r) => r.length));
  const grid = rows.map((cells, k) => ({ row: k + 1, cells: Array.from({ length: width }, (_, c) => (cells[c] ?? '').replace(/\s+/g, ' ').trim()) }));
  return [shapeSheet(name.replace(/\.[A-Za-z0-9]+$/, ''), grid, width)];
}

/** A spreadsheet 台账 read under `limits`; every unreadable case is a DocumentError with its answer. */
export async function readLedger(name: string, data: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<LedgerFile> {
  const kind = isSpreadsheetName(name);
  if (kind === 'xls') throw new DocumentError('legacy-doc', DOC_TEXTS.legacyXls(name));
  if (!kind) throw new DocumentError('unsupported-type', DOC_TEXTS.unsupportedType(name));
  const sheets = kind === 'xlsx' ? await readXlsx(name, data, limits) : readCsv(name, data, limits);
  checkRows(name, sheets, limits);
  return { name, kind, sheets, facts: toFacts(name, sheets) };
}

/**
 * The 台账 as text for the material path: the title, then one row a line with its address,
 * so the period finder reads the title and every fact line names its row.
 */
export function ledgerText(file: LedgerFile): string {
  return file.sheets
    .flatMap((s) => [s.title ?? '', ...file.facts.filter((f) => f.address.sheet === s.name).map((f) => `${f.text}（${s.name}·第${f.address.row}行）`)])
    .filter(Boolean)
    .join('\n');
}
