/**
 * Smoke test of the built image (`docker build -t bigan:local .` first): the fakes run here, the container
 * on the host network; one event posted twice must get exactly one complete reply, and SIGTERM must exit 0.
 *
 *   npx tsx scripts/docker-smoke.ts
 */
import { execFileSync } from 'node:child_process';
import { startFakes } from '../bench/common.js';
import { messageIdOf, textEvent, VERIFICATION_TOKEN } from '../test/support/events.js';
const f = await startFakes(500);
const port = 3998;
execFileSync('docker', ['rm', '-f', 'bigan-e2e'], { stdio: 'ignore' });
execFileSync('docker', ['run', '-d', '--name', 'bigan-e2e', '--network', 'host',
  '-e', `PORT=${port}`, '-e', `REDIS_URL=${f.redis.url}`, '-e', 'REDIS_PREFIX=dockere2e',
  '-e', 'FEISHU_APP_ID=cli_a1b2c3d4e5f60718', '-e', 'FEISHU_APP_SECRET=secret_e2e', '-e', 'FEISHU_MODE=webhook',
  '-e', `FEISHU_VERIFICATION_TOKEN=${VERIFICATION_TOKEN}`, '-e', `FEISHU_DOMAIN=${f.feishu.url}`,
  '-e', 'OPENAI_API_KEY=sk-test', '-e', `OPENAI_BASE_URL=${f.llm.url}`, '-e', 'OPENAI_MODEL=fake-model', 'bigan:local']);
for (let i = 0; i < 60; i++) {
  // Green with the worker included: `worker: "starting"` is 200 too, while the worker's first start runs.
  try { const r = await fetch(`http://127.0.0.1:${port}/healthz`); const body = await r.text(); if (r.ok && !body.includes('"starting"')) { console.log('healthz', r.status, body); break; } } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 500));
}
const ev = textEvent('你好，笔杆子');
for (let k = 0; k < 2; k++) {
  const r = await fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', body: JSON.stringify(ev), headers: { 'content-type': 'application/json' } });
  console.log('post', k + 1, r.status);
}
await f.feishu.waitFor(() => f.feishu.repliesTo(messageIdOf(ev)).some((m) => !f.feishu.isStreaming(m) && f.feishu.textOf(m).includes('第20段')), 60_000, 'reply');
const replies = f.feishu.repliesTo(messageIdOf(ev));
console.log('replies', replies.length, 'text:', f.feishu.textOf(replies[0]!).slice(0, 60));
execFileSync('docker', ['stop', '-t', '20', 'bigan-e2e']);
const exitCode = execFileSync('docker', ['inspect', '-f', '{{.State.ExitCode}}', 'bigan-e2e']).toString().trim();
console.log('exit code', exitCode);
execFileSync('docker', ['rm', 'bigan-e2e']);
await f.stop();
const ok = replies.length === 1 && exitCode === '0';
console.log(ok ? 'image smoke test passed' : 'image smoke test FAILED');
process.exit(ok ? 0 : 1);
