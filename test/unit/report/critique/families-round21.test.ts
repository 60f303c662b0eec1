/**
 * Round 21 (issue 24). Written after set O (r121–r124) was read, as families in our own words: a converter's reading
 * inside a word, 及 ending a word, a list restarted under a label line, lists inside an item, a clipped 党委（组） as a
 * hint, the page-script finding on a short anchor, old variant forms (旳), word slips, 二 before a measure word, a spun
 * working line, a title glued to its first sentence, an activity's name between spaces, 、 before 并, a sharing site's
 * Markdown-numbered notice, garbled code pages, a congress cut out before 精神, 系列讲话 with no speaker.
 */
import { describe, expect, it } from 'vitest';
import { applyAll, run } from './helpers.js';

const TITLE = '青川县文化和旅游局党组关于2025年度意识形态工作责任制落实情况的报告\n';
const serious = (t: string, rule?: string) => run(t).filter((f) => f.severity !== 'info' && (!rule || f.rule === rule)).map((f) => [t.slice(f.start, f.end), f.replacement ?? null]);

describe('precision', () => {
  it('新思想 inside 创新思想 is no short name, also with a converter\'s reading between; 新思想 alone is a hint', () => {
    const t = `${TITLE}局党组搭建创（chuàng）新思想引领平台，创新思想政治教育方式。\n`;
    expect(serious(t, 'xi')).toEqual([]);
    expect(run(`${TITLE}局党组用新思想武装头脑。\n`).filter((f) => f.rule === 'xi').map((f) => f.severity)).toEqual(['info']);
  });

  it('及 at the end of a word (触手可及, 力所能及) is no dangling conjunction', () => {
    expect(serious(`${TITLE}建成“十分钟可及、群众身边”的文化圈，做力所能及、群众满意的事。\n`, 'punctuation')).toEqual([]);
    expect(serious(`${TITLE}局党组加强学习及，推动工作落实。\n`, 'punctuation').map(([x]) => x)).toEqual(['及']);
  });

  it('a label line of its own (建议措施：) starts a new list at 1', () => {
    const t = `${TITLE}舆情概况：\n1.网络信息总体平稳。\n2.负面信息较少。\n建议措施：\n1.加强日常监测。\n2.完善处置流程。\n`;
    expect(serious(t, 'numbering').filter(([x]) => x === '1.')).toEqual([]);
  });

  it('a list inside an item ends and the outer list goes on (二是……：一是……四是……。三是)', () => {
    const t = `${TITLE}一是抓学习。全年集中学习12次。二是抓教育。教育有四种方式：一是集中讲授。二是案例剖析。三是现场体验。四是网上答题。三是抓阵地。全年审核信息200条。\n`;
    expect(serious(t, 'numbering')).toEqual([]);
  });

  it('a half-width full stop after a character still ends the item before 二是', () => {
    const t = `${TITLE}一是抓学习，全年集中学习12次.二是抓阵地，全年审核信息200条。二是抓队伍，培训通讯员30名。\n`;
    expect(serious(t, 'numbering').map(([x]) => x)).toEqual(['二是']);
  });

  it('党委（组） is a hint, not a fix', () => {
    const t = `${TITLE}局党组按照上级党委（组）的要求开展工作。\n`;
    expect(serious(t, 'formulation')).toEqual([]);
    expect(run(t).filter((f) => f.rule === 'formulation').map((f) => f.severity)).toEqual(['info']);
  });

  it('the page-script finding anchors on the first clause with a traditional character, not the whole line', () => {
    const t = `${TITLE}今年以來，局黨組認真貫徹上級決策部署，紮實開展各項工作，意識形態領域總體穩定，幹部職工思想統一。\n`;
    const f = run(t).find((x) => x.message.includes('繁体字'))!;
    expect(t.slice(f.start, f.end)).toBe('今年以來');
  });
});

