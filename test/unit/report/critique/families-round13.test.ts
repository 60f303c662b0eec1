/**
 * Round 13 (issue 24): families from four draws at once — chrome by line features, and spaces on a line without
 * punctuation as advice. Our own text; no sentence here comes from a draw.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const TITLE = '2025年镇文化站意识形态工作总结\n';
const BODY = '今年以来，镇文化站把意识形态工作摆在重要位置，全年开展专题学习8次。\n';
const serious = (t: string) => run(t).filter((f) => f.severity !== 'info').map((f) => [f.rule, t.slice(f.start, f.end), f.replacement ?? null]);

describe('site chrome by line features: a short unpunctuated line with two site words', () => {
  it.each([
    '稿源 镇融媒体中心  作者 李明  浏览 213',
    '【分享】 【打印】 【关闭】',
    '微信扫一扫 分享到朋友圈',
    '上一篇 下一篇 返回顶部',
  ])('%s: one chrome finding over the line', (line) => {
    const t = `${TITLE}${line}\n${BODY}`;
    const at = t.indexOf(line);
    const hits = run(t).filter((f) => f.severity !== 'info' && f.start <= at + 2 && f.end >= at + line.length - 2);
    expect(hits.length).toBeGreaterThanOrEqual(1);
  });
  it('a heading or a sentence with site words is no chrome', () => {
    const t = `${TITLE}（二）加强网络评论和转发管理\n全站开展网络评论引导，转发正面稿件120篇。\n`;
    expect(serious(t).filter(([rule]) => rule === 'debris')).toEqual([]);
  });
});

describe('a space on a line without punctuation: a warning without a replacement', () => {
  it('a line listing items set apart by a space keeps the writer’s choice', () => {
    const t = `${TITLE}${BODY}镇文化站 意识形态工作台账\n`;
    expect(serious(t).filter(([rule]) => rule === 'layout')).toEqual([['layout', ' ', null]]);
  });
  it('a stray space inside a sentence keeps its finding (advice since round 14)', () => {
    const t = `${TITLE}今年以来，镇文化站把意识形态 工作摆在重要位置，全年开展专题学习8次。\n`;
    expect(serious(t).filter(([rule]) => rule === 'layout')).toEqual([['layout', ' ', null]]);
  });
});

describe('word slips by a confusable-character table inside genre words, not by single strings', () => {
  const typos = (t: string) => run(t).filter((f) => f.rule === 'typo').map((f) => [t.slice(f.start, f.end), f.replacement ?? null]);
  it.each([
    ['意职形态', '意识形态'],
    ['主旋侓', '主旋律'],
    ['网络與情', '网络舆情'],
    ['党支布', '党支部'],
    ['宗指意识', '宗旨意识'],
  ])('%s → %s', (slip, right) => {
    expect(typos(`${TITLE}站里把${slip}摆在重要位置，定期开展学习。\n`)).toEqual([[slip, right]]);
  });
  it('a look-alike that ends a word begun before it is no slip: 自觉组织, 感觉中央 (觉 for 党 stays a slip elsewhere)', () => {
    expect(typos(`${TITLE}党员自觉组织学习，大家感觉中央精神更近了。\n`)).toEqual([]);
    expect(typos(`${TITLE}全县觉组织开展学习。\n`)).toEqual([['觉组织', '党组织']]);
  });
  it('what is left after a dropped character is often a word: no finding for 凝聚力, 舆论导向, 责任单位', () => {
    expect(typos(`${TITLE}增强凝聚力，把握舆论导向，压实各责任单位的责任。\n`)).toEqual([]);
  });
});

describe('after r18 (in-sample): precision first', () => {
  it('a space after a heading number (一、 or （一）) is a warning whose fix deletes it (round 17; round 13 made it a hint)', () => {
    const t = `${TITLE}一、主要工作\n${BODY}二、 下步打算\n（一） 抓好学习\n${BODY}`;
    const f = run(t).filter((x) => x.rule === 'layout' && x.message.includes('标题序号后'));
    expect(f.length).toBeGreaterThanOrEqual(1);
    for (const x of f) expect([x.severity, x.replacement]).toEqual(['warning', '']);
  });
  it('a space inside a quoted activity name with phrases of different length is the writer’s', () => {
    const t = `${TITLE}全年开展“植树护绿 共建美好家园”“清洁庭院 美化乡村”等活动12场。\n`;
    expect(serious(t).filter(([rule]) => rule === 'layout')).toEqual([]);
  });
  it('》、《 proposes no replacement and, since round 23, is a hint (a form official reports use)', () => {
    const t = `${TITLE}组织学习《宣传工作条例》、《网络安全法》等法规。\n`;
    expect(serious(t).filter(([rule]) => rule === 'punctuation')).toEqual([]);
    expect(run(t).filter((f) => f.rule === 'punctuation').map((f) => [f.severity, f.replacement ?? null])).toEqual([['info', null]]);
  });
});

describe('after r18 (in-sample): recall by family', () => {
  it('one adverb before two verbs with no mark between: a warning without a replacement', () => {
    const t = `${TITLE}站里认真开展认真做好理论学习。\n`;
    const f = run(t).filter((x) => x.rule === 'typo');
    expect(f.map((x) => [t.slice(x.start, x.end), x.severity, x.replacement])).toEqual([['认真开展认真做好', 'warning', undefined]]);
  });
  it('a site name dressed with symbols on a short line is chrome', () => {
    const t = `${TITLE}★ 好文章尽在笔墨文库 ★\n${BODY}`;
    expect(run(t).some((x) => x.rule === 'debris' && t.slice(x.start, x.end).includes('笔墨文库'))).toBe(true);
  });
  it('a lower-case a before 级景区 is the upper-case grade', () => {
    const t = `${TITLE}配合做好3a级景区复核工作。\n`;
    expect(run(t).filter((x) => x.rule === 'typo').map((x) => [t.slice(x.start, x.end), x.replacement])).toEqual([['a级', 'A级']]);
  });
});

describe('after r19 (in-sample): forms in use, footers, pinyin', () => {
  it('苗头性倾向性的问题 is a variant in use: a hint without a replacement', () => {
    const t = `${TITLE}及时发现和处置苗头性倾向性的问题。\n`;
    expect(serious(t).filter(([rule]) => rule === 'formulation')).toEqual([]);
  });
  it('县宣传部长 (the head’s title) is a hint; 县宣传部 alone keeps the warning with its fix', () => {
    const t = `${TITLE}参加全县宣传部长会议。县宣传部牵头开展督查。\n`;
    expect(serious(t).filter(([rule]) => rule === 'formulation')).toEqual([['formulation', '县宣传部', '县委宣传部']]);
  });
  it('a PDF-spaced year (2021 年) is no missing year', () => {
    const t = `${TITLE}现将 2021 年上半年工作总结如下。\n`;
    expect(run(t).filter((f) => f.message.startsWith('“年”前缺少年份'))).toEqual([]);
  });
  it('a site footer line is chrome: its spaces are not deleted one by one', () => {
    const line = '主办单位：某县融媒体中心 备案号：某ICP备00000000号 技术支持：某公司';
    const t = `${TITLE}${BODY}${line}\n`;
    const f = serious(t);
    expect(f.filter(([rule]) => rule === 'layout')).toEqual([]);
    expect(f.some(([rule, s]) => rule === 'debris' && String(s).includes('ICP备'))).toBe(true);
  });
  it('a table border left after a sentence (。 |) is chrome', () => {
    const t = `${TITLE}全年开展专题学习8次，助力全镇发展。 |\n`;
    expect(serious(t).some(([rule, s]) => rule === 'debris' && String(s).includes('|'))).toBe(true);
  });
  it('a word in pinyin inside Chinese text: a warning without a replacement; units and abbreviations are left', () => {
    const t = `${TITLE}坚持dang的全面领导，建成5km绿道和一个app平台。\n`;
    expect(run(t).filter((f) => f.rule === 'typo').map((f) => [t.slice(f.start, f.end), f.replacement])).toEqual([['dang', undefined]]);
  });
  it('a reporter’s credit (记者 陈某某) keeps its space', () => {
    const t = `${TITLE}本报讯 （记者 王晓明）全年开展专题学习8次。\n`;
    expect(serious(t).filter(([rule]) => rule === 'layout')).toEqual([]);
  });
});
