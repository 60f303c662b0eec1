/**
 * Round 24 (issue 24). Written after the critic was run blind on provincial government work reports as their portals
 * serve them (P5a in CRITIC.md) and read: a portal's toolbar and breadcrumb broken one item per line, a speaker line,
 * a photo credit; a work report's review and plan parts; sets and grades of other fields. Fixtures are our own text.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const FEB = new Date('2026-02-10T00:00:00Z');
const serious = (t: string, rule?: string, now = FEB) => run(t, { now }).filter((f) => f.severity !== 'info' && (!rule || f.rule === rule)).map((f) => [t.slice(f.start, f.end), f.replacement ?? null]);

/** A work report of 2026 as a county portal serves it: its review of 2025 and the five years, then its plan. */
const REPORT = [
  '2026年南岭县政府工作报告',
  '——2026年1月20日在南岭县第十八届人民代表大会第五次会议上',
  '县长 程立言',
  '各位代表：',
  '现在，我代表县人民政府，向大会报告政府工作，请予审议。',
  '一、2025年和“十四五”时期工作回顾',
  '过去一年，我们扎实开展深入贯彻中央八项规定精神学习教育，政府作风持续改进。',
  '过去五年，我们认真开展党史学习教育，干部群众精神面貌焕然一新。',
  '（一）聚焦扩大内需，经济运行稳中有进。全年实施重点项目86个，完成投资120亿元。',
  '（二）聚焦产业升级，发展动能持续增强。新建标准厂房20万平方米，规上工业企业达到210家。',
  '（三）聚焦民生改善，群众获得感不断提升。城乡居民收入分别增长5.1%和6.3%，新改建农村公路180公里。',
  '二、2026年重点工作',
  '（一）扩大有效需求，稳住经济基本盘。',
  '全年力争实施重点项目90个，规上工业企业达到230家，推动东西两条干线公路建设。',
  '（二）推进产业升级，培育发展新动能。',
  '新建标准厂房25万平方米，继续推进东西两条干线公路建设，新改建农村公路150公里。',
  '（三）办好民生实事，增进百姓福祉。',
  '持续有序开展户厕改造，稳步提高城乡居民收入。',
].join('\n');

describe('a portal page around the report', () => {
  it('a toolbar broken one item per line is one chrome finding, its brackets and colon no findings of their own', () => {
    const t = `下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n${REPORT}\n`;
    const found = serious(t);
    expect(found.filter(([s]) => String(s).startsWith('下载'))).toEqual([[t.slice(0, t.indexOf('】') + 1), null]]);
    expect(found.filter(([s]) => s === '【' || s === '】')).toEqual([]);
  });

  it('a breadcrumb broken one item per line, and a label whose value went to the next line, are chrome', () => {
    const t = `分享:\n首页\n>\n政务公开\n>\n规划计划\n${REPORT.split('\n').slice(0, 2).join('\n')}\n时间：\n2026-01-22 10:05\n来源：\n南岭县人民政府\n${REPORT.split('\n').slice(2).join('\n')}\n`;
    const found = serious(t);
    // (The breadcrumb joins the chrome line above it: one block to delete.)
    expect(found.some(([s]) => s === '分享:\n首页\n>\n政务公开\n>\n规划计划')).toBe(true);
    expect(found.some(([s]) => String(s).startsWith('时间：\n2026-01-22'))).toBe(true);
    // 分享: is deleted whole; its half-width colon needs no fix of its own.
    expect(found.filter(([s]) => s === ':')).toEqual([]);
    // One word of a toolbar alone, or 首页 alone, is no chrome run.
    expect(serious(`${REPORT}\n下载\n`).filter(([s]) => s === '下载')).toEqual([]);
  });

  it('a news photo\'s caption and credit under the title is chrome; its space is not a finding of its own', () => {
    const t = REPORT.replace('县长 程立言\n', '县长 程立言\n程立言作政府工作报告。本报记者 方晓川摄\n');
    const found = serious(t);
    expect(found.filter(([s]) => s === '程立言作政府工作报告。本报记者 方晓川摄')).toHaveLength(1);
    expect(found.filter(([s]) => s === ' ' || s === '川摄')).toEqual([]);
  });

  it('the space between a post and the name in a speaker line is the writer\'s', () => {
    for (const line of ['县长 程立言', '州长 程立言', '自治区主席 扎西多吉', '省人民政府省长 程 言', '市长 阿依古丽·买买提']) {
      expect(serious(REPORT.replace('县长 程立言', line), 'layout')).toEqual([]);
    }
    // A space inside prose is still a finding.
    expect(serious(REPORT.replace('政府作风持续改进', '政府作风 持续改进'), 'layout').map(([s]) => s)).toEqual([' ']);
  });
});

