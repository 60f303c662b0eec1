import type { Rule, Finding } from '../types.js';
import { isCjk, lineAt, type CritiqueDoc } from '../doc.js';
import { headingParents, level1Separator, matchAll, reporter, SALUTATION } from './util.js';
import { CUT_NOTICE } from '../chrome.js';

const report = reporter('punctuation', 'punctuation');

const DOUBLED = /([，。、；：！？])\1+/g;
/** Two different sentence marks in a row: ，。 、， ；。 */
const MIXED = /[，、；：][，。、；：]|。[，、；：]/g;
const DUNHAO_DENG = /、等(?![一二三四五六七八九十\d]|[靠待同于级候到额量比价效距高])/g;
const HALF = /[,;:?!]/g;
const DASHES = /—+/g;
/** What two parties joined by a connector hold together, after the second party's name (—东盟博览会, —欧盟领导人会晤). */
const PARTIES_HOLD = /^[\u4e00-\u9fff]{2,4}?(?:领导人会晤|领导人会议|峰会|首脑会议|合作论坛|博览会|商务理事会|班列|铁路|自由贸易区|自贸区|经贸合作区|命运共同体)/;
/** Look-alike marks for the colon: the ratio sign ∶ (U+2236) and the modifier colon ꞉ (U+A789) between Chinese words. */
// (Also the vertical presentation form ︰, U+FE30, that some converters put for a colon.)
const FAKE_COLON = /[∶꞉︰](?=[\s\u3000]*(?:$|[\u4e00-\u9fff“]))/gm;
/** Look-alike quotation marks (GB/T 15834 uses “ ”): the CJK double prime quotes 〝 〞 〟 a converter or an old font leaves. */
/**
 * A sentence closed by 叹号 in a report's body (……安全稳定！): a work report states, it does not exclaim
 * (GB/T 15834-2011 §4.3: 叹号 ends an exclamation). Not inside quotes (a slogan quoted), not a short line
 * standing alone (a slogan: 奋进新征程，建功新时代！).
 */
const EXCLAIM = /(?<=[\u4e00-\u9fff”）])！(?=[ \u3000]*(?:$|[\u4e00-\u9fff“]))/gm;
const HYPHEN_DASH = /(?<=[\u4e00-\u9fff”》）])-{2,3}(?=[\u4e00-\u9fff“《（])/g;
/** 但 as a conjunction takes no comma after it (但，学生……); 但是， may. */
const BUT_COMMA = /(?<=^|[。；！？\s\u3000])但[，,](?=[\u4e00-\u9fff])/gm;
const FAKE_QUOTE = /[〝〞〟]/g;
/** Corner brackets (「」『』): the quotes of vertical text and of traditional-script pages; horizontal text takes “” ‘’ (GB/T 15834-2011 §4.8; the corner forms are for vertical text, §5.2). */
const CORNER = /[「」『』]/g;
const CORNER_RIGHT: Readonly<Record<string, string>> = { '「': '“', '」': '”', '『': '‘', '』': '’' };
/**
 * A year in a document number in square, round or look-alike brackets (【2020】5号, ﹝2016﹞15号, the small-form
 * tortoise shells of some input methods): GB/T 9704-2012 §7.2.4 uses 六角括号 〔〕.
 */
const DOC_NO_BRACKET = /[【[［(（﹝〖<＜〈]\s*((?:19|20)\d{2})\s*[】\]］)）﹞〗>＞〉](?=\s*第?\d{1,4}\s*号)/g;
/** A plan's nickname quoted with the word after it (“十四五规划”): the quotes take the nickname only (“十四五”规划). */
const QUOTED_PLAN = /“(十[一二三四五六七八九]五)(规划|时期|期间|计划)”/g;
/** A look-alike of the interpunct (∙ • ‧ ・ ･) between two Chinese names (人民日报∙民生周刊): GB/T 15834 §4.14 “·”. */
const INTERPUNCT_LOOKALIKE = /(?<=[\u4e00-\u9fff])[∙•‧・･](?=[\u4e00-\u9fff])/g;
/** A clock time with a full-width colon (3：30, 15：40): GB/T 15835-2011 writes the time of day 15:40. */
const CLOCK_WIDE_COLON = /(?<![\d.：:])([0-2]?\d)：([0-5]\d)(?![\d：:])/g;
/** A comma left before a full stop (…实效， 。). */
const COMMA_BEFORE_STOP = /[，,][ \u3000]*(?=。)/g;
/** A half-width ( opened after Chinese text and never closed in its paragraph. */
const OPEN_HALF_PAREN = /(?<=[\u4e00-\u9fff，。；：])\((?=[^()（）\n]*$)/gm;
/** 、 before 及/以及, which already join the last item (GB/T 15834-2011 §4.5.3); not 及时, 及早, 及格, 及第. */
const DUN_JOIN = /、(?=以及|及(?![时早格第]))/g;
const HALF_PAREN = /\(([^()\n]{0,60})\)/g;
const HALF_DOT = /(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff]|$)/gm;
const HALF_QUOTE = /"/g;
/** A pair of ASCII quotes around Chinese text: one finding for the pair. */
const HALF_QUOTE_PAIR = /"([^"\n]{1,60})"/g;
/** Apps and platforms are not publications: “学习强国”, not 《学习强国》 (GB/T 15834-2011 §4.15: 书名号 marks titles of works). */
const PLATFORM = /《(学习强国|微信|微信公众号|微博|抖音|快手|今日头条|视频号|小红书|钉钉|哔哩哔哩|B站|百度|知乎|头条号|企业微信|腾讯会议)》/g;
/** A lead-in's 如下 with no mark after it (……报告如下 / ……汇报如下一、加强……): the 下, for the fix 如下：. */
const LEAD_IN_BARE = /(?<=(?:报告|汇报|总结|说明|述职|通报|安排|要求|部署|情况)如)下(?=[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十])|[ \u3000]*\n)/g;
/** Where a clause or a quoted item ends, for the dash check. */
const CLAUSE_BOUND = /[，。；：、“”（）《》\n]/;
const SAME_VERBS = '部署|安排|落实|检查|考核|推进|谋划|研究|布置|督查|评价';
const SAME_ITEM = new RegExp(`(?<=(?:${SAME_VERBS}))(?=(?:一)?同(?:${SAME_VERBS}))`, 'g');
const SAME_SERIES = new RegExp(`(?<![\\u4e00-\\u9fff]同)(?:一)?同(?:${SAME_VERBS})(?:(?:一)?同(?:${SAME_VERBS}))+`, 'g');
/**
 * Numbered formulas the Party's documents always quote: “四个意识” (十八届六中全会公报, 2016-10), “四个自信”
 * (庆祝建党95周年讲话, 2016-07-01), “两个维护” (2018 起中央文件), “两个确立” (十九届六中全会决议, 2021-11).
 */
