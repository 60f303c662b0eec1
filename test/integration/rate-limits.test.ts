/**
 * Issue 19 item 6: the limit that protects the model does not refuse a writer's own reminders, and a
 * refusal says when to try again. Two buckets at ingest (queue/admission.ts): USER_RATE_LIMIT for what may
 * need the model, USER_COMMAND_RATE_LIMIT for commands that need none; the router decides which.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Send a message and return the text of the bot's finished reply. */
async function ask(x: Harness, text: string): Promise<string> {
  const ev = textEvent(text);
  expect((await x.post(ev)).status).toBe(200);
  const id = messageIdOf(ev);
  await x.feishu.waitFor(() => x.feishu.repliesTo(id).some((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m).length > 0), EVENT_CEILING_MS, `reply to ${text}`);
  return x.feishu.repliesTo(id).map((m) => x.feishu.textOf(m)).join('\n');
}

describe('rate limits', () => {
  it('over the model limit: the refusal says when, and 我的提醒 and setting a reminder still work', async () => {
    // The worker's clock is pinned (Wednesday 2026-06-10 10:00, Beijing); the limiter keeps real time.
    h = await startHarness({ env: { USER_RATE_LIMIT: '2', USER_COMMAND_RATE_LIMIT: '30' }, clock: () => Date.parse('2026-06-10T10:00:00+08:00') });
    expect(await ask(h, '意识形态工作和宣传工作有什么区别')).toContain('模型的回答');
    expect(await ask(h, '述职报告和总结有什么不同')).toContain('模型的回答');
    const refused = await ask(h, '再问一个问题');
    const m = /请求过于频繁，请稍后再试：约(\d+)秒后（(\d\d):(\d\d):(\d\d)之后）可以再发/.exec(refused);
    expect(m, refused).toBeTruthy();
    expect(Number(m![1])).toBeGreaterThanOrEqual(1);
    expect(Number(m![1])).toBeLessThanOrEqual(60);
    expect(refused).toContain('“我的提醒”、设置和取消提醒不受影响');
    // not refused: they need no model
    expect(await ask(h, '我的提醒')).toContain('还没有提醒');
    const set = await ask(h, '提醒我6月30日前交半年报告，提前3天提醒');
    expect(set).toContain('✅ 已设置提醒 #1：交半年报告');
    expect(set).toContain('· 2026年6月26日（星期五）09:00');
    expect(await ask(h, '我的提醒')).toContain('#1 交半年报告｜截止2026年6月30日');
    expect(h.llm.requests).toHaveLength(2);
  });

  it('the commands have a limit of their own, apart from the model\'s', async () => {
    h = await startHarness({ env: { USER_RATE_LIMIT: '5', USER_COMMAND_RATE_LIMIT: '2' } });
    expect(await ask(h, '我的提醒')).toContain('还没有提醒');
    expect(await ask(h, '我的提醒')).toContain('还没有提醒');
    const refused = await ask(h, '我的提醒');
    expect(refused).toMatch(/^请求过于频繁，请稍后再试：约\d+秒后（\d\d:\d\d:\d\d之后）可以再发。$/);
    expect(await ask(h, '你好')).toContain('模型的回答');
  });
});
