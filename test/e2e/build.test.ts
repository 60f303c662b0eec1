import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../support/spawn.js';

describe('the production build (what the Dockerfile runs)', () => {
  it('npm run build compiles to dist/, and plain `node dist/main.js` (no tsx) answers in console mode', async () => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8', timeout: 170_000 });
    expect(build.status, build.stderr + build.stdout).toBe(0);
    const proc = spawn(process.execPath, ['dist/main.js'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`, LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdin.end('帮助\n');
    const code = await new Promise<number | null>((r) => proc.once('exit', r));
    expect(code, err).toBe(0);
    expect(out).toContain('控制台模式');
    expect(out).toContain('起草提纲');
  }, 240_000);
});
