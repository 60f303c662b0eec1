import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleReminderSender } from '../../../src/console/console-receiver.js';

describe('the console transport', () => {
  it('prints a fired reminder as plain text, with no Feishu mention markup', async () => {
    let out = '';
    const sink = new Writable({ write: (c: Buffer, _e, cb) => { out += c.toString(); cb(); } });
    await consoleReminderSender(sink)({ chatId: 'console-1', mentionOpenId: 'ou_someone' }, '⏰ 提醒：交材料', 'rem-1');
    expect(out).toBe('\n笔杆子> ⏰ 提醒：交材料\n\n');
    expect(out).not.toContain('<at');
  });
});
