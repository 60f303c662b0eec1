import { describe, expect, it } from 'vitest';
import { defaultPeriod, extractFacts, findLength, findUnit, parseChineseAmount, parseRequest } from '../../../src/report/request.js';
import type { GenreId, UnitType } from '../../../src/report/genres.js';
import type { PeriodSpan } from '../../../src/report/period.js';

const JULY = new Date('2025-07-03T10:00:00+08:00');

interface Row {
  text: string;
  now?: Date;
  genre: GenreId;
  unit?: string;
  type?: UnitType;
  year: number;
  span: PeriodSpan;
  facts?: number;
  chars?: number;
  assumes?: RegExp;
}

const ROWS: Row[] = [
  { text: '帮我写一份市交通运输局2025年上半年落实意识形态工作责任制情况的报告', genre: 'unit-report', unit: '市交通运输局', type: '局', year: 2025, span: 'H1' },
  { text: '县教育局2024年度意识形态工作责任制落实情况报告', genre: 'unit-report', unit: '县教育局', type: '局', year: 2024, span: 'year' },
  { text: '请起草城关街道今年上半年意识形态工作报告', genre: 'unit-report', unit: '城关街道', type: '街道', year: 2025, span: 'H1' },
  { text: '给青山镇写2025年全年落实意识形态工作责任制的报告', genre: 'unit-report', unit: '青山镇', type: '乡镇', year: 2025, span: 'year' },
  { text: '东风乡2024年上半年落实意识形态工作责任制情况报告', genre: 'unit-report', unit: '东风乡', type: '乡镇', year: 2024, span: 'H1' },
  { text: '市发改委2023年第三季度意识形态工作情况报告', genre: 'unit-report', unit: '市发改委', type: '委', year: 2023, span: 'Q3' },
  { text: '市政府办公室2025年上半年意识形态工作责任制落实情况报告，3000字', genre: 'unit-report', unit: '市政府办公室', type: '办', year: 2025, span: 'H1', chars: 3000, facts: 0 },
  { text: '我们是市第一人民医院，写一下去年的意识形态工作责任制落实情况报告', genre: 'unit-report', unit: '市第一人民医院', type: '医院', year: 2024, span: 'year' },
  { text: '第一中学2025年上半年意识形态工作报告', genre: 'unit-report', unit: '第一中学', type: '学校', year: 2025, span: 'H1' },
  { text: '市城投集团公司2026年一季度意识形态工作情况报告', genre: 'unit-report', unit: '市城投集团公司', type: '公司', year: 2026, span: 'Q1' },
  { text: '县融媒体中心2025年上半年落实意识形态工作责任制情况报告', genre: 'unit-report', unit: '县融媒体中心', type: '中心', year: 2025, span: 'H1' },
  { text: '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲', genre: 'unit-report', unit: '市交通运输局', type: '局', year: 2025, span: 'H1' },
  { text: '2025年度县卫健委意识形态工作报告', genre: 'unit-report', unit: '县卫健委', type: '委', year: 2025, span: 'year' },
  { text: '起草2025年下半年城关镇落实意识形态工作责任制情况报告', genre: 'unit-report', unit: '城关镇', type: '乡镇', year: 2025, span: 'H2' },
  { text: '市交通运输局党组2025年上半年意识形态工作报告', genre: 'unit-report', unit: '市交通运输局', type: '局', year: 2025, span: 'H1' },
  { text: '我是县委书记，要写2025年度抓意识形态工作述职报告', genre: 'duty-report', unit: '县委', type: '县委', year: 2025, span: 'year' },
  { text: '写一篇2024年度意识形态工作述职报告，本人是区委宣传部部长', genre: 'duty-report', unit: '区委宣传部', type: '部', year: 2024, span: 'year' },
  { text: '帮我写个述职报告，抓意识形态工作的', now: new Date('2026-01-12T10:00:00+08:00'), genre: 'duty-report', type: '其他', year: 2025, span: 'year', assumes: /未说明时段，按2025年度起草/ },
  { text: '我是市财政局局长，写个人上半年落实意识形态工作责任制情况汇报', genre: 'leader-report', unit: '市财政局', type: '局', year: 2025, span: 'H1' },
  { text: '帮书记写一份2025年度意识形态工作责任制落实情况汇报', genre: 'leader-report', year: 2025, span: 'year', type: '其他' },
  { text: '个人落实意识形态工作责任制情况，2025年全年', genre: 'leader-report', year: 2025, span: 'year', type: '其他' },
  { text: '市职业技术学院2025年度意识形态工作自查报告', genre: 'self-check', unit: '市职业技术学院', type: '学校', year: 2025, span: 'year' },
  { text: '对照检查清单写一份我局的意识形态工作责任制自查报告', now: new Date('2025-11-20T10:00:00+08:00'), genre: 'self-check', type: '局', year: 2025, span: 'year' },
  { text: '市人民医院2024年意识形态工作总结及2025年工作计划', genre: 'summary-plan', unit: '市人民医院', type: '医院', year: 2024, span: 'year' },
  { text: '县融媒体中心今年的意识形态工作总结和明年打算', now: new Date('2025-12-28T10:00:00+08:00'), genre: 'summary-plan', unit: '县融媒体中心', type: '中心', year: 2025, span: 'year' },
  { text: '写上半年意识形态工作总结', genre: 'summary-plan', year: 2025, span: 'year', type: '其他', assumes: /年度总结按2025年度起草/ },
  { text: '帮我写一份意识形态工作责任制落实情况报告', now: new Date('2026-12-10T10:00:00+08:00'), genre: 'unit-report', type: '其他', year: 2026, span: 'year', assumes: /未说明时段，按2026年度起草/ },
  { text: '市生态环境局意识形态工作责任制落实情况报告', now: new Date('2026-07-05T10:00:00+08:00'), genre: 'unit-report', unit: '市生态环境局', type: '局', year: 2026, span: 'H1', assumes: /未说明时段，按2026年上半年起草/ },
  { text: '市生态环境局意识形态工作责任制落实情况报告', now: new Date('2027-01-20T10:00:00+08:00'), genre: 'unit-report', unit: '市生态环境局', type: '局', year: 2026, span: 'year', assumes: /按2026年度/ },
  { text: '写个上半年的意识形态工作报告', genre: 'unit-report', type: '其他', year: 2025, span: 'H1', assumes: /未说明年份，按2025年上半年起草/ },
  { text: '下半年的意识形态报告', now: new Date('2025-12-20T10:00:00+08:00'), genre: 'unit-report', type: '其他', year: 2025, span: 'H2' },
  { text: '三季度意识形态工作报告', now: new Date('2025-10-09T10:00:00+08:00'), genre: 'unit-report', type: '其他', year: 2025, span: 'Q3' },
  { text: '县农业农村局2025年上半年意识形态报告，1500字左右', genre: 'unit-report', unit: '县农业农村局', type: '局', year: 2025, span: 'H1', chars: 1500, facts: 0 },
  { text: '县农业农村局2025年上半年意识形态报告，两千字左右', genre: 'unit-report', unit: '县农业农村局', type: '局', year: 2025, span: 'H1', chars: 2000, facts: 0 },
  { text: '市交通运输局2025年上半年落实意识形态工作责任制情况报告。上半年局党组召开专题会议研究意识形态工作2次，中心组开展专题学习6次，处置网络舆情3条。', genre: 'unit-report', unit: '市交通运输局', type: '局', year: 2025, span: 'H1', facts: 3 },
  { text: '青山镇2025年度意识形态报告：全年开展意识形态分析研判四次；新建村级宣传栏15个；印发《青山镇意识形态工作责任清单》', genre: 'unit-report', unit: '青山镇', type: '乡镇', year: 2025, span: 'year', facts: 3 },
  { text: '我局上半年意识形态工作报告', genre: 'unit-report', type: '局', year: 2025, span: 'H1', assumes: /未说明单位全称/ },
  { text: '意识形态工作', genre: 'unit-report', type: '其他', year: 2025, span: 'H1', assumes: /未说明文种/ },
];

