/**
 * Round 20 (issue 24). Written after set J (r100–r107) was read, as families in our own words: pinyin readings a
 * converter put after characters, list bullets standing for headings, a member site's account bar and tab title, the
 * thought's name after 学习 with 习近平 dropped, 总书记 without his name before a visit's speech or an expectation,
 * 第一议题 and 直接责任, 近 with 余, 有针对性的, 顺利地 and 创造性地, and the three outlooks' order as a hint.
 */
import { describe, expect, it } from 'vitest';
import { applyAll, run } from './helpers.js';

const TITLE = '青川县农业农村局党组关于2025年度意识形态工作责任制落实情况的报告\n';
const serious = (t: string, rule?: string) => run(t).filter((f) => f.severity !== 'info' && (!rule || f.rule === rule)).map((f) => [t.slice(f.start, f.end), f.replacement ?? null]);

describe('pinyin readings a converter left', () => {
  it('each reading with a tone mark after a character is one finding that deletes it, in either script', () => {
    const t = `${TITLE}局党组把意识（shí）形态工作纳入年度考核，全年开展專（zhuān）题研判4次，组织干部职工集中学习12次（含线上）。\n`;
    expect(serious(t, 'debris')).toEqual([['（shí）', ''], ['（zhuān）', '']]);
    expect(applyAll(t, run(t).filter((f) => f.rule === 'debris'))).toContain('意识形态工作纳入年度考核，全年开展專题研判');
  });

  it('Latin in brackets without a tone mark (an abbreviation, an app) is the writer\'s', () => {
    const t = `${TITLE}局属政务新媒体（APP）全年发布信息120条，网络平台（wechat）账号统一备案。\n`;
    expect(serious(t, 'debris')).toEqual([]);
  });
});

describe('list bullets for headings', () => {
  it('a bulleted line with no sentence above bulleted sentences is a heading and takes a number', () => {
    const t = `${TITLE}一、主要做法\n● 压实工作责任\n● 局党组全年专题研究意识形态工作4次。\n● 班子成员在分管领域落实“一岗双责”。\n● 守好宣传阵地\n● 全年审核局属公众号信息120条。\n`;
    expect(serious(t, 'numbering').map(([x]) => x)).toEqual(['● 压实工作责任', '● 守好宣传阵地']);
  });

  it('a list of bulleted sentences alone, or of short items alone, is the writer\'s list', () => {
    const t = `${TITLE}一、主要做法\n● 局党组全年专题研究意识形态工作4次。\n● 全年审核局属公众号信息120条。\n二、下一步打算\n● 理论武装\n● 阵地管理\n`;
    expect(serious(t, 'numbering')).toEqual([]);
  });
});

describe('a member site\'s bars', () => {
  it('an account bar and a tab title of two site names join the chrome block', () => {
    const t = `范文大全网 - 秘书写作之家\n用户登录 免费注册 退出\n${TITLE}局党组全年专题研究意识形态工作4次。\n`;
    const debris = run(t).filter((f) => f.rule === 'debris').map((f) => t.slice(f.start, f.end));
    expect(debris).toEqual(['范文大全网 - 秘书写作之家\n用户登录 免费注册 退出']);
  });

  it('one account word in a sentence stays prose', () => {
    const t = `${TITLE}督促干部职工登录“学习强国”学习平台，注册率达到100%。\n`;
    expect(run(t).filter((f) => f.rule === 'debris')).toEqual([]);
  });
});

describe('the thought and the leader\'s name', () => {
  it('学习 before the thought\'s name with 习近平 dropped is caught; 学习习近平… and 以习… are judged as before', () => {
    const t = `${TITLE}局党组坚持学习新时代中国特色社会主义思想，深入学习习近平新时代中国特色社会主义思想。\n`;
    expect(serious(t, 'xi')).toEqual([['新时代中国特色社会主义思想', '习近平新时代中国特色社会主义思想']]);
  });

  it('总书记 without his name before a visit\'s speech or an expectation takes it', () => {
    const t = `${TITLE}深入学习贯彻总书记来川视察重要讲话精神，牢记总书记对农业农村工作的殷切期望。\n`;
    expect(serious(t, 'xi')).toEqual([['总书记', '习近平总书记'], ['总书记', '习近平总书记']]);
  });
});

