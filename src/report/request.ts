/**
 * Request understanding: what report the user wants, for which unit and period, and
 * which facts they gave. Missing essentials get a default plus one Chinese line in
 * `assumptions`, so the bot can tell the writer what it assumed.
 */
import { getGenre, type GenreId, type ReportUnit, type UnitType, type WriterRole } from './genres.js';
import { beijingDate, findPeriod, findSpan, periodLabel, type ReportPeriod } from './period.js';
import { parseNumeral } from '../text/numerals.js';

export type RequestIntent = 'outline' | 'full';

export type { WriterRole };

const ROLE_LABEL: Record<WriterRole, string> = {
  chief: '主要负责人，履行意识形态工作第一责任人职责',
  deputy: '分管领导，履行分管领域意识形态工作直接责任人职责',
  member: '班子成员，落实意识形态工作“一岗双责”',
};

export const roleLabel = (r: WriterRole): string => ROLE_LABEL[r];

/** The writer's role from the request: 副职 and 分管 first (副部长 contains 部长), then members, then the chief. */
export function findRole(text: string): WriterRole | undefined {
  if (/副(?:书记|局长|部长|主任|校长|院长|镇长|乡长|县长|市长|区长|厅长|总经理|主席)|分管(?:领导|副职|[^，。；]{0,10}(?:工作|宣传|网信|意识形态))/.test(text)) return 'deputy';
  if (/班子成员|党组成员|党委委员|纪检组长|纪委书记/.test(text)) return 'member';
  if (/书记|局长|部长|主任|校长|院长|镇长|乡长|县长|厅长|主要负责人|一把手|主要领导/.test(text)) return 'chief';
  return undefined;
}

export interface ReportRequest {
  intent?: RequestIntent;
  genre: GenreId;
  unit: ReportUnit;
  period: ReportPeriod;
  facts: string[];
  length?: { chars: number };
  /** The writer's role, for personal genres. */
  role?: WriterRole;
  /** The writer's post as the request names it, for a personal genre's title: 县委宣传部部长. */
  post?: string;
  assumptions: string[];
  /** The user's text as given, for the prompts. */
  text: string;
  /**
   * A model document (last period's report, a 范文) with its facts already marked
   * 【待更新】: the prompts show it as an example of structure and phrasing, never as facts.
   */
  example?: { source: string; text: string };
  /** The facts came from this material (a file, cloud doc or quote), not the writer's words: the prompts frame them as material. */
  factsFrom?: string;
}

/** 五百 → 500, 两千 → 2000, 一千五百 → 1500, 1万 → 10000; NaN otherwise. */
export function parseChineseAmount(s: string): number {
  return parseNumeral(s, { fraction: true }) ?? NaN;
}

const AMOUNT = '([\\d０-９]+(?:[.．][\\d０-９]+)?[千万]?|[零一二两三四五六七八九十百千万]+)';

const CHARS_RE = new RegExp(`${AMOUNT}\\s*(?:个)?字`);

