/**
 * Scanned PDFs (issue 23): the page pictures LibreOffice put in test/fixtures/scan/*.pdf
 * (scripts/make-scan-fixtures.ts) come out for OCR, a mostly-text PDF stays text with its scanned
 * page named, and a password-protected PDF is answered in words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { extractFile } from '../../../src/documents/extract.js';
import { DEFAULT_PARSE_LIMITS } from '../../../src/documents/limits.js';
import { encodePage, scanPdf } from '../../../src/documents/pdf-scan.js';
import { documentError } from '../../support/rejects.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/scan/${name}`, import.meta.url));

const rejects = documentError;

describe('scanned PDFs for OCR', () => {
  it('each scanned page gives its own picture as a grey PNG, in page order, up to the cap', async () => {
    const scan = await scanPdf('台账.pdf', fixture('ledger-scan.pdf'), DEFAULT_PARSE_LIMITS, 2);
    expect(scan).toMatchObject({ pages: 3, cap: 2 });
    expect(scan.items.map((i) => [i.page, i.kind])).toEqual([[1, 'image'], [2, 'image']]);
    const widths = scan.items.map((i) => (i.kind === 'image' ? PNG.sync.read(Buffer.from(i.data)).width : 0));
    expect(widths).toEqual([1001, 1002]);
  });

  it('past its CPU budget the scan stops after a page and says where, rather than run into the parser’s kill', async () => {
    const scan = await scanPdf('台账.pdf', fixture('ledger-scan.pdf'), { ...DEFAULT_PARSE_LIMITS, scanBudgetMs: 0 }, 10);
    expect(scan).toMatchObject({ pages: 3, cap: 10, stoppedAfter: 1 });
    expect(scan.items.map((i) => i.page)).toEqual([1]);
  });

  it('extract refuses a scan as “scanned” (the flow then OCRs it); a mixed PDF keeps its text page and names the scanned one', async () => {
    expect((await rejects(extractFile('台账.pdf', fixture('ledger-scan.pdf')))).reason).toBe('scanned');
    const mixed = await extractFile('混合.pdf', fixture('mixed.pdf'));
    expect(mixed.text).toContain('理论中心组集中学习');
    expect(mixed.imageOnlyPages).toEqual([2]);
    const both = await scanPdf('混合.pdf', fixture('mixed.pdf'), DEFAULT_PARSE_LIMITS, 10);
    expect(both.items.map((i) => i.kind)).toEqual(['text', 'image']);
  });

  it('a PDF with an open password is answered in words, by extract and by scan', async () => {
    for (const err of [await rejects(extractFile('加密.pdf', fixture('encrypted.pdf'))), await rejects(scanPdf('加密.pdf', fixture('encrypted.pdf'), DEFAULT_PARSE_LIMITS, 10))]) {
      expect(err.reason).toBe('encrypted');
      expect(err.userMessage).toContain('“加密.pdf”设置了打开密码');
    }
  });

  it('a page whose PNG is over the OCR limit goes as JPEG; one still over it is given by its size', async () => {
    // Grey noise: no PNG filter can shrink it.
    let s = 7;
    const noise = (w: number, h: number) => {
      const b = Buffer.alloc(w * h);
      for (let i = 0; i < b.length; i++) b[i] = ((s = (s * 1103515245 + 12345) & 0x7fffffff) >> 16) & 255;
      return b;
    };
    const medium = await encodePage(noise(2000, 2000), 2000, 2000);
    expect(medium).toMatchObject({ type: 'jpeg' });
    if ('data' in medium) expect(jpeg.decode(medium.data).width).toBe(2000);
    const huge = await encodePage(noise(2500, 2500), 2500, 2500);
    expect(huge).toHaveProperty('over');
    if ('over' in huge) expect(huge.over).toBeGreaterThan(3.75 * 1048576);
  });
});
