import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc } from '../doc.js';
import { meetingSubtitle, reporter } from './util.js';

const report = reporter('title', 'structure');

/**
 * A unit type with no name in front of it (乡镇、学校、区委宣传部): a template title. The 格式
 * of the genre's title is 单位名称 + 关于 + 期间 + 事由 + 文种 (GB/T 9704-2012 §7.3.2; design note §3.1).
 */
const GENERIC_UNIT = /^(?:20\d{2}年?(?:度|上半年|下半年)?)?(?:乡镇|镇|乡|村级|社区|街道|学校|中小学|医院|单位|机关|公司|企业|区局|市局|县局|局党组|局党委|局|区委|市委|县委|镇委|区政府|市政府|县政府|市政府党组|区委宣传部|市委宣传部|县委宣传部|(?:宣传部|组织部|统战部|网信办|政法委)(?=关于|20\d{2}|[上下]半年|年度|意识形态|宣传思想)|[区市县](?:工业)?园区)(?![\u4e00-\u9fff]{0,2}(?:路|街|村(?!级)))/;
/** A title that starts with the subject matter: no unit at all. */
const NO_UNIT = /^(?:20\d{2}年?(?:度)?|关于)?(?:[上下]半年)?(?:网络意识形态|意识形态|宣传思想|落实|开展|党委（党组）|抓基层党建|基层党建|党建工作|乡村振兴|党风廉政|全面从严治党|精神文明|统战工作|民主生活会|组织生活会|主题教育|党史学习教育|党纪学习教育|标准化|规范化|巡察|作风建设|个人)/;
/** An organ's type after a bare level with no place name (县农业农村局2025年……, 区卫生健康委员会关于……). */
const BARE_LEVEL_ORGAN = /^[县区市](?!委|政府|人大|政协)[\u4e00-\u9fff]{2,8}?(?:局|委员会|办公室)(?=20\d{2}|关于|[上下]半年|年度)/;

export const titleRule: Rule = {
  id: 'title',
  category: 'structure',
  check(doc: CritiqueDoc): Finding[] {
    const t = doc.title;
    if (!t) return [];
    const out: Finding[] = [];
    const head = doc.titleHead;
    const lead = (head ?? t).text.length - (head ?? t).text.trimStart().length;
    const text = doc.text.slice((head ?? t).start, t.end).replace(/\s+/g, '');
    const start = (head ?? t).start + lead;
    const bare = /(?<!\d)(20\d{2})(?![\d年])(?=[\u4e00-\u9fff])/.exec(text);
    if (bare) {
      if (!head) out.push(report(doc, 'warning', start + bare.index, start + bare.index + 4, `标题中年份“${bare[1]}”后缺少“年”字`, `${bare[1]}年`, `${bare[1]}年`));
    }
    const missing: string[] = [];
    if (!bare && !/20\d{2}|[Xx×＊*]{2}|今年|去年|本年/.test(text) && !meetingSubtitle(doc)?.dated) missing.push('年份');
    const body = text.replace(/^[XxＸ×＊*某]+/, '');
    const generic = body === text && (GENERIC_UNIT.test(text) || BARE_LEVEL_ORGAN.test(text));
    if (generic || (body === text && NO_UNIT.test(text))) missing.push('单位名称');
    if (missing.length > 0) {
      // A unit type with its name cut out (街道……, 学校……) is a template's title: a warning. So is any title heading a
      // whole report (a lead-in or numbered sections follow): the report goes up under it, and the receiving office
      // files it by unit and period. A title over a short passage may head a section the writer names later: a hint.
      out.push(report(doc, generic || wholeReport(doc) ? 'warning' : 'info', start, t.end, `标题未写明${missing.join('和')}，像是模板标题`, '按“单位全称＋关于＋年份（期间）＋事由＋文种”补全标题'));
    }
    return out;
  },
};

/** The title heads a whole report: numbered sections, or a lead-in (……报告如下), follow it. */
function wholeReport(doc: CritiqueDoc): boolean {
  const t = doc.title!;
  const after = doc.text.slice(t.end);
  return doc.headings.some((h) => h.start >= t.end) || /(?:报告|汇报|总结|述职)如下/.test(after);
}

