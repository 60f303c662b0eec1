/**
 * Issue 25 item 2 end to end: 写全文 drafts its steps at once (DRAFT_CONCURRENCY): by default a long part
 * (over DRAFT_PART_CHARS) section by section, each section's prompt with the outline, what its neighbours
 * cover and the same style notes; the card shows the steps in order as they arrive. A step that fails is
 * retried by the job's retry (the finished steps are not asked again); one that fails for good leaves the
 * draft with the rest kept and one line naming what failed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import type { FakeHandler, FakeRequestBody } from '../support/fake-openai.js';
import { realisticModel } from '../support/realistic-model.js';
import { FAILURE, FAILURE_BAD_REQUEST } from '../../src/core/texts.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const FULL = '请按已确定的提纲起草报告正文';
const SECTION = '请根据已确定的提纲';
const lastUser = (b: FakeRequestBody) => String(b.messages.at(-1)!.content);
const partOf = (b: FakeRequestBody) => /本次起草：(.)、/.exec(lastUser(b))?.[1];
/** A section prompt's section number: 本次起草：一、标题 （二）标题. */
const sectionOf = (b: FakeRequestBody) => /本次起草：.、\S+ （(.)）/.exec(lastUser(b))?.[1];
const marker = (part: string) => `本部分正文标记${part}部，已按要求起草。`;
const sectionMarker = (part: string, section: string) => `本节正文标记${part}部${section}节，已按要求起草。`;
/** A block of the prompt: the lines after `head` up to the next blank line. */
const block = (b: FakeRequestBody, head: string) => (lastUser(b).split(`${head}\n`)[1] ?? '').split('\n\n')[0]!;
/** The outline the prompt carries (it has blank lines of its own). */
const outlineIn = (b: FakeRequestBody) => /报告提纲：\n([\s\S]*?)\n\n本次起草/.exec(lastUser(b))?.[1] ?? '';

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

/** A full draft's steps answer through `step`: a whole part (section undefined) or one section, with its marked answer. */
function withSteps(step: (part: string, section: string | undefined, answer: string) => ReturnType<FakeHandler>): FakeHandler {
  const base = realisticModel('chatty');
  return (b) => {
    const p = lastUser(b);
    if (p.startsWith(FULL)) return step(partOf(b)!, undefined, partAnswer(b));
    if (p.startsWith(SECTION) && sectionOf(b)) return step(partOf(b)!, sectionOf(b), sectionMarker(partOf(b)!, sectionOf(b)!));
    return base(b);
  };
}

const isStep = (b: FakeRequestBody) => lastUser(b).startsWith(FULL) || lastUser(b).startsWith(SECTION);
/**
 * The steps of the default 写全文 (DRAFT_PART_CHARS 600, DRAFT_CONCURRENCY 8) of the realistic outline, 3,000
 * characters: part 一 (1,800) by its four sections, 二 (450) whole, 三 (750) by its three sections; all eight at once.
 */
