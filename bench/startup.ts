/**
 * Start-up and idle memory (issue 25 item 3): for each bot, the time from spawn to the first GET /healthz
 * 200 (polled every 20 ms; Bigan's /healthz is 200 only once its worker answers too), then the RSS of the
 * process tree (main + supervised worker, from /proc) after IDLE_MS with nothing to do. The bots, in one
 * batch, alternating: `node dist/main.js` ROLE=all (webhook, worker apart), the SDK's LarkChannel bot
 * (bench/channel-bot.ts, bundled), `npm start` (npm → tsx → node src/main.ts → worker), and the floor of one
 * process (Node and the libraries every Bigan process loads). Loopback only.
 * Prints a table and inserts rows into BENCHMARKS.md.
 *
 *   npm run build && npx tsx bench/startup.ts --runs 3 [--base DIR]
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { VERIFICATION_TOKEN } from '../test/support/events.js';
import { freePort } from '../test/support/redis.js';
import { bundleChannelBot, load, machine, now, root, rssTree, startFakes } from './common.js';

const { values: a } = parseArgs({ options: { runs: { type: 'string', default: '3' }, idle: { type: 'string', default: '8000' }, note: { type: 'string', default: '' }, only: { type: 'string', default: '' }, base: { type: 'string', default: '' } } });
const runs = Number(a.runs);
const idleMs = Number(a.idle);

const fakes = await startFakes(1000);
const env: Record<string, string> = {
  PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '',
  FEISHU_APP_ID: 'cli_a1b2c3d4e5f6071a', FEISHU_APP_SECRET: 'secret', FEISHU_DOMAIN: fakes.feishu.url, FEISHU_MODE: 'webhook',
  FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, REDIS_URL: fakes.redis.url, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: fakes.llm.url,
  OPENAI_MODEL: 'fake', LOG_LEVEL: 'warn', ROLE: 'all',
};
const channelJs = await bundleChannelBot();
const FLOOR = `import '@larksuiteoapi/node-sdk'; import 'bullmq'; import 'ioredis'; import 'prom-client'; import 'pino'; import 'zod';
import { createServer } from 'node:http';
createServer((_q, r) => r.end('{"ok":true}')).listen(Number(process.env.PORT), '127.0.0.1');`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// --base DIR: another checkout with its own dist/ (e.g. the commit before a change), started in the same batch.
const BOTS: Record<string, { cmd: string; args: string[]; cwd?: string }> = {
  'bigan node dist/main.js': { cmd: process.execPath, args: ['dist/main.js'] },
  'LarkChannel (peer)': { cmd: process.execPath, args: [channelJs] },
  'bigan npm start': { cmd: npm, args: ['start', '--silent'] },
  // The floor of one Bigan process: Node with the libraries every process of it loads, and nothing else.
  ...(a.base ? { [`bigan node dist/main.js at ${a.base}`]: { cmd: process.execPath, args: ['dist/main.js'], cwd: a.base } } : {}),
  'floor: one process, Node + Lark SDK + bullmq + ioredis + prom-client + pino + zod': { cmd: process.execPath, args: ['--input-type=module', '-e', FLOOR] },
};

interface Row { bot: string; healthyMs: number; readyMs: number; workerUpMs: number; rssMb: number; mainMb: number; procs: number }

async function once(name: string): Promise<Row> {
  const { cmd, args, cwd } = BOTS[name]!;
  const port = await freePort();
  const t0 = performance.now();
  // Its own process group, so npm's children are ended with it.
  const proc = spawn(cmd, args, { cwd: cwd ?? root, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  let healthyMs: number | undefined;
  let readyMs: number | undefined;
  let workerUpMs: number;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited ${proc.exitCode}`);
    const body = await fetch(`http://127.0.0.1:${port}/healthz`).then(async (r) => (r.ok ? r.text() : undefined), () => undefined);
    if (body !== undefined) {
      healthyMs ??= performance.now() - t0;
      // Ready: Bigan's /readyz 200 (Redis and the receiver up; /healthz answers “starting” before; 404 from a
      // build before /readyz); the peer and the floor have no /readyz: ready when their /healthz answers.
      if (readyMs === undefined) {
        const ready = name.startsWith('bigan') ? await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0) : 200;
        if (ready === 200 || ready === 404) readyMs = performance.now() - t0;
      }
      // Bigan's worker on its first start: 200 with `worker: "starting"`; up when it answers for itself.
      if (readyMs !== undefined && !body.includes('"starting"')) {
        workerUpMs = performance.now() - t0;
        break;
      }
    }
    if (performance.now() - t0 > 60_000) throw new Error(`${name} did not become healthy`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, idleMs));
  const tree = rssTree(proc.pid!);
  // npm and the tsx launcher are part of what `npm start` costs: counted.
  const total = [...tree.values()].reduce((s, v) => s + v, 0);
  const row = { bot: name, healthyMs, readyMs: readyMs ?? workerUpMs, workerUpMs, rssMb: total / 2 ** 20, mainMb: (tree.get(proc.pid!) ?? 0) / 2 ** 20, procs: tree.size };
  const exited = new Promise((r) => proc.once('exit', r));
  process.kill(-proc.pid!, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (proc.exitCode === null && proc.signalCode === null) process.kill(-proc.pid!, 'SIGKILL');
  // Let the process group go fully before the next start.
  await new Promise((r) => setTimeout(r, 500));
  return row;
}

const names = a.only ? Object.keys(BOTS).filter((n) => n.includes(a.only)) : Object.keys(BOTS);
const loadBefore = load();
const rows: Row[] = [];
for (let i = 0; i < runs; i++) for (const n of names) rows.push(await once(n));
const loadAfter = load();
await fakes.stop();

const med = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const summary = names.map((n) => {
  const r = rows.filter((x) => x.bot === n);
  return { bot: n, runs: r.length, healthyMs: r.map((x) => Math.round(x.healthyMs)), healthyMedianMs: Math.round(med(r.map((x) => x.healthyMs))), readyMedianMs: Math.round(med(r.map((x) => x.readyMs))), workerUpMedianMs: Math.round(med(r.map((x) => x.workerUpMs))), rssMb: r.map((x) => Math.round(x.rssMb)), rssMedianMb: Math.round(med(r.map((x) => x.rssMb))), mainMedianMb: Math.round(med(r.map((x) => x.mainMb))), procs: r[0]!.procs };
});
console.table(summary);
const peer = summary.find((s) => s.bot.startsWith('LarkChannel'));
const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const MARK = '<!-- bench:startup inserts rows above this line -->';
const lines = summary.map((s) => `| ${now()} | ${s.bot} | ${s.runs} | ${s.healthyMs.join(', ')} | ${s.healthyMedianMs}${peer && s !== peer ? ` (${(s.healthyMedianMs / peer.healthyMedianMs).toFixed(2)}×)` : ''} | ${s.readyMedianMs}${peer && s !== peer ? ` (${(s.readyMedianMs / peer.healthyMedianMs).toFixed(2)}×)` : ''} | ${s.workerUpMedianMs}${peer && s !== peer ? ` (${(s.workerUpMedianMs / peer.healthyMedianMs).toFixed(2)}×)` : ''} | ${s.rssMb.join(', ')} | ${s.rssMedianMb}${peer && s !== peer ? ` (${(s.rssMedianMb / peer.rssMedianMb).toFixed(2)}×)` : ''} | ${s.procs}${s.procs > 1 ? ` (first: ${s.mainMedianMb} MB)` : ''} | ${loadBefore} → ${loadAfter} | nproc ${cpus().length}, ${machine()}${a.note ? `; ${a.note}` : ''} |`).join('\n') + '\n';
const doc = readFileSync(file, 'utf8');
writeFileSync(file, doc.includes(MARK) ? doc.replace(MARK, lines + MARK) : doc + lines);
process.exit(0);