describe('word slips and old forms', () => {
  it('旳 is the old form of 的, each replaced', () => {
    const t = `${TITLE}文化站是群众活动旳阵地，在局党组旳领导下开展工作。\n`;
    expect(serious(t, 'typo')).toEqual([['旳', '的'], ['旳', '的']]);
  });

  it('录相, 部置, 尊敬各位, 服务与大局, 有条不稳', () => {
    const t = `${TITLE}尊敬各位领导：局里购置录相设备，按照决策部置，坚持服务与大局，各项工作有条不稳推进。\n`;
    expect(serious(t, 'typo')).toEqual([['尊敬各位', '尊敬的各位'], ['录相', '录像'], ['部置', '部署'], ['服务与大局', '服务于大局'], ['有条不稳', '有条不紊']]);
    expect(serious(`${TITLE}及时记录相关情况，全部置于显著位置。\n`, 'typo')).toEqual([]);
  });

  it('党支书记 is a slip of 党支部书记 or 党总支书记: a warning without a fix', () => {
    expect(serious(`${TITLE}由学院党支书记任组长。\n`, 'typo')).toEqual([['党支书记', null]]);
  });

  it('二 before a measure word counts as 两; ordinals and longer numbers keep 二', () => {
    const t = `${TITLE}局党组推出二项举措，建立二个机制。第二项任务、十二项措施、一、二批名单照常推进。\n`;
    expect(serious(t, 'typo').map(([x]) => x)).toEqual(['二项', '二个']);
  });

  it('a spun working line (环绕中心、效劳大局) and a spun 宣传思想文化', () => {
    const t = `${TITLE}局党组坚持环绕中心、效劳大局，扎实做好宣扬思想文化工作。\n`;
    expect(serious(t, 'formulation')).toEqual([['环绕中心、效劳大局', '围绕中心、服务大局'], ['宣扬思想文化', '宣传思想文化']]);
    expect(serious(`${TITLE}局党组积极宣扬先进文化，为群众效劳。\n`, 'formulation')).toEqual([]);
  });
});

describe('layout and punctuation', () => {
  it('a title glued to its first sentence gets its break back', () => {
    const t = '青川县文化馆2025年精神文明建设工作总结为深入贯彻上级部署，馆党支部认真开展文明创建工作。\n';
    const f = run(t).filter((x) => x.rule === 'layout' && x.severity !== 'info');
    expect(f.map((x) => [t.slice(x.start, x.end), x.replacement])).toEqual([['工作总结', '工作总结\n']]);
    expect(applyAll(t, f)).toContain('工作总结\n为深入贯彻');
    expect(serious('馆党支部认真撰写工作总结为下一步工作打基础。\n', 'layout')).toEqual([]);
  });

  it('an activity\'s name between spaces lost its quotation marks', () => {
    const t = `${TITLE}局党组在系统内开展 书香机关 活动，全年举办读书会6场。\n`;
    expect(serious(t, 'punctuation')).toEqual([[' 书香机关 ', '“书香机关”']]);
  });

  it('、 before 并 or 同时 is a comma; 并购 and 并列 are words', () => {
    const t = `${TITLE}局里悬挂标语、并制作展板，统一思想、同时加强管理。企业兼并、并购重组。\n`;
    expect(serious(t, 'punctuation')).toEqual([['、', '，'], ['、', '，']]);
  });
});

describe('chrome, garbling and cut names', () => {
  it('a sharing site\'s notice rendered as a Markdown list (1. 1、……) is one chrome block', () => {
    const t = `${TITLE}合集下载\n  1. 1、下载文档前请自行核对文档内容，平台不提供编辑服务。\n  2. 2、"部分预览"的文档不可在线预览全部内容，可申请退款。\n局党组全年专题研究意识形态工作4次。\n`;
    const f = run(t).filter((x) => x.rule === 'debris');
    expect(f).toHaveLength(1);
    expect(t.slice(f[0]!.start, f[0]!.end)).toContain('合集下载');
    expect(serious(t, 'punctuation')).toEqual([]);
  });

  it('注音符号 and box-drawing strokes amid Han text are a garbled stretch, one finding', () => {
    const t = `${TITLE}局党组开展了以下工作：。ㄒ唬┮庾R工作。全年学习12次。\n`;
    const f = serious(t, 'debris');
    expect(f).toHaveLength(1);
    expect(f[0]![0]).toBe('ㄒ');
  });

  it('a converter\'s reading after a garbled capital is still a reading', () => {
    const t = `${TITLE}今年以來，局黨組認真開展各項工作，取得了一定成效，F（xiàn）將有關情況匯報如下。\n`;
    expect(serious(t, 'debris').map(([x]) => x)).toContain('（xiàn）');
  });

  it('a congress cut out before 精神, or a spirit with no name at all', () => {
    const t = `${TITLE}局党组认真贯彻落实党的精神，全面贯彻落实精神，弘扬党的精神和优良传统，学习雷锋精神。\n`;
    expect(serious(t, 'placeholder').map(([x]) => x)).toEqual(['党的精神', '精神']);
  });

  it('系列讲话 with no speaker takes his name, title and 重要; the 两学一做 wording stays', () => {
    const t = `${TITLE}以党的十九大、系列讲话精神为主线。开展“学党章党规、学系列讲话，做合格党员”学习教育。\n`;
    expect(serious(t, 'xi')).toEqual([['系列讲话', '习近平总书记系列重要讲话']]);
  });
});