describe('terms and counts', () => {
  it('第一议程 for the study item 第一议题, and 分管领导 with 具体责任 for the 直接责任 of the 实施办法', () => {
    const t = `${TITLE}局党组落实“第一议程”制度，书记履行第一责任人责任，分管领导具体责任。会议第一项议程是传达文件。\n`;
    expect(serious(t, 'typo')).toEqual([['第一议程', '第一议题'], ['具体责任', '直接责任']]);
  });

  it('近 and 余 on one count contradict each other; 附近 is no 近', () => {
    const t = `${TITLE}全年开展理论宣讲近60余场，附近30余户群众参加。\n`;
    expect(serious(t, 'numbers')).toEqual([['近', '']]);
  });

  it('有针对的 takes 性; 顺利的 and 创造性的 before a verb take 地', () => {
    const t = `${TITLE}组织有针对的专题学习，顺利的完成了年度任务，创造性的建立了研判机制，形成有针对性的措施。\n`;
    expect(serious(t, 'typo')).toEqual([['有针对', '有针对性'], ['顺利的', '顺利地'], ['创造性的', '创造性地']]);
  });

  it('a redundant word from the word table reads as redundant, not as a misspelling', () => {
    const t = `${TITLE}全年超过两万多人次参加线上学习。\n`;
    const f = run(t).find((x) => x.rule === 'typo');
    expect(f?.message).toContain('应删去');
    expect(f?.replacement).toBe('');
  });

  it('the three outlooks in another order are a hint without a fix (labellers divide)', () => {
    const t = `${TITLE}引导干部树立正确的人生观、价值观、世界观。\n`;
    const f = run(t).filter((x) => x.rule === 'formulation');
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0]?.replacement).toBeUndefined();
  });
});

/** Written after set K (r108–r111, the sister genre: 党建 and 全面从严治党 reports) was read. */
describe('set K families', () => {
  const K = '龙泉镇党委书记2024年度抓基层党建工作述职报告\n';

  it('a comma before the list\'s middle item (一是……，二是……。三是) is the slip, not a missing 二是', () => {
    const t = `${K}一是坚持每月召开党建例会，二是坚持党员积分管理。三是坚持书记领办项目。\n`;
    expect(serious(t, 'numbering')).toEqual([['，', '。']]);
  });

  it('a year run into its month takes 年; a half-masked count and a bracketed elision are placeholders', () => {
    const t = `${K}20246月份，全镇共有党员2XX名，〔……〕村党支部换届完成，[...]村评为先进。\n`;
    expect(serious(t).map(([x, r]) => [x, r])).toEqual([['20246', '2024年6'], ['XX', null], ['〔……〕', null], ['[...]', null]]);
  });

  it('spun 效劳 in service words, 烧黑除恶, the schools\' system and the 2013 campaign', () => {
    const t = `${K}创新岗位效劳，开展烧黑除恶宣传，落实党组织领导下的校长负责制，巩固走群众路线教育实践活动成果，愿为群众效劳。\n`;
    expect(serious(t).map(([x, r]) => [x, r])).toEqual([
      ['岗位效劳', '岗位服务'],
      ['烧黑除恶', '扫黑除恶'],
      ['党组织领导下的校长负责制', '党组织领导的校长负责制'],
      ['走群众路线教育实践活动', '党的群众路线教育实践活动'],
    ]);
  });

  it('习近平 before 系列重要讲话 takes his title; a body of his thought keeps the name even after a full mention', () => {
    const t = `${K}深入学习习近平系列重要讲话精神，全面学习贯彻总书记关于党的建设的重要思想。\n`;
    expect(serious(t, 'xi')).toEqual([['习近平', '习近平总书记'], ['总书记', '习近平总书记']]);
  });

  it('after a full mention in the paragraph a short 总书记 before a speech stays', () => {
    const t = `${K}深入学习习近平总书记重要讲话精神，把总书记重要讲话精神落到实处。\n`;
    expect(serious(t, 'xi')).toEqual([]);
  });
});

