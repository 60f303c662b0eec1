import type { Rule, Finding } from '../types.js';
import { lineAt, type CritiqueDoc, type Line } from '../doc.js';
import { headingParents, MARKED_BYLINE, matchAll, meetingSubtitle, reporter, SALUTATION } from './util.js';
import { CUT_NOTICE, inlineChrome, isTableRow } from '../chrome.js';

const report = reporter('layout', 'layout');

/** The lines that are headings of their own (not a heading run into a line). */
const ownHeadingLines = (doc: CritiqueDoc): Set<number> => new Set(doc.headings.filter((h) => !h.runIn).map((h) => h.line));

/**
 * A heading whose text runs on after its first full stop (（三）……创新。机关工委……) where most headings of its kind
 * stand on lines of their own: the writer's own layout says this one lost its break (sibling comparison).
 */
function runInAmongSiblings(doc: CritiqueDoc): Finding[] {
  const t = doc.text;
  const kinds = new Map<string, { own: number; runOn: number[] }>();
  const heads = ownHeadingLines(doc);
  const parents = headingParents(doc);
  for (const h of doc.headings) {
    if (h.runIn) continue;
    const line = doc.lines[h.line];
    if (!line) continue;
    const next = doc.paragraphs.find((q) => q.index > h.line);
    // Siblings are the headings of one list, under one parent: a report may run in the items of its review (（一）聚焦……。
    // text) and set those of its plan on their own lines, each list consistent in itself.
    const kind = `${parents.get(h) ?? -1}:${h.mark.level}:${h.mark.marker.replace(/[一二三四五六七八九十]+/, 'c').replace(/[0-9]+/, 'd')}`;
    const k = kinds.get(kind) ?? { own: 0, runOn: [] };
    kinds.set(kind, k);
    const rest = t.slice(h.end, line.end);
    const stop = rest.search(/[。！？]/);
    if (stop >= 0 && /^[\s\u3000]*[\u4e00-\u9fff“]{4}/.test(rest.slice(stop + 1))) k.runOn.push(h.end + stop);
    // A heading on its own line counts only over its own text: not over sub-headings, nor last in a cut excerpt.
    else if (next && !heads.has(next.index)) k.own += 1;
  }
  const out: Finding[] = [];
  for (const { own, runOn } of kinds.values()) {
    if (own < 2 || runOn.length >= own) continue;
    for (const at of runOn) out.push(report(doc, 'warning', at, at + 1, '同级标题都单独成行，此处标题与正文连在同一行', '标题单独成行，正文另起一段', '。\n'));
  }
  return out;
}
/** PM / 2.5 / 浓度: a subscript alone on its line between its symbol and the text. */
const BROKEN_SUBSCRIPT = /\n[ \u3000]*(2\.5|10|2|3)[ \u3000]*\n[ \u3000]*(?=[\u4e00-\u9fff])/g;
const SPACE_IN_SET = /[ \u3000]+(?=“|[0-9A-Z]|\+[0-9A-Z])/g;
const UNDASHED_SUBTITLE = /^[\s\u3000]*20\d{2}年\d{1,2}月\d{1,2}日在[^。；，\n]{4,50}(?:会议|大会)上[\s\u3000]*$/;
/** An opening bracket alone on its line before the numeral that closes it: the break inside the marker. */
const BROKEN_MARKER = /(?<=^[ \u3000]*[（(])[ \u3000]*\n[ \u3000]*(?=[一二三四五六七八九十]{1,3}[）)])/gm;
/** The spaces after a line-initial （一）, 一、 or 1. (GB/T 9704 sets no space after a heading's number; round 18). */
const HEADING_NUMBER_SPACE = /(?<=^[ \u3000]*(?:（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、|[1-9][0-9]?[.．、](?![0-9])|（[1-9][0-9]?）))[ \u3000]+(?=[\u4e00-\u9fff])/gm;

/** A space inside Chinese running text (PDF line wraps, pasted layout): 组织 协调, 研讨 1 次, XX 街道. */
const HEX_BRACKET_HEADING = /(?<=^[ \u3000]*)〔([一二三四五六七八九十]{1,3})〕(?=[\u4e00-\u9fff])/gm;
const INNER_SPACE = /[ \u3000\u00a0]+(?=[\u4e00-\u9fff]|[0-9]{1,4}[ \u3000]?[\u4e00-\u9fff]|[0-9]{1,4}(?:\.[0-9]+)?[%％])/g;
/** What may stand before such a space: a Chinese character, X, or a number right after one. */
const SPACE_BEFORE = /(?:[\u4e00-\u9fff]|[\u4e00-\u9fff][0-9]{1,4}|[XxＸ])$/;
/** A leading zero in a Chinese date: 2025年03月26日 (GB/T 9704-2012 §7.3.5.1 writes 2025年3月26日). */
const ZERO_DATE = /20\d{2}年(?:0[1-9]月(?:[0-3]?[0-9]日)?|(?:1[0-2]|[1-9])月0[1-9]日)/g;
/** A number with a space on one side only: 2025 年 at a line start, 、17 个, 工作4 次 (a PDF extraction's spacing). */
const ONE_SIDE_NUMBER = /[0-9]{1,4}(?:\.[0-9]+)?[ \u3000\u00a0]+(?=[年月日次个项名人场篇余件期批家条届位所座万亿元%％])/g;
/** A space before a full-width mark (工作 、学习; ” 、): the mark follows its word directly. */
/** Marks that never open a line (GB/T 15834-2011 §5: 点号 and closing marks do not begin a line). */
const LINE_OPENS_WITH_MARK = /^[、，；：。！？）》”’](?![、，；：。！？）》”’])/;
const SPACE_BEFORE_MARK = /(?<=[\u4e00-\u9fff”’）》0-9])[ \u3000\u00a0]+(?=[，、；。：！？）])/g;
/** A space after a full-width comma, 顿号, semicolon or full stop inside a paragraph (Chinese marks carry their own space). */
const SPACE_AFTER_MARK = /(?:[，、；。]|——)[ \u3000\u00a0]+(?=[\u4e00-\u9fff0-9“])/g;
/** A number with a space either side inside Chinese text: 研讨 3 次. */
const SPACED_NUMBER = /(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+([0-9]{1,4}(?:\.[0-9]+)?)[ \u3000\u00a0]+(?=[\u4e00-\u9fff])/g;
/** A paragraph that is an item of a list: 一是, 一、, （一）, 1., 第一, a bullet. */
const ITEM_START = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,2}[是要、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十]{1,2}[，、,：:]|[-•·*])/;
/** A line that stops in the middle of a sentence. */
const OPEN_END = /[\u4e00-\u9fff“，、]$/;
/**
 * A title run into the paragraph after it, with or without a space: ……自查报告（一）强化……, ……研判报告2024年上半年，局在…….
 * The title part: ends in a document kind, names a year or 关于 and the subject; the rest starts a sentence.
 */
const RUN_IN_TITLE = /^[\s\u3000]*(?:\d{1,2}、)?((?:关于)?(?:（[^（）\n]{1,10}）|[^，。；：！？、\n]){6,60}?(?:报告|汇报|总结|研判材料|汇报材料|方案|要点|计划))(精选|精编|范文|[（(]?(?:通用|精选)?\d{1,2}篇[）)]?)?([ \u3000]*)(?=20\d{2}年|今年|一年来|近年来|本年度|[上下]半年|为(?:认真|深入|进一步|全面|切实|扎实|贯彻)|[（(][一二三四五六七八九十][）)]|[一二三四五六七八九十]、|我(?:局|镇|乡|院|校|县|区|市|委|单位|中心|公司|们)|在[\u4e00-\u9fff]{1,12}(?:领导|指导|关心|支持)|根据|按照)/;
const TITLE_BODY = /意识形态|宣传思想|工作|责任制|党建|述职|自查/;

/** A post or a byline role just before a name (局党组书记 王某某, 记者 李华): the space sets the two apart. */
// Any post in …长 (省长, 州长, 厅长, 秘书长, 董事长) as well as the named ones.
const POST_BEFORE_NAME = /(?:记者|通讯员|摄影|书记|主任|[\u4e00-\u9fff]长|主席|委员|经理|主讲人|联系人|负责人|撰稿人|审核人|签发人|报告人|汇报人|发言人)$/;

/**
 * A space that sets fields apart on one line, not a slip: after a news dateline (本报讯 1月8日), before the next
 * label of a field row (联系人：… 电话：…), between a post and a name, before a signature's date.
 */
