import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { format } from 'node:util';
import { pino } from 'pino';

export const CONSOLE_LOG_FILE = resolve('.data/bigan.log');

/** A fatal log entry as one plain line for the terminal: what failed and where the details are. */
export function fatalLine(json: string, file: string = CONSOLE_LOG_FILE): string {
  let msg = '';
  let why = '';
  try {
    const entry = JSON.parse(json) as { msg?: unknown; err?: { message?: unknown } };
    msg = typeof entry.msg === 'string' ? entry.msg : '';
    why = typeof entry.err?.message === 'string' ? entry.err.message : '';
  } catch {
    /* not JSON: say only where the log is */
  }
  const what = [msg, why].filter(Boolean).join(': ');
  return `笔杆子无法继续运行${what ? `（${what}）` : ''}。详情见日志 ${file}\n`;
}

/**
 * Where logs go in console mode: the terminal is the chat, so every log line, warnings
 * and errors included, goes to `.data/bigan.log`; only a fatal error also reaches the
 * terminal, as one plain line on stderr (`fatalLine`), never JSON.
 */
export function consoleLogDestination(file: string = CONSOLE_LOG_FILE, stderr: NodeJS.WritableStream = process.stderr): pino.DestinationStream {
  mkdirSync(dirname(file), { recursive: true });
  const terminal = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      stderr.write(fatalLine(String(chunk), file));
      cb();
    },
  });
  return pino.multistream([
    { level: 'trace', stream: pino.destination({ dest: file, sync: true, mkdir: true }) },
    { level: 'fatal', stream: terminal },
  ]);
}

/** console.* calls from libraries go to the log file, not the terminal the chat is using. */
export function routeConsoleToLog(log: pino.Logger): void {
  const to = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => log[level]({ source: 'console' }, format(...args));
  console.debug = to('debug');
  console.trace = to('debug');
  console.log = to('info');
  console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
}
