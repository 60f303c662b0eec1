/**
 * Round 19 (issue 24). Written after set E (r80–r83) was read, as families in our own words: a site's outline under
 * its own label, masked words in a headline, campaign and formula names, a report that exclaims, 但 with a comma,
 * a year blank glued to a word, and forms labellers divide on turned into hints without a fix.
 */
import { describe, expect, it } from 'vitest';
import { applyAll, run } from './helpers.js';

const TITLE = '旺苍县水利局党组关于2025年度落实意识形态工作责任制情况的报告\n';
const serious = (t: string, rule?: string) => run(t).filter((f) => f.severity !== 'info' && (!rule || f.rule === rule)).map((f) => [t.slice(f.start, f.end), f.replacement ?? null]);

describe('chrome and layout', () => {
  it('an outline a site prints under 目录/提纲 before the text is one chrome finding, and the text restarting at 一、 is no regression', () => {
    const outline = '目录/提纲：……\n一、压实责任，健全工作机制\n（一）明确分工\n（二）定期研判\n二、守好阵地，加强内容管理\n一是规范信息发布\n二是强化网络巡查\n……\n';
    const t = `${outline}${TITLE}一、压实责任，健全工作机制\n局党组全年专题研究意识形态工作4次。\n二、守好阵地，加强内容管理\n全年审核信息120条。\n`;
    const f = run(t);
    expect(f.filter((x) => x.rule === 'debris').map((x) => t.slice(x.start, x.end))).toEqual([outline.trimEnd()]);
    expect(f.filter((x) => x.rule === 'numbering' && x.severity !== 'info')).toEqual([]);
  });

  it('an outline label whose entries run into the text stops at the first entry seen again', () => {
    const t = `${TITLE}提纲\n一、主要做法\n二、存在问题\n一、主要做法\n局党组全年专题研究意识形态工作4次。\n二、存在问题\n阵地管理仍有短板。\n`;
    const debris = run(t).filter((x) => x.rule === 'debris').map((x) => t.slice(x.start, x.end));
    expect(debris).toEqual(['提纲\n一、主要做法\n二、存在问题']);
  });

  it('a headline of two halves set apart by a space, one half holding a masked word, keeps its space', () => {
    const t = `深化理论武装凝聚奋进力量 助推***高质量发展\n${TITLE}局党组全年专题研究意识形态工作4次。\n`;
    expect(serious(t, 'layout')).toEqual([]);
  });
});

describe('a sentence broken before a mark', () => {
  it('a paragraph that opens on 、 or ， after one that stops on a word is one sentence broken in two', () => {
    const t = `${TITLE}局属公众号全年发布信息120条，确保信息发布准确\n\n  、及时、规范，未发生错误信息。\n`;
    const f = serious(t, 'layout');
    expect(f).toEqual([['准确\n\n  、', null]]);
  });
});

describe('names of campaigns and formulas', () => {
  it('三全育人 with 全方位 dropped is a warning without a fix; the whole set is clean', () => {
    expect(serious(`${TITLE}学校建立全员、全程育人机制。\n`, 'formulation')).toEqual([['全员、全程育人', null]]);
    expect(serious(`${TITLE}学校落实全员全过程全方位育人要求，建立全员、全程、全方位育人机制。\n`, 'formulation')).toEqual([]);
  });

  it('a document title opening its subject with 有关 takes 关于', () => {
    const t = `${TITLE}根据《有关报送意识形态工作专题报告的通知》，现报告如下：\n`;
    expect(serious(t, 'formulation')).toEqual([['有关', '关于']]);
    expect(serious(`${TITLE}根据有关文件要求，现报告如下：\n`, 'formulation')).toEqual([]);
  });

  it('the 2019 campaign written as 教育活动 or 专题教育, its 、 dropped: the two fixes together give its name', () => {
    const t = `${TITLE}局党组扎实开展“不忘初心牢记使命”教育活动，班子成员带头讲党课。\n`;
    expect(applyAll(t, run(t))).toContain('“不忘初心、牢记使命”主题教育，');
    const u = `${TITLE}局党组扎实开展“不忘初心、牢记使命”专题教育。\n`;
    expect(serious(u, 'formulation')).toEqual([['专题教育', '主题教育']]);
  });

  it('the 苗头性倾向性问题 after 社情民意 takes the 中的 of its source sentence', () => {
    const t = `${TITLE}对重大事件、重要情况、重要社情民意苗头性倾向性问题及时研判。\n`;
    expect(serious(t, 'formulation')).toEqual([['社情民意', '社情民意中的']]);
    const ok = `${TITLE}对重大事件、重要情况、重要社情民意中的苗头性倾向性问题及时研判。\n`;
    expect(serious(ok, 'formulation')).toEqual([]);
  });
});