function apartFields(t: string, start: number, end: number, lineEnd: number): boolean {
  const rest = t.slice(end, lineEnd);
  // A news dateline (本报讯 1月8日) keeps its space.
  if (/(?:本报讯|本台讯|本刊讯|讯)$/.test(t.slice(Math.max(0, start - 3), start))) return true;
  const lineStart = t.lastIndexOf('\n', start - 1) + 1;
  if (/^[\u4e00-\u9fff]{1,6}[：:]/.test(rest) && /^[\u4e00-\u9fff]{1,6}[：:][^。；，]*$/.test(t.slice(lineStart, start).trimStart())) return true;
  // (The name may be a two-character one padded to three: 校长 王 琛; or a minority name of four or more: 主席 某某某某, 某某·某某.)
  if (POST_BEFORE_NAME.test(t.slice(Math.max(0, start - 4), start)) && /^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff])(?:$|[ \u3000（(）)，、\n])/.test(rest)) return true;
  return /^(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日[ \u3000]*$/.test(rest);
}

/** A paragraph that holds several paragraphs joined by spaces: a heading marker after a space, twice or more
 * (a preview that flattened the page). */
function joinedPage(text: string): boolean {
  return (text.match(/[。\u4e00-\u9fff][ \u3000\u00a0]+(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/g) ?? []).length >= 2;
}

/** The text since the last sentence end is a heading (一、…, （二）…, 2、…) or a title (……报告): no sentence before the space. */
function headingBeforeSpace(t: string, start: number, from: number): boolean {
  const head = t.slice(from, start).split(/[。！？；]/).at(-1)!.trim();
  if (head.length < 4 || head.length > 60 || /[ \u3000]/.test(head)) return false;
  if (/^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[，、])/.test(head)) return !/[。]/.test(head);
  return head === t.slice(from, start).trim() && /(?:报告|汇报|总结|方案|要点|清单|情况)$/.test(head) && !/[，。、]/.test(head);
}

/** Four or more spaces whose gaps are all within a few characters of one width of 12 or more (a PDF's line width). */
function regularWidth(spaces: [number, number][]): boolean {
  if (spaces.length < 4) return false;
  const gaps = spaces.slice(1).map(([a], i) => a - spaces[i]![1]);
  const sorted = [...gaps].sort((x, y) => x - y);
  const mid = sorted[sorted.length >> 1]!;
  return mid >= 12 && gaps.every((g) => Math.abs(g - mid) <= Math.max(2, mid * 0.15));
}

/** A space inside 《…》 or “…” on one line with a phrase of four or more characters either side (《抓好春耕 夺取丰收》). */
function inTitlePhrases(t: string, start: number, end: number, from: number, to: number): boolean {
  return inPairPhrases(t, start, end, from, to, '《', '》') || inPairPhrases(t, start, end, from, to, '“', '”');
}

function inPairPhrases(t: string, start: number, end: number, from: number, to: number, o: string, c: string): boolean {
  const open = t.lastIndexOf(o, start);
  if (open < from || t.lastIndexOf(c, start) > open) return false;
  const close = t.indexOf(c, end);
  if (close < 0 || close > to || new RegExp(`[\\n${o}]`).test(t.slice(open + 1, close))) return false;
  const left = t.slice(open + 1, start);
  const right = t.slice(end, close);
  // Two parallel phrases of near-equal length; a document's title (关于……意见) is one phrase a PDF wrap may split.
  const phrase = /^[\u4e00-\u9fff0-9]{4,10}$/;
  if (!phrase.test(left) || !phrase.test(right) || Math.abs(left.length - right.length) > 2) return false;
  return !/^关于/.test(left) && !/(?:意见|办法|方案|条例|通知|规定|决定|细则|规划|纲要|要点|准则|报告)$/.test(right);
}

/**
 * Spans of deliberate spacing: short phrases set apart by spaces (抓机遇 迎挑战 出特色 创品牌: two or more
 * spaces at most six characters apart, which a PDF line wrap never makes), or one space between two phrases
 * standing alone on their line or as a clause — of equal length, three to five characters (守初心 担使命), or short ones inside quotes
 * (“植树护绿 共建家园”).
 */
function sloganSpans(text: string, base: number): [number, number][] {
  const out: [number, number][] = [];
  const spaces = [...text.matchAll(/(?<=[\u4e00-\u9fff])[ \u3000]{1,2}(?=[\u4e00-\u9fff])/g)].map((m) => [m.index, m.index + m[0].length] as const);
  let i = 0;
  while (i < spaces.length) {
    let j = i;
    while (j + 1 < spaces.length && /^[\u4e00-\u9fff]{2,6}$/.test(text.slice(spaces[j]![1], spaces[j + 1]![0]))) j++;
    if (j > i) out.push([base + spaces[i]![0], base + spaces[j]![1]]);
    else {
      const [a, b] = spaces[i]!;
      const left = /[\u4e00-\u9fff]+$/.exec(text.slice(0, a))?.[0] ?? '';
      const right = /^[\u4e00-\u9fff]+/.exec(text.slice(b))?.[0] ?? '';
      const before = text[a - left.length - 1];
      const after = text[b + right.length];
      const alone = (!before || /[“‘「（(：:\s]/.test(before)) && (!after || /[”’」）)。，；！\s]/.test(after));
      // Inside quotes the phrases of a slogan or an activity name need not match in length (“植树护绿 共建家园”).
      const quoted = /[“‘「]/.test(before ?? '') && /[”’」]/.test(after ?? '') && left.length >= 2 && right.length >= 2 && left.length + right.length <= 16;
      if (alone && (quoted || (left.length === right.length && left.length >= 3 && left.length <= 5))) out.push([base + a, base + b]);
    }
    i = j + 1;
  }
  return out;
}

/**
 * A heading run into its first sentence after a space, on a page stored as one line: 一、加强组织领导，落实……责任制 按照……。
 * The heading is short and has no full stop; what follows the space is a sentence.
 */
const HEAD_THEN_BODY = /(?:^|[。；：][ \u3000]*)[ \u3000]*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)[^。；：！？\s\u3000]{4,40}([ \u3000]+)(?=[\u4e00-\u9fff“][^。\n]{8,}。)/g;

/**
 * A title (no sentence mark in it, ending in the genre's report nouns) at a paragraph's start and the body's usual
 * first words straight after it: 近年来 今年以来 一、 为深入贯彻 按照 根据 总的来说 我镇 在……领导下 (a year after
 * the title is the older check's, below: the year may be the title's own).
 */
/** A chapter heading after a sentence's end on the same line (……典型案例”。第二章 问题剖析). */
const CHAPTER_RUN_IN = /第(?<=[。！？；”][ \u3000]*第)[一二三四五六七八九十]{1,3}章(?=[ \u3000]?[\u4e00-\u9fff])/g;
/** A decimal section number glued to text on both sides (结论1.1背景, 等次。1.2总体结论): not a quantity (1.5万元, 2.3倍). */
const DECIMAL_RUN_IN = /[1-9](?<=[\u4e00-\u9fff。！？；”][1-9])\.[1-9](?![\d%．.])(?![万亿元倍个米吨千百分秒天年月日时亩户人次名项件所家台辆套张册本页条期场批只头级类])(?=[\u4e00-\u9fff])/g;
/**
 * A formal salutation with the first sentence after it on its line (尊敬的各位领导：今年以来……): the salutation stands
 * alone. A bare 同志们： opening a speech's text on its line is left (r145's labeller keeps it).
 */
const SALUTE_THEN_BODY = /^[ \u3000]*((?:尊敬的?|各位|亲爱的)[\u4e00-\u9fff、，]{0,20}?(?:领导|同志们?|代表们?|委员们?|老师们?|同事们?|朋友们?|嘉宾们?)[：:])(?=[ \u3000]*[\u4e00-\u9fff“])/;
/** A speech's title run into its salutation (……上的讲话同志们：): the salutation opens the text on a line of its own. */
const SPEECH_THEN_SALUTE = /^[ \u3000]*[^，。；：！？,;:!?\s\u3000]{2,60}?(讲话|发言|讲稿|致辞|发言提纲|表态发言|政府工作报告)(?=同志们[：:，,]|各位(?:领导|同志|代表|嘉宾|老师)[：:，,]|尊敬的|今天[，,]?(?:我们)?[\u4e00-\u9fff]|刚才[，,])/;
const TITLE_THEN_BODY = /^[ \u3000]*[^，。；：！？,;:!?\s\u3000]{2,40}?(工作总结|工作汇报|情况报告|情况汇报|自查报告|述职报告|汇报材料|工作报告|调研报告|研判报告)(?=近年来|今年以来|一年来|半年来|本年度|[一二三四五六七八九十]、|为(?:深入|进一步|认真|全面|切实|贯彻|扎实)|总的来说|按照|根据|依据|现将|在[\u4e00-\u9fff]{2,14}(?:正确)?领导下|我(?:镇|乡|县|区|市|局|校|院|村|街道|社区|单位|公司|委|部)|[XxＸｘ×]{1,3}(?:镇|乡|县|区|市|局|街道|社区|村|单位|公司|学校)|[县市区镇乡](?:委|人大|政府|纪委|党委)(?=[\u4e00-\u9fff])|党的(?:[一二三四五六七八九十]{2,4}大|十[一二三四五六七八九]届|二十届))/;

