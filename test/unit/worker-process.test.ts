/**
 * The supervisor's `starting` state (issue 25 item 3): /healthz is 200 with `worker: "starting"` only during
 * the worker's very first start; once it announced itself, or if it died before it ever did, it is not.
 * Real child processes (tiny entry scripts), no mocks.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { superviseWorker } from '../../src/worker-process.js';

const silent = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
const entry = (body: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'bigan-sup-')), 'entry.mjs');
  writeFileSync(file, body);
  return file;
};

/** A worker that announces itself and then says its own pid, so the test can read its niceness. */
const HELLO = "process.send({ t: 'hello', workers: { messages: [String(process.pid)] } }); process.on('message', (m) => { if (m.t === 'stop') process.exit(0); }); setInterval(() => {}, 1000);";

/** Start a supervised worker, wait until it announced itself, and return its pid (the supervisor has set its priority by then). */
async function announcedPid(nice?: number): Promise<{ pid: number; stop: () => Promise<void> }> {
  let hello!: (pid: number) => void;
  const announced = new Promise<number>((r) => (hello = r));
  const s = superviseWorker({ entry: entry(HELLO), env: process.env, isolation: 'process', log: silent, ...(nice === undefined ? {} : { nice }), onHello: (w) => hello(Number(w.messages![0])) });
  return { pid: await announced, stop: () => s.stop(5000) };
}

describe('the worker supervisor', () => {
  // Issue 25 item 1: a worker at niceness 10 took its jobs and opened its cards last on a busy machine, so every
  // first token came seconds late; by default it now runs at the supervisor's priority (WORKER_NICE lowers it).
  it('leaves the worker at its own priority by default, and lowers it to WORKER_NICE once it has started', async () => {
    const mine = getPriority();
    const plain = await announcedPid();
    try {
      expect(getPriority(plain.pid)).toBe(mine);
    } finally {
      await plain.stop();
    }
    const niced = await announcedPid(Math.min(19, mine + 5));
    try {
      expect(getPriority(niced.pid)).toBe(Math.min(19, mine + 5));
    } finally {
      await niced.stop();
    }
  });

  it('is starting until the worker announces itself, then not', async () => {
    let hello!: () => void;
    const announced = new Promise<void>((r) => (hello = r));
    const s = superviseWorker({
      entry: entry("process.send({ t: 'hello', workers: {} }); process.on('message', (m) => { if (m.t === 'stop') process.exit(0); }); setInterval(() => {}, 1000);"),
      env: process.env, isolation: 'process', log: silent, onHello: () => hello(),
    });
    try {
      expect(s.starting()).toBe(true);
      await announced;
      expect(s.starting()).toBe(false);
    } finally {
      await s.stop(5000);
    }
  });

  it('a worker that dies before it ever started is down, not starting (also while it is restarted)', async () => {
    let died!: () => void;
    const dead = new Promise<void>((r) => (died = r));
    const s = superviseWorker({ entry: entry('process.exit(3);'), env: process.env, isolation: 'process', log: silent, onDied: () => Promise.resolve(died()) });
    try {
      expect(s.starting()).toBe(true);
      await dead;
      expect(s.starting()).toBe(false);
    } finally {
      await s.stop(5000);
    }
  });
});
