/**
 * Round 11 (issue 24): the families that r13 left, each with a defective and a clean case in our own words.
 * No sentence here comes from a draw.
 */
import { describe, expect, it } from 'vitest';
import { run, WRAP_BREAK } from './helpers.js';

/** [text at the finding, severity, replacement or null] of one rule. */
const spans = (t: string, rule: string) => run(t).filter((f) => f.rule === rule).map((f) => [t.slice(f.start, f.end), f.severity, f.replacement ?? null]);
const TITLE = '2025年县水利局意识形态工作总结\n';

describe('precision: a page whose line breaks were lost is one layout finding', () => {
  const page = `${TITLE}今年以来，局党组把意识形态工作摆在重要位置，现将情况总结如下。 一、主要做法 （一）加强理论武装 局党组全年召开中心组学习会议10次，专题研讨4次。 （二）压实工作责任 班子成员带头落实一岗双责，签订责任书18份。 二、存在问题 研判还不够深入。 三、下步打算 持续抓好学习教育。\n`;
  it('one kind of warning for the paragraph, without a replacement, at each run-in heading (round 16: each keeps its span)', () => {
    const layout = run(page).filter((f) => f.rule === 'layout');
    expect(new Set(layout.map((f) => f.message)).size).toBe(1);
    expect(layout.every((f) => f.severity === 'warning' && f.replacement === undefined)).toBe(true);
    for (const h of ['一、主要做法', '三、下步打算']) expect(layout.some((f) => f.start <= page.indexOf(h) && f.end > page.indexOf(h))).toBe(true);
    // No finding covers the correct sentences between the headings.
    expect(layout.every((f) => f.end - f.start < 20)).toBe(true);
  });
  it('a single heading run into an ordinary paragraph is still reported on its own', () => {
    const t = `${TITLE}局党组全年召开中心组学习会议10次，专题研讨4次。二、存在问题\n研判还不够深入，阵地管理有短板。\n`;
    expect(run(t).filter((f) => f.rule === 'layout' && /连在同一行/.test(f.message)).map((f) => t.slice(f.start, f.end))).toEqual(['二、']);
  });
});

describe('precision: the text that resumes after a paywall cut is reported with the cut', () => {
  it('a cut notice on its own line and the half-sentence after it: one layout finding from the notice on', () => {
    const t = `${TITLE}全年在市级以上媒体刊发稿件\n（此处隐藏512字，开通会员后阅读）\n题宣传活动18场，覆盖干部群众2000余人次。\n`;
    const layout = spans(t, 'layout');
    expect(layout).toHaveLength(1);
    expect(String(layout[0]![0]).startsWith('（此处隐藏512字')).toBe(true);
    expect(String(layout[0]![0]).endsWith('题宣传活动18场')).toBe(true);
    expect(layout[0]![2]).toBeNull();
  });
  it('a cut inside a paragraph: the finding starts at the notice, not before it', () => {
    const t = `${TITLE}局党组坚持每季度分析研判一次。全年在市级以上媒体刊发稿件 ……此处隐藏360个字…… 题宣传活动18场，覆盖干部群众2000余人次。\n`;
    const resumed = run(t).filter((f) => f.rule === 'layout' && f.message.includes('半句话'));
    expect(resumed.map((f) => t.slice(f.start, f.end))).toEqual(['……此处隐藏360个字…… 题宣传活动18场']);
  });
});

