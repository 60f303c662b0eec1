/**
 * Issue 20 items 7 and 8: one outcome per card (an older attempt's update never overwrites a newer
 * state, here in patch mode where Feishu has no sequence to refuse it), and idempotent buttons (the same
 * button pressed twice runs once; the second press is told the first is under way).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent, cardActionEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { appSettled } from '../support/queues.js';
import { FAILURE } from '../../src/core/texts.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function settled(x: Harness, parentId: string): Promise<FakeMessage[]> {
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(parentId);
    return r.length >= 1 && r.every((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…');
  }, EVENT_CEILING_MS, `reply to ${parentId}`);
  return x.feishu.repliesTo(parentId);
}

const clickEvent = (messageId: string, value: Record<string, unknown>, eventId: string) => cardActionEvent(messageId, value, { eventId });

const buttons = (x: Harness, m: FakeMessage) => x.feishu.buttonsOf(m);

describe('one outcome per card', () => {
  it('patch mode: a failed attempt\'s pending update does not overwrite the failure card', async () => {
    h = await startHarness({ env: { JOB_ATTEMPTS: '1' } });
    h.feishu.refuseCardKit = true;
    // Streams a little (the patch throttle leaves an update pending), then the connection is cut.
    h.llm.setHandler(() => ({ chunks: ['第一段：加强理论武装，', '推动学习走深走实，', '第二段：压实主体责任，', '健全工作机制，'], delayMs: 30, end: 'cut' }));
    const ev = textEvent('介绍一下意识形态工作责任制');
    expect((await h.post(ev)).status).toBe(200);
    const id = messageIdOf(ev);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(id).some((m) => h!.feishu.textOf(m) === FAILURE), EVENT_CEILING_MS, 'the failure card');
    const patches = () => h!.feishu.callsTo(/^PATCH \/open-apis\/im\/v1\/messages\//).length;
    const before = patches();
    // The failed attempt's throttled update (due within the patch throttle) has fired and been dealt with.
    await h.app.cardUpdatesSettled();
    const [card] = h.feishu.repliesTo(id);
    expect(h.feishu.repliesTo(id)).toHaveLength(1);
    expect(h.feishu.textOf(card!)).toBe(FAILURE);
    expect(patches()).toBe(before);
  });
});

describe('idempotent buttons', () => {
  it('the same button pressed twice (and its event delivered twice) runs once; the second press is told', async () => {
    h = await startHarness();
    const first = textEvent('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    expect((await h.post(first)).status).toBe(200);
    const [outline] = await settled(h, messageIdOf(first));
    const full = buttons(h, outline!).find((b) => b.text === '写全文')!;
    const requests = h.llm.requests.length;

    const a = await h.post(clickEvent(outline!.message_id, full.value, 'ev_press_1'));
    const again = await h.post(clickEvent(outline!.message_id, full.value, 'ev_press_1'));
    const b = await h.post(clickEvent(outline!.message_id, full.value, 'ev_press_2'));
    expect(a.body).toMatchObject({ toast: { type: 'info', content: '已收到，正在处理' } });
    expect(JSON.stringify(b.body)).toContain('已经按过');
    expect(again.status).toBe(200);
    const drafts = await settled(h, outline!.message_id);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    // A third press after it finished: still the one draft.
    const c = await h.post(clickEvent(outline!.message_id, full.value, 'ev_press_3'));
    expect(JSON.stringify(c.body)).toContain('已经按过');
    // Nothing is left in the queues to send a second draft: then the count is final.
    await appSettled(h);
    const cards = h.feishu.repliesTo(outline!.message_id);
    expect(cards.map((m) => h!.feishu.textOf(m)).filter((t) => t.includes('三、'))).toHaveLength(1);
    // The full draft ran once: each of its steps (a part, or a long part's section, DRAFT_PART_CHARS) asked once,
    // so no more prompts than the outline has sections.
    const sections = h.feishu.textOf(outline!).split('\n').filter((l) => /^（[一二三四五六七八九十]+）/.test(l)).length;
    const asked = h.llm.requests.slice(requests).map((q) => String(q.messages.at(-1)!.content));
    expect(sections).toBeGreaterThanOrEqual(3);
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.length).toBeLessThanOrEqual(sections);
  });
});
