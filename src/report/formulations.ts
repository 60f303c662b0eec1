/**
 * The one dated table of Party meetings, study campaigns and fixed formulations.
 * Both the critic (date-aware checks) and the drafting prompts read it, so a 2025
 * report cites the meetings that were current in 2025. Every entry names its source.
 */

export type MeetingFamily = 'central' | 'propaganda';

export interface DatedMeeting {
  id: string;
  /** How reports name it: 党的二十大, 二十届三中全会. */
  name: string;
  /** Other spellings found in reports. */
  aliases: string[];
  kind: 'congress' | 'plenum' | 'conference';
  /**
   * Entries of one family replace one another as the current 学习贯彻 focus: `central` (the congress and its
   * plenums), `propaganda` (the national propaganda work conference, about every five years).
   */
  family: MeetingFamily;
  /** The congress a plenum belongs to (its id); for a conference, the congress of its time. */
  congress: string;
  /** First and last day (ISO). Its 精神 is citable from `end` on. */
  start: string;
  end: string;
  source: string;
}

const DOC = '../shared/design/genre-and-proofreading.md §3.6';
const XINHUA = 'Xinhua communiqué of the meeting (dates as published; not in the design notes)';
const S819_SHORT = 'the 8·19 speech quoted in the 意识形态工作责任制实施办法 interpretations';

