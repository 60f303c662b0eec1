/**
 * A short soak of hostile files (issue 20): the bot runs as `npm start` runs it (src/main.ts, the
 * worker in its own process), and each round posts three bombs — a .docx whose XML unpacks to
 * 200 MB, one whose headers lie about it, a 20,000-page PDF — while innocent users ask the model.
 * It reports the worker's RSS before, at peak and after, the parser processes' peak, and whether
 * every innocent answer arrived complete. Done when (issue 20): worker RSS after the bombs within
 * 50 MB of before, and no innocent job failed.
 *
 * Usage: npx tsx bench/hostile.bench.ts [--rounds 3] [--innocents 20]   (also run by `npm run bench`)
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FAILURE } from '../src/core/texts.js';
import { messageEvent, messageIdOf, textEvent, VERIFICATION_TOKEN } from '../test/support/events.js';
import { buildManyPagePdf } from '../test/support/pdf-hostile.js';
import { docxBomb } from '../test/support/zip-bomb.js';
import { load, machine, now, PIECES, root, rssTree, startBotProcess, startFakes } from './common.js';

const MB = 2 ** 20;

/** The supervised worker: the bot's child started with the worker flag. */
function workerPid(botPid: number): number | undefined {
  for (const pid of rssTree(botPid).keys()) {
    if (pid === botPid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--bigan-supervised-worker')) return pid;
    } catch {
      /* gone */
    }
  }
  return undefined;
}

const rssOf = (pid: number) => rssTree(pid).get(pid) ?? 0;
/** Resident memory of the worker's own children (the parser processes). */
const parsersOf = (pid: number) => [...rssTree(pid)].filter(([p]) => p !== pid).reduce((n, [, v]) => n + v, 0);

export interface HostileResult {
  rounds: number;
  innocents: number;
  beforeMb: number;
  peakMb: number;
  afterMb: number;
  parserPeakMb: number;
  bombAnswers: string[];
  innocentOk: number;
  innocentFailed: number;
  innocentWrong: number;
  /** One answer that was neither complete nor the failure message, if any (its first 80 characters). */
  wrongSample?: string;
  seconds: number;
}

