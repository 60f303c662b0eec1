import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc } from '../doc.js';
import { CORE_FORMULA, GUIDING_THOUGHT, NAMED_THOUGHTS } from '../../formulations.js';
import { GLOSS, matchAll, reporter } from './util.js';

const report = reporter('xi', 'formulation');

/**
 * 习近平 forms, including redacted and mangled ones: the literal name may be missing, replaced
 * by 总书记, or masked by a site (*, ***, A). The exact forms are in formulations.ts with sources.
 */
/** The thought's name with 习近平 dropped or replaced (总书记新时代…, 同志新时代…). */
const THOUGHT_NO_NAME = /(?<![近平*＊Ａ-ＺA-Za-z])(?<!(?:^|[^学练复研见演补温预自实讲传修])习)((?:总书记|同志|主席)?)新时代中国特色社会主义思想/g;
/** 习总书记: an informal short form, never written in a report. */
const XI_SHORT = /习总书记/g;
/** The name dropped entirely: 以思想为指导, 用思想武装头脑. */
const THOUGHT_EMPTY = /(?<=[以用])思想(?=为指导|为引领|武装头脑|凝心铸魂)/g;
/** The name deleted whole between 以 and 为指导 (坚持以为指导): a site's word filter. */
const NAME_DELETED = /(?<=(?:坚持|始终|全面|深入|要|必须|均|都)以)为(?=指导|引领|指引|根本遵循)/g;
/** The core formula with 习近平 missing or replaced: 以总书记为核心的党中央, 以同志为核心的党中央, 以总书记同志为核心的党中央. */
const CORE_NO_NAME = /以(?!习近平)(?:总书记同志|主席同志|总书记|同志|主席)?为核心的党中央/g;
/** 习近平 before 指出/强调 without his title: 习近平指出, 习近平在……上强调. */
const NO_TITLE = /习近平(?!总书记|同志|主席|新时代|经济|法治|强军|生态|外交|文化|关于|谈|著作|[^，。；\n]{0,6}思想)(?=(?:在[^，。；\n]{1,30}?)?(?:指出|强调|要求|深刻指出|明确指出)|的?(?:系列重要讲话)|的(?:重要)?(?:讲话|指示|批示|论述)|来[\u4e00-\u9fff]{1,3}?(?:考察|视察|调研)?(?:时的|的)?重要讲话)/g;
/** 总书记 without 习近平 opening a quotation or a reference: 总书记指出, 学习总书记关于, 总书记对……作出的重要指示. */
const NAME_DROPPED = /(?<![近平*＊A-Za-z]|近平|习近平)总书记(?=(?:在[^，。；\n]{1,30}?|(?:来[\u4e00-\u9fff]{0,3}?)?(?:视察|考察|调研)(?:[\u4e00-\u9fff]{0,8}?时)?的?)?(?:指出|强调|关于|重要讲话|系列重要讲话|重要指示)|对[^，。；\n]{0,24}?(?:作出|做出)?的?(?:重要(?:指示|批示|讲话)|新期望|殷切期望|殷切嘱托|重要嘱托))/g;
/**
 * 主席 standing where 习近平 was (主席总书记, 深刻领悟主席关于……的重要论述): a converter's or a filter's substitute.
 * Only at a clause start or after a verb of study, so that 工会主席关于…… and 国家主席 stay.
 */
const CHAIR_FOR_NAME = /主席(?<=(?:^|[。，；：、\n“（]|领悟|学习|贯彻|落实|践行|宣传|领会|把握|按照|根据)主席)(?=总书记|关于[^，。；\n]{1,40}?(?:重要(?:论述|讲话|指示|思想)|指示(?:批示)?精神))/g;
/** The name with its last character dropped (习近总书记, 习近新时代……). */
const NAME_CLIPPED = /习近(?=总书记|同志|新时代)/g;
/** The name with its first character dropped (运用近平新时代……, 近平总书记); not 习 / 近平 across a line break or 習（xí）近平. */
const NAME_HEADLESS = new RegExp(`(?<!习(?:[\\s\\u3000]*|${GLOSS}))近平(?=总书记|同志|新时代)`, 'g');
/** The title doubled where a site deleted the name between (习近平总书记 → 总书记总书记). */
const DOUBLED_TITLE = /(?<!习近平)总书记总书记/g;
/** 系列讲话 without 重要: the fixed name is 系列重要讲话 (design note §3.5). */
const SERIES = /系列(?:讲话)/g;
/** What stands before a 系列讲话 with no speaker: a verb of study, or the 、 of a list of what is studied. */
const SERIES_AFTER_VERB = /(?:学习|贯彻|落实|领会|深化|宣讲|践行|[、和及])$/;
/** 习 alone where the name is cut short (以习新时代…, 《习谈治国理政》): not the 习 of 学习, 复习… (XI_BEFORE_NOT). */
const XI_CLIPPED = /习(?=新时代中国特色社会主义思想|谈治国理政|著作选读)/g;
/** 习 alone before 关于 and what he said on it (贯彻落实习关于……的重要指示精神): the title and the rest of the name cut. */
const XI_CLIPPED_ON = /习(?=关于[^，。；\n]{1,40}?(?:重要(?:讲话|指示|批示|论述)|指示批示|论述))/g;
/** Named thoughts with the owner dropped: 学习贯彻文化思想. */
const OWNERLESS_VERB = /(?:学习|贯彻|宣传|践行|落实|领悟|研究|阐释|以|用)[\u4e00-\u9fff]{0,2}$/;
const OWNERLESS = new RegExp(`(${NAMED_THOUGHTS.map((n) => n.replace('习近平', '')).join('|')})(?!工作|阵地|战线|领域|建设|队伍|教育|宣传|文化|理论|观念|状况|动态|政治)`, 'g');

