/**
 * Shared by the load benchmarks: the fakes run in the benchmark process, the bot in its own
 * process(es), so the bot's RSS is measured alone (issue 13).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../src/logger.js';
import { obtainRedis, type RedisHandle } from '../src/redis.js';
import { FakeFeishu } from '../test/support/fake-feishu.js';
import { startFakeOpenAI, type FakeOpenAI } from '../test/support/fake-openai.js';
import { freePort } from '../test/support/redis.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const silent = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
export const PIECES = 20;

export interface Fakes {
  redis: RedisHandle;
  feishu: FakeFeishu;
  llm: FakeOpenAI;
  stop(): Promise<void>;
}

/** A private redis-server, the fake Open API and a fake model streaming PIECES chunks over streamMs. */
export async function startFakes(streamMs: number): Promise<Fakes> {
  const redis = await obtainRedis(undefined, silent, { localUrl: `redis://127.0.0.1:${await freePort()}`, dataDir: join(mkdtempSync(join(tmpdir(), 'bigan-bench-')), 'redis') });
  const feishu = await FakeFeishu.start();
  const llm = await startFakeOpenAI(() => ({ chunks: Array.from({ length: PIECES }, (_v, i) => `第${i + 1}段内容。`), delayMs: streamMs / PIECES }));
  return {
    redis, feishu, llm,
    stop: async () => {
      await feishu.close();
      await llm.close();
      await redis.stop();
    },
  };
}

export interface BotProc {
  proc: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

/**
 * Start a bot process and wait until GET /healthz answers 200: compiled JavaScript as `node FILE`
 * (how the Docker image runs), TypeScript through tsx (how `npm start` runs).
 */
export async function startBotProcess(script: string, env: Record<string, string>, cwd = root, nodeArgs: string[] = []): Promise<BotProc> {
  const port = await freePort();
  const args = [...nodeArgs, ...(script.endsWith('.ts') ? ['--import', 'tsx', script] : [script])];
  const proc = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => proc.once('exit', r));
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`${script} exited ${proc.exitCode}`);
    // The worker included: during its first start Bigan's /healthz is already 200 with `worker: "starting"`.
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(async (r) => r.ok && !(await r.text()).includes('"starting"'), () => false);
    if (ok) break;
    if (i > 1200) throw new Error(`${script} did not become healthy`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    port,
    stop: async () => {
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

/** RSS in bytes of a process and each of its descendants (Linux /proc). */
export function rssTree(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  const visit = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) out.set(p, Number(m[1]) * 1024);
      for (const t of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(t));
    } catch {
      /* gone */
    }
  };
  visit(pid);
  return out;
}

/** Peak RSS of the bot's root process and of its descendants, sampled every 100 ms. */
export function watchRss(pid: number): { stop(): { rootMb: number; othersMb: number; totalMb: number } } {
  let root = 0;
  let others = 0;
  let total = 0;
  const timer = setInterval(() => {
    const m = rssTree(pid);
    const r = m.get(pid) ?? 0;
    let o = 0;
    for (const [p, v] of m) if (p !== pid) o += v;
    root = Math.max(root, r);
    others = Math.max(others, o);
    total = Math.max(total, r + o);
  }, 100);
  const mb = (b: number) => Math.round(b / 2 ** 20);
  return {
    stop: () => {
      clearInterval(timer);
      return { rootMb: mb(root), othersMb: mb(others), totalMb: mb(total) };
    },
  };
}

export const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

export const machine = () => `${cpus()[0]?.model.trim() ?? 'unknown'} ×${cpus().length}, Node ${process.version}`;
export const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
export const now = () => new Date().toISOString().slice(0, 16).replace('T', ' ');

/** Compile bench/channel-bot.ts to JavaScript (packages stay external), so it runs without tsx like dist/. */
export async function bundleChannelBot(): Promise<string> {
  const { build } = await import('esbuild');
  const out = join(root, '.data', 'channel-bot.mjs');
  await build({ entryPoints: [join(root, 'bench', 'channel-bot.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'warning' });
  return out;
}

/** CPU seconds (user + system) used so far by a process and, summed, by its descendants (Linux /proc). */
export function cpuTree(pid: number): { main: number; others: number } {
  const tick = 100;
  const cpuOf = (p: number) => {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / tick;
    } catch {
      return 0;
    }
  };
  let others = 0;
  for (const p of rssTree(pid).keys()) if (p !== pid) others += cpuOf(p);
  return { main: cpuOf(pid), others };
}
