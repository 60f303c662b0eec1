import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc, UnitKind } from '../doc.js';
import { periodWord } from '../../period.js';
import { matchAll, reporter } from './util.js';

const report = reporter('consistency', 'consistency');

/** "全年" used as a claim about the period's own results. */
const FULL_YEAR_CLAIM = /(?<!预计|确保|力争|争取|计划|完成)全年(?:共|累计)?(?:开展|组织|举办|召开|完成|发布|新建|举行|培训|接待|处置|发表|刊发|推送|编发|印发|下发|制定|收集|报送|排查|研判|处理|共计)|一年来|本年度(?:共|累计)/g;
/** 下半年 work reported as done in a first-half report (下半年将… is a plan and fine). */
const SECOND_HALF_CLAIM = /下半年(?:以来|来|共|累计|先后|相继|已经?)/g;
const HALF_YEAR_CLAIM = /(?:^|[，。；\n])(?:上)?半年(?:来|以来)/g;
const SELF_REF = /(?<=[我本])(局|校|院|厅|公司|集团|街道|中心(?!工作|任务|组))(?![长内外部属办区际面势])/g;

const COMPATIBLE: Record<UnitKind, readonly string[]> = {
  局: ['局'],
  校: ['校', '院'],
  院: ['院'],
  公司: ['公司', '集团'],
  厅: ['厅'],
  街道: ['街道'],
  中心: ['中心'],
};

const UNIT_NAME: Record<string, string> = { 局: '局', 校: '学校', 院: '院', 厅: '厅', 公司: '公司', 集团: '集团', 街道: '街道', 中心: '中心' };

export const consistencyRule: Rule = {
  id: 'consistency',
  category: 'consistency',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const t = doc.text;
    const span = doc.span;
    if (span && span !== 'year') {
      // 上半年 / 下半年 / 本季度: the report's own word for its period (only the span matters).
      const label = periodWord({ year: 0, span });
      for (const { m, start, end } of matchAll(FULL_YEAR_CLAIM, t)) {
        out.push(report(doc, 'warning', start, end, `本报告是${label}报告，“${m[0].slice(0, m[0].startsWith('全年') ? 2 : 3)}”与报告期不符`, label));
      }
    }
    if (span === 'H1') {
      for (const { m, start, end } of matchAll(SECOND_HALF_CLAIM, t)) {
        out.push(report(doc, doc.periodConfidence === 'high' ? 'warning' : 'info', start, end, `本报告是上半年报告，“${m[0]}”写的是报告期之后的工作`, '核对报告期，或改为下一步打算'));
      }
    }
    if (span === 'year' && doc.title && /年度|全年/.test(doc.title.text)) {
      for (const { m, start, end } of matchAll(HALF_YEAR_CLAIM, t)) {
        const lead = /^[，。；\n]/.test(m[0]) ? 1 : 0;
        out.push(report(doc, 'warning', start + lead, end, `本报告是年度报告，“${m[0].slice(lead)}”与报告期不符`, '今年以来'));
      }
    }
    out.push(...unitWords(doc));
    return out;
  },
};

function unitWords(doc: CritiqueDoc): Finding[] {
  const refs = [...matchAll(SELF_REF, doc.text)].map(({ m, start, end }) => ({ kind: m[1]!, start: start - 1, end }));
  if (refs.length === 0) return [];
  let unit: UnitKind | null = doc.unit;
  if (!unit) {
    // Without a titled unit, the dominant self-reference (≥3 uses, ≥ 3× any other) sets it.
    const counts = new Map<string, number>();
    for (const r of refs) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    const [top, second] = sorted;
    if (top && top[1] >= 3 && (!second || top[1] >= 3 * second[1]) && top[0] in COMPATIBLE) unit = top[0] as UnitKind;
  }
  if (!unit) return [];
  const ok = COMPATIBLE[unit];
  const from = doc.title ? `标题中的单位是${UNIT_NAME[unit]}` : `全文多处自称“我${unit}”`;
  return refs
    .filter((r) => !ok.includes(r.kind))
    .map((r) => report(doc, 'warning', r.start, r.end, `单位称谓不一致：${from}，此处却是“${doc.text.slice(r.start, r.end)}”`, `我${unit}`));
}
