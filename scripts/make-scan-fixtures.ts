/**
 * Scanned-style PDFs for the OCR tests (issue 23): pages that carry one picture each and no text
 * layer, the way a scanner or a phone's scanning app makes them. Each page picture is drawn with
 * pngjs (grey paper, dark strokes where lines of writing sit), placed full-page in a Word file by
 * the docx library, and printed to PDF by LibreOffice headless, as a writer's office would.
 * Usage: npx tsx scripts/make-scan-fixtures.ts   (needs soffice: libreoffice-writer-nogui)
 * Writes test/fixtures/scan/*.pdf:
 *   ledger-scan.pdf   3 scanned pages, page k's picture 1000+k px wide (the OCR fake tells them apart by width)
 *   mixed.pdf         page 1 with a text layer, page 2 a scan
 *   encrypted.pdf     a scan that opens only with a password (1234)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Document, ImageRun, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { PNG } from 'pngjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'test/fixtures/scan');

/** A page of paper with `lines` rows of writing: light grey noise, dark strokes of varying length. */
export function scannedPage(width: number, lines: number, seed: number): Buffer {
  const height = Math.round(width * 1.414);
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const px = Buffer.alloc(width * height);
  // Paper: even grey with a few specks (a scanner's dust), so the fixture stays small.
  px.fill(242);
  for (let i = 0; i < px.length; i += 97) px[i] = 200 + Math.floor(rand() * 40);
  const lineH = Math.floor(height / (lines + 4));
  for (let l = 0; l < lines; l++) {
    const y0 = lineH * (l + 2);
    const len = Math.floor(width * (0.5 + rand() * 0.35));
    for (let x = Math.floor(width * 0.1); x < width * 0.1 + len; x++) {
      // Characters: strokes 2/3 of a line high, a gap every so often.
      if (x % 24 > 19) continue;
      for (let y = y0; y < y0 + lineH * 0.6; y++) if ((x * 7 + y * 3) % 5 < 3) px[y * width + x] = 30;
    }
  }
  png.data = px;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

/** A4 at 595 × 842 pt; a picture filling it. */
const fullPage = (png: Buffer) => new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 560, height: 792 } })] });
const section = (children: Paragraph[]) => ({ properties: { page: { margin: { top: 200, bottom: 200, left: 200, right: 200 } } }, children });

function withBreaks(pages: Paragraph[]): Paragraph[] {
  return pages.flatMap((p, i) => (i ? [new Paragraph({ children: [new PageBreak()] }), p] : [p]));
}

async function pdfOf(work: string, name: string, doc: Document, filter = 'pdf'): Promise<void> {
  const input = join(work, `${name}.docx`);
  writeFileSync(input, await Packer.toBuffer(doc));
  const profile = pathToFileURL(join(work, 'profile')).href;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', work, input], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`soffice failed on ${name}: ${r.stderr}`);
  copyFileSync(join(work, `${name}.pdf`), join(OUT, `${name}.pdf`));
  console.log(`${name}.pdf`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'bigan-scan-fixtures-'));
  try {
    const pages = [1, 2, 3].map((k) => fullPage(scannedPage(1000 + k, 8 + k, k)));
    await pdfOf(work, 'ledger-scan', new Document({ sections: [section(withBreaks(pages))] }));
    const text = new Paragraph({ children: [new TextRun('2026年上半年意识形态工作台账（文字页）：理论中心组集中学习15次，召开意识形态工作研判会2次，开展网络安全宣传周活动。')] });
    await pdfOf(work, 'mixed', new Document({ sections: [section(withBreaks([text, fullPage(scannedPage(1001, 6, 7))]))] }));
    // LibreOffice's PDF export takes its options as JSON (7.4+): an open password encrypts the file.
    const encrypt = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"1234"}}';
    await pdfOf(work, 'encrypted', new Document({ sections: [section([fullPage(scannedPage(1001, 5, 9))])] }), encrypt);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
