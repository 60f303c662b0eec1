import { describe, expect, it } from 'vitest';
import { fixture, hits, run } from './helpers.js';

describe('consistency rule', () => {
  it('flags 全年 in a half-year report and foreign unit words', () => {
    const t = fixture('consistency.txt');
    const f = run(t).filter((x) => x.rule === 'consistency');
    expect(f.map((x) => [t.slice(x.start, x.end), x.severity])).toEqual([
      ['全年共开展', 'warning'],
      ['我校', 'warning'],
      ['本公司', 'warning'],
    ]);
  });

  it('an annual report may contrast 上半年; 全年目标 in a half-year report is fine', () => {
    const annual = '2025年度意识形态工作报告\n全年召开专题会议4次，其中上半年2次。';
    expect(hits(run(annual), annual, 'consistency')).toEqual([]);
    const half = '2025年上半年意识形态工作报告\n上半年召开专题会议2次，为完成全年目标任务打下基础。';
    expect(hits(run(half), half, 'consistency')).toEqual([]);
  });

  it('infers the unit from dominant self-references when the title has none', () => {
    const t = '我局召开会议。我局开展学习。我局检查阵地。我院组织培训。';
    expect(hits(run(t), t, 'consistency')).toEqual([['我院', 'warning']]);
  });

  it('学院 reports may say 我校 or 我院', () => {
    const t = '市职业技术学院2025年度意识形态工作报告\n我院党委召开会议3次，我校教师参加培训120人次。';
    expect(hits(run(t), t, 'consistency')).toEqual([]);
  });
});