/**
 * Short forms of the thought's name: 新思想 (a common shorthand, accepted after a full mention) and
 * 习思想 (never a formal name). Not: 学习思想政治, 创新思想, or a series of 新X (新理念新思想新战略, 新思想、新观念).
 */
const SHORT_THOUGHT = /[新习]思想/g;
/** 学习思想政治 (习思想 inside 学习思想); 创新思想, 新理念新思想 (新思想 inside a word or a series). */
const XI_BEFORE_NOT = /[学练复研见演补温预自实讲传修]$/;
const NEW_BEFORE_NOT = /(?:[创革更清出全最崭]|新[\u4e00-\u9fff]{1,2}[、和与及]?)$/;
const GLOSS_END = new RegExp(`${GLOSS}$`);
const SHORT_AFTER_NOT = /^(?:[、和与及]?新[\u4e00-\u9fff]|观念|解放|政治|理论|文化|[上中里])/;
/** The full name, also when a copy wrapped it over two lines. */
const FULL_WRAPPED = new RegExp(GUIDING_THOUGHT.split('').join('[\\s\\u3000]*'));

/** A site's underscore mask where the name was cut out (以_新时代…, _总书记): it goes with the fix. */
function maskBefore(t: string, start: number): number {
  // Underscores, or a letter mask set apart by spaces (确保 xxx 新时代……): the name's place, taken by the fix.
  return /(?:[_＿]{1,3}|(?<=[\u4e00-\u9fff])[ \u3000]*[Xxｘ]{2,3}[ \u3000]*)$/.exec(t.slice(Math.max(0, start - 8), start))?.[0].length ?? 0;
}

/** Whether `at` lies inside a quotation introduced as his words (总书记……强调/指出：“……). */
function inHisWords(t: string, at: number): boolean {
  const open = t.lastIndexOf('“', at);
  if (open < 0 || t.lastIndexOf('”', at) > open || at - open > 200) return false;
  return /(?:总书记|习近平|主席)[^。；\n]{0,30}(?:强调|指出|要求|提出|说|讲)[：:，,]?$/.test(t.slice(Math.max(0, open - 40), open));
}

