/**
 * Issue 18, items 4–7 end to end: a Feishu thread (real Lark SDK against the fake Open API)
 * and the real openai SDK against the messy model fake. Commands on undrafted parts do what
 * was asked; a draft from a 台账 takes the 台账's period; a model answering in the wrong
 * genre is repaired once or shown with what is wrong; streamed cards tell the truth.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { SUITE_NOW, testNow } from '../support/clock.js';
import { groupAtBot, messageIdOf, textEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import type { FakeHandler, FakeReply } from '../support/fake-openai.js';
import { buildDocx } from '../support/docx-fixture.js';
import { realisticModel, wrongGenre, type ModelStyle } from '../support/realistic-model.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Replies under a message, once `count` have arrived and none is streaming any more. */
async function replies(x: Harness, parentId: string, count = 1): Promise<FakeMessage[]> {
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(parentId);
    return r.length >= count && r.every((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…');
  }, 60_000, `reply to ${parentId}`);
  return x.feishu.repliesTo(parentId);
}

const text = (x: Harness, ms: FakeMessage[]) => ms.map((m) => x.feishu.textOf(m)).join('\n');
const prompts = (x: Harness, from: number) => x.llm.requests.slice(from).map((q) => q.messages.at(-1)!.content);

/** A thread: the first message, then commands in it; each answer once finished. */
async function thread(x: Harness, first: string): Promise<{ card: string; ask: (t: string, count?: number) => Promise<string> }> {
  const ev = textEvent(first);
  const root = messageIdOf(ev);
  await x.post(ev);
  const card = text(x, await replies(x, root));
  const ask = async (t: string, count = 1) => {
    const e = textEvent(t, { rootId: root, threadId: `omt_${root}` });
    await x.post(e);
    return text(x, await replies(x, messageIdOf(e), count));
  };
  return { card, ask };
}

/** Every card element update the fake Open API received since call `from`, in order. */
function cardUpdates(x: Harness, from: number): string[] {
  return x.feishu.calls.slice(from).filter((c) => c.method === 'PUT' && /\/elements\/[^/]+\/content$/.test(c.path)).map((c) => String((c.body as { content: string }).content));
}

/** The same model, streaming slowly so the card is updated many times within each answer. */
function slow(base: FakeHandler): FakeHandler {
  return async (b) => ({ ...((await base(b)) as Exclude<FakeReply, string | { status: number }>), delayMs: 3 });
}

describe('item 4: 精简/展开 on a part not drafted yet', () => {
  it('online: one clean sentence naming the part once, and each section asked shorter than 写 asks', async () => {
    h = await startHarness({ llm: realisticModel('chatty') });
    const t = await thread(h, '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    let from = h.llm.requests.length;
    await t.ask('写第三部分');
    const usual = prompts(h, from).map((p) => Number(/篇幅：约(\d+)字/.exec(p)![1]));
    from = h.llm.requests.length;
    const card = await t.ask('精简第一部分');
    const asked = prompts(h, from);
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect(asked.every((p) => p.startsWith('请根据已确定的提纲'))).toBe(true);
    const chars = asked.map((p) => Number(/篇幅：约(\d+)字/.exec(p)![1]));
    // The same outline's practice sections get 60% of the practice share; part 3's sections are smaller still.
    const first = /^第一部分“([^”]+)”此前还没有起草，已按“精简”的要求直接起草了较短的稿子，共约(\d+)字（默认篇幅约(\d+)字）。$/m.exec(card);
    expect(first, card).not.toBeNull();
    const [, heading, total, dflt] = first!;
    expect(Number(total)).toBeLessThan(Number(dflt));
    expect(chars.reduce((a, b) => a + b, 0)).toBeLessThan(Number(dflt));
    expect(usual.length).toBeGreaterThan(0);
    // Section names once, readably: no “一、… （一）…、一、… （二）…” list.
    expect(card.split(heading!).length - 1).toBe(2); // once in the note, once as the part heading
    expect(card).not.toMatch(/（一）[^\n]*、一、/);
    // The condensed part is what 写全文 keeps.
    const full = await t.ask('写全文');
    expect(full).toContain('已保留此前起草或修改过的内容：第一部分“');
    expect(full).toContain('第三部分“');
  });

  it('offline: 精简 writes less than 写 would, 展开 more, and each says the length it used', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    const request = '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲';
    const bodyLength = (card: string) => card.split('\n').filter((l) => !/^[一二三四五六七八九十]、|^（[一二三四五六七八九十]）|此前还没有起草|离线|笔杆子/.test(l)).join('').replace(/\s/g, '').length;
    const plain = await (await thread(h, request)).ask('写第一部分');
    const short = await (await thread(h, request)).ask('精简第一部分');
    const long = await (await thread(h, request)).ask('展开第一部分');
    expect(short).toMatch(/第一部分“工作开展情况及主要做法”此前还没有起草，已按“精简”的要求直接起草了较短的稿子，共约\d+字（默认篇幅约\d+字）。/);
    expect(long).toMatch(/第一部分“工作开展情况及主要做法”此前还没有起草，已按“展开”的要求直接起草了较长的稿子，共约\d+字（默认篇幅约\d+字）。/);
    expect(bodyLength(short)).toBeLessThanOrEqual(bodyLength(plain));
    expect(bodyLength(long)).toBeGreaterThan(bodyLength(plain));
    expect(h.llm.requests).toHaveLength(0);
  });
});

