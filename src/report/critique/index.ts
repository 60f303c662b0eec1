/**
 * The rule-based critic (审校): deterministic checks over a pasted report. Pure: no I/O.
 */
import { buildDoc, type CritiqueDoc, type CritiqueOptions } from './doc.js';
import { SEVERITY_RANK, type Finding, type Rule } from './types.js';
import { placeholderRule } from './rules/placeholder.js';
import { markupRule } from './rules/markup.js';
import { punctuationRule } from './rules/punctuation.js';
import { numberingRule } from './rules/numbering.js';
import { structureRule } from './rules/structure.js';
import { formulationRule } from './rules/formulation.js';
import { datesRule } from './rules/dates.js';
import { consistencyRule } from './rules/consistency.js';
import { duplicateRule } from './rules/duplicate.js';
import { styleRule } from './rules/style.js';
import { debrisRule } from './rules/debris.js';
import { layoutRule } from './rules/layout.js';
import { xiRule } from './rules/xi.js';
import { periodRule } from './rules/period.js';
import { titleRule } from './rules/title.js';
import { countsRule, numbersRule } from './rules/numbers.js';
import { evidenceRule } from './rules/evidence.js';
import { unitWordsRule } from './rules/unit-words.js';
import { contextOf } from './doc.js';
import { simplifiedForm, traditionalForm } from './script.js';
import { traditionalScript, typoRule } from './rules/typo.js';
import { lineIndex } from './format.js';

export type { Finding, Category, Severity, Rule } from './types.js';
export type { CritiqueDoc, CritiqueOptions, UnitWord } from './doc.js';
export { buildDoc } from './doc.js';
export { formatFindingsBrief, formatFindingsCard, formatFindingsMarkdown, formatFindingsText, lineCol } from './format.js';

export const RULES: readonly Rule[] = [
  debrisRule,
  titleRule,
  layoutRule,
  xiRule,
  periodRule,
  placeholderRule,
  markupRule,
  punctuationRule,
  numberingRule,
  structureRule,
  formulationRule,
  datesRule,
  typoRule,
  consistencyRule,
  duplicateRule,
  styleRule,
  numbersRule,
  countsRule,
  evidenceRule,
  unitWordsRule,
];

export function critique(text: string, opts: CritiqueOptions = {}): Finding[] {
  return critiqueDoc(buildDoc(text, opts));
}

/** Run every rule on an already parsed document (callers that also need its period or unit). */
export function critiqueDoc(doc: CritiqueDoc): Finding[] {
  // A page a site converted to traditional script: every rule reads its simplified copy (same offsets), and the
  // script itself is one finding on the writer's text.
  const simple = simplifiedForm(doc.text);
  const read = simple === null ? doc : buildDoc(simple, { now: doc.now, unitWords: doc.unitWords, fromPdf: doc.fromPdf, ...(doc.period ? { period: doc.period } : {}) });
  const checked = recheckReplacements(read, runRules(read));
  const found = simple === null ? checked : inTraditionalPage(doc, simple, checked);
  const pos = lineIndex(doc.text);
  return found.map((f) => {
    const { line, col } = pos(f.start);
    return { ...f, line, col, context: contextOf(doc.text, f.start, f.end) };
  });
}

/**
 * A page in traditional script: its corner quotes 「」『』 are that script's own marks (r101, r114 keep them; r76 marked
 * them), so converting the page converts them too — one script finding that says so, not one per mark.
 */
function inTraditionalPage(doc: CritiqueDoc, simple: string, checked: Finding[]): Finding[] {
  const corner = (f: Finding) => f.rule === 'punctuation' && f.end - f.start === 1 && '「」『』'.includes(doc.text[f.start]!);
  const script = traditionalScript(doc);
  if (checked.some(corner)) for (const f of script) f.suggestion = '全文转换为简体（规范汉字），直角引号「」『』改为“”‘’，然后再审校';
  return [...script, ...inScriptOf(doc.text, simple, checked.filter((f) => !corner(f)))].sort((a, b) => a.start - b.start);
}

/**
 * Replacements found on the simplified copy, written back in the page's own script where the page shows the
 * character (牢記使命: the fix keeps 記), so applying one does not mix the scripts.
 */
function inScriptOf(original: string, simple: string, findings: Finding[]): Finding[] {
  const back = new Map<string, string>();
  for (let i = 0; i < simple.length; i++) if (simple[i] !== original[i] && !back.has(simple[i]!)) back.set(simple[i]!, original[i]!);
  // A character the page does not show takes its traditional form (习 → 習), so the fix is in one script too.
  const write = (r: string) => [...r].map((c) => back.get(c) ?? traditionalForm(c)).join('');
  return findings.map((f) => (f.replacement ? { ...f, replacement: write(f.replacement) } : f));
}

