/**
 * Report genres and their skeletons (design §3.1): title formula, opening formula,
 * body parts in order, grammatical person and default themes.
 */
import { currentGuidance, CAMPAIGNS, type Campaign } from './formulations.js';
import { partSpec, type PartId } from './parts.js';
import { periodLabel, periodRange, periodWord, type ReportPeriod } from './period.js';
import type { ThemeId } from './themes.js';

/** Who writes a personal report: the chief (第一责任人), a deputy in charge (直接责任人), or a member (一岗双责). */
export type WriterRole = 'chief' | 'deputy' | 'member';

export type GenreId = 'unit-report' | 'leader-report' | 'duty-report' | 'self-check' | 'summary-plan';

export type UnitType = '局' | '委' | '办' | '厅' | '部' | '学校' | '医院' | '公司' | '乡镇' | '街道' | '县委' | '中心' | '其他';

export interface ReportUnit {
  /** As the user named it: 市交通运输局. */
  name?: string;
  type: UnitType;
}

/** Placeholder used wherever a name or number is needed and not given. */
export const placeholder = (what: string): string => `【待补充：${what}】`;

/** How a unit refers to itself and to its Party body. */
export interface UnitVoice {
  /** 我局 / 我校 / 公司. */
  self: string;
  /** 局党组 / 校党委 / 镇党委. */
  party: string;
  /** 全局 / 全校: "全局干部职工". */
  whole: string;
}

const VOICE: Record<UnitType, UnitVoice> = {
  局: { self: '我局', party: '局党组', whole: '全局' },
  厅: { self: '我厅', party: '厅党组', whole: '全厅' },
  委: { self: '我委', party: '委党组', whole: '全委' },
  办: { self: '我办', party: '办党组', whole: '全办' },
  部: { self: '我部', party: '部务会', whole: '全部' },
  学校: { self: '我校', party: '校党委', whole: '全校' },
  医院: { self: '我院', party: '院党委', whole: '全院' },
  公司: { self: '公司', party: '公司党委', whole: '全公司' },
  乡镇: { self: '我镇', party: '镇党委', whole: '全镇' },
  街道: { self: '街道', party: '街道党工委', whole: '全街道' },
  县委: { self: '县委', party: '县委常委会', whole: '全县' },
  中心: { self: '我中心', party: '中心党组织', whole: '全中心' },
  其他: { self: '我单位', party: '单位党组织', whole: '全单位' },
};

export function unitVoice(unit: ReportUnit): UnitVoice {
  const v = VOICE[unit.type];
  // 乡 units say 我乡/乡党委, not 我镇.
  if (unit.type === '乡镇' && unit.name?.endsWith('乡')) return { self: '我乡', party: '乡党委', whole: '全乡' };
  return v;
}

/** The issuing Party body in a title: 中共XX市交通运输局党组. */
export function issuerName(unit: ReportUnit): string {
  const name = unit.name;
  if (!name) return placeholder('单位名称');
  if (/^中共|^中国共产党/.test(name)) return name;
  if (/(党组|党委|党工委|委员会|党总支|党支部|[县市区州省旗]委)$/.test(name)) return `中共${name}`;
  switch (unit.type) {
    case '局': case '厅': case '委': case '办': case '中心':
      return `中共${name}党组`;
    case '街道':
      return `中共${name}工作委员会`;
    case '学校': case '医院': case '公司': case '乡镇':
      return `中共${name}委员会`;
    default:
      return name;
  }
}

/** The leading body a unit reports to, guessed from the place word in its name. */
export function superiorOf(unit: ReportUnit): string {
  const name = unit.name ?? '';
  if (unit.type === '县委') return /市委/.test(name) ? '省委' : '市委';
  const m = /([省市县区州旗])/.exec(name.replace(/^中共/, ''));
  if (unit.type === '乡镇' || unit.type === '街道') return m?.[1] === '区' ? '区委' : '县委';
  return m ? `${m[1]}委` : '上级党委';
}

/** Campaigns that overlap the report's period (month precision). */
export function campaignsInPeriod(p: ReportPeriod): Campaign[] {
  const { start, end } = periodRange(p);
  const s = start.slice(0, 7);
  const e = end.slice(0, 7);
  return CAMPAIGNS.filter((c) => c.start <= e && c.end >= s);
}