describe('a work report\'s review and plan', () => {
  it('campaigns of the years a passage looks back on are history there, not current work', () => {
    expect(serious(REPORT, 'dates')).toEqual([]);
    // In the plan the same campaign as running now is still a slip.
    const t = REPORT.replace('持续有序开展户厕改造', '扎实开展深入贯彻中央八项规定精神学习教育，持续有序开展户厕改造');
    expect(serious(t, 'dates').map(([s]) => s)).toEqual(['深入贯彻中央八项规定精神学习教育']);
  });

  it('a plan restating a field of the review is no duplicate; a target is no inconsistent number', () => {
    expect(serious(REPORT, 'duplicate')).toEqual([]);
    expect(serious(REPORT, 'numbers')).toEqual([]);
    // Within one part, the same sentence twice is still found.
    const t = REPORT.replace('新建标准厂房25万平方米，继续推进东西两条干线公路建设，', '全年力争实施重点项目90个，规上工业企业达到230家，推动东西两条干线公路建设。');
    expect(serious(t, 'duplicate').length).toBe(1);
  });

  it('the review\'s run-in items and the plan\'s standalone ones are two lists, each consistent', () => {
    expect(serious(REPORT, 'layout')).toEqual([]);
    // One run-in item among standalone siblings of the same list is still found.
    const t = REPORT.replace('（二）推进产业升级，培育发展新动能。\n', '（二）推进产业升级，培育发展新动能。加快园区建设步伐。\n');
    expect(serious(t, 'layout').map(([, r]) => r)).toEqual(['。\n']);
  });
});

describe('words and sets of other fields', () => {
  it('一、二、三产业 is a list of numerals, not a repeated heading', () => {
    const t = REPORT.replace('全年实施重点项目86个', '一、二、三产业增加值分别增长3.2%、6.1%、5.4%。全年实施重点项目86个');
    expect(serious(t, 'numbering')).toEqual([]);
  });

  it('a verb in 建 before a word in 全 is not 建全; 建全 before what a unit makes sound still is', () => {
    expect(serious(`${REPORT}\n加快构建全球引才网络体系，创建全国文明城市工作机制。\n`, 'typo')).toEqual([]);
    expect(serious(`${REPORT}\n进一步建全工作机制。\n`, 'typo')).toEqual([['建全', '健全']]);
  });

  it('a field of study before a word in 学 is no doubled character', () => {
    expect(serious(`${REPORT}\n举办徽学学术研讨会，成立红学学会。\n`, 'typo')).toEqual([]);
    expect(serious(`${REPORT}\n组织干部认真学学习党章。\n`, 'typo').map(([s]) => s)).toEqual(['学学']);
  });

  it('a set the text names itself, members quoted before it, and another field\'s set of that name are not the central set', () => {
    expect(serious(`${REPORT}\n大力弘扬“敢闯敢试、马上就办、攻坚克难、久久为功、真抓实干”五种意识。\n`, 'formulation')).toEqual([]);
    expect(serious(`${REPORT}\n在寺庙常态化开展“三个意识”教育。深化“三个意识”教育成果。\n`, 'formulation')).toEqual([]);
    // Without its field, 三个意识 is the central set miscounted.
    expect(serious(`${REPORT}\n全体党员增强“三个意识”。\n`, 'formulation').map(([s]) => s)).toEqual(['三个意识']);
  });

  it('a grade in A\'s and a kind of unit counted are no slots', () => {
    expect(serious(`${REPORT}\n创建首家AAA企业，开放县（区、市）增加至12个，边境县（市）发展提速。\n`, 'placeholder')).toEqual([]);
    // A letter run standing for a word, and the unit's own level left as a choice, still are.
    expect(serious(`${REPORT}\n全县（市、区）党委坚持正确ZZ方向，落实AA责任。\n`, 'placeholder').length).toBeGreaterThanOrEqual(2);
  });

  it('户 that opens a word (户厕) is no count cut out', () => {
    expect(serious(REPORT, 'placeholder')).toEqual([]);
    expect(serious(`${REPORT}\n今年共走访了户群众。\n`, 'placeholder').map(([s]) => s)).toEqual(['户']);
  });
});

