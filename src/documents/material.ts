import { recordsPeriod, type ReportPeriod } from '../report/period.js';
import { extractFacts } from '../report/request.js';

/**
 * 根据这份台账写… / 参考附件起草… / 用上面的材料写提纲: the writer wants a draft built on
 * the material, not a critique of it.
 */
const MATERIAL_REQUEST = /(根据|依据|参考|参照|结合|按照|照着|基于|利用|用)[\s\S]{0,24}?(写|起草|草拟|拟|撰写|生成|整理|形成|出)/;

export function isMaterialRequest(words: string): boolean {
  return MATERIAL_REQUEST.test(words);
}

export interface Material {
  /** The material's name as the writer knows it (file name, document title). */
  source: string;
  /**
   * A model document (last year's report, a 范文) shows how to write, not what happened:
   * its period is never the draft's. Fact material (a 台账) is everything else.
   */
  model: boolean;
  /** The period fact material records (its title, else its dated entries); never a model document's. */
  period?: ReportPeriod;
  /** The facts the draft may use, in the material's order. */
  facts: string[];
  /** How many the material held before condensing. */
  found: number;
  /** One line for the card: what was taken from where. */
  note: string;
}

// Words that ask to follow a document's form: 参照去年的报告写, 按这篇范文的格式.
const MODEL_WORDS = /范文|模板|样稿|样本|仿照|模仿|照着|(?:按|照|参照|参考)[^，。]{0,8}(?:格式|写法)|(?:去年|上年|往年|上一年|以前|之前)的?[\s\S]{0,6}(?:报告|汇报|总结|述职|材料)/;
const LEDGER_NAME = /台账|清单|明细|统计|登记|记录|一览|汇总表|台帐/;
const REPORT_TITLE = /(?:报告|汇报|总结|述职报告|计划|情况)(?:[（(](?:定稿|终稿|送审稿|修改稿|初稿)[）)])?$/;

/**
 * Whether material is a model document rather than facts: the words ask to follow it, or
 * it reads as a finished report (a report title, then the 如下 formula or 一、 headings)
 * and is not named as a ledger. A later issue lets the writer say which is which.
 */
export function isModelDocument(text: string, source: string, words = ''): boolean {
  if (MODEL_WORDS.test(words)) return true;
  if (LEDGER_NAME.test(source) || /台账|台帐/.test(words)) return false;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const title = lines.slice(0, 3).find((l) => l.length <= 60 && REPORT_TITLE.test(l));
  if (!title || LEDGER_NAME.test(title)) return false;
  return /如下[：:]/.test(text) || lines.filter((l) => /^[一二三四五六七八九十]、/.test(l)).length >= 2;
}

/** Rank a fact for keeping: numbers and named events first, short over long. */
function weight(f: string): number {
  const numbers = (f.match(/\d+(\.\d+)?/g) ?? []).length;
  const named = /[《“].+[》”]/.test(f) ? 2 : 0;
  return numbers * 2 + named - f.length / 200;
}

/**
 * The user's facts from a document, condensed to `budget` characters: every clause with a
 * number, an event or a name (the drafting request's own fact finder), duplicates dropped,
 * and when they do not fit, the weightiest kept in their original order and the note says
 * how many were left out. The period comes from fact material only (see `isModelDocument`).
 */
export function materialFacts(text: string, source: string, budget: number, words = ''): Material {
  const seen = new Set<string>();
  // Whole lines and sentences, not the request parser's comma clauses: a 台账 row or a
  // sentence keeps its subject next to its number.
  const units = text.split(/\n|(?<=[。；！？])/).map((u) => u.replace(/\s+/g, ' ').trim()).filter((u) => extractFacts(u).length > 0);
  const all = units.filter((f) => {
    const key = f.replace(/\s/g, '');
    if (key.length < 4 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let facts = all;
  const size = (xs: string[]) => xs.reduce((n, f) => n + f.length + 4, 0);
  if (size(all) > budget) {
    const order = all.map((f, i) => ({ f, i, w: weight(f) })).sort((a, b) => b.w - a.w || a.i - b.i);
    const keep = new Set<number>();
    let used = 0;
    for (const x of order) {
      const cost = Math.min(x.f.length, 160) + 4;
      if (used + cost > budget) continue;
      keep.add(x.i);
      used += cost;
    }
    facts = all.filter((_, i) => keep.has(i)).map((f) => (f.length > 160 ? `${f.slice(0, 159)}…` : f));
  }
  const numbers = facts.filter((f) => /\d/.test(f)).length;
  const note = !all.length
    ? `材料“${source}”里没有找到可用的数字、事例或名称，起草时这些内容仍以【待补充】占位。`
    : `从材料“${source}”中取用了 ${facts.length} 条事实（其中 ${numbers} 条含数字），起草只使用这些事实，其余一律以【待补充】占位${facts.length < all.length ? `；材料较长，共找到 ${all.length} 条，按篇幅上限优先保留了含数字和具名事项的 ${facts.length} 条` : ''}。`;
  const model = isModelDocument(text, source, words);
  const period = model ? undefined : recordsPeriod(text, source) ?? undefined;
  return { source, model, ...(period ? { period } : {}), facts, found: all.length, note };
}
