import { describe, expect, it } from 'vitest';
import { RULES_WRITER } from '../../../../src/flows/drafting/writers.js';
import type { ChatModel, ChatRequest } from '../../../../src/llm/chat-model.js';
import { PromptLibrary } from '../../../../src/llm/prompts.js';
import { draftOutline } from '../../../../src/flows/drafting/outline.js';
import { critiqueSystemMessage, systemMessage } from '../../../../src/flows/system-prompt.js';
import { parseDraftCommand } from '../../../../src/report/commands.js';
import { signDate } from '../../../../src/report/draft.js';
import { getGenre } from '../../../../src/report/genres.js';
import { findRole, parseRequest } from '../../../../src/report/request.js';
import { buildOfflineOutline, renderOutline } from '../../../../src/report/outline.js';
import { offlineRevise, offlineSectionText } from '../../../../src/report/offline-text.js';
import { findInlineOrdinals } from '../../../../src/report/headings.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const prompts = PromptLibrary.load();

describe('request understanding', () => {
  it('quantity words of the request are not facts', () => {
    expect(parseRequest('县教育局要报一个2025年上半年意识形态工作责任制落实情况自查报告', NOW).facts).toEqual([]);
    expect(parseRequest('帮我写一篇市财政局2025年上半年落实意识形态工作责任制情况报告，召开专题会议3次', NOW).facts).toEqual(['召开专题会议3次']);
  });

  it('the writer’s role: chief, deputy in charge, member', () => {
    expect(findRole('宣传部副部长分管网信')).toBe('deputy');
    expect(findRole('分管宣传工作的领导')).toBe('deputy');
    expect(findRole('党组成员、副局长')).toBe('deputy');
    expect(findRole('班子成员个人汇报')).toBe('member');
    expect(findRole('局党组书记')).toBe('chief');
    expect(findRole('2025年度报告')).toBeUndefined();
  });

  it('role shapes title, opening and voice of personal genres', () => {
    const g = getGenre('leader-report');
    const deputy = parseRequest('宣传部副部长2025年上半年落实意识形态工作责任制情况个人汇报', NOW);
    const opening = g.opening({ unit: deputy.unit, period: deputy.period, now: NOW, role: deputy.role! });
    expect(opening).toContain('直接责任人');
    expect(opening).not.toContain('第一责任人');
    expect(g.title(deputy.unit, deputy.period, 'deputy')).toContain('分管领导职责');
    expect(g.title(deputy.unit, deputy.period, 'member')).toContain('一岗双责');
    const outline = renderOutline(buildOfflineOutline(deputy, g, NOW));
    expect(outline).not.toContain('第一责任人职责');
    const chief = getGenre('duty-report').opening({ unit: { type: '局' }, period: deputy.period, now: NOW, role: 'chief' });
    expect(chief).toContain('第一责任人职责');
  });

  it('the sign-off date is the period’s natural date, or a placeholder, never simply today', () => {
    expect(signDate({ year: 2025, span: 'H1' }, NOW)).toBe('2025年7月3日');
    expect(signDate({ year: 2025, span: 'H1' }, new Date('2026-11-30T10:00:00+08:00'))).toBe('【待补充：成文日期】');
    expect(signDate({ year: 2025, span: 'year' }, new Date('2026-01-15T10:00:00+08:00'))).toBe('2026年1月15日');
  });
});

describe('commands carry lengths', () => {
  it('in digits or Chinese numerals, for sections and the full draft', () => {
    expect(parseDraftCommand('写第二部分，800字左右')).toEqual({ kind: 'section', target: { part: 2 }, chars: 800 });
    expect(parseDraftCommand('写第二部分，五百字左右')).toEqual({ kind: 'section', target: { part: 2 }, chars: 500 });
    expect(parseDraftCommand('写全文，三千字')).toEqual({ kind: 'full', chars: 3000 });
    expect(parseDraftCommand('全部重写')).toEqual({ kind: 'full', redo: true });
    expect(parseDraftCommand('重写第二部分')).toEqual({ kind: 'revise', op: 'rewrite', target: { part: 2 } });
  });
});

