import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EVENT_CEILING_MS } from './wait.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BotProcess {
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolve with the first stdout JSON log line that matches. */
  waitForLog(pred: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited(): Promise<number | null>;
}

/** Run the bot's sources (src/main.ts through tsx, as `npm start` does without a current build) with exactly this environment. */
export function spawnBot(env: Record<string, string>, opts: { stdin?: 'pipe' | 'ignore' } = {}): BotProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    waitForLog: async (pred, timeoutMs = EVENT_CEILING_MS) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        for (const line of out.split('\n')) {
          if (!line.startsWith('{')) continue;
          try {
            const j = JSON.parse(line) as Record<string, unknown>;
            if (pred(j)) return j;
          } catch {
            /* partial line */
          }
        }
        if (proc.exitCode !== null) throw new Error(`bot exited ${proc.exitCode}: ${err}`);
        if (Date.now() > until) throw new Error(`no matching log line; stdout:\n${out}\nstderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