/** A heading whose text runs straight into 一是 (（一）加强理论武装一是组织学习……): the list opened a new paragraph once. */
const HEAD_THEN_YISHI = /(?:^|[。；：][ \u3000]*)[ \u3000]*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)[^。；：！？\s\u3000]{4,40}?(?<=[\u4e00-\u9fff])(一是)(?!一[，、,])(?=[\u4e00-\u9fff“])/g;

/**
 * The next level glued after a short heading on a page stored as one line: 1. after a （一） heading's text
 * (（一）丰富宣传内容1.多角度推进……), 一是 after a 1. heading's text (1.多角度推进系列宣传一是全力……).
 */
const GLUED_ITEM = /(?<=[（(][一二三四五六七八九十]{1,3}[）)])[^。；：！？，、\n]{4,30}?(?<=[\u4e00-\u9fff])(\d{1,2}[.．])(?=[\u4e00-\u9fff])|(?<=(?:^|[^\d.．])\d{1,2}[.．])[^。；：！？，、\n\d]{4,30}?(?<=[\u4e00-\u9fff])(一是)(?!一[，、,])(?=[\u4e00-\u9fff])/g;

/** Numbered items run in after a full stop (……的建设。2.文旅服务……). */
const ITEM_AFTER_STOP = /(?<=。)(\d{1,2})([.．、])(?=[\u4e00-\u9fff])/g;
/**
 * A numbered item run in after a heading's text and a space (一、总体情况 1.区委将……, ……扎实有效 1、社区……): the
 * heading text has no mark of a sentence, so the space is a lost break.
 */
const ITEM_AFTER_HEAD = /(?:^|[。；：][ \u3000]*)[ \u3000]*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)?[^。；：！？，、\s\d]{2,30}[ \u3000]+(\d{1,2}[.．、])(?=[\u4e00-\u9fff])/g;
/** A numbered item run into its lead-in after a colon and a space (……特点： 1. 大国竞争……). */
const ITEM_AFTER_COLON = /(?<=[：:])[ \u3000]+(\d{1,2}[.．、])(?=[ \u3000]?[\u4e00-\u9fff])/g;

