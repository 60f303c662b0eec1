import { describe, expect, it } from 'vitest';
import { campaignsInPeriod, GENRES, getGenre, issuerName, superiorOf, unitVoice } from '../../../src/report/genres.js';
import { classifyPart } from '../../../src/report/parts.js';
import { THEMES, themeOf } from '../../../src/report/themes.js';
import { headingHalves } from '../../../src/report/outline.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');

describe('genres', () => {
  it('builds the unit report title formula', () => {
    const g = getGenre('unit-report');
    expect(g.title({ name: '市交通运输局', type: '局' }, { year: 2025, span: 'H1' })).toBe('中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告');
    expect(g.title({ name: '县委', type: '县委' }, { year: 2025, span: 'year' })).toBe('中共县委关于2025年度落实意识形态工作责任制情况的报告');
    expect(g.title({ type: '其他' }, { year: 2025, span: 'year' })).toContain('【待补充：单位名称】');
  });

  it('names the issuing Party body by unit type', () => {
    expect(issuerName({ name: '第一中学', type: '学校' })).toBe('中共第一中学委员会');
    expect(issuerName({ name: '城关街道', type: '街道' })).toBe('中共城关街道工作委员会');
    expect(issuerName({ name: '市交通运输局党组', type: '局' })).toBe('中共市交通运输局党组');
    expect(superiorOf({ name: '市交通运输局', type: '局' })).toBe('市委');
    expect(superiorOf({ name: '城关街道', type: '街道' })).toBe('县委');
    expect(unitVoice({ name: '东风乡', type: '乡镇' }).self).toBe('我乡');
  });

  it('ends every opening with the closing formula and cites the guidance current at the period end', () => {
    for (const g of GENRES) {
      const o = g.opening({ unit: { name: '市交通运输局', type: '局' }, period: { year: 2025, span: 'year' }, now: new Date('2026-01-10T10:00:00+08:00') });
      expect(o.endsWith(g.closing)).toBe(true);
      expect(o).toMatch(/(报告|汇报|述职)如下：$/);
      expect(g.closingFits.test(o)).toBe(true);
      expect(o).toContain('党的二十大和二十届历次全会精神');
    }
    const early = getGenre('unit-report').opening({ unit: { name: '市发改委', type: '委' }, period: { year: 2023, span: 'H1' }, now: NOW });
    expect(early).toContain('党的二十大和二十届二中全会精神');
    expect(early).toContain('学习贯彻习近平新时代中国特色社会主义思想主题教育');
  });

  it('does not cite meetings after today when the period is not over', () => {
    const o = getGenre('unit-report').opening({ unit: { type: '局' }, period: { year: 2024, span: 'year' }, now: new Date('2024-07-10T10:00:00+08:00') });
    expect(o).toContain('党的二十大和二十届二中全会精神');
  });

  it('uses first person for personal genres and unit voice otherwise', () => {
    expect(getGenre('duty-report').person).toBe('first');
    expect(getGenre('leader-report').person).toBe('first');
    expect(getGenre('unit-report').person).toBe('unit');
    expect(getGenre('leader-report').opening({ unit: { type: '其他' }, period: { year: 2025, span: 'H1' }, now: NOW })).toContain('本人');
  });

  it('has part headings that classify to practice, problems, plans in order', () => {
    for (const g of GENRES) {
      expect(g.parts.map((p) => classifyPart(p.heading({ year: 2025, span: 'year' })))).toEqual(['practice', 'problems', 'plans']);
      expect(g.parts[0]!.min).toBeGreaterThanOrEqual(3);
      expect(g.parts[0]!.max).toBeLessThanOrEqual(6);
    }
  });

  it('lists campaigns overlapping the period', () => {
    expect(campaignsInPeriod({ year: 2024, span: 'H1' }).map((c) => c.id)).toEqual(['ztjy2023', 'djxx']);
    expect(campaignsInPeriod({ year: 2024, span: 'H2' }).map((c) => c.id)).toEqual(['djxx']);
  });
});

describe('themes', () => {
  it('have parallel default headings and a matching problem and measure', () => {
    for (const t of THEMES) {
      const h = headingHalves(t.heading);
      expect(h).toHaveLength(2);
      expect(h[0]!.length).toBe(h[1]!.length);
      expect(themeOf(t.problem.heading)).toBe(t.id);
      expect(themeOf(t.measure.heading)).toBe(t.id);
      expect(themeOf(t.heading)).toBe(t.id);
    }
  });

  it('classifies facts', () => {
    expect(themeOf('中心组开展专题学习6次')).toBe('theory');
    expect(themeOf('处置网络舆情3条')).toBe('network');
    expect(themeOf('今天天气不错')).toBeNull();
  });
});
