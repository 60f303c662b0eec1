/**
 * Issue 18, items 5 and 6 (pure parts): the period of a draft from material, the writer's
 * post, and each genre's own shape checked against the outline.
 */
import { describe, expect, it } from 'vitest';
import { isModelDocument, materialFacts } from '../../../../src/documents/material.js';
import { describeAddresses } from '../../../../src/report/draft.js';
import { GENRES, getGenre, type GenreId } from '../../../../src/report/genres.js';
import { buildOfflineOutline, checkOutline, closingFormula, genreDefects, layoutOutline, parseOutline } from '../../../../src/report/outline.js';
import { recordsPeriod } from '../../../../src/report/period.js';
import { findPost, parseRequest, requestTitle } from '../../../../src/report/request.js';

// Fixed “now” values; a 台账 that disagrees with each must win over it.
const NOWS = ['2026-12-06T10:00:00+08:00', '2026-02-10T10:00:00+08:00', '2027-07-01T10:00:00+08:00'].map((s) => new Date(s));
const NOW = NOWS[0]!;

describe('the period a record of facts covers', () => {
  it('takes the title’s year and half, else the months of its entries, else the year most entries carry', () => {
    expect(recordsPeriod('2025年上半年意识形态工作台账\n时间 事项 数量\n1月15日 局党组专题研究 1次\n5月 处置网络舆情 3起')).toEqual({ year: 2025, span: 'H1' });
    expect(recordsPeriod('2025年度意识形态工作台账\n3月 学习 4次')).toEqual({ year: 2025, span: 'year' });
    expect(recordsPeriod('2024年第三季度舆情台账\n8月 处置 2起')).toEqual({ year: 2024, span: 'Q3' });
    // A bare year: the entries say which half.
    expect(recordsPeriod('2025年意识形态工作台账\n2月 学习 1次\n6月12日 研判 1次')).toEqual({ year: 2025, span: 'H1' });
    expect(recordsPeriod('2025年意识形态工作台账\n2月 学习 1次\n10月 研判 1次')).toEqual({ year: 2025, span: 'year' });
    // No title year: dated entries.
    expect(recordsPeriod('工作记录\n2025-07-03 召开专题会议\n2025年9月12日 开展宣讲\n2024年12月30日 年终考核')).toEqual({ year: 2025, span: 'H2' });
    // The file name is a title too; relative words are not a year; a 成文日期 is no period.
    expect(recordsPeriod('1月 学习 2次', '2025年上半年台账.docx')).toEqual({ year: 2025, span: 'H1' });
    expect(recordsPeriod('今年上半年台账\n3月 学习 2次')).toBeNull();
    expect(recordsPeriod('学习记录\n召开会议2次')).toBeNull();
  });

  it('tells a model document (last year’s report, a 范文) from fact material', () => {
    const report = '中共某局党组关于2025年度落实意识形态工作责任制情况的报告\n2025年以来……现将有关情况报告如下：\n一、工作开展情况\n二、存在的问题';
    expect(isModelDocument(report, '2025年度报告.docx')).toBe(true);
    expect(isModelDocument('2025年上半年意识形态工作台账\n1月 学习 1次', '台账.docx')).toBe(false);
    expect(isModelDocument('1月 学习 1次', '记录.docx', '参照去年的报告写今年的')).toBe(true);
    expect(isModelDocument('1月 学习 1次', '材料.docx', '根据这份台账写上半年报告提纲')).toBe(false);
    const m = materialFacts(report, '2025年度报告.docx', 6000);
    expect(m.model).toBe(true);
    expect(m.period).toBeUndefined();
    const ledger = materialFacts('2025年上半年意识形态工作台账\n1月15日 局党组专题研究意识形态工作 1次', '台账.docx', 6000, '根据这份台账写上半年报告提纲');
    expect(ledger).toMatchObject({ model: false, source: '台账.docx', period: { year: 2025, span: 'H1' } });
  });
});