/** An author's line: an office, a space, a name of two to four characters, nothing else. */
const BYLINE_LINE = /^[\s\u3000]*[^，。；：\s]{2,30}(?:书记|局长|主任|部长|县长|区长|市长|镇长|乡长|校长|院长|主席|委员|经理|负责人)[ \u3000]+[\u4e00-\u9fff]{2,4}$/;
/** The one message of a wrapped copy's breaks, so the card and the Word comments fold them. */
/** A form's field: a short label and its colon at the line's start (会议时间：, 主持人：). */
const FIELD_LINE = /^[\s\u3000]*[\u4e00-\u9fff]{2,8}[：:]/;
/** A line that is a title: no sentence mark in it, a report noun at its end (……工作综述, ……会议上的讲话). */
/** A newspaper page's head lines: its date, its page and column (第3版：教坛); its byline is util's MARKED_BYLINE. */
const PAPER_HEAD_LINE = /^[\s\u3000]*(?:\d{4}年\d{1,2}月\d{1,2}日(?:[\s\u3000]*星期.)?|第[A-Za-z0-9\u4e00-\u9fff]{1,6}版(?:[：:].{0,12})?)[\s\u3000]*$/;
const paperHead = (line: string) => PAPER_HEAD_LINE.test(line) || MARKED_BYLINE.test(line);
const TITLE_LINE_END = /^[^，。；：！？,;:!?]{4,50}(?:总结|报告|汇报|综述|讲话|讲话稿|材料|计划|方案|要点|纪要|记录)$/;
const WRAP_BREAK = '在句子中间换行（全文按固定行宽换行，疑为从 PDF 或网页复制）';
/** A line holding only a year, a heading marker or one or two quotation marks (a PDF copy set 2025 / 年…, 一、 / 标题, " / 引文, ”“). */
const LONE_TOKEN = /^([\s\u3000]*)((?:19|20)\d{2}|[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|[1-9][0-9]?[.．、]|["“”]{1,2})[\s\u3000]*$/;

export const layoutRule: Rule = {
  id: 'layout',
  category: 'layout',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const t = doc.text;
    const headingLines = ownHeadingLines(doc);
    // A heading's number broken over two lines (（ / 三）改革……): one marker, joined.
    for (const { start, end } of matchAll(BROKEN_MARKER, t)) {
      out.push(report(doc, 'warning', start, end, '标题序号被断成了两行', '把序号接回标题行', ''));
    }
    // A subscript the page set on a line of its own (PM / 2.5 / 浓度): one word, joined.
    for (const { m, start, end } of matchAll(BROKEN_SUBSCRIPT, t)) {
      if (!/(?:PM|SO|NO|CO|NH|O)[ \u3000]*$/.test(t.slice(Math.max(0, start - 4), start))) continue;
      out.push(report(doc, 'warning', start, end, `“${m[1]}”被断到了单独一行（网页的下标排版残留）`, m[1], m[1]));
    }
    // A space between two quoted names (“某计划” “某工程”) or inside a formula (1+ N).
    for (const { start, end } of matchAll(SPACE_IN_SET, t)) {
      const prev = t[start - 1] ?? '';
      const next = t.slice(end, end + 2);
      if (!((prev === '”' && next[0] === '“') || (prev === '+' && /[0-9A-Z]/.test(t[start - 2] ?? '') && /^[0-9A-Z]/.test(next)) || (/[0-9A-Z]/.test(prev) && /^\+[0-9A-Z]/.test(next)))) continue;
      out.push(report(doc, 'warning', start, end, '多出空格', '删去空格', ''));
    }
    // A meeting subtitle the page broke over two lines (……第十四届 / 人民代表大会……会议上): joined.
    const meeting = meetingSubtitle(doc);
    if (meeting?.brokenAt !== undefined) {
      const at = meeting.brokenAt;
      const z = at + (/^\s*/.exec(t.slice(at))?.[0].length ?? 0);
      out.push(report(doc, 'warning', at, z, '会议报告的副标题被断成了两行', '把副标题接成一行', ''));
    }
    // A meeting subtitle under the title without its dash (2026年1月31日在……会议上): GB/T 15834-2011 §4.9 sets a subtitle off with ——.
    const sub = doc.title ? doc.paragraphs.filter((l) => l.index > doc.title!.index).slice(0, 4).find((l) => UNDASHED_SUBTITLE.test(l.text)) : undefined;
    if (sub) {
      const at = sub.start + sub.text.length - sub.text.trimStart().length;
      out.push(report(doc, 'warning', at, at + 4, '会议报告的副标题前应加破折号“——”', `——${t.slice(at, at + 4)}`, `——${t.slice(at, at + 4)}`));
    }
    for (const h of doc.headings) {
      // In a PDF's text a heading on the line before's baseline is the extraction's doing.
      if (!h.runIn || doc.fromPdf) continue;
      out.push(report(doc, 'warning', h.start, h.end, `标题序号“${h.mark.marker}”与上文连在同一行（疑为 PDF 或网页排版残留）`, '将该标题另起一行'));
    }
    /** The line is chrome from its first character to its last (a page number too). */
    const coversLine = (i: number) => {
      const c = doc.chrome.get(i);
      const line = doc.lines[i]!.text;
      return c !== undefined && c.start <= line.length - line.trimStart().length && c.end >= line.trimEnd().length;
    };
    const wholeChrome = (i: number) => coversLine(i) && doc.chrome.get(i)!.kind !== 'pagenum' && doc.chrome.get(i)!.kind !== 'collection';
    // A PDF's spaces between Chinese characters may be typed or may be the layout's: one hint, not a finding each.
    const pdfSpaces: [number, number][] = [];
    // A title run into the first paragraph (a page that printed title and text as one block).
    const runIn = new Set<number>();
    // The first paragraphs of the page, its chrome aside (a document site may stack ten lines of it, page numbers of its
    // preview too, above the text).
    for (const p of doc.paragraphs.filter((q) => !coversLine(q.index)).slice(0, 6)) {
      if ((doc.title && p.index === doc.title.index) || headingLines.has(p.index)) continue;
      const m = RUN_IN_TITLE.exec(p.text);
      if (!m || !/[。；]/.test(p.text.slice(m[0].length)) || !TITLE_BODY.test(m[1]!) || !/20\d{2}|关于|上半年|下半年|年度|情况/.test(m[1]!) || /向|按照|根据|要求|每|现将|已经?/.test(m[1]!)) continue;
      // A title printed twice (the page title, then the title run into the text) is the debris rule's.
      const key = m[1]!.replace(/[\s\u3000]/g, '');
      // A breadcrumb that ends in the page title is chrome, not a title copy.
      if (doc.paragraphs.some((q) => q.index < p.index && !doc.chrome.has(q.index) && q.text.replace(/[\s\u3000]/g, '').includes(key))) break;
      const end = p.start + m[0].length;
      if (m[3]) runIn.add(end - m[3].length);
      out.push(report(doc, 'warning', end - m[3]!.length - (m[2]?.length ?? 0) - 2, end + 2, `标题“${m[1]!.trim()}”与正文连在一起`, '标题单独成行，正文另起一段'));
      break;
    }
    // A line that opens with a mark no line may open with (、践行……, ，并……): the break before it fell inside a sentence.
    // (A wrapped copy's breaks, soft or at its width, are reported as wraps below.)
    if (!doc.wrapped && !doc.fromPdf) doc.paragraphs.forEach((p, i) => {
      const prev = doc.paragraphs[i - 1];
      const lead = p.text.length - p.text.trimStart().length;
      if (!prev || doc.softBreaks.has(prev.index) || !LINE_OPENS_WITH_MARK.test(p.text.slice(lead)) || wholeChrome(prev.index) || wholeChrome(p.index) || headingLines.has(prev.index)) return;
      const end = prev.start + prev.text.trimEnd().length;
      out.push(report(doc, 'warning', end, p.start + lead, `“${p.text[lead]}”不能出现在行首：此处的换行把一句话断开了`, '删去换行，与上一行连接', ''));
    });
    // A member-only or paywall cut on a line of its own, between a sentence left open and text that resumes mid-phrase.
    doc.paragraphs.forEach((p, i) => {
      const prev = doc.paragraphs[i - 1];
      const next = doc.paragraphs[i + 1];
      if (!prev || !next || !wholeChrome(p.index) || !CUT_NOTICE.test(p.text) || wholeChrome(prev.index) || wholeChrome(next.index)) return;
      // A heading or the title before the cut ends without a mark by nature.
      if (headingLines.has(prev.index) || doc.title?.index === prev.index) return;
      // resumedCut reads the cut as [cutStart, cutEnd) of one line: here the last character before it, then the next line.
      const last = prev.text.trimEnd().slice(-1);
      out.push(...resumedCut(doc, next.start - 1, last + next.text, 1, 1, p.start + p.text.length - p.text.trimStart().length));
    });
    for (const p of doc.paragraphs) {
      if (wholeChrome(p.index)) continue;
      // Deliberate spacing (slogans, mottos) and partial chrome (one finding of its own) are left alone.
      const keep = sloganSpans(p.text, p.start);
      const c = doc.chrome.get(p.index);
      if (c) keep.push([p.start + c.start, p.start + c.end]);
      // A dateline glued to prose (本报讯（记者 王芳 通讯员 李华）) is reported whole by the debris rule; it is the only
      // inline chrome with spaces in it.
      if (p.text.includes('讯')) for (const h of inlineChrome(p.text, { title: doc.titleLines.has(p.index) })) keep.push([p.start + h.start, p.start + h.end]);
      // A table row's spaces set its cells apart: deleting them would fuse the cells.
      if (isTableRow(p.text)) keep.push([p.start, p.end]);
      const kept = (a: number, b: number) => keep.some(([x, y]) => a >= x && b <= y);
      if (c?.kind === 'advert' && c.start > 0 && c.end < p.text.trimEnd().length) out.push(...resumedCut(doc, p.start, p.text, c.start, c.end, p.start + c.start, runIn));
      /** A heading or a numbered item run into the text before it at [start, end): a lost break, once per place, no fix. */
      const lostAt = (start: number, end: number, message: string, advice: string, notWrapped = false): void => {
        if (kept(start, end) || doc.fromPdf || runIn.has(start) || (notWrapped && doc.wrapped)) return;
        runIn.add(start);
        out.push(report(doc, 'warning', start, end, message, advice));
      };
      const itemRunIn = (mark: string) => `序号“${mark}”与上文连在同一行（疑为网页或文档转换丢失了换行）`;
      // The report's title run into its first sentence (……工作总结近年来，……): a break lost at the title's last word.
      const salute = SALUTE_THEN_BODY.exec(p.text);
      if (salute && p.text.length - salute[0].length >= 12 && !kept(p.start, p.start + salute[0].length)) {
        const end = p.start + salute[0].length;
        runIn.add(end);
        out.push(report(doc, 'warning', end - 1, end, '称呼语与正文连在同一行：称呼单独成行', '称呼后换行，正文另起一段', `${salute[1]!.slice(-1)}\n`));
      }
      const glued = TITLE_THEN_BODY.exec(p.text) ?? SPEECH_THEN_SALUTE.exec(p.text);
      if (glued && !kept(p.start, p.start + glued[0].length) && p.text.length - glued[0].length >= 12) {
        const end = p.start + glued[0].length;
        const start = end - glued[1]!.length;
        runIn.add(start);
        out.push(report(doc, 'warning', start, end, '标题与正文连在同一行（疑为网页或文档转换丢失了换行）', '标题单独成行，正文另起一段', `${glued[1]}\n`));
      }
      // A page that lost every break of a report numbered by chapters and decimals (……结论。1.2总体结论……。第二章……):
      // each heading is a run-in. Decimals only where the line holds a run of them (1.1 … 1.2), never a quantity.
      for (const { m, start, end } of matchAll(CHAPTER_RUN_IN, p.text, p.start)) lostAt(start, end, `标题“${m[0]}”与上文连在同一行（疑为网页或文档转换丢失了换行）`, '标题单独成行');
      const decimals = [...matchAll(DECIMAL_RUN_IN, p.text, p.start)];
      if (decimals.length >= 2 && decimals.some(({ m }) => m[0].endsWith('.1'))) {
        for (const { m, start, end } of decimals) lostAt(start, end, `标题序号“${m[0]}”与上文连在同一行（疑为网页或文档转换丢失了换行）`, '标题单独成行，正文另起一段');
      }
      for (const { m, end } of matchAll(HEAD_THEN_BODY, p.text, p.start)) lostAt(end - m[1]!.length, end, '标题与正文连在同一行（疑为 PDF 或网页排版残留）', '标题单独成行，正文另起一段');
      // The next level glued after a short heading: 1. after （一）…, 一是 after 1.… or after 一、/（一）….
      for (const re of [GLUED_ITEM, HEAD_THEN_YISHI]) {
        for (const { m, end } of matchAll(re, p.text, p.start)) {
          const mark = m[1] ?? m[2]!;
          lostAt(end - mark.length, end, '标题与正文连在同一行（疑为网页或文档转换丢失了换行）', `标题单独成行，“${mark}……”另起一段`);
        }
      }
      // Numbered items run in after a full stop (……的建设。2.文旅服务……。3.……): two in a row, or one after a 1. of the same paragraph.
      const items = [...p.text.matchAll(ITEM_AFTER_STOP)];
      items.forEach((m, k) => {
        const n = Number(m[1]);
        const seq = items.some((o, j) => j !== k && Math.abs(Number(o[1]) - n) === 1 && o[2] === m[2]) || new RegExp(`(?:^|[\\s。：])${n - 1}\\${m[2]}`).test(p.text.slice(0, m.index));
        if (!seq) return;
        // Round 21 tried a hint for an inline list's item (……。2、经费短缺。): r125 and r126 leave them, r138 marks
        // them (blind, three labels lost), so every such item stays a warning.
        lostAt(p.start + m.index, p.start + m.index + m[0].length, itemRunIn(m[0]), '该项另起一行');
      });
      for (const { m, end } of matchAll(ITEM_AFTER_HEAD, p.text, p.start)) lostAt(end - m[1]!.length, end, itemRunIn(m[1]!), '该项另起一行', true);
      for (const { m, start, end } of matchAll(ITEM_AFTER_COLON, p.text, p.start)) lostAt(start, end, itemRunIn(m[1]!), '该项另起一行', true);
      const spaced: [number, number][] = [];
      // A line without any punctuation (a heading, a field row, a list of names or items): a space there may set
      // items apart as well as be a slip, so a careful proofreader could keep it — advice without a replacement.
      const bare = !/[。，；！？：:,;、]/.test(p.text);
      // Spaces that recur at one width are a PDF's line breaks turned into spaces: collected here, one finding below.
      const runs = [...p.text.trimEnd().matchAll(/(?<=\S)[ \u3000\u00a0]+(?=\S)/g)].map((r): [number, number] => [p.start + r.index, p.start + r.index + r[0].length]);
      const atWidth = !doc.fromPdf && !doc.wrapped && regularWidth(runs.filter(([a, b]) => !kept(a, b)));
      const inner: [number, number][] = [];
      let runOn = false;
      for (const { start, end } of matchAll(SPACED_NUMBER, p.text, p.start)) {
        if (kept(start, end)) continue;
        spaced.push([start, end]);
        // A copy wrapped at a fixed width (a PDF's text pasted) spaces its numbers throughout. Unlike its line breaks,
        // each space sits inside a line of the pasted text, as in a copy that is not wrapped: each is reported (round 16;
        // labellers mark each, and the card folds a kind seen many times into one line).
        if (atWidth) inner.push([start, end]);
        else out.push(report(doc, 'warning', start, end, '数字前后多出空格（疑为 PDF 排版残留）', '核对原稿后删去多余的空格（若此处原为分段或有意的分隔，则另起一段或保留）'));
      }
      for (const { start, end } of matchAll(ONE_SIDE_NUMBER, p.text, p.start)) {
        // After the paragraph's indent (a number opening the paragraph) the space before it is no word space.
        const indentOnly = /^[ \u3000\u00a0]*$/.test(t.slice(p.start, start));
        if (kept(start, end) || (!indentOnly && /[0-9A-Za-z. \u3000\u00a0]/.test(t[start - 1] ?? '')) || spaced.some(([a, b]) => start < b && end > a)) continue;
        spaced.push([start, end]);
        if (atWidth) inner.push([start, end]);
        else out.push(report(doc, 'warning', start, end, '数字后多出空格（疑为 PDF 排版残留）', '核对原稿后删去多余的空格（若此处原为分段或有意的分隔，则另起一段或保留）'));
      }
      for (const { start, end } of matchAll(SPACE_BEFORE_MARK, p.text, p.start)) {
        if (kept(start, end)) continue;
        spaced.push([start, end]);
        out.push(report(doc, 'warning', start, end, `“${t[end]}”前多出空格`, '核对原稿后删去多余的空格（若此处原为分段或有意的分隔，则另起一段或保留）'));
      }
      for (const { m, start, end } of matchAll(SPACE_AFTER_MARK, p.text, p.start)) {
        const mark = m[0].startsWith('——') ? '——' : m[0][0]!;
        // A heading run into the line after a full stop is reported as such; its space goes with it.
        if (kept(start, end) || doc.headings.some((h) => h.runIn && h.start === end) || /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)/.test(t.slice(end, end + 5))) continue;
        // 。 then 一是/二是 on a page stored as one line: a lost paragraph break, not a typed space.
        // On a page that kept its breaks (not joined, not one paragraph of over 1,500 characters), 一是 goes on in the same
        // paragraph and its space is a slip (r66, r70).
        if (mark === '。' && /^[一二三四五六七八九十]是/.test(t.slice(end, end + 2)) && (joinedPage(p.text) || p.text.length > 1500)) continue;
        // 一、 then a space at a line start: the heading number's space (a hint below), not a slip after a 顿号.
        if (mark === '、' && /(?:^|\n)[ \u3000]*[一二三四五六七八九十]{1,3}$/.test(t.slice(Math.max(0, start - 6), start))) continue;
        // On a page whose paragraphs were joined with spaces (headings run in after 。), a space after 。 may be a
        // lost paragraph break too: deleting it would join two paragraphs, so it is advice, not a fix.
        if (mark === '。' && joinedPage(p.text)) {
          out.push(report(doc, 'info', start, end, '“。”后有空格：可能是多余的空格，也可能是网页把两个段落连在了一起', '核对原稿：若此处原为分段，应另起一段；否则删去空格'));
          continue;
        }
        // Spaces after 。 twice or more in one paragraph: paragraphs run on after a space (lost breaks) as likely as
        // typed spaces, so one finding without a replacement.
        if (mark === '。' && (p.text.match(/。[ \u3000\u00a0]+(?=[\u4e00-\u9fff0-9“])/g) ?? []).length >= 2) {
          if (!runOn) out.push(report(doc, 'warning', start, end, '本段多处“。”后有空格：疑为网页把几段连成了一段（也可能是多打的空格）', '核对原稿：原为分段处另起一段，否则删去空格'));
          runOn = true;
          continue;
        }
        spaced.push([start + mark.length, end]);
        if (atWidth) inner.push([start + mark.length, end]);
        else out.push(report(doc, 'warning', start, end, `“${mark}”后多出空格（疑为 PDF 排版残留）`, '核对原稿后删去多余的空格（若此处原为分段或有意的分隔，则另起一段或保留）'));
      }
      for (const { start, end } of matchAll(INNER_SPACE, p.text, p.start)) {
        // A newspaper's head lines (□某小学 某某) space their parts by design.
        if (kept(start, end) || runIn.has(start) || paperHead(p.text)) continue;
        const before = t.slice(Math.max(p.start, start - 5), start);
        if (!SPACE_BEFORE.test(before) || /[A-WYZa-wyz][ \u3000]?[XxＸ]$/.test(before) || (/[0-9]$/.test(before) && !/[\u4e00-\u9fff]$/.test(t[end] ?? ''))) continue;
        // A slot's letters set apart by spaces (区 XX 镇) are one unfilled slot: the placeholder finding covers it.
        if (/(?:^|[\s\u3000\u4e00-\u9fff《（“])[XxＸ]{1,4}$/.test(before)) continue;
        if (/[0-9]/.test(t[end] ?? '') && !/[\u4e00-\u9fff]$/.test(before)) continue;
        // Two-character names padded to align (王\u3000芳) in member lists are a 公文 convention.
        if (end - start <= 2 && /(?:^|[\s、，：:（])[\u4e00-\u9fff]$/.test(t.slice(Math.max(p.start, start - 2), start)) && /^[\u4e00-\u9fff](?:$|[\s、，。；）])/.test(t.slice(end, end + 2))) continue;
        // A space between two long phrases on a line without sentence punctuation separates them (two titles
        // on a page's title line, a heading and its subtitle); deleting it would fuse them.
        // (A masked word, *** or XX, counts as the word it stands for.)
        if (!/[。，；：！？,;:]/.test(p.text) && /[\u4e00-\u9fff*＊XxＸ]{6}$/.test(t.slice(p.start, start)) && /^[\u4e00-\u9fff*＊XxＸ]{6}/.test(t.slice(end, p.end))) continue;
        // Fields set apart on one line: a space before the next label (联系人：… 电话：…), a post then a name
        // (局党组书记 王某某), a signature's unit then its date. Deleting the space would run them together.
        if (apartFields(t, start, end, p.end)) continue;
        // A heading or a title run into its text with a space (二、加强研判，提高成效 党委定期…; ……自评报告 2022年以来):
        // deleting the space would fuse them, so the finding asks for a new line and carries no replacement.
        if (headingBeforeSpace(t, start, p.start)) {
          if (!runIn.has(start)) out.push(report(doc, 'warning', start, end, '标题与正文连在同一行（疑为网页或文档转换丢失了换行）', '标题单独成行，正文另起一段'));
          continue;
        }
        // A space between two phrases of a title in 《》 (a programme or column name) is the writer's: advice only.
        if (inTitlePhrases(t, start, end, p.start, p.end)) continue;
        // A run-in heading is reported above; its space belongs to that finding.
        if (doc.headings.some((h) => h.runIn && h.start === end) || spaced.some(([a, b]) => start >= a && end <= b)) continue;
        // A PDF file's own text layer spaces justified lines: one hint. A wrapped copy pasted as text carries its
        // spaces inside its lines like any copy, each a warning (round 17, as round 16 did for spaces around numbers).
        if (doc.fromPdf) pdfSpaces.push([start, end]);
        else if (atWidth) inner.push([start, end]);
        else if (bare) out.push(report(doc, 'warning', start, end, '中文之间多出空格（本行没有标点，空格也可能是有意的分隔）', '核对原稿：若是排版残留则删去空格，若是分隔则保留或改用标点'));
        else out.push(report(doc, 'warning', start, end, '中文之间多出空格（疑为 PDF 换行或排版残留）', '核对原稿后删去多余的空格（若此处原为分段或有意的分隔，则另起一段或保留）'));
      }
      // One finding for the paragraph, without a replacement (a line end or a paragraph end is for the writer to see).
      if (inner.length > 0) {
        const [start, end] = inner.sort((a, b) => a[0] - b[0])[0]!;
        out.push(report(doc, 'warning', start, end, `本段有${inner.length}处空格按大致相同的间隔出现，疑为从 PDF 复制时换行变成了空格`, '核对原稿：删去这些空格（原为分段处应另起一段）'));
      }
    }
    if (pdfSpaces.length > 0) {
      const [start, end] = pdfSpaces.sort((a, b) => a[0] - b[0])[0]!;
      const what = doc.fromPdf ? `PDF 文字中有${pdfSpaces.length}处汉字之间的空格` : `按固定行宽复制的文字中有${pdfSpaces.length}处多余的空格（汉字之间或数字前后）`;
      out.push(report(doc, 'info', start, end, `${what}，可能是原稿多打的空格，也可能是 PDF 排版所致`, '在原 Word 稿中核对这些位置，删去多余的空格'));
    }
    // A space after a closing bracket inside the title (……宣传部（网信办） 2020年……报告): the title is one line of text.
    // A title joined from two lines with a space before 关于 (……委员会 关于……的通知): the same one line.
    if (doc.title) {
      for (const { start, end } of matchAll(/(?<=[）)])[ \u3000]+(?=[\u4e00-\u9fff0-9])|(?<=[\u4e00-\u9fff）)])[ \u3000]+(?=关于)/g, doc.title.text, doc.title.start)) {
        out.push(report(doc, 'warning', start, end, t[end] === '关' ? '标题中“关于”前多出空格' : '标题中“）”后多出空格', '删去空格', ''));
      }
    }
    // A space before an opening quote or book-title mark inside a sentence (履行 “第一责任人”): the mark needs no space.
    for (const p of doc.paragraphs) {
      if (doc.wrapped || doc.fromPdf || wholeChrome(p.index) || (doc.title && p.index === doc.title.index)) continue;
      for (const { start, end } of matchAll(/(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+(?=[“《][\u4e00-\u9fff])/g, p.text, p.start)) {
        if (out.some((f) => f.start <= start && f.end >= end) || apartFields(t, start, end, p.end) || headingBeforeSpace(t, start, p.start)) continue;
        out.push(report(doc, 'warning', start, end, `“${t[end]}”前多出空格`, '核对原稿后删去多余的空格（若此处原为分段或有意的分隔，则另起一段或保留）'));
      }
    }
    for (const { m, start, end } of matchAll(ZERO_DATE, t)) {
      const right = m[0].replace(/(?<=[年月])0(?=\d)/g, '');
      out.push(report(doc, 'warning', start, end, '日期中的月、日前不加“0”', right, right));
    }
    // A paragraph cut in the middle of a sentence: prose that stops on a character and continues in the next paragraph.
    const paras = doc.paragraphs;
    if (doc.wrapped && !doc.fromPdf) out.push(...wrapBreaks(doc));
    for (let i = 0; !doc.wrapped && i + 1 < paras.length; i++) {
      const a = paras[i]!;
      const b = paras[i + 1]!;
      // A heading line that carries its paragraph (（一）标题。正文……) is prose.
      const bareHeading = headingLines.has(a.index) && !/[。；]/.test(a.text);
      if (bareHeading || headingLines.has(b.index) || doc.titleLines.has(a.index) || wholeChrome(a.index) || wholeChrome(b.index)) continue;
      const at = a.text.trimEnd();
      // A heading run into the line (……。 一、压实责任) ends it properly.
      const lastRunIn = doc.headings.filter((h) => h.runIn && h.line === a.index).at(-1);
      if (lastRunIn && !/[。；]/.test(t.slice(lastRunIn.end, a.end))) continue;
      // A sentence broken after ；: the next paragraph finishes it, and the two are no list of items.
      if (at.endsWith('；') && at.length >= 20 && !ITEM_START.test(a.text) && !ITEM_START.test(b.text) && /。$/.test(b.text.trimEnd()) && !/；$/.test(paras[i + 2]?.text.trimEnd() ?? '') && !/；$/.test(paras[i - 1]?.text.trimEnd() ?? '')) {
        const end = a.start + at.length;
        out.push(report(doc, 'warning', end - 1, b.start, '段末是分号，下一段接着同一句话：句子在此断开了', '与下一段连接成完整的句子'));
        continue;
      }
      // An inline list (……，一是……；) whose next item starts a new paragraph (二是……): the paragraph is broken.
      // A list set one item per line from its first item (一是 opening the paragraph) is the writer's layout.
      const next = /^[\s\u3000]*([二三四五六七八九])是/.exec(b.text);
      // (Each later item on a line of its own too, 三是 after 二是: the writer's list set out below its lead-in.)
      const third = next && new RegExp(`^[\\s\\u3000]*${'三四五六七八九十'['二三四五六七八九'.indexOf(next[1]!)]}是`).test(paras[i + 2]?.text ?? '');
      if (at.endsWith('；') && next && !third && !ITEM_START.test(a.text)) {
        const prev = '一二三四五六七八'['二三四五六七八九'.indexOf(next[1]!)]!;
        const inline = a.text.indexOf(`${prev}是`);
        if (inline > 0 && !/^[\s\u3000]*$/.test(a.text.slice(0, inline))) {
          const end = a.start + at.length;
          out.push(report(doc, 'warning', end - 1, b.start, `段中的“${prev}是”之后，“${next[1]}是”另起了一段：段落在此断开了`, '与下一段连接成完整的段落'));
          continue;
        }
      }
      if (!OPEN_END.test(at) || at.length < 12 || !/[，。；、]/.test(at)) continue;
      // A comma or 顿号 at the end of a paragraph after a blank line is the punctuation rule's (段末使用了逗号).
      const mark = /[，、]$/.test(at);
      if (mark && !doc.softBreaks.has(a.index)) continue;
      // An unnumbered heading of two short phrases (强化组织领导，落实工作责任) over a long paragraph.
      // (A quoted word in it too: 围绕“谁来管”，压实主体责任.)
      if (/^[\s\u3000]*[\u4e00-\u9fff“”‘’《》]{2,14}[，、][\u4e00-\u9fff“”‘’《》]{2,14}$/.test(at) && b.text.trim().length > 2 * at.trim().length) continue;
      // A section heading with its subtitle after a dash (砥砺奋斗、负重前行——本届政府工作回顾).
      if (/^[\s\u3000]*[^。；！？，]{2,20}——[^。；！？，]{2,16}$/.test(at)) continue;
      // (A next paragraph that opens on a mark, 、平安、有效, is the line-opening check's above.)
      if (!/^[\s\u3000]*[\u4e00-\u9fff“]/.test(b.text)) continue;
      // An author's line under a newspaper headline (县农业农村局党委书记、局长 张某某) is no sentence.
      if (!mark && BYLINE_LINE.test(at)) continue;
      const end = a.start + at.length;
      out.push(report(doc, 'warning', end - 2, b.start, mark ? `段末是${at.endsWith('、') ? '顿号' : '逗号'}：句子在此断开了` : '段末没有标点：段落疑在句子中间断开，或漏了句号', mark ? '与下一段连接成完整的句子' : '与下一段连接成完整的句子，或补上句号'));
    }
    out.push(...itemsWithoutStop(doc, out, wholeChrome));
    // A preview that stops mid-sentence right before the sharing site's footer (file name, download notice).
    const lastProse = [...paras].reverse().find((p) => !wholeChrome(p.index));
    if (lastProse && lastProse !== paras.at(-1) && !headingLines.has(lastProse.index) && !doc.titleLines.has(lastProse.index)) {
      const at = lastProse.text.trimEnd();
      if (OPEN_END.test(at) && at.length >= 30 && /[，。；]/.test(at) && /[\u4e00-\u9fff]$/.test(at)) {
        const end = lastProse.start + at.length;
        out.push(report(doc, 'warning', end - 2, end, '正文在句子中间中断（疑为网页预览截断），后面只剩网页信息', '补全缺失的内容'));
      }
    }
    // A number, a heading marker or a quotation mark alone on its line, the text it belongs to on the next.
    for (let i = 0; i + 1 < doc.lines.length; i++) {
      const a = doc.lines[i]!;
      const b = doc.lines[i + 1]!;
      const lone = LONE_TOKEN.exec(a.text);
      if (!lone || !/^[\s\u3000]*[\u4e00-\u9fff“"0-9。，；、]/.test(b.text) || wholeChrome(a.index) || wholeChrome(b.index)) continue;
      // A wrapped copy's breaks around the token are reported already: the same defect.
      if (out.some((f) => f.message === WRAP_BREAK && f.start >= a.start && f.start <= a.end)) continue;
      const start = a.start + lone.index + lone[1]!.length;
      out.push(report(doc, 'warning', start, start + lone[2]!.length, `“${lone[2]}”单独占了一行，与下一行的文字断开了`, '与下一行连接'));
    }
    // A PDF sets a long title over several lines (GB/T 9704 §7.3.3); only a pasted copy has it split by mistake.
    // A speech's or a congress report's main title set over two lines above its subtitle (——在……上的报告) is by design.
    if (doc.titleHead && doc.title && !doc.fromPdf && !meetingSubtitle(doc)) {
      // In a wrapped copy the title wraps like every other line: a hint.
      out.push(report(doc, doc.wrapped ? 'info' : 'warning', doc.titleHead.start, doc.title.end, '标题被拆成了两行', '将标题合为一行（较长时按词意分行居中排列）'));
    }
    // 〔一〕 as a heading number: 〔〕 holds a document number's year; the heading's brackets are （）(GB/T 9704 §7.3.3).
    for (const { m, start, end } of matchAll(HEX_BRACKET_HEADING, t)) {
      out.push(report(doc, 'warning', start, end, '标题序号应使用圆括号“（一）”，六角括号“〔〕”只用于发文字号中的年份', `（${m[1]}）`, `（${m[1]}）`));
    }
    // A space between （一） and its heading text: the bracket already separates them.
    for (const { start, end } of matchAll(HEADING_NUMBER_SPACE, t)) {
      if (doc.chrome.has(lineAt(doc, start)?.index ?? -1)) continue;
      // No space follows a heading's number (GB/T 9704 practice); r18's labeller left it, r45's and r46's mark it.
      // After an Arabic number with a dot (1. 正文) the space is a list's in common use: r82, r89, r90 mark the space
      // after （一） and 一、 (seven places), r89, r93 and r94 leave it after 1. in all thirteen places (round 19): a hint there.
      const arabicDot = /[0-9][.．]$/.test(t.slice(Math.max(0, start - 3), start));
      out.push(arabicDot ? report(doc, 'info', start, end, '序号“1.”后一般不加空格', '删去空格') : report(doc, 'warning', start, end, '标题序号后多出空格', '删去空格', ''));
    }
    out.push(...runInAmongSiblings(doc));
    // A level-1 heading followed straight by the next level-1 heading: an empty section.
    const level1 = doc.headings.filter((h) => !h.runIn && h.mark.level === 1);
    for (let i = 0; i + 1 < level1.length; i++) {
      const h = level1[i]!;
      const next = level1[i + 1]!;
      const between = paras.filter((p) => p.index > h.line && p.index < next.line);
      if (between.length === 0 && next.line > h.line && !/[。；]/.test(h.mark.title)) {
        const line = paras.find((p) => p.index === h.line)!;
        out.push(report(doc, 'info', h.start, line.end, `“${h.mark.marker}”部分只有标题，没有内容`, '补写该部分内容或删去标题'));
      }
    }
    out.push(...loneIndent(doc));
    return foldJoined(doc, out);
  },
};

/**
 * One prose paragraph indented by spaces among three or more that are not: a paste's leftover, not the
 * document's style (a text indented throughout, or a PDF copy, is left alone).
 */
function loneIndent(doc: CritiqueDoc): Finding[] {
  if (doc.fromPdf) return [];
  const prose = doc.paragraphs.filter((p) => !doc.chrome.has(p.index) && !doc.titleLines.has(p.index) && !doc.headings.some((h) => h.line === p.index) && /[。；，：]/.test(p.text) && p.text.trim().length >= 20);
  const indented = prose.filter((p) => /^[ \u3000\u00a0]{2,}[\u4e00-\u9fff]/.test(p.text));
  if (indented.length !== 1 || prose.length - indented.length < 3 || prose.some((p) => p !== indented[0] && /^[ \u3000\u00a0]/.test(p.text))) return [];
  const p = indented[0]!;
  const lead = p.text.length - p.text.trimStart().length;
  // Advice: r22's labeller marks it, r25's does not (a page's own indent is not the writer's slip).
  return [report(doc, 'info', p.start, p.start + lead, '只有这一段开头多出空格（其他段落都没有缩进），疑为粘贴残留', '删去段首空格')];
}

/** The kind of a list item's marker: 一是, 一、, （一）, （1）, 1. / 1、, 第一，; null for prose. */
function itemKind(text: string): string | null {
  const m = /^[\s\u3000]*(?:([一二三四五六七八九十]{1,2}是)|([一二三四五六七八九十]{1,2}、)|([（(][一二三四五六七八九十]{1,3}[）)])|([（(]\d{1,2}[）)])|(\d{1,2}[.．、](?!\d))|(第[一二三四五六七八九十]{1,2}[，、,]))/.exec(text);
  if (!m) return null;
  return String(m.slice(1).findIndex((x) => x !== undefined));
}

/**
 * A list item that stops without its full stop while its siblings (the same marker, one after another) end with 。:
 * 1.……。 2.……（nothing） 3.……。 — the mark was dropped. Prose items only (a comma inside, or long); a bare heading
 * among its siblings is a style, not a slip.
 */
function itemsWithoutStop(doc: CritiqueDoc, out: Finding[], wholeChrome: (i: number) => boolean): Finding[] {
  if (doc.wrapped) return [];
  const found: Finding[] = [];
  const paras = doc.paragraphs;
  let i = 0;
  while (i < paras.length) {
    const kind = wholeChrome(paras[i]!.index) ? null : itemKind(paras[i]!.text);
    let j = i + 1;
    while (kind !== null && j < paras.length && !wholeChrome(paras[j]!.index) && itemKind(paras[j]!.text) === kind) j++;
    const group = paras.slice(i, j);
    i = kind === null ? i + 1 : j;
    if (group.length < 3) continue;
    const ends = group.map((p) => p.text.trimEnd());
    const stops = ends.filter((e) => e.endsWith('。')).length;
    const open = ends.map((e, k) => ({ e, p: group[k]! })).filter(({ e }) => /[\u4e00-\u9fff”）)]$/.test(e));
    // The other items end with 。 (at least two, and more than those without): the ones without are the slip.
    if (open.length === 0 || stops < 2 || stops <= open.length || stops + open.length !== group.length) continue;
    for (const { e, p } of open) {
      const body = e.replace(/^[\s\u3000]*(?:[一二三四五六七八九十]{1,2}是|[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十]{1,2}[，、,])/, '');
      if (!(/[，；]/.test(body) || body.length >= 15) || body.length < 8 || doc.softBreaks.has(p.index)) continue;
      // An item that stops inside a quote (……成果找市场“双向) was broken mid-sentence, not left without its full stop.
      if ((e.match(/“/g) ?? []).length > (e.match(/”/g) ?? []).length) continue;
      const end = p.start + e.length;
      if (out.some((f) => f.start < end && f.end > end - 1)) continue;
      found.push(report(doc, 'warning', end - 1, end, '本项末尾缺少句号（同一列表的其他各项都以句号结尾）', '在句末补上句号', `${e.slice(-1)}。`));
    }
  }
  return found;
}

/** The messages of a heading or paragraph run into the line before (the lost-break findings). */
const RUN_ON = /连在同一行|连在一起/;

/** A finding about a lost break: a heading run into the line, or a space (or a mark's space) between what were lines. */
function lostBreak(f: Finding, t: string): boolean {
  if (RUN_ON.test(f.message)) return true;
  return /^[。，；]?[ \u3000\u00a0]+$/.test(t.slice(f.start, f.end)) && !f.message.includes('前多出空格');
}

/**
 * A page whose line breaks were lost (headings run in after spaces, twice or more in one paragraph) is one defect
 * in many places: each place keeps its span under one message, without a replacement (the card folds them); further
 * paragraphs of the same page get hints.
 */
/** A finding on a heading's marker alone (一、, （二）, 3.). */
const HEADING_MARK_ONLY = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.、．]|（\d{1,2}）)$/;

