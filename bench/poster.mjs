/**
 * The load generator's posting loop, on its own thread: the fakes and the card scanner keep the
 * bench's main loop busy (its event-loop delay reached p99 ≈ 49 ms during ingest), and an ack
 * timed on that loop would include that wait. Here a post is timed on a loop that only posts.
 * Plain JavaScript: tsx's loader does not reach worker threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';


const { url, bodies, concurrency, rate } = workerData;
const epoch = () => performance.timeOrigin + performance.now();
/** Per delivery: epoch ms when sent, ack ms, HTTP status. */
const out = { sentAt: [], ackMs: [], status: [], startedAt: epoch(), endedAt: 0 };

const postOne = async (i) => {
  const t0 = performance.now();
  out.sentAt[i] = performance.timeOrigin + t0;
  const res = await fetch(url, { method: 'POST', body: bodies[i], headers: { 'content-type': 'application/json' } });
  await res.text();
  out.ackMs[i] = performance.now() - t0;
  out.status[i] = res.status;
};

const started = performance.now();
if (rate > 0) {
  // Open loop, as Feishu pushes: deliveries go out at a fixed rate whatever the acks take.
  const inFlight = [];
  for (let i = 0; i < bodies.length; i++) {
    const due = started + (i * 1000) / rate;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    inFlight.push(postOne(i));
  }
  await Promise.all(inFlight);
} else {
  // Closed loop: C posts in flight at once (ack latency is then C / throughput).
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < bodies.length) await postOne(next++);
  }));
}
out.endedAt = epoch();
parentPort.postMessage(out);
