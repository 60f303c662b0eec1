import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker as Thread } from 'node:worker_threads';
import type { Logger } from './logger.js';

/**
 * ROLE=all runs the worker apart from the ingest event loop (issue 13: acks never wait behind
 * model work): the entry point is started again as a supervised worker, in a child process
 * (default) or a worker thread. The supervisor restarts a worker that dies, forwards the stop,
 * and asks it for health and metrics over the IPC channel.
 */
export type Isolation = 'process' | 'thread';

/** Passed as an argument (not an env variable) so a process manager's own IPC cannot be mistaken for ours. */
export const SUPERVISED_FLAG = '--bigan-supervised-worker';

type Question = 'health' | 'metrics';
type ToWorker = { t: 'stop' } | { t: 'ask'; id: number; what: Question };
/** `hello` names the BullMQ workers (queue → worker id) the child runs, so their jobs can be released if it dies. */
type FromWorker = { t: 'answer'; id: number; value: unknown } | { t: 'hello'; workers: WorkerIds };
/** BullMQ worker ids by queue name (a queue may have several workers in one process). */
export type WorkerIds = Record<string, string[]>;

interface Handle {
  pid: number | string;
  send(m: ToWorker): void;
  /** Lower its CPU priority (once it has started: a niced start-up is starved on busy cores, and /healthz waits for it). */
  lowerPriority(nice: number): void;
  /** Ask it to drain and exit. */
  stop(): void;
  kill(): void;
  onMessage(f: (m: FromWorker) => void): void;
  onExit(f: (code: number | null, signal: string | null) => void): void;
}

function start(isolation: Isolation, entry: string, env: NodeJS.ProcessEnv, log: Logger): Handle {
  if (isolation === 'thread') {
    const th = new Thread(entry, { argv: [SUPERVISED_FLAG], env, execArgv: process.execArgv });
    th.on('error', (err) => log.error({ err }, 'worker thread error'));
    return {
      pid: `thread-${th.threadId}`,
      send: (m) => th.postMessage(m),
      lowerPriority: () => undefined,
      stop: () => th.postMessage({ t: 'stop' } satisfies ToWorker),
      kill: () => void th.terminate(),
      onMessage: (f) => th.on('message', f),
      onExit: (f) => th.on('exit', (code) => f(code, null)),
    };
  }
  const cp = fork(entry, [SUPERVISED_FLAG], { env, execArgv: process.execArgv });
  return {
    pid: cp.pid ?? 'unknown',
    // WORKER_NICE > 0: when the cores are busy, acks go before model and card work. Off by default: on a
    // busy machine a niced worker's every first token waited behind everything else (BENCHMARKS.md).
    lowerPriority: (nice) => {
      try {
        if (cp.pid && nice > 0) setPriority(cp.pid, nice);
      } catch {
        /* not permitted here, or gone: same priority */
      }
    },
    send: (m) => {
      if (cp.connected) cp.send(m);
    },
    stop: () => cp.kill('SIGTERM'),
    kill: () => cp.kill('SIGKILL'),
    onMessage: (f) => cp.on('message', (m) => f(m as FromWorker)),
    onExit: (f) => cp.on('exit', (code, signal) => f(code, signal)),
  };
}

export interface WorkerSupervisor {
  /** Ask the running worker; undefined when none answers in time. */
  ask(what: Question, timeoutMs: number): Promise<unknown>;
  /** True until the first worker has announced itself: it is starting, not down. */
  starting(): boolean;
  /** No restarts from now on (called as soon as shutdown begins). */
  stopping(): void;
  /** Drain the worker, bounded: after `ms` it is killed. */
  stop(ms: number): Promise<void>;
}

const MAX_RESTART_DELAY_MS = 30_000;

export interface SuperviseOptions {
  entry: string;
  env: NodeJS.ProcessEnv;
  isolation: Isolation;
  log: Logger;
  /** Niceness of a worker process once it has started (WORKER_NICE; 0, the default, keeps the supervisor's). */
  nice?: number;
  /** Called when the worker died, before it is restarted: release the jobs it held (issue 25 item 6). */
  onDied?: (workers: WorkerIds) => Promise<void>;
  /** Called when a worker announced itself (tests and benchmarks wait on it). */
  onHello?: (workers: WorkerIds) => void;
}

