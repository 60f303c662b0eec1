/**
 * Round 23 (issue 24). Written after the critic was run on clean official prose (the State Council's government work
 * reports of 2021–2025, round 23 in CRITIC.md) and read: what such text does by right is no finding. Fixtures are our
 * own sentences.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const TITLE = '南岭镇党委关于2024年度基层党建工作情况的报告\n';
const serious = (t: string, rule?: string) => run(t).filter((f) => f.severity !== 'info' && (!rule || f.rule === rule)).map((f) => [t.slice(f.start, f.end), f.replacement ?? null]);
const hints = (t: string, rule: string) => run(t).filter((f) => f.severity === 'info' && f.rule === rule).map((f) => t.slice(f.start, f.end));

describe('what official prose does by right', () => {
  it('、 between quoted or titled items is a hint, not a warning', () => {
    const t = `${TITLE}镇里持续开展“送文化下乡”、“百姓大舞台”活动，组织学习《条例》、《规定》。\n`;
    expect(serious(t, 'punctuation')).toEqual([]);
    expect(hints(t, 'punctuation')).toEqual(['”、', '》、']);
  });

  it('a single dash joining two parties before what they hold together is a connector', () => {
    expect(serious(`${TITLE}我镇企业参加了中国—东盟博览会和中国—中亚峰会配套活动。\n`, 'punctuation')).toEqual([]);
    // Any other single dash may be half a 破折号 or a connector between places (环南山—北岭): a hint.
    expect(serious(`${TITLE}推进环南山—北岭镇村发展引领区建设。\n`, 'punctuation')).toEqual([]);
    expect(hints(`${TITLE}抓好理论武装—强化思想引领，是我镇的一贯做法。\n`, 'punctuation')).toEqual(['—']);
  });

  it('名 that opens a word (名品, 名校) is no count cut out', () => {
    expect(serious(`${TITLE}全镇打造了名品特色产业，建设了名校示范点。\n`, 'placeholder')).toEqual([]);
    expect(serious(`${TITLE}今年共培训了名干部。\n`, 'placeholder').map(([s]) => s)).toEqual(['名']);
  });

  it('a report read to a meeting dates itself in its subtitle: the title needs no year', () => {
    const t = '政府工作报告\n\n——2024年1月10日在南岭县第十八届人民代表大会第四次会议上\n\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n';
    expect(run(t).filter((f) => f.rule === 'title' && f.message.includes('年份'))).toEqual([]);
    // Without the dated subtitle the year is still asked for.
    expect(run('政府工作报告\n\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n').some((f) => f.rule === 'title' && f.message.includes('年份'))).toBe(true);
  });

  it('a government work report is not asked for this genre\'s three parts', () => {
    const body = Array.from({ length: 40 }, (_, i) => `全县第${i + 1}项重点工作稳步推进，经济运行总体平稳，民生保障持续加强。`).join('\n');
    const t = `政府工作报告\n——2024年1月10日在南岭县第十八届人民代表大会第四次会议上\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作。\n一、过去一年的工作回顾\n${body}\n二、今年的主要任务\n${body}\n`;
    expect(run(t).filter((f) => f.rule === 'structure' && f.message.includes('未找到'))).toEqual([]);
  });

  it('获得感幸福感安全感 run together is an accepted form; its order is still a hint', () => {
    expect(run(`${TITLE}不断增强群众获得感幸福感安全感。\n`).filter((f) => f.rule === 'formulation')).toEqual([]);
    expect(run(`${TITLE}群众的安全感、获得感、幸福感不断提升。\n`).filter((f) => f.rule === 'formulation').map((f) => f.severity)).toEqual(['info']);
  });
});

/* Written after set Z (r165–r170, real text from public code repositories) was run blind and read. */
describe('after set Z', () => {
  it('约 with 左右 or 余 on one figure says the same twice', () => {
    const t = `${TITLE}全村养殖生猪约3000头左右，户均增收约8000余元。\n`;
    expect(serious(t, 'typo')).toEqual([['左右', ''], ['约', '']]);
    // 近 with 余 is the numbers rule's contradiction, reported once.
    expect(serious(`${TITLE}全年开展宣讲近60余场。\n`).map(([s]) => s)).toEqual(['近']);
  });

  it('an adverb before 践行, 履行, 遵守 and 紧紧 before 联系 or 团结 take 地', () => {
    const t = `${TITLE}党员们较好的践行了承诺，认真的履行了职责，与群众紧紧的联系在一起。\n`;
    expect(serious(t, 'typo')).toEqual([['较好的', '较好地'], ['认真的', '认真地'], ['紧紧的', '紧紧地']]);
    expect(serious(`${TITLE}他是新思想的较好的践行者，与群众保持有效的联系。\n`, 'typo')).toEqual([]);
  });

  it('near-sound words: 有利地 for 有力地, 参入 for 参与, 做出 with 贡献, 中央电视 without 台', () => {
    const t = `${TITLE}有利地推动了工作，群众积极参入，为全镇发展做出了积极贡献，事迹在中央电视《新闻联播》播出。\n`;
    expect(serious(t, 'typo')).toEqual([['有利地', '有力地'], ['参入', '参与'], ['做出', '作出'], ['中央电视', '中央电视台']]);
    expect(serious(`${TITLE}创造有利的条件，中央电视台、中央电视总台记者到场。\n`, 'typo')).toEqual([]);
  });

  it('quotes take a plan\'s nickname only; a look-alike interpunct; a clock time\'s colon; a doc number in angle brackets', () => {
    expect(serious(`${TITLE}认真谋划“十四五规划”。\n`, 'punctuation')).toEqual([['“十四五规划”', '“十四五”规划']]);
    expect(serious(`${TITLE}经验被人民日报∙海外版刊发。\n`, 'punctuation')).toEqual([['∙', '·']]);
    expect(serious(`${TITLE}会议于下午3：30召开，上午9：00—11：30集中学习。\n`, 'punctuation')).toEqual([['3：30', '3:30'], ['9：00', '9:00'], ['11：30', '11:30']]);
    expect(serious(`${TITLE}按1：50的比例配备，以3：2获胜。\n`, 'punctuation')).toEqual([]);
    expect(serious(`${TITLE}根据《通知》（镇办发<2023>12号）要求。\n`, 'punctuation')).toEqual([['<2023>', '〔2023〕']]);
  });

  it('a sum in 万 or 亿 with 元 dropped', () => {
    expect(serious(`${TITLE}全镇工业总产值4.2亿，财政收入3500万。\n`, 'numbers')).toEqual([['4.2亿', '4.2亿元'], ['3500万', '3500万元']]);
    expect(serious(`${TITLE}全镇工业总产值4.2亿元，常住人口3.5万。\n`, 'numbers')).toEqual([]);
  });

  it('以习近平总书记为核心的党中央 is a hint without a fix; a plan is not asked for problems', () => {
    const f = run(`${TITLE}紧密团结在以习近平总书记为核心的党中央周围。\n`).filter((x) => x.rule === 'formulation');
    expect(f.map((x) => [x.severity, x.replacement ?? null])).toEqual([['info', null]]);
    const body = Array.from({ length: 40 }, (_, i) => `第${i + 1}项任务：加强公寓文化建设，丰富园区文化生活，打造精品活动。`).join('\n');
    expect(run(`学生公寓管理中心2025年工作计划\n${body}\n`).filter((x) => x.rule === 'structure' && x.message.includes('未找到'))).toEqual([]);
  });
});