export const xiRule: Rule = {
  id: 'xi',
  category: 'formulation',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const t = doc.text;
    for (const { m, start, end } of matchAll(THOUGHT_NO_NAME, t)) {
      const before = t.slice(Math.max(0, start - 2), start);
      // A masked name (***新时代…) is reported as a placeholder; a name split by a line wrap is layout.
      if (/[*＊×X]$/.test(before) || t.slice(Math.max(0, start - 8), start).replace(/[\s\u3000]+/g, '').endsWith('习近平')) continue;
      // His own words quoted (总书记强调“要做好学习贯彻新时代……思想的……”): he does not name himself (r130 keeps it).
      if (!m[1] && inHisWords(t, start)) continue;
      const lead = m[1] ? `“${m[1]}”代替了“习近平”` : '缺少“习近平”';
      // A blank where a site cut the name out (贯彻 新时代…): the blank goes with the fix.
      const blank = m[1] ? 0 : (/[ \u3000]+$/.exec(t.slice(Math.max(0, start - 4), start))?.[0].length ?? 0);
      const mask = maskBefore(t, start);
      // A title left where the name was cut out (***总书记新时代…, 以书记新时代…): it goes with the fix.
      const title = m[1] ? null : /(?:[*＊]{1,6}|[Xx]{1,3})?总?书记$/.exec(t.slice(Math.max(0, start - 11), start));
      if (title) {
        out.push(report(doc, 'error', start - title[0].length, end, `指导思想的名称中“${title[0]}”代替了“习近平”：应为“${GUIDING_THOUGHT}”`, GUIDING_THOUGHT, GUIDING_THOUGHT));
        continue;
      }
      const at = mask > 0 ? start - mask : blank > 0 && /[\u4e00-\u9fff]/.test(t[start - blank - 1] ?? '') ? start - blank : start;
      out.push(report(doc, 'error', at, end, `指导思想的名称${lead}：应为“${GUIDING_THOUGHT}”`, GUIDING_THOUGHT, GUIDING_THOUGHT));
    }
    const shortSeen = new Set<string>();
    let fullAt: number | undefined;
    for (const { m, start, end } of matchAll(SHORT_THOUGHT, t)) {
      // A converter's reading between the characters (創（chuàng）新思想) is not part of the word.
      const before = t.slice(Math.max(0, start - 14), start).replace(GLOSS_END, '').slice(-4);
      if ((m[0] === '习思想' ? XI_BEFORE_NOT : NEW_BEFORE_NOT).test(before) || SHORT_AFTER_NOT.test(t.slice(end, end + 3))) continue;
      // One finding per form: the first short mention is where the full name belongs.
      if (shortSeen.has(m[0])) continue;
      // 新思想 after the full name (in this text, wraps ignored) is the accepted shorthand.
      fullAt ??= t.indexOf(GUIDING_THOUGHT) >= 0 ? t.indexOf(GUIDING_THOUGHT) : (FULL_WRAPPED.exec(t)?.index ?? -1);
      const fullBefore = fullAt >= 0 && fullAt < start;
      if (m[0] === '新思想' && fullBefore) continue;
      shortSeen.add(m[0]);
      const why = m[0] === '习思想' ? '“习思想”不是规范简称' : '“新思想”是简称，文中此前没有出现全称';
      const advice = m[0] === '习思想' ? `改为“${GUIDING_THOUGHT}”` : `首次出现时写全称“${GUIDING_THOUGHT}”，之后可简称“新思想”`;
      // 新思想 with no full name before it is a hint: labellers leave it (0 of 9 places in r121–r128, a false alarm in
      // rounds 17–20), and an excerpt may have cut the full name off; 习思想 is never a name.
      out.push(report(doc, m[0] === '习思想' ? 'warning' : 'info', start, end, `${why}：正式报告中应写“${GUIDING_THOUGHT}”`, advice));
    }
    for (const { start, end } of matchAll(THOUGHT_EMPTY, t)) {
      out.push(report(doc, 'error', start, end, `“思想”前缺少名称：应为“${GUIDING_THOUGHT}”`, GUIDING_THOUGHT, GUIDING_THOUGHT));
    }
    for (const { start, end } of matchAll(NAME_DELETED, t)) {
      out.push(report(doc, 'error', start - 1, end, '“以……为指导”中间缺少指导思想的名称（疑为网站删去了文字）', `补上名称，如“以${GUIDING_THOUGHT}为指导”`));
    }
    for (const { start, end } of matchAll(CORE_NO_NAME, t)) {
      out.push(report(doc, 'error', start, end, `固定表述有误：应为“${CORE_FORMULA}”`, CORE_FORMULA, CORE_FORMULA));
    }
    for (const { start, end } of matchAll(XI_SHORT, t)) {
      // 学习总书记…: the 习 belongs to 学习.
      if (XI_BEFORE_NOT.test(t.slice(Math.max(0, start - 1), start))) continue;
      out.push(report(doc, 'warning', start, end, '“习总书记”是口语简称，报告中应写“习近平总书记”', '习近平总书记', '习近平总书记'));
    }
    for (const { start, end } of matchAll(XI_CLIPPED, t)) {
      if (XI_BEFORE_NOT.test(t.slice(Math.max(0, start - 1), start))) continue;
      out.push(report(doc, 'error', start, end, '“习”是姓名的残缺写法：应为“习近平”', '习近平', '习近平'));
    }
    for (const { start, end } of matchAll(CHAIR_FOR_NAME, t)) {
      const title = t.startsWith('总书记', end);
      out.push(report(doc, 'error', start, end + (title ? 3 : 0), '“主席”处应为领导人姓名和称谓：“习近平总书记”', '习近平总书记', '习近平总书记'));
    }
    for (const { start, end } of matchAll(XI_CLIPPED_ON, t)) {
      // 学习关于…: the 习 of 学习; 落实 + 习 is no word (实习 aside), so after 落实 it is the name.
      const before = t.slice(Math.max(0, start - 2), start);
      if (XI_BEFORE_NOT.test(before.slice(-1)) && before !== '落实') continue;
      out.push(report(doc, 'error', start, end, '“习”是姓名的残缺写法：应为“习近平总书记”', '习近平总书记', '习近平总书记'));
    }
    for (const { start, end } of matchAll(NAME_CLIPPED, t)) {
      out.push(report(doc, 'error', start, end, '领导人姓名缺字：应为“习近平”', '习近平', '习近平'));
    }
    for (const { start, end } of matchAll(NAME_HEADLESS, t)) {
      out.push(report(doc, 'error', start, end, '领导人姓名缺字：应为“习近平”', '习近平', '习近平'));
    }
    for (const { start, end } of matchAll(NO_TITLE, t)) {
      // His offices named before the name (中共中央总书记、国家主席习近平的讲话) are his title.
      if (/(?:总书记|主席)[^。；，\n]{0,8}$/.test(t.slice(Math.max(0, start - 14), start))) continue;
      out.push(report(doc, 'warning', start, end, '引述讲话时“习近平”后一般加“总书记”', '习近平总书记', '习近平总书记'));
    }
    for (const { start, end } of matchAll(DOUBLED_TITLE, t)) {
      out.push(report(doc, 'error', start, end, '“总书记”重复出现，疑为删去了“习近平”：应为“习近平总书记”', '习近平总书记', '习近平总书记'));
    }
    for (const { start, end } of matchAll(NAME_DROPPED, t)) {
      // The second copy of a doubled title is reported above.
      if (t.slice(Math.max(0, start - 3), start) === '总书记') continue;
      // 习总书记 is its own finding; 学习总书记… is the verb 学习 before a dropped name.
      if (t[start - 1] === '习' && !XI_BEFORE_NOT.test(t.slice(Math.max(0, start - 2), start - 1))) continue;
      // After a full mention in the same paragraph, a short 总书记 is acceptable.
      const para = t.slice(t.lastIndexOf('\n', start) + 1, start);
      // …but the name of a body of thought (习近平总书记关于……的重要思想/重要论述) is always written whole.
      if (para.includes('习近平') && !/^总书记关于[^。；\n]{1,40}?的?重要(?:思想|论述)/.test(t.slice(start, start + 60))) continue;
      // After a full mention earlier in the report the short form is common: a hint only.
      // 国家总书记: a spinner's or a careless writer's word in the name's place (the office is 国家主席); it goes with the fix.
      if (t.startsWith('国家', start - 2)) {
        out.push(report(doc, 'warning', start - 2, end, '“国家总书记”不是规范称谓，应为“习近平总书记”', '习近平总书记', '习近平总书记'));
        continue;
      }
      out.push(report(doc, t.slice(0, start).includes('习近平总书记') ? 'info' : 'warning', start - maskBefore(t, start), end, '“总书记”前缺少“习近平”', '习近平总书记', '习近平总书记'));
    }
    for (const { start, end } of matchAll(SERIES, t)) {
      if (t.slice(start - 2, start) === '重要') continue;
      // 学系列讲话 is the 两学一做 campaign's own wording (学党章党规、学系列讲话，做合格党员).
      if (t[start - 1] === '学' && t[start - 2] !== '学') continue;
      // No speaker before it (贯彻……、系列讲话精神): his name and title go in with the 重要.
      if (SERIES_AFTER_VERB.test(t.slice(Math.max(0, start - 4), start))) {
        out.push(report(doc, 'warning', start, end, '缺少讲话人，且应为“系列重要讲话”：应为“习近平总书记系列重要讲话”', '习近平总书记系列重要讲话', '习近平总书记系列重要讲话'));
        continue;
      }
      out.push(report(doc, 'warning', start, end, '应为“系列重要讲话”', '系列重要讲话', '系列重要讲话'));
    }
    for (const { m, start, end } of matchAll(OWNERLESS, t)) {
      const before = t.slice(Math.max(0, start - 4), start);
      if (before.endsWith('习近平')) continue;
      const full = `习近平${m[1]}`;
      // A title in the owner's place (总书记文化思想) is the same defect as in the guiding thought's name.
      const title = /(?:总书记|同志|主席)$/.exec(before)?.[0];
      if (title) {
        out.push(report(doc, 'error', start - title.length, end, `“${title}”代替了“习近平”：应为“${full}”`, full, full));
        continue;
      }
      const mask = maskBefore(t, start);
      if (!OWNERLESS_VERB.test(before.slice(0, before.length - mask))) continue;
      out.push(report(doc, 'error', start - mask, end, `缺少“习近平”：应为“${full}”`, full, full));
    }
    for (const { start, end } of matchAll(/社会主义思想理论体系/g, t)) {
      out.push(report(doc, 'warning', start, end, `“${GUIDING_THOUGHT}”后不加“理论体系”（“理论体系”属于“中国特色社会主义理论体系”）`, GUIDING_THOUGHT));
    }
    return out;
  },
};