function runRules(doc: CritiqueDoc): Finding[] {
  const all: Finding[] = [];
  for (const rule of RULES) all.push(...rule.check(doc));
  return dedupe(all);
}

const serious = (f: Finding) => f.severity !== 'info';

/**
 * The rules a local edit can affect (words, marks, spaces, sentences, and a heading's marker or the title's own
 * words, which one replacement can touch). The others judge the whole report (its period, parts, evidence, numbers),
 * which one replacement inside a sentence does not change.
 */
const LOCAL_RULES = new Set(['typo', 'formulation', 'xi', 'punctuation', 'placeholder', 'layout', 'duplicate', 'markup', 'unit-words', 'numbering', 'title']);

function runLocal(text: string, opts: CritiqueOptions): Finding[] {
  const doc = buildDoc(text, opts);
  const all: Finding[] = [];
  for (const rule of RULES) if (LOCAL_RULES.has(rule.id)) all.push(...rule.check(doc));
  return dedupe(all).filter(serious);
}

/**
 * A wrapped copy's break deleted (layout, whitespace with a line break → nothing or one space) joins the lines of one
 * paragraph. Whatever the joined text shows was in it already, hidden by the break (a word split over two lines), so it
 * is no reason to withhold the join: these fixes are not re-checked (a copy can have hundreds of them).
 */
function joinsWrap(doc: CritiqueDoc, f: Finding): boolean {
  return f.rule === 'layout' && (f.replacement === '' || f.replacement === ' ') && /^\s*\n\s*$/.test(doc.text.slice(f.start, f.end));
}

type Edit = { f: Finding; a: number; z: number; rep: string };
interface Window { start: number; end: number; fixes: Finding[] }

/**
 * Every replacement is checked by running the rules again with the fix applied: a fix that brings a new
 * error or warning (or leaves its own) is not safe to apply as written, so it becomes advice. Each fix is
 * read in its window (the sentence it is in); all windows go through the rules together, once as written
 * and once fixed, and only a window where something new appears is checked fix by fix.
 */
function recheckReplacements(doc: CritiqueDoc, findings: Finding[]): Finding[] {
  const opts = { now: doc.now, unitWords: doc.unitWords, ...(doc.period ? { period: doc.period } : {}) };
  const windows: Window[] = [];
  for (const f of findings) {
    if (f.replacement === undefined || joinsWrap(doc, f)) continue;
    const b = doc.blocks.find((x) => x.start <= f.start && f.end <= x.end);
    if (!b) continue;
    const inBlock = doc.sentences.filter((x) => x.start >= b.start && x.end <= b.end);
    const i = inBlock.findIndex((x) => x.end > f.start);
    const j = inBlock.findLastIndex((x) => x.start < f.end);
    const start = i < 0 ? b.start : inBlock[i]!.start;
    const end = j < 0 ? b.end : Math.max(inBlock[j]!.end, f.end);
    const last = windows.at(-1);
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      last.fixes.push(f);
    } else windows.push({ start, end, fixes: [f] });
  }
  if (windows.length === 0) return findings;
  const edits = (w: Window, fixes: Finding[]): Edit[] => fixes.map((f) => ({ f, a: f.start - w.start, z: f.end - w.start, rep: f.replacement! })).filter((e, k, all) => k === 0 || e.a >= all[k - 1]!.z);
  const suspect = checkWindows(doc.text, windows.map((w) => ({ w, edits: edits(w, w.fixes) })), opts, findings);
  const downgrade = new Map<Finding, Finding>();
  for (const w of suspect) {
    for (const f of w.fixes) {
      if (checkWindows(doc.text, [{ w, edits: edits(w, [f]) }], opts, findings).length === 0) continue;
      const { replacement, ...rest } = f;
      downgrade.set(f, { ...rest, suggestion: `${f.suggestion && f.suggestion !== replacement ? `${f.suggestion}；` : ''}可考虑改为“${replacement}”，但照此替换后会引出新的问题，请人工核对` });
    }
  }
  return downgrade.size === 0 ? findings : findings.map((f) => downgrade.get(f) ?? f);
}

/**
 * The windows where the edits bring an error or warning that was not there (the fixed findings excepted).
 * The fixed windows go through the rules first. A finding there that the whole text already has (same rule,
 * same place, not one being fixed) is old; only windows left with anything else go through again, as
 * written and fixed, to tell new findings from old ones. Most fixes leave their window clean or as it was.
 */
