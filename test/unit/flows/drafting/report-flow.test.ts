import { describe, expect, it } from 'vitest';
import { RULES_WRITER } from '../../../../src/flows/drafting/writers.js';
import type { ChatModel, ChatRequest } from '../../../../src/llm/chat-model.js';
import { PromptLibrary } from '../../../../src/llm/prompts.js';
import { draftFull } from '../../../../src/flows/drafting/full.js';
import { draftOutline } from '../../../../src/flows/drafting/outline.js';
import { draftSection, reviseSection } from '../../../../src/flows/drafting/sections.js';
import { runDraftCommand } from '../../../../src/flows/drafting/run.js';
import { newThreadState, ReportFlowError, type ReportThreadState } from '../../../../src/flows/drafting/state.js';
import { parseDraftCommand } from '../../../../src/report/commands.js';
import { checkDraft } from '../../../support/draft-check.js';
import { getGenre } from '../../../../src/report/genres.js';
import { buildOfflineOutline, renderOutline } from '../../../../src/report/outline.js';
import { parseRequest } from '../../../../src/report/request.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const prompts = PromptLibrary.load();
const request = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告。中心组开展专题学习6次，处置网络舆情3条。', NOW);
const genre = getGenre('unit-report');

/** A scripted model: each call gets the next reply (or a function of the request), streamed in small chunks. */
class ScriptModel implements ChatModel {
  readonly name = 'script';
  readonly calls: ChatRequest[] = [];
  constructor(private readonly reply: (req: ChatRequest, n: number) => string, readonly online = true) {}
  async *stream(req: ChatRequest): AsyncGenerator<string> {
    this.calls.push(req);
    const text = this.reply(req, this.calls.length);
    for (let i = 0; i < text.length; i += 7) {
      await Promise.resolve();
      yield text.slice(i, i + 7);
    }
  }
}

const lastUser = (req: ChatRequest) => req.messages[req.messages.length - 1]!.content;
const goodOutline = () => renderOutline(buildOfflineOutline(request, genre, NOW));
const offline = new ScriptModel(() => { throw new Error('offline model must not be called'); }, false);