describe('recall: a list item without the full stop its siblings end with', () => {
  const LEAD = `${TITLE}今年以来，局党组从四个方面抓好意识形态工作。\n`;
  it('1.……。 2.……(none) 3.……。 4.……。: the second item gets 。', () => {
    const t = `${LEAD}1.加强理论武装，局党组全年召开中心组学习会议10次。\n2.压实工作责任，班子成员带头落实一岗双责\n3.抓好阵地管理，对局属网站和公众号开展排查2次。\n4.加强队伍建设，举办宣传骨干培训班1期。\n`;
    expect(spans(t, 'layout')).toEqual([['责', 'warning', '责。']]);
  });
  it('one in 一是/二是 items and （1） items too; two without among five with is still the slip', () => {
    const t = `${LEAD}一是加强理论武装，全年召开中心组学习会议10次。\n二是压实工作责任，班子成员带头落实一岗双责\n三是抓好阵地管理，对局属网站开展排查2次。\n四是加强队伍建设，举办培训班1期。\n`;
    // Here the next item starts with a character, so the older 段末没有标点 finding covers it (advice, no fix).
    expect(spans(t, 'layout')).toEqual([['双责\n', 'warning', null]]);
    const u = `${LEAD}（1）学习会议10次，专题研讨4次。\n（2）签订责任书18份，覆盖全部股室\n（3）排查网站和公众号2次。\n（4）举办培训班1期，培训60人次\n（5）开展主题宣传活动6场。\n（6）推送信息120条。\n（7）处置舆情2起。\n`;
    expect(spans(u, 'layout').map(([s, , r]) => [s, r])).toEqual([['室', '室。'], ['次', '次。']]);
  });
  it('items that all end without a mark, bare headings, and lists of two are left alone', () => {
    const bare = `${LEAD}1.加强理论武装，全年学习10次\n2.压实工作责任，签订责任书18份\n3.抓好阵地管理，排查网站2次\n`;
    expect(spans(bare, 'layout')).toEqual([]);
    const heads = `${LEAD}（一）加强理论武装。全年学习10次。\n（二）压实工作责任\n（三）抓好阵地管理。全年排查网站2次。\n`;
    expect(spans(heads, 'layout')).toEqual([]);
    const two = `${LEAD}1.加强理论武装，全年召开中心组学习会议10次。\n2.压实工作责任，班子成员带头落实一岗双责\n`;
    expect(spans(two, 'layout')).toEqual([]);
  });
});

describe('recall: one text, two forms of the same word (督查/督察), one of them once', () => {
  const T = '2025年县教育局意识形态工作专项督查情况报告\n';
  it('督查 throughout and 督察 once: the lone form gets the text’s own', () => {
    const t = `${T}县教育局组成3个督查组，对全县中小学开展意识形态工作专项督察。督查采取听取汇报、查阅资料等方式进行。\n`;
    expect(spans(t, 'consistency')).toEqual([['督察', 'warning', '督查']]);
  });
  it('督察 where its own context asks for it (环保督察, 督察长), and a text with each form once, are left', () => {
    const t = `${T}县教育局组成3个督查组开展专项督查，同时配合做好中央生态环境保护督察反馈问题整改。\n`;
    expect(spans(t, 'consistency')).toEqual([]);
    const u = `${T}县教育局开展专项督查，配合上级督察组工作。\n`;
    expect(spans(u, 'consistency')).toEqual([]);
  });
});

describe('recall: a named set cited whole with a member dropped (from the sourced table)', () => {
  it('牢牢掌握意识形态工作领导权和话语权 → 领导权、管理权、话语权', () => {
    const t = `${TITLE}局党组牢牢掌握意识形态工作领导权和话语权，每半年专题研究一次。\n`;
    expect(spans(t, 'formulation')).toEqual([['领导权和话语权', 'warning', '领导权、管理权、话语权']]);
  });
  it('the official pair 领导权和主动权, and two members without the citing words, are left', () => {
    const t = `${TITLE}局党组牢牢掌握意识形态工作领导权和主动权，每半年专题研究一次。\n`;
    expect(spans(t, 'formulation')).toEqual([]);
    const u = `${TITLE}网络阵地的管理权和话语权要抓在手上。\n`;
    expect(spans(u, 'formulation')).toEqual([]);
  });
});

