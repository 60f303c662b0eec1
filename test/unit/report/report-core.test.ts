import { describe, expect, it } from 'vitest';
import { findPeriod, findSpan, periodLabel, periodRange } from '../../../src/report/period.js';
import { headingMarker, parseChineseNumeral, parseHeading, toChineseNumeral } from '../../../src/report/headings.js';
import { classifyPart, partSpec } from '../../../src/report/parts.js';
import { currentGuidance } from '../../../src/report/formulations.js';

const now = new Date('2026-11-22T10:00:00+08:00');

describe('periods', () => {
  it.each([
    ['2025年上半年落实意识形态工作责任制情况报告', { year: 2025, span: 'H1' }],
    ['2024年度意识形态工作总结', { year: 2024, span: 'year' }],
    ['2025年第三季度分析研判报告', { year: 2025, span: 'Q3' }],
    ['2025年2季度', { year: 2025, span: 'Q2' }],
    ['今年下半年', { year: 2026, span: 'H2' }],
    ['去年的报告', { year: 2025, span: 'year' }],
    ['2025年意识形态工作，上半年情况如下', { year: 2025, span: 'H1' }],
  ])('%s', (text, period) => {
    expect(findPeriod(text, now)).toEqual(period);
  });

  it('finds no period without a year, but still the span', () => {
    expect(findPeriod('上半年意识形态工作', now)).toBeNull();
    expect(findSpan('后半年')).toBe('H2');
    expect(findSpan('第四季度')).toBe('Q4');
    expect(findSpan('全年')).toBeNull();
  });

  it('labels and ranges', () => {
    expect(periodLabel({ year: 2025, span: 'H1' })).toBe('2025年上半年');
    expect(periodLabel({ year: 2025, span: 'year' })).toBe('2025年度');
    expect(periodRange({ year: 2024, span: 'Q1' })).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodRange({ year: 2024, span: 'H2' }).end).toBe('2024-12-31');
  });
});

describe('Chinese numerals and headings', () => {
  it.each([['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['三十五', 35], ['两', 2]])('%s → %i', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each(['十十', '一二', '', '廿'])('rejects %s', (s) => {
    expect(parseChineseNumeral(s)).toBeNaN();
  });

  it('round-trips 1..99', () => {
    for (let n = 1; n < 100; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('reads the four GB/T 9704 levels and their deviations', () => {
    expect(parseHeading('一、主要做法')).toMatchObject({ level: 1, number: 1, style: 'standard', title: '主要做法' });
    expect(parseHeading('（二）压实责任')).toMatchObject({ level: 2, number: 2, style: 'standard' });
    expect(parseHeading('（二）、压实责任')).toMatchObject({ level: 2, style: 'punct-after-paren' });
    expect(parseHeading('3.加强学习')).toMatchObject({ level: 3, number: 3, style: 'standard' });
    expect(parseHeading('3、加强学习')).toMatchObject({ level: 3, style: 'dunhao-after-digit' });
    expect(parseHeading('（4）具体事项')).toMatchObject({ level: 4, number: 4 });
    expect(parseHeading('一是加强领导')).toBeNull();
    expect(headingMarker(2, 11)).toBe('（十一）');
  });
});

describe('parts and guidance', () => {
  it('classifies level-1 headings', () => {
    expect(classifyPart('主要做法和成效')).toBe('practice');
    expect(classifyPart('存在的问题和不足')).toBe('problems');
    expect(classifyPart('下一步工作打算')).toBe('plans');
    expect(classifyPart('问题整改措施')).toBe('plans');
    expect(partSpec('problems').canonical).toBe('存在的问题和不足');
  });

  it('cites the meetings closed by a date', () => {
    expect(currentGuidance('2022-06-30').phrase).toBe('党的十九大和十九届历次全会精神');
    expect(currentGuidance('2022-12-31').phrase).toBe('党的二十大精神');
    expect(currentGuidance('2023-06-30').phrase).toBe('党的二十大和二十届二中全会精神');
    expect(currentGuidance('2026-11-22').phrase).toBe('党的二十大和二十届历次全会精神');
  });
});

describe('the span after the year decides', () => {
  it('keeps 2022年度 annual even when 上半年 appears later', () => {
    expect(findPeriod('2022年度意识形态工作报告\n上半年深入学习', now)).toEqual({ year: 2022, span: 'year' });
  });
});