describe('after set P (r125–r128, in-sample)', () => {
  it('a sample site\'s "……怎么写？" title, its 我要投稿 bar and a page counter at a line\'s start are chrome', () => {
    const t = `宣传委员述职报告怎么写？\n我要投稿 投诉建议\n第1页共3页[述职报告]${TITLE}局党组全年专题研究意识形态工作4次。\n`;
    const f = run(t).filter((x) => x.rule === 'debris');
    expect(f.map((x) => t.slice(x.start, x.end))).toEqual(['宣传委员述职报告怎么写？\n我要投稿 投诉建议', '第1页共3页']);
    expect(serious(`${TITLE}述职报告怎么写，是新任干部常问的问题，局党组为此组织了专题培训。\n`, 'debris')).toEqual([]);
  });

  it('心德体会, 瞑思苦想, 建全, 列会, 联系会 in a meeting\'s name', () => {
    const t = `${TITLE}局党组建全工作机制，落实周列会制度和部门联系会制度，交流学习心德体会，不再瞑思苦想。\n`;
    expect(serious(t, 'typo')).toEqual([['建全', '健全'], ['列会', '例会'], ['联系会', '联席会'], ['心德体会', '心得体会'], ['瞑思苦想', '冥思苦想']]);
    expect(serious(`${TITLE}局党组召开系列会议，联系会员单位。\n`, 'typo')).toEqual([]);
  });

  it('广大 spun to 广阔 before the people it names; 广阔 of space stays', () => {
    const t = `${TITLE}局党组团结广阔干部职工，服务广阔群众，拓展广阔天地。\n`;
    expect(serious(t, 'formulation')).toEqual([['广阔干部', '广大干部'], ['广阔群众', '广大群众']]);
  });

  it('最大限度 before a verb is pointed at as 地, a hint like its kin (的 + verb may be a noun phrase)', () => {
    const t = `${TITLE}局党组最大限度的减少负面影响。\n`;
    expect(run(t).filter((f) => f.rule === 'typo').map((f) => [t.slice(f.start, f.end), f.severity])).toEqual([['最大限度的', 'info']]);
  });

  it('kana amid Han text is a garbled stretch', () => {
    const t = `${TITLE}局党组占了近三分之一。ぷ鞒煽兿工作。\n`;
    expect(serious(t, 'debris').map(([x]) => x)).toEqual(['ぷ']);
  });

  it('numbered items run in after a full stop stay warnings, inline or glued (round 21 tried a hint; r138 marks them)', () => {
    const inline = `${TITLE}二、存在问题\n一是认识不足，工作不好开展。2、经费短缺。由于财政困难，经费不足。3、活动较少。全年仅开展两次。\n`;
    expect(serious(inline, 'layout').map(([x]) => x)).toEqual(['2、', '3、']);
  });

  it('政治思想工作 is warned without an automatic fix', () => {
    expect(serious(`${TITLE}局党组加强政治思想工作。\n`, 'typo')).toEqual([['政治思想工作', null]]);
  });
});

describe('after set Q (r129–r132, in-sample)', () => {
  it('the 党风廉政 四个亲自 is its own set, not a slip of the 意识形态 三个亲自', () => {
    const t = `${TITLE}书记落实“四个亲自”（重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要案件亲自督办）。\n`;
    expect(serious(t, 'formulation')).toEqual([]);
    const slip = `${TITLE}书记做到重要工作亲自部署、重要问题亲自过问、重大事件亲自处理。\n`;
    expect(serious(slip, 'formulation').map(([x]) => x)).toEqual(['处理']);
  });

  it('the thought named in his own quoted words needs no name; outside them it does', () => {
    const t = `${TITLE}总书记在考察时强调“要做好学习贯彻新时代中国特色社会主义思想的转化工作”。局党组认真学习新时代中国特色社会主义思想。\n`;
    const f = run(t).filter((x) => x.rule === 'xi' && t.slice(x.start, x.end) === '新时代中国特色社会主义思想');
    expect(f.map((x) => x.start)).toEqual([t.lastIndexOf('新时代中国特色社会主义思想')]);
  });

  it('a page title carrying the site\'s tag (【通用文档】) is chrome, and the document title below it is no duplicate', () => {
    const t = `青川县理论宣讲工作调研报告 【通用文档】\n\n发布时间：2024-05-06 10:00:00\n\n青川县理论宣讲工作调研报告\n\n县委宣传部组织宣讲团开展宣讲120场。\n`;
    expect(run(t).filter((f) => f.rule === 'duplicate' && f.severity !== 'info')).toEqual([]);
    const chrome = run(t).filter((f) => f.rule === 'debris');
    expect(t.slice(chrome[0]!.start, chrome[0]!.end)).toContain('【通用文档】');
  });

  it('in a wrapped copy, a form\'s field lines and a line printed twice keep their breaks', () => {
    const body = '县委宣传部组织全县各级党组织认真学习贯彻党的二十届四中全会精神，广泛开展宣讲活动，\n推动学习往深里走往实里走，全年共开展集中宣讲一百二十场次，\n覆盖党员干部群众一万余人次，取得了较好的学习效果，受到了群众的普遍欢迎和好评。\n';
    const t = `意识形态分析研判会议记录\n意识形态分析研判会议记录\n会议时间：2025年9月1日\n会议地点：局三楼会议室\n${body}`;
    const joins = run(t).filter((f) => f.replacement === '' && f.rule === 'layout').map((f) => t.slice(f.start - 4, f.start));
    expect(joins.some((x) => x.endsWith('会议记录') || x.endsWith('日') || x.endsWith('议室'))).toBe(false);
  });
});

