/**
 * Issue 25 item 2 end to end: 写全文 drafts its parts at once (DRAFT_CONCURRENCY), the card shows them in
 * order as they arrive, and a part that fails ends in one clear message with the others kept in the draft.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import type { FakeHandler, FakeRequestBody } from '../support/fake-openai.js';
import { realisticModel } from '../support/realistic-model.js';
import { FAILURE_BAD_REQUEST } from '../../src/core/texts.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const FULL = '请按已确定的提纲起草报告正文';
const lastUser = (b: FakeRequestBody) => String(b.messages.at(-1)!.content);
const partOf = (b: FakeRequestBody) => /本次起草：(.)、/.exec(lastUser(b))?.[1];
const marker = (part: string) => `本部分正文标记${part}部，已按要求起草。`;

/** A part's answer: each of its section headings (as the outline in the prompt lists them) with the part's marker. */
function partAnswer(b: FakeRequestBody): string {
  const lines = lastUser(b).split('\n');
  const part = lines.findIndex((l) => l.startsWith(`${partOf(b)!}、`));
  const heads: string[] = [];
  for (const l of lines.slice(part + 1)) {
    if (/^[一二三四五六七八九十]、/.test(l) || !l.trim()) break;
    if (/^（[一二三四五六七八九十]+）/.test(l)) heads.push(l);
  }
  return heads.length ? heads.map((x) => `${x}\n${marker(partOf(b)!)}`).join('\n') : marker(partOf(b)!);
}

/** The realistic model, except that a full draft's parts answer through `full` (the part's number, its answer). */
function withParts(full: (part: string, answer: string) => ReturnType<FakeHandler>): FakeHandler {
  const base = realisticModel('chatty');
  return (b) => (lastUser(b).startsWith(FULL) ? full(partOf(b)!, partAnswer(b)) : base(b));
}

async function replies(x: Harness, parentId: string): Promise<FakeMessage[]> {
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(parentId);
    return r.length >= 1 && r.every((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…');
  }, 60_000, `reply to ${parentId}`);
  return x.feishu.repliesTo(parentId);
}

/** An outline in a fresh thread; `ask` sends a command in it and returns the finished answer. */
async function thread(x: Harness): Promise<(t: string) => Promise<string>> {
  const ev = textEvent('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
  const root = messageIdOf(ev);
  await x.post(ev);
  await replies(x, root);
  return async (t) => {
    const e = textEvent(t, { rootId: root, threadId: `omt_${root}` });
    await x.post(e);
    return (await replies(x, messageIdOf(e))).map((m) => x.feishu.textOf(m)).join('\n');
  };
}

const cardUpdates = (x: Harness, from: number) => x.feishu.calls.slice(from)
  .filter((c) => c.method === 'PUT' && /\/elements\/[^/]+\/content$/.test(c.path)).map((c) => String((c.body as { content: string }).content));

describe('parallel drafting (issue 25)', () => {
  it('写全文: the parts are asked at once and shown in order; a later part finished early waits for the first', async () => {
    let release!: () => void;
    const first = new Promise<void>((r) => { release = r; });
    h = await startHarness({ env: { DRAFT_CONCURRENCY: '3' }, streamThrottleMs: 5, llm: withParts(async (part, answer) => {
      // Part 一 answers only once parts 二 and 三 were asked: they cannot have waited for it.
      if (part === '一') await first;
      return answer;
    }) });
    const ask = await thread(h);
    const from = h.feishu.calls.length;
    const asked = h.llm.requests.length;
    const done = ask('写全文');
    await h.feishu.waitFor(() => h!.llm.requests.slice(asked).filter((q) => lastUser(q).startsWith(FULL)).length === 3, 60_000, 'all three parts asked');
    release();
    const card = await done;
    // In the outline's order on the finished card.
    const at = ['一', '二', '三'].map((p) => card.indexOf(marker(p)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    // No update ever showed a later part's text before an earlier one's.
    for (const u of cardUpdates(h, from)) {
      if (u.includes(marker('二'))) expect(u).toContain(marker('一'));
      if (u.includes(marker('三'))) expect(u).toContain(marker('二'));
    }
  });

  it('a part that fails ends in one clear message; the parts written are kept, and 写全文 again writes only the rest', async () => {
    let broken = true;
    h = await startHarness({ env: { DRAFT_CONCURRENCY: '3', JOB_ATTEMPTS: '1' }, llm: withParts((part, answer) =>
      part === '二' && broken ? { status: 400, body: { error: { message: 'context length exceeded', type: 'invalid_request_error' } } } : answer) });
    const ask = await thread(h);
    const failed = await ask('写全文');
    expect(failed).toContain(FAILURE_BAD_REQUEST);
    expect(failed).not.toContain(marker('一'));
    // The model is fine again: only part 二 is asked, the others come back as they were written.
    broken = false;
    const asked = h.llm.requests.length;
    const card = await ask('写全文');
    expect(h.llm.requests.slice(asked).map(partOf)).toEqual(['二']);
    expect(card).toContain('已保留此前起草或修改过的内容');
    for (const p of ['一', '二', '三']) expect(card).toContain(marker(p));
  });
});
