import { carryOver } from '../report/material/check.js';
import { decideKind, kindStatement, readsAsReport, targetPeriod, type KindDecision, type MaterialKind } from '../report/material/kind.js';
import type { SourcedFact } from '../report/material/facts.js';
import { periodRange, recordsPeriod, type ReportPeriod } from '../report/period.js';
import { defaultPeriod, extractFacts } from '../report/request.js';

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
  /** One line for the card: how the file was taken (model or facts), what was taken, how to correct it. */
  note: string;
  /** How the file was taken and why (issue 23). */
  kind: KindDecision;
  /**
   * A model's text for the prompt, every number, date, event, title and quotation already
   * marked 【待更新：去年为“……”】: structure and phrasing only. Absent for fact material.
   */
  example?: string;
  /** The model's own text (unmarked), for carry-over marking and the overlap cap on the draft. */
  modelText?: string;
  /** The facts taken, each with its address (file · sheet · row, record, line): what provenance traces to. */
  sourced: SourcedFact[];
}

export interface MaterialOptions {
  /** The clock, for the current period when neither the words nor the material name one. */
  now?: Date;
  /** The writer's correction (这份是台账 / 这份是范文). */
  correction?: MaterialKind;
  /** A table (spreadsheet, bitable): facts unless corrected. */
  tabular?: boolean;
  /** This period's facts from other material in the same request, for the model's marking. */
  facts?: readonly SourcedFact[];
  /** The material's facts with their addresses as read (a spreadsheet's rows, a bitable's records). */
  sourced?: readonly SourcedFact[];
  /** How the material reached the bot, for the address of a fact read from its text. */
  origin?: 'file' | 'message';
}

/** A 台账 line as ledgerText writes it: the row's text, then （sheet·第N行）. */
const ROW_SUFFIX = /（([^（）]*)·第(\d+)行）$/;

/** A kept fact line with its address: the row a 台账 line names, else the line of the text it was read from. */
function sourcedOf(line: string, text: string, source: string, origin: 'file' | 'message'): SourcedFact {
  const row = ROW_SUFFIX.exec(line);
  if (row) return { text: line.slice(0, row.index), address: { origin: 'file', source, sheet: row[1]!, row: Number(row[2]) } };
  const at = text.split('\n').findIndex((l) => l.replace(/\s+/g, ' ').includes(line.slice(0, 20)));
  return { text: line, address: { origin, source, ...(at >= 0 ? { row: at + 1 } : {}) } };
}

/**
 * Whether material is a model document rather than facts: the words ask to follow it, or it
 * reads as a finished report and is not named as a ledger (report/material/kind.ts decides).
 */
export function isModelDocument(text: string, source: string, words = ''): boolean {
  return decideKind({ text, source }, words).kind === 'model';
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
export function materialFacts(text: string, source: string, budget: number, words = '', opts: MaterialOptions = {}): Material {
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
  const target = targetPeriod(words, opts.now ?? new Date(), readsAsReport(text, source) ? [] : [recordsPeriod(text, source)].filter((p): p is ReportPeriod => !!p), defaultPeriod(words, opts.now ?? new Date())).period;
  const kind = decideKind({ text, source, ...(opts.tabular ? { tabular: true } : {}) }, words, target, opts.correction);
  if (kind.kind === 'model') {
    // Last period's facts are never this period's: none is taken, and the text the prompt
    // sees has each of them marked already (stale meetings and campaigns already the table's current ones).
    const marked = carryOver(text, text, opts.facts ?? [], periodRange(target)).text;
    const example = marked.length > budget ? `${marked.slice(0, budget - 1)}…` : marked;
    return { source, model: true, kind, facts: [], found: 0, note: kindStatement(source, kind, target), example, modelText: text, sourced: [] };
  }
  const period = recordsPeriod(text, source) ?? undefined;
  const kept = new Set(facts.map((f) => f.replace(ROW_SUFFIX, '')));
  const sourced = opts.sourced ? opts.sourced.filter((f) => kept.has(f.text) || !facts.length) : facts.map((f) => sourcedOf(f, text, source, opts.origin ?? 'file'));
  return { source, model: false, kind, ...(period ? { period } : {}), facts, found: all.length, note: `${kindStatement(source, kind, target)}${note}`, sourced: sourced.length ? sourced : facts.map((f) => sourcedOf(f, text, source, opts.origin ?? 'file')) };
}

/** One file, link or message given with a drafting request, as read: kept with the thread so a correction can re-decide it. */
export interface MaterialItem {
  source: string;
  text: string;
  tabular?: boolean;
  origin?: 'file' | 'message';
  /** Facts with their addresses as read (spreadsheet rows, bitable records, confirmed OCR lines). */
  sourced?: SourcedFact[];
  /** The writer's correction of how it is taken. */
  correction?: MaterialKind;
}

/**
 * Every item of a request taken as a model or as facts (each deciding on its own, the words
 * and the writer's corrections applied), then each model's example marked against the
 * facts of all the others: last year's 12次 shows as this period's 15次 where a 台账 counts it.
 */
export function buildMaterials(items: readonly MaterialItem[], words: string, budget: number, now: Date): Material[] {
  const each = Math.max(1500, Math.floor(budget / Math.max(1, items.length)));
  const opts = (it: MaterialItem, facts?: readonly SourcedFact[]): MaterialOptions => ({
    now,
    ...(it.correction ? { correction: it.correction } : {}),
    ...(it.tabular ? { tabular: true } : {}),
    ...(it.sourced ? { sourced: it.sourced } : {}),
    ...(it.origin ? { origin: it.origin } : {}),
    ...(facts ? { facts } : {}),
  });
  const first = items.map((it) => materialFacts(it.text, it.source, each, words, opts(it)));
  const facts = first.filter((m) => !m.model).flatMap((m) => m.sourced);
  return items.map((it, i) => (first[i]!.model ? materialFacts(it.text, it.source, each, words, opts(it, facts)) : first[i]!));
}
