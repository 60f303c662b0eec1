import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { postEvent, startWebhookBot, useBotFixture } from '../support/bot-fixture.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, spawnBot } from '../support/spawn.js';
import { longReport } from '../support/long-report.js';
import { readWordPackage } from '../support/wordml.js';
import { FakeFeishu } from '../support/fake-feishu.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { freePort } from '../support/redis.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { OFFLINE_NOTICE } from '../../src/core/texts.js';

const f = useBotFixture();

describe('the bot as a user starts it (src/main.ts in its own process)', () => {
  it('without Feishu credentials or a model key: console chat over the queue, offline, and exits when input ends', async () => {
    // Logging at every level: none of it may reach the terminal the chat is using.
    const bot = (f.bot = spawnBot({ REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`, LOG_LEVEL: 'trace' }, { stdin: 'pipe' }));
    bot.proc.stdin!.end('帮助\n你好\n帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲\n/reset\n');
    expect(await bot.exited()).toBe(0);
    const out = bot.stdout();
    expect(out).toContain('控制台模式');
    expect(out).toContain('离线模式');
    expect(out).toContain('起草提纲');
    expect(out).toContain('一、工作开展情况');
    expect(out).toContain('已清空本话题');
    // Console mode: no log line in the chat or on stderr (the offline warning goes to the log file),
    // the offline notice once, in the banner, and the help printed once, as plain text.
    expect(out).not.toMatch(/^\{"level"|"msg":/m);
    expect(bot.stderr()).toBe('');
    expect(out.split(OFFLINE_NOTICE)).toHaveLength(2);
    expect(out.indexOf(OFFLINE_NOTICE)).toBeLessThan(out.indexOf('笔杆子>'));
    expect(out.match(/起草提纲/g)).toHaveLength(2);
    expect(out).not.toContain('**');
  });

  it('console mode: a long critique writes the complete list to a file and prints where it is', async () => {
    const bot = (f.bot = spawnBot({ REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`, LOG_LEVEL: 'warn' }, { stdin: 'pipe' }));
    // Piped input is one message a line: the report's paragraphs go on one line.
    bot.proc.stdin!.end(`帮我看看这份报告：${longReport(80).replace(/\n/g, '')}\n`);
    expect(await bot.exited()).toBe(0);
    const out = bot.stdout();
    const total = Number(/共 (\d+) 条（错误/.exec(out)![1]);
    const path = /已生成文件：(.+（共\d+条）\.docx)/.exec(out)![1]!;
    expect(path).toBe(join(repoRoot, '.data', 'exports', `审校意见清单（共${total}条）.docx`));
    expect(out).toContain(`见附件《审校意见清单（共${total}条）.docx》`);
    const [table] = (await readWordPackage(readFileSync(path))).tables;
    expect(table!.slice(1)).toHaveLength(total);
  });

  it('webhook mode: real-format events posted to /feishu/events get one threaded reply; SIGTERM stops it cleanly', async () => {
    const feishu = (f.feishu = await FakeFeishu.start());
    f.llm = await startFakeOpenAI(() => '半年报告一般先写总体情况，再分三部分展开。');
    const port = await freePort();
    const bot = await startWebhookBot(f, { port, redisUrl: inject('redisUrl') });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, worker: true });
    const ev = textEvent('你好，笔杆子');
    expect((await postEvent(port, ev)).status).toBe(200);
    await feishu.waitFor(() => feishu.repliesTo(messageIdOf(ev)).some((m) => feishu.textOf(m) === '半年报告一般先写总体情况，再分三部分展开。' && !feishu.isStreaming(m)), EVENT_CEILING_MS, 'the reply');
    expect(feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    // info logs carry ids and lengths, never the message text or secrets
    expect(bot.stdout()).not.toContain('你好，笔杆子');
    expect(bot.stdout()).not.toContain('secret_test');
    expect(bot.stdout()).not.toContain('sk-test');
    bot.proc.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
  });

  it('exits with a message naming the variable when the configuration is invalid', async () => {
    const bot = (f.bot = spawnBot({ FEISHU_MODE: 'socket', REDIS_URL: inject('redisUrl') }));
    expect(await bot.exited()).toBe(2);
    expect(bot.stderr()).toContain('FEISHU_MODE');
  });
});
