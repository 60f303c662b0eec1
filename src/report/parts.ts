/**
 * The three body parts every report of the genre has. Genres, the outline checker
 * and the structure rule all classify level-1 headings through this one table.
 */

export type PartId = 'practice' | 'problems' | 'plans';

export interface PartSpec {
  id: PartId;
  /** Canonical heading: the one drafts use when the user gives none. */
  canonical: string;
  /** Words that identify a level-1 heading as this part. */
  cues: readonly string[];
}

export const PARTS: readonly PartSpec[] = [
  { id: 'practice', canonical: '工作开展情况及主要做法', cues: ['做法', '开展情况', '落实情况', '履职情况', '基本情况', '主要工作', '工作成效', '取得成效', '工作情况', '履职'] },
  { id: 'problems', canonical: '存在的问题和不足', cues: ['问题', '不足', '差距', '短板', '薄弱'] },
  { id: 'plans', canonical: '下一步工作打算', cues: ['下一步', '打算', '措施', '计划', '思路', '努力方向', '整改'] },
];

/** The spec of a part: partSpec('problems').canonical → 存在的问题和不足. */
export function partSpec(id: PartId): PartSpec {
  return PARTS.find((p) => p.id === id)!;
}

/** Which part a level-1 heading announces, if any. */
export function classifyPart(headingTitle: string): PartId | null {
  const t = headingTitle;
  // "下一步…" and "…整改措施" are plans even when they also mention 问题.
  if (/下一步|打算|今后|努力方向|(整改|改进)措施$/.test(t)) return 'plans';
  if (/问题|不足|差距|短板/.test(t)) return 'problems';
  for (const p of PARTS) if (p.cues.some((c) => t.includes(c))) return p.id;
  return null;
}
