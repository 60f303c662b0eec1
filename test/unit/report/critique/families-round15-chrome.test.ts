/**
 * Round 15 (issue 24): page chrome and layout families the last blind draws missed — image and export file names,
 * content hashes, gambling spam injected into a hijacked page, list-page teasers, news datelines and photo notes, a
 * stray letter or ID line, an organ tag in brackets below the text. Each family has a negative: correct text of the
 * same shape stays silent. Our own text; no sentence here comes from a draw.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';
import { CUT_NOTICE, chromeOf } from '../../../../src/report/critique/chrome.js';

const TITLE = '2025年柳溪街道社区文化中心意识形态工作总结\n';
const P1 = '中心党支部把意识形态工作纳入年度重点任务，全年专题研究5次。\n';
const P2 = '中心组织志愿者开展送戏进小区活动，全年演出16场。\n';
const P3 = '阅览室新增图书400余册，全年接待居民三千余人次。\n';
const P4 = '中心每季度开展一次阵地安全检查，宣传栏内容做到先审后发。\n';
const page = (middle: string) => `${TITLE}${P1}${middle}${P2}${P3}`;
/** Debris findings at warning or above, as [excerpt, severity, replacement]. */
const debris = (t: string) =>
  run(t).filter((f) => f.rule === 'debris' && f.severity !== 'info').map((f) => [t.slice(f.start, f.end), f.severity, f.replacement ?? null]);
/** Every finding at warning or above on the line holding `needle`. */
const onLine = (t: string, needle: string) => {
  const at = t.indexOf(needle);
  const from = t.lastIndexOf('\n', at) + 1;
  const to = t.indexOf('\n', at);
  return run(t).filter((f) => f.severity !== 'info' && f.start < to && f.end > from).map((f) => f.rule);
};

describe('image file names and hashes left where a picture was', () => {
  it('a phone, camera or chat export name on its own line, with or without its extension', () => {
    for (const name of ['微信图片_20240918152233.jpg', 'IMG_20230705_091540.JPG', 'mmexport1698123456789.png', 'DSC08841276', 'Screenshot_2024-03-12-08-30-55.png']) {
      expect(debris(page(`${name}\n`))).toEqual([[name, 'error', null]]);
    }
  });
  it('a short name with a picture extension, Chinese or Latin', () => {
    for (const name of ['合影.jpg', '现场2.png', 'a1.webp']) expect(debris(page(`${name}\n`))).toEqual([[name, 'error', null]]);
  });
  it('an export name glued to the paragraph: only the name', () => {
    const t = page('微信图片_20240918152233中心邀请非遗传承人开展剪纸教学3次。\n');
    expect(debris(t)).toEqual([['微信图片_20240918152233', 'error', null]]);
  });
  it('a bare hex hash on its own line, or glued to the start or end of a paragraph', () => {
    expect(debris(page('a3f09c7e51b2d84e6f1c0a9b7d2e5f48\n'))).toEqual([['a3f09c7e51b2d84e6f1c0a9b7d2e5f48', 'error', null]]);
    expect(debris(page('0e7d1c9b8a6f5e4d3c2b1a09f8e7d6c5中心开展读书分享会6次。\n'))).toEqual([['0e7d1c9b8a6f5e4d3c2b1a09f8e7d6c5', 'error', null]]);
    expect(debris(page('中心开展读书分享会6次。5b4a3c2d1e0f9a8b7c6d5e4f3a2b1c0d\n'))).toEqual([['5b4a3c2d1e0f9a8b7c6d5e4f3a2b1c0d', 'error', null]]);
  });
  it('silent: a number of photos in a sentence, a year and a count, a credit code with a label, a short ID inside a sentence', () => {
    expect(debris(page('中心收集老照片120张，编印《社区记忆》图册一本。\n'))).toEqual([]);
    expect(debris(page('统一社会信用代码：12330100MB1234567X\n'))).toEqual([]);
    expect(debris(page('2024年9月18日，中心在IMG活动室举办书法展。\n'))).toEqual([]);
  });
});

