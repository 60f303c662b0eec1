#!/usr/bin/env node
// Launcher. Runs the compiled CLI (dist/, from `npm run build`) in this process when it is
// at least as new as every file under src/; otherwise runs src/cli/main.ts through tsx,
// with a one-line note, so a fresh clone works right after `npm ci` (no install script).
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = `${root}dist/cli/main.js`;

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Newest .ts under src/: a stat per file, a few milliseconds, so edits never run stale code. */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, mtime(p));
  }
  return newest;
}

const builtAt = mtime(compiled);
if (builtAt >= 0 && builtAt >= newestSource(`${root}src`)) {
  const { runCli, processIO } = await import(compiled);
  try {
    process.exitCode = await runCli(process.argv.slice(2), processIO);
  } catch (err) {
    process.stderr.write(`内部错误：${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
} else {
  process.stderr.write(`提示：${builtAt < 0 ? '尚未编译' : '源代码比编译结果新'}，改用 tsx 直接运行（较慢）；运行 npm run build 可加快启动。\n`);
  const main = `${root}src/cli/main.ts`;
  // Resolved from this file, so `npx bigan` works from any working directory.
  const loader = import.meta.resolve('tsx/esm');
  const child = spawn(process.execPath, ['--import', loader, main, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    process.stderr.write(`无法启动命令行程序：${err.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
