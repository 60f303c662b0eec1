#!/usr/bin/env node
// Launcher. Runs the compiled CLI (dist/, from `npm run build`) in this process when it is
// at least as new as every file under src/; otherwise runs src/cli/main.ts through tsx,
// with a one-line note, so a fresh clone works right after `npm ci` (no install script).
import { spawn } from 'node:child_process';
import { freshness, root } from './fresh.mjs';

const compiled = `${root}dist/cli/main.js`;

const fresh = freshness(compiled);
if (fresh === 1) {
  const { runCli, processIO } = await import(compiled);
  try {
    process.exitCode = await runCli(process.argv.slice(2), processIO);
  } catch (err) {
    process.stderr.write(`内部错误：${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
} else {
  process.stderr.write(`提示：${fresh < 0 ? '尚未编译' : '源代码比编译结果新'}，改用 tsx 直接运行（较慢）；运行 npm run build 可加快启动。\n`);
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