/* Written after the closing precision set (government work reports 2016–2019, the 19th and 20th congress reports) was run blind and read. */
describe('after the closing precision set', () => {
  it('a decimal read out (一点二个百分点) keeps 二; 维和 is a word, not a dangling 和', () => {
    expect(serious(`${TITLE}城镇化率提高一点二个百分点，参加国际维和、抢险救灾等任务。\n`)).toEqual([]);
    expect(serious(`${TITLE}全镇新建二个党群服务中心。\n`, 'typo').map(([s]) => s)).toEqual(['二个']);
  });

  it('科学社会主义 before 价值观 is no short 核心价值观; the army\'s 确立 is not the 两个确立', () => {
    expect(serious(`${TITLE}这与科学社会主义价值观主张高度契合，牢固确立习近平强军思想在国防和军队建设中的指导地位。\n`, 'formulation')).toEqual([]);
    expect(serious(`${TITLE}积极培育社会主义价值观。\n`, 'formulation')).toEqual([['社会主义价值观', '社会主义核心价值观']]);
  });

  it('a text dated before October 2016 keeps the earlier core formula', () => {
    const t = '在以习近平同志为总书记的党中央坚强领导下，全镇各项工作稳步推进。\n';
    expect(run(t, { now: new Date('2016-03-05T00:00:00Z') }).filter((f) => f.rule === 'formulation' && f.severity !== 'info')).toEqual([]);
    expect(run(t, { now: new Date('2017-03-05T00:00:00Z') }).filter((f) => f.rule === 'formulation' && f.severity !== 'info').length).toBe(1);
  });

  it('a congress report dated under its subtitle needs no year in its title', () => {
    const t = '奋力谱写新时代南岭发展新篇章\n——在中国共产党南岭县第十五次代表大会上的报告\n（2021年9月26日）\n同志们：\n现在，我代表中共南岭县第十四届委员会向大会作报告。\n';
    expect(run(t).filter((f) => f.rule === 'title' && f.message.includes('年份'))).toEqual([]);
  });
});

