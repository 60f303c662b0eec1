#!/usr/bin/env node
// `npm start`: runs the compiled bot (dist/main.js, from `npm run build`) in this process when it is at least
// as new as every file under src/, so npm's child is the bot itself (no tsx transpiler in memory); otherwise
// src/main.ts through tsx, as before, so a fresh clone works right after `npm ci`.
import { spawn } from 'node:child_process';
import { freshness, root } from './fresh.mjs';

const compiled = `${root}dist/main.js`;

if (freshness(compiled) === 1) {
  await import(compiled);
} else {
  // Resolved from this file, so it works from any working directory; the worker process inherits the loader.
  const loader = import.meta.resolve('tsx/esm');
  const child = spawn(process.execPath, ['--import', loader, `${root}src/main.ts`, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    process.stderr.write(`无法启动：${err.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