function foldJoined(doc: CritiqueDoc, out: Finding[]): Finding[] {
  if (doc.fromPdf) return out;
  const t = doc.text;
  let seen = false;
  for (const p of doc.paragraphs) {
    // Without spaces too: two or more headings run in (……如下。一、……情况（一）……) on a page stored as one line.
    if (!joinedPage(p.text) && doc.headings.filter((h) => h.runIn && h.start >= p.start && h.end <= p.end).length < 2) continue;
    // A lost break already reported before this paragraph (a heading run in on the page's first lines) is the same defect.
    // (A lost break, not any stray space: a space between two buttons of a site's bar is no paragraph run on.)
    seen ||= out.some((f) => f.severity !== 'info' && f.end <= p.start && RUN_ON.test(f.message));
    let members = out.filter((f) => f.start >= p.start && f.end <= p.end && lostBreak(f, t)).sort((x, y) => x.start - y.start);
    if (members.length < 2) continue;
    // A heading run in on both sides (……公布。 一、组织领导情况 中心党委……) is one heading off its line: the break
    // before its marker and the break after its title are one finding over it.
    const merged = new Map<Finding, Finding>();
    const dropped = new Set<Finding>();
    for (let k = 0; k + 1 < members.length; k++) {
      const a = members[k]!;
      const b = members[k + 1]!;
      const title = t.slice(a.end, b.start);
      if (!HEADING_MARK_ONLY.test(t.slice(a.start, a.end).trim()) || !/^[。；]?[ \u3000\u00a0]+$/.test(t.slice(b.start, b.end)) || title.length > 50 || /[，；。！？\n]/.test(title) || merged.has(a)) continue;
      merged.set(a, { ...a, end: b.end, excerpt: t.slice(a.start, b.end) });
      dropped.add(b);
      k++;
    }
    if (dropped.size > 0) {
      out = out.filter((f) => !dropped.has(f)).map((f) => merged.get(f) ?? f);
      members = members.filter((f) => !dropped.has(f)).map((f) => merged.get(f) ?? f);
    }
    // Each place keeps its own span (a paragraph-wide finding would cover the correct text between them) and one
    // message, so the card folds them into one line. The page lost its breaks once: a later paragraph of the same
    // page is a hint pointing back to the first.
    out = out.map((f) => {
      if (!members.includes(f)) return f;
      return seen
        ? report(doc, 'info', f.start, f.end, '本段同样有标题或段落连在同一行（与前文同一问题）', '按原稿恢复分段')
        : report(doc, 'warning', f.start, f.end, '标题或段落与上文连在同一行（本段多处，疑为网页或文档转换丢失了换行）', '按原稿恢复分段：各级标题单独成行，各段另起一行');
    });
    seen = true;
  }
  return out;
}

