import { runCli } from '../../src/cli/main.js';
import { SUITE_NOW, testClock } from './clock.js';

/** Run a `bigan` subcommand in this process with captured output, as the terminal would see it, “today” from the suite's clock. */
export async function runBigan(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readStdin: () => Promise.resolve(stdin), now: () => new Date(testClock(SUITE_NOW).now()) });
  return { code, stdout, stderr };
}
