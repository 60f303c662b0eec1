/**
 * The supervisor's `starting` state (issue 25 item 3): /healthz is 200 with `worker: "starting"` only during
 * the worker's very first start; once it announced itself, or if it died before it ever did, it is not.
 * Real child processes (tiny entry scripts), no mocks.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('the worker supervisor', () => {
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