/**
 * Text after a paywall cut that picks up in the middle of a sentence: the missing part made it a fragment, reported
 * from `notice` (where the site's cut notice starts) to the fragment's first words, one defect. A heading after the
 * cut is reported as a heading run into the line instead.
 */
function resumedCut(doc: CritiqueDoc, base: number, line: string, cutStart: number, cutEnd: number, notice: number, runIn?: Set<number>): Finding[] {
  const before = line.slice(0, cutStart).trimEnd();
  const after = line.slice(cutEnd);
  // A heading after the cut (……（省略830字）…… 二、当前…… 在看到…): a heading run into the line, not a half sentence.
  const head = /^((?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)[^。；：！？\s\u3000]{2,40})([ \u3000]*)/.exec(after);
  if (head) {
    if (head[2]) runIn?.add(base + cutEnd + head[1]!.length);
    return [report(doc, 'warning', base + cutEnd, base + cutEnd + head[0].length, '截断标记之后的标题与上下文连在同一行（疑为网页排版残留）', '将该标题另起一行')];
  }
  if (/[。！？；：]$/.test(before) || !/^[\u4e00-\u9fff“]/.test(after)) return [];
  const stop = after.search(/[，。；：！？、]/);
  const len = Math.min(stop < 0 ? after.length : stop, 8);
  while (/[\s\u3000]/.test(doc.text[notice] ?? '')) notice++;
  return [report(doc, 'warning', notice, base + cutEnd + len, '网页在此截去了部分内容，之后的文字从半句话接起，与前文不连贯', '补全被隐藏的内容，或删去截断提示和残句')];
}

