import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc } from '../doc.js';
import { findInlineOrdinals, headingMarker, parseChineseNumeral, toChineseNumeral } from '../../headings.js';
import { DI_ORDINAL, level1Separator, matchAll, partLines, reporter } from './util.js';

const report = reporter('numbering', 'numbering');

const LEVEL_NAME = ['', '一级标题', '二级标题', '三级标题', '四级标题'];
/** A line opening on 一 … 十 then a verb of a heading (加强, 强化, 落实 …), short, without a sentence mark. */
/** A line opened by a list bullet, its heading text short. */
const BULLET_HEAD = /^[\s\u3000]*([○●◎■□◆◇▪▫•])[ \u3000]*(?=[\u4e00-\u9fff])/;

const BARE_NUMERAL_HEAD = /^[\s\u3000]*([一二三四五六七八九十])(?=(?:加强|强化|落实|压实|健全|完善|坚持|抓好|抓实|突出|注重|聚焦|狠抓|深化|推进|推动|提升|提高|严格|规范|创新|筑牢|守好|做好|夯实|建立|发挥|营造|积极|扎实|切实|认真|全面|持续|存在|主要|工作|下一步|基本|总体)[^。；！？\n]{0,30}$)/;

export const numberingRule: Rule = {
  id: 'numbering',
  category: 'numbering',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    out.push(...headingSequence(doc));
    out.push(...unnumberedLast(doc));
    out.push(...levelThreeStyle(doc));
    out.push(...inlineOrdinals(doc));
    out.push(...orderWords(doc));
    // Enclosed numerals (㈠ ㈡, ⑴, ①) are not GB/T 9704 heading markers.
    for (const l of doc.paragraphs) {
      const m = /^[\s\u3000]*([\u3220-\u3229\u2474-\u2487])[、.．，]?/.exec(l.text);
      if (!m) continue;
      const at = l.start + m[0].length - m[0].trimStart().length;
      out.push(report(doc, 'warning', at, l.start + m[0].length, `序号“${m[0].trim()}”不是公文标题序号，应按“一、（一）1.（1）”的层级使用`, '按所在层级改为“一、”或“（一）”等'));
    }
    // A list bullet (○ ● ■ ◆ •) standing for a heading: a bulleted line with no sentence in it, above bulleted lines
    // that are sentences. A report numbers its levels 一、（一）1.（1）(GB/T 9704-2012 §7.3.3); the items under it may
    // keep their bullets, the heading may not.
    const bulleted = doc.paragraphs.flatMap((l) => {
      const m = BULLET_HEAD.exec(l.text);
      return m && !doc.chrome.has(l.index) ? [{ l, m, sentence: /[。；！？]$/.test(l.text.trimEnd()) || /[，。；]/.test(l.text.slice(m[0].length)) }] : [];
    });
    bulleted.forEach((b, k) => {
      const next = bulleted[k + 1];
      if (b.sentence || b.l.text.trim().length > 40 || !next || next.l.index !== b.l.index + 1 || !next.sentence) return;
      const at = b.l.start + b.m[0].length - b.m[0].trimStart().length;
      out.push(report(doc, 'warning', at, b.l.start + b.l.text.trimEnd().length, `小标题用了项目符号“${b.m[1]}”：公文标题应按层级用“一、（一）1.（1）”编号`, '按所在层级改为“（一）”“1.”等序号'));
    });
    // Headings numbered 一 二 三 with the 、 dropped (一加强组织领导 / 二加强阵地管理): lines of their own, no sentence
    // in them, and a sibling with the next or the previous numeral — one such line alone may be a word (一岗双责……).
    const bare = doc.paragraphs.flatMap((l) => {
      const m = BARE_NUMERAL_HEAD.exec(l.text);
      return m && !doc.chrome.has(l.index) ? [{ l, n: parseChineseNumeral(m[1]!), at: l.start + m[0].length - m[0].trimStart().length, mark: m[1]! }] : [];
    });
    for (const b of bare) {
      if (!bare.some((o) => Math.abs(o.n - b.n) === 1)) continue;
      out.push(report(doc, 'warning', b.at, b.at + b.mark.length, `标题序号“${b.mark}”后缺少顿号`, `${b.mark}、`, `${b.mark}、`));
    }
    // A titled report whose sections start at （一） with no 一、 anywhere above.
    const firstH = doc.headings.find((h) => !h.runIn);
    // (A lead-in 现将……如下 above it says the body starts there, even when the title is run into the text.)
    // (Unnumbered part headings above it, 2026年重点工作, stand where 一、 would.)
    if (firstH && (doc.title || /(?:现将|特将|将)[^。\n]{0,40}(?:报告|总结|汇报)如下[。：:]/.test(doc.text.slice(0, firstH.start))) && firstH.mark.level === 2 && !doc.headings.some((h) => h.mark.level === 1) && !partLines(doc).some((x) => x.start < firstH.start)) {
      out.push(report(doc, 'warning', firstH.start, firstH.end, `二级标题“${firstH.mark.marker}”上面没有一级标题（“一、”）`, '补上一级标题，或把本级改为“一、二、三、”'));
    }
    // 1、一、加强领导: a web list's number run into the heading's own; the first marker is left over.
    for (const l of doc.paragraphs) {
      const m = /^[\s\u3000]*(\d{1,2}[、.．][\s\u3000]*)(?=([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[\u4e00-\u9fff])/.exec(l.text);
      if (!m) continue;
      const at = l.start + m[0].length - m[1]!.length;
      out.push(report(doc, 'warning', at, at + m[1]!.length, `序号“${m[1]!.trim()}”与“${m[2]}”连在一起，多出一个序号`, '删去多余的序号', ''));
    }
    // A level-1 marker with the wrong separator: "一，" "二." before the heading text.
    for (const l of doc.paragraphs) {
      const b = level1Separator(l);
      if (!b || !/[\u4e00-\u9fff]/.test(doc.text[b.at + 1] ?? '')) continue;
      out.push(report(doc, 'warning', b.start, b.at + 1, `一级标题序号“${b.numeral}${b.sep}”应使用顿号`, `${b.numeral}、`));
    }
    return out;
  },
};

/** A label line that heads a list without a number of its own: 概述： 建议措施： */
const LABEL_LINE = /^[\u4e00-\u9fff]{2,12}[：:]$/;

/** An annex's head line: 附件, 附件2, 附件：, 名词解释. */
const ANNEX_LINE = /^(?:附件[ \u3000]*[0-9一二三四五六七八九十]{0,2}[：:]?|名词解释|附录[ \u3000]*[0-9一二三四五六七八九十]{0,2})$/;
/** A sentence that announces a counted list of tasks: 办好十件民生实事, 实施以下8项工程. */
const ANNOUNCED_LIST = /(?:[一二三四五六七八九十两]{1,3}|\d{1,2})(?:件|项|个|条|类|大)[\u4e00-\u9fff]{0,8}(?:实事|任务|工程|措施|事项|行动|举措)/;

function headingSequence(doc: CritiqueDoc): Finding[] {
  const out: Finding[] = [];
  const counters = [0, 0, 0, 0, 0];
  let lastLevel = 0;
  let lastLine = -1;
  let lastL1Line = -1;
  const headingLines = new Set(doc.headings.map((x) => x.line));
  for (const h of doc.headings) {
    const { level, number } = h.mark;
    // A site's outline box (【提纲】一、……七、……), chrome as a whole, numbers nothing of the report.
    const c = doc.chrome.get(h.line);
    if (c && c.end - c.start >= 0.8 * (doc.lines[h.line]?.text.trim().length ?? 0)) continue;
    // A new report glued after the previous one (several titles in one text) restarts numbering.
    const between = (test: (p: { text: string }) => boolean) => doc.paragraphs.some((p) => p.index > lastLine && p.index < h.line && test(p));
    // So does an annex (附件2 / 名词解释): a document of its own under the report.
    const newDoc = [...doc.titleLines].some((t) => t > lastLine && t < h.line) || between((p) => ANNEX_LINE.test(p.text.trim()));
    if (newDoc) {
      counters.fill(0);
      lastLevel = 0;
    }
    // A short label line of its own (舆情分析： / 建议措施：) between two lists starts a new list at 1.
    // So does a sentence that announces a counted list right above it (……办好十件民生实事，……。 / 一、提高……).
    const announced = number === 1 && lastLine >= 0 && ANNOUNCED_LIST.test(doc.paragraphs.findLast((p) => p.index < h.line)?.text ?? '');
    if (number === 1 && lastLine >= 0 && (announced || between((p) => LABEL_LINE.test(p.text.trim())))) {
      for (let l = level; l <= 4; l++) counters[l] = 0;
    }
    if (lastLevel >= 1 && level > lastLevel + 1) {
      out.push(report(doc, 'warning', h.start, h.end, `标题层级跳跃：${LEVEL_NAME[lastLevel]}之后直接出现${LEVEL_NAME[level]}“${h.mark.marker}”`, `按“一、（一）1.（1）”逐级使用，此处应为${LEVEL_NAME[lastLevel + 1]}`));
    }
    const prev = counters[level]!;
    const expected = prev + 1;
    const hasParent = level === 1 || counters.slice(1, level).some((c) => c > 0);
    const std = headingMarker(level, expected);
    if (number === expected) {
      // fine
    } else if (prev === 0) {
      // First at this level: a pasted excerpt may start anywhere; under a parent it must start at 1.
      // An excerpt may open at 三、 or later; a report that starts at 二、 has lost its 一、.
      if (hasParent && (level > 1 || (doc.isWholeReport && doc.title !== null && number === 2))) {
        out.push(report(doc, 'error', h.start, h.end, `${LEVEL_NAME[level]}应从“${headingMarker(level, 1)}”开始，此处为“${h.mark.marker}”`, headingMarker(level, 1)));
      }
    } else if (number === prev) {
      out.push(report(doc, 'error', h.start, h.end, `${LEVEL_NAME[level]}序号重复：“${h.mark.marker}”前面已经出现`, std));
    } else if (number > expected) {
      // 一、… 加强队伍建设 … 三、: the missing sibling is there, written without its number.
      const bare = level === 1 && number === expected + 1 ? unnumberedSibling(doc, lastL1Line, h.line, headingLines) : undefined;
      // The missing marker broken over two lines (（ / 三）改革……): the layout rule joins it; nothing is missing.
      // (Or its item opening on a figure, read as a decimal: 20.2026年10件民生实事, 21.5+2就业之家.)
      const broken = brokenMarker(doc, headingMarker(level, expected), h.start) || (level === 3 && new RegExp(`(?:^|\\n)[ \\u3000]*${expected}[.．]\\d`).test(doc.text.slice(doc.lines[lastLine]?.start ?? 0, h.start)));
      if (bare) {
        out.push(report(doc, 'warning', bare.start, bare.end, `一级标题“${bare.text}”缺少序号：前后是“${headingMarker(1, prev)}”“${h.mark.marker}”`, `在标题前加“${headingMarker(1, expected)}”`));
      } else if (!broken) out.push(report(doc, 'error', h.start, h.end, `${LEVEL_NAME[level]}序号不连续：缺少“${headingMarker(level, expected)}”`, std));
    } else {
      out.push(report(doc, 'error', h.start, h.end, `${LEVEL_NAME[level]}序号倒退：前一个是“${headingMarker(level, prev)}”，此处为“${h.mark.marker}”`, std));
    }
    if (level === 1) lastL1Line = h.line;
    counters[level] = number;
    for (let l = level + 1; l <= 4; l++) counters[l] = 0;
    lastLevel = level;
    lastLine = h.line;
  }
  return out;
}

/** A short line without sentence marks between two level-1 headings: the one sibling left unnumbered, if only one. */
function unnumberedSibling(doc: CritiqueDoc, from: number, to: number, headingLines: Set<number>): { start: number; end: number; text: string } | undefined {
  if (from < 0) return undefined;
  const found = doc.paragraphs.filter((p) => {
    if (p.index <= from || p.index >= to || headingLines.has(p.index) || doc.chrome.has(p.index) || doc.titleLines.has(p.index)) return false;
    const x = p.text.trim();
    return x.length >= 4 && x.length <= 20 && /^[\u4e00-\u9fff]/.test(x) && !/[，。；：！？,.;:!?、“”（）()\d]/.test(x);
  });
  if (found.length !== 1) return undefined;
  const p = found[0]!;
  const lead = p.text.length - p.text.trimStart().length;
  const text = p.text.trim();
  return { start: p.start + lead, end: p.start + lead + text.length, text };
}

/** The part names a report's level-1 headings take (存在的问题, 下一步工作打算 …), alone on a line. */
const PART_NAME = /^(?:(?:存在的|存在|当前存在的)(?:主要)?(?:问题|不足)(?:和|与|及)?(?:不足|差距|原因)?|下一步(?:的)?(?:工作)?(?:打算|计划|思路|措施|安排|重点)|(?:今后|明年|20\d{2}年)(?:的)?工作(?:打算|计划|思路|安排)|主要(?:做法|成效|措施|成绩)(?:和|与|及)?(?:成效|经验|体会)?|几点(?:体会|启示|思考)|意见(?:和|与)?建议|整改(?:措施|方向))$/;

/**
 * After the last numbered level-1 heading, a line that names a report part (下一步工作打算) with no number: the
 * last sibling lost its number. Needs two numbered siblings before it; a hint of where, no replacement.
 */
function unnumberedLast(doc: CritiqueDoc): Finding[] {
  const l1 = doc.headings.filter((h) => !h.runIn && h.mark.level === 1);
  if (l1.length < 2) return [];
  const last = l1.at(-1)!;
  const headingLines = new Set(doc.headings.map((h) => h.line));
  for (const p of doc.paragraphs) {
    if (p.index <= last.line || headingLines.has(p.index) || doc.chrome.has(p.index)) continue;
    const x = p.text.trim();
    if (!PART_NAME.test(x)) continue;
    // 三、存在问题和下一步打算 / 存在问题 / 下一步打算: the lines are its own parts, not a fourth sibling.
    const keys = x.match(/问题|不足|打算|计划|思路|措施|做法|成效|体会|建议|重点|安排/g) ?? [];
    if (keys.some((k) => last.mark.title.includes(k))) continue;
    const lead = p.text.length - p.text.trimStart().length;
    return [report(doc, 'warning', p.start + lead, p.start + lead + x.length, `一级标题“${x}”缺少序号：前一个是“${last.mark.marker}”`, `在标题前加“${headingMarker(1, last.mark.number + 1)}”`)];
  }
  return [];
}

/** 1、 and 1. mixed at level 3. */
function levelThreeStyle(doc: CritiqueDoc): Finding[] {
  const l3 = doc.headings.filter((h) => h.mark.level === 3);
  const dun = l3.filter((h) => h.mark.style === 'dunhao-after-digit');
  const dot = l3.filter((h) => h.mark.style !== 'dunhao-after-digit');
  if (dun.length === 0) return [];
  if (dot.length === 0) {
    const h = dun[0]!;
    return [report(doc, 'info', h.start, h.end, `三级标题按 GB/T 9704 写作“${h.mark.number}.”，不用顿号`, `${h.mark.number}.`)];
  }
  const minority = dun.length <= dot.length ? dun : dot;
  return minority.map((h) => report(doc, 'warning', h.start, h.end, `三级标题序号混用“1、”和“1.”`, `${h.mark.number}.`));
}

/** 一是/二是 and 第一/第二 continuity inside each section. */
function inlineOrdinals(doc: CritiqueDoc): Finding[] {
  const out: Finding[] = [];
  const headingLines = new Set(doc.headings.map((h) => h.line));
  let last = 0;
  let lastEnd = 0;
  let lastDi = 0;
  // Lists inside an item (二是安全教育：一是……七是……。三是……): the numbers of the items still open around it.
  const outer: number[] = [];
  // Where the current section began; -1 before any title or heading (a pasted excerpt may open mid-list).
  let sectionStart = -1;
  for (const p of doc.paragraphs) {
    if (headingLines.has(p.index) || doc.titleLines.has(p.index)) {
      sectionStart = p.start;
      last = 0;
      lastDi = 0;
      outer.length = 0;
      // The heading line may itself carry 一是 after its title.
    }
    for (const o of findInlineOrdinals(p.text)) {
      const start = p.start + o.index;
      const end = start + o.text.length;
      const dropped = last > 0 && o.number === last + 2 ? droppedSuffix(doc.text, lastEnd, start, last + 1) : undefined;
      const comma = last > 0 && o.number === last + 2 ? commaBefore(doc.text, lastEnd, start, last + 1) : undefined;
      // A new list whose 一要/一是 follows a comma (…，一要…) is not found as an item: what comes after is no skip.
      const restarted = last > 0 && o.number !== last + 1 && RESTART.test(doc.text.slice(lastEnd, start).replace(/[一二三四五六七八九十]{1,2}[是要]$/, ''));
      if (o.number === 1 && last > 1) outer.push(last);
      if (o.number !== last + 1 && o.number !== 1 && outer.length > 0 && o.number === outer.at(-1)! + 1) {
        // The inner list is over and the outer one goes on.
        outer.pop();
      } else if (o.number === last + 1 || o.number === 1 || restarted) {
        // In order, or a new list.
      } else if (last === 0) {
        // A list that starts mid-way (二是 after a comma-led 一是) is not reliably detectable; one whose section holds no
        // first item at all (no 一是/一要, 第一, 首先, 一方面) lost it.
        if (o.number === 2 && sectionStart >= 0 && !FIRST_ANYWHERE.test(doc.text.slice(sectionStart, start))) {
          out.push(report(doc, 'warning', start, end, `序号从“${o.text}”开始，前面没有“一${o.text.slice(-1)}”`, `补上“一${o.text.slice(-1)}”一项，或调整序号`));
        }
      } else if (o.number === last) {
        out.push(report(doc, 'warning', start, end, `段内序号“${o.text}”重复`, `${toChineseNumeral(last + 1)}${o.text.slice(-1)}`));
      } else if (dropped !== undefined) {
        // 二是…三切实…四是: the list is whole, the 是 of its middle item fell out.
        const numeral = toChineseNumeral(last + 1);
        const suffix = o.text.slice(-1);
        out.push(report(doc, 'warning', dropped, dropped + numeral.length, `段内序号“${numeral}”后缺“${suffix}”：前后是“${toChineseNumeral(last)}${suffix}”“${o.text}”`, `${numeral}${suffix}`));
      } else if (comma !== undefined) {
        // 一是……，二是……。三是: the middle item is there, run in after a comma; the comma is the slip.
        const at = comma;
        const item = `${toChineseNumeral(last + 1)}${o.text.slice(-1)}`;
        out.push(report(doc, 'warning', at, at + 1, `“${item}”前用了逗号：上一项应以句号结束，与其他各项一致`, '改为句号', '。'));
      } else if (o.number > last + 1) {
        out.push(report(doc, 'warning', start, end, `段内序号不连续：“${toChineseNumeral(last)}${o.text.slice(-1)}”之后是“${o.text}”`, `${toChineseNumeral(last + 1)}${o.text.slice(-1)}`));
      } else {
        out.push(report(doc, 'warning', start, end, `段内序号倒退：“${toChineseNumeral(last)}${o.text.slice(-1)}”之后是“${o.text}”`, `${toChineseNumeral(last + 1)}${o.text.slice(-1)}`));
      }
      last = o.number;
      lastEnd = end;
    }
    // 一是…二是…。三切实…: the last item of a list lost its 是 (nothing after it to show the gap).
    if (last >= 2 && lastEnd > p.start && lastEnd <= p.end) {
      const at = droppedTail(doc.text, lastEnd, p.start + p.text.length, last + 1);
      if (at !== undefined) {
        const numeral = toChineseNumeral(last + 1);
        out.push(report(doc, 'warning', at, at + numeral.length, `段内序号“${numeral}”后缺“是”：前面是“${toChineseNumeral(last)}是”`, `${numeral}是`, `${numeral}是`));
        last = 0;
      }
    }
    const d = DI_ORDINAL.exec(p.text);
    if (d) {
      const n = parseChineseNumeral(d[1]!);
      const lead = d[0].length - d[1]!.length - 2;
      if (lastDi > 0 && n !== lastDi + 1 && n !== 1) {
        out.push(report(doc, 'warning', p.start + lead, p.start + d[0].length - 1, `段首序号不连续：“第${toChineseNumeral(lastDi)}”之后是“第${d[1]}”`, `第${toChineseNumeral(lastDi + 1)}`));
      }
      lastDi = n;
    }
  }
  return out;
}

/** The offset of a comma right before the missing item n (…，二是) between two items, if the item is there. */
function commaBefore(text: string, from: number, to: number, n: number): number | undefined {
  const m = new RegExp(`，(?=${toChineseNumeral(n)}[是要])`).exec(text.slice(from, to));
  return m ? from + m.index : undefined;
}

/** Sequence words opening a sentence: 首先，其次，再次/第三，最后. */
const ORDER_WORD = /(?:首先|其次|再次|第三)(?<=(?:^|[。；！？\n\s\u3000])(?:首先|其次|再次|第三))(?=[，,])/g;

/**
 * 首先/其次/再次/最后 are one series: 其次 with no first step before it in its section lost that step, and 第三 after
 * 首先 and 其次 mixes two series (再次).
 */
function orderWords(doc: CritiqueDoc): Finding[] {
  const out: Finding[] = [];
  const t = doc.text;
  const heads = doc.headings.map((h) => h.start).sort((a, b) => a - b);
  const sectionOf = (at: number) => heads.filter((h) => h < at).at(-1) ?? 0;
  for (const { m, start, end } of matchAll(ORDER_WORD, t)) {
    const before = t.slice(sectionOf(start), start);
    if (m[0] === '其次' && !FIRST_ANYWHERE.test(before)) {
      out.push(report(doc, 'warning', start, end, '有“其次”而前面没有“首先”（或“第一”）', '补上第一项，或调整次序词'));
    } else if (m[0] === '第三' && /首先/.test(before) && /其次/.test(before) && !/第二/.test(before)) {
      out.push(report(doc, 'warning', start, end, '次序词混用：前面用“首先”“其次”，此处应为“再次”', '再次', '再次'));
    }
  }
  return out;
}

/** Any first item or first-ordinal word: what a list that opens at 二是 would have had before it. */
const FIRST_ANYWHERE = /一[是要来则]|第一|首先|一方面|其一/;
/** A list's first item inside the text (not 统一要求, 唯一是, 十一是). */
const RESTART = /(?<![十统唯万之第同专归单划整])一(?:是|要(?!求|点|素|务))/;

/** Verbs an item of a 一是/二是 list opens with (三切实履行…), so that 三年来, 三个方面, 三会一课 are not taken for items. */
const ITEM_VERB = /^(?:切实|加强|强化|扎实|深入|持续|坚持|严格|注重|抓好|做好|完善|健全|狠抓|认真|积极|主动|着力|全面|突出|建立|推进|开展|落实|提升|创新|规范|加大|夯实|筑牢|聚焦|压实|用好|紧扣|围绕|精心|广泛|定期|抓实|强调|加快|发挥|组织|召开|制定|严守)/;

/** After the last item of a 一是/二是 list, a sentence that opens with the next bare numeral and an item verb. */
function droppedTail(text: string, from: number, to: number, n: number): number | undefined {
  const numeral = toChineseNumeral(n);
  const re = new RegExp(`[。；;！？][\\s\u3000]*${numeral}(?=[\u4e00-\u9fff])`, 'g');
  const span = text.slice(from, to);
  for (let m = re.exec(span); m; m = re.exec(span)) {
    const at = from + m.index + m[0].length - numeral.length;
    if (ITEM_VERB.test(text.slice(at + numeral.length, at + numeral.length + 2))) return at;
  }
  return undefined;
}

/**
 * Where, between two items of a 一是/二是 list, the missing item's bare numeral starts a sentence
 * (三切实加强…): its offset, or undefined.
 */
function droppedSuffix(text: string, from: number, to: number, n: number): number | undefined {
  const numeral = toChineseNumeral(n);
  const re = new RegExp(`[。；;！？\\n][\\s\u3000]*${numeral}(?=[\u4e00-\u9fff])`, 'g');
  const span = text.slice(from, to);
  for (let m = re.exec(span); m; m = re.exec(span)) {
    const at = from + m.index + m[0].length - numeral.length;
    // 三是 / 三要 would have been found as an item; a bare numeral followed by a character is the drop.
    if (!/[是要]/.test(text[at + numeral.length] ?? '')) return at;
  }
  return undefined;
}

/** Whether the marker (（三）) occurs before `before` with a line break between two of its characters (（\n三）). */
function brokenMarker(doc: CritiqueDoc, marker: string, before: number): boolean {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cuts = [...marker].slice(1).map((_, i) => `${esc(marker.slice(0, i + 1))}[ \\u3000]*\\n[ \\u3000]*${esc(marker.slice(i + 1))}`);
  return new RegExp(cuts.join('|')).test(doc.text.slice(0, before));
}
