import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc, Sentence } from '../doc.js';
import { findInlineOrdinals, parseChineseNumeral } from '../../headings.js';
import { DI_ORDINAL, lookingBack, matchAll, plansStart, reporter } from './util.js';

/**
 * Numbers that add up: a total against its parts, a percentage that can be recomputed, the same quantity
 * stated twice with different values, and one number form per category (GB/T 15835-2011 §4.1: counts
 * that are statistics take Arabic numerals, and like numbers in one text take one form).
 */
const report = reporter('numbers', 'numbers');
/** An exact count then 余 (84余场次, 72余次): not after a round figure (80余, 100余, 1.5万余). */
const ODD_ROUGH = /(?<![\d.])(\d*[1-9])余(?=[个次场人名件篇条项家所期批轮户份]|场次|人次)/g;
/** 近 (nearly) and 余 (more than) on one count contradict each other: 近300余场. */
const NEAR_MORE = /(?<![附接将临最靠亲邻就贴])近(?=(?:\d+|[一二两三四五六七八九十百千万]+)余(?:[个次场人名件篇条项家所期批轮户份]|场次|人次))/g;
/** A year run into its month, 年 lost (20206月份 for 2020年6月份). */
const YEAR_MONTH_RUN = /(?<![\d.])((?:19|20)\d{2})(1[0-2]|[1-9])(?=月)/g;
/** A year, a month and a day run together before 日 (2016420日, 20241231日). */
const RUN_DATE = /(?<![\d.])(?:19|20)\d{2}(?:1[0-2]|[1-9])(?:[0-2]\d|3[01])日(?![期常益报志程])/g;
/** 月 then a day without its 日, before 至 and the range's other date with its 月 (4月15至4月23日). */
const DAY_NO_RI = /(?<!\d)(?:1[0-2]|[1-9])月(?:[12]\d|3[01]|[1-9])(?=[至到](?:1[0-2]|[1-9])月)/g;

/** Measure words of counted work. */
const UNIT = '人次|万人次|次|场|期|名|人|篇|条|个|项|件|家|批|轮|份|支|所|处|起|本|册|幅|块|课时|学时';
const NUM = '\\d+(?:\\.\\d+)?';
/** A stated total: 共开展12次, 累计发布信息320条, 合计48人. */
const TOTAL = new RegExp(`(共|累计|合计|总计|共计)([^，。；：！？\\n\\d]{0,14}?)(${NUM})(余|多)?(${UNIT})(?![\\u4e00-\\u9fff]{0,2}[%％])`, 'g');
/** A count with its unit inside a 其中 clause. */
const PART = new RegExp(`(${NUM})(余|多)?(${UNIT})`, 'g');
/** A share: 占(比)? P%, 占……的P%. */
const SHARE = /占(?:比)?(?:[^，。；\d]{0,12}?的)?\s*(\d+(?:\.\d+)?)\s*[%％]/g;
/** A change: 由A提高到B，增长P%. */
const CHANGE = new RegExp(`[由从](${NUM})(?:${UNIT}|万元|元|[%％])?(?:[^，。；\\d]{0,6}?)(?:提高|增加|增长|上升|提升|减少|下降|降低)(?:到|至)(${NUM})(?:${UNIT}|万元|元|[%％])?[，,、]?(?:同比)?(增长|增加|提高|上升|提升|减少|下降|降低)(?:了)?(${NUM})[%％]`, 'g');
/** A Chinese-numeral count in running text: 召开两次, 开展三场 (not 一次: idiomatic; not 每季度一次, 至少两次). */
const CN_COUNT = /([两二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)(次|场|期|篇|条|项|件|家|批|轮|名|人次)/g;
const AR_COUNT = /\d+(?:余)?(?:次|场|期|篇|条|项|件|家|批|轮|名|人次)(?![\u4e00-\u9fff]{0,2}[%％])/g;
/** Frequencies and rules are written in words (每年至少两次专题研究, 一年两次): not counts of work done. */
const FREQUENCY = /每|至少|不少于|不低于|一年|半年|季度|原则上|最多|不超过|第$/;

/** A sum of money in 万 or 亿 with its 元 dropped (总产值4.2亿，): the unit is written out (4.2亿元). */
const MONEY_NO_YUAN = /(?:产值|收入|投资|投入|资金|税收|营业额|销售额|营收|利润|经费|生产总值|增加值|总额)(?:达到?|为|约|共计?|累计|完成|实现|超过?|突破|近)?(\d+(?:\.\d+)?[万亿])(?=[，。；、）)]|$)/g;

