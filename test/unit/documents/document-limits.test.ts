import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/documents/extract.js';
import { DEFAULT_PARSE_LIMITS } from '../../../src/documents/limits.js';
import { DocumentError } from '../../../src/core/errors.js';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { buildDocx } from '../../support/docx-fixture.js';
import { buildManyPagePdf } from '../../support/pdf-hostile.js';
import { docxBomb, manyPartsZip } from '../../support/zip-bomb.js';

// Issue 20 item 1: files are read under limits checked before anything large is inflated.
const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('reading a file under limits', () => {
  it('refuses a .docx whose parts declare 200 MB, from the zip directory alone, without inflating it', async () => {
    const bomb = await docxBomb(200);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const err = await refusal(extractFile('炸弹.docx', bomb));
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).reason).toBe('too-large');
    expect((err as DocumentError).userMessage).toMatch(/^文件“炸弹.docx”解压后过大：有 200\.\d MB，超过了可处理的 8 MB/);
    // Nothing near 200 MB was ever allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('stops inflating a part that yields more than its header declared (a lying bomb)', async () => {
    const bomb = await docxBomb(100, { lie: true });
    const before = process.memoryUsage().arrayBuffers;
    const err = await refusal(extractFile('改了大小.docx', bomb));
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).reason).toBe('corrupt');
    expect((err as DocumentError).userMessage).toContain('打不开');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('stops once the inflated total passes the limit, whatever the parts declare', async () => {
    const err = await refusal(extractFile('报告.docx', await docxBomb(3), { ...DEFAULT_PARSE_LIMITS, maxUnzippedBytes: 1024 * 1024, maxPartBytes: 8 * 1024 * 1024 }));
    expect((err as DocumentError).reason).toBe('too-large');
    expect((err as DocumentError).userMessage).toMatch(/解压后过大.*超过了可处理的 1 MB/);
  });

  it('refuses a zip of more parts than any Word file has', async () => {
    const err = await refusal(extractFile('部件.docx', await manyPartsZip(1500)));
    expect((err as DocumentError).reason).toBe('too-large');
    expect((err as DocumentError).userMessage).toMatch(/内部有 1502 个组成部分，超过了可处理的 1000 个/);
  });

  it('refuses a 20,000-page PDF from its page count, before reading a page', async () => {
    const pdf = buildManyPagePdf(20_000);
    const err = await refusal(extractFile('两万页.pdf', pdf));
    expect((err as DocumentError).reason).toBe('too-long');
    expect((err as DocumentError).userMessage).toMatch(/页数过多：有 20000 页，超过了可处理的 300 页/);
  });

  it('stops reading at the character limit and says the text was cut', async () => {
    const doc = await buildDocx(Array.from({ length: 40 }, (_v, i) => `第${i + 1}段：今年以来，局党组认真落实意识形态工作责任制。`));
    const file = await extractFile('长文.docx', doc, { ...DEFAULT_PARSE_LIMITS, maxChars: 300 });
    expect(file.truncated).toBe(true);
    expect(file.text).toHaveLength(300);
    expect(file.text.startsWith('第1段')).toBe(true);
    const pdf = await extractFile('多页.pdf', buildManyPagePdf(200, 'A page of text in this long PDF'), { ...DEFAULT_PARSE_LIMITS, maxChars: 500 });
    expect(pdf.truncated).toBe(true);
  });

  it('still reads an ordinary Word file with an image-free body as before', async () => {
    const doc = await buildDocx(['关于2025年上半年落实意识形态工作责任制情况的报告', '一、主要做法'], [['4月', '开展排查', '2轮']]);
    const file = await extractFile('报告.docx', doc);
    expect(file.text).toBe('关于2025年上半年落实意识形态工作责任制情况的报告\n一、主要做法\n4月 开展排查 2轮');
    expect(file.truncated).toBeUndefined();
  });

  it('reads the text around an image without reading the image (media parts are never inflated)', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('图前文字'), new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } }), new TextRun('图后文字')] })] }] });
    expect((await extractFile('图.docx', await Packer.toBuffer(doc))).text).toBe('图前文字图后文字');
  });
});