/** Date from which meeting spirit may be cited: the period's end, or today if earlier. */
export function guidanceDate(p: ReportPeriod, now: Date): string {
  const end = periodRange(p).end;
  const today = now.toISOString().slice(0, 10);
  return today < end ? today : end;
}

/** The meeting spirit a report on `p` cites: the guidance current on `guidanceDate(p, now)`. */
export function periodGuidance(p: ReportPeriod, now: Date): ReturnType<typeof currentGuidance> {
  return currentGuidance(guidanceDate(p, now));
}

export interface GenrePart {
  part: PartId;
  heading: (p: ReportPeriod) => string;
  /** Allowed number of level-2 sections. */
  min: number;
  max: number;
  /**
   * Whether a heading that announces this part is worded the genre's way (a 个人汇报's
   * 履职尽责情况, not a unit's 工作开展情况); any wording of the part fits when absent.
   */
  fits?: (heading: string, p: ReportPeriod) => boolean;
  /** What the genre's heading for the part says, for the defect line and the repair prompt. */
  rule?: (p: ReportPeriod) => string;
}

export interface OpeningContext {
  unit: ReportUnit;
  period: ReportPeriod;
  now: Date;
  /** The writer's role in personal genres. */
  role?: WriterRole;
}

/** A personal report's duty clause by role: 第一责任人, 直接责任人 (分管领导职责) or 一岗双责. */
export function roleDuty(role: WriterRole | undefined, unitName = ''): string {
  switch (role) {
    case 'deputy': return `认真履行${unitName}分管领域意识形态工作直接责任人职责，抓好分管领导职责范围内的意识形态工作`;
    case 'member': return `认真落实意识形态工作“一岗双责”，把意识形态工作与分管业务工作同部署、同落实`;
    default: return `认真履行${unitName}意识形态工作第一责任人职责`;
  }
}

/** A personal report's title words by role. */
function roleTitle(role: WriterRole | undefined): string {
  switch (role) {
    case 'deputy': return '履行意识形态工作分管领导职责';
    case 'member': return '落实意识形态工作“一岗双责”';
    default: return '落实意识形态工作责任制';
  }
}

export interface Genre {
  id: GenreId;
  name: string;
  /** Four-character label for lists and tables. */
  short: string;
  /** What the genre is for, as told to the model. */
  description: string;
  person: 'first' | 'unit';
  /** The title; `post` is the writer's post in a personal genre (县委宣传部部长). */
  title: (unit: ReportUnit, period: ReportPeriod, role?: WriterRole, post?: string) => string;
  /** Whether a title is worded as this genre's (its kind word at the end, next year's plan named). */
  titleFits: (title: string, p: ReportPeriod) => boolean;
  /** What this genre's title says, for the defect line. */
  titleRule: (p: ReportPeriod) => string;
  opening: (ctx: OpeningContext) => string;
  /** The formula that closes the opening paragraph. */
  closing: string;
  /** The closing formulas this genre accepts (a 个人汇报 汇报如下, a 述职 述职如下 or 报告如下). */
  closingFits: RegExp;
  parts: readonly GenrePart[];
  defaultThemes: readonly ThemeId[];
}

const canonical = (id: PartId) => partSpec(id).canonical;

function periodIntro(p: ReportPeriod): string {
  return p.span === 'year' ? `${p.year}年以来` : periodLabel(p);
}

function guidanceClause(ctx: OpeningContext): string {
  const phrase = periodGuidance(ctx.period, ctx.now).phrase;
  const campaigns = campaignsInPeriod(ctx.period);
  const campaign = campaigns.length ? `，扎实开展${campaigns[campaigns.length - 1]!.name}` : '';
  return `坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻${phrase}${campaign}`;
}

/** The opening of a unit genre, up to (not including) the closing formula. */
function unitOpening(ctx: OpeningContext, middle: string): string {
  const v = unitVoice(ctx.unit);
  // Two sentences: one long run-on sentence is what a leader strikes out first.
  return `${periodIntro(ctx.period)}，${v.party}在${superiorOf(ctx.unit)}的坚强领导下，${guidanceClause(ctx)}。${v.party}${middle}，${v.whole}意识形态领域总体平稳向好。`;
}

// Words of a personal report's part 1 (本人履职); a unit report's part 1 is the unit's work.
const PERSONAL_PRACTICE = /履职|履责|尽责|述职|本人|个人/;