describe('draftOutline', () => {
  it('offline: builds the rule-based outline without calling the model', async () => {
    const seen: string[] = [];
    const r = await draftOutline({ model: offline, writer: RULES_WRITER, prompts, request, now: NOW, onText: (_d, full) => seen.push(full) });
    expect(r).toMatchObject({ offline: true, repaired: false, defects: [] });
    expect(seen).toEqual([r.text]);
    expect(r.text).toContain('【待补充：');
    expect(offline.calls).toHaveLength(0);
  });

  it('online: streams, parses and checks; no repair when clean', async () => {
    const model = new ScriptModel(() => `**${goodOutline()}**`);
    let streamed = '';
    const r = await draftOutline({ model, prompts, request, now: NOW, onText: (d) => (streamed += d) });
    expect(r).toMatchObject({ offline: false, repaired: false, defects: [] });
    expect(streamed).toBe(`**${goodOutline()}**`);
    expect(model.calls).toHaveLength(1);
    const [system, user] = model.calls[0]!.messages;
    expect(system!.content).toContain('党的二十大和二十届历次全会精神');
    expect(user!.content).toContain('中心组开展专题学习6次');
    expect(user!.content).toContain('中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告');
  });

  it('online: one repair round naming the specific defects', async () => {
    const broken = goodOutline().replace(/（三）严格阵地管理[\s\S]*?(?=（四）)/, '').replace('（四）强化网络管控', '（三）强化网络管控').replace(/（二）强化理论武装[\s\S]*?(?=（三）)/, '');
    const model = new ScriptModel((_req, n) => (n === 1 ? broken : goodOutline()));
    const repairs: string[][] = [];
    const r = await draftOutline({ model, prompts, request, now: NOW, onRepair: (d) => repairs.push(d) });
    expect(repairs[0]!.join('\n')).toMatch(/有2个二级标题，应为3至6个/);
    expect(lastUser(model.calls[1]!)).toContain('有2个二级标题，应为3至6个');
    expect(model.calls[1]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(r).toMatchObject({ repaired: true, defects: [], offline: false });
    expect(model.calls).toHaveLength(2);
  });

  it('online: keeps the remaining defects after one repair, and falls back to rules when nothing parses', async () => {
    const stillBroken = new ScriptModel(() => '一、工作开展情况及主要做法\n（一）压实主体责任，健全领导体制\n1.要点');
    const r1 = await draftOutline({ model: stillBroken, prompts, request, now: NOW });
    expect(stillBroken.calls).toHaveLength(2);
    expect(r1.repaired).toBe(true);
    expect(r1.defects.length).toBeGreaterThan(0);
    const garbage = new ScriptModel(() => '抱歉，我无法完成。');
    const r2 = await draftOutline({ model: garbage, prompts, request, now: NOW });
    expect(r2.offline).toBe(true);
    expect(r2.outline.parts).toHaveLength(3);
  });
});

async function stateWithOutline(): Promise<ReportThreadState> {
  const o = await draftOutline({ model: offline, writer: RULES_WRITER, prompts, request, now: NOW });
  return { ...newThreadState(request, NOW), outline: o.outline };
}

describe('draftSection / reviseSection', () => {
  it('online: drafts every section of an addressed part, stripping a repeated heading', async () => {
    const state = await stateWithOutline();
    const model = new ScriptModel((req) => {
      const target = /本次起草：(.+)/.exec(lastUser(req))![1]!;
      const heading = target.split(' ').pop()!;
      return `${heading}\n一是具体表现之一。二是【待补充：具体事例】。`;
    });
    const progress: number[] = [];
    const r = await draftSection({ model, prompts, state, now: NOW, target: { partId: 'problems' }, onProgress: (p) => progress.push(p.done) });
    expect(r.sections.map((s) => s.address)).toEqual(['p2.s1', 'p2.s2', 'p2.s3']);
    // Finished sections are counted, not the one being written.
    expect(progress).toEqual([0, 1, 2]);
    expect(r.sections[0]!.text).toBe('一是具体表现之一。二是【待补充：具体事例】。');
    expect(r.state.draft.sections['p2.s2']).toBeDefined();
    expect(state.draft.sections['p2.s2']).toBeUndefined();
    expect(lastUser(model.calls[0]!)).toMatch(/篇幅：约\d+字/);
  });

  it('offline: drafts one section from its points with 一是/二是 and placeholders', async () => {
    const state = await stateWithOutline();
    const r = await draftSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { section: 2 } });
    expect(r.sections).toHaveLength(1);
    expect(r.sections[0]!.text).toMatch(/^一是.*二是/);
    expect(r.sections[0]!.text).toContain('中心组开展专题学习6次');
  });

  it('revises drafted text offline, and drafts undrafted text at the asked length (issue 12 changes the refusal)', async () => {
    let state = await stateWithOutline();
    const fresh = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { section: 1 }, op: 'expand', chars: 300 });
    expect(fresh.sections[0]!.text.replace(/\s/g, '').length).toBeGreaterThanOrEqual(240);
    state = (await draftSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { section: 1 } })).state;
    const before = state.draft.sections['p1.s1']!;
    const expanded = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { section: 1 }, op: 'expand', chars: before.length + 60 });
    expect(expanded.sections[0]!.text.length).toBeGreaterThan(before.length);
    expect(expanded.sections[0]!.text.startsWith(before)).toBe(true);
    const condensed = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state: expanded.state, now: NOW, target: { section: 1 }, op: 'condense', chars: 40 });
    expect(condensed.sections[0]!.text.length).toBeLessThan(expanded.sections[0]!.text.length);
  });

  it('without a target, revises what was written last', async () => {
    let state = await stateWithOutline();
    state = (await draftSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 1, section: 2 } })).state;
    expect(state.lastAddresses).toEqual(['p1.s2']);
    const r = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: {}, op: 'condense', chars: 30 });
    expect(r.sections.map((s) => s.address)).toEqual(['p1.s2']);
    await expect(reviseSection({ model: offline, writer: RULES_WRITER, prompts, state: await stateWithOutline(), now: NOW, target: {}, op: 'condense' })).rejects.toThrow(/提纲中没有找到/);
  });

  it('names the part or section that does not exist, in Chinese', async () => {
    const state = await stateWithOutline();
    const args = { model: offline, writer: RULES_WRITER, prompts, state, now: NOW };
    await expect(draftSection({ ...args, target: { part: 5 } })).rejects.toThrow(/提纲中没有找到第五部分（提纲只有3个部分）。当前提纲共3个部分：一、/);
    await expect(reviseSection({ ...args, target: { part: 2, section: 9 }, op: 'condense' })).rejects.toThrow(/提纲中没有找到“二、存在的问题和不足”的（九）（该部分有3个二级标题）/);
    await expect(reviseSection({ ...args, target: { partId: 'problems', section: 7 }, op: 'expand' })).rejects.toThrow(/“二、存在的问题和不足”的（七）/);
    await expect(draftSection({ ...args, target: { section: 8 } })).rejects.toThrow(/提纲中没有找到第（八）点（各部分最多有\d个二级标题）/);
    const noPlans = { ...state, outline: { ...state.outline!, parts: state.outline!.parts.slice(0, 2) } };
    await expect(draftSection({ ...args, state: noPlans, target: { partId: 'plans' } })).rejects.toThrow(/提纲中没有找到“下一步工作打算”部分/);
    await expect(draftSection({ ...args, target: {} })).rejects.toThrow(/提纲中没有找到要写的位置，请指明部分/);
    await expect(reviseSection({ ...args, target: {}, op: 'rewrite' })).rejects.toThrow(/提纲中没有找到要修改的位置/);
    const r = await runDraftCommand({ kind: 'revise', op: 'expand', target: { part: 4 } }, args).catch((e: unknown) => e);
    expect(r).toBeInstanceOf(ReportFlowError);
  });

  it('writes the genre opening when asked to revise an opening that has neither a draft nor an outline opening', async () => {
    const state = await stateWithOutline();
    const bare = { ...state, outline: { ...state.outline!, opening: undefined } } as ReportThreadState;
    const o = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state: bare, now: NOW, target: { opening: true }, op: 'expand' });
    expect(o.sections[0]!.text).toMatch(/现将有关情况报告如下：$/);
    const r = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { opening: true }, op: 'condense', chars: 60 });
    expect(r.sections.map((s) => s.address)).toEqual(['opening']);
  });

  it('revises only the drafted sections of a partly drafted part', async () => {
    let state = await stateWithOutline();
    state = (await draftSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 2, section: 2 } })).state;
    const drafted = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 3 }, op: 'condense' });
    expect(drafted.sections.map((s) => s.address)).toEqual(['p3.s1', 'p3.s2', 'p3.s3']);
    const r = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 2 }, op: 'condense' });
    expect(r.sections.map((s) => s.address)).toEqual(['p2.s2']);
  });

  it('online: revise sends the instruction, target length and original text', async () => {
    let state = await stateWithOutline();
    state = (await draftSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { section: 1 } })).state;
    const model = new ScriptModel(() => '一是压实责任。');
    const r = await reviseSection({ model, prompts, state, now: NOW, target: { section: 1 }, op: 'condense', chars: 200 });
    const prompt = lastUser(model.calls[0]!);
    expect(prompt).toContain('精简压缩');
    expect(prompt).toContain('约200字');
    expect(prompt).toContain(state.draft.sections['p1.s1']!);
    expect(r.sections[0]!.text).toBe('一是压实责任。');
  });
});