describe('the period of a draft from material', () => {
  const ledger = { source: '台账.docx', period: { year: 2025, span: 'H1' as const } };

  it('comes from the 台账 when the request names no year, on every “now”, and says so', () => {
    for (const now of NOWS) {
      const r = parseRequest('根据这份台账写报告提纲', now, { material: ledger });
      expect(r.period, now.toISOString()).toEqual({ year: 2025, span: 'H1' });
      expect(r.assumptions).toContain('未说明时段，按材料“台账.docx”所记的2025年上半年起草');
      const half = parseRequest('根据这份台账写上半年报告提纲', now, { material: ledger });
      expect(half.period).toEqual({ year: 2025, span: 'H1' });
      expect(half.assumptions).toContain('未说明年份，按材料“台账.docx”所记的2025年上半年起草');
    }
  });

  it('the request’s own period wins, and a 台账 of another year is pointed out', () => {
    const r = parseRequest('根据这份台账写2026年上半年报告提纲', NOW, { material: ledger });
    expect(r.period).toEqual({ year: 2026, span: 'H1' });
    expect(r.assumptions.join('')).toContain('材料“台账.docx”记的是2025年上半年的情况，已按你说的2026年上半年起草');
    // The year from the 台账, the span the words name.
    expect(parseRequest('根据这份台账写全年报告', NOW, { material: ledger }).period).toEqual({ year: 2025, span: 'year' });
  });

  it('never from a model document; without material, the current period as before', () => {
    const model = { source: '2025年度报告.docx', model: true, period: { year: 2025, span: 'year' as const } };
    const r = parseRequest('参照去年的报告写提纲', NOW, { material: model });
    expect(r.period).toEqual({ year: 2026, span: 'year' });
    expect(r.assumptions.join('')).toContain('是往期报告或范文，只参考写法');
    // “去年的报告” to follow is not the period; “今年” is.
    expect(parseRequest('参照去年的报告写今年的提纲', NOW, { material: model }).period).toEqual({ year: 2026, span: 'year' });
    expect(parseRequest('帮我写去年的报告', NOW).period).toEqual({ year: 2025, span: 'year' });
    expect(parseRequest('写报告提纲', NOW).assumptions).toContain('未说明时段，按2026年度起草');
  });
});

describe('the writer’s post', () => {
  it('is read from personal requests, with the unit in front of a bare office', () => {
    expect(findPost('帮我写一份县委宣传部部长2025年度抓意识形态工作述职报告')).toBe('县委宣传部部长');
    expect(findPost('帮我写一份县文广旅体局党组书记2025年度抓意识形态工作述职报告的提纲')).toBe('县文广旅体局党组书记');
    expect(findPost('帮我写一份宣传部副部长分管网信工作2025年上半年落实意识形态工作责任制情况个人汇报')).toBe('宣传部副部长');
    expect(findPost('我是市水利局分管意识形态工作的副局长，写一份2025年度个人落实意识形态工作责任制情况汇报')).toBe('市水利局副局长');
    expect(findPost('我是局长，写个人汇报', { name: '市财政局', type: '局' })).toBe('市财政局局长');
    expect(findPost('我是局长，写个人汇报')).toBeUndefined();
    expect(findPost('我是班子成员，写个人汇报')).toBeUndefined();
    expect(findPost('写一份向县委书记汇报的个人落实情况汇报')).toBeUndefined();
  });

  it('goes into the personal titles; unit genres carry none', () => {
    const duty = parseRequest('帮我写一份县委宣传部部长2025年度抓意识形态工作述职报告', NOW);
    expect(duty.post).toBe('县委宣传部部长');
    expect(requestTitle(duty)).toBe('县委宣传部部长2025年度抓意识形态工作述职报告');
    const talk = parseRequest('帮我写一份宣传部副部长2025年上半年落实意识形态工作责任制情况个人汇报', NOW);
    expect(requestTitle(talk)).toBe('宣传部副部长关于2025年上半年履行意识形态工作分管领导职责情况的汇报');
    expect(parseRequest('市交通运输局局长让我写2025年上半年落实意识形态工作责任制情况报告', NOW).post).toBeUndefined();
  });
});

/** An outline in the unit report's shape, whatever genre was asked. */
function unitShaped(title: string): string {
  return `${title}
2025年以来，在市委的坚强领导下，工作扎实推进。现将有关情况报告如下：
一、工作开展情况及主要做法
（一）压实主体责任，健全领导体制
1.要点
（二）强化理论武装，筑牢思想根基
1.要点
（三）严格阵地管理，守好思想阵地
1.要点
二、存在的问题和不足
（一）理论学习深度还不够
三、下一步工作打算
（一）深化拓展理论学习`;
}