describe('after set R (r133–r136, in-sample)', () => {
  it('村（社区）“两委” and the “两新”组织: the notices\' quotation marks are a hint when left out (round 22)', () => {
    const t = `${TITLE}镇党委指导社区两委换届，推动两新组织党建；村“两委”成员和“两新”组织党员参加培训。\n`;
    expect(serious(t, 'punctuation')).toEqual([]);
    expect(run(t).filter((f) => f.rule === 'punctuation').map((f) => [t.slice(f.start, f.end), f.severity, f.replacement ?? null])).toEqual([
      ['两委', 'info', null],
      ['两新', 'info', null],
    ]);
  });

  it('a spinner\'s 根本国策, 男女公平, 仔细贯彻 and 身心进展; the words alone stay', () => {
    const t = `${TITLE}局党组仔细贯彻男女公平根本国策，促进青少年身心进展。工作取得进展，要仔细核对，解决根本问题。\n`;
    expect(serious(t, 'formulation').map(([x, r]) => `${x}→${r}`)).toEqual(['仔细贯彻→认真贯彻', '男女公平→男女平等', '根本国策→基本国策', '身心进展→身心发展']);
  });

  it('会议 before a congress\'s or a plenary\'s 精神 says the meeting twice', () => {
    const t = `${TITLE}局党组学习党的二十大会议精神和二十届四中全会会议精神，传达县委常委会会议精神。\n`;
    expect(serious(t, 'typo').map(([x]) => x)).toEqual(['会议精神', '会议精神']);
  });

  it('a county\'s or a city\'s inspection group is a 巡察组; the province\'s is a 巡视组', () => {
    const t = `${TITLE}局党组配合县委第二巡视组开展工作，学习省委巡视组反馈意见。\n`;
    expect(serious(t, 'typo')).toEqual([['巡视', '巡察']]);
  });

  it('党 stripped from 党员干部 and 党纪学习教育 by a site', () => {
    const t = `${TITLE}局党组组织少数员干部参加纪学习教育，公务员干部队伍和党员干部参加党纪学习教育。\n`;
    expect(serious(t, 'typo').map(([x]) => x)).toEqual(['员干部', '纪学习教育']);
  });

  it('two committees run together take a 顿号; 市委市政府 is the accepted pair', () => {
    const t = `${TITLE}局党组按照省委市委要求和市委市政府部署开展工作。\n`;
    expect(serious(t, 'punctuation')).toEqual([['省委', '省委、']]);
  });

  it('a site\'s table-of-contents label, preview label and image-credit line are chrome', () => {
    const t = `本文目录导读：\n${TITLE}内容预览：\n图片来源于网络，如有侵权联系删除\n局党组全年专题研究意识形态工作4次。\n`;
    const f = run(t).filter((x) => x.rule === 'debris').map((x) => t.slice(x.start, x.end));
    expect(f.join('|')).toContain('本文目录导读');
    expect(f.join('|')).toContain('图片来源于网络');
  });

  it('a page title with the sharing site\'s page count (_共7页) is chrome, and a title line is never joined to the body as a wrap', () => {
    const body = Array.from({ length: 6 }, (_, i) => `团市委组织开展第${i + 1}批青年志愿服务活动，覆盖全市各区县青年群体，\n`).join('');
    const t = `共青团某市委五年工作综述_共7页\n共青团某市委五年工作综述\n${body}`;
    const f = run(t).filter((x) => x.rule === 'layout' && x.replacement === '');
    expect(f.some((x) => x.start < t.indexOf('\n', t.indexOf('综述\n') + 1) + 1)).toBe(false);
    expect(run(t).some((x) => x.rule === 'debris' && t.slice(x.start, x.end).includes('_共7页'))).toBe(true);
  });
});