/* Written after set Z was read, a second pass over its misses. */
describe('after set Z, layout and siblings', () => {
  it('a line that opens with 、 or ， was broken inside a sentence: join it', () => {
    const t = `${TITLE}镇里评选出“最美家庭”和“好媳妇”\n、好婆婆等先进典型。\n`;
    const f = run(t).filter((x) => x.rule === 'layout' && x.severity !== 'info');
    expect(f.map((x) => [JSON.stringify(t.slice(x.start, x.end)), x.replacement])).toEqual([[JSON.stringify('\n'), '']]);
  });

  it('a space after a dash before the text it opens', () => {
    const t = `${TITLE}形成了深度融合—— “党建+网格”工作法，成效明显。\n`;
    expect(run(t).filter((x) => x.rule === 'layout' && x.severity !== 'info').map((x) => t.slice(x.start, x.end))).toEqual(['—— ']);
  });

  it('a colon after a heading whose siblings take none', () => {
    const t = `${TITLE}一、基本情况\n全镇辖8个村。\n二、资源情况\n全镇耕地3万亩。\n三、产业情况：\n全镇有企业12家。\n`;
    expect(serious(t, 'punctuation')).toEqual([['：', '']]);
    // All siblings with a colon: one convention, kept.
    expect(serious(`${TITLE}一、基本情况：\n全镇辖8个村。\n二、资源情况：\n全镇耕地3万亩。\n`, 'punctuation')).toEqual([]);
  });
});

describe('after the closing precision set, titles', () => {
  it('a main title set over two lines above its subtitle is by design; without a subtitle it is a split', () => {
    const sub = '坚定信心 真抓实干\n奋力谱写南岭高质量发展新篇章\n——在中国共产党南岭县第十五次代表大会上的报告\n（2021年9月26日）\n同志们：\n现在，我代表中共南岭县第十四届委员会向大会作报告。\n';
    expect(run(sub).filter((f) => f.rule === 'layout' && f.message.includes('拆成了两行'))).toEqual([]);
    const split = '南岭镇党委关于2024年度\n意识形态工作责任制落实情况的报告\n今年以来，镇党委认真落实意识形态工作责任制。\n';
    expect(run(split).filter((f) => f.rule === 'layout' && f.message.includes('拆成了两行')).length).toBe(1);
  });
});

describe('after set Z, names', () => {
  it('a two-character name padded to the width of three, alone or after its post, keeps its spaces', () => {
    for (const line of ['王  琛', '市政协主席 雷 杰', '党委书记、校长   王 琛']) {
      const t = `${TITLE}${line}\n今年以来，镇党委认真落实意识形态工作责任制。\n`;
      expect(run(t).filter((f) => f.rule === 'layout' && f.severity !== 'info' && f.message.includes('空格'))).toEqual([]);
    }
    // A space inside a longer word is still a slip.
    expect(run(`${TITLE}今年以来，镇党委认真落实意识 形态工作责任制。\n`).filter((f) => f.rule === 'layout' && f.severity !== 'info').length).toBe(1);
  });
});

