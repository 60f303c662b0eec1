/**
 * Issue 18, items 4 and 7 (flow level, scripted model): commands on undrafted parts do what
 * was asked and say so once; progress counts finished parts; the card keeps what is written.
 */
import { RULES_WRITER } from '../../../../src/flows/drafting/writers.js';
import { describe, expect, it } from 'vitest';
import type { ChatModel, ChatRequest } from '../../../../src/llm/chat-model.js';
import { PromptLibrary } from '../../../../src/llm/prompts.js';
import { draftFull } from '../../../../src/flows/drafting/full.js';
import { progressLabel, type Progress } from '../../../../src/flows/drafting/model-call.js';
import { draftOutline } from '../../../../src/flows/drafting/outline.js';
import { reviseNotes } from '../../../../src/flows/drafting/run.js';
import { draftSection, reviseSection, usualChars } from '../../../../src/flows/drafting/sections.js';
import { newThreadState, type ReportThreadState } from '../../../../src/flows/drafting/state.js';
import { visibleLength } from '../../../../src/report/lengths.js';
import { parseRequest } from '../../../../src/report/request.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const prompts = PromptLibrary.load();
const request = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告。中心组开展专题学习6次，处置网络舆情3条。', NOW);

class ScriptModel implements ChatModel {
  readonly name = 'script';
  readonly calls: ChatRequest[] = [];
  constructor(private readonly reply: (req: ChatRequest) => string, readonly online = true) {}
  async *stream(req: ChatRequest): AsyncGenerator<string> {
    this.calls.push(req);
    const text = this.reply(req);
    for (let i = 0; i < text.length; i += 7) {
      await Promise.resolve();
      yield text.slice(i, i + 7);
    }
  }
}
const offline = new ScriptModel(() => { throw new Error('offline model must not be called'); }, false);
const lastUser = (req: ChatRequest) => req.messages[req.messages.length - 1]!.content;
const sectionReply = () => '一是做法。二是【待补充：具体数据】。';

async function withOutline(): Promise<ReportThreadState> {
  const o = await draftOutline({ model: offline, writer: RULES_WRITER, prompts, request, now: NOW });
  return { ...newThreadState(request, NOW), outline: o.outline };
}

describe('精简/展开 on a part not drafted yet', () => {
  it('online: 精简 asks for less than the usual share of each section, 展开 for more; the note is one sentence naming the part once', async () => {
    const state = await withOutline();
    const usual = usualChars(request, state.outline!, 'p1.s1');
    const model = new ScriptModel(sectionReply);
    const r = await reviseSection({ model, prompts, state, now: NOW, target: { part: 1 }, op: 'condense' });
    const asked = model.calls.map((c) => Number(/篇幅：约(\d+)字/.exec(lastUser(c))![1]));
    expect(asked).toHaveLength(state.outline!.parts[0]!.sections.length);
    for (const n of asked) expect(n).toBeLessThan(usual);
    expect(model.calls.every((c) => lastUser(c).startsWith('请根据已确定的提纲'))).toBe(true);
    const notes = reviseNotes(state.outline!, 'condense', r);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^第一部分“工作开展情况及主要做法”此前还没有起草，已按“精简”的要求直接起草了较短的稿子，共约\d+字（默认篇幅约\d+字）。$/);
    expect(notes[0]!.match(/工作开展情况及主要做法/g)).toHaveLength(1);

    const longer = new ScriptModel(sectionReply);
    await reviseSection({ model: longer, prompts, state, now: NOW, target: { part: 1, section: 2 }, op: 'expand' });
    expect(Number(/篇幅：约(\d+)字/.exec(lastUser(longer.calls[0]!))![1])).toBeGreaterThan(usual);
  });

  it('offline: 精简 is never longer than 写, 展开 is longer; an asked length is kept and named', async () => {
    const state = await withOutline();
    const len = (r: { sections: { text: string }[] }) => r.sections.reduce((n, s) => n + visibleLength(s.text), 0);
    const plain = len(await draftSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 1 } }));
    const short = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 1 }, op: 'condense' });
    const long = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 1 }, op: 'expand' });
    expect(len(short)).toBeLessThanOrEqual(plain);
    expect(len(long)).toBeGreaterThan(plain);
    expect(short.drafted!.chars).toBe(len(short));
    const asked = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 1 }, op: 'condense', chars: 400 });
    expect(reviseNotes(state.outline!, 'condense', asked, 400)[0]).toMatch(/^第一部分“工作开展情况及主要做法”此前还没有起草，已按要求的篇幅（约400字）直接起草，共约\d+字。$/);
  });

  it('a partly drafted part: revises what is drafted and says which sections it left', async () => {
    let state = await withOutline();
    state = (await draftSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 1, section: 1 } })).state;
    const r = await reviseSection({ model: offline, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 1 }, op: 'condense' });
    expect(r.sections.map((s) => s.address)).toEqual(['p1.s1']);
    expect(r.drafted).toBeUndefined();
    const n = state.outline!.parts[0]!.sections.length;
    const others = Array.from({ length: n - 1 }, (_v, i) => `（${'二三四五六'[i]}）`).join('、');
    expect(reviseNotes(state.outline!, 'condense', r)).toEqual([`第一部分的${others}还没有起草，这次只精简了已起草的部分。`]);
  });
});

