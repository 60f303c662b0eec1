#!/usr/bin/env node
// Launcher: runs src/cli/main.ts through tsx's ESM loader, forwarding stdio and the exit code.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
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
