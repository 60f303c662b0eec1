/**
 * Round 15 (issue 24), in-sample after the r22/r23 blind runs: families written from what those draws showed,
 * in our own text — headings glued into a page stored without line breaks, a heading that opens sub-headings
 * with a colon, ties between siblings with and without 。, 同…同… series without 顿号, a collection's 篇N glued to
 * the text, a preview cut by dots at the end, a forum's 标题： label, one stray indented paragraph.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const TITLE = '2024年某镇意识形态工作总结\n\n';
const serious = (t: string) => run(t).filter((f) => f.severity !== 'info').map((f) => [f.rule, t.slice(f.start, f.end), f.replacement ?? null]);
const ofRule = (t: string, rule: string) => serious(t).filter(([r]) => r === rule);

describe('headings glued into a page that lost its line breaks and marks', () => {
  it('after 如下 and between two consecutive glued （N）', () => {
    const t = `${TITLE}现将有关情况汇报如下一、压实工作责任今年以来镇党委坚持把意识形态工作摆上重要位置（一）健全领导机制。明确书记为第一责任人，层层传导压力（二）完善研判制度。每季度分析一次。\n`;
    const layout = ofRule(t, 'layout');
    expect(layout.length).toBeGreaterThan(0);
    const found = run(t).filter((f) => f.rule === 'layout' && f.severity !== 'info');
    for (const marker of ['一、', '（一）', '（二）']) expect(found.some((f) => f.start <= t.indexOf(marker) && f.end >= t.indexOf(marker) + 1)).toBe(true);
  });
  it.each([
    '按照《条例》第十条（二）规定执行，确保落实到位。',
    '详见附件（二）所列清单，各支部对照执行。',
    '会议听取了汇报（三）项，研究部署下一步工作。',
  ])('one glued （N） alone is an aside, not a heading: %s', (body) => {
    expect(ofRule(`${TITLE}${body}\n`, 'layout')).toEqual([]);
  });
});

describe('line ends before sub-headings', () => {
  it('a level-1 heading that opens sub-headings drops its colon', () => {
    const t = `${TITLE}一、主要做法：\n（一）抓好理论学习\n全年组织集中学习12次。\n`;
    expect(ofRule(t, 'punctuation')).toEqual([['punctuation', '：', '']]);
  });
  it('a heading whose colon leads into a sentence on the next line is not a heading that opens sub-headings', () => {
    expect(ofRule(`${TITLE}一、主要做法：\n全年组织集中学习12次，开展宣讲8场。\n`, 'punctuation')).toEqual([]);
  });
  it('“如下。” before the headings is advice only (labellers divide); “如下，” is a warning', () => {
    expect(ofRule(`${TITLE}现将工作情况报告如下。\n一、基本情况\n全年组织学习12次。\n`, 'punctuation')).toEqual([]);
    expect(run(`${TITLE}现将工作情况报告如下。\n一、基本情况\n全年组织学习12次。\n`).some((f) => f.rule === 'punctuation' && f.severity === 'info')).toBe(true);
    expect(ofRule(`${TITLE}现将工作情况报告如下，\n一、基本情况\n全年组织学习12次。\n`, 'punctuation').map(([, span]) => span)).toEqual(['，']);
  });
  it('a tie between siblings goes to the bare form: the heading on its own line with 。 is named', () => {
    const t = `${TITLE}（一）强化组织领导\n全年召开专题会议4次。\n（二）抓实阵地管理。\n全镇排查宣传栏32块。\n`;
    expect(ofRule(t, 'punctuation')).toEqual([['punctuation', '。', '']]);
  });
  it('siblings that all end with 。 stay silent', () => {
    expect(ofRule(`${TITLE}（一）强化组织领导。\n全年召开专题会议4次。\n（二）抓实阵地管理。\n全镇排查宣传栏32块。\n`, 'punctuation')).toEqual([]);
  });
});

describe('同…同… series take 顿号', () => {
  it.each([
    ['把意识形态工作与中心工作同谋划同推进同考核。', '同谋划同推进同考核', '同谋划、同推进、同考核'],
    ['做到一同安排一同推进，成效明显。', '一同安排一同推进', '一同安排、一同推进'],
  ])('%s', (body, span, right) => {
    expect(ofRule(`${TITLE}${body}\n`, 'punctuation')).toEqual([['punctuation', span, right]]);
  });
  it.each(['做到同部署、同落实、同考核。', '与会同志同研究，会同部署。', '共同推进和协同落实各项任务。'])('stays silent: %s', (body) => {
    expect(ofRule(`${TITLE}${body}\n`, 'punctuation')).toEqual([]);
  });
});

describe('collection and page leftovers inside lines', () => {
  it('a 篇N glued between a collection title and the text', () => {
    const t = `${TITLE}镇意识形态工作总结报告篇2今年以来，镇党委认真落实主体责任。\n`;
    expect(ofRule(t, 'debris').some(([, span]) => span === '篇2')).toBe(true);
  });
  it.each(['本报告篇幅较短，重点突出。', '全文分三篇，第一篇讲学习。', '汇编材料篇目见附件。'])('篇 in prose stays silent: %s', (body) => {
    expect(ofRule(`${TITLE}${body}\n`, 'debris')).toEqual([]);
  });
  it('the last paragraph cut by dots (a preview) is named; a writer’s …… and 等… are not', () => {
    const cut = `${TITLE}全年开展宣讲8场。\n镇党委将继续压实责任，推动各项工作落地见效，确保在年底前...\n`;
    expect(ofRule(cut, 'debris').map(([, span]) => span)).toEqual(['...']);
    expect(ofRule(`${TITLE}全年开展宣讲、培训、座谈等……\n`, 'debris')).toEqual([]);
    expect(ofRule(`${TITLE}全年开展宣讲8场，有力推动了思想统一……\n`, 'debris')).toEqual([]);
  });
  it('a forum field label 标题： before the title: the label goes, the title stays', () => {
    const t = '标题： 某局2024年意识形态工作总结\n2024年，局党组认真落实意识形态工作责任制。\n';
    const debris = run(t).filter((f) => f.rule === 'debris' && f.severity !== 'info');
    expect(debris.map((f) => t.slice(f.start, f.end))).toEqual(['标题： ']);
  });
});

describe('one stray indented paragraph', () => {
  const body = (lead: string) => `${TITLE}镇党委坚持把意识形态工作摆上重要位置，定期研究部署。\n\n全年组织中心组学习12次，专题研讨4次，开展理论宣讲8场。\n\n${lead}开展网络舆情排查，及时发现和处置苗头性倾向性问题。\n\n加强宣传阵地管理，规范审批流程，全年排查宣传栏和电子屏32处。\n`;
  it('is named with its spaces removed', () => {
    const t = body('      ');
    expect(ofRule(t, 'layout')).toEqual([['layout', '      ', '']]);
  });
  it('a text indented throughout stays silent', () => {
    const t = `${TITLE}\u3000\u3000镇党委坚持把意识形态工作摆上重要位置，定期研究部署。\n\n\u3000\u3000全年组织中心组学习12次，专题研讨4次。\n\n\u3000\u3000开展网络舆情排查，及时处置苗头问题。\n`;
    expect(ofRule(t, 'layout')).toEqual([]);
  });
});

describe('the 三个带头 with a member missing names it but proposes no insertion (a writer may cite two)', () => {
  it('warning without a replacement', () => {
    const t = `${TITLE}书记带头抓意识形态工作，带头批评错误观点和错误倾向。\n`;
    expect(serious(t).filter(([r]) => r === 'formulation')).toEqual([['formulation', '带头抓意识形态工作，带头批评错误观点', null]]);
  });
});