describe('revise by role, offline', () => {
  const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告', NOW);
  const outline = buildOfflineOutline(req, getGenre('unit-report'), NOW);

  it('a problem section grows by manifestations and causes, never achievements', () => {
    const text = offlineSectionText(outline, 2, 1, req);
    const out = offlineRevise('expand', text, 400, outline, 'p2.s1', req);
    expect(out.startsWith(text)).toBe(true);
    expect(out).toMatch(/具体表现|究其原因/);
    expect(out.slice(text.length)).not.toMatch(/成效|同时，|取得了/);
  });

  it('a 做法 section grows by measures and results, without repeating its 一是 item or leaving 党组（党委）', () => {
    const text = offlineSectionText(outline, 1, 1, req);
    const out = offlineRevise('expand', text, 500, outline, 'p1.s1', req);
    expect(out).not.toContain('党组（党委）');
    const items = findInlineOrdinals(out).map((o) => o.number);
    expect(new Set(items).size).toBe(items.length);
    const sentences = out.match(/[^。]+。/g)!;
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('a plan grows by who, what and when', () => {
    const text = offlineSectionText(outline, 3, 1, req);
    expect(offlineRevise('expand', text, 400, outline, 'p3.s1', req)).toMatch(/牵头部门和责任人|完成时限|时间节点/);
  });

  it('offline, 写全文，三千字 gives a longer draft than the default', async () => {
    const { draftFull } = await import('../../../../src/flows/drafting/full.js');
    const { newThreadState } = await import('../../../../src/flows/drafting/state.js');
    const { OfflineChatModel } = await import('../../../../src/llm/offline-chat-model.js');
    const model = new OfflineChatModel();
    const base = { ...newThreadState(req, NOW), outline };
    const plain = await draftFull({ model, writer: RULES_WRITER, prompts, now: NOW, state: base });
    const long = await draftFull({ model, writer: RULES_WRITER, prompts, now: NOW, state: { ...base, request: { ...req, length: { chars: 3000 } } } });
    expect(long.text.length).toBeGreaterThan(plain.text.length);
  });

  it('offline, the default parallel drafting (DRAFT_CONCURRENCY 8, parts over 600 by section) gives the same draft as one part after another', async () => {
    const { draftFull } = await import('../../../../src/flows/drafting/full.js');
    const { newThreadState } = await import('../../../../src/flows/drafting/state.js');
    const { OfflineChatModel } = await import('../../../../src/llm/offline-chat-model.js');
    const model = new OfflineChatModel();
    for (const request of [req, { ...req, length: { chars: 5000 } }]) {
      const state = { ...newThreadState(request, NOW), outline };
      const one = await draftFull({ model, writer: RULES_WRITER, prompts, now: NOW, state });
      const parallel = await draftFull({ model, writer: RULES_WRITER, prompts, now: NOW, state, parallel: 8, splitPartsOver: 600 });
      expect(parallel.text).toBe(one.text);
    }
  });

  it('offline sections respect an asked length', () => {
    const short = offlineSectionText(outline, 1, 1, req);
    const long = offlineSectionText(outline, 1, 1, req, 400);
    expect(long.length).toBeGreaterThan(short.length);
  });
});

describe('prompts', () => {
  it('the system prompt carries the report period and its end', () => {
    const s = systemMessage(prompts, NOW, 'Asia/Shanghai', '党的二十大和二十届历次全会精神', '2025年上半年（截至2025年6月30日）').content;
    expect(s).toContain('报告时段：2025年上半年（截至2025年6月30日）');
    expect(s).toContain('不得引用在时段结束之后才召开的会议');
  });
  it('the critique system prompt is free of the drafting rules that forbid explanations', () => {
    const s = critiqueSystemMessage(prompts, NOW, 'Asia/Shanghai').content;
    expect(s).not.toContain('不加解释');
    expect(s).not.toContain('只输出正文');
    expect(s).toContain('可以解释理由');
  });
});

describe('outline repair fixes stray lines', () => {
  it('a line the cleaner keeps but the outline cannot place is named, repaired, and not stored', async () => {
    const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告', NOW);
    const good = renderOutline(buildOfflineOutline(req, getGenre('unit-report'), NOW));
    const lines = good.split('\n');
    const dirty = [...lines.slice(0, 6), '这份提纲结合您单位的实际安排了重点，数字部分待补', ...lines.slice(6)].join('\n');
    const calls: ChatRequest[] = [];
    const model: ChatModel = {
      name: 'script',
      online: true,
      // eslint-disable-next-line @typescript-eslint/require-await
      async *stream(r: ChatRequest) {
        calls.push(r);
        yield calls.length === 1 ? dirty : good;
      },
    };
    const o = await draftOutline({ model, prompts, request: req, now: NOW });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.messages.at(-1)!.content).toContain('既不是标题、开头段、各级标题，也不是要点');
    expect(o.repaired).toBe(true);
    expect(o.defects).toEqual([]);
    expect(o.text).not.toContain('您单位');
  });
});
