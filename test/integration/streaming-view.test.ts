/**
 * While an answer streams, the writer never sees reasoning (a <think> block or
 * reasoning_content deltas), an opening chat line or Markdown/HTML markup flash up and vanish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIChatModel } from '../../src/llm/openai-chat-model.js';
import { PromptLibrary } from '../../src/llm/prompts.js';
import { parseRequest } from '../../src/report/request.js';
import { draftOutline } from '../../src/flows/drafting/outline.js';
import { draftSection } from '../../src/flows/drafting/sections.js';
import { newThreadState, type ReportThreadState } from '../../src/flows/drafting/state.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { realisticModel, STYLES } from '../support/realistic-model.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const prompts = PromptLibrary.load();
// Chat text and markup, half-arrived tokens included (the fake cuts chunks inside `**` and `<br>`).
const NEVER_SHOWN = ['好的', '当然可以', '以下是', '为您', '推理草稿', '起草思路', '<think>', '</think>', '*', '＊', '__', '<', '#', '|'];

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

describe('streaming view', () => {
  for (const style of STYLES) {
    it(`${style}: no reasoning or preamble in any streamed update`, async () => {
      fake.setHandler(realisticModel(style));
      const model = new OpenAIChatModel({ apiKey: 'k', baseURL: fake.url, model: style, timeoutMs: 10_000 });
      const shown: string[] = [];
      let raw = '';
      const onText = (d: string, s: string) => {
        raw += d;
        shown.push(s);
      };
      const req = parseRequest('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告', NOW);
      const o = await draftOutline({ model, prompts, request: req, now: NOW, onText });
      const state: ReportThreadState = { ...newThreadState(req, NOW), outline: o.outline };
      await draftSection({ model, prompts, state, now: NOW, target: { part: 2 }, onText });
      expect(shown.length).toBeGreaterThan(10);
      expect(shown.some((s) => s.length > 0)).toBe(true);
      expect(NEVER_SHOWN.filter((w) => shown.some((s) => s.includes(w)))).toEqual([]);
      // reasoning_content deltas never reach the answer at all, not even the raw text.
      if (style === 'reasoning') expect(raw).not.toContain('推理草稿');
      if (style === 'think') expect(raw).toContain('<think>');
    });
  }
});
