import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleReplier } from '../../src/console/console-replier.js';
import { consoleLogDestination } from '../../src/console/console-log.js';
import { createLogger } from '../../src/logger.js';

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

  it('logs go to the log file; warnings and errors also to stderr', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bigan-log-')), 'sub', 'bigan.log');
    const log = createLogger('info', consoleLogDestination(file));
    log.info({ jobId: 'j1' }, 'routed');
    log.warn('slow model');
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(['routed', 'slow model']);
  });
});