describe('each genre’s own shape', () => {
  const cases: ReadonlyArray<{ genre: GenreId; request: string; expect: RegExp[] }> = [
    { genre: 'leader-report', request: '帮我写一份宣传部副部长2025年上半年落实意识形态工作责任制情况个人汇报', expect: [/不合个人汇报的写法.*应写作“履职尽责情况”/, /不合个人汇报的写法.*应写作“下一步努力方向”/, /开头段以“现将有关情况报告如下：”结尾，个人汇报应写作“现将有关情况汇报如下：”/, /不是个人汇报的写法/, /标题缺少汇报人的职务“宣传部副部长”/] },
    { genre: 'duty-report', request: '帮我写一份县委宣传部部长2025年度抓意识形态工作述职报告', expect: [/不合述职报告的写法.*应写作“主要履职情况”/, /标题缺少汇报人的职务“县委宣传部部长”/, /不是述职报告的写法/] },
    { genre: 'self-check', request: '县教育局2025年上半年意识形态工作责任制落实情况自查报告', expect: [/对照检查清单/, /自查发现的问题/, /整改措施/, /不是自查报告的写法/] },
    { genre: 'summary-plan', request: '市文旅局2025年意识形态工作总结和2026年工作计划', expect: [/第三部分“下一步工作打算”的标题不合总结计划的写法：计划部分写明2026年的工作计划.*应写作“2026年工作计划”/, /不是总结计划的写法.*2026年工作计划/] },
  ];
  for (const c of cases) {
    it(`${c.genre}: a unit report’s shape is named defect by defect`, () => {
      const req = parseRequest(c.request, NOW);
      expect(req.genre).toBe(c.genre);
      const o = parseOutline(unitShaped('中共某单位党组关于2025年度落实意识形态工作责任制情况的报告'));
      const d = checkOutline(o, getGenre(c.genre), req).join('\n');
      for (const re of c.expect) expect(d).toMatch(re);
    });
  }

  it('a unit report in a personal shape is wrong too; the right shape passes for every genre', () => {
    const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告', NOW);
    const personal = parseOutline(unitShaped('关于2025年上半年落实意识形态工作责任制情况的汇报').replace('工作开展情况及主要做法', '履职尽责情况'));
    const d = genreDefects(personal, getGenre('unit-report'), req).join('\n');
    expect(d).toMatch(/不是单位报告的写法/);
    expect(d).toMatch(/第一部分“履职尽责情况”的标题不合单位报告的写法/);
    for (const g of GENRES) {
      const r = parseRequest(`县委宣传部部长2025年${g.name}`, NOW);
      const own = { ...r, genre: g.id, ...(g.person === 'first' ? { post: '县委宣传部部长' } : {}) };
      expect(checkOutline(buildOfflineOutline(own, g, NOW), g, own), g.id).toEqual([]);
    }
  });

  it('accepts the post written with its unit shortened, not another post', () => {
    const req = { ...parseRequest('帮我写一份县委宣传部部长2025年度抓意识形态工作述职报告', NOW) };
    const o = (title: string) => ({ ...buildOfflineOutline(req, getGenre('duty-report'), NOW), title });
    expect(genreDefects(o('宣传部部长2025年度抓意识形态工作述职报告'), getGenre('duty-report'), req)).toEqual([]);
    expect(genreDefects(o('县委宣传部副部长2025年度抓意识形态工作述职报告'), getGenre('duty-report'), req).join('')).toContain('标题缺少汇报人的职务“县委宣传部部长”');
  });

  it('checks the title’s year against the period and finds the closing formula', () => {
    const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告', NOW);
    const o = parseOutline(unitShaped('中共市交通运输局党组关于2024年上半年落实意识形态工作责任制情况的报告'));
    expect(genreDefects(o, getGenre('unit-report'), req)).toEqual(['标题中的年份（2024年）与报告时段2025年上半年不符']);
    expect(closingFormula('……总体平稳向好。现将有关情况汇报如下：')).toBe('现将有关情况汇报如下：');
    expect(closingFormula('……总体平稳向好。')).toBeUndefined();
    const none = { ...o, title: '中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告', opening: '上半年工作扎实推进。' };
    expect(genreDefects(none, getGenre('unit-report'), req)).toEqual(['开头段缺少承启语，应以“现将有关情况报告如下：”结尾']);
  });
});

describe('notices and streamed outlines', () => {
  const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告', NOW);
  const outline = buildOfflineOutline(req, getGenre('unit-report'), NOW);

  it('name each part once, readably', () => {
    expect(describeAddresses(outline, ['p1.s1', 'p1.s2', 'p1.s3', 'p1.s4'])).toBe('第一部分“工作开展情况及主要做法”');
    expect(describeAddresses(outline, ['p1.s2'])).toBe(`第一部分的（二）“${outline.parts[0]!.sections[1]!.heading}”`);
    expect(describeAddresses(outline, ['p2.s1', 'p2.s3', 'opening', 'p3'])).toBe('开头段、第二部分的（一）、（三）、第三部分“下一步工作打算”');
  });

  it('number points per section while an outline streams (a Markdown list runs on across sections)', () => {
    const streamed = '一、工作开展情况\n（一）压实责任，健全体制\n1. 要点甲\n2. 要点乙\n（二）强化武装，筑牢根基\n3. 要点丙\n4. 要点丁';
    const shown = layoutOutline(streamed);
    expect(shown).toContain('（二）强化武装，筑牢根基\n1.要点丙\n2.要点丁');
    expect(shown).not.toMatch(/^[34]\./m);
  });
});