describe('a fix written into a page in traditional script', () => {
  it('takes the traditional form of a character the page does not show (习 → 習)', () => {
    const t = '龍泉鎮黨委關於2024年意識形態工作責任制落實情況的報告\n今年以來，鎮黨委認真學習_總書記關於宣傳思想工作的重要論述，把意識形態工作納入黨建工作責任制，全年專題研究意識形態工作4次。\n';
    const f = run(t).find((x) => x.rule === 'xi');
    expect(f?.replacement).toBe('習近平總書記');
  });
});

describe('set L families (after r112–r115 was read)', () => {
  it('corner quotes in a page in traditional script are the script\'s own: one script finding names them, none per mark', () => {
    const t = '龍泉鎮黨委關於2024年意識形態工作責任制落實情況的報告\n今年以來，鎮黨委落實「一岗雙責」，把意識形態工作納入黨建工作責任制，全年專題研究意識形態工作4次。\n';
    const f = run(t).filter((x) => x.severity !== 'info');
    expect(f.filter((x) => x.rule === 'punctuation')).toEqual([]);
    expect(f.find((x) => x.message.includes('繁体字'))?.suggestion).toContain('直角引号');
  });

  const L = '龙泉镇党委2023年度民主生活会对照检查材料\n';

  it('a spinner\'s swaps inside compounds (宣传栏, 夯实基础, 文化广播, 有则改之, 准则, 特别是), not the words themselves', () => {
    const t = `${L}制作宣扬栏8块，夯实根底，特殊是文化播送，做到有那么改之、无那么加勉，严守准那么。批驳宣扬错误思想的言论，干部根底扎实。\n`;
    expect(serious(t, 'formulation').map(([x]) => x)).toEqual(['宣扬栏', '夯实根底', '特殊是', '文化播送', '有那么改之', '无那么加勉', '准那么']);
  });

  it('slips of form and sound: 自已, 壮态, 副面, 一少部分, 报有, 学党规党章; 批示指示 reversed (an ordered pair)', () => {
    const t = `${L}自已精神壮态不佳，产生副面影响，一少部分同志报有侥幸心理，贯彻重要批示指示精神，开展学党规党章活动。\n`;
    expect(serious(t, 'typo').map(([x, r]) => [x, r])).toEqual([
      ['自已', '自己'],
      ['壮态', '状态'],
      ['副面', '负面'],
      ['一少部分', '一小部分'],
      ['报有', '抱有'],
      ['学党规党章', '学党章党规'],
    ]);
    expect(serious(t, 'formulation')).toEqual([['批示指示', '指示批示']]);
  });

  it('the name with its first character dropped takes it, and 以……为指引 with the name cut out is caught; 靠近平台 is no name', () => {
    const t = `${L}运用近平新时代中国特色社会主义思想武装头脑，始终以为指引，办公区靠近平台入口。深入学习习\n近平新时代中国特色社会主义思想，学习習（xí）近平總書記重要讲话。\n`;
    expect(serious(t, 'xi').map(([x]) => x)).toEqual(['近平', '以为']);
  });

  it('photo captions between blank lines on a news page are no copy wrapped at a fixed width', () => {
    const t = `${L}\n——龙泉镇2023年统战工作回顾\n\n2023年，镇党委全年召开统战工作专题会议4次，开展专题培训3场。\n\n开展统战专题授课\n\n在全市统战干部培训班上交流发言\n\n走访辖区统战系统相关单位和党外代表人士家庭\n\n接待外单位来镇调研\n\n全年走访党外代表人士32人次。\n`;
    expect(run(t).filter((f) => f.rule === 'layout')).toEqual([]);
  });

  it('an author\'s line under a newspaper headline (office, space, name) is no broken paragraph', () => {
    const t = `凝心铸魂赋能乡村振兴\n\n龙泉镇党委书记、镇长 李明华\n\n习近平总书记指出，宣传思想工作是一项极端重要的工作。镇党委始终把意识形态工作摆在突出位置。\n`;
    expect(run(t).filter((f) => f.rule === 'layout' && f.severity !== 'info')).toEqual([]);
  });
});