const ymd = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${iso.length > 7 ? `${Number(iso.slice(8, 10))}日` : ''}`;
/** 2025年10月20日至23日召开: a meeting's dates in words. */
export const meetingDays = (m: DatedMeeting) => `${ymd(m.start)}至${m.end.slice(0, 7) === m.start.slice(0, 7) ? `${Number(m.end.slice(8, 10))}日` : ymd(m.end)}召开`;
/** 2025年3月至7月开展: a campaign's months in words. */
export const campaignMonths = (c: Campaign) => `${ymd(c.start)}至${c.end.slice(0, 4) === c.start.slice(0, 4) ? `${Number(c.end.slice(5, 7))}月` : ymd(c.end)}开展`;

/**
 * What a writer reads as an entry's source on a card or in a Word comment. The `source` fields are the
 * team's research notes (English, with paths) and never reach a writer.
 */
export function citationOf(e: DatedMeeting | Campaign): string {
  if ('kind' in e) return `${e.name}，${meetingDays(e)}，以新华社发布的会议消息为准`;
  return `${e.name}，${campaignMonths(e)}，以中央的部署文件为准`;
}

export const MEETINGS: readonly DatedMeeting[] = [
  { id: 'c18', name: '党的十八大', aliases: ['十八大', '党的十八次全国代表大会'], kind: 'congress', family: 'central', congress: 'c18', start: '2012-11-08', end: '2012-11-14', source: XINHUA },
  { id: 'c19', name: '党的十九大', aliases: ['十九大', '党的十九次全国代表大会'], kind: 'congress', family: 'central', congress: 'c19', start: '2017-10-18', end: '2017-10-24', source: `${DOC} (2017-10)` },
  { id: 'c19p2', name: '十九届二中全会', aliases: ['党的十九届二中全会'], kind: 'plenum', family: 'central', congress: 'c19', start: '2018-01-18', end: '2018-01-19', source: XINHUA },
  { id: 'c19p3', name: '十九届三中全会', aliases: ['党的十九届三中全会'], kind: 'plenum', family: 'central', congress: 'c19', start: '2018-02-26', end: '2018-02-28', source: XINHUA },
  { id: 'c19p4', name: '十九届四中全会', aliases: ['党的十九届四中全会'], kind: 'plenum', family: 'central', congress: 'c19', start: '2019-10-28', end: '2019-10-31', source: XINHUA },
  { id: 'c19p5', name: '十九届五中全会', aliases: ['党的十九届五中全会'], kind: 'plenum', family: 'central', congress: 'c19', start: '2020-10-26', end: '2020-10-29', source: XINHUA },
  { id: 'c19p6', name: '十九届六中全会', aliases: ['党的十九届六中全会'], kind: 'plenum', family: 'central', congress: 'c19', start: '2021-11-08', end: '2021-11-11', source: `${DOC} (closed 2021-11-11)` },
  { id: 'c20', name: '党的二十大', aliases: ['二十大', '党的二十次全国代表大会'], kind: 'congress', family: 'central', congress: 'c20', start: '2022-10-16', end: '2022-10-22', source: `${DOC} (2022-10-16 to 10-22)` },
  { id: 'c20p2', name: '二十届二中全会', aliases: ['党的二十届二中全会'], kind: 'plenum', family: 'central', congress: 'c20', start: '2023-02-26', end: '2023-02-28', source: `${XINHUA}; the design notes mark the exact dates unverified` },
  { id: 'c20p3', name: '二十届三中全会', aliases: ['党的二十届三中全会'], kind: 'plenum', family: 'central', congress: 'c20', start: '2024-07-15', end: '2024-07-18', source: `${DOC} (2024-07-15 to 07-18)` },
  { id: 'c20p4', name: '二十届四中全会', aliases: ['党的二十届四中全会'], kind: 'plenum', family: 'central', congress: 'c20', start: '2025-10-20', end: '2025-10-23', source: `${DOC} (2025-10-20 to 10-23)` },
];

/**
 * The national propaganda work conferences, cited as “深入学习贯彻全国宣传思想（文化）工作会议精神”: each later one
 * replaces the earlier as the focus. Kept apart from MEETINGS, whose entries the critic ranks by congress.
 */
export const CONFERENCES: readonly DatedMeeting[] = [
  { id: 'xc2013', name: '全国宣传思想工作会议', aliases: [], kind: 'conference', family: 'propaganda', congress: 'c18', start: '2013-08-19', end: '2013-08-20', source: `${XINHUA}; ${S819_SHORT}` },
  { id: 'xc2018', name: '全国宣传思想工作会议', aliases: [], kind: 'conference', family: 'propaganda', congress: 'c19', start: '2018-08-21', end: '2018-08-22', source: XINHUA },
  { id: 'xc2023', name: '全国宣传思想文化工作会议', aliases: ['全国宣传思想文化工作会'], kind: 'conference', family: 'propaganda', congress: 'c20', start: '2023-10-07', end: '2023-10-08', source: `${XINHUA}; 习近平文化思想 first named there` },
];

export interface Campaign {
  id: string;
  name: string;
  /** Fragments that identify the campaign in running text. */
  aliases: string[];
  /** Campaigns of one family follow one another: `party-education` (党内集中学习教育, one a year or two). */
  family: 'party-education';
  /** First and last month (YYYY-MM) of the campaign proper. */
  start: string;
  end: string;
  source: string;
}

export const CAMPAIGNS: readonly Campaign[] = [
  { id: 'lxyz', name: '“两学一做”学习教育', aliases: ['两学一做'], family: 'party-education', start: '2016-02', end: '2017-03', source: `${DOC.replace('3.6', '3.7')} (方案 2016-02-24; 常态化 意见 2017-03)` },
  { id: 'bwcx', name: '“不忘初心、牢记使命”主题教育', aliases: ['不忘初心、牢记使命”主题教育', '不忘初心、牢记使命主题教育', '不忘初心牢记使命主题教育', '“不忘初心、牢记使命”主题教育'], family: 'party-education', start: '2019-05', end: '2020-01', source: `${DOC.replace('3.6', '3.7')} (2019, summarised early 2020)` },
  { id: 'dsxx', name: '党史学习教育', aliases: ['党史学习教育'], family: 'party-education', start: '2021-02', end: '2021-12', source: `${DOC.replace('3.6', '3.7')} (动员大会 2021-02-20)` },
  { id: 'ztjy2023', name: '学习贯彻习近平新时代中国特色社会主义思想主题教育', aliases: ['学习贯彻习近平新时代中国特色社会主义思想主题教育'], family: 'party-education', start: '2023-04', end: '2024-01', source: `${DOC.replace('3.6', '3.7')} (from 2023-04, two batches)` },
  { id: 'djxx', name: '党纪学习教育', aliases: ['党纪学习教育'], family: 'party-education', start: '2024-04', end: '2024-07', source: `${DOC.replace('3.6', '3.7')} (2024-04 to 2024-07)` },
  { id: 'bxgd', name: '深入贯彻中央八项规定精神学习教育', aliases: ['深入贯彻中央八项规定精神学习教育'], family: 'party-education', start: '2025-03', end: '2025-07', source: `${DOC.replace('3.6', '3.7')} (deployed 2025-03; end month from one unit report, unverified)` },
];

export interface FixedFormulation {
  /** The canonical short name: 四个意识. */
  name: string;
  /** The numeral in the name, for spotting wrong counts (四种意识, 三个自信). */
  count: number;
  /** The head noun after the numeral: 意识, 自信, 维护, 确立. */
  head: string;
  /** Exact members in their canonical order. */
  members: readonly string[];
  /** First named as a set (YYYY-MM): a text about an earlier period lists its own words, not the set. */
  since?: string;
  source: string;
}

export const FIXED_FORMULATIONS: readonly FixedFormulation[] = [
  { name: '四个意识', count: 4, head: '意识', members: ['政治意识', '大局意识', '核心意识', '看齐意识'], since: '2016-01', source: `${DOC.replace('3.6', '3.5')} (中央政治局会议 2016-01-29)` },
  { name: '四个自信', count: 4, head: '自信', members: ['道路自信', '理论自信', '制度自信', '文化自信'], since: '2016-07', source: `${DOC.replace('3.6', '3.5')} (文化自信 added to the three in 庆祝中国共产党成立95周年大会上的讲话, 2016-07-01)` },
  { name: '两个维护', count: 2, head: '维护', members: ['坚决维护习近平总书记党中央的核心、全党的核心地位', '坚决维护党中央权威和集中统一领导'], source: DOC.replace('3.6', '3.5') },
  { name: '两个确立', count: 2, head: '确立', members: ['确立习近平同志党中央的核心、全党的核心地位', '确立习近平新时代中国特色社会主义思想的指导地位'], source: `${DOC.replace('3.6', '3.5')} (十九届六中全会决议, 2021-11)` },
];

/**
 * Other sets under the same heads, used in their own field: a count that differs from the central set's is their name
 * there, not a slip (`cue`: words of that field in the same paragraph).
 */
export const FIELD_SETS: readonly { name: string; members: readonly string[]; cue: RegExp; source: string }[] = [
  // Education of the clergy in Xizang: national, civic and legal awareness (国家意识、公民意识、法治意识).
  { name: '三个意识', members: ['国家意识', '公民意识', '法治意识'], cue: /宗教|寺庙|僧尼|四条标准|爱国守法/, source: '西藏自治区宗教工作部署：在寺庙僧尼中开展“三个意识”（国家意识、公民意识、法治意识）教育' },
];

/** The exact form of the Party Central Committee formula. */
export const CORE_FORMULA = '以习近平同志为核心的党中央';
/** The guiding thought, spelled exactly. */
export const GUIDING_THOUGHT = '习近平新时代中国特色社会主义思想';

const isoDay = (d: Date | string): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Meetings whose 精神 could be cited on `date` (already closed). */
export function meetingsClosedBy(date: Date | string): DatedMeeting[] {
  const day = isoDay(date);
  return MEETINGS.filter((m) => m.end <= day);
}

/** The congress current on `date` and the plenums of it held so far. */
export function currentGuidance(date: Date | string): { congress: DatedMeeting; plenums: DatedMeeting[]; phrase: string } {
  const closed = meetingsClosedBy(date);
  const congress = [...closed].reverse().find((m) => m.kind === 'congress') ?? MEETINGS[0]!;
  const plenums = closed.filter((m) => m.kind === 'plenum' && m.congress === congress.id);
  const ordinal = congress.name.replace('党的', '').replace('大', '');
  const phrase = plenums.length === 0
    ? `${congress.name}精神`
    : plenums.length === 1
      ? `${congress.name}和${plenums[0]!.name}精神`
      : `${congress.name}和${ordinal}届历次全会精神`;
  return { congress, plenums, phrase };
}



// ---------------------------------------------------------------------------------------------
// Tables the critic reads beyond the four numbered sets. Each entry names its source; an entry
// marked "unverified" was not confirmed in the stored corpora and is used only for warnings.

const SSBF = '《党委（党组）意识形态工作责任制实施办法》(中共中央办公厅, 2015)';
const XCTL = '《中国共产党宣传工作条例》(中共中央, 2019)';
const ZHUNZE = '《关于新形势下党内政治生活的若干准则》(十八届六中全会, 2016-10)';
const S819 = '习近平在全国宣传思想工作会议上的讲话 (2013-08-19), as quoted in the 实施办法 and its interpretations';

/** Thoughts named after their owner: the name always carries 习近平. */
export const NAMED_THOUGHTS: readonly string[] = [
  '习近平文化思想', // 全国宣传思想文化工作会议, 2023-10
  '习近平法治思想', // 中央全面依法治国工作会议, 2020-11
  '习近平经济思想', // 中央经济工作会议, 2017-12
  '习近平生态文明思想', // 全国生态环境保护大会, 2018-05
  '习近平强军思想', // 党的十九大报告, 2017-10
  '习近平外交思想', // 中央外事工作会议, 2018-06
];

/**
 * A named set written as a list: members in their fixed order. `suffix` is shared by the members
 * (权, 上), so a list such as 领导权、话语权、主动权 is recognised by its form; `intruders` are words
 * that writers put in by mistake (older or neighbouring sets).
 */
export interface NamedSet {
  name: string;
  members: readonly string[];
  /** A list is judged only when it has at least this many members of the set. */
  minKnown: number;
  /** ...and at least this many items: official pairs (领导权和主动权, 主导权和话语权) are not the triple. */
  minItems?: number;
  /** Whether the list is recognised by a shared suffix (each item ends in it). */
  suffix?: string;
  /** Other items seen in place of members. */
  intruders?: readonly string[];
  /** Separators between members in the canonical form. */
  sep: string;
  /**
   * Offsets of the two-character words a member may have changed and still be recognised (long members
   * only): 重要工作亲身部署, 重大事件亲自处理 change a word in 亲自部署. Other words may be adapted by the writer
   * (党组统一领导 for 党委统一领导), so they are not near forms.
   */
  nearAt?: readonly number[];
  /**
   * Members share this prefix (同部署, 同落实): a same-length item with it counts as a near form only in a whole
   * list where it stands in the one missing member's place (同部署、同执行、同检查、同考核); shorter lists of
   * other 同 items (同部署、同推进、同考核) are the writer's own and are not judged.
   */
  prefix?: string;
  /** The set is cited whole: a list of all members but one, in order, is reported (a warning in quotes, else a hint). */
  whole?: boolean;
  /**
   * Published texts list the members in more than one order (同部署、同检查、同落实、同考核): a list of all members in
   * another order is a hint, not a warning with a fix (round 17: r57's labeller keeps that order as correct text, no
   * draw marks it; the 守土 triple reordered is marked by r53's and kept by r55's, so it stays a warning).
   */
  orderFree?: boolean;
  /** Authoritative texts also run the members together without marks (获得感幸福感安全感): that form is not reported. */
  runTogether?: boolean;
  /**
   * Words right before a list that cite the whole set (牢牢掌握意识形态工作 before 领导权、管理权、话语权): there a
   * list of all members but one, in order, has dropped a member (a warning with the whole set).
   */
  cited?: RegExp;
  source: string;
}

export const NAMED_SETS: readonly NamedSet[] = [
  { name: '“降碳、减污、扩绿、增长”', members: ['降碳', '减污', '扩绿', '增长'], minKnown: 4, minItems: 4, runTogether: true, sep: '、', source: '党的二十大报告 (2022-10)：“协同推进降碳、减污、扩绿、增长”；不加顿号的写法见 2024、2025 年《政府工作报告》（“协同推进降碳减污扩绿增长”）' },
  { name: '意识形态工作“三权”', members: ['领导权', '管理权', '话语权'], minKnown: 2, minItems: 3, suffix: '权', intruders: ['主动权', '主导权', '控制权', '决策权'], sep: '、', cited: /(?:掌握|把握|掌牢|把牢|抓牢|守牢)意识形态(?:工作)?的?$/, source: `${SSBF}; ${S819}; the pairs 领导权和主动权 and 主导权和话语权 (十九大报告) are correct and not judged` },
  { name: '“思想上政治上行动上”', members: ['思想上', '政治上', '行动上'], minKnown: 2, suffix: '上', sep: '', source: `${ZHUNZE}: 在思想上政治上行动上同党中央保持高度一致` },
  { name: '宣传思想工作格局', members: ['党委统一领导', '党政齐抓共管', '宣传部门组织协调', '有关部门分工负责', '社会力量积极参与'], minKnown: 2, intruders: ['各相关部门积极配合', '相关部门积极配合', '有关部门积极配合', '各部门积极配合'], sep: '、', source: `${XCTL}; ${S819} (the four-member form without 社会力量积极参与 is also used)` },
  { name: '意识形态工作责任制原则', members: ['属地管理', '分级负责', '谁主管谁负责'], minKnown: 2, sep: '、', source: SSBF },
  { name: '“守土有责、守土负责、守土尽责”', members: ['守土有责', '守土负责', '守土尽责'], minKnown: 2, sep: '、', source: S819 },
  // The sister family's set: the 党风廉政/从严治党 first responsible person's 四个亲自 (r129's 党风廉政 text).
  { name: '党风廉政建设第一责任人的“四个亲自”', members: ['重要工作亲自部署', '重大问题亲自过问', '重点环节亲自协调', '重要案件亲自督办'], minKnown: 3, sep: '、', source: '中共中央办公厅《党委（党组）落实全面从严治党主体责任规定》(2020-03)：党委（党组）书记“重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要案件亲自督办”' },
  { name: '第一责任人的“三个亲自”', members: ['重要工作亲自部署', '重要问题亲自过问', '重大事件亲自处置'], minKnown: 2, intruders: ['重要工作亲自过问', '重要问题亲自部署', '重大事件亲自过问', '重要问题亲自处置', '重大事件亲自部署', '重要事件亲自处置', '重大问题亲自过问'], sep: '、', nearAt: [0, 2, 4, 6], source: `${SSBF} (the nouns 工作/问题/事件 and their 重要/重大 are as fixed as the verbs: 重大问题亲自处置, 重点问题亲自过问 are slips)` },
  { name: '“本职、失职、渎职”', members: ['是本职', '是失职', '是渎职'], minKnown: 2, suffix: '职', sep: '、', source: '常用表述“抓意识形态工作是本职、不抓是失职、抓不好是渎职” (习近平总书记讲话中的表述; exact speech and date unverified)' },
  { name: '宣传思想工作的使命任务', members: ['举旗帜', '聚民心', '育新人', '兴文化', '展形象'], minKnown: 3, intruders: ['新文化'], sep: '、', source: '习近平在全国宣传思想工作会议上的讲话 (2018-08-21)' },
  { name: '主题教育的总要求', members: ['学思想', '强党性', '重实践', '建新功'], minKnown: 3, sep: '、', source: '学习贯彻习近平新时代中国特色社会主义思想主题教育工作会议 (2023-04-03)' },
  { name: '党史学习教育的目标要求', members: ['学史明理', '学史增信', '学史崇德', '学史力行'], minKnown: 3, sep: '、', source: '党史学习教育动员大会讲话 (2021-02-20)' },
  { name: '党纪学习教育的要求', members: ['学纪', '知纪', '明纪', '守纪'], minKnown: 3, sep: '、', source: '《关于在全党开展党纪学习教育的通知》(中共中央办公厅, 2024-04)' },
  { name: '“学懂弄通做实”', members: ['学懂', '弄通', '做实'], minKnown: 3, sep: '', source: '党的十九大后学习贯彻新思想的要求（习近平在新进中央委员会委员、候补委员学习贯彻党的十九大精神研讨班上的讲话, 2018-01-05）' },
  { name: '“真学真懂真信真用”', members: ['真学', '真懂', '真信', '真用'], minKnown: 3, sep: '', source: '中共中央《关于认真学习宣传贯彻党的十九大精神的决定》(2017-10)（“真学真懂真信真用”）' },
  { name: '意识形态工作的“三个关乎”', members: ['关乎旗帜', '关乎道路', '关乎国家政治安全'], minKnown: 2, intruders: ['关乎政治安全', '关乎国家安全', '关乎政治方向', '关乎国家安全稳定'], sep: '、', source: `${S819}（“意识形态工作……关乎旗帜、关乎道路、关乎国家政治安全”）` },
  { name: '“政治判断力、政治领悟力、政治执行力”', members: ['政治判断力', '政治领悟力', '政治执行力'], minKnown: 2, suffix: '力', intruders: ['政治鉴别力', '政治洞察力', '政治理解力'], sep: '、', source: '中共中央政治局民主生活会 (2020-12-24/25) 上的要求“不断提高政治判断力、政治领悟力、政治执行力”' },
  { name: '责任制“四同”要求', members: ['同部署', '同落实', '同检查', '同考核'], minKnown: 3, prefix: '同', whole: true, orderFree: true, sep: '、', source: `${SSBF}（“……紧密结合，一同部署、一同落实、一同检查、一同考核”；报告中通常简作“同部署、同落实、同检查、同考核”）` },
  { name: '责任制“四同”要求', members: ['一同部署', '一同落实', '一同检查', '一同考核'], minKnown: 3, prefix: '一同', whole: true, orderFree: true, sep: '、', source: `${SSBF}（“……紧密结合，一同部署、一同落实、一同检查、一同考核”）` },
  // The people's three senses in the congress reports' order (获得感、幸福感、安全感); another order is a hint, as the outlooks.
  { name: '“获得感、幸福感、安全感”', members: ['获得感', '幸福感', '安全感'], minKnown: 3, minItems: 3, suffix: '感', orderFree: true, runTogether: true, sep: '、', source: '党的十九大报告 (2017-10)：“使人民获得感、幸福感、安全感更加充实、更有保障、更可持续”；党的二十大报告 (2022-10) 同；不加顿号的写法见 2025 年《政府工作报告》（“不断增强人民群众获得感幸福感安全感”）' },
  // The three outlooks: 世界观、人生观、价值观 is the usual order; another order is a hint (round 20: r102 marks it, r106 keeps it).
  { name: '“世界观、人生观、价值观”', members: ['世界观', '人生观', '价值观'], minKnown: 3, minItems: 3, suffix: '观', orderFree: true, sep: '、', source: '中央文件的通行顺序（“树立正确的世界观、人生观、价值观”，如《新时代公民道德建设实施纲要》，2019）' },
  { name: '第一责任人的“三个带头”', members: ['带头抓意识形态工作', '带头管阵地把导向强队伍', '带头批评错误观点和错误倾向'], minKnown: 2, sep: '，', source: SSBF },
];

/**
 * Two-member fixed compounds whose order is fixed: the reversed form (倾向性苗头性) is a slip.
 * Only pairs whose reversal is not itself an established phrase.
 */
export interface OrderedPair {
  first: string;
  second: string;
  /** The joiner of the fixed form ('' for 苗头性倾向性); a reversed list with another joiner is only a hint. */
  joiner: string;
  source: string;
}

export const ORDERED_PAIRS: readonly OrderedPair[] = [
  { first: '形式主义', second: '官僚主义', joiner: '、', source: '中共中央办公厅《关于解决形式主义突出问题为基层减负的通知》(2019-03) 及此后历年“整治形式主义为基层减负”部署：“形式主义、官僚主义”' },
  { first: '苗头性', second: '倾向性', joiner: '', source: `${SSBF}（“苗头性倾向性问题”）` },
  { first: '守正', second: '创新', joiner: '', source: '党的二十大报告 (2022-10)：“必须坚持守正创新”' },
  { first: '学思', second: '践悟', joiner: '', source: '“学思践悟”（习近平在中央党校建校80周年庆祝大会暨2013年春季学期开学典礼上的讲话, 2013-03-01）' },
  { first: '踏石留印', second: '抓铁有痕', joiner: '、', source: '十八届中央纪委二次全会讲话 (2013-01-22)' },
  { first: '党风廉政建设', second: '反腐败斗争', joiner: '和', source: '党的十八大以来历次中央纪委全会公报（“党风廉政建设和反腐败斗争”）' },
  { first: '指示', second: '批示', joiner: '', source: '新华社等官方媒体的通行表述“习近平总书记重要指示批示精神”' },
  { first: '领导权', second: '主动权', joiner: '和', source: 'the pair 领导权和主动权 recorded with the 三权 set above (领导权 first, as in 实施办法 2015 “牢牢掌握意识形态工作领导权”); 主动权和领导权 is no established phrase' },
];

/** Fixed phrases whose loose spellings are wrong: pattern → the exact form. */
export interface FixedPhrase {
  pattern: RegExp;
  right: string;
  /** Whether replacing the match with `right` is always safe. */
  safe: boolean;
  /** Only inside a 《》 title. */
  inTitle?: boolean;
  /** Only after text matching this (tested on the 24 characters before the match; a lookbehind would be slow). */
  after?: RegExp;
  /** A usage that is only discouraged (a warning, not an error). */
  discouraged?: boolean;
  /** What to say instead of the plain “应为”. */
  why?: string;
  /** A match that is wholly this form is a widespread variant: a hint without replacement. */
  variant?: RegExp;
  source: string;
}

export const FIXED_PHRASES: readonly FixedPhrase[] = [
  { pattern: /苗头(?:性)?的?(?:、)?倾向(?:性)?的?问题/g, right: '苗头性倾向性问题', safe: true, variant: /^苗头性、?倾向性的问题$/, source: `${SSBF}（“及时发现和处置苗头性倾向性问题”；也写作“苗头性、倾向性问题”）` },
  { pattern: /(?<![社国])[县市区镇省]情民意/g, right: '社情民意', safe: false, source: '固定用语“社情民意”（社情民意信息工作）' },
  { pattern: /(?<=《)谈治国理政/g, right: '习近平谈治国理政', safe: true, source: '书名《习近平谈治国理政》（外文出版社，2014年起第一至四卷）' },
  { pattern: /(?<=“一带一路”|一带一路)战略/g, right: '倡议', safe: true, discouraged: true, why: '“一带一路”的规范提法是“倡议”，不称“战略”', source: '国家发展改革委等《关于规范“一带一路”倡议英文译法的通知》（2015）；“一带一路”倡议为官方提法' },
  // The 2017 opinion's own words: the campaign's name, then 常态化制度化 in that order (reversed, it is written out whole;
  // “两学一做”常态化制度化 alone is a short form in use).
  { pattern: /(?<=“两学一做”|两学一做)(?:学习教育)?制度化[、和]?常态化/g, right: '学习教育常态化制度化', safe: true, source: '中共中央办公厅《关于推进“两学一做”学习教育常态化制度化的意见》（2017-03-28）' },
  { pattern: /高举中国特色社会主义旗帜/g, right: '高举中国特色社会主义伟大旗帜', safe: true, source: '党的十九大、二十大报告标题（2017-10, 2022-10）' },
  // 《党章》 is the short title official media use too (r88 leaves it): a hint; the garbled full titles are slips.
  { pattern: /《(?:党章|共产党章程|中国共产党党章|党的章程)》/g, right: '《中国共产党章程》', safe: true, variant: /^《党章》$/, source: '党内法规的正式名称《中国共产党章程》（2022-10 修正）' },
  { pattern: /意识形态责任制/g, right: '意识形态工作责任制', safe: true, inTitle: true, source: SSBF },
  { pattern: /(?<!思想|文化)全国宣传工作会议/g, right: '全国宣传思想工作会议', safe: false, source: '全国宣传思想工作会议（2013-08-19；2018-08-21）；2023-10 为全国宣传思想文化工作会议' },
  { pattern: /议事议程/g, right: '议事日程', safe: true, source: `${SSBF}（“纳入重要议事日程”）` },
  // The banner is 中国特色社会主义; the thought is what one 全面贯彻 or takes as 指导, not a banner one 高举.
  // Advice since round 15: r24's and r27's labellers accept the local form.
  { pattern: /高举(?:习近平)?新时代中国特色社会主义思想(?:伟大)?旗帜/g, right: '高举中国特色社会主义伟大旗帜', safe: false, discouraged: true, variant: /./, why: '“伟大旗帜”指中国特色社会主义；对思想一般说“以……为指导”“全面贯彻”', source: '党的二十大报告 (2022-10)：“高举中国特色社会主义伟大旗帜，全面贯彻新时代中国特色社会主义思想”' },
  // Marks inside fixed formulas: the campaign's name keeps its 、; the 方针 its 、.
  { pattern: /不忘初心[ \u3000]*牢记[ \u3000]*使命/g, right: '不忘初心、牢记使命', safe: true, why: '“不忘初心、牢记使命”中间应有顿号', source: '《中共中央关于在全党开展“不忘初心、牢记使命”主题教育的意见》(2019-05)' },
  // The 2019 campaign's general requirement: two pairs, 、 inside each and ， between them.
  { pattern: /(?!守初心、担使命，找差距、抓落实)守初心[，,、；]?担使命[，,、；]?找差距[，,、；]?抓落实/g, right: '守初心、担使命，找差距、抓落实', safe: true, why: '主题教育总要求的标点：两组之内用顿号，两组之间用逗号', source: '《中共中央关于在全党开展“不忘初心、牢记使命”主题教育的意见》(2019-05)（“守初心、担使命，找差距、抓落实”）' },
  { pattern: /不忘初心[，,][ \u3000]*牢记使命(?=”?主题教育)/g, right: '不忘初心、牢记使命', safe: true, why: '主题教育名称“不忘初心、牢记使命”中间用顿号', source: '《中共中央关于在全党开展“不忘初心、牢记使命”主题教育的意见》(2019-05)' },
  { pattern: /团结稳定鼓劲[，,；; \u3000]正面宣传为主/g, right: '团结稳定鼓劲、正面宣传为主', safe: true, why: '方针“团结稳定鼓劲、正面宣传为主”中间用顿号', source: `${S819}；${XCTL}（“坚持团结稳定鼓劲、正面宣传为主”）` },
  { pattern: /以人为本[ \u3000]*执政为民/g, right: '以人为本、执政为民', safe: true, why: '“以人为本、执政为民”中间有顿号', source: '党的十八大报告 (2012-11)：“坚持以人为本、执政为民”' },
  { pattern: /立党为公[ \u3000]*执政为民/g, right: '立党为公、执政为民', safe: true, why: '“立党为公、执政为民”中间有顿号', source: '党的十六大报告 (2002-11)：“立党为公、执政为民”' },
  // A campaign is a 主题教育, not a 主题活动.
  { pattern: /主题活动|教育活动|专题教育/g, after: /(?:不忘初心、?牢记使命|新时代中国特色社会主义思想)”?$/, right: '主题教育', safe: true, why: '学习教育的名称是“主题教育”', source: `${DOC.replace('3.6', '3.7')}（“不忘初心、牢记使命”主题教育 2019；学习贯彻习近平新时代中国特色社会主义思想主题教育 2023）` },
  { pattern: /(?<!全面)从严治党主体责任/g, right: '全面从严治党主体责任', safe: true, discouraged: true, variant: /./, why: '规范提法是“全面从严治党主体责任”（dev-18 的标注者接受简写，r37 的标注者不接受：提示）', source: '《党委（党组）落实全面从严治党主体责任规定》(中共中央办公厅, 2020-03)' },
  { pattern: /新冠病毒肺炎/g, right: '新冠肺炎', safe: true, discouraged: true, why: '病名是“新型冠状病毒肺炎”，简称“新冠肺炎”', source: '国家卫生健康委员会关于新型冠状病毒肺炎暂命名事宜的通知 (2020-02-07)；2022-12-26 起更名为“新型冠状病毒感染”' },
  { pattern: /(?<!科学)社会主义价值观/g, right: '社会主义核心价值观', safe: true, discouraged: true, why: '规范提法是“社会主义核心价值观”', source: '党的十八大报告 (2012-11-08)：“倡导富强、民主、文明、和谐……积极培育和践行社会主义核心价值观”' },
  { pattern: /高举(?!中国特色)社会主义(?:伟大)?旗帜/g, right: '高举中国特色社会主义伟大旗帜', safe: true, source: '党的十九大、二十大报告标题（2017-10, 2022-10）' },
  // The formula with 极端 dropped (意识形态工作是党的一项重要工作) weakens a quoted judgement: a warning with the exact form.
  { pattern: /党的一项重要工作/g, after: /意识形态工作(?:始终)?是$/, right: '党的一项极端重要的工作', safe: true, discouraged: true, why: '原话是“意识形态工作是党的一项极端重要的工作”', source: `${S819}（“意识形态工作是党的一项极端重要的工作”）` },
  // The 方针 with 稳定 dropped (团结鼓劲，正面宣传为主).
  { pattern: /团结鼓劲[、，,；; \u3000]?正面宣传为主/g, right: '团结稳定鼓劲、正面宣传为主', safe: true, why: '方针是“团结稳定鼓劲、正面宣传为主”', source: `${S819}；${XCTL}（“坚持团结稳定鼓劲、正面宣传为主”）` },
  // 围绕中心、服务大局: the second member is the 大局, never the 中心 again.
  { pattern: /围绕中心[、，, \u3000]?服务中心(?!主|阵|站|建)/g, right: '围绕中心、服务大局', safe: true, why: '固定表述为“围绕中心、服务大局”', source: `${S819}（宣传思想工作“围绕中心、服务大局”）；${XCTL}` },
  { pattern: /党和国家(?:的)?一项极端重要的工作/g, after: /意识形态工作(?:始终)?是$/, right: '党的一项极端重要的工作', safe: true, discouraged: true, why: '原话是“意识形态工作是党的一项极端重要的工作”', source: `${S819}（“意识形态工作是党的一项极端重要的工作”）` },
  // A congress's plenums are its 历次全会 (十九届历次全会); 历届 counts congresses, not plenums.
  { pattern: /(?<=[大届及和、])历届全会/g, right: '历次全会', safe: true, why: '一次代表大会的全会是“历次全会”（“届”指代表大会的届次）', source: '党的二十大报告 (2022-10)：“党的十九大和十九届历次全会精神”' },
  // The four formulas each keep their verb: 增强“四个意识”、坚定“四个自信”、做到“两个维护”.
  { pattern: /坚决(?=[“"]?四个自信)/g, right: '坚定', safe: true, why: '固定搭配是“坚定‘四个自信’”', source: '十九届六中全会决议 (2021-11)：“增强‘四个意识’、坚定‘四个自信’、做到‘两个维护’”' },
  // Spun 责任 in the system's name (意识形态工作职责制) and 改善 for the 改进 of the Party's leadership.
  { pattern: /意识形态工作职责制/g, right: '意识形态工作责任制', safe: true, why: '制度名称是“意识形态工作责任制”', source: SSBF },
  { pattern: /加强和改善(?=党对|对意识形态|意识形态|宣传思想|思想政治)/g, right: '加强和改进', safe: true, why: '固定表述为“加强和改进”', source: `${SSBF}（“加强和改进党对意识形态工作的领导”）` },
  // The quoted judgement with its 的 dropped (党的一项极端重要工作).
  // Labellers divide (r6x and seed 004 against r83), and the meaning is the same: advice.
  { pattern: /党的一项极端重要工作/g, right: '党的一项极端重要的工作', safe: true, variant: /./, why: '原话是“意识形态工作是党的一项极端重要的工作”', source: `${S819}（“意识形态工作是党的一项极端重要的工作”）` },
  // The 四个看齐's second member keeps its 和 (the 理论 and the 路线方针政策 are two things one aligns with).
  { pattern: /向党的理论路线方针政策看齐/g, right: '向党的理论和路线方针政策看齐', safe: true, why: '“四个看齐”的表述是“向党的理论和路线方针政策看齐”', source: '习近平在中央政治局专题民主生活会上的讲话 (2015-12-28)：“向党中央看齐，向党的理论和路线方针政策看齐，向党中央决策部署看齐”' },
  { pattern: /党的一项极(?:其|为|度)重要的工作/g, right: '党的一项极端重要的工作', safe: true, source: `${S819}（“意识形态工作是党的一项极端重要的工作”）` },
  // 三全育人 with its third member dropped (全员、全程育人). The writer's own marks and 全程/全过程 vary, so no fix.
  { pattern: /全员[、，]?全(?:过)?程(?![、，]?全方位)育人/g, right: '全员、全程、全方位育人', safe: false, discouraged: true, why: '“三全育人”是全员、全程、全方位育人，此处缺少“全方位”', source: '中共中央、国务院《关于加强和改进新形势下高校思想政治工作的意见》(2016-12)：“坚持全员全过程全方位育人”' },
  // A document's title opens its subject with 关于 (《关于报送……的通知》), not 有关.
  { pattern: /(?<=《)有关(?=[^《》\n]{2,40}的(?:通知|意见|决定|办法|规定|方案|报告|请示|批复|函|实施意见|实施方案|实施细则)》)/g, right: '关于', safe: true, why: '公文标题的事由用“关于……的”引出', source: '《党政机关公文处理工作条例》(2012) 第九条：标题由发文机关名称、事由和文种组成；公文标题惯用“关于……的+文种”' },
  // The 守土 triple cited as a pair (守土有责、守土尽责): its middle member dropped. (A slip in the pair's 土, 守一有责,
  // is matched too, so that the slip's own fix, which leaves the pair, is not a new finding when re-checked.)
  { pattern: /守[\u4e00-\u9fff]有责[、，]守[\u4e00-\u9fff]尽责(?![、，]?守土负责)/g, right: '守土有责、守土负责、守土尽责', safe: true, discouraged: true, why: '固定表述为“守土有责、守土负责、守土尽责”', source: `${S819}（“守土有责、守土负责、守土尽责”）` },
  // The same source sentence with its third item dropped (重大事件、重要情况中的苗头性倾向性问题).
  { pattern: /(?<=重大事件、)重要情况中的(?=苗头)/g, right: '重要情况、重要社情民意中的', safe: true, why: '固定表述为“重大事件、重要情况、重要社情民意中的苗头性倾向性问题”', source: `${SSBF}（“重大事件、重要情况、重要社情民意中的苗头性倾向性问题”）` },
  // The formula's own source sentence: 重大事件、重要情况、重要社情民意中的苗头性倾向性问题.
  { pattern: /社情民意(?:的)?(?=苗头|倾向)/g, right: '社情民意中的', safe: true, why: '固定表述为“重要社情民意中的苗头性倾向性问题”', source: `${SSBF}（“重大事件、重要情况、重要社情民意中的苗头性倾向性问题”）` },
  { pattern: /倾向的?苗头(?:性)?的?问题|倾向性的?苗头的?问题/g, right: '苗头性倾向性问题', safe: true, source: `${SSBF}（“苗头性倾向性问题”）` },
  // 导向 is what a 舆论 has (坚持正确舆论导向); 方向 is the 政治方向's.
  { pattern: /正确(?:的)?舆论方向/g, right: '正确舆论导向', safe: true, why: '固定表述为“正确舆论导向”', source: `${S819}（“坚持正确舆论导向”）；${XCTL}` },
  // A regulation's name ends in its kind (办法, 细则, 规定 …); 方法 is no kind of regulation.
  { pattern: /实施方法(?=》)/g, right: '实施办法', safe: true, why: '制度文件的名称以文种结尾，是“实施办法”，不是“实施方法”', source: '《中国共产党党内法规制定条例》(2019-08) 第五条：党内法规的名称为党章、准则、条例、规定、办法、规则、细则' },
  // Joint issuers written as one word (中共中央国务院关于……): the names are set apart. No replacement: a title
  // separates them by a space, running text by a 顿号.
  { pattern: /中共中央国务院/g, right: '中共中央、国务院', safe: false, discouraged: true, why: '联合发文的机关名称之间应隔开（文件标题中空一字，正文中用顿号）', source: 'GB/T 9704-2012 §7.2.3（联合行文时发文机关名称分列）；新华社电文写作“中共中央、国务院印发《……》”' },
  { pattern: /中共中央办公厅国务院办公厅/g, right: '中共中央办公厅、国务院办公厅', safe: false, discouraged: true, why: '联合发文的机关名称之间应隔开（文件标题中空一字，正文中用顿号）', source: 'GB/T 9704-2012 §7.2.3；新华社电文写作“中共中央办公厅、国务院办公厅印发《……》”' },
  // The order and marks of 思想上政治上行动上 when the words lost their 上 or their order (在政治、思想、行动上).
  { pattern: /(?:思想|政治|行动)上?[、，]?(?:思想|政治|行动)上?[、，]?(?:思想|政治|行动)上(?=[\u4e00-\u9fff]{0,4}(?:同|与|和)(?:以习近平同志为核心的)?党中央)/g, right: '思想上政治上行动上', safe: true, why: '固定表述为“思想上政治上行动上”', variant: /^思想上、政治上、行动上$/, source: `${ZHUNZE}: 在思想上政治上行动上同党中央保持高度一致` },
  // The 三个带头 of the responsibility system with its middle member dropped.
  { pattern: /带头抓意识形态工作，带头批评错误观点/g, right: '带头抓意识形态工作，带头管阵地把导向强队伍，带头批评错误观点', safe: false, discouraged: true, variant: /./, why: '“三个带头”缺少“带头管阵地把导向强队伍”（r22 的标注者标出，r33、r45、r48 的不标：提示）', source: `${SSBF}（“带头抓意识形态工作，带头管阵地把导向强队伍，带头批评错误观点和错误倾向”）` },
  { pattern: /带头抓意识形态工作、带头批评错误观点/g, right: '带头抓意识形态工作、带头管阵地把导向强队伍、带头批评错误观点', safe: false, discouraged: true, variant: /./, why: '“三个带头”缺少“带头管阵地把导向强队伍”（r22 的标注者标出，r33、r45、r48 的不标：提示）', source: `${SSBF}（“带头抓意识形态工作，带头管阵地把导向强队伍，带头批评错误观点和错误倾向”）` },
  // Named campaigns keep their name in quotation marks (the Central Committee's own titles).
  { pattern: /(?<![“"《])不忘初心、牢记使命(?=主题教育)/g, right: '“不忘初心、牢记使命”', safe: true, why: '主题教育的名称应加引号', source: '《中共中央关于在全党开展“不忘初心、牢记使命”主题教育的意见》(2019-05)' },
  { pattern: /(?<![“"《])两学一做(?=学习教育)/g, right: '“两学一做”', safe: true, why: '学习教育的名称应加引号', source: '《关于在全体党员中开展“学党章党规、学系列讲话，做合格党员”学习教育方案》(中共中央办公厅, 2016-02)' },
  { pattern: /(?<![“"《])三严三实(?=专题教育)/g, right: '“三严三实”', safe: true, why: '专题教育的名称应加引号', source: '《关于在县处级以上领导干部中开展“三严三实”专题教育方案》(中共中央办公厅, 2015-04)' },
  // 学习贯彻 is the fixed order of the verbs before a meeting, a speech or a document.
  { pattern: /贯彻学习(?=习近平|党的|中央|省委|市委|县委|区委|上级|全会|《|十[九八]|二十)/g, right: '学习贯彻', safe: true, discouraged: true, why: '固定搭配是“学习贯彻”（先学习、后贯彻）', source: '党的文件通行用法“认真学习贯彻”（如《中共中央关于认真学习宣传贯彻党的二十大精神的决定》, 2022-10）' },
  // 党委（党组） is the system's own name for the responsible body; （组） alone is a clipped form, common in local
  // documents (r123's labeller leaves it): a hint.
  { pattern: /党委（组）/g, right: '党委（党组）', safe: false, variant: /./, why: '“党委（组）”是简写', source: SSBF },
  { pattern: /党的新闻舆论座谈会/g, right: '党的新闻舆论工作座谈会', safe: true, source: '习近平在党的新闻舆论工作座谈会上的讲话（2016-02-19）' },
  // The third clause of the 本职/失职/渎职 saying is 抓不好, whatever verb the first two use.
  { pattern: /不抓是失职[、，,]\s*抓(?!不好)[\u4e00-\u9fff]{1,3}是渎职/g, right: '不抓是失职、抓不好是渎职', safe: false, source: '常用表述“抓意识形态工作是本职、不抓是失职、抓不好是渎职”（见 NAMED_SETS 中的来源说明）' },
];

/**
 * Founding dates for named anniversaries: "建党100周年" is 1921 + 100 = 2021. A report that celebrates
 * an anniversary as current work in another year has the wrong year or a pasted text.
 */
export interface Anniversary {
  name: string;
  /** How reports name the event before N周年 (alternation source, no groups). */
  names: string;
  year: number;
  source: string;
}

export const ANNIVERSARIES: readonly Anniversary[] = [
  { name: '中国共产党成立', names: '中国共产党成立|中国共产党建党|中国共产党|建党|党的生日|党成立|党的', year: 1921, source: '中国共产党第一次全国代表大会, 1921-07（七一为建党纪念日）' },
  { name: '中华人民共和国成立', names: '中华人民共和国成立|新中国成立|建国|共和国成立', year: 1949, source: '中华人民共和国成立, 1949-10-01' },
  { name: '改革开放', names: '改革开放', year: 1978, source: '十一届三中全会, 1978-12-18（庆祝改革开放40周年大会 2018-12-18）' },
  { name: '中国人民解放军建军', names: '中国人民解放军建军|人民军队建军|建军|人民军队创建|八一建军节', year: 1927, source: '南昌起义, 1927-08-01（建军节）' },
  { name: '中国人民抗日战争胜利', names: '中国人民抗日战争暨世界反法西斯战争胜利|中国人民抗日战争胜利|抗日战争胜利|抗战胜利', year: 1945, source: '抗战胜利纪念日 9月3日, 1945（全国人大常委会 2014-02 决定）' },
  { name: '红军长征胜利', names: '红军长征胜利|长征胜利', year: 1936, source: '红军三大主力会宁会师, 1936-10（纪念红军长征胜利80周年大会 2016-10-21）' },
  { name: '五四运动', names: '五四运动', year: 1919, source: '五四运动, 1919-05-04' },
  { name: '中国共产主义青年团成立', names: '中国共产主义青年团成立|共青团成立|建团', year: 1922, source: '中国社会主义青年团第一次全国代表大会, 1922-05' },
  { name: '香港回归祖国', names: '香港回归祖国|香港回归', year: 1997, source: '1997-07-01' },
  { name: '澳门回归祖国', names: '澳门回归祖国|澳门回归', year: 1999, source: '1999-12-20' },
  { name: '中国人民志愿军抗美援朝出国作战', names: '中国人民志愿军抗美援朝出国作战|抗美援朝出国作战|抗美援朝', year: 1950, source: '1950-10-25' },
  { name: '毛泽东同志诞辰', names: '毛泽东同志诞辰|毛泽东诞辰', year: 1893, source: '1893-12-26' },
  { name: '邓小平同志诞辰', names: '邓小平同志诞辰|邓小平诞辰', year: 1904, source: '1904-08-22' },
];

/** Slogans of a finished stage: written as current work after `until` they are out of date. */
export interface DatedSlogan {
  pattern: RegExp;
  name: string;
  until: string;
  now: string;
  source: string;
}

export const SLOGANS: readonly DatedSlogan[] = [
  { pattern: /决胜(?:高水平)?全面建成小康社会|全面建成小康社会决胜阶段/g, name: '决胜全面建成小康社会', until: '2021-07-01', now: '全面建设社会主义现代化国家', source: '党的十九大报告 (2017-10); 全面建成小康社会于 2021-07-01 庆祝中国共产党成立100周年大会上宣告实现' },
  { pattern: /决战决胜脱贫攻坚|打赢脱贫攻坚战/g, name: '决战决胜脱贫攻坚', until: '2021-02-25', now: '巩固拓展脱贫攻坚成果同乡村振兴有效衔接', source: '全国脱贫攻坚总结表彰大会 (2021-02-25) 宣告脱贫攻坚战取得全面胜利' },
];

/** Bodies abolished by the 2018 reform: named as current after `until` they are out of date. */
export const ABOLISHED_BODIES: readonly { pattern: RegExp; name: string; now: string; until: string; why?: string; source: string }[] = [
  { pattern: /卫计[局委]|卫生和?计划生育(?:委员会|局)|卫生计生[局委]/g, name: '卫生和计划生育委员会（卫计委/卫计局）', now: '卫生健康委员会（卫健委/卫健局）', until: '2019-06-30', source: '《深化党和国家机构改革方案》(2018-03)；地方机构改革 2019 年上半年完成' },
  { pattern: /工商(?:行政管理)?局|食品药品监(?:督管理|管)局|食药监局|质监局/g, name: '工商、食药监、质监部门', now: '市场监督管理局', until: '2019-06-30', source: '《深化党和国家机构改革方案》(2018-03)' },
  // Not a body but a statistic withdrawn the same way: the reports of later years cite its successor.
  { pattern: /(?:农村居民|农民)人均纯收入/g, name: '农民人均纯收入', now: '农村居民人均可支配收入', until: '2015-12-31', why: '国家统计局自2014年起以“农村居民人均可支配收入”替代“农民人均纯收入”', source: '国家统计局城乡一体化住户收支与生活状况调查（2013年起）；《中华人民共和国2014年国民经济和社会发展统计公报》起发布农村居民人均可支配收入' },
  { pattern: /安监局|安全生产监督管理局/g, name: '安全生产监督管理局', now: '应急管理局', until: '2019-06-30', source: '《深化党和国家机构改革方案》(2018-03)' },
];

/**
 * Fixed terms of the genre as a spinning tool (伪原创) rewrites them: one word swapped for a near-synonym
 * (责任 → 职责, 错误 → 毛病, 倾向 → 偏向, 亲自 → 亲身, 统筹 → 兼顾, 协调 → 调和, 指导 → 指点, 发展 → 成长).
 * Only spun forms that are no established phrase are listed (领导职责, 纠正错误偏向 are words, so they are not).
 */
export interface SpunTerm {
  right: string;
  spun: readonly string[];
  source: string;
}

const SPIN = '近义词替换的“伪原创”改写（同义词据《现代汉语词典》第7版）';

/** Groups of people a report counts (广大青年, 部分家长); each is a noun of its own. */
const PEOPLE = ['群众', '党员', '干部', '职工', '教职工', '师生', '教师', '学生', '家长', '病人', '患者', '人民', '青年', '农民', '居民', '村民', '网民', '妇女', '官兵', '团员', '员工', '医务人员', '医护人员', '市民', '会员', '志愿者', '青少年', '退役军人', '农民工', '科技工作者', '文艺工作者', '企业'] as const;

/** Spun forms of compounds of one word: `word` swapped for `spun` in each (宣传栏 → 宣扬栏). */
const spinIn = (word: string, spun: string, compounds: readonly string[]): SpunTerm[] => compounds.map((right) => ({ right, spun: [right.replace(word, spun)], source: SPIN }));

export const SPUN_TERMS: readonly SpunTerm[] = [
  { right: '第一责任人', spun: ['第一职责人', '第一义务人', '第一担负人'], source: `${SSBF}; ${SPIN}` },
  { right: '主体责任', spun: ['主体职责', '主体义务', '主体担负'], source: `${SSBF}; ${SPIN}` },
  { right: '直接责任', spun: ['直接职责', '直接义务'], source: `${SSBF}; ${SPIN}` },
  { right: '一岗双责', spun: ['一岗两责', '一岗双职'], source: `${SSBF}; ${SPIN}` },
  // An organ's name and the 大宣传 formula with 传 spun to 扬 (宣扬部); the 理论武装 of the Party with 武 spun to 整.
  { right: '宣传部', spun: ['宣扬部', '传播部'], source: `${XCTL}（党委宣传部）; ${SPIN}` },
  { right: '大宣传', spun: ['大宣扬', '大传播'], source: `${S819}（“树立大宣传的工作理念”）; ${SPIN}` },
  { right: '理论武装', spun: ['理论整装', '理论装备', '理论武备'], source: `${XCTL}（“加强理论武装”）; ${SPIN}` },
  { right: '错误观点', spun: ['毛病观点', '过错观点', '毛病看法', '错误看法', '谬误观点'], source: `${SSBF}（“带头批评错误观点和错误倾向”）; ${SPIN}` },
  { right: '错误倾向', spun: ['毛病偏向', '毛病倾向', '过错倾向', '过错偏向', '谬误倾向'], source: `${SSBF}; ${SPIN}` },
  { right: '统筹协调指导', spun: ['兼顾调和指点', '兼顾协调指导', '统筹调和指导', '统筹协调指点', '兼顾调和指导', '统筹和谐指导'], source: `${SSBF}（“抓好统筹协调指导工作”）; ${SPIN}` },
  { right: '科学发展观', spun: ['科学成长观', '科学开展观', '科学进展观', '科学生长观', '科学展开观', '科学发达观', '科学开拓观'], source: `《中国共产党章程》总纲; ${SPIN}` },
  { right: '发展是第一要务', spun: ['开展是第一要务', '进展是第一要务', '生长是第一要务'], source: `党的十六大报告 (2002-11) 与二十大报告 (2022-10)：“发展是党执政兴国的第一要务”（quoted from memory, not found in the stored corpora）; ${SPIN}` },
  { right: '发展第一要务', spun: ['开展第一要务', '进展第一要务', '生长第一要务'], source: `the short form of 发展是第一要务 (entry above), common in reports; ${SPIN}` },
  { right: '“三个代表”重要思想', spun: ['三个代表主要思想', '三个代表紧张思想', '三个代表重要思惟'], source: `《中国共产党章程》总纲; ${SPIN}` },
  { right: '亲自部署', spun: ['亲身部署', '切身部署'], source: `${SSBF}（“重要工作亲自部署”）; ${SPIN}` },
  { right: '亲自过问', spun: ['亲身过问', '切身过问'], source: `${SSBF}; ${SPIN}` },
  { right: '亲自处置', spun: ['亲身处置', '亲身处理', '切身处置'], source: `${SSBF}; ${SPIN}` },
  { right: '意识形态', spun: ['认识形态', '意识形状'], source: `${SSBF}; ${SPIN}` },
  { right: '监督检查范围', spun: ['监督坚持范围'], source: `${SSBF}（“纳入……监督检查范围”）; ${SPIN}` },
  { right: '极端重要', spun: ['极度重要', '极端主要', '极其主要'], source: `${S819}; ${SPIN}` },
  { right: '舆论导向', spun: ['言论导向', '舆论引导向'], source: `${S819}（“牢牢把握正确的舆论导向”）; ${SPIN}` },
  { right: '精神文明', spun: ['精神礼貌', '精神文雅'], source: `党的十二届六中全会《关于社会主义精神文明建设指导方针的决议》(1986); ${SPIN}` },
  { right: '生态文明', spun: ['生态礼貌', '生态文雅'], source: `党的十八大报告 (2012-11)：“大力推进生态文明建设”; ${SPIN}` },
  { right: '文明城市', spun: ['礼貌城市'], source: `中央文明委《全国文明城市测评体系》; ${SPIN}` },
  { right: '网络安全', spun: ['网络平安', '网络保险', '网络安然'], source: `《中华人民共和国网络安全法》(2016-11); ${SPIN}` },
  // 广大 spun to 广阔 before the people it counts (广大群众, 广大党员干部).
  { right: '广大群众', spun: ['广阔群众'], source: SPIN },
  { right: '广大党员', spun: ['广阔党员'], source: SPIN },
  { right: '广大干部', spun: ['广阔干部'], source: SPIN },
  // A spinner's 发展 → 开展/进展 inside set phrases of the register (the phrase has no 开展 form of its own).
  { right: '改革发展稳定', spun: ['改革开展稳定', '改革进展稳定'], source: `党的十七大报告 (2007-10)：“正确处理改革发展稳定关系”; ${SPIN}` },
  { right: '又好又快发展', spun: ['又好又快开展', '又好又快进展'], source: `党的十七大报告 (2007-10)：“促进国民经济又好又快发展”; ${SPIN}` },
  { right: '经济社会发展', spun: ['经济社会开展'], source: `历年《政府工作报告》（“经济社会发展主要预期目标”）; ${SPIN}` },
  { right: '发展大局', spun: ['开展大局'], source: `${S819}（“服务党和国家工作大局”；“围绕中心、服务大局”）; ${SPIN}` },
  { right: '意识形态安全', spun: ['意识形态平安', '意识形态保险'], source: `${SSBF}（“维护意识形态安全”）; ${SPIN}` },
  { right: '在此基础上', spun: ['在此根底上'], source: SPIN },
  { right: '广播电视', spun: ['播送电视'], source: `国家广播电视总局（机构名称）; ${SPIN}` },
  { right: '工作回顾', spun: ['工作回忆'], source: SPIN },
  // A spinner's other swaps, each only inside compounds where the spun form is no word of its own (宣扬 and 根底 are
  // words: 宣扬错误思想, 根底扎实): 宣传 → 宣扬, 基础 → 根底, 广播 → 播送, 则 → 那么, 特别是 → 特殊是.
  ...spinIn('宣传', '宣扬', ['宣传栏', '宣传标语', '宣传横幅', '宣传展板', '宣传委员', '宣传册', '宣传单', '宣传车', '宣传片', '宣传月', '宣传周', '宣传阵地', '宣传资料', '宣传力度', '宣传氛围', '宣传思想工作', '宣传思想文化', '宣传思想战线']),
  ...spinIn('基础', '根底', ['基础教育', '基础设施', '基础工作', '基础建设', '夯实基础', '打牢基础', '坚实基础', '群众基础']),
  // 广大 and 部分 count people; their spun forms 广阔 and 局部 measure space and parts, so before a group of people
  // they are no word (广阔天地 and 局部地区 stay).
  ...spinIn('广大', '广阔', PEOPLE.filter((p) => !['群众', '党员', '干部'].includes(p)).map((p) => `广大${p}`)),
  ...spinIn('部分', '局部', PEOPLE.map((p) => `部分${p}`)),
  ...spinIn('基本', '根本', ['基本国策', '基本路线', '基本方略']),
  ...spinIn('平等', '公平', ['男女平等']),
  ...spinIn('认真', '仔细', ['认真贯彻', '认真落实']),
  ...spinIn('发展', '进展', ['身心发展', '高质量发展', '全面发展', '经济社会发展', '融合发展']),
  ...spinIn('广播', '播送', ['文化广播', '应急广播', '广播站', '广播体操']),
  ...spinIn('校园', '校内', ['校园文化']),
  // 中央 spun to 领导机关 in the centre's own names (中央八项规定精神, 维护党中央权威).
  ...spinIn('中央', '领导机关', ['中央八项规定', '中央和国家机关']),
  ...spinIn('党中央', '领导机关', ['党中央权威', '党中央集中统一领导']),
  ...spinIn('则', '那么', ['有则改之', '无则加勉', '准则', '原则', '规则', '细则', '否则', '守则', '法则']),
  { right: '特别是', spun: ['特殊是'], source: SPIN },
  // 服务 spun to 效劳 in the genre's service words (效劳 alone, 为人民效劳, stays a word).
  // The working line 围绕中心、服务大局 with either verb spun (环绕 for 围绕, 效劳 for 服务).
  { right: '围绕中心、服务大局', spun: ['环绕中心、服务大局', '环绕中心、效劳大局', '围绕中心、效劳大局', '环绕中心，服务大局'], source: SPIN },
  ...spinIn('服务', '效劳', ['岗位服务', '服务大局', '服务形式', '服务群众', '服务意识', '服务中心', '服务型', '为民服务', '便民服务', '服务保障', '服务水平', '服务质量', '服务能力', '志愿服务']),
];

/**
 * Terms with a numeral that a spinning tool or a careless copy writes with Arabic digits (第1责任人, 1岗双责,
 * 进1步, 党的19大). The numeral belongs to the word: GB/T 15835-2011 §4.2 (words, set phrases and
 * abbreviations that contain a numeral keep the Chinese numeral).
 */
export const NUMERAL_TERMS: readonly string[] = [
  '一岗双责', '第一责任人', '第一线', '进一步', '一把手', '三会一课', '两学一做', '四个意识', '四个自信', '两个维护',
  '两个确立', '第一议题', '三审三校', '一级抓一级', '一以贯之', '两个巩固', '两个大局', '四个全面', '五位一体',
  '第一时间', '一盘棋', '八项规定', '三重一大', '两个责任', '一体推进',
];

/**
 * Party organs of a county, city or province: 县委宣传部 (级别 + 委 + 部门). A 县宣传部 drops the 委.
 * 《中国共产党地方委员会工作条例》(2015-12): the working organs are the 地方党委's own departments.
 */
export const ORGAN_DEPARTMENTS: readonly string[] = ['宣传部', '组织部', '统战部'];
