import { DocumentError } from '../core/errors.js';
import { readWordVerdicts, type WordVerdicts } from './verdict-replies.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.js';
import { isSpreadsheetName, ledgerText, readLedger, type LedgerFile } from './ledger.js';
import { checkedDocx } from './zip-guard.js';
import { openPdf, pageText, SCAN_TEXT_CHARS } from './pdf-scan.js';

export type FileKind = 'docx' | 'pdf' | 'txt' | 'md' | 'xlsx' | 'csv';

export interface ExtractedFile {
  name: string;
  kind: FileKind;
  text: string;
  /** Reading stopped at the character limit (limits.maxChars). */
  truncated?: boolean;
  /** A spreadsheet 台账: its sheets and one fact per row, each with its address. */
  ledger?: LedgerFile;
  /** A returned Word file: the writer's 误报/有用 replies under the bot's comments (issue 24 item 6). */
  verdicts?: WordVerdicts;
  /** A PDF that is mostly text: its pages without a text layer (scans or blank), 1-based. */
  imageOnlyPages?: number[];
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from('PK');
const PDF_MAGIC = Buffer.from('%PDF');

function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** What a file is, from its extension first and its bytes second. */
export function fileKindOf(name: string, data?: Buffer): FileKind | 'doc' | 'xls' | 'image' | 'other' {
  const ext = extensionOf(name);
  const sheet = isSpreadsheetName(name);
  if (sheet) return sheet;
  if (ext === 'docx' || ext === 'docm' || ext === 'wps') return 'docx';
  if (ext === 'doc') return 'doc';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (/^(png|jpe?g|gif|bmp|webp|heic|tiff?)$/.test(ext)) return 'image';
  if (data?.subarray(0, 4).equals(PDF_MAGIC)) return 'pdf';
  return 'other';
}

const decodeEntities = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (_m, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[k] ?? '';
  });

/**
 * mammoth's HTML → plain text, one paragraph a line and one table row a line (cells
 * separated by spaces), so a 台账's rows stay facts. Hand-written because mammoth's own
 * raw-text mode puts every table cell on its own paragraph.
 */
export function htmlToText(html: string): string {
  const text = html
    // Paragraphs inside a cell stay on the row's line.
    .replace(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g, (_m, _t: string, cell: string) => `${cell.replace(/<\/p>|<br\s*\/?>/g, ' ')} `)
    .replace(/<\/(p|h[1-6]|li|tr)>|<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l, i, a) => l || (i > 0 && a[i - 1]))
    .join('\n')
    .trim();
}

async function docxText(name: string, data: Buffer, limits: ParseLimits): Promise<string> {
  if (data.subarray(0, 4).equals(OLE_MAGIC)) {
    // An OLE container named .docx: an old .doc renamed, or a password-protected file.
    throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'Word（.docx）'));
  }
  if (!data.subarray(0, 2).equals(ZIP_MAGIC)) throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'Word（.docx）'));
  // Sizes checked before anything inflates; mammoth gets the XML parts only, stored uncompressed.
  const checked = await checkedDocx(name, data, limits);
  try {
    // Loaded on first use: the parser is ~15 MB of memory a worker that never sees a file does not need.
    const { default: mammoth } = await import('mammoth');
    // Images are never read (their parts were left out above): an empty <img> the text conversion drops.
    const { value } = await mammoth.convertToHtml({ buffer: checked }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) });
    return htmlToText(value);
  } catch {
    throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'Word（.docx）'));
  }
}

/**
 * A PDF's text layer. A PDF whose pages are mostly scans (no text layer, or a few stray characters
 * such as page numbers) is refused as 'scanned': with Feishu at hand the flow then sends its pages
 * to OCR (documents/pdf-scan.ts), text pages included as they are. A PDF that is mostly text is read
 * as text, and its image-only pages are named (`imageOnlyPages`) rather than silently left out.
 */
async function pdfText(name: string, data: Buffer, limits: ParseLimits): Promise<{ text: string; imageOnlyPages: number[] }> {
  const pdf = await openPdf(name, data, limits);
  const pages: string[] = [];
  const imageOnly: number[] = [];
  try {
    let chars = 0;
    // Pages past the character limit are not read at all.
    for (let i = 1; i <= pdf.numPages && chars <= limits.maxChars; i++) {
      const { text, meaningful } = await pageText(await pdf.getPage(i));
      if (meaningful < SCAN_TEXT_CHARS) imageOnly.push(i);
      pages.push(text);
      chars += text.length;
    }
    await pdf.destroy();
  } catch {
    throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'PDF'));
  }
  const text = pages.join('\n').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  if (text.replace(/[\s\d\-—第页共/]/g, '').length < SCAN_TEXT_CHARS || imageOnly.length * 2 > pages.length) throw new DocumentError('scanned', DOC_TEXTS.scanned(name));
  return { text, imageOnlyPages: imageOnly };
}

function plainText(name: string, data: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (!utf8.includes('\uFFFD')) return utf8.replace(/^\uFEFF/, '');
  // Windows Notepad in China saves GBK by default.
  try {
    return new TextDecoder('gbk', { fatal: true }).decode(data);
  } catch {
    throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, '文本'));
  }
}

/**
 * The text of a file the writer sent, read under `limits`; every unreadable case is a
 * DocumentError with its answer. Runs in the parser process (documents/sandbox.ts).
 */
export async function extractFile(name: string, data: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ExtractedFile> {
  const kind = fileKindOf(name, data);
  let text: string;
  let imageOnlyPages: number[] = [];
  switch (kind) {
    case 'docx':
      text = await docxText(name, data, limits);
      break;
    case 'pdf':
      ({ text, imageOnlyPages } = await pdfText(name, data, limits));
      break;
    case 'txt':
    case 'md':
      text = plainText(name, data).replace(/\r\n?/g, '\n').trim();
      break;
    case 'xlsx':
    case 'csv':
    case 'xls': {
      // readLedger answers .xls in words; a sheet's text is its rows, each with its address.
      const ledger = await readLedger(name, data, limits);
      text = ledgerText(ledger);
      if (text.length > limits.maxChars) return { name, kind: ledger.kind, text: text.slice(0, limits.maxChars), truncated: true, ledger };
      return { name, kind: ledger.kind, text, ledger };
    }
    case 'doc':
      throw new DocumentError('legacy-doc', DOC_TEXTS.legacyDoc(name));
    case 'image':
      throw new DocumentError('unsupported-type', DOC_TEXTS.image);
    default:
      throw new DocumentError('unsupported-type', DOC_TEXTS.unsupportedType(name));
  }
  if (!text.trim()) throw new DocumentError('empty', DOC_TEXTS.empty(name));
  // The package passed the size checks above; replies that cannot be read are no verdicts, not a broken file.
  const verdicts = kind === 'docx' ? await readWordVerdicts(data).catch(() => undefined) : undefined;
  const pages = imageOnlyPages.length ? { imageOnlyPages } : {};
  if (text.length > limits.maxChars) return { name, kind, text: text.slice(0, limits.maxChars), truncated: true, ...(verdicts ? { verdicts } : {}), ...pages };
  return { name, kind, text, ...(verdicts ? { verdicts } : {}), ...pages };
}