const BARE_SLOGAN = /(?<![“"‘《〝「『])(四个意识|四个自信|两个维护|两个确立)(?![”"’》〞」』（(])/g;
/** A Party committee of one level straight before another's (省委市委, 市委县委). */
const ORGANS_RUN = /(?:省|市|县|区)委(?=(?:省|市|县|区)委(?!员))/g;
/**
 * Numbered short names that the central notices quote: 村（社区）“两委” (the Party branch and the residents' or
 * villagers' committee; the 2020 and 2024 换届 notices) and the “两新”组织 (new economic and social organisations).
 */
const BARE_ABBREV = /两委(?<=(?:村|社区|镇|乡|居|其他|各)两委)(?![”"’》〞」』])|两新(?=组织|党建|领域|党组织)(?<![“"‘《〝「『]两新)/g;
/** Marked coordinate items take no 顿号 between them (GB/T 15834-2011 §4.5.3.5). */
const BOOK_DUN = /》、(?=《)/g;
const QUOTE_DUN = /”、(?=“[^“”\n]{1,20}”)/g;
/** Plenum ordinals run together: 二中三中四中全会 → 二中、三中、四中全会. */
/** A document's name in quotation marks (“党政领导干部选拔任用条例”): documents take 《》 (GB/T 15834-2011 §4.15). */
// (A short name in use as a term, “八项规定”, stays.)
const QUOTED_DOC = /“([^“”\n]{4,40}(?:条例|准则|规定|办法|实施办法|实施细则|实施意见|纲要|决定|通知))”/g;
const PLENUMS = /(?:[一二三四五六七八九]中){2,}(?=全会)/g;
/** Two plenums' ordinals run together with one 中 (三四中全会): each takes its own (三中、四中全会). */
const PLENUMS_ONE_ZHONG = /(?<![一二三四五六七八九十])([一二三四五六七八九])([一二三四五六七八九])中(?=全会)/g;

/**
 * Newspapers and periodicals named without 《》 where the text says something was published in them (在人民日报上发表,
 * 求是杂志刊发): GB/T 15834-2011 §4.15 marks titles of newspapers and periodicals. Titles as the papers print them;
 * the organisation (人民日报社), its site and accounts (求是网, 人民日报客户端) take no 《》. Other dailies (X日报, X晚报)
 * only right after 在 and before 上/刊发, where the name cannot run longer than four characters and the paper's suffix.
 */
const PAPERS = ['人民日报海外版', '人民日报', '光明日报', '经济日报', '解放军报', '中国青年报', '学习时报', '中国纪检监察报', '工人日报', '农民日报', '法治日报', '科技日报', '中国教育报', '中国妇女报', '中国组织人事报', '中国文化报', '党建研究', '红旗文稿', '求是'];
const PAPER = new RegExp(`(?<=在)(${PAPERS.join('|')})(杂志|报)?(?=(?:第[一二三四五六七八九十\\d]{1,2}版|头版|理论版|评论版)?(?:上|刊发|刊登|发表|刊载|登载|头版|整版))|(?<=^|[^《\\u4e00-\\u9fff]|近日|日前|此前|先后|被|获|经|由)(${PAPERS.join('|')})(杂志)?(?=(?:头版|第[一二三四五六七八九十\\d]{1,2}版|理论版)?(?:刊发|刊登|发表|刊载|登载))|(?<=在)([\\u4e00-\\u9fff]{2,4}(?:日报|晚报|时报))(?=(?:头版|第[一二三四五六七八九十\\d]{1,2}版|理论版)?上?(?:刊发|刊登|发表|刊载|登载))`, 'g');
/**
 * Books the genre studies, named without 《》 (GB/T 15834-2011 §4.15): titles as published. Each with its publisher
 * and first edition: 习近平谈治国理政 (外文出版社, vol. 1 2014-09 … vol. 4 2022-06); 习近平著作选读 (人民出版社,
 * 2023-04); 习近平新时代中国特色社会主义思想学习纲要 (学习出版社、人民出版社, 2019-06; 2023年版); …三十讲 (学习出版社,
 * 2018-05); …学习问答 (学习出版社、人民出版社, 2021-07); …专题摘编 (党建读物出版社、中央文献出版社, 2023-04); 中国共产党简史
 * (人民出版社、中共党史出版社, 2021-02); 论党的宣传思想工作 (中央文献出版社, 2020-10).
 */
const BOOKS = ['习近平新时代中国特色社会主义思想学习纲要', '习近平新时代中国特色社会主义思想三十讲', '习近平新时代中国特色社会主义思想学习问答', '习近平新时代中国特色社会主义思想专题摘编', '习近平谈治国理政', '习近平著作选读', '中国共产党简史', '论党的宣传思想工作'];
const BOOK = new RegExp(`(?<![《〈“‘])(${BOOKS.join('|')})(?![》〉”’])`, 'g');
/**
 * A name between two spaces, after a verb that launches things and before the kind of thing launched: the quotation
 * marks around an activity's name, lost (开展 创先争优 活动, 推行 三分钟讲台 活动). A line break inside the name is its own finding.
 */
const LOST_QUOTES = /[ \u3000](?<=(?:开展|推行|举办|组织|实施|启动|打造|创建|深化|推出|评选|争当|争创|叫响)[ \u3000])([\u4e00-\u9fff]{2,10}(?:\n[\u4e00-\u9fff]{1,8})?)[ \u3000](?=活动|工程|行动|主题|品牌|竞赛|评选|系列|专项|讲堂|课堂|工作法|大讲堂)/g;
/** 、 before a word that opens a new clause: 并 (not 并购/并网/并列 …), 并且, 同时, 而且. */
const DUN_BEFORE_VERB = /、(?<=[\u4e00-\u9fff”》]、)(?=并(?![购网列联轨行存重入肩])|同时[，,]?[\u4e00-\u9fff]|而且)/g;
/** A conjunction left before a mark (和，及。与、): the item after it fell out. Not the end of a word (平和, 涉及, 参与). */
// (之和, 总和: a sum.)
const DANGLING = /(?:(?<![平温缓调柔谐总共饱祥人谦附随暖亲搅应讲唱融求议中违维之])(和)|(?<![涉普波惠顾危论提触企来遍累殃能不莫以得可所])(及)|(?<![参给授赋相赠])(与)|(以及))(?=[，。、；：！？])/g;

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const fullParens = (s: string) => s.replace('(', '（').replace(')', '）');

/** Paired marks checked per paragraph: open → close. */
const PAIRS: readonly [string, string, string][] = [
  ['“', '”', '引号'],
  ['‘', '’', '单引号'],
  ['《', '》', '书名号'],
  ['〈', '〉', '单书名号'],
  ['（', '）', '括号'],
  ['【', '】', '方括号'],
];

/** A ratio written with a colon (收入比缩小至2.27:1): GB/T 15834-2011 §4.8 marks a ratio with the 比号 ∶. */
// (Matched on the figures, the 比 before them checked after: a lookbehind first would run at every character.)
const RATIO_COLON = /(?<![\d.])\d+(?:\.\d+)?[:：]\d+(?:\.\d+)?(?![\d:：])/g;
/**
 * A range joined by a hyphen: a span of months takes the 一字线 (1-6月 → 1—6月, GB/T 15834-2011 §4.13), a range of
 * figures the wave (3-5年 → 3～5年, 5%-5.5% → 5%～5.5%, GB/T 15835-2011 §4.3), a range of years the 一字线.
 */
const HYPHEN_RANGE = /(?<![\dA-Za-z.\-－/])(\d+(?:\.\d+)?)([%％]?)([-－])(\d+(?:\.\d+)?)(?![\d\-－])/g;
/** Chinese words joined by a hyphen-minus (中国-中亚, 科技-产业-金融): GB/T 15834-2011 §4.13 joins them with —. */
const CJK_HYPHEN = /-(?=[\u4e00-\u9fff“])/g;

/** Ratios, ranges and connectors written with the wrong mark. */
function figureMarks(doc: CritiqueDoc): Finding[] {
  const out: Finding[] = [];
  const t = doc.text;
  for (const { m, start } of matchAll(RATIO_COLON, t)) {
    if (!/比[^，。；：\n]{0,10}$/.test(t.slice(Math.max(0, start - 11), start))) continue;
    const [a, b] = m[0].split(/[:：]/);
    // A clock time (比赛于9:30开始) has minutes in two digits; a ratio ends or starts on a plain number.
    if (/^\d{2}$/.test(b!) && !/^1$/.test(a!)) continue;
    const at = start + a!.length;
    out.push(report(doc, 'warning', at, at + 1, '比例应使用比号“∶”，不用冒号', '∶', '∶'));
  }
  for (const { m, start, end } of matchAll(HYPHEN_RANGE, t)) {
    const [, a, pa, dash, b] = m;
    const month = (x: string) => /^(?:1[0-2]|[1-9])$/.test(x);
    if (t[end] === '月') {
      if (!pa && month(a!) && month(b!)) out.push(report(doc, 'warning', start + a!.length, start + a!.length + 1, '表示时间起止用一字线“—”，不用短横线“-”', '—', '—'));
      continue;
    }
    // Days and hours (9-12时) are left; figures are a range only before a word or a mark, joined by a plain hyphen.
    if (dash !== '-' || /^[日时]/.test(t[end] ?? '') || !/^[%％]?(?:[\u4e00-\u9fff]|[，。；、）])/.test(t.slice(end, end + 2)) || Number(b) <= Number(a)) continue;
    // A telephone number (0827-5221234) or a code: an area code's leading 0, or a figure of seven digits.
    if (/^0\d/.test(a!) || /\d{7}/.test(b!)) continue;
    // A year range (2021-2025年) takes the dash; figures take the wave.
    const years = /^(?:19|20)\d{2}$/.test(a!) && /^(?:19|20)\d{2}$/.test(b!);
    const pct = t[end] === '%' || t[end] === '％' ? t[end] : '';
    const right = `${a}${pa || pct}${years ? '—' : '～'}${b}`;
    out.push(report(doc, 'warning', start, end, `数值范围用“${years ? '—' : '～'}”连接，不用半字线“-”`, right, right));
  }
  // Labellers divide (中国-中亚 marked, 北京-雄安 and a park's name left): a hint.
  for (const { start, end } of matchAll(CJK_HYPHEN, t)) {
    if (!/[\u4e00-\u9fff”]/.test(t[start - 1] ?? '')) continue;
    out.push(report(doc, 'info', start, end, '连接两个相关的名称一般用一字线“—”，不用半字线“-”（专名中的“-”可保留）', '—'));
  }
  // One percent sign throughout: a report that writes % everywhere and ％ once (or the other way) mixed two inputs.
  const half = (t.match(/%/g) ?? []).length;
  const full = (t.match(/％/g) ?? []).length;
  const [odd, major] = half >= 5 && full > 0 && full * 5 <= half ? ['％', '%'] : full >= 5 && half > 0 && half * 5 <= full ? ['%', '％'] : ['', ''];
  if (odd) for (const { start, end } of matchAll(new RegExp(odd, 'g'), t)) out.push(report(doc, 'warning', start, end, `全文百分号多用“${major}”，此处是“${odd}”，应统一`, major, major));
  return out;
}

export const punctuationRule: Rule = {
  id: 'punctuation',
  category: 'punctuation',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [...figureMarks(doc)];
    const t = doc.text;
    // "一,加强…" / "一.加强…": a level-1 marker's separator, reported by the numbering check.
    const markerSeps = new Set<number>();
    for (const l of doc.paragraphs) {
      const b = level1Separator(l);
      if (b) markerSeps.add(b.at);
    }
    // A mark that is part of a chrome marker (a preview chunk's 2、 before the text's own 、) is the chrome's, not doubled.
    const inChrome = (i: number) => {
      const l = lineAt(doc, i);
      const c = l && doc.chrome.get(l.index);
      return !!c && i >= l.start + c.start && i < l.start + c.end;
    };
    for (const { m, start, end } of matchAll(DOUBLED, t)) {
      if (inChrome(start)) continue;
      out.push(report(doc, 'error', start, end, `标点符号“${m[1]}”重复`, m[1], m[1]));
    }
    for (const { m, start, end } of matchAll(MIXED, t)) {
      if (m[0][0] === m[0][1]) continue;
      out.push(report(doc, 'error', start, end, `标点符号“${m[0]}”连用`, '保留一个合适的标点'));
    }
    for (const { start, end } of matchAll(DUNHAO_DENG, t)) {
      out.push(report(doc, 'warning', start, end, '“等”前不用顿号', '等', '等'));
    }
    for (const { m, start, end } of matchAll(FAKE_QUOTE, t)) {
      const right = m[0] === '〝' ? '“' : '”';
      out.push(report(doc, 'warning', start, end, `“${m[0]}”不是规范的引号，应为${right === '“' ? '左' : '右'}引号`, right, right));
    }
    // A speech exclaims as it should (同志们！……): the check is for reports only.
    // (A 政府工作报告 is read to the congress: 各位代表！ and its closing calls are the speaker's.)
    const speech = /同志们[：:，,！!]|各位代表[：:，,！!]|政府工作报告/.test(t) || doc.paragraphs.some((l) => SALUTATION.test(l.text)) || doc.paragraphs.slice(0, 4).some((l) => l.text.trim().length <= 60 && /(?:讲话|发言|致辞|讲话稿|发言稿|发言提纲)(?:稿|提纲)?[）)]?$/.test(l.text.trim()));
    for (const { start, end } of matchAll(EXCLAIM, t)) {
      if (speech) break;
      const l = lineAt(doc, start);
      if (!l || doc.chrome.has(l.index) || inChrome(start)) continue;
      const before = t.slice(l.start, start);
      // A short exclaiming line with no sentence of the report around it is a slogan or a site's plea, not prose.
      if (l.text.trim().length <= 14 || (before.trim().length < 30 && !/。/.test(l.text))) continue;
      if (before.lastIndexOf('“') > before.lastIndexOf('”')) continue;
      // A greeting or thanks (在此向大家致以崇高的敬意！) exclaims in any report.
      if (/致以|敬意|问候|感谢|祝愿|祝福|万岁/.test(before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('！')) + 1))) continue;
      out.push(report(doc, 'warning', start, end, '工作报告是陈述文体，句末一般不用叹号', '。', '。'));
    }
    // Two ASCII hyphens for a dash (面对面--访谈): the dash is two em dashes (GB/T 15834-2011 §4.9).
    for (const { start, end } of matchAll(HYPHEN_DASH, t)) {
      if (inChrome(start)) continue;
      out.push(report(doc, 'warning', start, end, '破折号应为“——”，不用两个短横线“--”', '——', '——'));
    }
    for (const { start, end } of matchAll(BUT_COMMA, t)) {
      if (inChrome(start)) continue;
      out.push(report(doc, 'warning', start + 1, end, '连词“但”后不用逗号', '删去逗号', ''));
    }
    for (const { m, start, end } of matchAll(CORNER, t)) {
      const right = CORNER_RIGHT[m[0]]!;
      out.push(report(doc, 'warning', start, end, `横排文字的引号用“${right}”，不用直角引号“${m[0]}”`, right, right));
    }
    for (const { m, start, end } of matchAll(DOC_NO_BRACKET, t)) {
      out.push(report(doc, 'warning', start, end, '发文字号中的年份用六角括号“〔〕”', `〔${m[1]}〕`, `〔${m[1]}〕`));
    }
    for (const { m, start, end } of matchAll(QUOTED_PLAN, t)) {
      out.push(report(doc, 'warning', start, end, `引号只括简称：“${m[1]}”${m[2]}`, `“${m[1]}”${m[2]}`, `“${m[1]}”${m[2]}`));
    }
    for (const { m, start, end } of matchAll(INTERPUNCT_LOOKALIKE, t)) {
      out.push(report(doc, 'warning', start, end, `“${m[0]}”不是间隔号，名称之间的间隔号写作“·”`, '·', '·'));
    }
    for (const { m, start, end } of matchAll(CLOCK_WIDE_COLON, t)) {
      // Only a time of day (下午3：30, 9：00—11：30): a ratio (1：50) or a score keeps its colon.
      if (Number(m[1]) > 24 || !(/(?:上午|下午|晚上|早上|中午|凌晨|傍晚|[日晚早])[ \u3000]?$/.test(t.slice(Math.max(0, start - 3), start)) || /^[ \u3000]?[-—–~～至到][ \u3000]?\d/.test(t.slice(end, end + 3)) || /\d[ \u3000]?[-—–~～至到][ \u3000]?$/.test(t.slice(Math.max(0, start - 3), start)))) continue;
      out.push(report(doc, 'warning', start, end, '时刻中的冒号用半角“:”（如“15:40”）', `${m[1]}:${m[2]}`, `${m[1]}:${m[2]}`));
    }
    for (const { start, end } of matchAll(COMMA_BEFORE_STOP, t)) {
      out.push(report(doc, 'warning', start, end, '句号前多出逗号', '删去逗号', ''));
    }
    for (const { start, end } of matchAll(OPEN_HALF_PAREN, t)) {
      out.push(report(doc, 'warning', start, end, '半角左括号“(”没有对应的右括号', '改为全角括号“（）”并补上右括号'));
    }
    // A dash is two em dashes (——, GB/T 15834-2011 §4.9); one between two Chinese words is half of it.
    for (const { m, start, end } of matchAll(DASHES, t)) {
      // Three or more: two dashes doubled, or dashes standing in for something cut; the writer decides.
      if (m[0].length >= 3) {
        out.push(report(doc, 'warning', start, end, `破折号连用（${m[0].length}个“—”），破折号只写作“——”`, '核对原稿：删去多余的“—”，或改为“——”'));
        continue;
      }
      if (m[0].length !== 1 || !isCjk(t[start - 1]) || !isCjk(t[end])) continue;
      // A connector (连接号, GB/T 15834-2011 §4.13): short items joined by single dashes and nothing else between two
      // marks (北京—上海, 国家课程—校本课程—活动课程) mark a span or a progression, not a dash.
      let from = start;
      while (from > 0 && !CLAUSE_BOUND.test(t[from - 1]!)) from--;
      let to = end;
      while (to < t.length && !CLAUSE_BOUND.test(t[to]!)) to++;
      const items = t.slice(from, to).split('—');
      if (items.every((x) => /^[\u4e00-\u9fff]+$/.test(x)) && (items.length >= 3 ? items.every((x) => x.length <= 8) : items.every((x) => x.length <= 5))) continue;
      // Two parties joined before what they hold together (中国—欧盟领导人会晤, 中国—东盟博览会): a connector too.
      if (PARTIES_HOLD.test(t.slice(end, end + 16))) continue;
      // Official reports join two places in a longer phrase with one dash (环南昆山—罗浮山, 珠江—西江经济带: a
      // connector, round 23's precision sets, six places); one dash may also be half a 破折号: a hint without a fix.
      out.push(report(doc, 'info', start, end, '单个“—”：若是破折号，应写作“——”；若是连接号（连接地名、机构等），可保留', '核对：破折号改为“——”'));
    }
    // 同谋划同推进同考核: the 同 items of one series are parted by 顿号 (the 四同's kin; the 四同 is a named set).
    for (const { m, start, end } of matchAll(SAME_SERIES, t)) {
      // Only the 四同's own members: the named set reports it (formulation).
      if (/^(?:(?:一)?同(?:部署|落实|检查|考核))+$/.test(m[0])) continue;
      // Advice: r22's labeller marks it, r27's does not.
      const right = m[0].replace(SAME_ITEM, '、');
      out.push(report(doc, 'info', start, end, '并列的“同……”各项之间一般加顿号', right));
    }
    for (const { m, start, end } of matchAll(BARE_SLOGAN, t)) {
      out.push(report(doc, 'warning', start, end, `“${m[1]}”是固定的提法，应加引号`, `“${m[1]}”`, `“${m[1]}”`));
    }
    // Two organs run together (省委市委): each is named, with a 顿号 between (市委市政府 is the accepted pair).
    for (const { m, start, end } of matchAll(ORGANS_RUN, t)) {
      out.push(report(doc, 'warning', start, end, '并列的机关名称之间应加顿号', `${m[0]}、`, `${m[0]}、`));
    }
    // A hint since round 22: five labellers of round 22 leave 两委 and 两新 bare (r134's, of round 21, marks them), as much of the
    // genre's own text does; the notices' quoted form is offered, not applied.
    for (const { m, start, end } of matchAll(BARE_ABBREV, t)) {
      out.push(report(doc, 'info', start, end, `“${m[0]}”是数字简称，中央文件加引号（“${m[0]}”）`, `可写作“${m[0]}”`));
    }
    for (const { m, start, end } of matchAll(FAKE_COLON, t)) {
      out.push(report(doc, 'warning', start, end, m[0] === '︰' ? '“︰”是竖排用的符号，不是冒号' : `“${m[0]}”是比号，不是冒号`, '：', '：'));
    }
    for (const { start, end } of matchAll(DUN_JOIN, t)) {
      out.push(report(doc, 'warning', start, end, `“${t.slice(end, end + (t.startsWith('以及', end) ? 2 : 1))}”前不用顿号`, '删去顿号', ''));
    }
    for (const { m, start, end: first } of matchAll(HALF, t)) {
      if (markerSeps.has(start) || t[start - 1] === m[0]) continue;
      // A run of the same mark (,,) is one defect: two fixes to ，would leave ，，.
      let end = first;
      while (t[end] === m[0]) end++;
      const before = t[start - 1];
      const after = t[end];
      // A ? after a figure and before a mark (前1?。): a sign such as ‱ the page's encoding lost.
      if (m[0] === '?' && end - start === 1 && /[0-9]/.test(before ?? '') && /[。，；、]/.test(after ?? '')) {
        out.push(report(doc, 'warning', start, end, '“?”处疑为特殊符号或生僻字在网页转码时丢失', '核对原文，补上丢失的字符'));
        continue;
      }
      // Half-width marks between digits or Latin (8:30, a,b) are fine.
      if (!isCjk(before) && !(isCjk(after) && !/[0-9A-Za-z]/.test(before ?? ''))) continue;
      if (m[0] === ':' && /\d/.test(after ?? '')) continue;
      // A ? where a character stands (、?水灌区): a rare character the page's encoding lost, not a question mark.
      if (m[0] === '?' && end - start === 1 && ((/[、，（“\u4e00-\u9fff]/.test(before ?? '') && isCjk(after) && !/[吗呢么]/.test(before ?? '')) || (/[0-9]/.test(before ?? '') && /[。，；、]/.test(after ?? '')))) {
        out.push(report(doc, 'warning', start, end, '“?”处疑为生僻字在网页转码时丢失', '核对原文，补上丢失的字'));
        continue;
      }
      if (end - start > 1) out.push(report(doc, 'error', start, end, `标点符号“${t.slice(start, end)}”重复，且是半角`, FULL[m[0]], FULL[m[0]]));
      else out.push(report(doc, 'warning', start, end, `中文语境中使用了半角标点“${m[0]}”`, FULL[m[0]], FULL[m[0]]));
    }
    for (const { m, start, end } of matchAll(HALF_PAREN, t)) {
      if (!/[\u4e00-\u9fff]/.test(m[1]!)) continue;
      // Heading markers like "(一)" are reported by the numbering check.
      if (/^[一二三四五六七八九十\d]{1,3}$/.test(m[1]!) && doc.headings.some((h) => h.start === start)) continue;
      out.push(report(doc, 'warning', start, end, '中文语境中使用了半角括号', `（${m[1]}）`, `（${m[1]}）`));
    }
    // A stray "." may sit inside a phrase: replacing it by 。 could break the sentence, so no replacement.
    for (const { start, end } of matchAll(HALF_DOT, t)) {
      if (markerSeps.has(start)) continue;
      out.push(report(doc, 'warning', start, end, '中文中出现半角句点“.”', '句末改为“。”，句中则删去'));
    }
    const paired = new Set<number>();
    for (const { m, start, end } of matchAll(HALF_QUOTE_PAIR, t)) {
      if (!/[\u4e00-\u9fff]/.test(m[1]!)) continue;
      paired.add(start).add(end - 1);
      out.push(report(doc, 'warning', start, end, '中文语境中使用了半角引号', `“${m[1]}”`, `“${m[1]}”`));
    }
    for (const { start, end } of matchAll(HALF_QUOTE, t)) {
      if (paired.has(start) || (!isCjk(t[start - 1]) && !isCjk(t[end]))) continue;
      out.push(report(doc, 'warning', start, end, '中文语境中使用了半角引号（且不成对）', '改为全角引号“”并补齐'));
    }
    for (const { m, start, end } of matchAll(PLATFORM, t)) {
      out.push(report(doc, 'warning', start, end, `“${m[1]}”是平台名称，不是作品名称，不用书名号`, `“${m[1]}”`, `“${m[1]}”`));
    }
    // GB/T 15834 says 通常不用, not 不用, and the State Council's government work reports of 2021–2025 put 、 between
    // quoted and between titled items throughout (22 places in five reports, round 23), as labellers mostly leave it
    // (22 of 52 places marked over rounds 20–22): a hint without a replacement.
    for (const { start, end } of matchAll(BOOK_DUN, t)) out.push(report(doc, 'info', start, end, '并列的书名号之间通常不用顿号（也有不少正式文稿保留顿号，可按本单位习惯统一）', '删去顿号或全文统一'));
    for (const { start, end } of matchAll(QUOTE_DUN, t)) {
      const open = t.lastIndexOf('“', start);
      if (open < 0 || start - open > 21 || /[”\n]/.test(t.slice(open + 1, start))) continue;
      // A hint, as for 》、《 above (round 23).
      out.push(report(doc, 'info', start, end, '并列的引号之间通常不用顿号（也有不少正式文稿保留顿号，可按本单位习惯统一）', '删去顿号或全文统一'));
    }
    for (const { m, start, end } of matchAll(QUOTED_DOC, t)) {
      // 中央八项规定 is the rules' name in use, not a document's title.
      if (/八项规定$/.test(m[1]!)) continue;
      // A numbered shorthand for several documents (一规划两纲要, 1+N政策) is an abbreviation, quoted as such.
      if (/^[一二两三四五六七八九十1-9N][\u4e00-\u9fff+＋]{0,3}[一二两三四五六七八九十1-9N]/.test(m[1]!)) continue;
      out.push(report(doc, 'warning', start, end, `文件名称“${m[1]}”应使用书名号`, `《${m[1]}》`, `《${m[1]}》`));
    }
    for (const { m, start, end } of matchAll(PLENUMS_ONE_ZHONG, t)) {
      if ('一二三四五六七八九'.indexOf(m[2]!) !== '一二三四五六七八九'.indexOf(m[1]!) + 1) continue;
      const right = `${m[1]}中、${m[2]}中`;
      out.push(report(doc, 'warning', start, end, '并列的全会序数应各带“中”并用顿号隔开', right, right));
    }
    for (const { m, start, end } of matchAll(PLENUMS, t)) {
      const right = m[0].replace(/中(?=.)/g, '中、');
      out.push(report(doc, 'warning', start, end, '并列的全会序数之间应加顿号', right, right));
    }
    for (const { m, start, end } of matchAll(PAPER, t)) {
      const name = m[1] ?? m[3] ?? m[5]!;
      const tail = m[2] ?? m[4] ?? '';
      // 求是杂志 → 《求是》杂志; 人民日报 → 《人民日报》. 光明日报报 is no form, so 报 after a 日报 stays out.
      // 工作日报, 值班日报, 舆情日报: a unit's daily sheet, not a paper.
      if (tail === '报' || /(?:工作|值班|疫情|生产|安全|销售|监测|舆情|信息|数据|统计)(?:日报|晚报|时报)$/.test(name)) continue;
      const right = `《${name}》${tail}`;
      out.push(report(doc, 'warning', start, end, `报刊名称“${name}”应加书名号`, right, right));
    }
    // An activity's name set off by spaces where a site dropped its quotation marks (开展 创先争优 活动).
    for (const { m, start, end } of matchAll(LOST_QUOTES, t)) {
      const name = m[1]!.replace(/\s+/g, '');
      out.push(report(doc, 'warning', start, end, `“${name}”前后是空格，疑为网页丢失了引号`, `“${name}”`, `“${name}”`));
    }
    // 、 joins words of one kind; 并/并且/同时 open another action, so the mark before them is a comma (标语、并制作).
    for (const { start, end } of matchAll(DUN_BEFORE_VERB, t)) {
      out.push(report(doc, 'warning', start, end, '“并”“同时”等引出另一个动作，前面用逗号，不用顿号', '，', '，'));
    }
    // A stray full stop after a colon (如下：. / 如下：。): the colon ends the line.
    for (const { start, end } of matchAll(/(?<=[：:])[.．。](?=[ \u3000]*(?:\n|$))/g, t)) {
      out.push(report(doc, 'warning', start, end, '冒号后多出句点', '删去句点', ''));
    }
    for (const { m, start, end } of matchAll(BOOK, t)) {
      // Inside a title of its own (《学习〈习近平谈治国理政〉……》) the inner marks are 〈〉, checked above by the lookbehind.
      out.push(report(doc, 'warning', start, end, `书名“${m[1]}”应加书名号`, `《${m[1]}》`, `《${m[1]}》`));
    }
    // A dash typed with the horizontal bar (――, U+2015, as some GBK converters map it) or a box-drawing line: the
    // Chinese dash is two em dashes (GB/T 15834-2011 §4.9).
    for (const { start, end } of matchAll(/(?<=[\u4e00-\u9fff”）》])(?:―{2}|─{2})(?=[\u4e00-\u9fff“（《])/g, t)) {
      out.push(report(doc, 'warning', start, end, '破折号应为两个“—”（——），此处用了横线字符', '——', '——'));
    }
    for (const { m, start, end } of matchAll(DANGLING, t)) {
      // Inside a quote or a title, the word may be cut on purpose (“和”字).
      if (/[“‘《]$/.test(t.slice(start - 1, start)) || /[”’》]/.test(t[end] ?? '')) continue;
      // A short name in a list of short names (大通、民和、互助、共和): the word ends the name.
      if (m[1] === '和' && /(?:^|[、，：\n])[\u4e00-\u9fff]{1,2}$/.test(t.slice(Math.max(0, start - 3), start)) && /^、|、[\u4e00-\u9fff]{2,3}$/.test(t[end] === '、' ? '、' : t.slice(Math.max(0, start - 4), start - 1))) continue;
      const w = m[0];
      out.push(report(doc, 'warning', start, end, `“${w}”后直接是标点，连接的另一项缺失`, `补上“${w}”后的内容，或删去“${w}”`));
    }
    out.push(...lineEnds(doc));
    out.push(...colonInSeries(doc));
    // A title inside a book title marked with ASCII angle brackets (《…<…>…》): the inner marks are 〈〉 (GB/T 15834-2011 §4.15).
    for (const { m, start, end } of matchAll(/<(?<=《[^《》\n]{0,40}<)([^<>\n]*[\u4e00-\u9fff][^<>\n]*)>(?=[^《》\n]{0,40}》)/g, doc.text)) {
      out.push(report(doc, 'warning', start, end, '书名号内的书名应使用单书名号“〈〉”', `改为“〈${m[1]}〉”`, `〈${m[1]}〉`));
    }
    for (const h of doc.headings) {
      if (h.mark.style === 'punct-after-paren') {
        out.push(report(doc, 'error', h.start, h.end, `序号“${h.mark.marker}”后不加标点`, fullParens(h.mark.marker.slice(0, -1)), fullParens(h.mark.marker.slice(0, -1))));
      } else if (h.mark.style === 'half-width-paren') {
        out.push(report(doc, 'warning', h.start, h.end, `序号“${h.mark.marker}”应使用全角括号`, fullParens(h.mark.marker), fullParens(h.mark.marker)));
      }
    }
    // Pairs are judged over logical paragraphs: a copy may wrap （…） or “…” over two lines.
    // Blocks and lines are both in text order: one pointer walks the lines once for all blocks.
    let next = 0;
    for (const b of sentenceGroups(doc)) {
      // A paragraph that a site's paywall cut (the notice on the next line) lost its closing marks with the cut.
      if (next < 0) next = doc.lines.length;
      while (next < doc.lines.length && !(doc.lines[next]!.start > b.end && doc.lines[next]!.text.trim() !== '')) next++;
      if (next >= doc.lines.length) next = -1;
      const cut = next >= 0 && doc.chrome.get(next)?.kind === 'advert' && CUT_NOTICE.test(doc.lines[next]!.text);
      // A look-alike quotation mark (〝…〞, from some input methods and converters) pairs as the quote it stands for.
      const seg = oneWayQuotes(doc, doc.text.slice(b.start, b.end).replace(/〝/g, '“').replace(/[〞〟]/g, '”'), b.start);
      out.push(...seg.found);
      const found = unbalanced(doc, seg.text, b.start);
      out.push(...(cut ? found.filter((f) => !/没有对应的右/.test(f.message)) : found));
    }
    return out;
  },
};

