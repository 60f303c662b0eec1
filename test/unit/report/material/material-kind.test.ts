/** Issue 23 items 1–2: model vs facts, carry-over marking, the 同比表 and the verbatim cap. */
import { describe, expect, it } from 'vitest';
import { materialFacts } from '../../../../src/documents/material.js';
import { factsText } from '../../../../src/flows/drafting/model-call.js';
import { markCarryOver, modelExample, verbatimOverlap, overlapStatement, yoyTable, yoyText } from '../../../../src/report/material/carry-over.js';
import { decideKind, kindFromWords, kindStatement, parseKindCorrection, periodBefore, targetPeriod } from '../../../../src/report/material/kind.js';
import type { SourcedFact } from '../../../../src/report/material/facts.js';
import { factTokens } from '../../../../src/report/material/tokens.js';
import { parseRequest } from '../../../../src/report/request.js';

const NOW = new Date('2026-07-06T02:00:00Z');
const H1_2026 = { year: 2026, span: 'H1' as const };
const LAST_YEAR = [
  '中共某县委宣传部关于2025年上半年落实意识形态工作责任制情况的报告',
  '县委：',
  '2025年上半年，我部坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况报告如下：',
  '一、工作开展情况',
  '理论中心组集中学习12次，召开意识形态工作研判会2次，分析研判3类问题。4月18日开展“清朗”网络生态专项行动，印发《关于加强意识形态阵地管理的通知》。',
  '二、存在的问题',
  '网评员队伍力量薄弱。',
].join('\n');
const LEDGER: SourcedFact[] = [
  { text: '理论中心组集中学习 15次', address: { origin: 'file', source: '台账.xlsx', sheet: '学习记录', row: 3 } },
  { text: '6月12日召开意识形态工作研判会，分析研判4类问题', address: { origin: 'file', source: '台账.xlsx', sheet: '研判记录', row: 2 } },
];

describe('model or facts (issue 23 item 1)', () => {
  it('reads the words: 参考/照着/按去年的 ask for a model, 根据这份台账 for facts, both named apart', () => {
    expect(kindFromWords('参考去年的报告写今年上半年的')).toMatchObject({ kind: 'model' });
    expect(kindFromWords('照着这篇写一份')).toMatchObject({ kind: 'model' });
    expect(kindFromWords('按去年的写')).toMatchObject({ kind: 'model' });
    expect(kindFromWords('根据这份台账写上半年报告')).toMatchObject({ kind: 'facts' });
    expect(kindFromWords('参考去年的报告，根据这份台账写2026年上半年报告')).toMatchObject({ kind: 'both' });
    expect(kindFromWords('帮我写上半年报告')).toBeNull();
  });

  it('“参考……写” takes a document as a model, no longer as facts', () => {
    const m = materialFacts('1月 学习 1次\n3月 召开研判会2次', '材料.docx', 6000, '参考这份材料写上半年报告', { now: NOW });
    expect(m.model).toBe(true);
    expect(m.facts).toEqual([]);
    expect(m.note).toContain('作为范文使用（你说“参考这份材料”）');
    expect(m.note).toContain('这份是台账');
  });

  it('a report for an earlier period is a model even when the words say 根据; a 台账 stays facts', () => {
    const d = decideKind({ text: LAST_YEAR, source: '2025年上半年报告.docx' }, '根据这份材料写2026年上半年报告', H1_2026);
    expect(d).toMatchObject({ kind: 'model', reason: 'earlier-report', reportPeriod: { year: 2025, span: 'H1' } });
    expect(kindStatement('2025年上半年报告.docx', d, H1_2026)).toContain('它是2025年上半年的报告，早于本次的2026年上半年');
    expect(decideKind({ text: '日期 内容\n6月12日 研判会', source: '台账.xlsx', tabular: true }, '参考去年的报告，根据这份台账写', H1_2026)).toMatchObject({ kind: 'facts', reason: 'ledger' });
    // Both named: the report is the model, the other the facts.
    expect(decideKind({ text: LAST_YEAR, source: 'a.docx' }, '参考去年的报告，根据这份台账写', undefined).kind).toBe('model');
    expect(decideKind({ text: '6月12日 召开研判会', source: 'b.docx' }, '参考去年的报告，根据这份台账写', undefined).kind).toBe('facts');
    expect(decideKind({ text: '6月12日 召开研判会', source: 'b.docx' }, '', H1_2026)).toMatchObject({ kind: 'facts', reason: 'default' });
    expect(periodBefore({ year: 2026, span: 'H1' }, { year: 2026, span: 'H2' })).toBe(true);
    expect(periodBefore({ year: 2026, span: 'year' }, { year: 2026, span: 'H2' })).toBe(false);
  });

  it('the writer’s correction wins and is parsed in its usual forms', () => {
    expect(parseKindCorrection('这份是台账')).toEqual({ kind: 'facts' });
    expect(parseKindCorrection('这份是范文')).toEqual({ kind: 'model' });
    expect(parseKindCorrection('第二个文件是台账')).toEqual({ kind: 'facts', index: 2 });
    expect(parseKindCorrection('《去年报告》是范文，不是台账')).toEqual({ kind: 'model', name: '去年报告' });
    expect(parseKindCorrection('这份其实是本期的台账。')).toEqual({ kind: 'facts' });
    expect(parseKindCorrection('帮我写一份台账')).toBeNull();
    const m = materialFacts(LAST_YEAR, '2025年上半年报告.docx', 6000, '根据这份写2026年上半年报告', { now: NOW, correction: 'facts' });
    expect(m.model).toBe(false);
    expect(m.note).toContain('作为本期事实材料使用（按你的更正）');
  });

  it('the period: the request’s, else the fact material’s, else the current one', () => {
    expect(targetPeriod('写2026年上半年报告', NOW, [{ year: 2025, span: 'H1' }], { year: 2026, span: 'H1' })).toEqual({ period: H1_2026, from: 'request' });
    expect(targetPeriod('写报告', NOW, [{ year: 2025, span: 'H1' }], { year: 2026, span: 'H1' })).toEqual({ period: { year: 2025, span: 'H1' }, from: 'facts' });
    expect(targetPeriod('写报告', NOW, [], { year: 2026, span: 'H1' }).from).toBe('default');
  });

  it('drafting prompts get a model as an example of form, its facts already marked, never as facts', () => {
    const m = materialFacts(LAST_YEAR, '2025年上半年报告.docx', 6000, '参考去年的报告写今年上半年的', { now: NOW });
    expect(m.model).toBe(true);
    expect(m.example).toContain('【待更新：去年为“12次”】');
    expect(m.example).not.toMatch(/学习12次/);
    const req = { ...parseRequest('参考去年的报告写今年上半年的，上半年开展宣讲5场', NOW, { material: { source: m.source, model: true } }), example: { source: m.source, text: m.example! } };
    const prompt = factsText(req);
    expect(prompt).toMatch(/^1\. .*宣讲5场/);
    expect(prompt).toContain('仅供参考结构、标题层次和写法，不是本期事实');
    expect(prompt).not.toContain('印发《关于加强意识形态阵地管理的通知》');
  });
});