const UNIT_PARTS: readonly GenrePart[] = [
  { part: 'practice', heading: () => canonical('practice'), min: 3, max: 6, fits: (h) => !PERSONAL_PRACTICE.test(h), rule: () => '单位报告写单位的工作开展情况和主要做法，不写个人履职' },
  { part: 'problems', heading: () => canonical('problems'), min: 2, max: 5 },
  { part: 'plans', heading: () => canonical('plans'), min: 2, max: 5 },
];

/** A genre as written below: `lead` is the opening without its closing formula, which is appended once. */
type GenreSpec = Omit<Genre, 'opening'> & { lead: (ctx: OpeningContext) => string };

const SPECS: readonly GenreSpec[] = [
  {
    id: 'unit-report',
    short: '单位报告',
    name: '落实意识形态工作责任制情况报告',
    description: '单位党组（党委）向上级党委报告一个时段（半年或全年）落实意识形态工作责任制的情况，以单位口吻（我局、局党组）行文',
    person: 'unit',
    title: (unit, p) => `${issuerName(unit)}关于${periodLabel(p)}落实意识形态工作责任制情况的报告`,
    titleFits: (t) => /报告$/.test(t) && !/汇报$|述职|自查|自评|总结/.test(t),
    titleRule: () => '单位报告的标题写作“……关于……情况的报告”',
    closing: '现将有关情况报告如下：',
    closingFits: /报告如下[：:]?$/,
    lead: (ctx) => unitOpening(ctx, `认真落实《党委（党组）意识形态工作责任制实施办法》，牢牢掌握意识形态工作领导权、管理权、话语权，${periodWord(ctx.period)}意识形态工作责任制得到有效落实`),
    parts: UNIT_PARTS,
    defaultThemes: ['leadership', 'theory', 'positions', 'network', 'team'],
  },
  {
    id: 'leader-report',
    short: '个人汇报',
    name: '个人落实意识形态工作责任制情况汇报',
    description: '领导干部（如党组书记、分管领导）个人向上级或在会议上汇报本人落实意识形态工作责任制的情况，以第一人称（我、本人）行文',
    person: 'first',
    title: (_unit, p, role, post) => `${post ?? ''}关于${periodLabel(p)}${roleTitle(role)}情况的汇报`,
    titleFits: (t) => /汇报$/.test(t) && !/述职/.test(t),
    titleRule: () => '个人汇报的标题写作“（职务）关于……情况的汇报”',
    closing: '现将有关情况汇报如下：',
    closingFits: /汇报如下[：:]?$/,
    lead: (ctx) => `${periodIntro(ctx.period)}，本人${guidanceClause(ctx)}。本人${roleDuty(ctx.role, ctx.unit.name ?? '')}，带头抓学习、管阵地、把导向、强队伍，推动意识形态工作责任制落地落实。`,
    parts: [
      { part: 'practice', heading: () => '履职尽责情况', min: 3, max: 6, fits: (h) => /履职|履责|尽责/.test(h), rule: () => '个人汇报写本人履职尽责情况，不写单位的工作开展情况' },
      { part: 'problems', heading: () => canonical('problems'), min: 2, max: 4 },
      { part: 'plans', heading: () => '下一步努力方向', min: 2, max: 4, fits: (h) => /努力方向|改进方向/.test(h), rule: () => '个人汇报写本人下一步的努力方向，不写单位的工作打算' },
    ],
    defaultThemes: ['leadership', 'theory', 'positions', 'network'],
  },
  {
    id: 'duty-report',
    short: '述职报告',
    name: '抓意识形态工作述职报告',
    description: '领导干部在述职评议中报告本人抓意识形态工作的履职情况，以第一人称（我、本人）行文，突出本人亲自部署、亲自过问、亲自处置',
    person: 'first',
    title: (_unit, p, _role, post) => `${post ?? ''}${periodLabel(p)}抓意识形态工作述职报告`,
    titleFits: (t) => /述职/.test(t) && /报告$/.test(t),
    titleRule: () => '述职报告的标题写作“（职务）……抓意识形态工作述职报告”',
    closing: '现将本人履职情况述职如下：',
    closingFits: /(述职|报告)如下[：:]?$/,
    lead: (ctx) => `${periodIntro(ctx.period)}，本人${guidanceClause(ctx)}。本人牢固树立“抓意识形态工作是本职、不抓是失职、抓不好是渎职”的理念，${roleDuty(ctx.role)}。`,
    parts: [
      { part: 'practice', heading: () => '主要履职情况', min: 3, max: 6, fits: (h) => /履职|履责|尽责|述职/.test(h), rule: () => '述职报告写本人的履职情况，不写单位的工作开展情况' },
      { part: 'problems', heading: () => canonical('problems'), min: 2, max: 4 },
      { part: 'plans', heading: () => canonical('plans'), min: 2, max: 4 },
    ],
    defaultThemes: ['leadership', 'theory', 'positions', 'network'],
  },
  {
    id: 'self-check',
    short: '自查报告',
    name: '意识形态工作责任制落实情况自查报告',
    description: '单位对照上级下发的检查清单或考核细则逐项自查，报告落实情况、自查发现的问题和整改措施，以单位口吻行文',
    person: 'unit',
    title: (unit, p) => `${issuerName(unit)}关于${periodLabel(p)}意识形态工作责任制落实情况的自查报告`,
    titleFits: (t) => /(自查|自评)(情况)?报告$/.test(t),
    titleRule: () => '自查报告的标题写作“……关于……落实情况的自查报告”',
    closing: '现将自查情况报告如下：',
    closingFits: /报告如下[：:]?$/,
    lead: (ctx) => unitOpening(ctx, `根据上级关于开展意识形态工作责任制落实情况检查的通知要求，对照检查清单逐项开展自查，总体看各项任务落实到位`),
    parts: [
      { part: 'practice', heading: () => '对照清单落实情况', min: 3, max: 6, fits: (h) => /对照|清单|逐项|自查|检查/.test(h), rule: () => '自查报告逐项对照检查清单写落实情况' },
      { part: 'problems', heading: () => '自查发现的问题', min: 2, max: 5, fits: (h) => /自查|检查|查摆|查找|对照|发现/.test(h), rule: () => '自查报告写自查发现的问题' },
      { part: 'plans', heading: () => '整改措施及下一步打算', min: 2, max: 5, fits: (h) => /整改|改进|纠正/.test(h), rule: () => '自查报告写针对所查问题的整改措施' },
    ],
    defaultThemes: ['leadership', 'theory', 'positions', 'network', 'inspection'],
  },
  {
    id: 'summary-plan',
    short: '总结计划',
    name: '意识形态工作总结及下年度工作计划',
    description: '单位年度意识形态工作总结，并提出下一年度工作计划，以单位口吻行文',
    person: 'unit',
    title: (unit, p) => `${issuerName(unit)}${p.year}年度意识形态工作总结及${p.year + 1}年工作计划`,
    titleFits: (t, p) => /总结/.test(t) && nextYearPlan(p).test(t),
    titleRule: (p) => `总结及计划的标题写明“${p.year}年度……工作总结及${p.year + 1}年工作计划”`,
    closing: '现将有关情况报告如下：',
    closingFits: /(报告|总结)如下[：:]?$/,
    lead: (ctx) => unitOpening(ctx, '统筹推进理论武装、阵地管理、网络治理和队伍建设，意识形态工作各项任务有效落实'),
    parts: [
      { part: 'practice', heading: (p) => `${p.year}年主要工作情况`, min: 3, max: 6, fits: (h) => !PERSONAL_PRACTICE.test(h), rule: (p) => `总结写单位${p.year}年的主要工作情况` },
      { part: 'problems', heading: () => canonical('problems'), min: 2, max: 5 },
      { part: 'plans', heading: (p) => `${p.year + 1}年工作计划`, min: 2, max: 6, fits: (h, p) => nextYearPlan(p).test(h), rule: (p) => `计划部分写明${p.year + 1}年的工作计划，不写笼统的“下一步打算”` },
    ],
    defaultThemes: ['leadership', 'theory', 'publicity', 'network', 'civilization'],
  },
];

/** “2026年工作计划”, “2026年意识形态工作打算”: next year named, then what is planned. */
function nextYearPlan(p: ReportPeriod): RegExp {
  return new RegExp(`${p.year + 1}年[^，。；]{0,12}(?:计划|打算|安排|思路|要点)`);
}

export const GENRES: readonly Genre[] = SPECS.map(({ lead, ...g }) => ({ ...g, opening: (ctx: OpeningContext) => `${lead(ctx)}${g.closing}` }));

const BY_ID = new Map(GENRES.map((g) => [g.id, g]));

export function getGenre(id: GenreId): Genre {
  const g = BY_ID.get(id);
  if (!g) throw new Error(`unknown genre ${id}`);
  return g;
}
