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
    out.push(...twoForms(doc));
    return out;
  },
};

/**
 * Two words that differ by one character of the same sound, both real words, where one text uses one throughout
 * and the other once: 督查 (督促检查, a unit's own inspection) and 督察 (an authority's oversight: 环保督察, 警务督察).
 * The lone form is the slip when the text writes the same collocation with its own form, unless its context asks for it.
 */
const FORM_PAIRS: readonly { a: string; b: string; keep: Record<string, { before?: RegExp; after?: RegExp }> }[] = [
  {
    a: '督查',
    b: '督察',
    keep: {
      督察: { before: /(?:环保|生态环境|环境保护|土地|自然资源|警务|巡视|中央|国家|派驻)[\u4e00-\u9fff]{0,2}$/, after: /^[长员]/ },
      督查: { after: /^(?:督办|检查|考核)/ },
    },
  },
];

function twoForms(doc: CritiqueDoc): Finding[] {
  const t = doc.text;
  const out: Finding[] = [];
  for (const { a, b, keep } of FORM_PAIRS) {
    const at = (w: string) => [...t.matchAll(new RegExp(w, 'g'))].map((m) => m.index);
    const [as, bs] = [at(a), at(b)];
    if (as.length === 0 || bs.length === 0) continue;
    const [main, lone, where] = as.length >= 2 && bs.length === 1 ? [a, b, bs[0]!] : bs.length >= 2 && as.length === 1 ? [b, a, as[0]!] : [null, null, 0];
    if (!main || !lone) continue;
    const ctx = keep[lone];
    if (ctx?.before?.test(t.slice(Math.max(0, where - 8), where)) || ctx?.after?.test(t.slice(where + 2, where + 6))) continue;
    // A clear slip only: the text writes the same collocation with its own form (专项督查 … 专项督察; 督查组 … 督察组).
    const left = t.slice(Math.max(0, where - 2), where);
    const right = t[where + 2] ?? '';
    const same = (/^[\u4e00-\u9fff]{2}$/.test(left) && t.includes(left + main)) || (/[\u4e00-\u9fff]/.test(right) && t.includes(main + right));
    if (!same) continue;
    out.push(report(doc, 'warning', where, where + 2, `用词前后不一：全文多处写作“${main}”，此处写作“${lone}”`, main, main));
  }
  return out;
}

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