describe('parseRequest', () => {
  it.each(ROWS.map((r, i) => [i + 1, r.text, r] as const))('#%i %s', (_i, text, row) => {
    const req = parseRequest(text, row.now ?? JULY);
    expect(req.genre).toBe(row.genre);
    expect(req.period).toEqual({ year: row.year, span: row.span });
    if (row.unit !== undefined) expect(req.unit.name).toBe(row.unit);
    if (row.type !== undefined) expect(req.unit.type).toBe(row.type);
    if (row.facts !== undefined) expect(req.facts).toHaveLength(row.facts);
    if (row.chars !== undefined) expect(req.length).toEqual({ chars: row.chars });
    if (row.assumes) expect(req.assumptions.join('\n')).toMatch(row.assumes);
    for (const a of req.assumptions) expect(a).not.toMatch(/\n/);
    expect(req.text).toBe(text);
  });

  it('records no assumption when genre, unit and period are all given', () => {
    expect(parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告', JULY).assumptions).toEqual([]);
  });

  it('detects the intent', () => {
    expect(parseRequest('先给县教育局列个2025年度报告的提纲', JULY).intent).toBe('outline');
    expect(parseRequest('帮我起草县教育局2025年度的报告全文', JULY).intent).toBe('full');
  });
});

describe('request helpers', () => {
  it('parses Chinese amounts', () => {
    expect(parseChineseAmount('五百')).toBe(500);
    expect(parseChineseAmount('两千')).toBe(2000);
    expect(parseChineseAmount('一千五百')).toBe(1500);
    expect(parseChineseAmount('3千')).toBe(3000);
    expect(parseChineseAmount('1万')).toBe(10000);
    expect(parseChineseAmount('十二')).toBe(12);
    expect(parseChineseAmount('abc')).toBeNaN();
  });

  it('finds lengths', () => {
    expect(findLength('写500字')).toEqual({ chars: 500 });
    expect(findLength('三千字以内')).toEqual({ chars: 3000 });
    expect(findLength('没有字数要求')).toBeUndefined();
  });

  it('keeps fact clauses and drops the request itself', () => {
    const facts = extractFacts('帮我写市交通运输局上半年的报告。3月，召开意识形态工作专题会议；组织中心组学习6次，覆盖党员120人次。');
    expect(facts).toEqual(['3月，召开意识形态工作专题会议', '组织中心组学习6次', '覆盖党员120人次']);
  });

  it('finds units by self-reference', () => {
    expect(findUnit('我校今年的报告')).toEqual({ type: '学校' });
    expect(findUnit('没有单位')).toBeNull();
  });

  it('defaults the period by season', () => {
    expect(defaultPeriod('', new Date('2026-02-10T10:00:00+08:00'))).toEqual({ year: 2025, span: 'year' });
    expect(defaultPeriod('', new Date('2026-06-20T10:00:00+08:00'))).toEqual({ year: 2026, span: 'H1' });
    expect(defaultPeriod('', new Date('2026-11-20T10:00:00+08:00'))).toEqual({ year: 2026, span: 'year' });
    expect(defaultPeriod('上半年', new Date('2026-03-01T10:00:00+08:00'))).toEqual({ year: 2025, span: 'H1' });
  });
});

describe('requests for another kind of report', () => {
  it('says that Bigan drafts in the ideology-report genre', () => {
    const r = parseRequest('帮我起草2025年政府工作报告提纲', new Date('2026-11-22T10:00:00+08:00'));
    expect(r.assumptions.some((a) => a.includes('政府工作报告'))).toBe(true);
    expect(parseRequest('帮我写2025年意识形态工作和党建工作报告', new Date('2026-11-22T10:00:00+08:00')).assumptions.some((a) => a.includes('体例'))).toBe(false);
  });
});
