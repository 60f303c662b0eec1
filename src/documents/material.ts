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
  /** The facts the draft may use, in the material's order. */
  facts: string[];
  /** How many the material held before condensing. */
  found: number;
  /** One line for the card: what was taken from where. */
  note: string;
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
 * how many were left out.
 */
export function materialFacts(text: string, source: string, budget: number): Material {
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
  return { facts, found: all.length, note };
}
