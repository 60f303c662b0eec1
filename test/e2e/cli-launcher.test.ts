import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/spawn.js';

// The one test of bin/bigan.mjs itself (compiled dist/ when current, else tsx; output and exit code); every
// subcommand is tested in process or through the compiled CLI.
describe('bin/bigan.mjs', () => {
  it('runs the CLI (compiled or through tsx) and forwards its output and exit code', async () => {
    const ok = await promisify(execFile)(process.execPath, ['bin/bigan.mjs', '--help'], { cwd: repoRoot });
    expect(ok.stdout).toContain('用法：bigan <命令>');
    const bad = await promisify(execFile)(process.execPath, ['bin/bigan.mjs', 'frobnicate'], { cwd: repoRoot }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知命令：frobnicate');
  });
});

// `npm start` (issue 25 item 3): the compiled bot in npm's own child when dist/ is current, else src/main.ts through tsx.
describe('bin/start.mjs', () => {
  it('starts the bot (compiled or through tsx) and forwards its exit code and error message', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', FEISHU_MODE: 'socket' };
    const bad = await promisify(execFile)(process.execPath, ['bin/start.mjs'], { cwd: repoRoot, env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('FEISHU_MODE');
  });
});
