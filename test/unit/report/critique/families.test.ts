/**
 * Issue 11: each defect family on fixtures written for the purpose (defective and clean).
 * Assertions name the text each finding covers, so a rule that drifts shows here.
 */
import { describe, expect, it } from 'vitest';
import { critique } from '../../../../src/report/critique/index.js';
import { buildDoc } from '../../../../src/report/critique/doc.js';
import { findPeriod, findReportPeriod } from '../../../../src/report/period.js';
import { fixture, run, serious } from './helpers.js';

const spans = (t: string, rule?: string) =>
  run(t).filter((f) => !rule || f.rule === rule).map((f) => t.slice(f.start, f.end));

describe('template-site and model debris', () => {
  it('reports each block of page chrome once, and a repeated title', () => {
    const t = fixture('debris-site.txt');
    const d = run(t).filter((f) => f.rule === 'debris');
    expect(d.map((f) => t.slice(f.start, f.end).split('\n')[0])).toEqual([
      '网站首页 > 公文范本 > 工作总结 > 意识形态 >',
      '青溪县农业农村局2025年上半年意识形态工作总结',
      '- 1、本站文档由用户上传，仅供学习交流，付费后不支持退款。',
      '（全文共2680字）',
    ]);
    expect(d[1]!.message).toContain('标题重复');
    // Nothing else is reported inside a chrome block (the 2025-07-03 timestamp, the bullets).
    expect(run(t).filter((f) => f.start < d[0]!.end && f.rule !== 'debris')).toEqual([]);
  });

  it('keeps the title and the period out of the chrome', () => {
    const doc = buildDoc(fixture('debris-site.txt'), { now: new Date('2026-01-15T00:00:00Z') });
    expect(doc.title?.text).toBe('青溪县农业农村局2025年上半年意识形态工作总结');
    expect(doc.period).toEqual({ year: 2025, span: 'H1' });
    expect(doc.periodConfidence).toBe('high');
  });

  it('reports model preambles and notes', () => {
    const t = fixture('debris-model.txt');
    expect(spans(t, 'debris')).toEqual(['好的，以下是为您撰写的社区党委意识形态工作情况报告：', '注：本文约1800字，可根据实际情况修改补充。\n如需调整篇幅或语气，请告诉我。']);
  });

  it('reports a pasted table of contents once, not as a numbering regression', () => {
    const t = '青溪区文化馆2025年上半年意识形态工作总结\n目录\n一、主要做法\n二、存在的问题\n三、下一步打算\n一、主要做法\n馆党支部把意识形态工作列入年度重点任务。\n二、存在的问题\n阵地管理台账还不够细。\n三、下一步打算\n下半年将完善台账。';
    const f = run(t);
    expect(f.map((x) => [x.rule, t.slice(x.start, x.end)])).toEqual([['debris', '目录\n一、主要做法\n二、存在的问题\n三、下一步打算']]);
  });
});

describe('placeholders in other forms', () => {
  it('finds underscores, a lone X, 某/某某, ○○, 202X and an empty 【】', () => {
    expect(spans(fixture('placeholder-forms.txt'), 'placeholder')).toEqual(['20__', 'X', '○○', '某', '某某', '202X', '【】', '__']);
  });
});

describe('习近平 forms', () => {
  it('finds the name dropped, replaced by 总书记, or the title missing', () => {
    const t = fixture('xi-forms.txt');
    // Since round 15 the title left where the name was cut goes with the fix (总书记新时代…).
    expect(spans(t, 'xi')).toEqual(['新时代中国特色社会主义思想', '总书记新时代中国特色社会主义思想', '思想', '以总书记为核心的党中央', '习近平', '系列讲话', '文化思想']);
    // Replacements are exact and safe: the whole thought name, never a bare insertion.
    expect(run(t).find((f) => f.rule === 'xi')?.replacement).toBe('习近平新时代中国特色社会主义思想');
  });
});

describe('named sets and fixed formulations', () => {
  it('finds members missing, replaced or reordered, and wrong fixed phrases', () => {
    const t = fixture('sets.txt');
    expect(spans(t, undefined).filter((s) => s !== '青溪')).toEqual([
      '话语权、领导权、主动权',
      '政治意识、大局意识、核心意识',
      '思想上行动上',
      '守土负责、守土有责、守土尽责',
      '分级负责、属地管理、谁主管谁负责',
      '党委统一领导、党政齐抓共管、宣传部门组织协调、各相关部门积极配合',
      '重要问题亲自处置、重大事件亲自过问',
      '苗头倾向性问题',
      '县情民意',
      '《党章》',
      '意识形态责任制',
      '二十大全会',
    ]);
  });

  it('reorders only when the set is complete, and never offers a replacement for a substituted member', () => {
    const t = fixture('sets.txt');
    const f = run(t);
    expect(f.find((x) => t.slice(x.start, x.end) === '守土负责、守土有责、守土尽责')?.replacement).toBe('守土有责、守土负责、守土尽责');
    expect(f.find((x) => t.slice(x.start, x.end).startsWith('话语权'))?.replacement).toBeUndefined();
  });
});