const OPENERS = new Map(PAIRS.map((p, i) => [p[0], i]));
const CLOSERS = new Map(PAIRS.map((p, i) => [p[1], i]));
const ANY_PAIR = /[“”‘’《》〈〉（）【】]/;
/** [outer, inner] indices into PAIRS: marks nested one level inside another (GB/T 15834-2011 §4.1.3.3, §4.15.3.2). */
const NESTED: readonly [number, number][] = [
  [2, 3],
  [0, 1],
];

/** The longest quoted item a mistyped mark is paired over (a name, a slogan, a short quotation). */
const ONE_WAY_SPAN = 40;
/** The next quotation mark or line break (searched from an index, without copying the rest of the paragraph). */
const NEXT_MARK = /[“”\n]/g;

/**
 * Quotation marks typed one way only (”五主”推进, “群众议、群众享“): an input method or a converter gave every mark
 * the same shape. A mark in the wrong direction whose partner of the same shape follows close by, with no other quote
 * mark or line between, is the other half of that pair: one finding on it, with the right mark, and the pair is then
 * matched as it should be (no unpaired-quote findings on both halves).
 */
function oneWayQuotes(doc: CritiqueDoc, text: string, base: number): { text: string; found: Finding[] } {
  // Other quote-like marks in the paragraph ('两个确保“): the pairs are mixed, not one-way; the general check says so.
  if (!/[“”]/.test(text) || /['"‘’「」『』]/.test(text)) return { text, found: [] };
  // UTF-16 units, so that indices stay the text's own.
  const chars = text.split('');
  const found: Finding[] = [];
  let openAt = -1;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '“') {
      // A second opener close after the first, with no line between: the closer typed as an opener.
      // Not when a closer follows it: then it opens a pair of its own and the first opener is the unpaired one.
      NEXT_MARK.lastIndex = i + 1;
      const opensPair = NEXT_MARK.exec(text)?.[0] === '”';
      if (openAt >= 0 && !opensPair && i - openAt <= ONE_WAY_SPAN + 1 && i > openAt + 1 && !text.slice(openAt, i).includes('\n')) {
        found.push(report(doc, 'error', base + i, base + i + 1, '引号方向错误：此处是右引号，误用了左引号（“）', '改为右引号”', '”'));
        chars[i] = '”';
        openAt = -1;
      } else if (openAt < 0) openAt = i;
      continue;
    }
    if (c !== '”') continue;
    if (openAt >= 0) {
      openAt = -1;
      continue;
    }
    // A closer with nothing open whose partner of the same shape follows close by: the opener typed as a closer.
    NEXT_MARK.lastIndex = i + 1;
    const mark = NEXT_MARK.exec(text);
    const partner = mark && mark.index > i + 1 && mark.index <= i + ONE_WAY_SPAN ? mark.index : -1;
    if (partner < 0 || text[partner] !== '”') continue;
    found.push(report(doc, 'error', base + i, base + i + 1, '引号方向错误：此处是左引号，误用了右引号（”）', '改为左引号“', '“'));
    chars[i] = '“';
    i = partner;
  }
  return { text: chars.join(''), found };
}

