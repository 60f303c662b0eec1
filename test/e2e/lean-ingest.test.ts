/**
 * Lean processes (issue 25 item 3), inspected in a spawned ROLE=all bot: a module hook
 * (test/support/record-loads.mjs) records every module each process loads. The ingest process loads none of
 * the worker's modules (handler, flows, the model's SDK, the document readers); the idle worker none of the
 * heavy document and admin libraries, which load on first use; and the worker is started before the ingest
 * process has finished its own start; the HTTP port opens before any library loads.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { FakeFeishu } from '../support/fake-feishu.js';
import { VERIFICATION_TOKEN } from '../support/events.js';
import { freePort } from '../support/redis.js';
import { repoRoot } from '../support/spawn.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

let feishu: FakeFeishu | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  await feishu?.close();
  feishu = stop = undefined;
});

/** Packages only a worker needs, or only on first use. */
const HEAVY = ['docx', 'mammoth', 'unpdf', 'exceljs', 'jszip', '@bull-board/api', '@bull-board/express', '@xmldom/xmldom', 'yauzl', 'pngjs', 'jpeg-js'];
const WORKER_ONLY_PACKAGES = ['openai', 'unified', 'remark-parse'];
const WORKER_ONLY_MODULES = ['src/handler/handle.ts', 'src/queue/worker.ts', 'src/llm/openai-chat-model.ts', 'src/documents/sandbox.ts', 'src/reminders/service/index.ts', 'src/flows/chat.ts', 'src/flows/drafting/index.ts'];
const pkg = (urls: string[], name: string) => urls.some((u) => u.includes(`/node_modules/${name}/`));

describe('lean processes', () => {
  it('ROLE=all: ingest loads no worker module; the idle worker no heavy library; the port opens and the worker starts first', async () => {
    feishu = await FakeFeishu.start();
    const record = join(mkdtempSync(join(tmpdir(), 'bigan-loads-')), 'loads.txt');
    const port = await freePort();
    const proc = spawn(process.execPath, ['--import', 'tsx', '--import', './test/support/record-loads.mjs', 'src/main.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BIGAN_RECORD_LOADS: record,
        FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'secret_test', FEISHU_DOMAIN: feishu.url, FEISHU_MODE: 'webhook',
        FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, PORT: String(port), REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`,
        OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9', OPENAI_MODEL: 'fake-model', LOG_LEVEL: 'info', ADMIN_TOKEN: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stop = () => proc.kill('SIGKILL');
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const lines = () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    // Both processes up: the main process's start line, and the worker's.
    const until = Date.now() + EVENT_CEILING_MS;
    while (lines().filter((l) => l.msg === 'bigan started').length < 2) {
      if (proc.exitCode !== null) throw new Error(`bot exited ${proc.exitCode}: ${out}`);
      if (Date.now() > until) throw new Error(`the bot did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const log = lines();
    const workerPid = log.find((l) => l.msg === 'worker process started')!.pid as number;
    // Started in parallel: the worker was forked before the ingest process finished its own start.
    expect(log.findIndex((l) => l.msg === 'worker process started')).toBeLessThan(log.findIndex((l) => l.msg === 'bigan started' && l.proc === undefined));

    const loads = readFileSync(record, 'utf8').trim().split('\n').map((l) => l.split(' ') as [string, string]);
    const of = (pid: number) => loads.filter(([p]) => Number(p) === pid).map(([, u]) => u);
    const ingest = of(proc.pid!);
    const worker = of(workerPid);
    expect(ingest.some((u) => u.endsWith('/src/feishu/enqueue-event.ts'))).toBe(true);
    expect(worker.some((u) => u.endsWith('/src/handler/handle.ts'))).toBe(true);

    for (const name of [...HEAVY, ...WORKER_ONLY_PACKAGES]) expect(pkg(ingest, name), `ingest loaded ${name}`).toBe(false);
    for (const m of WORKER_ONLY_MODULES) expect(ingest.some((u) => u.endsWith(`/${m}`)), `ingest loaded ${m}`).toBe(false);
    for (const name of HEAVY) expect(pkg(worker, name), `the idle worker loaded ${name}`).toBe(false);
    // The port was open before any library loaded: main.ts listens (early-http.ts, Node built-ins only) and only
    // then imports the config, the logger and the app. Once up, the app answers readiness on that port.
    const first = (pred: (u: string) => boolean) => ingest.findIndex(pred);
    const portAt = first((u) => u.endsWith('/src/early-http.ts'));
    expect(portAt).toBeGreaterThanOrEqual(0);
    for (const name of ['zod', 'pino', '@larksuiteoapi/node-sdk', 'bullmq', 'ioredis']) expect(first((u) => u.includes(`/node_modules/${name}/`)), `${name} loaded before the port opened`).toBeGreaterThan(portAt);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    // One locale of the date parser, not all of them.
    expect(worker.some((u) => u.includes('/chrono-node/dist/esm/locales/de/'))).toBe(false);
  });
});
