/**
 * Cost of one streamed answer (issue 13): Feishu Open API calls (counted by the fake) and Redis
 * commands (INFO commandstats of a private redis-server, so BullMQ's own commands are included),
 * per answer, for answers sent one after another.
 *
 *   npm run bench:calls -- --answers 10 --chunks 20 --stream 2000 [--root DIR]
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../test/support/events.js';
import { startFakeOpenAI } from '../test/support/fake-openai.js';
import { load, machine, now, startBotProcess, startFakes } from './common.js';

const { values: a } = parseArgs({
  options: {
    answers: { type: 'string', default: '10' },
    chunks: { type: 'string', default: '20' },
    chunkChars: { type: 'string', default: '8' },
    stream: { type: 'string', default: '2000' },
    root: { type: 'string' },
  },
});
const answers = Number(a.answers);
const chunks = Number(a.chunks);
const streamMs = Number(a.stream);
const fakes = await startFakes(streamMs);
const piece = '加强阵地管理压实责任'.repeat(4).slice(0, Number(a.chunkChars));
const llm = await startFakeOpenAI(() => ({ chunks: Array.from({ length: chunks }, (_v, i) => (i === chunks - 1 ? '完。' : piece)), delayMs: streamMs / chunks }));
const bot = await startBotProcess('src/main.ts', {
  FEISHU_APP_ID: 'cli_a1b2c3d4e5f6071a', FEISHU_APP_SECRET: 'secret', FEISHU_DOMAIN: fakes.feishu.url, FEISHU_MODE: 'webhook',
  FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, REDIS_URL: fakes.redis.url, OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: llm.url,
  OPENAI_MODEL: 'fake', LOG_LEVEL: 'warn', USER_RATE_LIMIT: '0',
}, a.root);
const redis = new Redis(fakes.redis.url);
const perCommand = async () => {
  const out = new Map<string, number>();
  for (const m of (await redis.info('commandstats')).matchAll(/cmdstat_([^:]+):calls=(\d+)/g)) out.set(m[1]!, Number(m[2]));
  return out;
};
const commands = async () => [...(await perCommand()).values()].reduce((x, y) => x + y, 0);
// One warm-up answer (token fetch, script loading), then the measured ones.
const ask = async (i: number) => {
  const ev = textEvent(`测试消息${i}`, { senderOpenId: `ou_calls_${i}`, chatId: `oc_calls_${i}` });
  await fetch(`http://127.0.0.1:${bot.port}/feishu/events`, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
  const id = messageIdOf(ev);
  await fakes.feishu.waitFor(() => fakes.feishu.repliesTo(id).some((m) => fakes.feishu.textOf(m).includes('完。') && !fakes.feishu.isStreaming(m)), 120_000, 'the answer');
};
await ask(-1);
await new Promise((r) => setTimeout(r, 500));
const calls0 = fakes.feishu.calls.length;
const cmd0 = await commands();
// Round trips: commands a client sent (not those a Lua script ran), a MULTI…EXEC block counted once.
const monitor = await redis.monitor();
const inMulti = new Set<string>();
const trips = new Map<string, number>();
const log: string[] = [];
monitor.on('monitor', (_time: string, args: string[], source: string) => {
  if (source === 'lua') return;
  const cmd = String(args[0]).toLowerCase();
  if (cmd === 'multi') inMulti.add(source);
  if (inMulti.has(source)) {
    if (cmd === 'exec' || cmd === 'discard') inMulti.delete(source);
    else return;
  }
  const name = cmd === 'evalsha' || cmd === 'eval' ? `${cmd} ${cmd === 'evalsha' ? String(args[1]).slice(0, 8) : 'script'}` : cmd;
  trips.set(name, (trips.get(name) ?? 0) + 1);
  log.push(`${source.split(':').pop()} ${args.slice(0, 4).map((x) => String(x).slice(0, 60).replace(/\s+/g, ' ')).join(' ')}`);
});
for (let i = 0; i < answers; i++) await ask(i);
await new Promise((r) => setTimeout(r, 500));
const byOp = new Map<string, number>();
for (const c of fakes.feishu.calls.slice(calls0)) {
  const op = `${c.method} ${c.path.split('/').map((seg) => (seg.length >= 10 && /\d/.test(seg) ? ':id' : seg)).join('/')}`;
  byOp.set(op, (byOp.get(op) ?? 0) + 1);
}
const row = {
  date: now(), answer: `${chunks} chunks × ${a.chunkChars} chars over ${streamMs} ms`,
  feishuCallsPerAnswer: ((fakes.feishu.calls.length - calls0) / answers).toFixed(1),
  redisCommandsPerAnswer: (((await commands()) - cmd0) / answers).toFixed(1),
  redisRoundTripsPerAnswer: ([...trips.values()].reduce((x, y) => x + y, 0) / answers).toFixed(1),
  loadavg: load(), machine: machine(),
};
console.table([row]);
console.log(log.join('\n'));
console.table([...byOp].map(([op, n]) => ({ op, perAnswer: (n / answers).toFixed(1) })));
console.table([...trips].map(([c, n]) => ({ roundTrip: c, perAnswer: (n / answers).toFixed(1) })).sort((x, y) => Number(y.perAnswer) - Number(x.perAnswer)));
monitor.disconnect();
redis.disconnect();
await bot.stop();
await llm.close();
await fakes.stop();