describe('period', () => {
  it('flags stale meetings, finished slogans, 全年/下半年 and dates after June in a half-year report', () => {
    const t = fixture('period-h1.txt');
    expect(run(t).filter((f) => f.category === 'period' || f.rule === 'dates' || f.rule === 'consistency').map((f) => t.slice(f.start, f.end))).toEqual([
      '党的十九大', '决胜全面建成小康社会', '全年共开展', '下半年以来', '2024年9月', '卫计局', '党史学习教育',
    ]);
  });

  it('does not take X年以来 or a web date line as the period', () => {
    expect(findPeriod('2019年以来，社区持续加强阵地建设。')).toBeNull();
    expect(findPeriod('发布时间：2019-05-10 09:30:00')).toBeNull();
    expect(findPeriod('（2025年03月26日）')).toBeNull();
    const doc = buildDoc(fixture('period-uncertain.txt'), { now: new Date('2026-01-15T00:00:00Z') });
    expect(doc.period).toBeNull();
  });

  it('reads the title first, then the opening with low confidence', () => {
    expect(findReportPeriod('某镇2024年上半年意识形态工作总结', '2023年以来，……')).toMatchObject({ period: { year: 2024, span: 'H1' }, confidence: 'high', from: 'title' });
    expect(findReportPeriod('意识形态工作总结', '2021年，镇党委……')).toMatchObject({ period: { year: 2021, span: 'year' }, confidence: 'low', from: 'opening' });
  });

  it('never raises an error on a date check when the period is uncertain', () => {
    // Year only in the opening: 二十大 in a "2021" text is at most a warning.
    const t = '镇党委意识形态工作情况\n2021年，镇党委深入学习贯彻党的二十大精神，推动各项工作落实。';
    const f = run(t).filter((x) => x.rule === 'dates');
    expect(f.length).toBe(1);
    expect(f[0]!.severity).toBe('warning');
  });
});

describe('punctuation and layout', () => {
  it('finds 、 between book titles, run-together plenums, platforms in 《》, line ends, quote pairs', () => {
    const t = fixture('punctuation-more.txt');
    expect(spans(t, 'punctuation')).toEqual(['》、', '二中三中四中', '。', '《学习强国》', '"身边好人"', '，', '.']);
    const dot = run(t).find((f) => t.slice(f.start, f.end) === '.');
    expect(dot?.replacement).toBeUndefined();
  });

  it('finds PDF spaces, run-in headings, broken lines and zero-padded dates', () => {
    const t = fixture('layout-pdf.txt');
    expect(spans(t, 'layout')).toEqual(['2025年07月05日', ' ', '一、', ' 3 ', '责任\n']);
  });
});

describe('clean counterparts', () => {
  for (const name of ['clean-placeholder-forms.txt', 'clean-xi.txt', 'clean-sets.txt']) {
    it(`${name} has no error or warning`, () => {
      expect(serious(critique(fixture(name), { now: new Date('2026-01-15T00:00:00Z') })).map((f) => f.message)).toEqual([]);
    });
  }
});

describe('wording', () => {
  it('every finding carries line, column and context; messages nest quotes as ‘’ inside “”', () => {
    const t = fixture('period-h1.txt');
    for (const f of run(t)) {
      expect(f.line).toBeGreaterThan(0);
      expect(f.col).toBeGreaterThan(0);
      expect(f.context).toContain('〖');
      expect(`${f.message}${f.suggestion ?? ''}`).not.toMatch(/“[^”]*“/);
    }
  });

  it('one finding for a pair of ASCII quotes', () => {
    const t = '开展"清朗"专项行动。';
    expect(spans(t, 'punctuation')).toEqual(['"清朗"']);
  });
});

describe('ordinary report text that looks like chrome or a slip is left alone', () => {
  it('padded names, a July sign-off in a half-year report, 扫码 and 供大家 in the body, counted articles', () => {
    const t = [
      '河口镇党委2025年上半年意识形态工作总结',
      '上半年，镇党委把意识形态工作纳入党建工作责任制，领导小组组长：王　芳，副组长：李　强。',
      '组织群众扫码参与网上答题，印发学习资料供大家学习。',
      '在县级以上媒体发表宣传稿件12篇',
      '河口镇党委',
      '2025年7月8日',
    ].join('\n');
    expect(serious(run(t)).map((f) => `${f.rule}:${t.slice(f.start, f.end)}`)).toEqual([]);
  });
});

describe('a title split over two lines', () => {
  it('is one layout finding; the period and unit are read from both halves', () => {
    const t = '青溪县教育局关于2025年上半年落实意识形态\n工作责任制情况的报告\n今年上半年，局党组坚持以习近平\n新时代中国特色社会主义思想为指导，现将有关情况报告如下：';
    const doc = buildDoc(t, { now: new Date('2026-01-15T00:00:00Z') });
    expect(doc.period).toEqual({ year: 2025, span: 'H1' });
    expect(doc.periodConfidence).toBe('high');
    const f = run(t);
    expect(f.map((x) => [x.rule, x.message.slice(0, 8)])).toEqual([['layout', '标题被拆成了两行'], ['layout', '段末没有标点：段']]);
    // The name split by the line break is not reported as a missing 习近平.
    expect(f.some((x) => x.rule === 'xi')).toBe(false);
  });

  it('a 机密 mark above the title is not half of it', () => {
    const t = '内部资料\n青溪县教育局2025年上半年意识形态工作总结\n今年上半年，局党组认真落实意识形态工作责任制，现将有关情况报告如下：';
    expect(run(t).filter((x) => x.message.includes('拆成'))).toEqual([]);
  });
});
