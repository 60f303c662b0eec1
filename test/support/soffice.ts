/**
 * LibreOffice headless (`soffice`, Debian's libreoffice-writer-nogui) as a real converter in tests.
 * CI installs it (.ci/run), so there a missing soffice fails the suite; a local run without it
 * skips the tests that need it and says so once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export const SOFFICE = findSoffice();

/** True when the tests that need soffice must be skipped (local runs only; in CI a missing soffice is an error). */
export function skipWithoutSoffice(what: string): boolean {
  if (SOFFICE) return false;
  if (process.env.CI) throw new Error(`soffice is not installed, but CI must run “${what}”: .ci/run installs libreoffice-writer-nogui`);
  console.warn(`[skipped] ${what}: soffice not installed (sudo apt-get install libreoffice-writer-nogui fonts-wqy-zenhei)`);
  return true;
}

// One LibreOffice profile per test process: two instances sharing a profile wait on each other's lock.
let profile: string | undefined;

/** Convert a document with soffice headless: `to` is a filter spec such as "pdf" or "fodt". */
export async function convert(data: Buffer, ext: string, to: string): Promise<Buffer> {
  if (!SOFFICE) throw new Error('soffice not installed');
  profile ??= mkdtempSync(join(tmpdir(), 'bigan-lo-profile-'));
  const dir = mkdtempSync(join(tmpdir(), 'bigan-lo-'));
  try {
    const input = join(dir, `in.${ext}`);
    writeFileSync(input, data);
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, input];
    const { code, err } = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const p = spawn(SOFFICE, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let e = '';
      p.stderr.on('data', (d: Buffer) => (e += d.toString()));
      p.on('close', (c) => resolve({ code: c, err: e }));
    });
    const out = join(dir, `in.${to.split(':')[0]}`);
    try {
      return readFileSync(out);
    } catch {
      throw new Error(`soffice did not convert (exit ${code}): ${err.trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