function checkWindows(text: string, items: { w: Window; edits: Edit[] }[], opts: CritiqueOptions, known: Finding[]): Window[] {
  const first = joinWindows(text, items);
  const after = runLocal(first.fixed, opts);
  const busy = new Set<number>();
  for (const g of after) {
    const k = first.spans.findLastIndex((x) => x.f <= g.start);
    const sp = first.spans[k];
    if (!sp || g.start > sp.f + sp.fLen || busy.has(k)) continue;
    const [s, e] = toOriginal(sp, g);
    const fixing = new Set(sp.edits.map((x) => x.f));
    const old = known.some((o) => o.rule === g.rule && serious(o) && !fixing.has(o) && o.start < sp.w.start + e && Math.max(o.end, o.start + 1) > sp.w.start + s);
    if (!old) busy.add(k);
  }
  if (busy.size === 0) return [];
  if (busy.size === items.length) return compareWindows(first, runLocal(first.orig, opts), after);
  const again = joinWindows(text, items.filter((_, k) => busy.has(k)));
  return compareWindows(again, runLocal(again.orig, opts), runLocal(again.fixed, opts));
}

type Span = Joined['spans'][number];

/** A finding in a fixed window, back at the window's original offsets: text after an edit moves by its delta; inside an edit maps to its start. */
function toOriginal(sp: Span, g: Finding): [number, number] {
  const back = (i: number) => {
    let shift = 0;
    for (const e of sp.edits) {
      const at = e.a + shift;
      if (i <= at) break;
      if (i < at + e.rep.length) return e.a;
      shift += e.rep.length - (e.z - e.a);
    }
    return i - shift;
  };
  const s = back(g.start - sp.f);
  return [s, Math.max(back(g.end - sp.f), s + 1)];
}

interface Joined {
  orig: string;
  fixed: string;
  spans: { w: Window; edits: Edit[]; o: number; f: number; fLen: number }[];
}

/** The windows as written and fixed, each joined into one text (a blank line between windows). */
function joinWindows(text: string, items: { w: Window; edits: Edit[] }[]): Joined {
  const SEP = '\n\n';
  let orig = '';
  let fixed = '';
  const spans = items.map(({ w, edits }) => {
    const o = text.slice(w.start, w.end);
    let f = '';
    let last = 0;
    for (const e of edits) {
      f += o.slice(last, e.a) + e.rep;
      last = e.z;
    }
    f += o.slice(last);
    const at = { w, edits, o: orig.length, f: fixed.length, fLen: f.length };
    orig += o + SEP;
    fixed += f + SEP;
    return at;
  });
  return { orig, fixed, spans };
}

function compareWindows({ spans }: Joined, before: Finding[], after: Finding[]): Window[] {
  const bad = new Set<Window>();
  for (const g of after) {
    const sp = spans.findLast((x) => x.f <= g.start);
    if (!sp || g.start > sp.f + sp.fLen) continue;
    const [a, z] = toOriginal(sp, g);
    const s = sp.o + a;
    const e = sp.o + z;
    const known = before.some((o) => o.rule === g.rule && o.start < e && Math.max(o.end, o.start + 1) > s && !sp.edits.some((x) => x.f.rule === o.rule && o.start === sp.o + x.a && o.end === sp.o + x.z));
    if (!known) bad.add(sp.w);
  }
  return [...bad];
}

/**
 * One finding per defect. Sort by position; of overlapping findings in one category keep the most
 * severe (then the first); of findings on the same span keep the most severe; inside pasted page
 * chrome (one debris finding) nothing else is reported.
 */
export function dedupe(findings: Finding[]): Finding[] {
  // Chrome to delete (an error) holds nothing else worth fixing, however short (分享: needs no full-width colon).
  const debris = findings.filter((f) => f.category === 'debris' && (f.end - f.start > 8 || f.severity === 'error'));
  const inDebris = (f: Finding) => f.category !== 'debris' && debris.some((d) => f.start >= d.start && f.end <= d.end);
  const spans = new Map<string, Finding>();
  for (const f of findings) {
    if (inDebris(f)) continue;
    const key = `${f.start}:${f.end}`;
    const prev = spans.get(key);
    if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) spans.set(key, f);
  }
  findings = findings.filter((f) => !inDebris(f) && spans.get(`${f.start}:${f.end}`) === f);
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const kept: Finding[] = [];
  const lastByCategory = new Map<string, number>();
  for (const f of sorted) {
    const i = lastByCategory.get(f.category);
    const prev = i === undefined ? undefined : kept[i];
    if (prev && f.start < prev.end && f.end > prev.start) {
      // The overlap is the same defect: keep the more severe, else the earlier finding.
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) kept[i!] = f;
      continue;
    }
    lastByCategory.set(f.category, kept.length);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