/** The first character count a text names, of any size: "500字", "两千字左右", "1万字". */
export function findCharCount(text: string): number | undefined {
  const m = CHARS_RE.exec(text);
  if (!m) return undefined;
  const n = parseChineseAmount(m[1]!);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

/** Target length of a whole report: "500字", "两千字左右", "3000字以内", "1万字" (at least 50). */
export function findLength(text: string): { chars: number } | undefined {
  const n = findCharCount(text);
  return n !== undefined && n >= 50 ? { chars: n } : undefined;
}

function findGenre(text: string): GenreId | null {
  if (/述职/.test(text)) return 'duty-report';
  if (/自查|自评/.test(text)) return 'self-check';
  if (/总结/.test(text) && /(计划|打算|明年|下一年|来年|\d{4}年工作)/.test(text)) return 'summary-plan';
  if (/总结/.test(text)) return 'summary-plan';
  const personal = /(本人|我个人|个人|书记|局长|主任|校长|院长|镇长|乡长|县长|部长|分管领导|主要负责人|班子成员)/.test(text);
  if (/汇报/.test(text) && personal) return 'leader-report';
  if (/个人/.test(text) && /(落实|履行|情况)/.test(text)) return 'leader-report';
  if (/(报告|汇报)/.test(text)) return 'unit-report';
  return null;
}

interface UnitSuffix { re: RegExp; type: UnitType }

// Order matters: longer and more specific endings first.
const SUFFIXES: readonly UnitSuffix[] = [
  { re: /(街道办事处|街道党工委|街道)$/, type: '街道' },
  { re: /[县市区州旗省]委$/, type: '县委' },
  { re: /(卫生院|医院|卫生服务中心)$/, type: '医院' },
  { re: /(大学|学院|中学|小学|学校|职校|幼儿园|中专)$/, type: '学校' },
  { re: /(公司|集团)$/, type: '公司' },
  { re: /[镇乡]$/, type: '乡镇' },
  { re: /局$/, type: '局' },
  { re: /厅$/, type: '厅' },
  { re: /(委员会|委)$/, type: '委' },
  { re: /(办公室|办)$/, type: '办' },
  { re: /部$/, type: '部' },
  { re: /中心$/, type: '中心' },
];

const SELF_REF: ReadonlyArray<[RegExp, UnitType]> = [
  [/(我|本)局/, '局'], [/(我|本)委/, '委'], [/(我|本)办/, '办'], [/(我|本)厅/, '厅'],
  [/(我|本)校|我们学校/, '学校'], [/(我|本)院|我们医院/, '医院'], [/(我们|本)公司/, '公司'],
  [/(我|本)[镇乡]/, '乡镇'], [/(我们|本)街道/, '街道'],
];

// Words between which a unit name can sit; replaced by a separator before matching.
const STOP = /(帮我们|帮我|帮忙|麻烦|请你|请|给我|给|为|替|写一份|写一篇|写个|写|起草|拟一份|拟|一份|一篇|我们是|我们|我是|我在|本人是|关于|单位是|单位|来自|做一份|准备|生成|需要|想要|要)/g;
// Words that end a unit name inside a run of Chinese characters.
const NAME_END = /(意识形态|落实|工作|报告|汇报|述职|自查|总结|年度|上半年|下半年|全年|季度|书记|局长|主任|校长|院长|镇长|乡长|部长|负责人|领导|班子|今年|去年|明年|的)/;
const PARTY_TAIL = /(党组|党委|党工委|党总支|党支部)$/;
const PERIOD_LEAD = /^(?:年度|年|今年|去年|明年|本年度?|上半年|下半年|前半年|后半年|全年|第?[一二三四]季度|度)+/;
const NOT_UNIT = /^(今年|去年|明年|本年|上级|上半年|下半年|全年|一季度|二季度|三季度|四季度|我|本|这个|那个|有关|相关)/;

export function findUnit(text: string): ReportUnit | null {
  const segments = text.replace(STOP, '|').split(/[|\s，。,、：:；;！!？?“”"'（）()《》\d]+/);
  for (const seg of segments) {
    // "2025年上半年市交通运输局…": the digits split off the year; drop the period words that lead the run.
    const run = /^[\u4e00-\u9fa5]+/.exec(seg)?.[0]?.replace(PERIOD_LEAD, '');
    if (!run || NOT_UNIT.test(run)) continue;
    const cut = run.split(NAME_END)[0]!;
    for (let end = cut.length; end >= 2; end--) {
      let name = cut.slice(0, end);
      const party = PARTY_TAIL.exec(name);
      const bare = party ? name.slice(0, -party[0].length) : name;
      const suffix = SUFFIXES.find((s) => s.re.test(bare));
      if (!suffix || bare.length < 2) continue;
      // A lone 委 after a non-place word (党委, 纪委) is not a unit by itself.
      if (bare.length === 2 && suffix.type === '委' && !/[县市区州省]/.test(bare[0]!)) continue;
      name = bare;
      return { name, type: suffix.type };
    }
  }
  for (const [re, type] of SELF_REF) if (re.test(text)) return { type };
  return null;
}

// Posts a personal report is written by; 副 and a Party-body lead (党组书记, 党委副书记) included.
export const POST_WORD = '(?:党组|党委|党工委|党总支|党支部)?副?(?:书记|局长|部长|主任|校长|院长|镇长|乡长|县长|市长|区长|厅长|处长|科长|所长|馆长|站长|社长|台长|总经理|董事长|主席|组长)';
const POST_RE = new RegExp(`^([\\u4e00-\\u9fa5、]{0,24}?${POST_WORD})(?![\\u4e00-\\u9fa5]{0,1}(?:成员|科员|助理))`);
const POST_ALONE = new RegExp(`^${POST_WORD}$`);

/**
 * The writer's post as named in the request (县委宣传部部长, 县文广旅体局党组书记), for a
 * personal genre's title. A bare 局长 gets the unit's name in front; without one it is no post.
 */
export function findPost(text: string, unit?: ReportUnit | null): string | undefined {
  const segments = text.replace(STOP, '|').split(/[|\s，。,：:；;！!？?“”"'（）()《》\d]+/);
  for (const seg of segments) {
    // "市水利局分管意识形态工作的副局长" → 市水利局副局长.
    const run = seg.replace(PERIOD_LEAD, '').replace(/分管[\u4e00-\u9fa5、]{0,16}?的(?=[\u4e00-\u9fa5]{0,6}副)/, '').replace(/^[、]+/, '');
    // 向县委书记汇报: the one reported to, not the writer.
    const m = /^[向对在]/.test(run) ? null : POST_RE.exec(run);
    if (!m) continue;
    const post = m[1]!;
    if (!POST_ALONE.test(post)) return post;
    return unit?.name ? `${unit.name}${post}` : undefined;
  }
  return undefined;
}

/**
 * The period a writer most likely means when the text names none, or names only a
 * half/quarter without a year. Half-year reports are written in June–July, annual
 * ones from November to March of the next year.
 */
export function defaultPeriod(text: string, now: Date): ReportPeriod {
  const { year: y, month: m } = beijingDate(now);
  const span = findSpan(text);
  if (span === 'H1') return { year: m >= 5 ? y : y - 1, span };
  if (span === 'H2') return { year: m >= 11 ? y : y - 1, span };
  if (span) {
    // The quarter has to have started to be reported on.
    const n = Number(span.slice(1));
    return { year: (n - 1) * 3 + 1 <= m ? y : y - 1, span };
  }
  if (/全年|年度|一年来|今年/.test(text)) return { year: m <= 2 ? y - 1 : y, span: 'year' };
  if (m <= 3) return { year: y - 1, span: 'year' };
  if (m <= 8) return { year: y, span: 'H1' };
  return { year: y, span: 'year' };
}

const REQUEST_WORDS = /(写|起草|帮我|帮忙|麻烦|请|拟|生成|需要一份|要一份|字左右|字以内|字数|格式|口吻|风格|提纲|大纲)/;
const EVENT_WORDS = /(召开|开展|举办|组织|完成|制定|印发|出台|建立|成立|发布|处置|获评|被评为|荣获|检查|研判|培训|学习|宣讲|排查|整改|签订|建成|开通|推送|刊发|发表|报送|约谈|督查|考核|表彰|新建|配备|聘请|设立)/;
const QUANTITY = /(\d|[一二两三四五六七八九十百千]+(次|场|期|篇|人|名|个|项|条|家|批|轮|份|所|处))/;

/** Clauses that carry the user's own material: numbers, events, names. */
export function extractFacts(text: string): string[] {
  const clauses = text.split(/[。；;\n！!？?]+/).flatMap((s) => s.split(/[，,]/));
  const out: string[] = [];
  let carry = '';
  for (const raw of clauses) {
    let c = (carry + raw).trim().replace(/^(其中|另外|此外|还有|以及|并且|同时|主要情况[是：:]?|情况如下[：:]?|具体如下[：:]?)/, '').trim();
    carry = '';
    if (!c) continue;
    // "3月，召开……": a bare time word joins the next clause.
    if (c.length <= 4 && /^\d{1,2}月(份)?$|^\d{1,2}月\d{1,2}日$/.test(c)) {
      carry = `${c}，`;
      continue;
    }
    // Length specs ("3000字") are instructions, not facts; nor are the request's own 一个/一份/一篇.
    c = c.replace(new RegExp(`${AMOUNT}\\s*(?:个)?字(左右|以内|以上|上下)?`, 'g'), '').replace(/一(?:个|份|篇|下)(?![次场期人名项条家批轮所处])/g, '').trim();
    if (!c) continue;
    if (REQUEST_WORDS.test(c) && !EVENT_WORDS.test(c.replace(/.*(写|起草|帮我|请)/, ''))) continue;
    const withoutDates = c.replace(/20\d{2}\s*年(度)?|[上下]半年|第?[一二三四1-4]季度/g, '');
    const hasNumber = QUANTITY.test(withoutDates);
    const hasName = /[《“「].+[》”」]/.test(c);
    if (hasNumber || hasName || (EVENT_WORDS.test(c) && c.length >= 6)) {
      c = c.replace(/^[：:、\s]+/, '');
      out.push(c);
    }
  }
  return out;
}

function findIntent(text: string): RequestIntent | undefined {
  if (/提纲|大纲|框架|目录/.test(text)) return 'outline';
  if (/全文|初稿|成稿|完整|整篇|一篇|一份|写个|起草/.test(text)) return 'full';
  return undefined;
}

/** What the material a draft is built on says about the period. */
export interface MaterialContext {
  /** Its name, for the assumption line. */
  source: string;
  /** The period fact material records; absent for a model document or an undated record. */
  period?: ReportPeriod;
  /** A model document (last year's report): its period is not the draft's. */
  model?: boolean;
}

/**
 * The report's period: the request's, else the fact material's (the year it records, the
 * half the request names or the material covers), else the writer's likely one by `now`;
 * with the assumption line that says which.
 */
function resolvePeriod(text: string, now: Date, material: MaterialContext | undefined, assumptions: string[]): ReportPeriod {
  const asked = findPeriod(text, now);
  const recorded = material?.model ? undefined : material?.period;
  if (asked) {
    if (recorded && recorded.year !== asked.year) {
      assumptions.push(`材料“${material!.source}”记的是${periodLabel(recorded)}的情况，已按你说的${periodLabel(asked)}起草`);
    }
    return asked;
  }
  if (recorded) {
    const span = findSpan(text) ?? (/全年|年度|一年来/.test(text) ? 'year' : null);
    const period: ReportPeriod = { year: recorded.year, span: span ?? recorded.span };
    assumptions.push(`未说明${span ? '年份' : '时段'}，按材料“${material!.source}”所记的${periodLabel(period)}起草`);
    return period;
  }
  const period = defaultPeriod(text, now);
  const why = material?.model ? `（材料“${material.source}”是往期报告或范文，只参考写法，时段不按它定）` : material ? `（材料“${material.source}”中没有写明年份）` : '';
  assumptions.push(`未说明${findSpan(text) ? '年份' : '时段'}，按${periodLabel(period)}起草${why}`);
  return period;
}

/** Understand a free-text request. Pure: `now` decides the default period; material, when given, its period. */
export function parseRequest(text: string, now: Date = new Date(), opts: { material?: MaterialContext } = {}): ReportRequest {
  const assumptions: string[] = [];
  let genre = findGenre(text);
  if (!genre) {
    genre = 'unit-report';
    assumptions.push(`未说明文种，按“${getGenre(genre).name}”起草`);
  }
  // Bigan writes one family of documents; say so when the request names another.
  const other = /(政府工作报告|述职述廉|述廉|党建工作|党风廉政|安全生产|经济运行|巡察整改|调研)(?:报告)?/.exec(text);
  if (other && !/意识形态/.test(text)) assumptions.push(`笔杆子专写意识形态工作责任制相关材料，“${other[0]}”暂按该体例起草，请核对是否合适`);
  let unit = findUnit(text);
  if (!unit) {
    unit = { type: '其他' };
    assumptions.push('未说明单位名称，标题和落款暂用【待补充：单位名称】');
  } else if (!unit.name) {
    assumptions.push('未说明单位全称，标题和落款暂用【待补充：单位名称】');
  }
  let period = resolvePeriod(text, now, opts.material, assumptions);
  if (genre === 'summary-plan' && period.span !== 'year') {
    period = { year: period.year, span: 'year' };
    assumptions.push(`年度总结按${periodLabel(period)}起草`);
  }
  const req: ReportRequest = { genre, unit, period, facts: extractFacts(text), assumptions, text };
  const role = findRole(text);
  if (role && getGenre(genre).person === 'first') req.role = role;
  const post = getGenre(genre).person === 'first' ? findPost(text, unit) : undefined;
  if (post) req.post = post;
  const intent = findIntent(text);
  if (intent) req.intent = intent;
  const length = findLength(text);
  if (length) req.length = length;
  return req;
}

/** The genre's title for this request: unit, period, and in a personal genre the writer's role and post. */
export function requestTitle(req: ReportRequest): string {
  return getGenre(req.genre).title(req.unit, req.period, req.role, req.post);
}

/** The genre's opening paragraph for this request. */
export function requestOpening(req: ReportRequest, now: Date): string {
  return getGenre(req.genre).opening({ unit: req.unit, period: req.period, now, ...(req.role ? { role: req.role } : {}) });
}