/** Report each unmatched paired mark at its own position; each kind is matched separately. */
/**
 * The logical paragraphs, with those a page broke inside a sentence joined again (……成果找市场“双向 / 揭榜 / 挂帅”的
 * 简称……): a paragraph that ends on a character or a comma and is no heading runs on into the next, up to three breaks.
 * The break itself is the layout rule's finding; a quote it splits is still one pair.
 */
function sentenceGroups(doc: CritiqueDoc): { start: number; end: number }[] {
  const heads = new Set([...doc.titleLines, ...doc.headings.filter((h) => !h.runIn).map((h) => h.line)]);
  const lineOf = (at: number) => doc.lines.findLast((l) => l.start <= at);
  const out: { start: number; end: number }[] = [];
  let joins = 0;
  for (const b of doc.blocks) {
    const last = out.at(-1);
    const prevEnd = last ? doc.text.slice(last.start, last.end).trimEnd() : '';
    // A heading proper (short, no clause marks) ends bare by design; an item line with its text (7.“……”：……) may break.
    const bareHead = (l: { index: number; text: string }) => heads.has(l.index) && l.text.trim().length <= 30 && !/[：:，。]/.test(l.text);
    const candidate = !!last && joins < 3 && /[\u4e00-\u9fff，“‘]$/.test(prevEnd) && (prevEnd.match(/“/g) ?? []).length > (prevEnd.match(/”/g) ?? []).length && /^[\s\u3000]*$/.test(doc.text.slice(last.end, b.start));
    const a = candidate ? lineOf(last.end - 1) : undefined;
    const z = candidate ? lineOf(b.start) : undefined;
    if (a && z && !bareHead(a) && !bareHead(z) && !doc.chrome.has(a.index) && !doc.chrome.has(z.index)) {
      last!.end = b.end;
      joins++;
      continue;
    }
    joins = 0;
    out.push({ start: b.start, end: b.end });
  }
  return out;
}

