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
// Names are never kept: a profile phrase that carries one (部长张三, 书记：李四) loses it.
const PERSON_AFTER_POST = /((?:书记|部长|局长|主任|县长|市长|镇长|乡长|校长|院长|经理|董事长))[：:\s]*[\u4e00-\u9fa5]{2,3}(?=[，,。；;\s]|$)/g;

/** What a profile message states; absent fields were not said. */
export function parseUnitProfile(text: string): UnitProfile {
  const t = text.replace(PERSON_AFTER_POST, '$1');
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
