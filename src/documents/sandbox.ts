import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOC_TEXTS } from '../core/document-texts.js';
import { DocumentError } from '../core/errors.js';
import type { Annotation } from './annotate.js';
import type { ExtractedFile } from './extract.js';
import type { ScannedPdf } from './pdf-scan.js';
import type { ParseLimits } from './limits.js';
import type { ParseReply, ParseRequest } from './parser-child.js';
import type { ApplyResult, CritiqueResult, InspectResult, ReviewJob } from './review/jobs.js';
import type { DocumentParser, ParseCall } from './parser.js';

/** How a parse ended, for logs and metrics (never the file's name or text). */
export type ParseOutcome = 'ok' | 'refused' | 'crashed' | 'quarantined' | 'cancelled' | 'busy';

/** Where crashed files are remembered (stores/quarantine.ts over Redis). */
export interface ParseQuarantine {
  has(sha: string): Promise<boolean>;
  add(sha: string): Promise<void>;
  begin(jobKey: string, sha: string): Promise<boolean>;
  end(jobKey: string): Promise<void>;
}

export interface SandboxOptions {
  limits: ParseLimits;
  /** V8 heap of the parser process (--max-old-space-size). */
  heapMb: number;
  /** Resident memory of the parser process (heap plus buffers), watched from outside; Linux only. */
  maxRssMb: number;
  timeoutMs: number;
  /** Parser processes at once; more files wait their turn. */
  concurrency: number;
  quarantine?: ParseQuarantine;
  onOutcome?: (o: { op: 'extract' | 'annotate' | 'review' | 'scan'; outcome: ParseOutcome; why?: string; ms: number }) => void;
}

/** The parser's entry beside this file: .ts under tsx or vitest, .js once compiled. */
const here = fileURLToPath(import.meta.url);
const CHILD = here.slice(0, -extname(here).length).replace(/sandbox$/, 'parser-child') + extname(here);

/** Node flags of the parser: its heap cap, and tsx's loader when the entry is TypeScript. */
function childArgv(heapMb: number): string[] {
  const flags = [`--max-old-space-size=${heapMb}`];
  if (CHILD.endsWith('.ts')) flags.unshift('--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href);
  return flags;
}

/** Resident set of a process in bytes, from /proc (undefined elsewhere or once it is gone). */
function rssOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number | undefined {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return undefined;
  }
}

const HAS_PROC = process.platform === 'linux';

/** The file made its parser exceed a limit: the file's fault, so it is quarantined. */
class Crash extends Error {}

/**
 * Files are parsed in a child process started per file (none at idle), at the lowest CPU
 * priority, with its own heap cap, a resident-memory watch and a time limit; the worker only
 * waits on IPC. A process rather than a worker thread: a thread's resourceLimits cap only the
 * V8 heap, not the buffers a zip or PDF decoder fills, and a thread's memory stays in the
 * worker's RSS after it ends. A file that kills its parser is quarantined at once.
 */
