/**
 * Round 7 (issue 24 item 1): two families a fresh blind draw showed, with our own wording — the 四同 of the
 * 意识形态工作责任制 (同部署、同落实、同检查、同考核, and the 实施办法's 一同… form) and spun fixed formulas
 * (发展是第一要务, 科学发展观). Each family has defective and clean cases; precision first.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const HEAD = '2024年县水利局机关党委意识形态工作总结\n';
const RIGHT = '同部署、同落实、同检查、同考核';
/** [excerpt, severity, replacement] of the formulation findings. */
const sets = (body: string) => {
  const t = HEAD + body + '\n';
  return run(t).filter((f) => f.rule === 'formulation').map((f) => [t.slice(f.start, f.end), f.severity, f.replacement ?? null]);
};

describe('the 四同 set: members, order and marks', () => {
  it('the whole set in order is clean, as are the 实施办法 form and its own pair and shorter writer lists', () => {
    expect(sets(`机关党委把宣传思想工作与文明创建${RIGHT}，年底一并述职。`)).toEqual([]);
    expect(sets('与经济建设和党的建设工作紧密结合，一同部署、一同落实、一同检查、一同考核。')).toEqual([]);
    expect(sets('将网络阵地管理与业务工作同部署、同落实。')).toEqual([]);
    expect(sets('与中心工作同谋划、同部署、同推进，与年度考评同研究、同考核。')).toEqual([]);
    expect(sets('同时同部署、同落实、同检查、同考核，确保责任到人。')).toEqual([]);
  });
  it('a member replaced by a near-synonym in its own place: an error with the exact fix', () => {
    // Round 17: the finding covers the member in the wrong place, not the members written right.
    expect(sets('将意识形态工作与脱贫巩固工作同部署、同执行、同检查、同考核。')).toEqual([['执行', 'error', '落实']]);
    expect(sets('将意识形态工作与脱贫巩固工作同安排、同落实、同检查、同考核。')).toEqual([['安排', 'error', '部署']]);
    expect(sets('与社会建设紧密结合，一同部署、一同落实、一同督促、一同考核。')).toEqual([['督促', 'error', '检查']]);
  });
  it('a stray item not in the missing member’s place, or two members changed, is the writer’s own list', () => {
    expect(sets('与其他工作同部署、同安排、同落实、同考核。')).toEqual([]);
    expect(sets('与其他工作同部署、同执行、同督查、同考核。')).toEqual([]);
  });
  it('another order: a hint naming the canonical order, without a fix (round 17: published texts use more than one)', () => {
    expect(sets('与中心工作同部署、同检查、同落实、同考核。')).toEqual([['同部署、同检查、同落实、同考核', 'info', null]]);
  });
  it('the members run together without 、, or in mixed marks: a warning with the fix', () => {
    expect(sets('与中心工作同部署同落实同检查同考核。')).toEqual([['同部署同落实同检查同考核', 'warning', RIGHT]]);
    expect(sets('与中心工作同部署、同落实，同检查、同考核。')).toEqual([['同部署、同落实，同检查、同考核', 'warning', RIGHT]]);
  });
  it('a member dropped: in quotes a warning with the fix; a plain list a warning without a fix (round 16: every draw of r30–r41 with such a list marks it)', () => {
    expect(sets('机关党委坚持“同部署、同检查、同考核”，压实各支部责任。')).toEqual([['同部署、同检查、同考核', 'warning', RIGHT]]);
    expect(sets('与业务工作同部署、同落实、同考核。')).toEqual([['同部署、同落实、同考核', 'warning', null]]);
  });
});

describe('spun fixed formulas: 发展是第一要务 and 科学发展观', () => {
  it('each spun form is an error with the exact fix', () => {
    expect(sets('镇党委坚持开展第一要务，牢记开展是第一要务，以科学展开观统领全局。')).toEqual([
      ['开展第一要务', 'error', '发展第一要务'],
      ['开展是第一要务', 'error', '发展是第一要务'],
      ['科学展开观', 'error', '科学发展观'],
    ]);
    expect(sets('深入贯彻落实科学进展观，牢牢把握生长第一要务。')).toEqual([
      ['科学进展观', 'error', '科学发展观'],
      ['生长第一要务', 'error', '发展第一要务'],
    ]);
  });
  it('the right forms and ordinary uses of 开展 and 第一要务 are clean', () => {
    expect(sets('镇党委坚持发展是第一要务，牢牢把握发展第一要务，深入贯彻落实科学发展观。')).toEqual([]);
    expect(sets('把开展主题党日作为支部的第一要务来抓，扎实开展第一季度理论学习。')).toEqual([]);
  });
});