export function superviseWorker(o: SuperviseOptions): WorkerSupervisor {
  let handle: Handle | undefined;
  let exited: Promise<void> = Promise.resolve();
  let ending = false;
  let everUp = false;
  let launches = 0;
  let delay = 1000;
  let nextId = 0;
  const waiting = new Map<number, (v: unknown) => void>();

  const launch = () => {
    const startedAt = Date.now();
    launches++;
    const h = start(o.isolation, o.entry, o.env, o.log);
    handle = h;
    o.log.info({ pid: h.pid, isolation: o.isolation }, 'worker process started');
    let announced: WorkerIds = {};
    h.onMessage((m) => {
      if (m.t === 'answer') waiting.get(m.id)?.(m.value);
      if (m.t === 'hello') {
        announced = m.workers;
        everUp = true;
        h.lowerPriority(o.nice ?? 0);
        o.onHello?.(m.workers);
      }
    });
    exited = new Promise((resolve) => h.onExit((code, signal) => {
      handle = undefined;
      resolve();
      if (ending) return;
      // A worker that ran a while gets a quick restart; one that keeps dying backs off.
      delay = Date.now() - startedAt > 60_000 ? 1000 : Math.min(delay * 2, MAX_RESTART_DELAY_MS);
      o.log.error({ pid: h.pid, code, signal, restartInMs: delay }, 'worker process exited; restarting it');
      // Its jobs go back before the new worker starts: the new one's first stalled check takes them.
      const released = o.onDied ? o.onDied(announced).catch((err: unknown) => o.log.warn({ err }, 'could not release the dead worker\'s jobs')) : Promise.resolve();
      void released.then(() => setTimeout(() => {
        if (!ending) launch();
      }, delay).unref());
    }));
  };
  launch();
  // Never leave an orphan behind, whatever ends this process.
  process.on('exit', () => handle?.kill());

  return {
    ask: (what, timeoutMs) => {
      const h = handle;
      if (!h) return Promise.resolve(undefined);
      const id = ++nextId;
      return new Promise((resolve) => {
        const timer = setTimeout(() => done(undefined), timeoutMs);
        timer.unref();
        const done = (v: unknown) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(v);
        };
        waiting.set(id, done);
        h.send({ t: 'ask', id, what });
      });
    },
    // Only the very first start: a worker that died before it ever started is down, not starting.
    starting: () => !everUp && launches === 1 && handle !== undefined,
    stopping: () => {
      ending = true;
    },
    stop: async (ms) => {
      ending = true;
      const h = handle;
      if (!h) return;
      h.stop();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), ms)));
      const outcome = await Promise.race([exited.then(() => 'exited' as const), late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        o.log.warn({ pid: h.pid }, 'worker process did not stop in time; killing it');
        h.kill();
        await Promise.race([exited, new Promise((r) => setTimeout(r, 1000).unref())]);
      }
    },
  };
}

/** The worker's side of the channel, when this process or thread is a supervised worker. */
export interface SupervisedChannel {
  onStop(f: () => void): void;
  /** Tell the supervisor which BullMQ workers run here. */
  announce(workers: WorkerIds): void;
  answer(what: Question, f: () => Promise<unknown>): void;
}

export function supervisedChannel(): SupervisedChannel | undefined {
  if (!process.argv.includes(SUPERVISED_FLAG)) return undefined;
  const port = !isMainThread ? parentPort : undefined;
  const send = (m: FromWorker) => {
    if (port) port.postMessage(m);
    else if (process.connected) process.send?.(m);
  };
  const listen = (f: (m: ToWorker) => void) => {
    if (port) port.on('message', f);
    else process.on('message', (m) => f(m as ToWorker));
  };
  const answers = new Map<Question, () => Promise<unknown>>();
  listen((m) => {
    if (m.t !== 'ask') return;
    const f = answers.get(m.what);
    if (!f) return;
    f().then((value) => send({ t: 'answer', id: m.id, value }), () => send({ t: 'answer', id: m.id, value: undefined }));
  });
  return {
    onStop: (f) => {
      listen((m) => {
        if (m.t === 'stop') f();
      });
      // The supervisor is gone (killed hard): stop rather than run unsupervised.
      if (!port) process.on('disconnect', f);
    },
    answer: (what, f) => {
      answers.set(what, f);
    },
    announce: (workers) => send({ t: 'hello', workers }),
  };
}