const DEFAULT_STEPS = [sectionMarker('一', '一'), sectionMarker('一', '二'), sectionMarker('一', '三'), sectionMarker('一', '四'), marker('二'), sectionMarker('三', '一'), sectionMarker('三', '二'), sectionMarker('三', '三')];
const DEFAULT_SECTIONS = ['一一', '一二', '一三', '一四', '三一', '三二', '三三'];

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
  it('by default 写全文 asks a long part section by section and every step at once, each prompt with its neighbours and the same style notes; the card shows them in order', async () => {
    let release!: () => void;
    const first = new Promise<void>((r) => { release = r; });
    h = await startHarness({ streamThrottleMs: 5, llm: withSteps(async (part, section, answer) => {
      // The first step answers only once every other one was asked: none of them waited for it.
      if (part === '一' && section === '一') await first;
      return answer;
    }) });
    const ask = await thread(h);
    const from = h.feishu.calls.length;
    const asked = h.llm.requests.length;
    const done = ask('写全文');
    await h.feishu.waitFor(() => h!.llm.requests.slice(asked).filter(isStep).length === DEFAULT_STEPS.length, 60_000, 'every step asked');
    release();
    const card = await done;
    const steps = h.llm.requests.slice(asked).filter(isStep);
    // Part 一 by its sections, parts 二 and 三 in one answer each.
    expect(steps.filter((b) => lastUser(b).startsWith(SECTION)).map((b) => `${partOf(b)}${sectionOf(b)}`).sort()).toEqual([...DEFAULT_SECTIONS].sort());
    expect(steps.filter((b) => lastUser(b).startsWith(FULL)).map(partOf)).toEqual(['二']);
    // One voice: the same style notes and the whole outline in every step's prompt.
    expect(new Set(steps.map((b) => block(b, '全文统一的写法：'))).size).toBe(1);
    expect(block(steps[0]!, '全文统一的写法：')).toContain('局党组');
    expect(new Set(steps.map(outlineIn)).size).toBe(1);
    // A section is told what its neighbours cover (their headings), and not to write them.
    const outlineLines = outlineIn(steps[0]!).split('\n');
    const headingsOf = (part: string) => {
      const at = outlineLines.findIndex((l) => l.startsWith(`${part}、`));
      const end = outlineLines.findIndex((l, i) => i > at && /^[一二三四五六]、/.test(l));
      return outlineLines.slice(at + 1, end < 0 ? undefined : end).filter((l) => /^（.）/.test(l));
    };
    expect(headingsOf('一')).toHaveLength(4);
    for (const b of steps.filter((x) => lastUser(x).startsWith(SECTION))) {
      const siblings = headingsOf(partOf(b)!);
      const own = siblings.find((l) => l.startsWith(`（${sectionOf(b)}）`))!;
      const neighbours = block(b, '与相邻各节的分工：');
      for (const other of siblings.filter((l) => l !== own)) expect(neighbours).toContain(other);
      expect(neighbours).not.toContain(own);
      expect(neighbours).toContain('二、');
    }
    // In the outline's order on the finished card, under their headings, with the report's title.
    const at = DEFAULT_STEPS.map((m) => card.indexOf(m));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    for (const heading of [...headingsOf('一'), ...headingsOf('三')]) expect(card).toContain(heading);
    expect(card).not.toContain('【待补充：本节正文');
    // No update ever showed a later step's text before an earlier one's.
    for (const u of cardUpdates(h, from)) {
      DEFAULT_STEPS.forEach((m, i) => {
        if (i > 0 && u.includes(m)) expect(u).toContain(DEFAULT_STEPS[i - 1]);
      });
    }
  });

  it('DRAFT_PART_CHARS=0: one answer per part, the parts asked at once and shown in order; a later part finished early waits for the first', async () => {
    let release!: () => void;
    const first = new Promise<void>((r) => { release = r; });
    h = await startHarness({ env: { DRAFT_CONCURRENCY: '3', DRAFT_PART_CHARS: '0' }, streamThrottleMs: 5, llm: withParts(async (part, answer) => {
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
    expect(h.llm.requests.slice(asked).filter((q) => lastUser(q).startsWith(SECTION))).toEqual([]);
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

  it('a section that fails once is asked again by the job’s retry, the finished steps are not; one answer, nothing missing', async () => {
    let failures = 0;
    h = await startHarness({ env: { JOB_ATTEMPTS: '2' }, llm: withSteps((part, section, answer) => {
      if (part === '一' && section === '二' && failures++ === 0) return { status: 503, body: { error: { message: 'overloaded', type: 'server_error' } } };
      return answer;
    }) });
    const ask = await thread(h);
    const asked = h.llm.requests.length;
    const card = await ask('写全文');
    const steps = h.llm.requests.slice(asked).filter(isStep).map((b) => `${partOf(b)}${sectionOf(b) ?? ''}`);
    // The failed section twice, every other step once (its answer kept for the retry).
    expect(steps.filter((x) => x === '一二')).toHaveLength(2);
    expect(steps.filter((x) => x !== '一二').sort()).toEqual([...DEFAULT_SECTIONS.filter((x) => x !== '一二'), '二'].sort());
    for (const m of DEFAULT_STEPS) expect(card).toContain(m);
    expect(card).not.toContain('没能写成');
    expect(card).not.toContain(FAILURE);
  });

  it('a section that fails for good: the draft keeps the rest, says in one line which section failed, and 写全文 again writes only that one', async () => {
    let broken = true;
    h = await startHarness({ env: { JOB_ATTEMPTS: '1' }, llm: withSteps((part, section, answer) =>
      part === '一' && section === '二' && broken ? { status: 400, body: { error: { message: 'context length exceeded', type: 'invalid_request_error' } } } : answer) });
    const ask = await thread(h);
    const failed = await ask('写全文');
    // One answer: the draft, not the failure card.
    expect(failed).not.toContain(FAILURE_BAD_REQUEST);
    const lines = failed.split('\n').filter((l) => l.includes('没能写成'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^第一部分的（二）“[^”]+”没能写成（模型服务拒绝了这次请求），其余内容已写好并保存在本话题的稿子里；稍后发送“写全文”即可只补写这一处。$/);
    for (const m of DEFAULT_STEPS.filter((x) => x !== sectionMarker('一', '二'))) expect(failed).toContain(m);
    // The gap is marked where the section goes, never left empty.
    const gap = failed.indexOf('【待补充：本节未能写成，发送“写全文”即可补写】');
    expect(gap).toBeGreaterThan(failed.indexOf(sectionMarker('一', '一')));
    expect(gap).toBeLessThan(failed.indexOf(sectionMarker('一', '三')));
    // The model is fine again: only that section is asked, the rest comes back as it was written.
    broken = false;
    const asked = h.llm.requests.length;
    const card = await ask('写全文');
    expect(h.llm.requests.slice(asked).filter(isStep).map((b) => `${partOf(b)}${sectionOf(b) ?? ''}`)).toEqual(['一二']);
    expect(card).toContain('已保留此前起草或修改过的内容');
    for (const m of DEFAULT_STEPS) expect(card).toContain(m);
    expect(card).not.toContain('没能写成');
  });

  it('写第一部分 with a section that fails for good: the other sections are shown and kept, with one line naming it', async () => {
    h = await startHarness({ env: { JOB_ATTEMPTS: '1' }, llm: withSteps((part, section, answer) =>
      part === '一' && section === '三' ? { status: 400, body: { error: { message: 'context length exceeded', type: 'invalid_request_error' } } } : answer) });
    const ask = await thread(h);
    const card = await ask('写第一部分');
    expect(card).not.toContain(FAILURE_BAD_REQUEST);
    expect(card.split('\n').filter((l) => l.includes('没能写成'))).toEqual([expect.stringMatching(/^第一部分的（三）“[^”]+”没能写成（模型服务拒绝了这次请求），其余内容已写好并保存在本话题的稿子里；稍后再发一次同样的要求即可重写。$/)]);
    for (const s of ['一', '二', '四']) expect(card).toContain(sectionMarker('一', s));
    expect(card).toContain('【待补充：本节未能写成，见上方说明】');
    // The three written sections are in the thread's draft: 写全文 asks only for the rest.
    const asked = h.llm.requests.length;
    await ask('写全文');
    const steps = h.llm.requests.slice(asked).filter(isStep).map((b) => `${partOf(b)}${sectionOf(b) ?? ''}`);
    expect(steps).toContain('一三');
    expect(steps.filter((x) => ['一一', '一二', '一四'].includes(x))).toEqual([]);
  });

  it('a part that fails for good (one answer per part): the other parts are kept and the line names the part', async () => {
    h = await startHarness({ env: { DRAFT_CONCURRENCY: '3', DRAFT_PART_CHARS: '0', JOB_ATTEMPTS: '1' }, llm: withParts((part, answer) =>
      part === '二' ? { status: 400, body: { error: { message: 'context length exceeded', type: 'invalid_request_error' } } } : answer) });
    const ask = await thread(h);
    const failed = await ask('写全文');
    expect(failed).toMatch(/^第二部分“存在的问题和不足”没能写成（模型服务拒绝了这次请求）/m);
    expect(failed).toContain(marker('一'));
    expect(failed).toContain(marker('三'));
    expect(failed).not.toContain(marker('二'));
  });
});