export async function benchHostile(o: { rounds?: number; innocents?: number } = {}): Promise<HostileResult> {
  const rounds = o.rounds ?? 3;
  const innocents = o.innocents ?? 20;
  const fakes = await startFakes(2000);
  const { feishu } = fakes;
  const full = Array.from({ length: PIECES }, (_v, i) => `第${i + 1}段内容。`).join('');
  const bot = await startBotProcess('src/main.ts', {
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f6071b', FEISHU_APP_SECRET: 'secret', FEISHU_DOMAIN: feishu.url, FEISHU_MODE: 'webhook',
    FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, REDIS_URL: fakes.redis.url, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: fakes.llm.url,
    OPENAI_MODEL: 'fake', LOG_LEVEL: 'warn', USER_RATE_LIMIT: '0', USER_MAX_QUEUED: '100000',
  });
  const post = (ev: object) => fetch(`http://127.0.0.1:${bot.port}/feishu/events`, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
  const finished = (evs: Array<Record<string, unknown>>) => feishu.waitFor(() => evs.every((ev) => feishu.repliesTo(messageIdOf(ev)).some((m) => !feishu.isStreaming(m))), 600_000, 'every answer');
  const textOf = (ev: Record<string, unknown>) => feishu.repliesTo(messageIdOf(ev)).map((m) => feishu.textOf(m)).join('\n');
  let seq = 0;
  const innocent = () => textEvent('请给我讲讲怎样提高写作水平', { chatId: `oc_bench_innocent_${++seq}`, senderOpenId: `ou_bench_innocent_${seq}` });
  const file = (name: string, data: Buffer) => {
    const who = ++seq;
    const ev = messageEvent('file', { file_key: 'x', file_name: name }, { chatId: `oc_bench_bomber_${who}`, senderOpenId: `ou_bench_bomber_${who}` });
    const msg = (ev.event as { message: { message_id: string; content: string } }).message;
    msg.content = JSON.stringify({ file_key: feishu.addUserFile(msg.message_id, name, data, `oc_bench_bomber_${who}`), file_name: name });
    return ev;
  };
  try {
    const worker = workerPid(bot.proc.pid!);
    if (!worker) throw new Error('no worker process found');
    // Warm up: the worker has answered a few users before it is measured.
    const warm = Array.from({ length: 5 }, innocent);
    for (const ev of warm) await post(ev);
    await finished(warm);
    await new Promise((r) => setTimeout(r, 3000));
    const before = rssOf(worker);
    const bombs = { docx: await docxBomb(200), lying: await docxBomb(200, { lie: true }), pdf: buildManyPagePdf(20_000) };
    let peak = before;
    let parserPeak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(worker));
      parserPeak = Math.max(parserPeak, parsersOf(worker));
    }, 50);
    const started = Date.now();
    const bombEvents: Array<Record<string, unknown>> = [];
    const innocentEvents: Array<Record<string, unknown>> = [];
    for (let r = 0; r < rounds; r++) {
      const users = Array.from({ length: innocents }, innocent);
      const three = [file(`上半年报告${r}.docx`, bombs.docx), file(`述职报告${r}.docx`, bombs.lying), file(`学习材料${r}.pdf`, bombs.pdf)];
      for (const ev of users.slice(0, innocents / 2)) await post(ev);
      for (const ev of three) await post(ev);
      for (const ev of users.slice(innocents / 2)) await post(ev);
      bombEvents.push(...three);
      innocentEvents.push(...users);
      await finished([...three, ...users]);
    }
    const seconds = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 3000));
    clearInterval(sampler);
    const after = rssOf(worker);
    const texts = innocentEvents.map(textOf);
    return {
      rounds, innocents,
      beforeMb: before / MB, peakMb: peak / MB, afterMb: after / MB, parserPeakMb: parserPeak / MB,
      bombAnswers: bombEvents.slice(0, 3).map((ev) => textOf(ev).slice(0, 24)),
      innocentOk: texts.filter((t) => t === full).length,
      innocentFailed: texts.filter((t) => t.includes(FAILURE)).length,
      innocentWrong: texts.filter((t) => t !== full && !t.includes(FAILURE)).length,
      wrongSample: texts.find((t) => t !== full && !t.includes(FAILURE))?.slice(0, 80),
      seconds,
    };
  } finally {
    await bot.stop();
    await fakes.stop();
  }
}

/** Append a dated row to BENCHMARKS.md's hostile-files table. */
export function recordHostile(r: HostileResult): string {
  const row = `| ${now()} | ${r.rounds} × (3 bombs + ${r.innocents} users) | ${r.beforeMb.toFixed(1)} | ${r.peakMb.toFixed(1)} | ${r.afterMb.toFixed(1)} | ${(r.afterMb - r.beforeMb).toFixed(1)} | ${r.parserPeakMb.toFixed(0)} | ${r.innocentOk} / ${r.rounds * r.innocents} | ${r.innocentFailed} | ${r.seconds.toFixed(1)} | ${load()} | ${machine()} |`;
  const file = join(root, 'BENCHMARKS.md');
  const marker = '<!-- bench:hostile inserts rows above this line -->';
  const text = readFileSync(file, 'utf8');
  if (text.includes(marker)) writeFileSync(file, text.replace(marker, `${row}\n${marker}`));
  else appendFileSync(file, `\n${row}\n`);
  return row;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, innocents: { type: 'string', default: '20' } } });
  const r = await benchHostile({ rounds: Number(values.rounds), innocents: Number(values.innocents) });
  console.log(JSON.stringify(r, null, 2));
  console.log(recordHostile(r));
}