function unbalanced(doc: CritiqueDoc, text: string, base: number): Finding[] {
  if (!ANY_PAIR.test(text)) return [];
  const out: Finding[] = [];
  const stacks: number[][] = PAIRS.map(() => []);
  const extra: number[][] = PAIRS.map(() => []);
  const matched: [number, number][][] = PAIRS.map(() => []);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const o = OPENERS.get(c);
    if (o !== undefined) {
      stacks[o]!.push(i);
      continue;
    }
    const k = CLOSERS.get(c);
    if (k === undefined) continue;
    if (stacks[k]!.length) matched[k]!.push([stacks[k]!.pop()!, i]);
    else extra[k]!.push(i);
  }
  // An inner mark closed with the outer one (《…〈…》…》, “…‘…”…”) is one defect: the first outer closer after the
  // unpaired inner opener should be the inner closer. One finding there, not an unpaired opener and an extra closer.
  for (const [outer, inner] of NESTED) {
    const opens = stacks[inner]!;
    const closes = extra[outer]!;
    if (opens.length !== 1 || closes.length !== 1) continue;
    const at = opens[0]!;
    const first = text.indexOf(PAIRS[outer]![1], at);
    const between = text.slice(at + 1, first);
    const own = new Set([...PAIRS[outer]!.slice(0, 2), ...PAIRS[inner]!.slice(0, 2)]);
    if (first < 0 || first >= closes[0]! || [...between].some((c) => own.has(c))) continue;
    const [, innerClose, innerName] = PAIRS[inner]!;
    const [, outerClose, outerName] = PAIRS[outer]!;
    out.push(
      report(doc, 'error', base + first, base + first + 1, `${innerName}不成对：“${PAIRS[inner]![0]}”用“${outerClose}”收尾，嵌套的${innerName}应以“${innerClose}”收尾（外层${outerName}已另有“${outerClose}”）`, `改为“${innerClose}”`, innerClose),
    );
    opens.length = 0;
    closes.length = 0;
  }
  extra.forEach((list, k) => {
    const [, close, name] = PAIRS[k]!;
    for (const i of list) out.push(report(doc, 'error', base + i, base + i + 1, `${name}不成对：多出右${name}（${close}）`, `补上左${name}或删去多出的右${name}`));
  });
  stacks.forEach((stack, k) => {
    const [open, close, name] = PAIRS[k]!;
    for (const i of stack) {
      // The same mark opened again inside (（地址：…，邮箱：（…）。): the one closer pairs with the inner opener, but
      // a bracket is not nested in its own shape (GB/T 15834-2011 nests ［］ or 〔〕 in （）), so the inner one is the extra.
      // Only where the inner pair closes the sentence (……（…）。), so the one closer could be either's.
      const pair = open === '（' || open === '(' ? matched[k]!.filter(([j]) => j > i).sort((a, b) => a[0] - b[0])[0] : undefined;
      // A byline or aside left open ((记者 王明 通讯员 李华 近日…（共12次）) or one that ran past a sentence end or a
      // line is the unclosed one itself, not an outer pair.
      const openAside = pair && (BYLINE.test(text.slice(i + 1, i + 8)) || /[\n。！？]/.test(text.slice(i + 1, pair[0])));
      const inner = pair && !openAside && /^[。；！？]?[\s\u3000]*$/.test(text.slice(pair[1] + 1).split(/(?<=[。；！？])/)[0]!) ? pair[0] : undefined;
      if (inner !== undefined) {
        out.push(report(doc, 'error', base + inner, base + inner + 1, `${name}不成对：${name}内又出现“${open}”，两个左${name}只有一个右${name}，此处的左${name}疑为多余`, `删去多出的左${name}（括号内再用括号应改用“［］”或“〔〕”）`));
        continue;
      }
      out.push(report(doc, 'error', base + i, base + i + 1, `${name}不成对：左${name}（${open}）没有对应的右${name}（${close}）`, `补上右${name}或删去多出的左${name}`));
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/** What opens a byline or a source note in brackets: 记者 name, 通讯员 name, 来源：…, 文/图. */
const BYLINE = /^[\s\u3000]*(?:本报记者|记者|通讯员|特约|摄影|供稿|来源|作者|编辑|撰稿|审核|责编|文\/|图\/|文：|图：)/;

/** An item marker at a clause start: items with a lead-in and a colon (二是强化管理：…) are the writer's layout. */
const CLAUSE_ITEM = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,2}[是要、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十]{1,2}[，、,])/;

/**
 * A colon between two clauses of a ；-series (加强学习；压实责任：签订责任书；抓好阵地…): the one separator that
 * differs is a slip for ；. Not a lead-in (its clause introduces what follows: 要求：, 如下：) and not in marked items.
 */
function colonInSeries(doc: CritiqueDoc): Finding[] {
  const out: Finding[] = [];
  const headingLines = new Set(doc.headings.filter((h) => !h.runIn).map((h) => h.line));
  for (const p of doc.paragraphs) {
    if (headingLines.has(p.index) || doc.chrome.has(p.index)) continue;
    let from = 0;
    for (const sentence of p.text.split(/(?<=[。！？])/)) {
      const base = p.start + from;
      from += sentence.length;
      if ((sentence.match(/；/g) ?? []).length < 2 || (sentence.match(/[：:]/g) ?? []).length !== 1 || /[“”"（）()《》]/.test(sentence)) continue;
      const colon = sentence.search(/[：:]/);
      const clauses = sentence.split(/[；：:]/);
      const k = sentence.slice(0, colon).split('；').length - 1;
      const lead = clauses[k]!.trim();
      const after = clauses[k + 1]!.replace(/[。！？]$/, '').trim();
      if (k === 0 || clauses.some((c) => CLAUSE_ITEM.test(c)) || lead.length < 4 || after.length < 4) continue;
      if (/(?:如下|包括|是|为|即|有|要求|指出|强调|提出|明确|规定|表示|认为|总之|具体|主要|其中|例如|比如|分别)$/.test(lead)) continue;
      // What follows a colon that explains its clause gives the figures (讲党课：全年讲授6次); a parallel clause does not.
      if (/[0-9０-９]|^(?:全年|共|累计|其中|包括|即|如|分别)/.test(after)) continue;
      out.push(report(doc, 'warning', base + colon, base + colon + 1, '分号并列的各项之间误用了冒号', '改为分号', '；'));
    }
  }
  return out;
}

/**
 * Line ends: a paragraph that ends with a comma; a heading ending with 。 while its siblings
 * end without (GB/T 9704 headings carry no end mark unless the writer uses one throughout).
 */
function lineEnds(doc: CritiqueDoc): Finding[] {
  const out: Finding[] = [];
  const headingLines = new Set(doc.headings.filter((h) => !h.runIn).map((h) => h.line));
  const last = doc.paragraphs.at(-1);
  for (const p of doc.paragraphs) {
    // A comma at a soft wrap is the copy's line width, not the paragraph's end.
    if (p === last || headingLines.has(p.index) || doc.chrome.has(p.index) || doc.softBreaks.has(p.index)) continue;
    const t = p.text.trimEnd();
    if (/[，,、]$/.test(t) && t.length >= 10) {
      const at = p.start + t.length - 1;
      const mark = t.endsWith('、') ? '顿号' : '逗号';
      out.push(report(doc, 'warning', at, at + 1, `段末使用了${mark}：句子在此断开了`, '句子完整则改为“。”，未完则与下一段连接'));
    }
  }
  // 如下 with no mark at all, at a line's end or where a page glued the first heading to it: the colon is missing.
  for (const { start, end } of matchAll(LEAD_IN_BARE, doc.text)) {
    // A heading glued to it (……汇报如下一、加强……) starts its own line as well: the fix does both.
    const glued = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/.test(doc.text.slice(end, end + 5));
    out.push(report(doc, 'warning', start - 1, end, '“如下”后缺少冒号', glued ? '如下：（下文标题另起一行）' : '如下：', glued ? '如下：\n' : '如下：'));
  }
  // 如下 with another mark before the headings it opens: below.
  const headingAt = new Map(doc.headings.filter((h) => !h.runIn).map((h) => [h.line, h]));
  for (const [i, p] of doc.paragraphs.entries()) {
    const t = p.text.trimEnd();
    const next = doc.paragraphs[i + 1];
    const sub = next ? headingAt.get(next.index) : undefined;
    if (!sub) continue;
    // A lead-in (现将……汇报如下) opening the headings after it: a colon is the rule, but a full stop before
    // separate sections is in use (the dev set's labellers accept it, r23's did not) — advice.
    if (/如下[。，；]$/.test(t) && !headingLines.has(p.index)) {
      const at = p.start + t.length - 1;
      out.push(report(doc, t.endsWith('。') ? 'info' : 'warning', at, at + 1, '“如下”引出下文，句末一般用冒号', '：', t.endsWith('。') ? undefined : '：'));
    }
    // A heading that opens sub-headings ends bare: 一、工作情况：followed by （一）…… drops the colon.
    const h = headingAt.get(p.index);
    if (h && sub.mark.level > h.mark.level && /[：:]$/.test(t) && h.mark.title.trim().length <= 30 && !/[，。；]/.test(h.mark.title)) {
      const at = p.start + t.length - 1;
      // (r86 and r89 mark it, r81 leaves it: a warning.)
      out.push(report(doc, 'warning', at, at + 1, '标题末尾不用冒号', '删去冒号', ''));
    }
  }
  // Siblings are headings of one level: 一、主要做法 and （一）加强领导。 follow different conventions.
  const parents = headingParents(doc);
  for (const level of [1, 2] as const) {
    const all = doc.headings.filter((h) => !h.runIn && h.mark.level === level);
    const short = all.map((h) => ({ h, title: h.mark.title.trimEnd() })).filter(({ title }) => title.length <= 30 && !/[。；！？].+/.test(title));
    // The full stop is compared within one list (the headings under one parent): a report may end the items of its
    // plan with 。 and leave those of its review bare, each list consistent in itself.
    const parentOf = (h: (typeof all)[number]) => parents.get(h) ?? -1;
    const stopped = new Set(short.filter(({ title }) => /。$/.test(title)).map(({ h }) => h));
    const bare = new Set(short.filter(({ title }) => !/[。；！？：]$/.test(title)).map(({ h }) => h));
    // Per list: how many of its headings end bare, and how many with 。 (bare minus stopped).
    const lean = new Map<number, number>();
    for (const { h } of short) lean.set(parentOf(h), (lean.get(parentOf(h)) ?? 0) + (bare.has(h) ? 1 : stopped.has(h) ? -1 : 0));
    const withStop = short.filter(({ h }) => stopped.has(h) && lean.get(parentOf(h))! >= 0);
    // A tie goes to the bare form: a heading on its own line takes no end mark (GB/T 9704 practice).
    for (const { h, title } of withStop) {
      const at = h.end + (h.mark.title.length - h.mark.title.trimStart().length) + title.length - 1;
      out.push(report(doc, 'warning', at, at + 1, `同级标题多数不加句号，此处“${h.mark.marker}”标题末尾有“。”`, '删去句号', ''));
    }
    // The same for a colon: 一、基本情况 / 二、资源情况 / 三、产业情况： (a colon that leads into sub-headings is reported above).
    const withColon = short.filter(({ title }) => /[：:]$/.test(title));
    const without = short.filter(({ h }) => bare.has(h));
    // A tie goes to the bare form, as for the full stop.
    for (const { h, title } of without.length >= 1 && without.length >= withColon.length ? withColon : []) {
      const at = h.end + (h.mark.title.length - h.mark.title.trimStart().length) + title.length - 1;
      if (out.some((f) => f.start === at)) continue;
      out.push(report(doc, 'warning', at, at + 1, `同级标题多数不加冒号，此处“${h.mark.marker}”标题末尾有“${doc.text[at]}”`, '删去冒号', ''));
    }
  }
  return out;
}