describe('draftFull', () => {
  it('online: one call per part with progress, split into sections, assembled with sign-off', async () => {
    const state = await stateWithOutline();
    const model = new ScriptModel((req) => {
      const prompt = lastUser(req);
      const part = /本次起草：(.+)/.exec(prompt)![1]!;
      const lines = prompt.split('\n');
      const start = lines.indexOf(part);
      const heads: string[] = [];
      for (const l of lines.slice(start + 1)) {
        if (/^[一二三四五六七八九十]、/.test(l) || !l.trim()) break;
        if (/^（[一二三四五六七八九十]）/.test(l)) heads.push(l);
      }
      return heads.map((h) => `${h}\n一是做法。二是【待补充：具体数据】。`).join('\n');
    });
    const progress: string[] = [];
    const shown: string[] = [];
    const r = await draftFull({ model, prompts, state, now: NOW, onProgress: (p) => progress.push(`${p.done}/${p.total}`), onText: (_d, full) => shown.push(full) });
    // While part 3 streams, the card still shows parts 1 and 2.
    const midPart3 = shown.find((t) => t.includes('三、下一步工作打算\n（一）'))!;
    expect(midPart3).toContain('一、工作开展情况及主要做法');
    expect(midPart3).toContain('二、存在的问题和不足');
    expect(shown.at(-1)).toBe(r.text);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(model.calls).toHaveLength(3);
    expect(r.text).not.toContain('本节正文');
    expect(r.text.split('\n').slice(-2)).toEqual(['中共市交通运输局党组', '2025年7月3日']);
    const check = checkDraft(r.text, request.facts, genre);
    expect(check.defects).toEqual([]);
    expect(Object.keys(r.state.draft.sections)).toContain('p3.s3');
  });

  it('offline: complete draft, facts kept, no invented numbers; state survives JSON', async () => {
    const state = newThreadState(request, NOW);
    const r = await draftFull({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW });
    const check = checkDraft(r.text, request.facts, genre);
    expect(check.defects).toEqual([]);
    expect(r.text).toContain('处置网络舆情3条');
    expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
  });

  it('runDraftCommand says so when the model outline was unusable and the rule-based one is shown', async () => {
    const garbage = new ScriptModel(() => '抱歉，我无法完成。');
    const r = await runDraftCommand({ kind: 'outline' }, { model: garbage, prompts, state: newThreadState(request, NOW), now: NOW });
    expect(r.text).toContain('没能识别出“一、二、三、”提纲结构');
    expect(r.state.outline!.parts).toHaveLength(3);
    const clean = await runDraftCommand({ kind: 'outline' }, { model: new ScriptModel(() => goodOutline()), prompts, state: newThreadState(request, NOW), now: NOW });
    expect(clean.text).not.toContain('没能识别出');
    const rules = await runDraftCommand({ kind: 'outline' }, { model: offline, writer: RULES_WRITER, prompts, state: newThreadState(request, NOW), now: NOW });
    expect(rules.text).not.toContain('没能识别出');
  });

  it('runDraftCommand dispatches parsed commands', async () => {
    let state = newThreadState(request, NOW);
    for (const cmd of ['列提纲', '写第二部分', '精简第二部分第（一）点', '写全文']) {
      const parsed = parseDraftCommand(cmd);
      if (!parsed || parsed.kind === 'export') throw new Error(cmd);
      const r = await runDraftCommand(parsed, { model: offline, writer: RULES_WRITER, prompts, state, now: NOW });
      expect(r.text.length).toBeGreaterThan(0);
      state = r.state;
    }
    expect(state.outline).toBeDefined();
    expect(Object.keys(state.draft.sections).length).toBeGreaterThan(10);
  });
});
