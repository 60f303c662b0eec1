import { simplifiedChar, traditionalHits, TRADITIONAL_MIN } from '../script.js';
import type { Rule, Finding } from '../types.js';
import { lineAt, type CritiqueDoc } from '../doc.js';
import { CONFUSIONS, DOUBLING_SUSPECTS, OLD_VARIANTS, REDUPLICATION_WHITELIST } from '../dictionary.js';
import { CUT_WORDS, SLIPS } from '../confusables.js';
import { matchAll, reporter } from './util.js';

/** Characters that, before a slip's first character, make a word of the two (自觉, 知觉, 感觉 …): no slip there. */
const WORD_BEFORE: Readonly<Record<string, string>> = { 觉: '自知感警察发睡听视直幻错味触先' };
const SLIP_RE = new RegExp([...SLIPS.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

const report = reporter('typo', 'typo');
/**
 * 1025日, 2024年925日: month and day run together (not 1025日元, 第1025日). Three digits only in a date context
 * (after 20xx年, 于, 至 …), where 925日 cannot be a count of days.
 */
const DATE_NO_MONTH = /(?<![\d０-９.．/\-第月约共近达满])(?:(1[0-2]|0[1-9])([12]\d|3[01]|0[1-9])|([1-9])(\d{2}))日(?![元本])/g;
/** A count of days (连续安全生产1025日, 历时925日), not a date. */
const DAY_COUNT = /(?:连续|历时|持续|坚持|累计|用时|为期|长达|坚守|运行|生产|无事故|已|了|共计|合计|超过|不少于|至少)$/;
/** After three digits and 日, what only a date is followed by (518日，… / 518日上午 / 518日召开). */
const DATE_AFTER = /^(?:[，,]|上午|下午|晚|至|起|前|召开|举行|举办|开展|当天|以来)/;
/** Where three digits before 日 can only be a date. */
const DATE_CONTEXT = /(?:20\d{2}年|[于在至到]|截至|截止|自|从|[—～~－-])$/;
const validDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

/** The literal a pattern's match starts with: after a leading lookbehind, up to the first operator. */
export function confusionKey(pattern: string): string {
  let i = 0;
  // Leading lookbehinds, one or more (a news context ruled out, then the pair's first member required).
  while (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) {
    let depth = 0;
    for (; i < pattern.length; i++) {
      if (pattern[i] === '\\') i++;
      else if (pattern[i] === '(') depth++;
      else if (pattern[i] === ')' && --depth === 0) break;
    }
    i++;
  }
  let key = '';
  for (; i < pattern.length && !/[()[\]{}?*+|\\.^$]/.test(pattern[i]!); i++) key += pattern[i];
  // A quantifier makes the last literal character optional.
  if (/[?*{]/.test(pattern[i] ?? '')) key = key.slice(0, -1);
  return key;
}

/** Scan once for the literal keys (fast), then confirm each entry's context with a sticky regex. */
const BY_KEY = new Map<string, { c: (typeof CONFUSIONS)[number]; re: RegExp }[]>();
for (const c of CONFUSIONS) {
  const key = confusionKey(c.pattern);
  const list = BY_KEY.get(key) ?? [];
  list.push({ c, re: new RegExp(c.pattern, 'y') });
  BY_KEY.set(key, list);
}
const KEY_RE = new RegExp([...BY_KEY.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

/** A year directly before a period word, an event of that year or that year's work or subject (2021全国两会, 2024春节, 2023意识形态工作), without 年. */
const YEAR_NO_NIAN = /(20\d{2})(?=[上下]半年|第[一二三四1-4]季度|前三季度|全年|(?:全国)?两会|春节|元旦|国庆|工作(?:开展|情况|总结|要点|计划|报告|安排|完成)|意识形态|宣传思想)/g;

/** A pinyin syllable of three or more letters between Chinese characters (not units or abbreviations: no vowel-less runs). */
const PINYIN_WORD = /(?<=[\u4e00-\u9fff])(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u)(?=[\u4e00-\u9fff])/g;
/** Two-letter syllables that are pinyin (not qa, hi, go, pe …); three letters and more are judged by the pattern alone. */
const SYLLABLE2 = new Set('ba bo bi bu pa po pi pu ma mo me mi mu fa fo fu da de di du ta te ti tu na ne ni nu la le li lu ga ge gu ka ke ku ha he hu ji ju qi qu xi xu zi ci si ri ze ce se re za ca sa zu cu su ru ya yo ye yi yu wa wo wu'.split(' '));
/** Two-letter forms in use as units, symbols or abbreviations between Chinese words (ha 公顷, pa, ma, ca, ti, pi, bi). */
const ABBREV2 = new Set(['ha', 'pa', 'ma', 'mu', 'ca', 'ti', 'pi', 'bi', 'ba', 'me', 'de', 'la', 'li', 'ge', 'ku', 'ye', 'su', 'ni', 'cu', 'fe', 'ce', 'se', 'ta', 'ka', 'wu']);
/** A cut four-character word (贯落实), from the table in confusables.ts. */
const CUT_BY_FORM = new Map(CUT_WORDS.map((c) => [c.cut, c]));
const CUT_RE = new RegExp(CUT_WORDS.map((c) => c.cut).join('|'), 'g');

/**
 * 的 for 地 before a verb (有效的推进了, 要深入的开展): a manner adverb, then 的, then a verb. Only where the verb is
 * plainly a verb — it takes 了/着, or a modal stands before the adverb, or a one-character verb of study ends its
 * clause or takes its result (认真的听、认真的记, 认真的听取); 得到了有效的提升 (a noun after 的) stays.
 */
const DE_ADVERB = /(极大|最大限度|最大程度|有效|不断|深入|扎实|积极|广泛|充分|切实|认真|全面|大力|持续|稳步|主动|有力|有序|迅速|及时|严格|更好|更加有效|深刻|牢牢|紧紧|全力|精准|稳妥|自觉|坚决|彻底|顺利|圆满|较好|创造性|有计划|有步骤|有重点|有针对性|有声有色|扎扎实实|轰轰烈烈|有条不紊|仔细|耐心|努力|专心|虚心)的(?=(完成|建立|减少|降低|避免|防止|消除|化解|满足|推进|加强|丰富|提升|提高|促进|推动|增强|激发|调动|带动|改善|保障|落实|开展|贯彻|维护|巩固|拓展|深化|解决|引导|凝聚|发挥|弘扬|营造|宣传|普及|学习|把握|领会|认识|理解|整改|查摆|剖析|反思|执行|反对|抵制|纠正|扭转|掌握|设计|部署|组织|安排|制定|践行(?!者)|履行|遵守|(?<=(?:紧紧|牢牢)的)(?:联系|团结|围绕|依靠|抓住|扎根|依托)|[听记读看](?=[取好清准全透实])|[听记学读写看做抓干讲谈查改](?=[，。、；！]))([了着到]?))/g;
const DE_AABB = /([\u4e00-\u9fff])\1([\u4e00-\u9fff])\2的(?=推进|加强|丰富|提升|提高|促进|推动|增强|落实|开展|贯彻|抓好|做好|干好|解决)/g;
/** Before the adverb: a modal or an adverb that only goes with a verb. */
// Not 坚持/切实: 坚持积极的宣传方针 takes a noun phrase.
const DE_MODAL = /(?:要|应|应当|须|必须|将|能|能够|需要|进一步|还要|更要)$/;
/** Before the adverb: a verb that takes the phrase as its object (得到了有效的提升): a noun after 的. */
const DE_NOUN_LEAD = /(?:得到|实现|取得|获得|有了|带来|受到|给予|作出|做出|进行|迎来|给|有|看到|见到|感受到|收到|见证)了?$/;

/**
 * 要 again later in a 一要 item's clause (一要思想认识要再提升): which one to drop is the writer's choice, so no
 * replacement. Not 要求, 重要, 还要 …: only a bare 要 before a verb or an adverb of degree.
 */
const YAO_AGAIN = /(?<=(?:^|[。；;！？\s：:，,])[一二三四五六七八九十]{1,2}要)([^，。；：！？\n要]{2,10}?)(?<![还也更就都又需只想将必重主首纪摘概提紧不])要(?=再|进一步|更加|持续|切实|不断|加强|强化|提升|提高|落实|抓好|做好|增强|树立|完善)/gm;

/** The verb 要 stacked inside a 一要/二要 item (一要要加强, 二要切实要加强): the second 要 is left over. */
const STACKED_YAO = /(?<=(?:^|[。；;！？\s：:，,])[一二三四五六七八九十]{1,2}要(?:切实|认真|进一步|持续|始终|更加|着力|全面|大力|不断|坚持)?)要(?=(?:切实|认真|进一步|持续|始终|着力|全面|大力|不断|坚持)?(?:加强|强化|抓好|做好|落实|推进|开展|提升|提高|坚持|严格|完善|健全|注重|突出|深化|压实|树立|增强|建立|规范|用好|守住|筑牢|把|在|以|对))/gm;

const STACKED_VERBS = /(严格|认真|切实|全面|扎实|积极|深入)(执行|落实|贯彻|推进|开展|做好|抓好)\1(?!\2)(执行|落实|贯彻|推进|开展|做好|抓好)/g;

/** A CJK chunk of 1–4 characters written twice in a row. */
/**
 * 约/近/大约/将近/接近 (about, nearly) and 多 (more than) on one number contradict each other (约500多亩): keep one.
 * 约 and 近 alone only where they are no word's tail (节约, 签约; 最近, 附近, 靠近), judged in code.
 */
/** 约/近 with 多, 余 or 左右 on one figure (约3000多人, 约6000余元, 约4000只左右); the lookahead captures the figure and the word. */
const APPROX_MORE = /(?:大约|将近|接近|[约近])(?=([0-9一二两三四五六七八九十百千万.]{1,8})(?:(多)[万千百亿]?[人次个项名条篇场期家所户亩份元件台座处]|(余)[万千百亿]?[\u4e00-\u9fff]|[万千百亿]?[\u4e00-\u9fff]{0,2}(左右)))/g;
const APPROX_WORD_TAIL: Readonly<Record<string, RegExp>> = { 约: /[节制签合违预公邀履条特隐简婉相誓契盟如赴爽守失践毁解续缔立租附和成大]/, 近: /[最附将接邻靠临亲贴就逼挨浅相远迫新晚]/ };
/** An adverbial before its verb takes 地 (较好地完成, 认真地落实), not 得. */
const ADVERB_DE = /得(?<=(?:较好|很好|认真|积极|圆满|顺利|扎实|全面|深入|有效|出色)得)(?=完成|开展|推进|落实|处理|解决|贯彻|执行|履行)/g;
/** A round number with 几 (10几米, 20几人): an approximation is written in characters (十几米), GB/T 15835-2011 §4.1.1. */
const DIGIT_JI = /(?<![\d.])([1-9])0几(?=[\u4e00-\u9fff])/g;
/** A figure whose digits an OCR read as letters (IlOO多万元, 1O0万元): I and l for 1, O for 0, before a unit. */
const OCR_DIGITS = /[0-9IlO]{2,6}(?=多?[万亿]?元|多?万?(?:人次|人|户|亩|平方米|吨|公里))/g;
/** A sentence or an item typed twice in a row (一是巾帼担当抗疫情。一是巾帼担当抗疫情。): keep one. */
const SENTENCE_PIECE = /[^。！？；\n]+[。！？；]/g;
/** A year of five digits (20231年, 20201 年上半年): one digit too many, which one the writer must say. */
const YEAR_FIVE = /(?:19|20)\d{3}(?<![\d.](?:19|20)\d{3})(?=[ \u3000]?年)/g;
/** 各 (each) typed for the measure word 个 after a numeral (包保1各社区): no numeral takes 各. */
const DIGIT_GE = /各(?<=[0-9０-９]各)(?=[\u4e00-\u9fff])/g;
const REPEAT = /([\u4e00-\u9fff]{1,4})\1/g;
const OLD_VARIANT_RE = new RegExp(`[${Object.keys(OLD_VARIANTS).join('')}]`, 'g');
const WHITELIST = [...REDUPLICATION_WHITELIST].sort((a, b) => b.length - a.length);

/** A subscript's markup left in (PM_2.5, SO_2): the underscore goes. */
const SUBSCRIPT_MARK = /_(?=\d)/g;
const SUBSCRIPT_SYMBOL = /\b(?:PM|SO|NO|CO|NH|O|H|N)[ \u3000]?$/;
/** Water-quality classes (GB 3838-2002 Ⅰ–Ⅴ类) written with Latin letters: 劣V类, III类水体. */
const LATIN_CLASS = /(?:IV|V|I{1,3})(?=类)/g;
const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ', V: 'Ⅴ' };
/** A people's congress named in full without 第 before its term: 甘肃省十四届人民代表大会 (第十四届…, or the short 省十四届人大). */
const TERM_WITHOUT_DI = /(十[一二三四五六七八九]?|[二三四五六七八九])届人民代表大会/g;

export const typoRule: Rule = {
  id: 'typo',
  category: 'typo',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const t = doc.text;
    for (const { start, end } of matchAll(SUBSCRIPT_MARK, t)) if (SUBSCRIPT_SYMBOL.test(t.slice(Math.max(0, start - 3), start))) out.push(report(doc, 'warning', start, end, '下标的标记“_”残留（如 PM2.5）', '删去“_”', ''));
    for (const { m, start, end } of matchAll(LATIN_CLASS, t)) {
      // Only water classes (水质, 水体, 断面, 劣…类): elsewhere a Latin I or V may be a name.
      if (/[A-Za-z]/.test(t[start - 1] ?? '') || (!/水|断面|劣$/.test(t.slice(Math.max(0, start - 12), start)) && !/^类水/.test(t.slice(end, end + 2)))) continue;
      out.push(report(doc, 'warning', start, end, `水质类别用罗马数字“${ROMAN[m[0]]}”，不用拉丁字母“${m[0]}”`, ROMAN[m[0]], ROMAN[m[0]]));
    }
    for (const { m, start, end } of matchAll(TERM_WITHOUT_DI, t)) {
      if (!/[省市县区州旗盟]/.test(t[start - 1] ?? '')) continue;
      out.push(report(doc, 'warning', start, end, `人民代表大会的届次前应有“第”：第${m[1]}届人民代表大会`, `第${m[0]}`, `第${m[0]}`));
    }
    for (const { m, start } of matchAll(KEY_RE, t)) {
      for (const { c, re } of BY_KEY.get(m[0]) ?? []) {
        re.lastIndex = start;
        const hit = re.exec(t);
        if (!hit) continue;
        const note = c.note ? `（${c.note}）` : '';
        // An entry whose right form is nothing (超过…多, 近…余): the word is redundant, not misspelt.
        const message = c.right === '' ? `“${hit[0]}”与后文语义重复或矛盾，应删去${note}` : `疑似错别字：“${hit[0]}”应为“${c.right}”${note}`;
        out.push(report(doc, c.severity, start, start + hit[0].length, message, c.right === '' ? '删去' : c.right, c.note ? undefined : c.right));
        break;
      }
    }
    for (const { m, start, end } of matchAll(OLD_VARIANT_RE, t)) {
      const right = OLD_VARIANTS[m[0]]!;
      out.push(report(doc, 'error', start, end, `“${m[0]}”是“${right}”的旧异体字，应为“${right}”（疑为识别或转码残留）`, right, right));
    }
    // Genre words with one look-alike character or one inner character dropped (generated, confusables.ts).
    for (const { m, start, end } of matchAll(SLIP_RE, t)) {
      if (out.some((f) => f.start < end && f.end > start)) continue;
      // 自觉组织, 感觉中央…: the look-alike is the end of a word that starts one character earlier.
      if (WORD_BEFORE[m[0][0]!]?.includes(t[start - 1] ?? '')) continue;
      const right = SLIPS.get(m[0])!;
      out.push(report(doc, 'warning', start, end, `疑似错别字：“${m[0]}”应为“${right}”`, right, right));
    }
    for (const { m, start, end } of matchAll(CUT_RE, t)) {
      const c = CUT_BY_FORM.get(m[0])!;
      if ((c.notBefore && c.notBefore.includes(t[start - 1] ?? '')) || (c.notAfter && c.notAfter.includes(t[end] ?? ''))) continue;
      if (out.some((f) => f.start < end && f.end > start)) continue;
      out.push(report(doc, 'warning', start, end, `“${m[0]}”疑为“${c.word}”漏字`, c.word, c.word));
    }
    for (const { m, start, end } of matchAll(DE_ADVERB, t)) {
      const lead = t.slice(Math.max(0, start - 4), start);
      if (DE_NOUN_LEAD.test(lead)) continue;
      // 紧紧 and 牢牢 only ever modify a verb.
      const sure = m[3] !== '' || m[2]!.length === 1 || DE_MODAL.test(lead) || m[1] === '紧紧' || m[1] === '牢牢';
      const right = `${m[1]}地`;
      if (sure) out.push(report(doc, 'warning', start, end, `“${m[0]}”修饰动词“${m[2]}”，应用“地”`, right, right));
      else out.push(report(doc, 'info', start, end, `“${m[0]}${m[2]}”中“${m[2]}”若是动词，应用“地”`, `作状语时改为“${right}”`));
    }
    for (const { m, start, end } of matchAll(DE_AABB, t)) {
      // 看到了实实在在的落实: the verb is a noun there.
      if (DE_NOUN_LEAD.test(t.slice(Math.max(0, start - 4), start))) continue;
      const right = `${m[0].slice(0, -1)}地`;
      out.push(report(doc, 'warning', start, end, `“${m[0]}”修饰动词，应用“地”`, right, right));
    }
    for (const { start, end } of matchAll(STACKED_YAO, t)) {
      out.push(report(doc, 'warning', start, end, '序号“X要”后又出现“要”，重复', '删去多余的“要”', ''));
    }
    for (const { end } of matchAll(YAO_AGAIN, t)) {
      const yao = end - 1;
      if (out.some((f) => f.start <= yao && f.end > yao)) continue;
      out.push(report(doc, 'warning', yao, yao + 1, '一个“X要”分句中又用了“要”，两个“要”叠用', '删去其中一个“要”（或把“X要”改为“X是”）'));
    }
    // A word spelt in pinyin inside Chinese text (dang的领导): a site's filter-dodging or a redaction; write the word.
    for (const { m, start, end } of matchAll(PINYIN_WORD, t)) {
      if (m[0].length === 2 && (!SYLLABLE2.has(m[0]) || ABBREV2.has(m[0]))) continue;
      out.push(report(doc, 'warning', start, end, `“${m[0]}”是拼音，疑为网站为规避审核而改写的词`, '改回汉字'));
    }
    // The same adverb before two verbs with no mark between (严格执行严格落实): two drafts stacked; keep one.
    for (const { m, start, end } of matchAll(STACKED_VERBS, t)) {
      if (out.some((f) => f.start < end && f.end > start)) continue;
      out.push(report(doc, 'warning', start, end, `“${m[0]}”两个动词叠用，疑为改稿时保留了两种写法`, '保留其一，或在中间加顿号'));
    }
    out.push(...traditionalScript(doc));
    // A year run into a period word (2023上半年): 年 is missing. The title rule judges the title line.
    for (const { m, start } of matchAll(YEAR_NO_NIAN, t)) {
      if (/[\d.\-/]/.test(t[start - 1] ?? '') || (doc.title && start >= doc.title.start && start < doc.title.end)) continue;
      out.push(report(doc, 'warning', start, start + 4, `年份“${m[1]}”后缺少“年”字`, `${m[1]}年`, `${m[1]}年`));
    }
    // The same item twice in a list (党委、党委、总支): no replacement, the writer may have meant another item.
    if (t.includes('、')) {
      for (const { m, start, end } of matchAll(LIST_REPEAT, t)) {
        // The first copy must be a whole item: after a mark, a count (共3个党委、党委) or a line start, not the
        // tail of a longer word (基层党委、党委).
        if (/[\u4e00-\u9fff]/.test(t[start - 1] ?? '') && !/[个名家所处类项]/.test(t[start - 1]!)) continue;
        out.push(report(doc, 'warning', start, end, `列举中“${m[1]}”重复出现`, '删去重复的一项，或改为原本要写的另一项'));
      }
    }
    for (const { m, start, end } of matchAll(APPROX_MORE, t)) {
      if (APPROX_WORD_TAIL[m[0]]?.test(t[start - 1] ?? '')) continue;
      const word = m[2] ?? m[3] ?? m[4]!;
      // 近 with 余 is the numbers rule's contradiction, not a redundancy.
      if (word === '余' && m[0].includes('近')) continue;
      // With 左右 the figure reads best as 约4000只: the closing word goes.
      const at = word === '左右' ? t.indexOf('左右', end + m[1]!.length) : start;
      out.push(report(doc, 'warning', at, word === '左右' ? at + 2 : end, `“${m[0]}”与后面的“${word}”语义重复（约数不并用）`, '删去其一', ''));
    }
    for (const { start, end } of matchAll(ADVERB_DE, t)) {
      out.push(report(doc, 'warning', start, end, '状语后应用“地”，不是“得”', '地', '地'));
    }
    for (const { m, start, end } of matchAll(DIGIT_JI, t)) {
      const n = Number(m[1]);
      const right = `${n === 1 ? '' : '一二三四五六七八九'[n - 1]}十几`;
      out.push(report(doc, 'warning', start, end, `概数“${m[0]}”应使用汉字数字`, right, right));
    }
    // Sentence by sentence (a back-reference over the whole text would retry every start).
    let prev = '';
    let prevEnd = -1;
    for (const { m, start, end } of matchAll(SENTENCE_PIECE, t)) {
      if (start === prevEnd && m[0] === prev && m[0].length >= 7 && /^[\u4e00-\u9fff“]/.test(m[0])) {
        out.push(report(doc, 'warning', start, end, '这一句紧接着又重复了一遍', '删去重复的一句', ''));
      }
      prev = m[0];
      prevEnd = end;
    }
    for (const { m, start, end } of matchAll(OCR_DIGITS, t)) {
      // A letter among digit-like characters, and not the tail of a Latin word or a number.
      if (!/[IlO]/.test(m[0]) || !/[0-9Il]/.test(m[0]) || /[A-Za-z0-9]/.test(t[start - 1] ?? '')) continue;
      const right = m[0].replace(/[Il]/g, '1').replace(/O/g, '0');
      out.push(report(doc, 'warning', start, end, `数字“${m[0]}”中有字母（I、l、O），疑为识别错误`, right, right));
    }
    for (const { m, start, end } of matchAll(YEAR_FIVE, t)) {
      out.push(report(doc, 'warning', start, end, `年份“${m[0]}”多了一位数字`, '核对年份，写成四位'));
    }
    for (const { start, end } of matchAll(DIGIT_GE, t)) {
      out.push(report(doc, 'error', start, end, '数词后应为量词“个”，不是“各”', '个', '个'));
    }
    REPEAT.lastIndex = 0;
    for (let m = REPEAT.exec(t); m; m = REPEAT.exec(t)) {
      const chunk = m[1]!;
      const start = m.index;
      const end = start + m[0].length;
      if (whitelisted(t, start, end)) {
        REPEAT.lastIndex = start + 1;
        continue;
      }
      // 总书记总书记 without 习近平 before it is a name deleted between two titles: the xi rule restores 习近平.
      if (chunk === '总书记' && t.slice(Math.max(0, start - 3), start) !== '习近平') {
        REPEAT.lastIndex = start + 1;
        continue;
      }
      // 博士博士后: the second copy opens a longer word (博士后), the pair is two ranks.
      if (chunk === '博士' && t[end] === '后') {
        REPEAT.lastIndex = start + 1;
        continue;
      }
      // 一层一层, 一步一步: 一 + a measure word said twice is the language's own reduplication (one by one).
      if (chunk.length === 2 && chunk[0] === '一') {
        REPEAT.lastIndex = start + 1;
        continue;
      }
      if (chunk.length === 1) {
        if (!DOUBLING_SUSPECTS.has(chunk) || legitSingle(t, start, chunk)) {
          REPEAT.lastIndex = start + 1;
          continue;
        }
        // 一要要加强: the stacked-要 finding already covers it.
        if (!out.some((f) => f.start < end && f.end > start)) out.push(report(doc, 'warning', start, end, `“${chunk}”字重复`, chunk, chunk));
        continue;
      }
      // Read one character off the words (深化|文化|文艺 as 化文化文, 构建|共建共治 as 建共建共): the shifted pair is the
      // text's word and the chunk is not, so the doubling is the reader's, not the writer's.
      if (chunk.length === 2 && misaligned(t, chunk)) {
        REPEAT.lastIndex = start + 1;
        continue;
      }
      out.push(report(doc, 'error', start, end, `词语重复：“${chunk}${chunk}”`, chunk, chunk));
    }
    // A date with its 月 dropped (1025日 for 10月25日): a valid month and day run together, then 日.
    for (const { m, start, end } of matchAll(DATE_NO_MONTH, t)) {
      const before = t.slice(Math.max(0, start - 6), start);
      if (DAY_COUNT.test(before) || (/年$/.test(before) && !/20\d{2}年$/.test(before))) continue;
      let right: string | undefined;
      if (m[1] !== undefined) right = `${Number(m[1])}月${Number(m[2])}日`;
      else {
        if (!DATE_CONTEXT.test(before) && !(/(?:^|[，。；、：\n])$/.test(before) && DATE_AFTER.test(t.slice(end, end + 3)))) continue;
        // 925日 is 9月25日; 121日 could be 1月21日 or 12月1日: no replacement then.
        const digits = `${m[3]}${m[4]}`;
        const reads = [[digits.slice(0, 1), digits.slice(1)], [digits.slice(0, 2), digits.slice(2)]]
          .filter(([a, b]) => !b!.startsWith('0') || a!.length === 2)
          .filter(([a, b]) => !a!.startsWith('0') && validDay(Number(a), Number(b)))
          .map(([a, b]) => `${Number(a)}月${Number(b)}日`);
        if (reads.length === 0) continue;
        if (reads.length === 1) right = reads[0];
      }
      if (right) out.push(report(doc, 'warning', start, end, `日期缺少“月”：“${m[0]}”应为“${right}”`, right, right));
      else out.push(report(doc, 'warning', start, end, `日期缺少“月”：“${m[0]}”`, '补上“月”字'));
    }
    // A stray traditional character in a simplified page (輿论推动): a slip, unless a word of the tables above reads
    // it as another character's look-alike (网络與情), or it stands in a quoted name (“國樂團”).
    // (Eight or more make a converted page, read in its simplified form and reported once: traditionalScript.)
    const trad = traditionalHits(t);
    if (trad.length > 0 && trad.length < TRADITIONAL_MIN) {
      const seen = [...out];
      for (const m of trad) {
        const at = m.index!;
        const right = simplifiedChar(m[0]);
        if (right === m[0] || seen.some((f) => f.start <= at && at < f.end)) continue;
        const before = t.slice(t.lastIndexOf('\n', at) + 1, at);
        if (before.lastIndexOf('“') > before.lastIndexOf('”') || before.lastIndexOf('《') > before.lastIndexOf('》')) continue;
        out.push(report(doc, 'warning', at, at + 1, `繁体字“${m[0]}”：规范汉字为“${right}”`, right, right));
      }
    }
    return out;
  },
};

/** An item repeated in a 、 list: 党委、党委. Both copies are whole items (a mark or line edge around them). */
const LIST_REPEAT = /([\u4e00-\u9fff]{2,6})、\1(?=[、，。；）)\n]|$)/g;

/** A whitelisted reduplication covers [start, end). */
function whitelisted(t: string, start: number, end: number): boolean {
  for (const w of WHITELIST) {
    const from = Math.max(0, end - w.length);
    const to = Math.min(start, t.length - w.length);
    for (let s = from; s <= to; s++) if (t.startsWith(w, s)) return true;
  }
  return false;
}

/**
 * Whether a doubled two-character chunk (化文) is a misreading of overlapping words: its reversed pair (文化) occurs
 * in the text at least twice as often as the chunk itself does, counting neither inside the doubling. Hand-written
 * because the critic carries no lexicon; the report's own usage says which pair is a word.
 */
function misaligned(t: string, chunk: string): boolean {
  const shifted = chunk[1]! + chunk[0]!;
  const count = (w: string) => t.split(w).length - 1;
  const own = count(chunk) - 2;
  const other = count(shifted) - 1;
  return other >= 2 && other >= 2 * Math.max(own, 1);
}

/** Doublings of a suspect character that straddle two real words. */
function legitSingle(t: string, start: number, ch: string): boolean {
  const prev = t[start - 1] ?? '';
  const next = t[start + 2] ?? '';
  switch (ch) {
    // 大学学生, 辍学学生; a field of study before a word in 学 (徽学学术, 红学学会, 史学学科).
    case '学': return /[大中小化数文医法科同留教自辍就入升失放求游开转休停复退助办勤好治讲督]/.test(prev) || /[术科会者报位历院期年段风籍]/.test(next);
    case '得': return /[取获赢值记懂觉显晓]/.test(prev); // 取得得…: rare, but 值得得到
    case '不': return false;
    case '是': return /[于即凡]/.test(prev) || next === '否'; // 于是是否
    case '在': return /[存所现实正内外自潜]/.test(prev); // 存在在…
    case '和': return /[平温缓调柔谐总]/.test(prev); // 平和和…
    case '加': return /[参增追施附叠外]/.test(prev); // 参加加强
    case '推': return false;
    case '将': return /[大老干上中少]/.test(prev);
    case '向': return /[方趋导志意动倾走转面去偏内外纵横定流风取]/.test(prev); // 方向向网络延伸
    case '与': return /[参给赋授干]/.test(prev); // 参与与支持
    case '及': return /[涉以普危波来顾企论提触遍]/.test(prev); // 涉及及时
    case '其': return /[尤与极何如若不名莫各及]/.test(prev); // 尤其其他
    case '由': return /[自理缘经因来事]/.test(prev); // 理由由此
    case '还': return /[归偿退交]/.test(prev); // 归还还…
    case '把': return /[一两几]/.test(prev); // 一把把
    // 首都都市圈, 成都都市圈: a city in 都 before 都市.
    case '都': return /[首古旧国成京]/.test(prev) || next === '市';
    case '就': return /[成造迁]/.test(prev); // 成就就是
    case '并': return /[合兼吞]/.test(prev);
    case '让': return /[转谦退出]/.test(prev);
    case '的': return prev === '目'; // 目的的实现
    case '要': return /[需想只主重必首紧纪摘提概将还也就更]/.test(prev) || /[求素点害件闻务领略员是]/.test(next); // 主要要抓好, 要要求
    case '对': return /[针面核相绝比校反应一成配]/.test(prev) || next === '象'; // 针对对象, 一对对
    // 作为为民服务的平台: the second 为 is “for” someone (民, 群众, 基层, 企业…).
    // 为民, 为人; and 作为|为政之魂, 成为|为期: a word in 为 after one ending in it.
    case '为': return /[民人群基企党社百大广老学师职干青国他她它我你各全政期止首主重]/.test(next);
    default: return false;
  }
}

/** A page in traditional script (script.ts): one warning on its first such line, for the whole text. */
/** Marks that end a clause, and spaces. */
const CLAUSE_MARK = /[，。；：、！？,.;:!?（）()“”「」《》\s\u3000]/;

export function traditionalScript(doc: CritiqueDoc): Finding[] {
  const t = doc.text;
  const hits = traditionalHits(t);
  const trad = hits.length;
  if (trad < TRADITIONAL_MIN) return [];
  // Anchored on the clause of the first such character, not its whole line: the finding is about the page, and a
  // short anchor keeps a Word comment (and the writer's eye) off the correct text around it.
  const at = hits[0]!.index!;
  const line = lineAt(doc, at)!;
  const lineEnd = line.start + line.text.trimEnd().length;
  let start = at;
  while (start > line.start && !CLAUSE_MARK.test(t[start - 1]!)) start--;
  let end = at + 1;
  while (end < lineEnd && !CLAUSE_MARK.test(t[end]!)) end++;
  return [report(doc, 'warning', start, end, `文中有${trad}处繁体字（疑为网站把全文转成了繁体），公文应使用规范汉字`, '全文转换为简体（规范汉字）后再审校')];
}