describe('after P5b (in-sample)', () => {
  it('a font-size control, a link prompt, a timestamp with its time and a related-links list are chrome', () => {
    const t = `2026年02月10日 07时41分\n【字体：\n大\n中\n小\n】\n${REPORT}\n》》点击图片进入专题《《\n相关链接>>\n南岭县人大关于政府工作报告的决议\n解读县政府工作报告：稳中求进 以进促稳\n`;
    const found = serious(t);
    expect(found.filter(([s]) => /[【】《》]/.test(String(s)) && String(s).length === 1)).toEqual([]);
    expect(found.some(([s]) => String(s).startsWith('2026年02月10日 07时41分'))).toBe(true);
    // (The link prompt and the related links after it are one block to delete.)
    expect(found.some(([s]) => String(s).startsWith('》》点击图片进入专题《《\n相关链接>>') && String(s).endsWith('以进促稳'))).toBe(true);
    expect(found.filter(([, r]) => r === '2026年2月10日')).toEqual([]);
    // A report's own date line, without a time of day, is no chrome.
    expect(serious(`${REPORT}\n2026年1月20日\n`, 'debris')).toEqual([]);
  });

  it('成都都市圈 and words read one character off (深化文化文艺, 构建共建共治共享) are no doublings', () => {
    const t = `${REPORT}\n推进成都都市圈建设。深化文化文艺精品工程，繁荣文化事业，发展文化产业。构建共建共治共享的治理格局，推进共建共享，共建美好家园。\n`;
    expect(serious(t, 'typo')).toEqual([]);
    // A word written twice still is.
    expect(serious(`${REPORT}\n推进文化文化事业发展。\n`, 'typo')).toEqual([['文化文化', '文化']]);
  });

  it('a numbered shorthand of documents keeps its quotes; a ? where a character stands is a lost character', () => {
    expect(serious(`${REPORT}\n全面落实“一规划两纲要”，推进依法行政。\n`, 'punctuation')).toEqual([]);
    expect(serious(`${REPORT}\n西干渠、?水灌区开工建设。\n`, 'punctuation')).toEqual([['?', null]]);
    expect(serious(`${REPORT}\n这样做对吗?我们认为不对。\n`, 'punctuation')).toEqual([['?', '？']]);
  });

  it('a bracketed meeting subtitle dates the title; PPP is an acronym; 民和、共和 are names', () => {
    const t = '政府工作报告\n（2026年1月20日在南岭县第十八届人民代表大会第五次会议上）\n县长 程立言\n各位代表：\n现在，我代表县人民政府向大会报告工作。规范实施PPP新机制。大通、民和、互助、共和等县城建设稳步推进。\n';
    expect(serious(t)).toEqual([]);
  });

  it('a heading\'s full stop is compared within its own list', () => {
    const t = REPORT.replace('（一）扩大有效需求，稳住经济基本盘。', '（一）扩大有效需求，稳住经济基本盘。').replace('（一）聚焦扩大内需，经济运行稳中有进。', '（一）聚焦扩大内需\n全年实施重点项目86个。').replace('（二）聚焦产业升级，发展动能持续增强。', '（二）聚焦产业升级\n新建标准厂房。').replace('（三）聚焦民生改善，群众获得感不断提升。', '（三）聚焦民生改善\n城乡居民收入增长。');
    expect(serious(t, 'punctuation')).toEqual([]);
  });

  it('a quote a page broke over lines is one pair; a heading number broken over two lines is joined, not missing', () => {
    const t = `${REPORT}\n7.“揭榜挂帅”：企业找技术、成果找市场“揭\n榜\n挂帅”的简称，由需求方出题。\n8.“灯塔工厂”：智能制造的示范工厂。\n9.“链长制”：由负责同志牵头抓产业链。\n`;
    expect(serious(t, 'punctuation')).toEqual([]);
    expect(serious(t, 'layout').filter(([, r]) => r === '揭。')).toEqual([]);
    const u = REPORT.replace('（三）聚焦民生改善', '（\n三）聚焦民生改善');
    expect(serious(u, 'numbering')).toEqual([]);
    expect(serious(u, 'layout')).toEqual([['\n', '']]);
  });

  it('a five years\' total and the last year\'s figure are two quantities', () => {
    const t = REPORT.replace('过去五年，我们认真开展党史学习教育，干部群众精神面貌焕然一新。', '这五年，我们认真开展党史学习教育，城镇累计新增就业12.5万人。').replace('全年实施重点项目86个，完成投资120亿元。', '全年实施重点项目86个，完成投资120亿元，城镇新增就业2.6万人。');
    expect(serious(t, 'numbers')).toEqual([]);
  });
});

