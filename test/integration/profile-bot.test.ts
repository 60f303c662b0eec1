/**
 * The unit profile (issue 23 item 6): asked once when a draft has to leave the unit open,
 * confirmed in words, stored per chat without any person's name, then reused by every draft
 * and shown in its assumption line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { messageIdOf, textEvent } from '../support/events.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Send a message and return its replies' text once they are final and the app is idle. */
const sayTo = (x: Harness) => async (t: string): Promise<string> => {
  const ev = textEvent(t);
  await x.post(ev);
  await x.feishu.waitFor(() => x.feishu.repliesTo(messageIdOf(ev)).length > 0 && x.feishu.repliesTo(messageIdOf(ev)).every((m) => !x.feishu.isStreaming(m)), 60_000, 'reply');
  await appSettled(x);
  return x.feishu.repliesTo(messageIdOf(ev)).map((m) => x.feishu.textOf(m)).join('\n');
};

describe('unit profile', () => {
  it('asks once, keeps the profile without names, and reuses it in the next draft', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    const x = h;
    const say = sayTo(x);
    const first = await say('帮我写一份2026年上半年意识形态工作责任制落实情况报告的提纲');
    expect(first).toContain('为了以后不再每次询问，请确认一次：单位全称');
    const again = await say('帮我写一份2026年上半年意识形态工作责任制落实情况报告的提纲');
    expect(again).not.toContain('请确认一次');

    const kept = await say('我们单位是中共青山县委宣传部，上级党委是中共青山县委，部长张三，每半年报送一次');
    expect(kept).toContain('单位：中共青山县委宣传部；上级党委：中共青山县委');
    const redis = new Redis(x.redisUrl);
    try {
      const raw = (await redis.get(`${x.prefix}:profile:oc_p2p_chat_0001`)) ?? '';
      expect(raw).toContain('中共青山县委宣传部');
      expect(raw).not.toContain('张三');
    } finally {
      redis.disconnect();
    }

    const next = await say('帮我写一份2026年上半年意识形态工作责任制落实情况报告的提纲');
    expect(next).toMatch(/按本群已确认的单位信息（单位：中共青山县委宣传部；上级党委：中共青山县委；[^）]*通常报送：半年报告）起草/);
    expect(next).toContain('中共青山县委宣传部关于');
    expect(next).not.toContain('未说明单位名称');
  });

  it('“我是宣传部部长张三”: keeps the post, says names are not kept, stores and shows no name', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    const x = h;
    const say = sayTo(x);
    const self = await say('我是宣传部部长张三');
    expect(self).toContain('身份：主要负责人');
    expect(self).toContain('不保存任何人的姓名，刚才提到的姓名已略去');
    expect(self).not.toContain('张三');
    const more = await say('我们单位是中共青山县委宣传部，由刘洋同志担任副部长，分管网信');
    expect(more).toContain('单位：中共青山县委宣传部');
    expect(more).toContain('身份：分管领导');
    expect(more).not.toMatch(/刘洋|张三/);
    const redis = new Redis(x.redisUrl);
    try {
      const raw = (await redis.get(`${x.prefix}:profile:oc_p2p_chat_0001`)) ?? '';
      expect(raw).toContain('"role":"deputy"');
      expect(raw).not.toMatch(/张三|刘洋/);
    } finally {
      redis.disconnect();
    }
    const next = await say('帮我写一份2026年上半年意识形态工作责任制落实情况报告的提纲');
    expect(next).not.toMatch(/张三|刘洋/);
  });
});