describe('gambling spam injected into a hijacked page', () => {
  it('a brand of the named set before the words its pages carry, alone on a line: the whole line', () => {
    for (const spam of ['开云体育官方网站', '乐鱼体育app下载入口', '华体会·(中国)官方网站', 'bwin必赢 官网', '威尼斯人娱乐平台-手机版']) {
      expect(debris(page(`${spam}\n`))).toEqual([[spam, 'error', null]]);
    }
  });
  it('a brand with its Latin tag or 中国 between it and the site words', () => {
    for (const spam of ['米乐m6体育官网', '爱游戏(ayx)中国官方网站', '九游会j9真人游戏', 'PG电子游艺平台']) expect(debris(page(`${spam}\n`))).toEqual([[spam, 'error', null]]);
  });
  it('spam inside a paragraph: only the spam words', () => {
    const t = page('中心开展法治宣传进楼栋活动，亚博体育app下载覆盖居民楼28栋。\n');
    expect(debris(t)).toEqual([['亚博体育app下载', 'error', null]]);
  });
  it('the spam title’s boilerplate and a Latin betting brand', () => {
    expect(debris(page('某某娱乐（中国）官方网站\n'))[0]?.[0]).toBe('某某娱乐（中国）官方网站');
    expect(debris(page('BET365\n'))).toEqual([['BET365', 'error', null]]);
  });
  it('silent: 体育, 平台, 娱乐 and 官网 in a report’s own sentences, a brand word with 馆 or 会, a report on fighting gambling', () => {
    expect(debris(page('中心依托全民健身平台开展体育活动，丰富居民娱乐生活，在街道官网发布活动信息12条。\n'))).toEqual([]);
    expect(debris(page('中心组织居民参观亚博会，并在皇冠体育馆举办健身操比赛。\n'))).toEqual([]);
    expect(debris(page('配合派出所开展涉赌宣传，提醒居民远离开云体育等境外赌博平台。\n'))).toEqual([]);
  });
});

describe('a listing page’s teaser cut short', () => {
  it('an article’s opening closed by ..., 。。。 or a single …, no sentence end: the whole line', () => {
    for (const teaser of ['今年以来，中心坚持以社会主义核心价值观为引领，围绕居民文化需求，扎实推进...', '9月以来，中心联合辖区学校开展“书香家庭”评选活动，共评出。。。', '为进一步加强社区文化阵地管理，中心结合实际制定了…']) {
      expect(debris(page(`${teaser}\n`))).toEqual([[teaser, 'error', null]]);
    }
  });
  it('…… followed by the page’s link, and a listing row’s date after the dots', () => {
    for (const teaser of ['为进一步丰富居民精神文化生活，中心于国庆期间组织开展……[详细]', '近日，中心邀请区图书馆馆员走进社区，为小学生讲解古籍修复知识，现场...  [2025-10-16]']) {
      expect(debris(page(`${teaser}\n`))).toEqual([[teaser, 'error', null]]);
    }
  });
  it('silent: a sentence the writer ends with ……, a list ending 等……, a template lead-in, a short line', () => {
    expect(debris(page('居民们纷纷表示，家门口的文化活动越来越丰富了……\n'))).toEqual([]);
    expect(debris(page('中心开展了书法、剪纸、合唱、太极等...\n'))).toEqual([]);
    expect(debris(page('现将有关情况报告如下：\n'))).toEqual([]);
    expect(debris(page('未完待续…\n'))).toEqual([]);
    // A writer's own ... closing a line that opens like no article: a slip of the mark, not a page's excerpt.
    expect(debris(page('下一步，中心将继续丰富活动形式，不断提升服务居民的水平...\n'))).toEqual([]);
  });
});

describe('news datelines, photo counts and captions', () => {
  it('a dateline opening a paragraph: only the dateline', () => {
    for (const [line, head] of [
      ['【本站讯】9月20日，中心举办“邻里文化节”开幕式，居民300余人参加。', '【本站讯】'],
      ['【街道讯】近日，中心开展垃圾分类主题宣传活动。', '【街道讯】'],
      ['本报讯（记者 周敏 通讯员 陈立）日前，中心成立居民读书会。', '本报讯（记者 周敏 通讯员 陈立）'],
      ['本网讯 10月8日，中心召开意识形态工作专题会。', '本网讯 '],
    ]) {
      expect(debris(page(`${line}\n`))).toEqual([[head, 'error', null]]);
    }
  });
  it('a paragraph opened by a dateline stays prose for the other rules (its sentence is still compared for repeats)', () => {
    const t = `${TITLE}【本站讯】中心组织志愿者开展送戏进小区活动，全年演出16场。\n${P1}${P2}`;
    expect(run(t).filter((f) => f.severity !== 'info').map((f) => [f.rule, t.slice(f.start, f.end)])).toEqual([
      ['debris', '【本站讯】'],
      ['duplicate', P2.trim()],
    ]);
  });
  it('a photo count, alone or after a sentence, and a caption line', () => {
    expect(debris(page('（图片共8张）\n'))).toEqual([['（图片共8张）', 'error', null]]);
    expect(debris(page('中心举办“巧手迎新春”手工展。（照片共3张）\n'))).toEqual([['（照片共3张）', 'error', null]]);
    expect(debris(page('图为志愿者在小区广场为居民表演快板。\n'))).toEqual([['图为志愿者在小区广场为居民表演快板。', 'error', null]]);
    expect(debris(page('▲上图为读书会现场\n'))).toEqual([['▲上图为读书会现场', 'error', null]]);
  });
  it('credits and counters of a news or public-account article on a line of their own, and its follow prompts', () => {
    for (const line of ['阅读 3562', '浏览次数：1.2万', '点赞 12 在看 5', '（通讯员 孙丽）', '（文/图 郑一鸣）', '（柳溪街道文化中心 供稿）', '图片来源：柳溪街道', '编辑｜吴倩', '阅读原文', '点击上方蓝字关注我们', '— END —']) {
      expect(debris(page(`${line}\n`))).toEqual([[line, 'error', null]]);
    }
  });
  it('silent: a bracketed word that starts like a credit, a sign-off label with a colon', () => {
    expect(debris(page('（记者节）\n'))).toEqual([]);
    expect(debris(page('审核：钱明\n'))).toEqual([]);
    expect(debris(page('阅读 3 本经典著作\n'))).toEqual([]);
  });
  it('silent: 讯 and 图为 inside words of a report, a dateline word in the middle of a sentence', () => {
    expect(debris(page('图为民办实事是中心一贯的工作导向，全年办结居民诉求46件。\n'))).toEqual([]);
    expect(debris(page('中心及时向街道报送工作信息，被《柳溪快讯》采用9篇。\n'))).toEqual([]);
    expect(debris(page('中心的活动被本报讯栏目报道两次。\n'))).toEqual([]);
  });
});

