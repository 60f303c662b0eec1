/**
 * Scanned PDFs (issue 23 item 3): each page's own text layer, or else the picture a scanner put on
 * it, encoded for Feishu's OCR. Runs in the parser process (documents/sandbox.ts) like every read.
 *
 * The picture is extracted, not rendered: a scanned page is one embedded image, and pdf.js (through
 * unpdf, already here for text) decodes it whatever its filter (JPEG, JBIG2, CCITT, Flate) with no
 * canvas; rendering would need a native canvas module (@napi-rs/canvas) for pixels we already have.
 * pngjs and jpeg-js (pure JavaScript, Node 14+) encode them.
 */
import { DOC_TEXTS } from '../core/document-texts.js';
import { DocumentError } from '../core/errors.js';
import { OCR_MAX_BYTES } from './feishu-ledger.js';
import type { ParseLimits } from './limits.js';

/** The slice of pdf.js's document proxy we use (its bundled types do not resolve for the linter). */
export interface PdfPage {
  getTextContent(): Promise<{ items: Array<{ str?: string; hasEOL?: boolean }> }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  objs: { get(id: string, cb: (v: unknown) => void): void };
  commonObjs: { get(id: string, cb: (v: unknown) => void): void };
  cleanup(): void;
}
export interface PdfProxy {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

const PDF_MAGIC = Buffer.from('%PDF');

/** Scanned pages OCR'd from one PDF unless the deployment says otherwise (OCR_MAX_PDF_PAGES). */
export const DEFAULT_SCAN_PAGES = 10;

/** A PDF opened for reading: a broken file, one that needs a password, and one too long each get their answer. */
export async function openPdf(name: string, data: Buffer, limits: ParseLimits): Promise<PdfProxy> {
  if (!data.subarray(0, 1024).includes(PDF_MAGIC)) throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'PDF'));
  const getDocumentProxy = (await import('unpdf')).getDocumentProxy as unknown as (data: Uint8Array) => Promise<PdfProxy>;
  let pdf: PdfProxy;
  try {
    pdf = await getDocumentProxy(new Uint8Array(data));
  } catch (err) {
    // pdf.js asks for the open password with a PasswordException; a file with only an owner password opens.
    if ((err as { name?: string } | null)?.name === 'PasswordException') throw new DocumentError('encrypted', DOC_TEXTS.encryptedPdf(name));
    throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'PDF'));
  }
  if (pdf.numPages > limits.maxPdfPages) {
    await pdf.destroy().catch(() => undefined);
    throw new DocumentError('too-long', DOC_TEXTS.tooManyPages(name, pdf.numPages, limits.maxPdfPages));
  }
  return pdf;
}

/** A page's text layer, one line per line; the meaningful part counted without page numbers and dashes. */
export async function pageText(page: PdfPage): Promise<{ text: string; meaningful: number }> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (typeof item.str !== 'string') continue;
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  text = text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  return { text, meaningful: text.replace(/[\s\d\-—第页共/]/g, '').length };
}

/** A page with fewer meaningful characters than this in its text layer is a scan (or blank). */
export const SCAN_TEXT_CHARS = 10;

/** One page of a scanned PDF, as the OCR flow gets it. */
export type ScanPage =
  /** A page with its own text layer: its lines, used as they are (nothing to recognise). */
  | { page: number; kind: 'text'; lines: string[] }
  /** The page's picture for the OCR call. */
  | { page: number; kind: 'image'; type: 'png' | 'jpeg'; data: Uint8Array }
  /** The page's picture is over Feishu's OCR limit even as JPEG: its encoded size. */
  | { page: number; kind: 'too-large'; bytes: number }
  /** No text and no picture: a blank page. */
  | { page: number; kind: 'blank' };

export interface ScannedPdf {
  /** Pages in the file. */
  pages: number;
  /** Pages read (the first `cap`). */
  cap: number;
  items: ScanPage[];
  /** The CPU budget ran out after this many pages (fewer than the cap): the rest were left. */
  stoppedAfter?: number;
}

