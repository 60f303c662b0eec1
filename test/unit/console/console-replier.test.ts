import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleReplier } from '../../../src/console/console-replier.js';
import { consoleLogDestination, routeConsoleToLog } from '../../../src/console/console-log.js';
import { createLogger } from '../../../src/logger.js';

const sink = () => {
  let text = '';
  return { stream: new Writable({ write: (c: Buffer, _e, cb) => { text += c.toString(); cb(); } }), text: () => text };
};
const conv = { chatId: 'c', chatType: 'p2p' as const, messageId: 'm1', senderOpenId: 'u' };

describe('console mode', () => {
  it('prints each streamed answer once, as plain text', async () => {
    const out = sink();
    const r = new ConsoleReplier(out.stream);
    const card = await r.openStream(conv, { title: '笔杆子 · 分部起草' });
    card.update('好的，以下');
    card.update('一是加强学习');
    card.update('一是加强学习。二是');
    await card.finish('**审校结果**\n\n> 提示：共2处\n\n- 一是加强学习。\n- 二是完善制度。');
    const text = out.text();
    expect(text.match(/一是加强学习/g)).toHaveLength(1);
    expect(text).not.toMatch(/\*\*|^>|^- /m);
    expect(text).toContain('审校结果');
    expect(text).not.toContain('好的，以下');
  });

  it('logs at every level go to the log file only; a fatal error adds one plain line on stderr', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bigan-log-')), 'sub', 'bigan.log');
    const err = sink();
    const log = createLogger('trace', consoleLogDestination(file, err.stream));
    log.info({ jobId: 'j1' }, 'routed');
    log.warn('chinese-days has no holiday data for 2027');
    log.error({ err: new Error('boom') }, 'job failed');
    expect(err.text()).toBe('');
    log.fatal({ err: new Error('Redis 不可用') }, 'could not start');
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(['routed', 'chinese-days has no holiday data for 2027', 'job failed', 'could not start']);
    expect(err.text()).toBe(`笔杆子无法继续运行（could not start: Redis 不可用）。详情见日志 ${file}\n`);
    expect(err.text()).not.toContain('{');
  });

  it('console.* calls from libraries go to the log, not the terminal', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bigan-log-')), 'bigan.log');
    const err = sink();
    const log = createLogger('info', consoleLogDestination(file, err.stream));
    const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug, trace: console.trace };
    try {
      routeConsoleToLog(log);
      console.warn('IMPORTANT! Eviction policy is %s. It should be "noeviction"', 'allkeys-lru');
      console.error(new Error('Unexpected Error in AsyncFifoQueue'));
    } finally {
      Object.assign(console, saved);
    }
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: number });
    expect(lines.map((l) => [l.level, l.msg.split('\n')[0]])).toEqual([[40, 'IMPORTANT! Eviction policy is allkeys-lru. It should be "noeviction"'], [50, 'Error: Unexpected Error in AsyncFifoQueue']]);
    expect(err.text()).toBe('');
  });
});
