/**
 * `npm ci` on a fresh clone prints no warning the README does not explain: every
 * dependency with an install script is declared in package.json's `allowScripts`
 * (npm 11 blocks undeclared ones and warns), and the README says why for each.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const read = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

describe('dependency install scripts', () => {
  const pkg = read<{ allowScripts?: Record<string, boolean> }>('package.json');
  const lock = read<{ packages: Record<string, { version?: string; hasInstallScript?: boolean }> }>('package-lock.json');
  const withScripts = [...new Set(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)))].sort();

  it('each one in the lockfile is declared in allowScripts, and the README says why', () => {
    expect(withScripts.length).toBeGreaterThan(0);
    expect(Object.keys(pkg.allowScripts ?? {}).sort()).toEqual(withScripts);
    const readme = readFileSync('README.md', 'utf8');
    for (const name of withScripts) expect(readme, name).toContain(`\`${name}\``);
  });

  it('npm itself finds none left to review (npm 11; older npm has no allowScripts and runs them)', async () => {
    const { stdout: version } = await run('npm', ['--version']);
    if (Number(version.split('.')[0]) < 11) {
      console.log(`npm ${version.trim()} runs install scripts without asking; checked the lockfile only`);
      return;
    }
    const { stdout } = await run('npm', ['install-scripts', 'ls']);
    expect(stdout).toContain('No packages with unreviewed install scripts.');
  });
});
