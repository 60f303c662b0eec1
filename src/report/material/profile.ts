/**
 * The unit profile (issue 23 item 6): unit full name, its 上级党委, the writer's role and the
 * usual periods, confirmed once per chat and shown in the assumption line. Never a leader's
 * name: personal names are not inferred or kept.
 */
import { findRole, findUnit, roleLabel, type WriterRole } from '../request.js';
import type { PeriodSpan } from '../period.js';

export interface UnitProfile {
  /** 中共某某县委宣传部 */
  unit?: string;
  /** 中共某某县委 */
  superior?: string;
  role?: WriterRole;
  /** The spans this unit usually reports: H1 and year for a 半年报/年报 rhythm. */
  periods?: Array<Exclude<PeriodSpan, 'Q1' | 'Q2' | 'Q3' | 'Q4'> | 'quarter'>;
}

const SUPERIOR = /(?:上级党委|上级党组织|上级)(?:是|为|：|:)\s*([\u4e00-\u9fa5（）()]{2,30}?(?:党委|党组|党工委|委员会|县委|市委|区委|省委|州委|旗委))/;
const FULL_UNIT = /(?:单位全称|单位|全称|我们是|我们单位是|本单位是?)(?:是|为|：|:)?\s*((?:中共|中国共产党)?[\u4e00-\u9fa5（）()]{2,30}?(?:宣传部|组织部|统战部|党委|党组|党工委|局|委员会|办公室|中心|政府|街道|乡|镇|学校|学院|医院|公司|集团))(?=[，,。；;\s]|$)/;
// Names are never kept: a profile phrase that carries one (部长张三, 张三同志任副部长, 我是张三) loses it.
const POST = '(?:党组|党委|党工委)?副?(?:书记|部长|局长|主任|县长|市长|区长|镇长|乡长|校长|院长|经理|董事长|主席|组长)';
const PERSON_AFTER_POST = new RegExp(`(${POST})(?:是|为|[：:\\s])*(?!负责|分管|主持|牵头|主抓|抓总|把关|挂帅|带头|亲自|兼任|担任|同志|审核|审定|审签|签字|部署|过问|督办)[\\u4e00-\\u9fa5]{2,3}(?:同志)?(?=[，,。；;、\\s]|$)`, 'g');
// The most frequent surnames (about nine in ten people in China bear one) and the compound ones; 任, 于,
// 常 and 原 are left out, being words of posts (任副部长, 原部长, 常务副部长) far more often than surnames here.
const SURNAME = '(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤])';
// A given name of one or two characters; a run ending in a place or office word (高新区, 王家坝镇) is no name.
const NAME = `${SURNAME}(?:(?![区县市镇乡省州村部局委办厅处科所站院校馆司队室团组])[\\u4e00-\\u9fa5]){1,2}?`;
const AFTER_NAME = '(?:同志|负责|分管|主持|牵头|主抓|兼任|担任|任|[，,。；;、\\s]|$)';
/** 部长张三负责, 书记：李四同志 (a surname after a post, whatever follows). */
const NAME_AFTER_POST = new RegExp(`(${POST})(?:是|为|[：:\\s])*${NAME}(?:同志)?(?=${AFTER_NAME})`, 'g');
/** 张三同志任副部长, 宣传部的张三部长, 王五副部长分管 (a surname before a post). */
const NAME_BEFORE_POST = new RegExp(`(?<=^|[，,。；;：:、\\s是的由和与及部局委办])由?${NAME}(?:同志(?:兼任|担任|任)?|(?:兼任|担任|任)(?=[\\u4e00-\\u9fa5]{0,12}?${POST})|(?=${POST}))`, 'g');
/** 我是张三, 我叫李四, 姓名：王小明. */
const NAME_SELF = new RegExp(`(我是|我叫|本人是?|姓名(?:是|为|[：:])?|联系人(?:是|为|[：:])?)${NAME}(?:同志)?(?=[，,。；;、\\s]|$)`, 'g');

/** `text` with every person's name next to a post or self-introduction removed; `dropped` says whether one was. */
export function dropPersonNames(text: string): { text: string; dropped: boolean } {
  const out = text
    .replace(NAME_SELF, (_m, lead: string) => (lead.startsWith('我') || lead.startsWith('本人') ? '我' : ''))
    .replace(NAME_AFTER_POST, '$1')
    .replace(PERSON_AFTER_POST, '$1')
    .replace(NAME_BEFORE_POST, '');
  return { text: out, dropped: out !== text };
}

/** What a profile message states; absent fields were not said. */
export function parseUnitProfile(text: string): UnitProfile {
  const t = dropPersonNames(text).text;
  const out: UnitProfile = {};
  const unit = FULL_UNIT.exec(t)?.[1] ?? findUnit(t)?.name;
  if (unit) out.unit = unit;
  const sup = SUPERIOR.exec(t)?.[1];
  if (sup) out.superior = sup;
  const role = findRole(t);
  if (role) out.role = role;
  const periods: NonNullable<UnitProfile['periods']> = [];
  if (/半年|上半年|下半年/.test(t)) periods.push('H1', 'H2');
  if (/季度/.test(t)) periods.push('quarter');
  if (/年度|全年|每年|年终|年底/.test(t)) periods.push('year');
  if (periods.length) out.periods = [...new Set(periods)];
  return out;
}

/** A later statement overrides field by field; nothing is dropped silently. */
export const mergeProfile = (old: UnitProfile, update: UnitProfile): UnitProfile => ({ ...old, ...update });

const PERIOD_LABEL = { H1: '上半年', H2: '下半年', year: '年度', quarter: '季度' } as const;

/** The profile in the assumption line: 单位：…；上级党委：…；身份：…；通常报送：… */
export function profileLine(p: UnitProfile): string {
  const parts: string[] = [];
  if (p.unit) parts.push(`单位：${p.unit}`);
  if (p.superior) parts.push(`上级党委：${p.superior}`);
  if (p.role) parts.push(`身份：${roleLabel(p.role)}`);
  if (p.periods?.length) parts.push(`通常报送：${[...new Set(p.periods.map((x) => (x === 'H1' || x === 'H2' ? '半年' : PERIOD_LABEL[x])))].join('、')}报告`);
  return parts.length ? `按本群已确认的单位信息（${parts.join('；')}）起草，如有变化请直接告诉我。` : '';
}

/** What is still missing, asked once: never names. */
export function profileQuestion(p: UnitProfile): string | null {
  const missing = [!p.unit && '单位全称（如“中共某某县委宣传部”）', !p.superior && '上级党委', !p.periods?.length && '通常报送哪些时段（半年、年度）'].filter(Boolean);
  return missing.length ? `为了以后不再每次询问，请确认一次：${missing.join('、')}。不需要提供任何人的姓名。` : null;
}