describe('a line that is no prose: a stray letter, an ID, a rule of symbols, a portal navigation bar', () => {
  it('one chrome finding for the line', () => {
    for (const line of ['K', 'q', 'WZ-2024_0871 #B3', 'q8w3e7r1', 'ref=share&from=timeline', '========', '首页 机构概况 新闻中心 政务公开 互动交流']) {
      expect(debris(page(`${line}\n`))).toEqual([[line, 'error', null]]);
    }
  });
  it('silent: headings, unnumbered short titles, slogans with deliberate spaces, signature and date blocks', () => {
    const t = `${TITLE}一、主要做法\n${P1}（一）筑牢阵地\n${P2}强化阵地管理\n${P3}守初心 担使命 办实事 解民忧\n${P4}柳溪街道社区文化中心\n2025年12月5日\n`;
    expect(debris(t)).toEqual([]);
    expect(onLine(t, '守初心')).toEqual([]);
  });
  it('silent: a phone number, an e-mail address, a name with its number, a phrase with a Latin code, a table row, a list head, English words, a placeholder, a markup tag (the markup rule’s)', () => {
    for (const line of ['0571-86012345', '13800001234', 'wenhua@liuxi.gov.cn', 'Q&A', 'ISO9001', 'PM2.5', '5G基站', 'GDP  6.5%  7.0%', 'A. 读书活动', 'Community Culture Centre', 'XX']) {
      expect(debris(page(`${line}\n`))).toEqual([]);
    }
    // A lone X is an unfilled slot to the placeholder rule, as before.
    const x = page('X\n');
    expect(run(x).filter((f) => x.slice(f.start, f.end) === 'X').map((f) => f.rule)).toEqual(['placeholder']);
    const tag = page('##paidend##\n');
    expect(run(tag).filter((f) => tag.slice(f.start, f.end) === '##paidend##').map((f) => f.rule)).toEqual(['markup']);
  });
});

describe('an organ’s name alone in brackets below the text: a byline tag', () => {
  it('after the text: a warning without a replacement', () => {
    for (const tag of ['（街道党工委宣传科）', '【区文化馆】', '(柳溪街道办事处)']) {
      expect(debris(`${TITLE}${P1}${P2}${tag}\n${P3}`)).toEqual([[tag, 'warning', null]]);
    }
  });
  it('silent: the reporting unit in brackets under the title, a bracketed note that names no organ', () => {
    expect(debris(`${TITLE}（柳溪街道社区文化中心）\n${P1}${P2}`)).toEqual([]);
    expect(debris(`${TITLE}${P1}（此页无正文）\n${P2}`)).toEqual([]);
  });
});

describe('one source for a sharing site’s cut count', () => {
  it('CUT_NOTICE reads 省略, 隐藏, 剩余 and 还剩 counts', () => {
    for (const s of ['……此处隐藏1024个字……', '省略 380 字', '剩余900字未读', '还剩 12 个字', '隐藏了56字']) expect(CUT_NOTICE.test(s)).toBe(true);
    expect(CUT_NOTICE.test('全年接待读者3000人次')).toBe(false);
  });
  it('a paywall marker inside a paragraph is still cut to the marker with its dots', () => {
    const line = '中心坚持每月开展一次意识形态形势分析研判，及时掌握居民思想动态，……此处隐藏752个字……并在重大节日前开展专项排查，确保阵地安全。';
    const hit = chromeOf(line)!;
    expect(line.slice(hit.start, hit.end)).toBe('……此处隐藏752个字……');
  });
});