describe('recall: a colon inside a ；-series', () => {
  it('the one colon between ；-clauses is a slip for ；', () => {
    const t = `${TITLE}下一步，局党组将持续加强理论学习；压实意识形态工作责任：抓好网站和公众号管理；建强宣传骨干队伍。\n`;
    expect(spans(t, 'punctuation')).toEqual([['：', 'warning', '；']]);
  });
  it('a colon whose clause gives the figures explains its clause and is left', () => {
    const t = `${TITLE}局党组坚持每季度专题研究意识形态工作；班子成员带头讲党课：全年讲授专题党课6次；局属网站实行三审三校制度。\n`;
    expect(spans(t, 'punctuation')).toEqual([]);
  });
  it('a lead-in colon, a colon after the first clause, and colons in marked items are left', () => {
    const lead = `${TITLE}局党组坚持每季度专题研究意识形态工作；会议明确要求：各股室每月报送信息；局属网站实行三审三校制度。\n`;
    expect(spans(lead, 'punctuation')).toEqual([]);
    const first = `${TITLE}主要做法：局党组坚持每季度专题研究意识形态工作；班子成员带头讲党课；局属网站实行三审三校制度。\n`;
    expect(spans(first, 'punctuation')).toEqual([]);
    const items = `${TITLE}局党组从三方面推进：一是强化学习，全年学习10次；二是压实责任：签订责任书18份；三是管好阵地，排查网站2次。\n`;
    expect(spans(items, 'punctuation')).toEqual([]);
  });
});

describe('wrong fix: the 思想上政治上行动上 clause with 高度 dropped is fixed whole', () => {
  it('a reordered triple and 保持一致: one finding, both fixed', () => {
    const t = `${TITLE}全局党员干部在政治、思想、行动上同党中央保持一致，坚决做到令行禁止。\n`;
    expect(spans(t, 'formulation')).toEqual([['政治、思想、行动上同党中央保持一致', 'warning', '思想上政治上行动上同党中央保持高度一致']]);
  });
  it('the right triple without 高度 gets 高度; the whole formula is clean; a reordered triple with 高度 is fixed as before', () => {
    const t = `${TITLE}全局党员干部在思想上政治上行动上同以习近平同志为核心的党中央保持一致。\n`;
    expect(spans(t, 'formulation')).toEqual([['思想上政治上行动上同以习近平同志为核心的党中央保持一致', 'warning', '思想上政治上行动上同以习近平同志为核心的党中央保持高度一致']]);
    const ok = `${TITLE}全局党员干部在思想上政治上行动上同党中央保持高度一致。\n`;
    expect(spans(ok, 'formulation')).toEqual([]);
    const order = `${TITLE}全局党员干部在政治上思想上行动上同党中央保持高度一致。\n`;
    expect(spans(order, 'formulation')).toEqual([['政治上思想上行动上', 'error', '思想上政治上行动上']]);
  });
});