describe('carried-over facts are marked, not copied (issue 23 item 2)', () => {
  it('finds numbers, dates, meetings, campaigns, titles and quotations, not set phrases or numbering', () => {
    const kinds = factTokens(LAST_YEAR).map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual(expect.arrayContaining(['number:12次', 'number:2次', 'number:3类', 'date:4月18日', 'meeting:意识形态工作研判会', 'campaign:“清朗”网络生态专项行动', 'title:《关于加强意识形态阵地管理的通知》']));
    expect(factTokens('一、坚持四个意识\n（二）学习二十大精神').filter((t) => t.kind === 'number')).toEqual([]);
  });

  it('marks what the model carries unless this period’s facts supply it, and uses the new value when they do', () => {
    const draft = '上半年，理论中心组集中学习12次，召开意识形态工作研判会2次，分析研判3类问题，开展“清朗”网络生态专项行动，印发《关于加强意识形态阵地管理的通知》。深入学习贯彻二十届三中全会精神。';
    const r = markCarryOver(draft, LAST_YEAR, LEDGER);
    expect(r.text).toContain('集中学习15次');
    expect(r.text).toContain('分析研判4类问题');
    expect(r.text).toContain('召开意识形态工作研判会【待更新：去年为“2次”】');
    expect(r.text).toContain('【待更新：去年为“‘清朗’网络生态专项行动”】');
    expect(r.text).toContain('【待更新：去年为“《关于加强意识形态阵地管理的通知》”】');
    // A dated formulation is the table's, not the model's.
    expect(r.text).toContain('二十届三中全会精神');
    for (const n of ['12次', '3类', '2次']) expect(r.text.replace(/【[^】]*】/g, '')).not.toContain(n);
    expect(r.yoy.map((y) => `${y.item}·${y.previous}·${y.current}`)).toEqual(['理论中心组集中学习·12次·15次', '分析研判·3类·4类']);
  });

  it('the 同比表 lists each changed figure with its source', () => {
    const text = yoyText(yoyTable(LAST_YEAR, LEDGER));
    expect(text.split('\n')).toEqual([
      '同比表（项目 · 上期 · 本期 · 来源）',
      '理论中心组集中学习 · 12次 · 15次 · “台账.xlsx”·学习记录·第3行',
      '分析研判 · 3类 · 4类 · “台账.xlsx”·研判记录·第2行',
    ]);
  });

  it('the model as the prompt sees it keeps its structure and loses its facts', () => {
    const ex = modelExample(LAST_YEAR, []).text;
    expect(ex).toContain('一、工作开展情况');
    expect(ex).toContain('【待更新：去年为“4月18日”】');
    expect(ex).not.toMatch(/(?<!“)12次/);
  });

  it('caps verbatim copying: sentences sharing more than N characters in a row are listed', () => {
    const copied = '理论中心组集中学习12次，召开意识形态工作研判会2次，分析研判3类问题。';
    const own = '坚持以习近平新时代中国特色社会主义思想为指导，扎实推进各项工作。网评员队伍建设有待加强。';
    const found = verbatimOverlap(`${copied}\n${own}`, LAST_YEAR, 20);
    expect(found.map((f) => f.sentence)).toEqual([copied]);
    expect(found[0]!.run.length).toBeGreaterThan(20);
    expect(overlapStatement(20, 0)).toBe('与范文逐字相同的连续文字均不超过 20 个字。');
    expect(overlapStatement(20, 1)).toContain('有 1 句');
  });
});
