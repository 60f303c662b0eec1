import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { spawnBot } from '../support/spawn.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

const procs: ChildProcess[] = [];
let h: Harness | undefined;

afterEach(async () => {
  for (const p of procs.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
  await h?.stop();
  h = undefined;
});

function workerProcess(x: Harness, env: Record<string, string>): ChildProcess {
  const bot = spawnBot({
    FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718',
    FEISHU_APP_SECRET: 'secret_test',
    FEISHU_DOMAIN: x.feishu.url,
    FEISHU_MODE: 'webhook',
    REDIS_URL: x.redisUrl,
    REDIS_PREFIX: x.prefix,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: x.llm.url,
    OPENAI_MODEL: 'fake-model',
    LOG_LEVEL: 'warn',
    PORT: '0',
    ...env,
  });
  procs.push(bot.proc);
  return bot.proc;
}

describe('a worker killed mid-job', () => {
  it('is picked up again by another worker and the user still gets exactly one complete answer', async () => {
    const answer = ['第一段：', '加强组织领导，', '压实主体责任。', '第二段：', '强化阵地管理，', '守牢网络阵地。'];
    // The ingest runs here; workers run as separate processes against the same Redis.
    // The first worker's stream is slow (it must still be streaming when it is killed, however busy
    // the machine); the second worker's is quick.
    let calls = 0;
    h = await startHarness({ env: { ROLE: 'ingest' }, llm: () => ({ chunks: answer, delayMs: ++calls === 1 ? 4000 : 100 }) });
    const workerEnv = { ROLE: 'worker', WORKER_LOCK_MS: '2000' };
    const first = workerProcess(h, workerEnv);

    const ev = textEvent('写两段工作做法');
    const id = messageIdOf(ev);
    expect((await h.post(ev)).status).toBe(200);

    // Wait until the first worker is streaming into the card, then kill it without warning.
    await h.feishu.waitFor(() => h!.feishu.repliesTo(id).length === 1 && h!.feishu.textOf(h!.feishu.repliesTo(id)[0]!).includes('加强组织领导'), EVENT_CEILING_MS, 'streaming to start');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const requestsBefore = h.llm.requests.length;
    expect(requestsBefore).toBe(1);

    workerProcess(h, workerEnv);
    await h.feishu.waitFor(() => {
      const r = h!.feishu.repliesTo(id);
      return r.length >= 1 && !h!.feishu.isStreaming(r[0]!) && h!.feishu.textOf(r[0]!) === answer.join('');
    }, EVENT_CEILING_MS, 'the answer to complete');

    expect(h.llm.requests.length).toBe(2);
    expect(h.feishu.repliesTo(id)).toHaveLength(1);
    expect(h.feishu.messages.filter((m) => m.parent_id === id)).toHaveLength(1);
  });
});
