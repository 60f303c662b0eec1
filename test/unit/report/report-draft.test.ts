import { describe, expect, it } from 'vitest';
import { assembleDraft, findSection, suspiciousNumbers } from '../../../src/report/draft.js';
import { checkDraft } from '../../support/draft-check.js';
import { getGenre } from '../../../src/report/genres.js';
import { buildOfflineOutline } from '../../../src/report/outline.js';
import { parseRequest } from '../../../src/report/request.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告。中心组开展专题学习6次。', NOW);
const genre = getGenre('unit-report');
const outline = buildOfflineOutline(req, genre, NOW);

describe('findSection', () => {
  it('resolves parts by number and role, sections, and the opening', () => {
    expect(findSection(outline, { part: 2 })).toMatchObject({ address: 'p2', part: 2, covers: ['p2.s1', 'p2.s2', 'p2.s3'] });
    expect(findSection(outline, { partId: 'plans' })?.address).toBe('p3');
    expect(findSection(outline, { part: 1, section: 3 })).toMatchObject({ address: 'p1.s3', covers: ['p1.s3'] });
    expect(findSection(outline, { section: 2 })?.address).toBe('p1.s2');
    expect(findSection(outline, { section: 2 })?.label).toBe('一、工作开展情况及主要做法 （二）强化理论武装，筑牢思想根基');
    expect(findSection(outline, { opening: true })?.address).toBe('opening');
    expect(findSection(outline, { part: 9 })).toBeNull();
    expect(findSection(outline, { part: 1, section: 9 })).toBeNull();
    expect(findSection(outline, {})).toBeNull();
  });
});

describe('assembleDraft', () => {
  it('puts title, opening, parts in order and sign-off, with placeholders for missing text', () => {
    const text = assembleDraft(outline, { sections: { 'p1.s1': '一是压实责任。' } }, { unit: '中共市交通运输局党组', date: '2025年7月3日' });
    const lines = text.split('\n');
    expect(lines[0]).toBe(outline.title);
    expect(text).toContain('现将有关情况报告如下：');
    expect(text.indexOf('一、工作开展情况及主要做法')).toBeLessThan(text.indexOf('二、存在的问题和不足'));
    expect(text).toContain('（一）压实主体责任，健全领导体制\n一是压实责任。');
    expect(text).toContain('【待补充：本节正文');
    expect(lines.slice(-2)).toEqual(['中共市交通运输局党组', '2025年7月3日']);
    expect(assembleDraft(outline, { sections: {} })).toMatch(/【待补充：单位名称】\n【待补充：成文日期】$/);
  });
});

describe('checkDraft', () => {
  it('accepts numbers from the facts and set phrases, flags invented ones', () => {
    expect(suspiciousNumbers('中心组开展专题学习6次，增强“四个意识”，落实“一岗双责”，2025年7月召开会议。', req.facts)).toEqual([]);
    const found = suspiciousNumbers('开展专题学习6次，召开专题会议3次，培训干部120人次，举办讲座三场。', req.facts).map((f) => f.text);
    expect(found).toEqual(['3次', '120人', '三场']);
    expect(suspiciousNumbers('党组每年至少两次专题研究意识形态工作，每季度召开一次分析会。', [])).toEqual([]);
  });

  it('scores a complete draft with placeholders as clean, and a broken one with defects', () => {
    const good = assembleDraft(outline, { sections: {} }, { unit: '中共市交通运输局党组', date: '2025年7月3日' });
    const c = checkDraft(good, req.facts, genre);
    expect(c.defects).toEqual([]);
    expect(c.parts).toEqual(['practice', 'problems', 'plans']);
    expect(c.placeholders).toBeGreaterThan(3);
    const bad = checkDraft('某报告\n一、主要做法\n开展学习*次，召开会议5次。\n二、下一步工作打算\n继续努力。', [], genre);
    expect(bad.hasOpeningFormula).toBe(false);
    expect(bad.defects.join('\n')).toMatch(/缺少“存在的问题和不足”部分/);
    expect(bad.defects.join('\n')).toMatch(/出现用户未提供的数字：5次/);
    expect(bad.defects.join('\n')).toMatch(/不规范的占位符：\*/);
  });
});