/**
 * A copy wrapped at a fixed width (a PDF's or a fixed-width page's text pasted): each break that a full line ends in
 * the middle of a sentence is the same defect as a wrap that became a space, and is reported the same way — a
 * warning in its place, the break deleted, under one message so the card folds them into one line (round 17;
 * rounds 11–16 gave one hint for all of them, while every draw's labeller and the dev set's wrap spaces mark each).
 * A soft break on a short line, or in a copy with no fixed width, may be the writer's own (an unnumbered heading, a
 * cut): those stay one hint, unless a line holds only a year, a marker or a quotation mark.
 */
function wrapBreaks(doc: CritiqueDoc): Finding[] {
  const t = doc.text;
  const len = (i: number) => doc.lines[i]!.text.trim().length;
  const broken = [...doc.softBreaks].sort((a, b) => a - b);
  const widths = broken.map(len).sort((a, b) => a - b);
  const width = widths[Math.floor(widths.length / 2)]!;
  // A fixed width: most broken lines within a fifth of the median (a copy whose runs became lines has none).
  const fixed = width >= 12 && widths.filter((w) => w >= 0.8 * width && w <= 1.2 * width).length >= 0.6 * widths.length;
  // A year or a quotation mark alone on its line (a Word copy's runs set apart) is broken off on both sides, in a
  // title too (某办公室 / 2025 / 年……总结与 / 2026 / 年工作计划) and after a closing quote (……意识形态 / ” / 是……).
  const token = (l: Line | undefined) => !!l && LONE_TOKEN.test(l.text) && !/[、.．）]/.test(l.text);
  const closers = doc.lines.filter((l, k) => {
    const next = doc.lines[k + 1];
    if (!next || doc.chrome.has(l.index) || doc.chrome.has(next.index) || l.text.trim() === '' || next.text.trim() === '') return false;
    return (token(l) && /^[\s\u3000]*[\u4e00-\u9fff，、。；：！？]/.test(next.text)) || (token(next) && !/[。！？；：:]$/.test(l.text.trimEnd()) && !/^[\s\u3000]*[一二三四五六七八九十]{1,3}、[\s\u3000]*$/.test(l.text));
  }).map((l) => l.index);
  const out: Finding[] = [];
  const loose: number[] = [];
  const heads = ownHeadingLines(doc);
  for (const i of [...new Set([...broken, ...closers])].sort((a, b) => a - b)) {
    const a = doc.lines[i]!;
    const end = a.start + a.text.trimEnd().length;
    let n = i + 1;
    while (n < doc.lines.length && doc.lines[n]!.text.trim() === '') n++;
    const next = doc.lines[n];
    // A year, a marker or a quotation mark alone on its line (a Word copy's runs set apart) is broken off either way.
    const lone = LONE_TOKEN.test(a.text) || (next && LONE_TOKEN.test(next.text));
    // A salutation (尊敬的……, 各位……) opens a speech's first paragraph after its title: no wrap.
    if (next && SALUTATION.test(next.text)) continue;
    // A form's field line (会议时间：…, 参会人员：…) and a line printed twice stand alone by design (r131's minutes).
    if (next && !lone && (FIELD_LINE.test(next.text) || next.text.trim() === a.text.trim())) continue;
    // A title line (the genre's nouns at its end, no mark inside) ends where it ends, even in a wrapped copy.
    if (next && !lone && (TITLE_LINE_END.test(a.text.trim()) || paperHead(a.text) || paperHead(next.text))) continue;
    // A site's bar or metadata line, a heading, or a whole title followed by another (a page's title printed again)
    // stands on its own line by design: the break after or before it is no wrap (round 18: r72's nav bar and titles).
    if (next && !lone && (doc.chrome.has(a.index) || doc.chrome.has(next.index) || heads.has(next.index) || (doc.titleLines.has(a.index) && doc.titleLines.has(next.index)))) continue;
    if (!next || !(lone || (fixed && len(i) >= 0.8 * width))) {
      loose.push(i);
      continue;
    }
    const resume = next.start + (next.text.length - next.text.trimStart().length);
    // Two Latin words wrapped apart keep one space between them.
    const join = /[A-Za-z]/.test(t[end - 1]!) && /[A-Za-z]/.test(t[resume]!) ? ' ' : '';
    out.push(report(doc, 'warning', end, resume, WRAP_BREAK, '删去换行，与下一行连成一段', join));
  }
  if (loose.length > 0) {
    const a = doc.lines[loose[0]!]!;
    const end = a.start + a.text.trimEnd().length;
    out.push(report(doc, 'info', Math.max(a.start, end - 2), end, `另有${loose.length}处较短的行在句子中间换行，可能是标题或原稿的分段，请核对`, '核对原稿：属于同一段的，删除换行合并为整段'));
  }
  return out;
}
