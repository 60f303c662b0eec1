/**
 * The exported Word file opened by a real word processor: LibreOffice headless converts it to PDF,
 * and the PDF shows what a writer would see — the headings in the outline (LibreOffice writes PDF
 * bookmarks from paragraphs' outline levels, as Word fills its navigation pane from them), and the
 * page numbers “— N —” right on odd pages, left on even ones.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractFile } from '../../src/documents/extract.js';
import { renderDocx } from '../../src/export/docx.js';
import { buildDoc, critique, critiqueDoc } from '../../src/report/critique/index.js';
import { findingsOnOriginal, rejoinPdfText } from '../../src/report/critique/pdf.js';
import { splitSignOff } from '../../src/report/layout.js';
import { convert, skipWithoutSoffice } from '../support/soffice.js';

interface OutlineItem { title: string; items: OutlineItem[] }
interface TextItem { str: string; transform: number[]; width: number }
interface PdfDoc {
  numPages: number;
  getOutline(): Promise<OutlineItem[] | null>;
  getPage(n: number): Promise<{ getViewport(o: { scale: number }): { width: number; height: number }; getTextContent(): Promise<{ items: TextItem[] }> }>;
  destroy(): Promise<void>;
}

const openPdf = async (data: Buffer): Promise<PdfDoc> => ((await import('unpdf')).getDocumentProxy as unknown as (d: Uint8Array) => Promise<PdfDoc>)(new Uint8Array(data));

const PT_PER_MM = 72 / 25.4;
const paragraph = (n: number) => `围绕第${n}项重点任务，局党组细化责任分工，逐项明确牵头领导、责任科室和完成时限，定期调度推进情况，及时研究解决工作中遇到的困难和问题，确保各项措施落地见效。`;
const BODY = [
  '一、工作开展情况',
  '（一）压实工作责任',
  paragraph(1), paragraph(2), paragraph(3),
  '（二）加强理论武装',
  paragraph(4), paragraph(5), paragraph(6),
  '二、存在的问题',
  '（一）研判深度不够',
  paragraph(7), paragraph(8),
  '三、下一步工作打算',
  '（一）深化分析研判',
  paragraph(9), paragraph(10), paragraph(11), paragraph(12),
].join('\n');

describe.skipIf(skipWithoutSoffice('Word export opened by LibreOffice'))('the Word export in LibreOffice', () => {
  it('headings are outline entries at their levels; odd page numbers right, even left, “— N —”', async () => {
    const docx = await renderDocx({ title: '中共某某区文化旅游局党组关于2025年度落实意识形态工作责任制情况的报告', body: BODY, unit: '中共某某区文化旅游局党组', date: '2026年1月10日' });
    const pdf = await openPdf(await convert(docx, 'docx', 'pdf'));
    try {
      const outline = (await pdf.getOutline()) ?? [];
      expect(outline.map((o) => o.title)).toEqual(['一、工作开展情况', '二、存在的问题', '三、下一步工作打算']);
      expect(outline[0]!.items.map((o) => o.title)).toEqual(['（一）压实工作责任', '（二）加强理论武装']);
      expect(outline[2]!.items.map((o) => o.title)).toEqual(['（一）深化分析研判']);

      expect(pdf.numPages).toBeGreaterThanOrEqual(2);
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const { width, height } = page.getViewport({ scale: 1 });
        // A4.
        expect(Math.round(width / PT_PER_MM)).toBe(210);
        expect(Math.round(height / PT_PER_MM)).toBe(297);
        const items = (await page.getTextContent()).items.filter((i) => /—/.test(i.str));
        const label = items.map((i) => i.str).join('').replace(/\s+/g, ' ').trim();
        expect(label).toBe(`— ${n} —`);
        const left = Math.min(...items.map((i) => i.transform[4]!));
        const right = Math.max(...items.map((i) => i.transform[4]! + i.width));
        const oneChar = 14; // 四号
        if (n % 2 === 1) {
          // Odd: right-aligned, one character in from the type area's right edge (26 mm margin).
          expect(Math.abs(right - (width - 26 * PT_PER_MM - oneChar))).toBeLessThan(3);
        } else {
          // Even: left-aligned, one character in from the left edge (28 mm margin).
          expect(Math.abs(left - (28 * PT_PER_MM + oneChar))).toBeLessThan(3);
        }
        // Below the type area (35 mm bottom margin): in the footer.
        expect(items[0]!.transform[5]!).toBeLessThan(35 * PT_PER_MM);
      }
    } finally {
      await pdf.destroy();
    }
  });
  it('a PDF printed from the export now is critiqued like its source text (the committed PDF fixtures are not stale)', async () => {
    const NOW = new Date('2026-01-15T00:00:00Z');
    const src = readFileSync(new URL('../fixtures/pdf/sets-wrap.txt', import.meta.url), 'utf8');
    const lines = src.split('\n');
    const { body, unit, date } = splitSignOff(lines.slice(1));
    const pdf = await convert(await renderDocx({ title: lines[0]!, body: body.join('\n'), ...(unit ? { unit } : {}), ...(date ? { date } : {}) }), 'docx', 'pdf');
    const text = (await extractFile('a.pdf', pdf)).text;
    // The PDF really wraps the title and a named set, and numbers its pages.
    expect(text.split('\n')[0]).not.toContain('报告');
    expect(text).toMatch(/^— 1 —$/m);
    const r = rejoinPdfText(text);
    const found = findingsOnOriginal(critiqueDoc(buildDoc(r.text, { now: NOW, fromPdf: true })), r, text);
    expect(found).toEqual([]);
    expect(critique(src, { now: NOW })).toEqual([]);
    expect(critique(text, { now: NOW }).length).toBeGreaterThan(5);
  });
});