describe('after the blind r14 run (in-sample: written while looking at its misses and false alarms)', () => {
  it('a bracket opened again inside its own kind, one closer for both: the inner one is the extra', () => {
    const t = `${TITLE}如有疑问请与局办公室联系（地址：县府路8号，电话：1234567，电子邮箱：（office@example.cn）。\n`;
    const p = run(t).filter((f) => f.rule === 'punctuation');
    expect(p.map((f) => f.start)).toEqual([t.lastIndexOf('（')]);
    expect(p[0]!.replacement).toBeUndefined();
    const u = `${TITLE}局党组（含二级机构（共3个）负责人，全年学习10次。\n`;
    expect(run(u).filter((f) => f.rule === 'punctuation').map((f) => f.start)).toEqual([u.indexOf('（')]);
  });
  it('lines of leaked HTML tags, a list number before some of them, are one chrome block', () => {
    const t = `<div id="a1"></div><span id="a1"></span>\n  1. <blockquote id="a1"><rt id="a1"></rt></blockquote>\n  2. <meter id="a1"></meter>\n${TITLE}今年以来，局党组全年召开中心组学习会议10次。\n`;
    const f = run(t).filter((x) => x.severity !== 'info' && x.start < t.indexOf(TITLE));
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('debris');
  });
  it('a title run into its first heading after a breadcrumb that ends in the title', () => {
    const t = `当前位置：首页 > 工作总结 > 县水利局意识形态工作责任制落实情况的自查报告\n县水利局意识形态工作责任制落实情况的自查报告（一）强化理论武装。局党组全年学习10次。\n`;
    expect(run(t).some((f) => f.rule === 'layout' && t.slice(f.start, f.end).includes('告（一'))).toBe(true);
  });
  it('the 三个带头 with its middle member dropped (a hint since round 17); 主体教育, 职责范围的, 暧人心, 理论中心组, 2019工作', () => {
    const t = `${TITLE}班子成员带头抓意识形态工作，带头批评错误观点。扎实开展主体教育，对职责范围的意识形态工作负领导责任，让宣传暧人心。局理论中心组全年学习10次，现将2025工作开展情况报告如下。\n`;
    const all = run(t).filter((f) => f.severity !== 'info').map((f) => [t.slice(f.start, f.end), f.replacement ?? null]);
    expect(all).toEqual(expect.arrayContaining([
      ['主体教育', '主题教育'],
      ['职责范围的', '职责范围内的'],
      ['暧人心', '暖人心'],
      ['2025', '2025年'],
    ]));
    // Round 12: 理论中心组 is a short form in use (r17's labeller accepts it): a hint without a fix.
    expect(run(t).filter((f) => t.slice(f.start, f.end) === '理论中心组').map((f) => [f.severity, f.replacement ?? null])).toEqual([['info', null]]);
  });
  it('以学生为主体教育…, 职责范围的界定 and a space after ） in the body are left', () => {
    const t = `${TITLE}坚持以学生为主体教育引导青年，明确职责范围的界定。\n`;
    expect(run(t).filter((f) => f.rule === 'typo')).toEqual([]);
  });
  it('a space after ） inside the title is deleted', () => {
    const t = '县委宣传部（县委网信办） 2025年信息公开工作年度报告\n全年主动公开信息120条。\n';
    expect(spans(t, 'layout')).toContainEqual([' ', 'warning', '']);
  });
});