/** Clause starts: the text between two marks. */
const CLAUSE_SPLIT = /[，。；：！？\n]/;
/** Words that do not change what a clause counts (共开展 = 开展). */
const FILLER = /^(?:共|累计|合计|先后|全年|今年以来|上半年|下半年|本年度|截至目前|目前|已|共计)+/;

const decimals = (s: string) => (s.includes('.') ? s.split('.')[1]!.length : 0);

export const numbersRule: Rule = {
  id: 'numbers',
  category: 'numbers',
  check(doc: CritiqueDoc): Finding[] {
    const t = doc.text;
    if (!/\d/.test(t)) return [];
    const out: Finding[] = [];
    // 余 says "more than" a round figure (80余场); after an exact count (84余场次) the two contradict.
    for (const { m, start } of matchAll(ODD_ROUGH, t)) {
      out.push(report(doc, 'warning', start, start + m[0].length, `“${m[0]}”：“余”用在整数之后（如“80余”），确数后不用“余”`, `写确数“${m[1]}”，或改为约数`));
    }
    for (const { m, start } of matchAll(YEAR_MONTH_RUN, t)) {
      out.push(report(doc, 'warning', start, start + m[0].length, `日期“${m[0]}月”缺少“年”`, `${m[1]}年${m[2]}`, `${m[1]}年${m[2]}`));
    }
    for (const { m, end } of matchAll(MONEY_NO_YUAN, t)) {
      out.push(report(doc, 'warning', end - m[1]!.length, end, `金额“${m[1]}”缺少单位“元”`, `${m[1]}元`, `${m[1]}元`));
    }
    for (const { start } of matchAll(NEAR_MORE, t)) {
      out.push(report(doc, 'warning', start, start + 1, '“近”（不足）与“余”（超过）同用于一个数，语义矛盾：删去“近”，或删去“余”', '删去“近”', ''));
    }
    // A date whose 年 and 月 were lost, the digits run together (2016420日 for 2016年4月20日): no fix, the split may be
    // ambiguous (2024111日).
    for (const { m, start } of matchAll(RUN_DATE, t)) {
      out.push(report(doc, 'warning', start, start + m[0].length, `日期“${m[0]}”缺少“年”“月”`, '写作“××××年×月×日”'));
    }
    // A date range whose first day lost its 日 (4月15至4月23日).
    for (const { m, start } of matchAll(DAY_NO_RI, t)) {
      const at = start + m[0].length;
      out.push(report(doc, 'warning', start, at, `日期“${m[0]}”缺少“日”`, `${m[0]}日`, `${m[0]}日`));
    }
    for (const s of doc.sentences) {
      if (!/\d/.test(s.text)) continue;
      out.push(...totals(doc, s), ...shares(doc, s), ...changes(doc, s));
    }
    out.push(...restated(doc), ...numberForms(doc));
    return out;
  },
};

/** 共开展12次，其中……8次、6次: the parts exceed the total, or 分别 lists all of it and does not add up. */
function totals(doc: CritiqueDoc, s: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const { m, start } of matchAll(TOTAL, s.text, s.start)) {
    if (m[4]) continue; // 20余次: not exact
    const total = Number(m[3]);
    const unit = m[5]!;
    const after = doc.text.slice(start + m[0].length, s.end);
    const q = /^[，,]?[^。；]{0,4}?(其中|分别(?:为|是)?)/.exec(after);
    if (!q) continue;
    const from = start + m[0].length + q.index + q[0].length;
    // The parts: counts with the same unit up to the end of the sentence (or the next total).
    const clause = doc.text.slice(from, s.end).split(/共|累计|合计|总计/)[0]!;
    const parts: number[] = [];
    let approx = false;
    for (const p of clause.matchAll(PART)) {
      if (p[3] !== unit) continue;
      if (p[2]) approx = true;
      parts.push(Number(p[1]));
    }
    if (parts.length < 2 || approx) continue;
    const sum = parts.reduce((a, b) => a + b, 0);
    const all = q[1]!.startsWith('分别');
    if (sum > total || (all && sum !== total)) {
      out.push(report(doc, 'warning', start, start + m[0].length, `总数与分项对不上：共${total}${unit}，${all ? '分别列出' : '其中列出'}的${parts.join('、')}${unit}合计${sum}${unit}`, '核对总数和各分项的数字'));
    }
  }
  return out;
}

