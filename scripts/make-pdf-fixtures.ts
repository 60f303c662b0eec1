/**
 * Real PDFs for the critic's PDF tests, made the way a writer's PDF is made: the report text laid
 * out as a GB/T 9704 Word file by our own export, then printed to PDF by LibreOffice headless.
 * Usage: npx tsx scripts/make-pdf-fixtures.ts [source.txt ...]
 * (default: every .txt in test/fixtures/pdf/, plus the clean critique fixtures listed below).
 * Needs soffice (libreoffice-writer-nogui) and a CJK font (fonts-wqy-zenhei). Writes <name>.pdf next
 * in test/fixtures/pdf/; a test reads each PDF next to its source (test/fixtures/pdf/ or test/fixtures/critique/).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderDocx } from '../src/export/docx.js';
import { splitSignOff } from '../src/report/layout.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'test/fixtures/pdf');
/** Clean reports the critic is tuned not to flag: their PDFs must not be flagged either. */
const CLEAN = ['clean-annual.txt', 'clean-h1-school.txt', 'clean-tricky.txt', 'clean-anniversary.txt'].map((f) => join(root, 'test/fixtures/critique', f));

const args = process.argv.slice(2);
const sources = args.length ? args : [...readdirSync(OUT).filter((f) => f.endsWith('.txt')).map((f) => join(OUT, f)), ...CLEAN];

const work = mkdtempSync(join(tmpdir(), 'bigan-pdf-fixtures-'));
const profile = pathToFileURL(join(work, 'profile')).href;
try {
  for (const src of sources) {
    const name = basename(src, '.txt');
    const lines = readFileSync(src, 'utf8').split(/\r?\n/);
    const first = lines.findIndex((l) => l.trim());
    const { body, unit, date } = splitSignOff(lines.slice(first + 1));
    const docx = await renderDocx({ title: lines[first]!.trim(), body: body.join('\n'), ...(unit ? { unit } : {}), ...(date ? { date } : {}) });
    const input = join(work, `${name}.docx`);
    writeFileSync(input, docx);
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`soffice failed on ${name}: ${r.stderr}`);
    copyFileSync(join(work, `${name}.pdf`), join(OUT, `${name}.pdf`));
    console.log(`${name}.pdf`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
