/**
 * Load run (issue 13): N events, each delivered twice (Feishu re-push), posted C at a time to a bot's
 * webhook while the fake model streams each answer over STREAM_MS. The fakes (Open API, model, a
 * private redis-server) run in this process; the bot runs in its own process, so its RSS is its own.
 * Loopback only; bounded by N. Prints a row and appends it to BENCHMARKS.md.
 *
 *   npm run bench:load -- --events 1000 --concurrency 30 --stream 2000 --wc 64 --isolation process
 *   npm run bench:load -- --bot channel ...   (the minimal bot on the SDK's LarkChannel, bench/channel-bot.ts)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../test/support/events.js';
import type { FakeMessage } from '../test/support/fake-feishu.js';
import { messageJobId } from '../src/queue/jobs.js';
import { bundleChannelBot, cpuTree, load, machine, now, PIECES, quantile, startBotProcess, startFakes, watchRss } from './common.js';

const { values: a } = parseArgs({
  options: {
    events: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '30' },
    rate: { type: 'string', default: '0' },
    stream: { type: 'string', default: '2000' },
    wc: { type: 'string', default: '512' },
    isolation: { type: 'string', default: 'process' },
    bot: { type: 'string', default: 'bigan' },
    note: { type: 'string', default: '' },
    entry: { type: 'string', default: 'dist' },
    // Another checkout with its own dist/ (e.g. the commit before a change), for a before/after in one batch.
    cwd: { type: 'string', default: '' },
    'node-options': { type: 'string', default: '' },
    // WORKER_NICE for the supervised worker process (the bot's default when not given).
    nice: { type: 'string', default: '' },
    // --cpu-prof is refused in NODE_OPTIONS; given here it profiles the bot and its supervised worker.
    'cpu-prof': { type: 'string', default: '' },
  },
});
const events = Number(a.events);
const concurrency = Number(a.concurrency);
const rate = Number(a.rate);
const streamMs = Number(a.stream);
const wc = Number(a.wc);

const fakes = await startFakes(streamMs);
const { feishu, llm } = fakes;
// When each event's model request arrived (epoch ms), by the load message's number.
const modelAt = new Map<number, number>();
const chunks = Array.from({ length: PIECES }, (_v, i) => `第${i + 1}段内容。`);
llm.setHandler((body) => {
  const m = /负载测试消息(\d+)/.exec(body.messages.map((x) => x.content).join('\n'));
  if (m && !modelAt.has(Number(m[1]))) modelAt.set(Number(m[1]), Date.now());
  return { chunks, delayMs: streamMs / PIECES };
});
const env: Record<string, string> = {
  FEISHU_APP_ID: 'cli_a1b2c3d4e5f6071a', FEISHU_APP_SECRET: 'secret', FEISHU_DOMAIN: feishu.url, FEISHU_MODE: 'webhook',
  FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, REDIS_URL: fakes.redis.url, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: llm.url,
  OPENAI_MODEL: 'fake', LOG_LEVEL: 'warn', WORKER_CONCURRENCY: String(wc), WORKER_ISOLATION: a.isolation,
  USER_RATE_LIMIT: '0', USER_MAX_QUEUED: '100000', OPENAI_TIMEOUT_MS: String(Math.max(60_000, streamMs * 2)),
};
if (a['node-options']) env.NODE_OPTIONS = a['node-options'];
if (a.nice) env.WORKER_NICE = a.nice;
// dist: compiled JavaScript run by node, as in the Docker image (`npm run bench:load` builds it first);
// tsx: as `npm start` runs it (tsx's transpiler adds about 100 MB per process).
const script = a.entry === 'tsx' ? (a.bot === 'channel' ? 'bench/channel-bot.ts' : 'src/main.ts')
  : a.bot === 'channel' ? await bundleChannelBot() : 'dist/main.js';
const bot = await startBotProcess(script, env, a.cwd || undefined, a['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${a['cpu-prof']}`] : []);
const url = `http://127.0.0.1:${bot.port}/feishu/events`;
const rss = watchRss(bot.proc.pid!);

// Distinct users and chats so per-thread serialisation does not dominate.
const evs = Array.from({ length: events }, (_v, i) => textEvent(`负载测试消息${i}`, { senderOpenId: `ou_load_${i}`, chatId: `oc_load_${i}` }));
const ids = evs.map(messageIdOf);
const deliveries = evs.flatMap((ev) => [ev, ev]);

// Follow the cards: first visible chunk and completion per event, read from the fake Open API.
const replies = new Map<string, FakeMessage[]>();
let seen = 0;
const firstVisible = new Map<string, number>();
const completed = new Map<string, number>();
const scan = () => {
  for (; seen < feishu.messages.length; seen++) {
    const m = feishu.messages[seen]!;
    if (m.parent_id) replies.set(m.parent_id, [...(replies.get(m.parent_id) ?? []), m]);
  }
  const t = performance.now();
  for (const id of ids) {
    if (completed.has(id)) continue;
    const text = (replies.get(id) ?? []).map((m) => feishu.textOf(m)).join('');
    if (!firstVisible.has(id) && text.includes('第1段')) firstVisible.set(id, performance.timeOrigin + t);
    if (text.includes(`第${PIECES}段`)) completed.set(id, performance.timeOrigin + t);
  }
};
const scanner = setInterval(scan, 50);

/** bench/poster.mjs: the posting loop on its own thread. */
interface PosterResult { sentAt: number[]; ackMs: number[]; status: number[]; startedAt: number; endedAt: number }
const input = { url, bodies: deliveries.map((ev) => JSON.stringify(ev)), concurrency, rate };
// CPU spent starting up is not the answers': the per-answer figure counts from here.
const cpuAtStart = cpuTree(bot.proc.pid!);
const poster = new Worker(new URL('./poster.mjs', import.meta.url), { workerData: input });
const posted = await new Promise<PosterResult>((resolve, reject) => {
  poster.once('message', resolve);
  poster.once('error', reject);
}).catch(async (err: unknown) => {
  await bot.stop();
  await fakes.stop();
  throw err;
});
await poster.terminate();
const acks = posted.ackMs;
const non200 = posted.status.filter((s) => s !== 200).length;
// Each event's first post, as epoch ms (deliveries are [ev, ev, …] in order).
const postedAt = new Map<string, number>();
deliveries.forEach((ev, i) => { const id = messageIdOf(ev); if (!postedAt.has(id)) postedAt.set(id, posted.sentAt[i]!); });
const ingestSecs = (posted.endedAt - posted.startedAt) / 1000;
const loadDuring = load();
const deadline = Date.now() + Math.max(600_000, streamMs * events);
while (completed.size < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
scan();
clearInterval(scanner);
// From the first post to the last card completed.
const completion = (Math.max(...completed.values()) - posted.startedAt) / 1000;
// Let late duplicates show up before counting them.
await new Promise((r) => setTimeout(r, 2000));
scan();
const mem = rss.stop();
const cpu = cpuTree(bot.proc.pid!);
const lost = ids.filter((id) => !completed.has(id)).length;
const duplicated = ids.filter((id) => (replies.get(id) ?? []).length > 1).length;
const calls = feishu.calls.length;
const phases = await jobPhases();
await bot.stop();
await fakes.stop();

/** Per event, the ms from its first post to each step, summarised as p50 / p99 s. */
async function jobPhases(): Promise<Record<string, string>> {
  const { Redis } = await import('ioredis');
  const r = new Redis(fakes.redis.target.kind === 'single' ? fakes.redis.target.url : '');
  const steps: Record<string, number[]> = { added: [], taken: [], reaction: [], model: [], reply: [], visible: [] };
  const firstCall = new Map<string, number>();
  for (const c of feishu.calls) {
    const m = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/(reply|reactions)$/.exec(c.path);
    if (m && !firstCall.has(`${m[2]} ${m[1]}`)) firstCall.set(`${m[2]} ${m[1]}`, c.at ?? 0);
  }
  for (const [i, id] of ids.entries()) {
    const t0 = postedAt.get(id)!;
    const [added, taken] = await r.hmget(`bigan:messages:${messageJobId(id)}`, 'timestamp', 'processedOn');
    const add = (k: string, t: number | undefined) => { if (t) steps[k]!.push(t - t0); };
    add('added', Number(added));
    add('taken', Number(taken));
    add('reaction', firstCall.get(`reactions ${id}`));
    add('model', modelAt.get(i));
    add('reply', firstCall.get(`reply ${id}`));
    add('visible', firstVisible.get(id));
  }
  r.disconnect();
  return Object.fromEntries(Object.entries(steps).map(([k, xs]) => [k, `${(quantile(xs, 0.5) / 1000).toFixed(2)} / ${(quantile(xs, 0.99) / 1000).toFixed(2)}`]));
}

const visibleAfter = [...firstVisible].map(([id, t]) => t - postedAt.get(id)!);
const row = {
  date: now(),
  bot: `${a.bot === 'channel' ? 'LarkChannel' : `bigan ${a.isolation}`} (${a.entry}${a.cwd ? ` at ${a.cwd}` : ''})`,
  load: `${events}×2 ${rate > 0 ? `at ${rate}/s` : `@${concurrency}`}, stream ${streamMs} ms${a.bot === 'channel' ? '' : `, WORKER_CONCURRENCY=${wc}`}`,
  ackP50: quantile(acks, 0.5).toFixed(1), ackP99: quantile(acks, 0.99).toFixed(1), deliveriesPerSec: (deliveries.length / ingestSecs).toFixed(0), non200,
  firstVisibleP50: (quantile(visibleAfter, 0.5) / 1000).toFixed(2), firstVisibleP99: (quantile(visibleAfter, 0.99) / 1000).toFixed(2),
  completion: completion.toFixed(1), peakStreams: llm.streaming().peak, rssMainMb: mem.rootMb, rssWorkerMb: mem.othersMb, rssTotalMb: mem.totalMb,
  feishuCallsPerAnswer: (calls / events).toFixed(1), lost, duplicated, loadavg: loadDuring,
  cpuMainS: cpu.main.toFixed(1), cpuWorkerS: cpu.others.toFixed(1),
  cpuMsPerAnswer: `${(((cpu.main - cpuAtStart.main) * 1000) / events).toFixed(1)} + ${(((cpu.others - cpuAtStart.others) * 1000) / events).toFixed(1)}`, cpuBenchS: (process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6).toFixed(1),
};
console.table([row]);
// Where the time to first visible went (p50 / p99 s, from each event's first post): the job added, taken
// by a worker (BullMQ processedOn), the reaction, the model request, the reply card, the first chunk.
console.table(phases);
const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const line = `| ${row.date} | ${row.bot} | ${row.load}${a['node-options'] ? `, NODE_OPTIONS=${a['node-options']}` : ''}${a.nice ? `, WORKER_NICE=${a.nice}` : ''}${a.note ? `, ${a.note}` : ''}, CPU ms/answer after start ${row.cpuMsPerAnswer} | ${row.ackP50} | ${row.ackP99} | ${row.deliveriesPerSec} | ${row.non200} | ${row.firstVisibleP50} / ${row.firstVisibleP99} | ${row.completion} | ${row.peakStreams} | ${row.rssMainMb} + ${row.rssWorkerMb} | ${row.cpuMainS} + ${row.cpuWorkerS} / ${row.cpuBenchS} | ${row.feishuCallsPerAnswer} | ${row.lost} | ${row.duplicated} | ${row.loadavg} | ${machine()} |\n`;
const MARK = '<!-- bench:load inserts rows above this line -->';
const doc = readFileSync(file, 'utf8');
writeFileSync(file, doc.includes(MARK) ? doc.replace(MARK, line + MARK) : doc + line);