/** The total a share refers to: the last count before 其中 in the sentence, with the part's unit. */
function shares(doc: CritiqueDoc, s: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const { m, start, end } of matchAll(SHARE, s.text, s.start)) {
    const before = doc.text.slice(s.start, start);
    const k = before.lastIndexOf('其中');
    if (k < 0) continue;
    const whole = [...before.slice(0, k).matchAll(PART)].at(-1);
    const part = [...before.slice(k).matchAll(PART)].at(-1);
    if (!whole || !part || whole[3] !== part[3] || whole[2] || part[2]) continue;
    const n = Number(whole[1]);
    const p = Number(part[1]);
    if (n <= 0 || p > n) continue;
    const given = Number(m[1]);
    const d = decimals(m[1]!);
    const exact = (100 * p) / n;
    if (Math.abs(exact - given) > 0.5 * 10 ** -d + 1e-9) {
      out.push(report(doc, 'warning', start, end, `百分比算不上：${p}÷${n}＝${exact.toFixed(Math.max(d, 1))}%，文中写的是${m[1]}%`, `核对数字，改为“${exact.toFixed(d)}%”或更正分子、分母`));
    }
  }
  return out;
}

/** 由A提高到B，增长P%: (B−A)/A. */
function changes(doc: CritiqueDoc, s: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const { m, start, end } of matchAll(CHANGE, s.text, s.start)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const given = Number(m[4]);
    if (a <= 0) continue;
    const down = /减少|下降|降低/.test(m[3]!);
    const exact = (100 * (down ? a - b : b - a)) / a;
    const d = decimals(m[4]!);
    if (Math.abs(exact - given) > 0.5 * 10 ** -d + 1e-9) {
      out.push(report(doc, 'warning', start, end, `增减幅度算不上：由${a}到${b}，${down ? '下降' : '增长'}${exact.toFixed(Math.max(d, 1))}%，文中写的是${m[4]}%`, '核对前后两个数字和百分比'));
    }
  }
  return out;
}


/** The same clause with two different numbers: 召开党组会专题研究意识形态工作4次 … 召开党组会专题研究意识形态工作3次. */
function restated(doc: CritiqueDoc): Finding[] {
  const out: Finding[] = [];
  const stop = plansStart(doc);
  const seen = new Map<string, { n: string; at: number; line: number }>();
  const year = doc.period?.year ?? doc.now.getUTCFullYear();
  // The years a passage looks back on: a five years' total (这五年……累计) and the last year's figure are two
  // quantities; two passages that look back on different years are too.
  const backOf = (at: number) => lookingBack(doc, at, year);
  const samePeriod = (a: [number, number] | null, b: [number, number] | null) => {
    const long = (x: [number, number] | null) => !!x && x[1] - x[0] >= 2;
    if (long(a) !== long(b)) return false;
    return !a || !b || (a[0] === b[0] && a[1] === b[1]);
  };
  const re = new RegExp(`(${NUM})(${UNIT})`, 'g');
  for (const p of doc.paragraphs) {
    if (doc.chrome.has(p.index)) continue;
    for (const { m, start, end } of matchAll(re, p.text, p.start)) {
      if (start >= stop) break;
      const head = doc.text.slice(Math.max(p.start, start - 30), start).split(CLAUSE_SPLIT).at(-1)!.replace(FILLER, '');
      // A change against last year (与去年同期相比减少10起) is said of each item in turn: the same words, other things.
      if (!/^[\u4e00-\u9fff“”]{6,}$/.test(head) || /将|计划|拟|力争|预计|要/.test(head) || /相比|同比|比上年|较上年|比去年|较去年|(?:减少|增加|下降|上升|增长|提高|降低)了?$/.test(head)) continue;
      const key = `${head}|${m[2]}`;
      const prev = seen.get(key);
      if (prev && prev.n !== m[1] && samePeriod(backOf(prev.at), backOf(start))) {
        out.push(report(doc, 'warning', start, end, `同一事项前后数字不一致：第${prev.line + 1}行写的是“${head}${prev.n}${m[2]}”，此处是“${m[1]}${m[2]}”`, '核对并统一数字'));
      }
      if (!prev) seen.set(key, { n: m[1]!, at: start, line: p.index });
    }
  }
  return out;
}

