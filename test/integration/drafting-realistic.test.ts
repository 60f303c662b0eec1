/**
 * Issue 12's “done when”: for each of the five genres × each realistic model style, from a
 * Feishu thread (real openai SDK against the fake model, real Lark SDK against the fake
 * Open API), and offline: outline → 写第二部分，800字左右 → 把（二）展开到500字 → 写全文 →
 * 导出Word. No chat text, Markdown, reasoning or length note reaches a card's final text,
 * the stored thread state or the Word file (read back with mammoth), and the file holds
 * the expansion.
 */
import { Redis } from 'ioredis';
import mammoth from 'mammoth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { messageIdOf, textEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { HELP } from '../../src/core/texts.js';
import { CHAT_TEXT, EXPANSION_MARK, realisticModel, STYLES } from '../support/realistic-model.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const GENRES: ReadonlyArray<{ genre: string; request: string }> = [
  { genre: 'unit-report', request: '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲' },
  { genre: 'leader-report', request: '帮我写一份宣传部副部长2025年上半年落实意识形态工作责任制情况个人汇报的提纲' },
  { genre: 'duty-report', request: '帮我写一份县文广旅体局党组书记2025年度抓意识形态工作述职报告的提纲' },
  { genre: 'self-check', request: '县教育局要报一个2025年上半年意识形态工作责任制落实情况自查报告，先列提纲' },
  { genre: 'summary-plan', request: '帮我写一份市文旅局2025年意识形态工作总结和2026年工作计划的提纲' },
];

async function reply(x: Harness, parentId: string, count = 1): Promise<FakeMessage[]> {
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(parentId);
    return r.length >= count && r.every((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…');
  }, 60_000, `reply to ${parentId}`);
  // the thread's job has finished, not just its card: nothing more is on its way
  await appSettled(x);
  return x.feishu.repliesTo(parentId);
}

/** The Word file's text as a reader sees it (mammoth, as the bot reads writers' files). */
async function docxText(data: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: data })).value;
}

/** Every string value in the stored thread states of this run. */
async function storedStrings(x: Harness): Promise<string[]> {
  const redis = new Redis(x.redisUrl);
  try {
    const keys = await redis.keys(`${x.prefix}:state:*`);
    const out: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') out.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const k of keys) walk(JSON.parse((await redis.get(k)) ?? 'null'));
    return out;
  } finally {
    redis.disconnect();
  }
}

/** A full draft's step: a whole part, or one section of a long part. */
const isDraftStep = (p: string) => p.startsWith('请按已确定的提纲起草报告正文') || p.startsWith('请根据已确定的提纲');

/**
 * The parts a full draft's prompts cover, in order. A part is asked either once whole or once per section
 * (each section once), never both.
 */
function partsAsked(prompts: readonly string[]): string[] {
  const steps = prompts.map((p) => ({ part: /本次起草：(.)、/.exec(p)?.[1] ?? '?', section: /本次起草：.、\S+ （(.)）/.exec(p)?.[1], whole: p.startsWith('请按已确定的提纲起草报告正文') }));
  const parts = [...new Set(steps.map((x) => x.part))].sort((a, b) => '一二三四五六'.indexOf(a) - '一二三四五六'.indexOf(b));
  for (const part of parts) {
    const mine = steps.filter((x) => x.part === part);
    if (mine.some((x) => x.whole)) expect(mine, `part ${part}`).toHaveLength(1);
    else expect(new Set(mine.map((x) => x.section)).size, `part ${part}: each section once`).toBe(mine.length);
  }
  return parts;
}