export class SandboxedParser implements DocumentParser {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly o: SandboxOptions) {}

  async extract(name: string, data: Buffer, call: ParseCall): Promise<ExtractedFile> {
    return (await this.run({ op: 'extract', name, data, limits: this.o.limits }, call)) as ExtractedFile;
  }

  async scan(name: string, data: Buffer, call: ParseCall): Promise<ScannedPdf> {
    return (await this.run({ op: 'scan', name, data, limits: this.o.limits }, { ...call, key: `${call.key}:scan` })) as ScannedPdf;
  }

  async annotate(name: string, data: Buffer, annotations: readonly Annotation[], now: Date, call: ParseCall): Promise<{ data: Buffer; placed: number }> {
    const r = (await this.run({ op: 'annotate', name, data, limits: this.o.limits, annotations: [...annotations], now: now.getTime() }, call)) as { data: Uint8Array; placed: number };
    return { data: Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), placed: r.placed };
  }

  review(name: string, data: Buffer, job: { kind: 'inspect' }, now: Date, call: ParseCall): Promise<InspectResult>;
  review(name: string, data: Buffer, job: Extract<ReviewJob, { kind: 'apply' }>, now: Date, call: ParseCall): Promise<ApplyResult>;
  review(name: string, data: Buffer, job: { kind: 'critique' }, now: Date, call: ParseCall): Promise<CritiqueResult>;
  async review(name: string, data: Buffer, job: ReviewJob, now: Date, call: ParseCall): Promise<InspectResult | ApplyResult | CritiqueResult> {
    const r = (await this.run({ op: 'review', name, data, limits: this.o.limits, job, now: now.getTime() }, { ...call, key: `${call.key}:${job.kind}` })) as InspectResult | ApplyResult | CritiqueResult;
    // Bytes come back over IPC as a Uint8Array: a Buffer again for the callers.
    if (r && 'docx' in r && r.docx) return { ...r, docx: Buffer.from(r.docx.buffer, r.docx.byteOffset, r.docx.byteLength) };
    return r;
  }

  private async run(req: ParseRequest, call: ParseCall): Promise<unknown> {
    const started = Date.now();
    const report = (outcome: ParseOutcome, why?: string) => this.o.onOutcome?.({ op: req.op, outcome, why, ms: Date.now() - started });
    const q = this.o.quarantine;
    const sha = createHash('sha256').update(req.data).digest('hex');
    const jobKey = `${call.key}:${req.op}`;
    const crashed = () => new DocumentError('too-complex', DOC_TEXTS.parserCrashed(req.name));
    if (q && (await q.has(sha))) {
      report('quarantined', 'known');
      throw crashed();
    }
    if (q && !(await q.begin(jobKey, sha))) {
      // An earlier attempt of this job was parsing this very file when its worker died.
      await q.add(sha);
      await q.end(jobKey);
      report('quarantined', 'worker died mid-parse');
      throw crashed();
    }
    let reply: ParseReply;
    let slot = false;
    try {
      await this.acquire(call.signal);
      slot = true;
      reply = await this.inChild(req, call.signal);
    } catch (err) {
      if (err instanceof Crash) {
        await q?.add(sha);
        await q?.end(jobKey);
        report('crashed', err.message);
        throw crashed();
      }
      await q?.end(jobKey);
      report(call.signal?.aborted ? 'cancelled' : 'busy', (err as Error).message);
      throw err;
    } finally {
      if (slot) this.release();
    }
    await q?.end(jobKey);
    if (reply.ok) {
      report('ok');
      return reply.value;
    }
    if ('reason' in reply) {
      report('refused', reply.reason);
      throw new DocumentError(reply.reason, reply.userMessage);
    }
    report('refused', 'error');
    throw new Error(`document ${req.op} failed: ${reply.error}`);
  }

  /** One parser process for one request: its reply, or a Crash (memory, time, exit), or the cancel. */
  private inChild(req: ParseRequest, signal?: AbortSignal): Promise<ParseReply> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('document parse cancelled'));
      let child: ChildProcess;
      try {
        child = fork(CHILD, [], {
          execArgv: childArgv(this.o.heapMb),
          // Nothing of the worker's environment (keys, secrets) is needed to read a file.
          env: { PATH: process.env.PATH ?? '', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}) },
          serialization: 'advanced',
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        });
      } catch (err) {
        return reject(new Crash(`could not start the parser: ${(err as Error).message}`));
      }
      try {
        if (child.pid) setPriority(child.pid, 19);
      } catch {
        /* not permitted here: the worker's own priority */
      }
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        if (stderr.length < 8192) stderr += d.toString('utf8');
      });
      let settled = false;
      let killedFor = '';
      const kill = (why: string) => {
        if (!killedFor) killedFor = why;
        child.kill('SIGKILL');
      };
      // The time limit counts the parser's CPU time where /proc tells it, so a busy machine (the parser
      // runs at the lowest priority) does not make an ordinary file look hostile; the wall clock is
      // then only a backstop, and running into it is the machine's fault, not the file's.
      const wallMs = HAS_PROC ? Math.max(4 * this.o.timeoutMs, 30_000) : this.o.timeoutMs;
      const timer = setTimeout(() => kill(HAS_PROC ? 'busy' : `over the time limit (${this.o.timeoutMs} ms)`), wallMs);
      const watch = setInterval(() => {
        if (!child.pid) return;
        const rss = rssOf(child.pid);
        if (rss !== undefined && rss > this.o.maxRssMb * 1024 * 1024) kill(`over the memory limit (${Math.round(rss / 1048576)} MB resident)`);
        const cpu = cpuMsOf(child.pid);
        if (cpu !== undefined && cpu > this.o.timeoutMs) kill(`over the CPU-time limit (${this.o.timeoutMs} ms)`);
      }, 100);
      const onAbort = () => kill('cancelled');
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        signal?.removeEventListener('abort', onAbort);
      };
      child.once('message', (reply: ParseReply) => {
        if (settled) return;
        done();
        resolve(reply);
      });
      child.once('error', (err) => {
        if (settled) return;
        done();
        child.kill('SIGKILL');
        reject(new Crash(`parser process error: ${err.message}`));
      });
      child.once('exit', (code, sig) => {
        if (settled) return;
        done();
        if (killedFor === 'cancelled') return reject(new Error('document parse cancelled'));
        // Retried by BullMQ like any transient failure; never a quarantine.
        if (killedFor === 'busy') return reject(new Error(`document parse did not finish within ${wallMs} ms (machine busy)`));
        const oom = /heap out of memory|Reached heap limit/i.test(stderr);
        reject(new Crash(killedFor || (oom ? 'over the heap limit' : `parser exited (${sig ?? code})`)));
      });
      child.send(req);
    });
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    if (this.running < this.o.concurrency) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', abort);
        this.running++;
        resolve();
      };
      const abort = () => {
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new Error('document parse cancelled'));
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting.push(go);
    });
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}