describe('streaming that tells the truth', () => {
  it('progress labels count finished parts only', () => {
    const p = (done: number): Progress => ({ done, total: 3, unit: '部分' });
    expect(progressLabel(p(0))).toBe('（正在起草第1/3部分）');
    expect(progressLabel(p(1))).toBe('（已完成1/3部分，正在起草第2/3部分）');
    expect(progressLabel(p(3))).toBe('（已完成3/3部分）');
  });

  it('full draft: at each part boundary the card keeps the parts written, with the next part’s heading, before the model answers', async () => {
    const state = await withOutline();
    const model = new ScriptModel((req) => {
      const prompt = lastUser(req);
      const part = /本次起草：(.+)/.exec(prompt)![1]!;
      const lines = prompt.split('\n');
      const heads: string[] = [];
      for (const l of lines.slice(lines.indexOf(part) + 1)) {
        if (/^[一二三四五六七八九十]、/.test(l) || !l.trim()) break;
        if (/^（[一二三四五六七八九十]）/.test(l)) heads.push(l);
      }
      // A model that repeats the part heading it was told not to write.
      return [part, ...heads.map((h) => `${h}\n一是做法。二是【待补充：具体数据】。`)].join('\n');
    });
    const events: Array<{ progress?: Progress; shown?: string; calls: number }> = [];
    const r = await draftFull({ model, prompts, state, now: NOW, onProgress: (p) => events.push({ progress: p, calls: model.calls.length }), onText: (_d, shown) => events.push({ shown, calls: model.calls.length }) });
    const parts = state.outline!.parts.map((p, i) => `${'一二三'[i]}、${p.heading}`);
    for (let i = 1; i < parts.length; i++) {
      // The first update after “part i is finished”, before the model's answer for part i+1 starts.
      const at = events.findIndex((e) => e.progress?.done === i);
      const next = events.slice(at + 1).find((e) => e.shown !== undefined)!;
      expect(next.calls).toBe(i);
      for (const done of parts.slice(0, i)) expect(next.shown).toContain(done);
      expect(next.shown!.trimEnd().endsWith(parts[i]!)).toBe(true);
    }
    // No update ever shows a part heading twice (the model's repeated one is not shown).
    for (const e of events) if (e.shown) for (const h of parts) expect(e.shown.split('\n').filter((l) => l === h).length).toBeLessThanOrEqual(1);
    expect(events.at(-1)!.shown).toBe(r.text);
  });

  it('multi-section draft: each section streams under its own heading, after the ones written', async () => {
    const state = await withOutline();
    const shown: string[] = [];
    const progress: number[] = [];
    const model = new ScriptModel(sectionReply);
    await draftSection({ model, prompts, state, now: NOW, target: { part: 2 }, onProgress: (p) => progress.push(p.done), onText: (_d, s) => shown.push(s) });
    expect(progress).toEqual([0, 1, 2]);
    const p2 = state.outline!.parts[1]!;
    // Before the model answers for （二）, the card shows （一） written and the （二） heading.
    const before2 = shown.find((s) => s.includes(`（二）${p2.sections[1]!.heading}`))!;
    expect(before2).toContain(`（一）${p2.sections[0]!.heading}\n一是做法。`);
  });
});