describe('punctuation and placeholders', () => {
  it('a sentence of the report closed by 叹号 takes a full stop; a quoted slogan and a slogan line keep theirs', () => {
    const t = `${TITLE}全局干部职工思想稳定，各项工作平稳有序！\n下一步还要继续加强阵地管理和教育引导！\n`;
    expect(serious(t, 'punctuation')).toEqual([['！', '。'], ['！', '。']]);
    const quoted = `${TITLE}局党组提出“守好阵地、管好队伍！”的要求，全年落实到位。\n奋进新征程，建功新时代！\n`;
    expect(serious(quoted, 'punctuation')).toEqual([]);
  });

  it('但 takes no comma after it; 但是 may', () => {
    const t = `${TITLE}全年未发生意识形态领域重大事件。但，个别支部学习流于形式。但是，整改已经启动。\n`;
    expect(serious(t, 'punctuation')).toEqual([['，', '']]);
  });

  it('an underscore blank after 20 glued to a word is an unfilled year', () => {
    const t = '20_水利局意识形态工作计划\n一、总体要求\n全年召开专题会议4次。\n';
    expect(serious(t, 'placeholder').map(([s]) => s)).toEqual(['20_']);
  });
});

describe('forms labellers divide on: hints without a fix', () => {
  it('纳入到, a heading ending in a colon, and the judgement without its 的 are hints without a replacement', () => {
    const t = `${TITLE}一、主要做法：\n（一）压实责任\n意识形态工作是党的一项极端重要工作，局党组把它纳入到年度考核。\n`;
    expect(serious(t).filter(([s]) => ['纳入到', '：', '党的一项极端重要工作'].includes(s as string))).toEqual([]);
    const hints = run(t).filter((f) => f.severity === 'info' && ['纳入到', '：', '党的一项极端重要工作'].includes(t.slice(f.start, f.end)));
    expect(hints.map((f) => [t.slice(f.start, f.end), f.replacement])).toEqual([['：', undefined], ['党的一项极端重要工作', undefined], ['纳入到', undefined]]);
  });
});

describe('after set F (r84–r87) was read, in-sample', () => {
  it('a spinner\'s 开展 for 发展 in set phrases, 根底 for 基础, 播送 for 广播', () => {
    const t = `${TITLE}局党组正确处理改革开展稳定关系，推动又好又快开展，在此根底上办好播送电视节目。\n`;
    expect(serious(t, 'formulation')).toEqual([['改革开展稳定', '改革发展稳定'], ['又好又快开展', '又好又快发展'], ['在此根底上', '在此基础上'], ['播送电视', '广播电视']]);
    expect(serious(`${TITLE}局党组扎实开展主题教育，高质量开展理论学习。\n`, 'formulation')).toEqual([]);
  });

  it('a stray traditional character in a simplified page is a slip; a look-alike word and a quoted name are not this', () => {
    const t = `${TITLE}发挥思想引领、輿论推动的作用。\n`;
    expect(serious(t, 'typo')).toEqual([['輿', '舆']]);
    expect(serious(`${TITLE}加强网络與情处置。\n`, 'typo')).toEqual([['网络與情', '网络舆情']]);
    expect(serious(`${TITLE}邀请“國樂團”到社区演出。\n`, 'typo')).toEqual([]);
  });

  it('headings numbered 一 二 without their 、 take it; one line opening on 一 is a word', () => {
    const t = `${TITLE}一加强组织领导\n全年召开会议4次。\n二强化阵地管理\n全年审核信息120条。\n`;
    expect(serious(t, 'numbering')).toEqual([['一', '一、'], ['二', '二、']]);
    expect(serious(`${TITLE}一、主要做法\n一岗双责落实到位。\n`, 'numbering')).toEqual([]);
  });

  it('余 after an exact count, and a range\'s first day without its 日', () => {
    const t = `${TITLE}全年开展宣讲84余场次，覆盖1.5万余人，开展活动80余次。4月15至4月23日开展专项检查。\n`;
    expect(serious(t, 'numbers')).toEqual([['84余', null], ['4月15', '4月15日']]);
  });

  it('市党委政府 names two organs: 市委、市政府', () => {
    const t = `${TITLE}局党组在县党委政府的领导下认真落实责任制。\n`;
    expect(serious(t, 'formulation')).toEqual([['县党委政府', '县委、县政府']]);
  });

  it('a page header under the breadcrumb with another year than the article\'s title: debris, and the period is the title\'s', () => {
    const t = '当前位置： 首页 > 工作总结 >\n\n2025年街道团工委上半年意识形态工作汇报\n\n发布时间：2024-12-20 10:02:11 | 来源：网友投稿\n\n下面是小编为大家整理的2024年街道团工委上半年意识形态工作汇报，供大家参考。\n\n2024年街道团工委上半年意识形态工作汇报\n\n  一、2024年上半年主要做法\n\n  团工委全年开展学习6次。\n';
    const f = run(t, { now: new Date('2025-01-15T00:00:00Z') });
    expect(f.some((x) => x.rule === 'debris' && t.slice(x.start, x.end) === '2025年街道团工委上半年意识形态工作汇报')).toBe(true);
    expect(f.filter((x) => x.category === 'period' && x.severity !== 'info')).toEqual([]);
  });

  it('a heading run in on both sides of a joined page is one finding over it', () => {
    const t = `${TITLE}现将情况公布如下。 一、组织领导情况 局党组成立领导小组。研究制定整改方案。 二、整改进展情况 全年完成整改30项。\n`;
    const f = run(t).filter((x) => x.rule === 'layout' && x.severity !== 'info').map((x) => t.slice(x.start, x.end));
    expect(f).toContain('一、组织领导情况 ');
    expect(f).toContain('二、整改进展情况 ');
  });
});