/** Counts written once in digits and once in words: one form per category (GB/T 15835-2011 §4.1). */
function numberForms(doc: CritiqueDoc): Finding[] {
  const t = doc.text;
  const skip = new Set([...doc.titleLines, ...doc.headings.filter((h) => !h.runIn).map((h) => h.line)]);
  const body = doc.paragraphs.filter((p) => !skip.has(p.index) && !doc.chrome.has(p.index));
  let arabic = 0;
  const words: { start: number; end: number; text: string }[] = [];
  for (const p of body) {
    arabic += [...p.text.matchAll(AR_COUNT)].length;
    for (const { m, start, end } of matchAll(CN_COUNT, p.text, p.start)) {
      const before = t.slice(Math.max(p.start, start - 6), start);
      // 三五次 (an estimate), 十余次, 第三次, 每季度两次, 四个意识-like names (个 is not counted here).
      if (FREQUENCY.test(before) || /[一二三四五六七八九十两几数]$/.test(before) || /^[余多几]/.test(t.slice(end, end + 1))) continue;
      words.push({ start, end, text: m[0] });
    }
  }
  if (arabic < 2 || words.length === 0 || words.length >= arabic) return [];
  return words.map((w) => report(doc, 'info', w.start, w.end, `计数的数字写法不统一：文中多用阿拉伯数字，此处写作“${w.text}”（GB/T 15835：同类数字同一形式）`, `改为“${toArabic(w.text)}”`));
}

function toArabic(s: string): string {
  const m = /^(.+?)(次|场|期|篇|条|项|件|家|批|轮|名|人次)$/.exec(s)!;
  const n = parseChineseNumeral(m[1]!);
  return Number.isNaN(n) ? s : `${n}${m[2]}`;
}

/**
 * An announced count against the items that follow: 存在三个方面的问题 followed by two items (sub-headings,
 * 一是/二是, 第一/第二). A list cut off by the end of the text is not judged when it falls short.
 */
const ANNOUNCED = /(?:存在|有|主要有|主要存在|表现在|体现在|表现为|做好|抓好|突出|围绕|从|包括|做到|实现|采取|推出|如下|以下)(?:以下|如下)?([两二三四五六七八九十])(?:个|项|条|点|大|种|类)(?:方面)?(?:的)?(?:问题|不足|短板|措施|举措|做法|特点|成效|方面|任务|重点|环节|工作|亮点|经验|打算)(?:和不足|与不足)?[：:。]/g;

const reportCount = reporter('counts', 'numbers');

export const countsRule: Rule = {
  id: 'counts',
  category: 'numbers',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const t = doc.text;
    const paras = doc.paragraphs;
    for (const { m, start, end } of matchAll(ANNOUNCED, t)) {
      const n = parseChineseNumeral(m[1]!.replace('两', '二'));
      const pi = paras.findIndex((p) => p.start <= start && start <= p.end);
      if (pi < 0 || n < 2) continue;
      const p = paras[pi]!;
      const own = doc.headings.find((h) => h.line === p.index && !h.runIn);
      const level = own?.mark.level ?? doc.headings.filter((h) => h.line < p.index && !h.runIn).at(-1)?.mark.level ?? 0;
      // The scope: up to the next heading at this level or above.
      let last = paras.length - 1;
      for (let i = pi + 1; i < paras.length; i++) {
        const h = doc.headings.find((x) => x.line === paras[i]!.index && !x.runIn);
        if (h && (level === 0 ? h.mark.level === 1 : h.mark.level <= level)) {
          last = i - 1;
          break;
        }
      }
      const closed = last < paras.length - 1;
      const scope = paras.slice(pi + 1, last + 1);
      // Items: sub-headings one level down, else 一是/二是 from the announcement on, else 第一/第二 paragraphs.
      let sub = doc.headings.filter((h) => !h.runIn && h.mark.level === level + 1 && scope.some((q) => q.index === h.line));
      // (Or the headings the list opens with, at whatever level: 重点抓好八个方面工作： / （一）…… under an unnumbered part.)
      const opener = doc.headings.find((h) => !h.runIn && h.line === scope[0]?.index);
      if (sub.length === 0 && opener) sub = doc.headings.filter((h) => !h.runIn && h.mark.level === opener.mark.level && scope.some((q) => q.index === h.line));
      let items = sub.length;
      let kind = '小标题';
      if (items === 0) {
        const rest = [t.slice(end, p.end), ...scope.map((q) => q.text)];
        let max = 0;
        for (const r of rest) for (const o of findInlineOrdinals(r)) if (o.number === max + 1) max = o.number;
        items = max;
        kind = '“一是”“二是”';
        if (items === 0) {
          items = scope.filter((q) => DI_ORDINAL.test(q.text)).length;
          kind = '“第一”“第二”';
        }
      }
      if (items < 2 || items === n || (items < n && !closed)) continue;
      out.push(reportCount(doc, 'warning', start, end - 1, `前文说“${t.slice(start, end - 1)}”，下文列了${items}条（按${kind}计）`, `核对条数：改为“${toCn(items)}”或补齐缺少的条目`));
    }
    return out;
  },
};

const toCn = (n: number) => (n === 2 ? '两' : '零一二三四五六七八九十'[n] ?? String(n));