/** pdf.js's decoded image: `kind` 1 is 1 bit a pixel (packed rows, 1 = white), 2 RGB, 3 RGBA. */
interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** Grey levels, one byte a pixel: OCR reads writing, not colour, and grey is a third of the bytes. */
export function toGrey(img: DecodedImage): Buffer {
  const { width: w, height: h, data } = img;
  const out = Buffer.alloc(w * h);
  if (!data) return out;
  if (img.kind === 1) {
    const row = Math.ceil(w / 8);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = (data[y * row + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    return out;
  }
  const ch = data.length / (w * h);
  if (ch === 1) return Buffer.from(data.buffer, data.byteOffset, w * h);
  for (let i = 0, j = 0; i < out.length; i++, j += ch) out[i] = Math.round(0.299 * data[j]! + 0.587 * data[j + 1]! + 0.114 * data[j + 2]!);
  return out;
}

/** Base64 is what the OCR call carries, so its length is what must stay under the limit. */
const fits = (bytes: number) => Math.ceil(bytes / 3) * 4 < OCR_MAX_BYTES;

/** A grey page as PNG (lossless, small for clean print) or, when that is over the OCR limit, as JPEG. */
export async function encodePage(grey: Buffer, width: number, height: number): Promise<{ type: 'png' | 'jpeg'; data: Buffer } | { over: number }> {
  const { PNG } = await import('pngjs');
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = grey;
  const asPng = PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
  if (fits(asPng.length)) return { type: 'png', data: asPng };
  // A noisy or photographed page: JPEG at a quality OCR reads well.
  const jpeg = (await import('jpeg-js')).default;
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) {
    rgba[j] = rgba[j + 1] = rgba[j + 2] = grey[i]!;
    rgba[j + 3] = 255;
  }
  const asJpeg = jpeg.encode({ data: rgba, width, height }, 85).data;
  return fits(asJpeg.length) ? { type: 'jpeg', data: asJpeg } : { over: asJpeg.length };
}

/** The largest picture a page paints (a scan's page image; a logo beside it is smaller). */
async function largestImage(page: PdfPage): Promise<DecodedImage | undefined> {
  const { OPS } = (await (await import('unpdf')).getResolvedPDFJS()) as unknown as { OPS: Record<string, number> };
  const list = await page.getOperatorList();
  let best: DecodedImage | undefined;
  for (let i = 0; i < list.fnArray.length; i++) {
    if (list.fnArray[i] !== OPS.paintImageXObject) continue;
    const key = list.argsArray[i]![0] as string;
    const img = await new Promise<unknown>((resolve) => (key.startsWith('g_') ? page.commonObjs : page.objs).get(key, resolve));
    const d = img as DecodedImage | null;
    if (!d?.data || !d.width || !d.height) continue;
    if (!best || d.width * d.height > best.width * best.height) best = d;
  }
  return best;
}

/**
 * The first `cap` pages of a PDF read for OCR: a page with a text layer keeps its text, a scanned
 * page gives its picture (PNG, or JPEG when PNG is over the limit), a picture over the limit its size.
 */
export async function scanPdf(name: string, data: Buffer, limits: ParseLimits, cap: number): Promise<ScannedPdf> {
  const started = process.cpuUsage();
  const spentMs = () => {
    const u = process.cpuUsage(started);
    return (u.user + u.system) / 1000;
  };
  const pdf = await openPdf(name, data, limits);
  const items: ScanPage[] = [];
  try {
    const upto = Math.min(pdf.numPages, cap);
    for (let n = 1; n <= upto; n++) {
      if (n > 1 && limits.scanBudgetMs !== undefined && spentMs() > limits.scanBudgetMs) return { pages: pdf.numPages, cap, items, stoppedAfter: n - 1 };
      const page = await pdf.getPage(n);
      const { text, meaningful } = await pageText(page);
      if (meaningful >= SCAN_TEXT_CHARS) {
        items.push({ page: n, kind: 'text', lines: text.split('\n') });
        continue;
      }
      const img = await largestImage(page);
      page.cleanup();
      if (!img) {
        items.push({ page: n, kind: 'blank' });
        continue;
      }
      const encoded = await encodePage(toGrey(img), img.width, img.height);
      items.push('over' in encoded ? { page: n, kind: 'too-large', bytes: encoded.over } : { page: n, kind: 'image', type: encoded.type, data: encoded.data });
    }
    return { pages: pdf.numPages, cap, items };
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    throw new DocumentError('corrupt', DOC_TEXTS.corrupt(name, 'PDF'));
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
