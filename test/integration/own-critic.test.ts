/**
 * The bot passes its own critic: every genre's offline outline and draft, and what
 * the realistic model fake answers (in every style, through the real openai SDK over
 * HTTP) once cleaned, raise no error or warning — only the 【待补充：…】 placeholders the
 * writer is meant to fill.
 */
import { RULES_WRITER } from '../../src/flows/drafting/writers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIChatModel } from '../../src/llm/openai-chat-model.js';
import { OfflineChatModel } from '../../src/llm/offline-chat-model.js';
import { PromptLibrary } from '../../src/llm/prompts.js';
import { critique, type Finding } from '../../src/report/critique/index.js';
import { cleanModelOutput } from '../../src/report/model-output.js';
import { parseRequest } from '../../src/report/request.js';
import { renderOutline } from '../../src/report/outline.js';
import { draftOutline } from '../../src/flows/drafting/outline.js';
import { draftSection, reviseSection } from '../../src/flows/drafting/sections.js';
import { draftFull } from '../../src/flows/drafting/full.js';
import { newThreadState, type ReportThreadState } from '../../src/flows/drafting/state.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { CHAT_TEXT, realisticModel, STYLES } from '../support/realistic-model.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const prompts = PromptLibrary.load();

const REQUESTS = [
  '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告，3000字左右',
  '帮我写一份宣传部副部长2025年上半年落实意识形态工作责任制情况个人汇报',
  '帮我写一份县文广旅体局党组书记2025年上半年抓意识形态工作述职报告，召开专题会议3次',
  '县教育局要报一个2025年上半年意识形态工作责任制落实情况自查报告',
  '帮我写一份市文旅局2024年意识形态工作总结和2025年工作计划',
];

/** Findings other than the placeholders the writer fills in. */
function complaints(text: string): string[] {
  return critique(text, { now: NOW })
    .filter((f: Finding) => f.severity !== 'info' && !/^【待补充[：:]/.test(text.slice(f.start, f.end)))
    .map((f) => `${f.severity} ${f.message}：“${text.slice(f.start, f.end).slice(0, 40)}”`);
}

describe('the bot passes its own critic', () => {
  it('offline: every genre’s outline, drafted part and full draft, with a length asked for', async () => {
    const model = new OfflineChatModel();
    for (const text of REQUESTS) {
      const req = parseRequest(text, NOW);
      const o = await draftOutline({ model, writer: RULES_WRITER, prompts, request: req, now: NOW });
      expect(complaints(o.text), `${req.genre} outline`).toEqual([]);
      let state: ReportThreadState = { ...newThreadState(req, NOW), outline: o.outline };
      state = (await draftSection({ model, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 2 }, chars: 800 })).state;
      state = (await reviseSection({ model, writer: RULES_WRITER, prompts, state, now: NOW, target: { part: 2, section: 2 }, op: 'expand', chars: 500 })).state;
      const full = await draftFull({ model, writer: RULES_WRITER, prompts, state, now: NOW });
      expect(complaints(full.text), `${req.genre} full`).toEqual([]);
    }
  });

  describe('the realistic fake’s cleaned answers', () => {
    let fake: FakeOpenAI;
    beforeAll(async () => {
      fake = await startFakeOpenAI();
    });
    afterAll(async () => {
      await fake.close();
    });

    for (const style of STYLES) {
      it(`${style} style`, async () => {
        fake.setHandler(realisticModel(style));
        const model = new OpenAIChatModel({ apiKey: 'k', baseURL: fake.url, model: style, timeoutMs: 10_000 });
        for (const text of REQUESTS) {
          const req = parseRequest(text, NOW);
          const o = await draftOutline({ model, prompts, request: req, now: NOW });
          expect(o.removed.length, `${style} outline removed chat text`).toBeGreaterThan(0);
          const outlineText = renderOutline(o.outline);
          let state: ReportThreadState = { ...newThreadState(req, NOW), outline: o.outline };
          const sec = await draftSection({ model, prompts, state, now: NOW, target: { part: 2 } });
          state = sec.state;
          const rev = await reviseSection({ model, prompts, state, now: NOW, target: { part: 2, section: 1 }, op: 'expand' });
          state = rev.state;
          const full = await draftFull({ model, prompts, state, now: NOW });
          for (const [what, t] of [['outline', outlineText], ['full', full.text]] as const) {
            expect(complaints(t), `${style} ${req.genre} ${what}`).toEqual([]);
            expect(CHAT_TEXT.filter((c) => t.includes(c)), `${style} ${req.genre} ${what}`).toEqual([]);
          }
        }
      });
    }
  });
});

describe('cleanModelOutput keeps the writer’s content', () => {
  it('keeps report text it is unsure of and reports it', () => {
    const r = cleanModelOutput('一是加强学习。\n您提出的问题已在会上研究。\n二是完善制度。', 'section');
    expect(r.text).toContain('您提出的问题已在会上研究。');
    expect(r.unsure).toEqual(['您提出的问题已在会上研究。']);
  });
});