describe('after set Z, formulas and sibling marks', () => {
  it('“两学一做” with 制度化常态化 reversed is written out as the 2017 opinion names it', () => {
    expect(serious(`${TITLE}以推进“两学一做”制度化常态化为契机。\n`, 'formulation')).toEqual([['制度化常态化', '学习教育常态化制度化']]);
    expect(serious(`${TITLE}推进“两学一做”学习教育常态化制度化，推进“两学一做”常态化制度化。\n`, 'formulation')).toEqual([]);
  });

  it('a tie between bare headings and headings with a colon goes to the bare form', () => {
    const t = `${TITLE}一、基本情况\n全镇辖8个村。\n二、产业情况：\n全镇有企业12家。\n`;
    expect(serious(t, 'punctuation')).toEqual([['：', '']]);
  });
});

describe('after the provincial precision set', () => {
  it('博士博士后 names two ranks, not a doubled word', () => {
    expect(serious(`${TITLE}举办博士博士后创新创业大赛。\n`, 'typo')).toEqual([]);
    expect(serious(`${TITLE}引进博士博士12名。\n`, 'typo')).toEqual([['博士博士', '博士']]);
  });
});

describe('after the provincial precision set, outlines', () => {
  it('a section heading that restates an item of a list given earlier is no copy; a sentence said twice still is', () => {
    const items = '今年重点抓好三件实事。一是提升农村公路养护水平，方便群众安全出行。二是改善村级卫生室服务条件，提高基本医疗服务能力。三是扩大农村学校午餐覆盖范围，保障学生营养健康。';
    const t = `${TITLE}${items}\n一、提升农村公路养护水平，方便群众安全出行\n全年完成养护里程120公里。\n二、改善村级卫生室服务条件，提高基本医疗服务能力\n新建标准化卫生室8个。\n`;
    expect(run(t).filter((f) => f.rule === 'duplicate')).toEqual([]);
    const twice = `${TITLE}全年完成农村公路养护里程120公里，群众出行条件明显改善。\n镇里还组织了安全培训。\n全年完成农村公路养护里程120公里，群众出行条件得到明显改善。\n`;
    expect(run(twice).filter((f) => f.rule === 'duplicate').length).toBe(1);
  });
});

describe('after set Z, numbers', () => {
  it('a change against last year said of two items is no restatement; the same count said twice differently still is', () => {
    const t = `${TITLE}上半年共发生火灾事故1起，与去年同期相比减少10起；未发生溺水事故，与去年同期相比减少2起。\n`;
    expect(run(t).filter((f) => f.rule === 'numbers' && f.message.includes('不一致'))).toEqual([]);
    const twice = `${TITLE}全年召开党组会专题研究意识形态工作4次。\n上半年工作扎实推进。\n全年召开党组会专题研究意识形态工作3次。\n`;
    expect(run(twice).filter((f) => f.rule === 'numbers' && f.message.includes('不一致')).length).toBe(1);
  });
});

describe('after the county and city precision set', () => {
  it('a subtitle dated in characters (——二〇二一年一月十四日在……上) dates the title too', () => {
    const t = '政府工作报告\n——二〇二一年一月十四日在南岭市第六届人民代表大会第五次会议上\n市长  王 琛\n各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n';
    expect(run(t).filter((f) => f.rule === 'title' && f.message.includes('年份'))).toEqual([]);
  });

  it('a section heading with its subtitle after a dash stands alone by design', () => {
    const t = `${TITLE}砥砺奋斗、负重前行——过去五年工作回顾\n过去的五年，是极不平凡的五年，全镇经济社会发展取得新成效。\n`;
    expect(run(t).filter((f) => f.rule === 'layout' && f.severity !== 'info')).toEqual([]);
  });
});