describe('item 5: the period of a draft from material', () => {
  // Computed from the harness's clock (its Beijing year): the 台账 is always last year's, so the current period is always wrong.
  const year = testNow(SUITE_NOW).year - 1;

  it('a 台账 titled with last year’s first half gives that period, in the assumption line, the prompt and the title', async () => {
    h = await startHarness({ llm: realisticModel('markdown') });
    const ledger = await buildDocx([`${year}年上半年意识形态工作台账`], [
      ['时间', '事项', '数量'],
      [`${year}年1月15日`, '局党组专题研究意识形态工作', '1次'],
      [`${year}年3月`, '理论学习中心组集体学习', '4次'],
      [`${year}年5月20日`, '处置网络舆情', '3起'],
    ]);
    h.feishu.addUserFile('om_ledger_period', '台账.docx', ledger);
    const ev = groupAtBot('根据这份台账写市交通运输局的报告提纲', h.feishu.botOpenId, { parentId: 'om_ledger_period' });
    await h.post(ev);
    const card = text(h, await replies(h, messageIdOf(ev)));
    expect(card).toContain(`未说明时段，按材料“台账.docx”所记的${year}年上半年起草。`);
    expect(card).not.toContain(`${year + 1}年上半年`);
    const prompt = h.llm.requests[0]!.messages.at(-1)!.content;
    expect(prompt).toContain(`报告时段：${year}年上半年`);
    expect(prompt).toContain(`关于${year}年上半年落实意识形态工作责任制情况的报告`);
    expect(card).toContain(`${year}年上半年`);
  });

  it('a model document (last year’s report) never gives the period: the current one is assumed and said', async () => {
    h = await startHarness({ llm: realisticModel('chatty') });
    const report = await buildDocx([
      `中共某局党组关于${year - 1}年度落实意识形态工作责任制情况的报告`,
      `${year - 1}年以来，局党组认真落实意识形态工作责任制，全年召开专题会议4次。现将有关情况报告如下：`,
      '一、工作开展情况及主要做法',
      '二、存在的问题和不足',
      '三、下一步工作打算',
    ]);
    h.feishu.addUserFile('om_model_doc', '往年报告.docx', report);
    const ev = groupAtBot('参照这份报告的格式写提纲', h.feishu.botOpenId, { parentId: 'om_model_doc' });
    await h.post(ev);
    const card = text(h, await replies(h, messageIdOf(ev)));
    expect(card).toMatch(/未说明时段，按\d{4}年(?:度|上半年)起草（材料“往年报告\.docx”是往期报告或范文，只参考写法，时段不按它定）。/);
    expect(h.llm.requests[0]!.messages.at(-1)!.content).not.toContain(`报告时段：${year - 1}年度`);
  });
});