describe('after P5c, the round\'s closing set (in-sample)', () => {
  it('an annex, or a sentence announcing a counted list, starts its numbering afresh; N. before a figure is still a number', () => {
    const annex = `${REPORT}\n附件\n2026年县级民生实事\n1.新建城乡公益性岗位500个。\n2.改造老旧小区12个。\n`;
    expect(serious(annex, 'numbering')).toEqual([]);
    const list = REPORT.replace('持续有序开展户厕改造，稳步提高城乡居民收入。', '扎实办好十件民生实事：\n一、提高城乡低保标准。\n二、新建托育机构8所。');
    expect(serious(list, 'numbering')).toEqual([]);
    const glossary = `${REPORT}\n附件\n名词解释\n1.“链长制”：由负责同志牵头抓产业链。\n2.2026年民生实事：十件为民办实事项目。\n3.5+2服务平台：覆盖五级两类的服务平台。\n4.“揭榜挂帅”：面向社会征集解决方案。\n`;
    expect(serious(glossary, 'numbering')).toEqual([]);
  });

  it('a review headed 成就 or 总结, and a paragraph opening on last year, look back', () => {
    const t = REPORT.replace('一、2025年和“十四五”时期工作回顾', '一、2025年工作总结和“十四五”发展成就').replace('过去一年，我们扎实开展', '刚刚过去的2025年，我们扎实开展').replace('过去五年，我们认真开展党史学习教育', '我们认真开展党史学习教育、党纪学习教育');
    expect(serious(t, 'period')).toEqual([]);
    expect(serious(t, 'dates')).toEqual([]);
    // 打赢脱贫攻坚战 and 党的百年 reported in a look back over five years.
    const u = REPORT.replace('干部群众精神面貌焕然一新。', '如期打赢脱贫攻坚战，隆重庆祝党的百年华诞。');
    expect(serious(u, 'period')).toEqual([]);
  });

  it('unnumbered part headings (“十四五”时期工作回顾 / 2026年重点工作) open the review and the plan', () => {
    const t = [
      '2026年南岭县政府工作报告',
      '各位代表：',
      '“十四五”时期工作回顾',
      '这五年，我们扎实开展党史学习教育，全县实施“三化”改造项目142个。',
      '刚刚过去的2025年，全县实施“三化”改造项目30个，全力推动南北两条干线公路建设。',
      '2026年重点工作',
      '重点抓好三个方面工作：',
      '（一）扩大有效需求',
      '全力推动南北两条干线公路建设，加快推进城区供水工程。',
      '（二）推进产业升级',
      '新建标准厂房25万平方米。',
      '（三）办好民生实事',
      '持续改善城乡居民生活条件。',
      '让我们更加紧密地团结在以习近平同志为核心的党中央周围，为全力推动南北两条干线公路建设而努力奋斗！',
    ].join('\n');
    const found = run(t, { now: FEB }).filter((f) => f.severity !== 'info');
    expect(found.filter((f) => ['dates', 'numbers', 'duplicate', 'counts', 'numbering'].includes(f.rule))).toEqual([]);
  });

  it('之和, 近3年年均, 作为为政之魂, AA级以上县（市、区）国企增至260家 are right as written', () => {
    const t = `${REPORT}\n生态产品价值是各类产品价值之和。全县生产总值近3年年均增长6%。始终把忠诚作为为政之魂。信用评级AA级以上县（市、区）国企增至260家。\n`;
    expect(serious(t)).toEqual([]);
  });

  it('a subtitle broken over two lines still dates the title', () => {
    const t = '政府工作报告\n——2026年1月20日在南岭县第十八届\n人民代表大会第五次会议上\n县长 程立言\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n';
    expect(run(t, { now: FEB }).filter((f) => f.rule === 'title' && f.message.includes('年份'))).toEqual([]);
  });

  it('ratios, ranges, subscripts, water classes, the congress term, a lost sign and the percent sign', () => {
    const t = `${REPORT}\n城乡居民收入比缩小至2.27:1，连续3-5年增长5%-5.5%，PM_2.5浓度下降，PM\n2.5\n浓度达标，消除劣V类水体，在南岭县十八届人民代表大会上报告，1个学科进入前1?。“启航计划” “先锋工程”同步推进，“1+ N”政策落地。\n`;
    const found = serious(t);
    const fixes: Record<string, string | null> = Object.fromEntries(found.map(([s, r]) => [String(s), r ?? null]));
    expect(fixes[':']).toBe('∶');
    expect(fixes['3-5']).toBe('3～5');
    expect(fixes['5%-5.5']).toBe('5%～5.5');
    expect(fixes['_']).toBe('');
    expect(fixes['\n2.5\n']).toBe('2.5');
    expect(fixes['V']).toBe('Ⅴ');
    expect(fixes['十八届人民代表大会']).toBe('第十八届人民代表大会');
    expect(found.some(([s, r]) => s === '?' && r === null)).toBe(true);
    expect(found.filter(([s, r]) => s === ' ' && r === '')).toHaveLength(2);
    // A clock time is no ratio, a year range takes the dash, and 比赛 is no ratio's 比.
    const u = `${REPORT}\n比赛于9:30开始，2021-2025年累计投资120亿元。\n`;
    expect(serious(u, 'punctuation')).toEqual([['2021-2025', '2021—2025']]);
    // % throughout and ％ once: the odd one is unified.
    const pct = `${REPORT}\n增长1%、2%、3%、4%、5%，另有一项增长6％。\n`;
    expect(serious(pct, 'punctuation')).toEqual([['％', '%']]);
  });

  it('a meeting subtitle without its dash, and two formulas in their order', () => {
    const t = REPORT.replace('——2026年1月20日在南岭县', '2026年1月20日在南岭县');
    expect(serious(t, 'layout')).toEqual([['2026', '——2026']]);
    const u = `${REPORT}\n坚决整治官僚主义、形式主义为基层减负，协同推进减污、降碳、扩绿、增长。协同推进降碳减污扩绿增长。\n`;
    expect(serious(u, 'formulation')).toEqual([['官僚主义、形式主义', '形式主义、官僚主义'], ['减污、降碳、扩绿、增长', '降碳、减污、扩绿、增长']]);
  });
});

describe('a subtitle broken over two lines (after P5c)', () => {
  it('is joined, and still dates the title', () => {
    const t = '政府工作报告\n——2026年1月20日在南岭县第十八届\n人民代表大会第五次会议上\n县长 程立言\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n';
    expect(serious(t, 'layout')).toEqual([['\n', '']]);
    expect(serious(t.replace('第十八届\n人民', '第十八届人民'), 'layout')).toEqual([]);
  });
});
