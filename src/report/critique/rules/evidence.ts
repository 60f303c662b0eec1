import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc } from '../doc.js';
import { matchAll, plansStart, reporter } from './util.js';

const report = reporter('evidence', 'evidence');

/**
 * A claim of results (显著, 大幅, 全面, 圆满) with nothing to show for it: no figure and no comparison in
 * the same or the next sentence. A hint, and only in a report on work done (总结, 报告, 述职, 自查), not
 * in a plan, and not in the 下一步 part. 全面 counts only with a verb of result (全面完成, 全面提升), since
 * 全面落实/全面贯彻/全面加强 describe the work, not its outcome.
 */
const CLAIM = /取得(?:了)?(?:显著|重大|长足|突出)(?:成效|成果|成绩|进展)|成效(?:显著|突出)|显著(?:提升|提高|增强|改善|增长|下降|减少|进步|成效)|大幅(?:度)?(?:提升|提高|增长|增加|下降|减少|降低)|全面(?:完成|提升|提高|增强|实现|改善)|圆满(?:完成|成功|结束)/g;
/** Evidence: a number, a counted item, a share, a comparison or a ranking. */
const EVIDENCE = /\d|[一二两三四五六七八九十百千万]+(?:次|场|期|人|名|个|篇|条|项|家|批|轮|倍|成)|[%％]|同比|环比|比上年|较上年|比去年|较去年|较以往|由[^，。；]{1,12}(?:提高|增加|提升|上升|增长|下降|减少)(?:到|至)|从[^，。；]{1,12}到|排名|位居|名列|第[一二三四五六七八九十\d]+名|被评为|荣获|获评|获得[^，。；]{0,10}(?:奖|称号|表彰)/;
/** A plan's title or a sentence about the future. */
const PLAN_TITLE = /要点|计划|方案|打算|安排|思路/;
const FUTURE = /将|要|力争|确保|争取|计划|拟|预计|努力|推动实现|目标/;
const RETRO_TITLE = /总结|报告|汇报|述职|自查|自评|情况/;

export const evidenceRule: Rule = {
  id: 'evidence',
  category: 'evidence',
  check(doc: CritiqueDoc): Finding[] {
    const title = doc.title?.text ?? '';
    if (title && PLAN_TITLE.test(title) && !RETRO_TITLE.test(title)) return [];
    if (!title && !/以来|已|了/.test(doc.text.slice(0, 400))) return [];
    const out: Finding[] = [];
    const stop = plansStart(doc);
    const sentences = doc.sentences;
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i]!;
      if (s.start >= stop) break;
      if (doc.titleLines.has(s.line) || doc.chrome.has(s.line)) continue;
      for (const { m, start, end } of matchAll(CLAIM, s.text, s.start)) {
        const clause = s.text.slice(0, start - s.start);
        if (FUTURE.test(clause.split(/[，,]/).at(-1) ?? '')) continue;
        const next = sentences[i + 1];
        // A numeral inside a quoted formula (“两个确立”, “三会一课”) names a slogan; it is no figure.
        const around = (s.text + (next?.text ?? '')).replace(/“[^“”\n]{1,16}”/g, '“”');
        if (EVIDENCE.test(around)) continue;
        out.push(report(doc, 'info', start, end, `“${m[0]}”缺少数据或对比支撑（同句和下一句都没有数字、比例或前后对比）`, '补上具体数字或与以往的对比，或删去修饰语'));
        break;
      }
    }
    return out;
  },
};