describe('item 6: each genre’s own shape, against a model that answers in the wrong genre', () => {
  const GENRES: ReadonlyArray<{ request: string; style: ModelStyle; shape: string[] }> = [
    { request: '帮我写一份宣传部副部长2025年上半年落实意识形态工作责任制情况个人汇报的提纲', style: 'markdown', shape: ['宣传部副部长关于2025年上半年履行意识形态工作分管领导职责情况的汇报', '现将有关情况汇报如下：', '一、履职尽责情况', '三、下一步努力方向'] },
    { request: '帮我写一份县委宣传部部长2025年度抓意识形态工作述职报告的提纲', style: 'chatty', shape: ['县委宣传部部长2025年度抓意识形态工作述职报告', '现将本人履职情况述职如下：', '一、主要履职情况'] },
    { request: '县教育局要报一个2025年上半年意识形态工作责任制落实情况自查报告，先列提纲', style: 'headings', shape: ['落实情况的自查报告', '一、对照清单落实情况', '二、自查发现的问题', '三、整改措施及下一步打算'] },
    { request: '帮我写一份市文旅局2025年意识形态工作总结和2026年工作计划的提纲', style: 'think', shape: ['2025年度意识形态工作总结及2026年工作计划', '三、2026年工作计划'] },
  ];

  for (const g of GENRES) {
    it(`${g.shape[0]}: repaired once when the model gets it right the second time`, async () => {
      // Slow chunks: the repair streams long enough for the card to show it.
      h = await startHarness({ llm: slow(wrongGenre(realisticModel(g.style), 'once')), streamThrottleMs: 5 });
      const t = await thread(h, g.request);
      expect(h.llm.requests).toHaveLength(2);
      const repair = h.llm.requests[1]!.messages.at(-1)!.content;
      expect(repair).toContain('逐条修正');
      expect(repair).toMatch(/的写法/);
      for (const s of g.shape) expect(t.card, s).toContain(s);
      expect(t.card).not.toContain('提纲自检仍有以下问题');
      expect(t.card).not.toContain('工作开展情况及主要做法');
      // While the repair streams, the card says so and keeps the first outline until the new one arrives.
      const repairing = cardUpdates(h, 0).filter((u) => u.includes('提纲自检发现'));
      expect(repairing.length).toBeGreaterThan(0);
      expect(repairing[0]).toMatch(/^一、/m);
    });
  }

  it('still wrong after the one repair: shown, with what is wrong', async () => {
    h = await startHarness({ llm: wrongGenre(realisticModel('reasoning'), 'always') });
    const t = await thread(h, GENRES[0]!.request);
    expect(h.llm.requests).toHaveLength(2);
    const note = t.card.slice(t.card.indexOf('提纲自检仍有以下问题'));
    expect(note).toContain('第一部分“工作开展情况及主要做法”的标题不合个人汇报的写法');
    expect(note).toContain('第三部分“下一步工作打算”的标题不合个人汇报的写法');
    expect(note).toContain('开头段以“现将有关情况报告如下：”结尾，个人汇报应写作“现将有关情况汇报如下：”');
    expect(note).toContain('标题缺少汇报人的职务“宣传部副部长”');
    const summary = await thread(h, GENRES[3]!.request);
    expect(summary.card).toContain('第三部分“下一步工作打算”的标题不合总结计划的写法：计划部分写明2026年的工作计划');
    expect(summary.card).toMatch(/标题“[^”]*”不是总结计划的写法/);
  });
});

describe('item 7: streaming that tells the truth', () => {
  it('写全文: the label counts finished parts, the written text stays between parts, nothing snaps', async () => {
    // Parts one after another, so every part streams on the card (parallel drafting: drafting-parallel.test.ts).
    h = await startHarness({ llm: slow(realisticModel('chatty')), streamThrottleMs: 5, env: { DRAFT_CONCURRENCY: '1' } });
    const t = await thread(h, '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    const heads = ['一、工作开展情况及主要做法', '二、存在的问题和不足', '三、下一步工作打算'];
    const from = h.feishu.calls.length;
    await t.ask('写全文');
    const updates = cardUpdates(h, from);
    expect(updates.length).toBeGreaterThan(20);
    const started = updates.findIndex((u) => u.includes(heads[0]!));
    for (const [i, u] of updates.entries()) {
      // “已完成N/3部分” only once parts 1..N are on the card, with part N+1's heading under way.
      const done = /已完成(\d)\/3部分/.exec(u);
      if (done) {
        const n = Number(done[1]);
        for (const head of heads.slice(0, n)) expect(u, `update ${i}`).toContain(head);
        if (n < 3) expect(u, `update ${i}`).toContain(heads[n]!);
        expect(u).not.toContain(`正在起草第${n}/3部分`);
      }
      // Part 2's heading appears only when part 1 is finished.
      if (u.includes(heads[1]!)) expect(u, `update ${i}`).toMatch(/已完成[123]\/3部分|^(?![\s\S]*正在起草)/);
      // Once text was on the card, no update wipes it back to the label.
      if (i > started && started >= 0) expect(u, `update ${i}`).toContain(heads[0]!);
    }
    expect(updates.some((u) => u.includes('（正在起草第1/3部分）'))).toBe(true);
    expect(updates.some((u) => u.includes('（已完成1/3部分，正在起草第2/3部分）'))).toBe(true);
  });

  it('an outline streams with its points numbered per section, as it ends', async () => {
    h = await startHarness({ llm: slow(realisticModel('chatty')), streamThrottleMs: 5 });
    const from = h.feishu.calls.length;
    const t = await thread(h, '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    const updates = cardUpdates(h, from);
    expect(updates.length).toBeGreaterThan(10);
    for (const [i, u] of [...updates, t.card].entries()) {
      let expected = 1;
      for (const line of u.split('\n')) {
        if (/^(?:[一二三四五六七八九十]、|（[一二三四五六七八九十]）)/.test(line)) expected = 1;
        const n = /^(\d{1,2})\./.exec(line);
        if (!n) continue;
        expect(Number(n[1]), `update ${i}: ${line}`).toBe(expected);
        expected++;
      }
    }
  });
});
