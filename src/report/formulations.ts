/**
 * The one dated table of Party meetings, study campaigns and fixed formulations.
 * Both the critic (date-aware checks) and the drafting prompts read it, so a 2025
 * report cites the meetings that were current in 2025. Every entry names its source.
 */

export interface DatedMeeting {
  id: string;
  /** How reports name it: 党的二十大, 二十届三中全会. */
  name: string;
  /** Other spellings found in reports. */
  aliases: string[];
  kind: 'congress' | 'plenum';
  /** The congress a plenum belongs to (its id). */
  congress: string;
  /** First and last day (ISO). Its 精神 is citable from `end` on. */
  start: string;
  end: string;
  source: string;
}

const DOC = '../shared/design/genre-and-proofreading.md §3.6';
const XINHUA = 'Xinhua communiqué of the meeting (dates as published; not in the design notes)';

export const MEETINGS: readonly DatedMeeting[] = [
  { id: 'c18', name: '党的十八大', aliases: ['十八大', '党的十八次全国代表大会'], kind: 'congress', congress: 'c18', start: '2012-11-08', end: '2012-11-14', source: XINHUA },
  { id: 'c19', name: '党的十九大', aliases: ['十九大', '党的十九次全国代表大会'], kind: 'congress', congress: 'c19', start: '2017-10-18', end: '2017-10-24', source: `${DOC} (2017-10)` },
  { id: 'c19p2', name: '十九届二中全会', aliases: ['党的十九届二中全会'], kind: 'plenum', congress: 'c19', start: '2018-01-18', end: '2018-01-19', source: XINHUA },
  { id: 'c19p3', name: '十九届三中全会', aliases: ['党的十九届三中全会'], kind: 'plenum', congress: 'c19', start: '2018-02-26', end: '2018-02-28', source: XINHUA },
  { id: 'c19p4', name: '十九届四中全会', aliases: ['党的十九届四中全会'], kind: 'plenum', congress: 'c19', start: '2019-10-28', end: '2019-10-31', source: XINHUA },
  { id: 'c19p5', name: '十九届五中全会', aliases: ['党的十九届五中全会'], kind: 'plenum', congress: 'c19', start: '2020-10-26', end: '2020-10-29', source: XINHUA },
  { id: 'c19p6', name: '十九届六中全会', aliases: ['党的十九届六中全会'], kind: 'plenum', congress: 'c19', start: '2021-11-08', end: '2021-11-11', source: `${DOC} (closed 2021-11-11)` },
  { id: 'c20', name: '党的二十大', aliases: ['二十大', '党的二十次全国代表大会'], kind: 'congress', congress: 'c20', start: '2022-10-16', end: '2022-10-22', source: `${DOC} (2022-10-16 to 10-22)` },
  { id: 'c20p2', name: '二十届二中全会', aliases: ['党的二十届二中全会'], kind: 'plenum', congress: 'c20', start: '2023-02-26', end: '2023-02-28', source: `${XINHUA}; the design notes mark the exact dates unverified` },
  { id: 'c20p3', name: '二十届三中全会', aliases: ['党的二十届三中全会'], kind: 'plenum', congress: 'c20', start: '2024-07-15', end: '2024-07-18', source: `${DOC} (2024-07-15 to 07-18)` },
  { id: 'c20p4', name: '二十届四中全会', aliases: ['党的二十届四中全会'], kind: 'plenum', congress: 'c20', start: '2025-10-20', end: '2025-10-23', source: `${DOC} (2025-10-20 to 10-23)` },
];

export interface Campaign {
  id: string;
  name: string;
  /** Fragments that identify the campaign in running text. */
  aliases: string[];
  /** First and last month (YYYY-MM) of the campaign proper. */
  start: string;
  end: string;
  source: string;
}

export const CAMPAIGNS: readonly Campaign[] = [
  { id: 'lxyz', name: '“两学一做”学习教育', aliases: ['两学一做'], start: '2016-02', end: '2017-03', source: `${DOC.replace('3.6', '3.7')} (方案 2016-02-24; 常态化 意见 2017-03)` },
  { id: 'bwcx', name: '“不忘初心、牢记使命”主题教育', aliases: ['不忘初心、牢记使命”主题教育', '不忘初心、牢记使命主题教育', '不忘初心牢记使命主题教育', '“不忘初心、牢记使命”主题教育'], start: '2019-05', end: '2020-01', source: `${DOC.replace('3.6', '3.7')} (2019, summarised early 2020)` },
  { id: 'dsxx', name: '党史学习教育', aliases: ['党史学习教育'], start: '2021-02', end: '2021-12', source: `${DOC.replace('3.6', '3.7')} (动员大会 2021-02-20)` },
  { id: 'ztjy2023', name: '学习贯彻习近平新时代中国特色社会主义思想主题教育', aliases: ['学习贯彻习近平新时代中国特色社会主义思想主题教育'], start: '2023-04', end: '2024-01', source: `${DOC.replace('3.6', '3.7')} (from 2023-04, two batches)` },
  { id: 'djxx', name: '党纪学习教育', aliases: ['党纪学习教育'], start: '2024-04', end: '2024-07', source: `${DOC.replace('3.6', '3.7')} (2024-04 to 2024-07)` },
  { id: 'bxgd', name: '深入贯彻中央八项规定精神学习教育', aliases: ['深入贯彻中央八项规定精神学习教育'], start: '2025-03', end: '2025-07', source: `${DOC.replace('3.6', '3.7')} (deployed 2025-03; end month from one unit report, unverified)` },
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
  source: string;
}

export const FIXED_FORMULATIONS: readonly FixedFormulation[] = [
  { name: '四个意识', count: 4, head: '意识', members: ['政治意识', '大局意识', '核心意识', '看齐意识'], source: `${DOC.replace('3.6', '3.5')} (中央政治局会议 2016-01-29)` },
  { name: '四个自信', count: 4, head: '自信', members: ['道路自信', '理论自信', '制度自信', '文化自信'], source: DOC.replace('3.6', '3.5') },
  { name: '两个维护', count: 2, head: '维护', members: ['坚决维护习近平总书记党中央的核心、全党的核心地位', '坚决维护党中央权威和集中统一领导'], source: DOC.replace('3.6', '3.5') },
  { name: '两个确立', count: 2, head: '确立', members: ['确立习近平同志党中央的核心、全党的核心地位', '确立习近平新时代中国特色社会主义思想的指导地位'], source: `${DOC.replace('3.6', '3.5')} (十九届六中全会决议, 2021-11)` },
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