describe('after the blind r15 run (in-sample: written while looking at its false alarms)', () => {
  it('a copy wrapped at a fixed width: its full lines\' breaks and its spaces around numbers are one warning each (rounds 16, 17), and 12 日 opening a line is no page number', () => {
    const lines = [
      '县水利局关于2025年意识形态工作情况的报告',
      '今年以来，县水利局党组认真贯彻落实上级关于意识形态工',
      '作的部署要求，2025 年1-6 月共召开党组会议学习 15 次，',
      '其中专题研讨 4 次，组织干部职工参加网络培训和线下学习',
      '活动，进一步压实了意识形态工作责任，并于3月',
      '12 日组织学习了《关于加强新时代水利宣传工作的意',
      '见》，要求各股室结合实际抓好贯彻落实，切实把意识形态',
      '工作同业务工作一同部署、一同落实、一同检查、一同考核。',
    ];
    const t = `${lines.join('\n')}\n`;
    const f = run(t).filter((x) => x.severity !== 'info');
    expect(f.filter((x) => x.rule === 'debris' || x.rule === 'punctuation')).toEqual([]);
    // Round 16: ten draws' labellers mark each space inside a line of the pasted copy, none marks it as a false alarm.
    expect(f.filter((x) => x.rule === 'layout' && x.message !== WRAP_BREAK).map((x) => t.slice(x.start, x.end).trim())).toEqual(['2025', '6', '15', '4', '12']);
    // Round 17: each line's break too (……并于3月 is within a fifth of the copy's width: its digits are narrow).
    expect(f.filter((x) => x.message === WRAP_BREAK).map((x) => t.slice(x.start - 2, x.start))).toEqual(['态工', '次，', '学习', '3月', '的意', '形态']);
  });
  it('a portal metadata table whose labels are padded with spaces is chrome, not spaces to delete', () => {
    const t = `登录| 注册\n索  引 号： 000000000/2025-00001\n分  类： 综合政务（其他） ；  其他\n发文机关： 县水利局\n标      题： 2025年县水利局意识形态工作总结\n发布日期： 2025年12月1日\n${TITLE}局党组全年召开中心组学习会议10次。\n`;
    const f = run(t).filter((x) => x.severity !== 'info' && x.start < t.indexOf(TITLE));
    expect(f.every((x) => x.rule === 'debris' && x.replacement === undefined)).toBe(true);
  });
  it('a page whose breaks were lost in two paragraphs: one warning, then a hint', () => {
    const para = '现将情况报告如下。 一、主要做法 （一）加强理论武装 局党组全年学习10次。 （二）压实责任 签订责任书18份。';
    const t = `${TITLE}${para}\n${para.replace('一、主要做法', '二、存在问题')}\n`;
    const layout = run(t).filter((x) => x.rule === 'layout');
    const first = layout.filter((x) => x.start < t.indexOf('\n', TITLE.length));
    const second = layout.filter((x) => x.start > t.indexOf('\n', TITLE.length));
    expect(first.length).toBeGreaterThan(1);
    expect(first.every((x) => x.severity === 'warning')).toBe(true);
    expect(second.length).toBeGreaterThan(1);
    expect(second.every((x) => x.severity === 'info')).toBe(true);
  });
  it('part of a named set in another order is a hint; the whole set out of order stays a warning, except the 四同 (round 17)', () => {
    const t = `${TITLE}把意识形态工作与业务工作同部署、同考核、同落实。\n`;
    expect(spans(t, 'formulation').map(([, s]) => s)).toEqual(['info']);
    const u = `${TITLE}把意识形态工作与业务工作同部署、同检查、同落实、同考核。\n`;
    expect(spans(u, 'formulation').map(([, s]) => s)).toEqual(['info']);
    const v = `${TITLE}做到守土负责、守土有责、守土尽责。\n`;
    expect(spans(v, 'formulation').map(([, s]) => s)).toEqual(['warning']);
  });
});

describe('after the blind r15 run (in-sample): its misses as families', () => {
  it('a mark inside 意识形态 and 党委织 are no words', () => {
    const t = `${TITLE}局党组研究意、识形态工作，推进学习型党委织建设。\n`;
    expect(spans(t, 'typo')).toEqual([['意、识形态', 'error', '意识形态'], ['党委织', 'error', '党组织']]);
  });
  it('a space before an opening “ or 《 inside a sentence is found (advice since round 14); a dateline or a heading run in keeps it', () => {
    const t = `${TITLE}班子成员认真履行 “一岗双责”，组织学习 《中国共产党宣传工作条例》。\n`;
    expect(spans(t, 'layout')).toEqual([[' ', 'warning', null], [' ', 'warning', null]]);
  });
  it('a column name alone above the title is chrome; a title joined from two lines keeps no space before 关于', () => {
    const t = `医院动态\n中共南河县人民医院委员会 关于加强意识形态工作情况的报告\n院党委全年召开专题会议4次。\n`;
    const f = run(t).filter((x) => x.severity !== 'info');
    expect(f.map((x) => [x.rule, t.slice(x.start, x.end)])).toEqual([['debris', '医院动态'], ['layout', ' ']]);
  });
  it('<…> inside 《》 → 〈〉', () => {
    const t = `${TITLE}局党组学习了《关于贯彻<县水利宣传工作若干措施>的通知》。\n`;
    expect(spans(t, 'punctuation')).toEqual([['<县水利宣传工作若干措施>', 'warning', '〈县水利宣传工作若干措施〉']]);
  });
});
