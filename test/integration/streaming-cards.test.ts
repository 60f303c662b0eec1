/**
 * What the writer sees while a draft streams onto its Feishu card: no update may show
 * chat text the final card drops, above all a model's closing remark (以上…供参考,
 * 如需调整…请告诉我) or note arriving at the end. The fake Open API records every
 * card element update, so each intermediate state is checked, not just the last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { realisticModel, STYLES } from '../support/realistic-model.js';
import type { FakeReply } from '../support/fake-openai.js';

/** Chat text: preambles, reasoning, notes, length lines and closers, also their first words; Markdown and HTML. */
const CHAT = ['好的', '当然可以', '以下是', '为您', '推理草稿', '起草思路', '<think>', '</think>', '以上', '供参考', '如需', '随时告诉我', '希望', '提示', '注：', '修改说', '本部分约', '（本部分', '---', '**', '＊', '__', '<br', '<u', '##'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ streamThrottleMs: 5 });
});
afterAll(async () => {
  await h.stop();
});

async function done(parentId: string, count = 1): Promise<void> {
  await h.feishu.waitFor(() => {
    const r = h.feishu.repliesTo(parentId);
    return r.length >= count && r.every((m) => !h.feishu.isStreaming(m) && h.feishu.textOf(m) !== '正在思考…');
  }, 60_000, `reply to ${parentId}`);
  // the thread's job has finished, not just its card: nothing more is on its way
  await appSettled(h);
}

describe('streamed card updates', () => {
  for (const style of STYLES) {
    it(`${style}: no update of outline, section, expansion or full draft shows chat text`, async () => {
      // Slow chunks, so the card is updated many times within each answer, closers included.
      const base = realisticModel(style);
      h.llm.setHandler(async (b) => {
        const r = (await base(b)) as Exclude<FakeReply, string | { status: number }>;
        return { ...r, delayMs: 4 };
      });
      const before = h.feishu.calls.length;
      const first = textEvent('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
      const root = messageIdOf(first);
      await h.post(first);
      await done(root);
      for (const cmd of ['写第二部分，800字左右', '把（二）展开到500字', '写全文']) {
        const ev = textEvent(cmd, { rootId: root, threadId: `omt_${root}` });
        await h.post(ev);
        await done(messageIdOf(ev));
      }
      const updates = h.feishu.calls.slice(before).filter((c) => c.method === 'PUT' && /\/elements\/[^/]+\/content$/.test(c.path)).map((c) => String((c.body as { content: string }).content));
      // Many intermediate states were seen, and none of them showed chat text.
      expect(updates.length).toBeGreaterThan(20);
      const flashed = updates.flatMap((u, i) => CHAT.filter((w) => u.includes(w)).map((w) => `update ${i}: “${w}” in …${u.slice(-60)}`));
      expect(flashed).toEqual([]);
    });
  }
});