function leaks(text: string, where: string): string[] {
  const found = CHAT_TEXT.filter((c) => text.includes(c)).map((c) => `${where}: “${c}”`);
  // Half-width commas next to Chinese, and Markdown at a line start.
  if (/[\u4e00-\u9fff],|,[\u4e00-\u9fff]/.test(text)) found.push(`${where}: half-width comma`);
  if (/^\s*(?:#{1,6}\s|>\s|[-*+]\s)/m.test(text)) found.push(`${where}: Markdown line`);
  // Length notes in any wording: （本部分约1800字） （约500字） 全文约3000字.
  if (/[（(](?:本(?:部分|节|段|篇|文)|全文)?(?:共|约|计)?\s*\d+\s*字(?:左右)?[）)]|(?:本部分|全文)(?:共|约)\d+字/.test(text)) found.push(`${where}: length note`);
  return found;
}

async function runSequence(x: Harness, request: string): Promise<{ cards: string[]; docx: string; expanded: string; fullCard: string; prompts: string[] }> {
  const cards: string[] = [];
  const from = x.llm.requests.length;
  const first = textEvent(request);
  const root = messageIdOf(first);
  await x.post(first);
  const ask = async (text: string, count = 1) => {
    const ev = textEvent(text, { rootId: root, threadId: `omt_${root}` });
    await x.post(ev);
    return reply(x, messageIdOf(ev), count);
  };
  const [outline] = await reply(x, root);
  cards.push(x.feishu.textOf(outline!));
  const [section] = await ask('写第二部分，800字左右');
  cards.push(x.feishu.textOf(section!));
  const [expanded] = await ask('把（二）展开到500字');
  cards.push(x.feishu.textOf(expanded!));
  const full = await ask('写全文');
  const fullCard = full.map((m) => x.feishu.textOf(m)).join('\n');
  cards.push(fullCard);
  const exported = await ask('导出Word', 2);
  const file = exported.find((m) => m.msg_type === 'file');
  expect(file?.file?.name).toMatch(/\.docx$/);
  const prompts = x.llm.requests.slice(from).map((q) => q.messages.at(-1)!.content);
  return { cards, docx: await docxText(file!.file!.data), expanded: x.feishu.textOf(expanded!), fullCard, prompts };
}

describe('drafting against a realistic model, per genre and model style', () => {
  for (const g of GENRES) {
    describe(g.genre, () => {
      // One bot per genre; each style drafts in its own thread.
      let gh: Harness;
      beforeAll(async () => {
        gh = await startHarness();
      });
      afterAll(async () => {
        await gh.stop();
      });
      for (const style of STYLES) {
        it(`${style}: outline → 写第二部分，800字左右 → 把（二）展开到500字 → 写全文 → 导出Word`, async () => {
          gh.llm.setHandler(realisticModel(style));
          const statesBefore = new Set(await storedStrings(gh));
          const r = await runSequence(gh, g.request);
          const prompts = r.prompts;

          // The length reached the model, split across the part's sections (写第二部分, before the expansion); the expansion asked for 500.
          const revise = prompts.find((p) => p.startsWith('请修改报告中的一节正文'))!;
          const sectionPrompts = prompts.slice(0, prompts.indexOf(revise)).filter((p) => p.startsWith('请根据已确定的提纲'));
          expect(sectionPrompts.length).toBeGreaterThanOrEqual(2);
          const perSection = Math.round(800 / sectionPrompts.length / 10) * 10;
          for (const p of sectionPrompts) expect(p).toContain(`篇幅：约${perSection}字`);
          expect(revise).toContain('目标篇幅：约500字');
          expect(revise).toMatch(/所在位置：二、\S+ （二）/);
          // A problem section is expanded with manifestations and causes, not achievements.
          expect(revise).toContain('具体表现和产生原因');
          expect(r.expanded).toContain(EXPANSION_MARK.problems);

          // 写全文 drafted only parts one and three (a long part section by section, DRAFT_PART_CHARS), and said it kept part two.
          const fullStep = prompts.slice(prompts.indexOf(revise) + 1);
          expect(fullStep.every(isDraftStep)).toBe(true);
          expect(partsAsked(fullStep)).toEqual(['一', '三']);
          expect(r.fullCard).toContain('已保留此前起草或修改过的内容');
          expect(r.fullCard).toContain(EXPANSION_MARK.problems);

          // The Word file holds the expanded section and nothing of the model's chat.
          expect(r.docx).toContain(EXPANSION_MARK.problems);
          // A 2025 report drafted now is not signed with today's date.
          expect(r.docx).toContain('【待补充：成文日期】');
          const states = (await storedStrings(gh)).filter((s) => !statesBefore.has(s));
          const found = [...leaks(r.docx, 'docx'), ...r.cards.flatMap((c, i) => leaks(c, `card ${i}`)), ...states.flatMap((s) => leaks(s, 'state'))];
          expect(found).toEqual([]);
          // Part headings once, section headings on their own line.
          expect(r.cards[1]!.match(/^二、/gm)).toHaveLength(1);
          expect(r.cards[1]).toMatch(/^（一）\S+$/m);
        });
      }
    });
  }
});

describe('other drafting paths against a realistic model', () => {
  it('every drafting command in /help works from a fresh outline, in the order listed', async () => {
    h = await startHarness({ llm: realisticModel('chatty') });
    const line = HELP.split('\n').find((l) => l.includes('在同一话题里接着写'))!;
    // 生成云文档 publishes to Feishu Drive; its own tests cover it (test/integration/documents*.test.ts).
    const commands = [...line.matchAll(/“([^”]+)”/g)].map((m) => m[1]!).filter((c) => c !== '生成云文档');
    expect(commands).toEqual(['写第二部分，800字左右', '把（二）展开到500字', '写全文', '导出Word', '重写第二部分', '全部重写']);
    const first = textEvent('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    const root = messageIdOf(first);
    await h.post(first);
    await reply(h, root);
    for (const cmd of commands) {
      const before = h.llm.requests.length;
      const ev = textEvent(cmd, { rootId: root, threadId: `omt_${root}` });
      await h.post(ev);
      const out = await reply(h, messageIdOf(ev), cmd === '导出Word' ? 2 : 1);
      const text = out.map((m) => h!.feishu.textOf(m)).join('\n');
      expect(text, cmd).not.toMatch(/还没有|没有找到|请先/);
      const asked = h.llm.requests.slice(before).map((q) => q.messages.at(-1)!.content);
      if (cmd === '重写第二部分') expect(asked.every((p) => p.includes('重新改写') && p.includes('所在位置：二、'))).toBe(true);
      if (cmd === '全部重写') {
        expect(asked.every(isDraftStep)).toBe(true);
        expect(partsAsked(asked)).toEqual(['一', '二', '三']);
      }
    }
  });

  it('a deputy is 直接责任人, not 第一责任人; the request’s 一个 is not a fact; a 2025 report drafted later is not dated today', async () => {
    h = await startHarness({ llm: realisticModel('markdown') });
    const ev = textEvent('帮我写一份宣传部副部长分管网信工作2025年上半年落实意识形态工作责任制情况个人汇报的提纲');
    await h.post(ev);
    await reply(h, messageIdOf(ev));
    const outlinePrompt = h.llm.requests[0]!.messages.at(-1)!.content;
    expect(outlinePrompt).toContain('身份：分管领导，履行分管领域意识形态工作直接责任人职责');
    const opening = outlinePrompt.split('开头段写法参考')[1]!.split('\n')[1]!;
    expect(opening).toContain('直接责任人');
    expect(opening).not.toContain('第一责任人');
    expect(outlinePrompt).toContain('履行意识形态工作分管领导职责情况的汇报');
    h.llm.requests.length = 0;
    const ev2 = textEvent('县教育局要报一个2025年上半年意识形态工作责任制落实情况自查报告，先列提纲');
    await h.post(ev2);
    await reply(h, messageIdOf(ev2));
    expect(h.llm.requests[0]!.messages.at(-1)!.content).toContain('用户未提供具体事实');
  });
});

describe('critique against a realistic model', () => {
  it('no chat text, Markdown or reasoning in the model’s part of the critique card, in any style', async () => {
    h = await startHarness();
    const paste = '关于2025年上半年落实意识形态工作责任制情况的报告\n今年以来，局党组认真落实意识形态工作责任制。现将有关情况报告如下：\n一、工作开展情况\n（一）压实责任\n一是加强学习。二是完善制度。\n二、存在的问题\n（一）学习不深\n三、下一步打算\n（一）深化学习';
    for (const style of STYLES) {
      h.llm.setHandler(realisticModel(style));
      const ev = textEvent(`帮我看看这段：${paste}`);
      await h.post(ev);
      const [card] = await reply(h, messageIdOf(ev));
      const text = h.feishu.textOf(card!);
      const model = text.split('综合点评（模型生成，供参考）')[1] ?? '';
      expect(model, style).toContain('结构');
      expect(leaks(model, style)).toEqual([]);
    }
  });
});

describe('the same sequence offline', () => {
  for (const g of GENRES) {
    it(`${g.genre}: works offline and exports the expanded section`, async () => {
      h = await startHarness({ env: { OPENAI_API_KEY: '' } });
      const r = await runSequence(h, g.request);
      expect(h.llm.requests).toHaveLength(0);
      // Offline expansion of a problem section adds manifestations and causes.
      expect(r.expanded).toContain('究其原因');
      expect(r.expanded).not.toContain('同时，');
      expect(r.docx).toContain('究其原因');
      expect(r.cards[1]!.match(/^二、/gm)).toHaveLength(1);
      const found = [...leaks(r.docx, 'docx'), ...r.cards.flatMap((c, i) => leaks(c, `card ${i}`)), ...(await storedStrings(h)).flatMap((s) => leaks(s, 'state'))];
      expect(found).toEqual([]);
    });
  }
});
