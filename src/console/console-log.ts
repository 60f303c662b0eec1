import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pino } from 'pino';

export const CONSOLE_LOG_FILE = resolve('.data/bigan.log');

/**
 * Where logs go in console mode: the chat owns the terminal, so every log line goes to
 * `.data/bigan.log`, and warnings and errors also to stderr, each on its own line.
 */
export function consoleLogDestination(file: string = CONSOLE_LOG_FILE): pino.DestinationStream {
  mkdirSync(dirname(file), { recursive: true });
  return pino.multistream([
    { level: 'trace', stream: pino.destination({ dest: file, sync: true, mkdir: true }) },
    { level: 'warn', stream: pino.destination({ dest: 2, sync: true }) },
  ]);
}
