import type { Rule, Finding } from '../types.js';
import { isCjk, lineAt, type CritiqueDoc } from '../doc.js';
import { GLOSS, MARKED_BYLINE, matchAll, reporter, warnOnce } from './util.js';

const report = reporter('placeholder', 'placeholder');

/** 局 standing alone as the subject (今年以来，局始终……), not 我局/本局/全局, not 局门户网站/局属单位/局党组. */
const BARE_BUREAU = /(?<![\u4e00-\u9fffA-Za-z0-9*＊XxＸ×_“])局(?=始终|一直|在|高度|紧紧|坚持|认真|把|按照|根据|积极|严格|切实|全面|深入|紧扣|围绕|结合|不断|持续|进一步|召开|制定|成立|建立|组织|开展|以|将|对|通过|及时|牢牢|扎实)/g;

/** Markdown bold: ** around words. Two masks with only marks between (（**、**）) are no bold, nor two quoted masks (“**”……“**”). */
const BOLD = /(?<=^|[\s。；：，、“（])\*\*(?![）)、，。；：\s”’])(?=[^*\n]*?[\u4e00-\u9fffA-Za-z0-9][^*\n]*?\*\*)([^*\n]{1,60}?)(?<![（(、，\s“‘])\*\*(?=$|[\s。；：，、”）])/gm;
const STARS = /[*＊]+/g;
/** X/x runs standing for a number or a name. */
const XRUN = /(?<![A-Za-z0-9_])[XxＸｘ]+(?![A-Za-z0-9_])|(?<=^|[\u4e00-\u9fff\s（《“])[XxＸｘ]{1,3}(?=(?:19|20)\d{2}年)/g;
const XOK = /^(?:X光|X射线|x轴|X轴|X线)/;
/** N standing for a count (开展了N项, 共N次): a template's letter for the number. */
const N_SLOT = /(?<=[\u4e00-\u9fff])[NＮ](?=[项次个人名篇条期场余家所])/g;
/**
 * A count cut out before its measure word (先后次专题研究, 实施了项措施, 压减合并项，): a site or a template dropped
 * the number. After a verb of counting, where measure and next character make no word of their own (项目, 次日, 个人,
 * 期间, 批评, and the land and enterprise terms 批而未供, 个转企); or after an activity or a channel counted, where the measure ends the clause (会议次，, 工作群个，).
 */
const CUT_COUNT =
  /(?:[万千](?:份|人|册|张|元)|[次项场期篇名批件个户条份])(?<=(?:先后|共计?|累计|合计|总计|开展了?|召开了?|举办了?|组织了?|实施了|制定了|出台了|印发了?|建立了|发放了|排查出|清理了?|走访了?|慰问了?|培训了?|新增了?|打造了?|建成了?|设立了?|压减了?|合并了?|整合了?|梳理出|查找出|查摆出|收集到?|征集到?|全县|全市|全区|全镇|全乡)(?:[万千](?:份|人|册|张|元)|[次项场期篇名批件个户条份]))(?![次日年月要序第数目所地景面合域馆间刊望待限末中初满货章幅单称额义字誉录示评准复事人别体性案外籍口有属在例款号件理文线块约码形牌片校师胜型而转大空厕均])/g;
const CUT_COUNT_END =
  /[次个项场期篇条](?<=(?:会议|活动|培训|学习|讲座|宣讲|检查|督查|座谈会?|研讨会?|谈话|党课|调研|演练|巡查|走访|慰问|评议|讨论|交流|工作群|微信群|公众号|账号|平台|基地|阵地|站点|APP|项目|措施|问题|事项)[次个项场期篇条])(?=[，。；、）])|[件起宗](?<=(?:案件|办结|结案|受理|办理|审结|执结|调解|答复|回复|转办|交办|督办|查处|立案|信访)[件起宗])(?=[，。；、）])/g;
/** A rank or an ordinal with its number cut out (位列第位, 第名): 第 before a measure word is never whole. */
const CUT_ORDINAL = /第(?<![次门宅府及落科甲等]第)(?=[位名次届个项条批期轮季章节款])/g;
/** A percentage with its number cut out (结案率%, 占比%): a sign straight after a character. */
const CUT_PERCENT = /[%％](?<=[\u4e00-\u9fff][%％])/g;
/** × standing for a number or a name before a unit or a clock word (×点, ×名): a template's slot. */
const CROSS_SLOT = /×(?<![0-9０-９A-Za-z]×)(?=[点时月日年名人个次项户])/g;
/** A unit noun after "X " or "XX ": X 区委, XX 县, X 单位 (a PDF space between the slot and the unit). */
const UNIT_AFTER = /^[ \u3000\u00a0]?(?:省|市|县|区|镇|乡|村|街道|社区|局|委|办|部|厅|院|校|所|站|中心|单位|公司|集团|支部|党委|党组|支行|分局|学校|医院)/;
/** A capital letter left by a redacted template: A总书记, A新时代, 《A谈治国理政》 (A同志 may be a deliberate anonymisation). */
const LETTER_NAME = /(?<![A-Za-z0-9])[A-WYZ](?=总书记|新时代|谈治国理政)/g;
const SYMBOLS = /(?:×{2,}|□+|△{2,}|×(?=[ \u3000]?(?:省|市|县|区|镇|乡|村|街道|社区|局|委|单位|公司)))/g;
const INSTRUCTION = /[【[（(]\s*(?:此处|请(?:填写|补充|根据|结合|在此|按)|待(?:补充|填|定|完善)|需(?:补充|填写)|根据(?:本单位|本地|实际)|填写|补充|插入|示例|举例)[^【】[\]（）()\n]{0,80}[】\]）)]/g;
/** An editor's or a model's note left in the text: （注：原文为……，调整为……）, （注：数据为示例，请核实）. */
const EDIT_NOTE = /[（(]注[：:][^（）()\n]{0,60}?(?:原文|调整为|改为了?|可根据|根据实际|此处|示例|仅供参考|可替换|可删|虚构|模拟|假设|请核实|需核实|请替换|以实际为准)[^（）()\n]{0,60}[）)]/g;
const EMPTY_BRACKET = /【\s*】/g;
/** A template's elision in brackets where a name goes: 〔...〕, 〔……〕, [...]. */
const ELIDED_BRACKET = /[〔［[【](?:\.{2,6}|…{1,2}|。{3})[〕］\]】]/g;
/** A number half masked, its last digits left as letters: 1XX名, 3xx人次. */
const DIGIT_MASK = /(?<=(?<![A-Za-z])\d{1,3})[XxＸｘ]{1,3}(?=[名人次个项篇条场家所户批期万]|人次|余)/g;
/**
 * A number masked inside its digits or at its head (1XX32万元, 21.X%, X112元): part of the figure left as letters. Only
 * before a unit (X112 alone is a county road's name).
 */
const DIGIT_MASK_INNER = /(?<![A-Za-z\d.])\d+[XxＸｘ]{1,3}\d+(?![A-Za-z])|(?<![A-Za-z\d])\d+\.[XxＸｘ]{1,2}(?=[%％])|(?<![A-Za-z\d])[XxＸｘ]{1,2}\d{1,4}(?=[元万亿人个户亩次名%％])/g;
/**
 * One lower-case letter inside a word (网络a全): a site's filter wrote a character's initial. Not e (党建e家) or x (the
 * X slot, judged above).
 */
const LETTER_IN_WORD = /[a-df-wyz](?<=[\u4e00-\u9fff][a-df-wyz])(?=[\u4e00-\u9fff])/g;
/** A slot named in square brackets: a letter mask, or a short description ending in what to fill in. */
const BRACKET_SLOT = /[[［]\s*(?:[XxＸｘ×]{1,3}|具体[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{0,6}(?:日期|时间|时间段|名称|单位|姓名|数字|数量|人数|次数|场次|金额|比例|百分比|地点|部门|职务|事例|案例|活动|内容|年份|月份))\s*[\]］]/g;
/** Empty quotation marks where a name was cut out (实施“”规划). */
const EMPTY_QUOTE = /“[ \u3000]*”(?=[\u4e00-\u9fff])|《[ \u3000]*》/g;
/** A bracket whose text ends in a writing instruction: 《*（相关文件、方案，请结合实际添加）》. */
const INSTRUCTION_TAIL = /[【[（(][^【】[\]（）()\n]{0,60}(?:请|可|需)(?:结合|根据|按照?)(?:实际|本单位|具体)(?:情况)?(?:添加|填写|修改|补充|调整|完善|选用)[^【】[\]（）()\n]{0,10}[】\]）)]/g;
/**
 * Blanks where a site cut a number or a name out and left the space: 党的 大 (the congress number), 现将 年以来
 * and 《 县 年…》 (the year). Only after a word a year follows as an object or a unit name, never after a numeral.
 */
const CUT_CONGRESS = /党的[ \u3000]+(?=大|届)/g;
/** 精神 right after the verbs that carry a meeting's spirit out, or after 党的 there (the name between was cut). */
const CUT_SPIRIT = new RegExp(`(?:党的)?精神(?<=(?:(?:贯彻|落实|学习|领会|传达|宣讲)党的|(?:贯彻|落实|领会|传达)(?:${GLOSS})?)精神)(?=[，。、；和及与])`, 'g');
const CUT_YEAR_BLANK = /[ \u3000]+年(?=[\u4e00-\u9fff])/g;
const CUT_YEAR_BLANK_BEFORE = /[将至于在自从县市区省镇乡局委《（]$/;
const CUT_YEAR_BLANK_AFTER = /^年(?:轻|龄|级|代|华|迈|货|会|鉴|画|糕|味|关|头|底|终|初)/;
/** A year or date left as a template: 20xx, 202X, 20__, 20××年; an underscore blank glued before a word (20_学校……计划). */
const YEAR_SLOT = /(?<![0-9])(?:19|20)[0-9]?(?:[XxＸｘ×]{1,2}|_{1,3}|＿{1,3})(?=\s*年|[〕］\]])|(?<![0-9A-Za-z])(?:19|20)[0-9]?(?:_{1,3}|＿{1,3})(?=[\u4e00-\u9fff])|(?<![0-9])(?:19|20)[0-9]?[XxＸｘ]{1,2}(?![A-Za-z0-9])/g;
/** Underscore blanks in Chinese text: __区, 于_月_日, 开展_工作. */
/** Underscores before a character, a mark, or a range dash (____-____年度: a span of years left blank). */
const BLANK = /(?:_{1,}|＿{1,})(?=[\u4e00-\u9fff，。、”》）]|[-－—~～][ \u3000]?(?:_|＿))/g;
const BLANK_BEFORE = /[\u4e00-\u9fff\s，、：；。（）“《\-－—~～]/;
const MOU_NOUN = /^(?:经济开发区|开发区|高新区|工业园区|园区|街道|社区|学校|中学|小学|大学|学院|幼儿园|医院|公司|集团|单位|部门|中心|支部|党委|党组|[省市县区镇乡村局委办厅院校])/;
/** D standing for 党 before the words it forms (D史, D员, D委, D的领导); not after a letter or digit (3D, PDF). */
const PARTY_INITIAL = /(?<![A-Za-z0-9])D(?=史|员|委|组|支部|建|风|章|课|性|中央|旗|徽|纪|内法规|政|的领导|的建设|的二十大|的十[八九]大)/g;
/** 某某 is always a template name; 某 + a unit noun (某镇, 某局) in a report body too. */
const MOU = /某某+(?:[\u4e00-\u9fff])?|(?<![\u4e00-\u9fff]某|某)某(?=(?:省|市|县|区|镇|乡|村|街道|社区|局|委|办|厅|院|校|学校|中学|小学|大学|学院|幼儿园|医院|公司|集团|单位|部门|中心|支部|党委|党组|同志|书记|主任|镇长|局长|经济开发区|开发区|高新区|工业园区|园区)(?!些|种|一|个|项|方面|程度))/g;
/**
 * A run of one capital letter standing for a name or a word: AA, AAA, ZZ (正确ZZ方向). X runs are above;
 * not AAAA级 (a scenic-spot grade), QQ, or roman numerals (II, III).
 */
const LETTER_RUN = /([A-HJ-PR-UWYZ])\1+(?![A-Za-z0-9]|级)/g;
/**
 * Collocations of the genre whose key word a masked copy replaces with letters: 正确ZD方向 (政治), DW书记
 * (党委), ZZ站位. A letter token that fills such a slot and recurs in Chinese text is a mask wherever it occurs.
 */
const MASK_SLOT_BEFORE = /^(?:方向|责任|站位|纪律|规矩|意识|生态|立场|担当|定力|判断力|领悟力|执行力|建设|委|组|员|支部|中央|的领导|风廉政|性|课|史|章|务|费|书记|总书记|新时代|同志|思想)/;
const MASK_SLOT_AFTER = /(?:正确|讲|旗帜鲜明讲|全面从严治|坚持|加强|以)$/;
const LETTER_TOKEN = /[A-Z]{2,4}(?![A-Za-z0-9])/g;
/** Acronyms that occur in reports as themselves. */
const ACRONYMS = new Set(['APP', 'PPT', 'GDP', 'AI', 'VR', 'AR', 'QQ', 'CEO', 'PDF', 'OA', 'LED', 'WIFI', 'KPI', 'PPP', 'IP', 'ID', 'UP', 'VIP', 'CPU', 'GPS', 'ETC', 'EMS', 'MBA', 'CT', 'DNA', 'ICU', 'ISO', 'PM', 'AM', 'TV', 'USB', 'CD', 'KTV', 'NGO', 'WTO', 'UN', 'CBD', 'CCTV', 'CPC', 'HR', 'IT', 'OK', 'LOGO', 'BIM', 'GIS', 'SOS', 'EPC', 'UI', 'CPI', 'PPI', 'IPO', 'ERP', 'CRM', 'SARS', 'WHO', 'NBA', 'MV', 'DV', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'PC', 'NO', 'WPS', 'DOC', 'SCI', 'EI', 'SSCI', 'CSSCI']);
/** A year with letters other than X for its last digits, before 年 or inside a document number's 〔〕. */
const LETTER_YEAR = /(?<![0-9A-Za-z])(?:19|20)[0-9]?(?![Xx]{1,2}(?![A-Za-z]))[A-Za-z]{2}(?=[ \u3000]?年|〕|］)/g;
/** A year cut to its first two digits: 20上半年, 20年上半年, 20年度工作. */
const CUT_YEAR = /20(?=[上下]半年|年[上下]半年|年第[一二三四]季度|第[一二三四]季度|年度(?:意识形态|工作|落实|述职|考核))/g;
const CUT_YEAR_BEFORE = /[0-9０-９近前后约多余第逾]/;
/** 年上半年 with no year before it (关于年上半年……, a line that starts 年上半年). */
const MISSING_YEAR = /年(?=[上下]半年|第[一二三四]季度)/g;
/** What may stand before such a 年: a year, a slot, a relative word (今年, 同年, 次年). */
const YEAR_BEFORE = /[0-9０-９一二三四五六七八九十〇零XxＸｘ×*＊_＿今去明前后同本当半全每该次近头首末往历逐]/;

/** Chinese-circle blanks: ○○同志, 〇〇镇 when not a date digit. */
const CIRCLES = /(?<![一二三四五六七八九十〇零])[○〇]{2,}(?![一二三四五六七八九十〇零年])/g;

/**
 * A template's stand-in for the unit's own level: 县（市、区）, 乡（镇、街道）, 市（州） as the writer's own unit
 * (县（市、区）党委, 全县（市、区）). After 各/所辖/全省 it names many units and is correct.
 */
const LEVEL_ALTERNATIVES = /(?<![各辖每省市全]|全省|全市|部分|个别|有的)(?:全|我|本|该)?[省市县区乡镇](?:（(?:[省市县区乡镇州盟旗]|街道|社区)(?:、(?:[省市县区乡镇州盟旗]|街道|社区))+）)(?=[\u4e00-\u9fff])/g;

export const placeholderRule: Rule = {
  id: 'placeholder',
  category: 'placeholder',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    // A title that opens with 年 lost its year (年意识形态工作总结): the site cut the number out.
    if (doc.title) {
      const lead = doc.title.text.length - doc.title.text.trimStart().length;
      // A year alone on the line before (a Word copy's runs set apart: 2025 / 年意识形态……) is there: a break, not a cut.
      const above = doc.lines[doc.title.index - 1]?.text.trim() ?? '';
      if (!/^(?:19|20)\d{2}$/.test(above) && /^年(?![度轻龄代初末底中终均内来后前间会味关级限份鉴报历薪华少夜货画俗糕])[\u4e00-\u9fff]/.test(doc.title.text.slice(lead))) {
        out.push(report(doc, 'error', doc.title.start + lead, doc.title.start + lead + 1, '标题以“年”开头，缺了年份', '在“年”前填入年份'));
      }
    }
    const t = doc.text;
    const prose = (i: number) => {
      const k = lineAt(doc, i)?.index ?? -1;
      return !doc.chrome.has(k) && !doc.titleLines.has(k) && !(doc.title && k === doc.title.index);
    };
    // A unit's name cut before its 局 (今年以来，局始终……；。局高度重视): the template or the site dropped it.
    // One name left out, repeated wherever the text names its unit: warned once, the rest point back (labellers mark one).
    const bare = [...matchAll(BARE_BUREAU, t)].filter(({ start }) => prose(start)).map(({ start, end }) => report(doc, 'warning', start, end, '“局”前缺少单位名称（疑为名称被删去或模板未填）', '补上单位全称，如“××县××局”'));
    out.push(...warnOnce(bare, '此处“局”前同样缺少单位名称（与前文同一问题）', '补上单位全称'));
    const bold: [number, number][] = [];
    for (const { start, end } of matchAll(BOLD, t)) bold.push([start, end]);
    const inBold = (i: number) => bold.some(([s, e]) => i === s || i === e - 2);
    for (const { m, start, end } of matchAll(STARS, t)) {
      if (m[0].length === 2 && inBold(start)) continue;
      // "* 加强…" at the start of a line is a Markdown bullet (the markup check reports it).
      if (m[0].length === 1 && /^[ \t\u3000]*$/.test(t.slice(t.lastIndexOf('\n', start - 1) + 1, start)) && /[ \t]/.test(t[end] ?? '')) continue;
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”`, '填入具体数字、名称或单位'));
    }
    for (const { m, start, end } of matchAll(XRUN, t)) {
      if (XOK.test(t.slice(start, start + 4))) continue;
      const before = t[start - 1];
      const after = t[end];
      // A lone x is a placeholder only inside Chinese text (X次, 在X委, 第X届).
      // A lone X between spaces next to Chinese (研讨 X 次, PDF text) is one too.
      const farBefore = t.slice(Math.max(0, start - 2), start).trimEnd().slice(-1);
      const farAfter = t.slice(end, end + 2).trimStart()[0];
      // "X 区委" at a line start or after a mark: a slot before a unit noun, unless Latin text precedes (Model X 公司).
      const latinBefore = /[A-Za-z][ \u3000]?$/.test(t.slice(Math.max(0, start - 2), start));
      // A slot glued before a year (x2023年……) stands for the unit's name.
      const unitSlot = (UNIT_AFTER.test(t.slice(end, end + 4)) && !latinBefore) || /^(?:19|20)\d{2}年/.test(t.slice(end, end + 5));
      if (m[0].length === 1 && latinBefore && !isCjk(after)) continue;
      // Between a Chinese mark and a spaced Chinese word (第 x，获奖……; ，x 人获……) it is a slot too.
      const side = (c: string | undefined, far: string | undefined) => /[，。；、：“”]/.test(c ?? '') || (/\s/.test(c ?? '') && isCjk(far));
      const marked = /[，。；、：“”]/.test(`${before ?? ''}${after ?? ''}`) && side(before, farBefore) && side(after, farAfter);
      if (m[0].length === 1 && !unitSlot && !marked && !isCjk(before) && !isCjk(after) && !(/\s/.test(before ?? '') && /\s/.test(after ?? '') && (isCjk(farBefore) || isCjk(farAfter)))) continue;
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”`, '填入具体数字或名称'));
    }
    for (const { m, start, end } of matchAll(LETTER_IN_WORD, t)) {
      out.push(report(doc, 'error', start, end, `词中的字母“${m[0]}”疑为被替换的汉字（拼音首字母）`, '改回原来的汉字'));
    }
    for (const { start, end } of matchAll(CUT_ORDINAL, t)) {
      out.push(report(doc, 'error', start, end + 1, '“第”后缺了数字（疑为被删去的名次或序数）', '补上具体数字'));
    }
    for (const { start, end } of matchAll(CUT_PERCENT, t)) {
      out.push(report(doc, 'error', start, end, '“%”前缺了数字（疑为被删去的百分比）', '补上具体数字'));
    }
    for (const { start, end } of matchAll(CROSS_SLOT, t)) {
      out.push(report(doc, 'error', start, end, '未填写的占位符“×”', '填入具体数字或名称'));
    }
    for (const { m, start, end } of matchAll(DIGIT_MASK_INNER, t)) {
      out.push(report(doc, 'error', start, end, `数字“${m[0]}”中有字母，疑为未填写完整的占位符`, '填入准确数字'));
    }
    for (const { m, start, end } of [...matchAll(CUT_COUNT, t), ...matchAll(CUT_COUNT_END, t)]) {
      // 全市场 is 全 + 市场 (全市场监管), not 全市 + 场.
      if (m[0] === '场' && t.slice(start - 2, start) === '全市') continue;
      // 名 opens a word of its own there (打造名品精品, 建设名校名城): a quality, not a count.
      if (m[0] === '名' && /[品优城镇村企家医店菜园]/.test(t[end] ?? '')) continue;
      out.push(report(doc, 'error', start, end, `“${m[0]}”前缺了数字（疑为被删去的数字）`, `补上具体数字，如“3${m[0]}”`));
    }
    for (const { start, end } of matchAll(N_SLOT, t)) out.push(report(doc, 'error', start, end, '未填写的占位符“N”（字母代替了数字）', '填入具体数字'));
    for (const { m, start, end } of matchAll(LETTER_RUN, t)) {
      if (/[A-Za-z0-9]/.test(t[start - 1] ?? '') || ACRONYMS.has(m[0])) continue;
      // A grade in A's (AAA企业, 信用AAA, AAAA级): a rating, not a slot.
      if (/^A{3,5}$/.test(m[0]) && (/^(?:企业|景区|旅游景区|信用|纳税人|标准|单位|品牌|等级)/.test(t.slice(end, end + 4)) || /(?:信用|评为|获评|首家|国家)$/.test(t.slice(Math.max(0, start - 2), start)))) continue;
      if (m[0] === 'QQ' || m[0] === 'WW' || (!isCjk(t[start - 1]) && !isCjk(t[end]) && !/[ \u3000]/.test(t[start - 1] ?? '') && !/[ \u3000]/.test(t[end] ?? ''))) continue;
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”（字母代替了文字）`, '填入具体名称或文字'));
    }
    out.push(...maskTokens(doc));
    out.push(...pinyinMasks(doc));
    for (const { m, start, end } of matchAll(LEVEL_ALTERNATIVES, t)) {
      // A higher level acting on many of these (推动镇（区、街道）团委书记……, 指导乡（镇）……): the lower units, not a slot.
      // Counted or all of them (17个镇（区、街道）, 各镇（区、街道）): the lower units too.
      if (/(?:推动|组织|指导|督促|要求|带动|引导|对|向|与|和|及|\d+个|[一二三四五六七八九十]+个|各|全|所有|每个)$/.test(t.slice(Math.max(0, start - 4), start))) continue;
      // A kind of unit, counted after or named by its kind (开放县（区、市）增加至45个, 边境县（市）): the class, not a slot.
      if (/(?:开放|边境|试点|示范|重点|贫困|脱贫|民族|山区|老区|沿海|沿边|口岸|先行|以上|以下)$/.test(t.slice(Math.max(0, start - 2), start)) || /^[\u4e00-\u9fff]{0,8}\d+(?:个|家|所|座|项|名|户)/.test(t.slice(end, end + 14))) continue;
      out.push(report(doc, 'error', start, end, `“${m[0]}”是模板中的备选写法，未填写本单位的名称`, '写明本单位的具体名称'));
    }
    // The year cut out before 年度 or 年上半年 in the lead-in (现将年度落实……情况报告如下): a site's cut or a template's
    // blank. 现将年度工作总结如下 is the annual summary (年度工作总结, a noun of its own): no cut.
    for (const { start, end } of matchAll(/(?<=现将|现就|特将|现对)年(?=上半年|下半年|度(?!工作|总结|考核|目标|计划|报告|述职|重点))/g, t)) {
      out.push(report(doc, 'error', start, end, '“年”前缺少年份', '在“年”前填入年份'));
    }
    // A year whose last digits a site replaced with other letters (20PC年, 〔20PC〕18号).
    for (const { m, start, end } of matchAll(LETTER_YEAR, t)) {
      out.push(report(doc, 'error', start, end, `年份“${m[0]}”被字母代替，未填写`, '写全四位年份，如“2025年”'));
    }
    for (const { m, start, end } of matchAll(CUT_YEAR, t)) {
      if (CUT_YEAR_BEFORE.test(t[start - 1] ?? '')) continue;
      out.push(report(doc, 'error', start, end, `年份“${m[0]}”不完整`, '写全四位年份，如“2025年”'));
    }
    for (const { start, end } of matchAll(MISSING_YEAR, t)) {
      // A PDF copy spaces its numbers (2021 年): the year is there.
      if (YEAR_BEFORE.test(t[start - 1] ?? '') || /\d{4}[ \u3000\u00a0]+$/.test(t.slice(Math.max(0, start - 8), start))) continue;
      out.push(report(doc, 'error', start, end, '“年”前缺少年份', '补上年份，如“2025年”'));
    }
    for (const { m, start, end } of matchAll(LETTER_NAME, t)) {
      out.push(report(doc, 'error', start, end, `疑似未替换的代称“${m[0]}${t.slice(end, end + 3)}”`, '删去字母或补全称谓'));
    }
    for (const { m, start, end } of matchAll(SYMBOLS, t)) {
      // A newspaper's byline mark at a line's head (□某某小学 某某, □记者 某某) is print style, not a slot.
      if (m[0] === '□' && MARKED_BYLINE.test(lineAt(doc, start)?.text ?? '')) continue;
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”`, '填入具体内容'));
    }
    for (const { start, end } of matchAll(EDIT_NOTE, t)) {
      out.push(report(doc, 'error', start, end, '文中残留修改或生成时的说明（“注：……”）', '核实后删去该说明', ''));
    }
    for (const { start, end } of matchAll(INSTRUCTION_TAIL, t)) {
      out.push(report(doc, 'error', start, end, '文中残留写作提示（括号里要求结合实际填写）', '按提示补全内容后删除该标记'));
    }
    for (const { start, end } of matchAll(CUT_CONGRESS, t)) {
      out.push(report(doc, 'error', start, end + 1, '“党的”与“大”之间缺了届次（疑为原文被删去）', '补上届次，如“党的二十大”'));
    }
    // 贯彻落实党的精神 / 贯彻落实（gloss）精神: what is carried out was cut from the page (a congress, a meeting).
    for (const { m, start, end } of matchAll(CUT_SPIRIT, t)) {
      const party = m[0].startsWith('党的');
      out.push(report(doc, 'warning', start, end, party ? '“党的”与“精神”之间缺了会议名称（疑为原文被删去）' : '“精神”前缺了会议或讲话的名称（疑为原文被删去）', party ? '补上会议名称，如“党的二十大精神”' : '补上是哪次会议或讲话的精神'));
    }
    for (const { start, end } of matchAll(CUT_YEAR_BLANK, t)) {
      if (!CUT_YEAR_BLANK_BEFORE.test(t.slice(Math.max(0, start - 1), start)) || CUT_YEAR_BLANK_AFTER.test(t.slice(end - 1, end + 1))) continue;
      out.push(report(doc, 'error', start, end, '“年”前缺少年份（空格处疑为被删去的年份）', '补上年份，如“2025年”'));
    }
    for (const { start, end } of matchAll(INSTRUCTION, t)) {
      out.push(report(doc, 'error', start, end, '文中残留写作提示或待补充标记', '按提示补全内容后删除该标记'));
    }
    for (const { m, start, end } of matchAll(YEAR_SLOT, t)) {
      out.push(report(doc, 'error', start, end, `未填写的年份“${m[0]}”`, '填入具体年份'));
    }
    for (const { m, start, end } of matchAll(BLANK, t)) {
      if (start > 0 && !BLANK_BEFORE.test(t[start - 1]!)) continue;
      out.push(report(doc, 'error', start, end, `未填写的空格“${m[0]}”`, '填入具体内容'));
    }
    const tail = new Set(doc.paragraphs.slice(-3).filter((l) => l.text.trim().length < 30 && !/[，。；]/.test(l.text)).map((l) => l.start));
    // The same 某局 written again and again is the report's own unit left anonymous, not a case (某村村民).
    const seen = new Map<string, number>();
    const keyOf = (m: RegExpExecArray, end: number) => m[0] + (MOU_NOUN.exec(t.slice(end, end + 4))?.[0] ?? '');
    for (const { m, end } of matchAll(MOU, t)) seen.set(keyOf(m, end), (seen.get(keyOf(m, end)) ?? 0) + 1);
    for (const { m, start, end } of matchAll(MOU, t)) {
      const two = m[0].startsWith('某某');
      // A signature that anonymises the unit (中共某市……委员会) is the writer's choice.
      if (!two && [...tail].some((s) => start >= s && start < s + 30 && t.lastIndexOf('\n', start) < s)) continue;
      const e = two ? start + m[0].replace(/[^某]/g, '').length : end;
      // In the title or opening a lone 某 is a template slot; in the body it may anonymise a case (某村村民).
      const head = [doc.title, doc.opening].some((l) => l && start >= l.start && start < l.end);
      out.push(report(doc, two ? 'error' : head || (seen.get(keyOf(m, end)) ?? 0) >= 3 ? 'warning' : 'info', start, e, `模板代称“${t.slice(start, e)}”未替换为实际名称`, '填入实际名称'));
    }
    // A sensitive word a site masked by its pinyin initial: D for 党 (D史学习教育, D员), ZZ for 政治 is above.
    for (const { start, end } of matchAll(PARTY_INITIAL, t)) {
      out.push(report(doc, 'error', start, end, '“D”代替了“党”字（网站屏蔽词），应恢复原字', '党', '党'));
    }
    for (const { m, start, end } of matchAll(CIRCLES, t)) {
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”`, '填入具体内容'));
    }
    for (const { m, start, end } of matchAll(EMPTY_QUOTE, t)) {
      out.push(report(doc, 'error', start, end, m[0].startsWith('《') ? '书名号里是空的，疑为文件名称被删去' : '引号里是空的，疑为名称被删去', '补上其中的名称'));
    }
    for (const { start, end } of matchAll(EMPTY_BRACKET, t)) {
      out.push(report(doc, 'error', start, end, '空的方括号，疑为未填写的内容', '补全或删除'));
    }
    for (const { m, start, end } of matchAll(ELIDED_BRACKET, t)) {
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”（模板省略的名称或内容）`, '填入具体内容'));
    }
    for (const { m, start, end } of matchAll(DIGIT_MASK, t)) {
      out.push(report(doc, 'error', start, end, `数字中有未填写的“${m[0]}”`, '填入具体数字'));
    }
    // A template's slot in square brackets, as drafting tools and models leave them ([开始日期], [X], ［单位名称］).
    for (const { m, start, end } of matchAll(BRACKET_SLOT, t)) {
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”`, '填入具体内容'));
    }
    out.push(...openChecks(doc));
    return out;
  },
};

/**
 * Pinyin initials a site's word filter puts for the words it masks (中国GCD, 重大yq): each stands for one word only,
 * so one occurrence is enough and the word can be put back.
 */
const INITIALS: Readonly<Record<string, string>> = { ZGGCD: '中国共产党', GCD: '共产党', XJP: '习近平', YQ: '舆情' };
const INITIALS_RE = new RegExp(`(?<![A-Za-z0-9])(${Object.keys(INITIALS).join('|')})(?![A-Za-z])`, 'gi');

function pinyinMasks(doc: CritiqueDoc) {
  const t = doc.text;
  const out = [];
  for (const { m, start, end } of matchAll(INITIALS_RE, t)) {
    if (!isCjk(t[start - 1]) && !isCjk(t[end])) continue;
    const word = INITIALS[m[1]!.toUpperCase()]!;
    out.push(report(doc, 'error', start, end, `“${m[1]}”是网站用拼音首字母遮盖的“${word}”`, word, word));
  }
  return out;
}

/** Letter tokens (DW, ZZ) that fill a known collocation slot and recur: every occurrence is a mask. */
function maskTokens(doc: CritiqueDoc) {
  const t = doc.text;
  const seen = new Map<string, { start: number; end: number; slot: boolean }[]>();
  for (const { m, start, end } of matchAll(LETTER_TOKEN, t)) {
    const tok = m[0];
    if (/[A-Za-z0-9]/.test(t[start - 1] ?? '')) continue;
    // Same-letter runs are reported above.
    if (ACRONYMS.has(tok) || /^(.)\1+$/.test(tok) || /^X+$/.test(tok)) continue;
    if (!isCjk(t[start - 1]) && !isCjk(t[end])) continue;
    const slot = MASK_SLOT_BEFORE.test(t.slice(end, end + 4)) || MASK_SLOT_AFTER.test(t.slice(Math.max(0, start - 6), start));
    const list = seen.get(tok) ?? [];
    list.push({ start, end, slot });
    seen.set(tok, list);
  }
  const out = [];
  for (const [tok, list] of seen) {
    if (list.length < 2 || !list.some((x) => x.slot)) continue;
    const s = list.find((x) => x.slot)!;
    const where = `${t.slice(Math.max(0, s.start - 2), s.start)}${tok}${t.slice(s.end, s.end + 2)}`.replace(/^[^\u4e00-\u9fff]+|[^\u4e00-\u9fff]+$/g, '');
    for (const x of list) out.push(report(doc, 'error', x.start, x.end, `“${tok}”疑为用字母遮盖的文字（在“${where}”这样的固定搭配里反复出现）`, '还原为原来的文字'));
  }
  return out;
}

/** A checklist item asked as a question (1.是否建立……？), with nothing after it that answers it. */
const CHECK_QUESTION = /^[\s\u3000]*(?:[（(]?[0-9０-９一二三四五六七八九十]{1,2}[）).．、]?[\s\u3000]*)?(?:[\u4e00-\u9fff]{0,12}[：:])?是否[^。！\n]{2,60}?[？?]?[\s\u3000]*$/;
/** An answer on the same line after the question: ？已建立…, ？是。… */
const ANSWERED = /[？?][\s\u3000]*[\u4e00-\u9fff]/;

/**
 * A self-check template's questions left in the report: 是否…？ lines with no answer after them. Two or more
 * (a template's list, not a rhetorical question); a question followed by text that answers it is the writer's
 * own self-check layout and stays.
 */
function openChecks(doc: CritiqueDoc): Finding[] {
  const lines = doc.lines.filter((l) => l.text.trim() !== '' && !doc.chrome.has(l.index));
  const asks = lines.map((l) => CHECK_QUESTION.test(l.text) && !ANSWERED.test(l.text));
  const open: number[] = [];
  lines.forEach((l, i) => {
    if (!asks[i]) return;
    const next = lines[i + 1];
    // Answered on the next line: prose that is neither another question nor a heading.
    if (next && !asks[i + 1] && !doc.headings.some((h) => h.line === next.index && !h.runIn) && /[。；]/.test(next.text)) return;
    open.push(i);
  });
  if (open.length < 2) return [];
  return open.map((i) => {
    const l = lines[i]!;
    const lead = l.text.length - l.text.trimStart().length;
    return report(doc, 'warning', l.start + lead, l.start + l.text.trimEnd().length, '自查提纲的提问没有作答：报告中应写明落实情况，而不是保留“是否……”的提问', '逐项写明做了什么、结果如何（或删去提问）');
  });
}
