/**
 * Model or facts (issue 23 item 1). A model (last period's report, a 范文) lends structure,
 * headings, paragraph roles and phrasing, never facts; facts come only from this period's
 * material and the writer's words. Decided from the words, then from the document, and the
 * writer may correct it (“这份是台账”).
 */
import { findPeriod, findReportPeriod, periodLabel, type ReportPeriod } from '../period.js';
import { parseNumeral } from '../../text/numerals.js';

export type MaterialKind = 'model' | 'facts';

/** Why a file was taken as it was, for the one-line statement. */
export type KindReason = 'correction' | 'words' | 'earlier-report' | 'report' | 'ledger' | 'default';

export interface KindDecision {
  kind: MaterialKind;
  reason: KindReason;
  /** The words that decided it (参考去年的报告), for the statement. */
  cue?: string;
  /** For a report taken as a model: the period it reports on. */
  reportPeriod?: ReportPeriod;
}

// 参考/照着/仿照/按去年的…: follow its form. 参考 and 参照 ask for a model too: the writer's
// own facts are given with 根据/依据/用.
const MODEL_CUE = /(?:参考|参照|照着|仿照|模仿|比照|对照|借鉴|学习)[^，。；,;]{0,12}?(?:写|起草|格式|写法|框架|结构|模板|范文|报告|材料|稿|来)|(?:按|照)(?:去年|上年|往年|上一年|上半年|以前|之前)的?[^，。；,;]{0,8}|范文|模板|样稿|样本|(?:去年|上年|往年|上一年|往期|上期)的?(?:报告|汇报|总结|述职|材料|稿子)/;
const FACT_CUE = /(?:根据|依据|按照|基于|利用|结合|用)[^，。；,;]{0,10}?(?:台账|台帐|记录|清单|明细|统计|登记表|汇总|数据|表格|表)|台账|台帐/;
const LEDGER_NAME = /台账|台帐|清单|明细|统计|登记|记录|一览|汇总表/;
const REPORT_TITLE = /(?:报告|汇报|总结|述职报告|计划|情况)(?:[（(](?:定稿|终稿|送审稿|修改稿|初稿)[）)])?$/;

/** The cue in the words, if any: which kind they ask for. */
export function kindFromWords(words: string): { kind: MaterialKind; cue: string } | { kind: 'both'; model: string; facts: string } | null {
  const m = MODEL_CUE.exec(words);
  const f = FACT_CUE.exec(words);
  // “根据这份台账，参照去年的格式” names both: each file is matched by what it is.
  if (m && f) return { kind: 'both', model: m[0], facts: f[0] };
  if (m) return { kind: 'model', cue: m[0] };
  if (f) return { kind: 'facts', cue: f[0] };
  return null;
}

/** A finished report: a report title in its first lines, then 如下： or two 一、 headings. */
export function readsAsReport(text: string, source = ''): { title: string } | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const title = lines.slice(0, 3).find((l) => l.length <= 60 && REPORT_TITLE.test(l) && !LEDGER_NAME.test(l));
  if (!title || LEDGER_NAME.test(source)) return null;
  const structured = /如下[：:]/.test(text) || lines.filter((l) => /^[一二三四五六七八九十]、/.test(l)).length >= 2;
  return structured ? { title } : null;
}

const order = (p: ReportPeriod) => p.year * 10 + (p.span === 'H2' || p.span === 'Q3' || p.span === 'Q4' ? 5 : p.span === 'year' ? 9 : 1);

/** Whether report period `a` lies before `b` (an earlier year, or the first half before the second). */
export function periodBefore(a: ReportPeriod, b: ReportPeriod): boolean {
  if (a.year !== b.year) return a.year < b.year;
  return order(a) < order(b) && a.span !== 'year';
}

export interface KindInput {
  text: string;
  source: string;
  /** Tabular material (a spreadsheet, a bitable, OCR of a table) is facts unless corrected. */
  tabular?: boolean;
}

/**
 * How one file is taken. `target` is the period being reported on (from the request, else
 * from fact material, else the current period). Order: the writer's correction, the
 * document's own nature (a table is facts; a report for an earlier period is a model),
 * the words, and otherwise facts.
 */
export function decideKind(input: KindInput, words: string, target?: ReportPeriod, correction?: MaterialKind): KindDecision {
  if (correction) return { kind: correction, reason: 'correction' };
  const w = kindFromWords(words);
  if (input.tabular) {
    // Only a word that names this very table as a model overrides its being a table.
    const base = input.source.replace(/\.[A-Za-z0-9]+$/, '');
    if (w?.kind === 'model' && base.length >= 2 && w.cue.includes(base)) return { kind: 'model', reason: 'words', cue: w.cue };
    return { kind: 'facts', reason: 'ledger' };
  }
  const report = readsAsReport(input.text, input.source);
  const lines = input.text.split('\n').map((l) => l.trim()).filter(Boolean);
  const found = report ? findReportPeriod(report.title, lines.slice(1, 4).join('\n'), new Date(0)) : null;
  const period = found ? { reportPeriod: found.period } : {};
  if (found && target && periodBefore(found.period, target)) return { kind: 'model', reason: 'earlier-report', reportPeriod: found.period };
  if (w?.kind === 'model') return { kind: 'model', reason: 'words', cue: w.cue, ...period };
  if (w?.kind === 'both') return report ? { kind: 'model', reason: 'words', cue: w.model, ...period } : { kind: 'facts', reason: 'words', cue: w.facts };
  if (w?.kind === 'facts') return { kind: 'facts', reason: 'words', cue: w.cue };
  if (LEDGER_NAME.test(input.source)) return { kind: 'facts', reason: 'ledger' };
  if (report) return { kind: 'model', reason: 'report', ...period };
  return { kind: 'facts', reason: 'default' };
}

/** The one line the card shows per file: how it was taken, and how to say otherwise. */
export function kindStatement(source: string, d: KindDecision, target: ReportPeriod, facts?: number): string {
  if (d.kind === 'model') {
    const why =
      d.reason === 'correction' ? '按你的更正' :
      d.reason === 'earlier-report' ? `它是${periodLabel(d.reportPeriod!)}的报告，早于本次的${periodLabel(target)}` :
      d.reason === 'words' ? `你说“${d.cue}”` :
      '它是一篇成稿报告';
    return `“${source}”作为范文使用（${why}）：只参考结构、标题和写法，其中的数字、日期、会议、活动、文件名和引语都不当作本期事实，沿用处标【待更新】。如果它其实是本期的台账，请回复“这份是台账”。`;
  }
  const why = d.reason === 'correction' ? '按你的更正' : d.reason === 'ledger' ? '它是台账/表格' : d.reason === 'words' ? `你说“${d.cue}”` : '它不是往期报告';
  return `“${source}”作为本期事实材料使用（${why}）${facts !== undefined ? `，取用 ${facts} 条，每条注明出处` : ''}。如果它其实是往年的报告或范文，请回复“这份是范文”。`;
}

export interface KindCorrection {
  kind: MaterialKind;
  /** Which file: its 1-based position among the thread's materials, or part of its name; absent = the only/last one. */
  index?: number;
  name?: string;
}

/**
 * The writer correcting how a file was taken: 这份是台账 / 这份是范文 / 第二个文件是台账 /
 * 《去年报告》是范文不是台账 / 去年的报告只是参考. Null when the words are not a correction.
 */
export function parseKindCorrection(text: string): KindCorrection | null {
  const t = text.trim().replace(/^@\S+\s*/, '');
  if (t.length > 40) return null;
  const m = /^(?:(这份|这个|这篇|上面的?|刚才的?|那份)|第([一二两三四五1-5])(?:份|个|篇)|《([^》]{1,30})》|“([^”]{1,30})”|([^，。\s]{1,20}?))(?:文件|材料|附件|文档|表格?)?(?:其实|实际上|应该)?(?:是|算|当作?|作为)(?:本期的?|今年的?)?(台账|台帐|事实材料|事实|数据|记录|范文|模板|样稿|参考|往年的?报告|去年的?报告)(?:[，,]?(?:不是|而不是)[^。]{0,8})?[。！!]?$/.exec(t);
  if (!m) return null;
  const kind: MaterialKind = /范文|模板|样稿|参考|报告/.test(m[6]!) ? 'model' : 'facts';
  if (m[2]) return { kind, index: parseNumeral(m[2])! };
  const name = m[3] ?? m[4] ?? m[5];
  if (name && !/^(它|这|那)$/.test(name)) return { kind, name };
  return { kind };
}

/**
 * The period being reported on (issue 18 item 5): the request's, else the period fact
 * material records (never a model's), else `fallback` (the current period by the clock).
 */
export function targetPeriod(words: string, now: Date, factPeriods: readonly ReportPeriod[], fallback: ReportPeriod): { period: ReportPeriod; from: 'request' | 'facts' | 'default' } {
  const asked = findPeriod(words, now);
  if (asked) return { period: asked, from: 'request' };
  const recorded = factPeriods[0];
  if (recorded) return { period: recorded, from: 'facts' };
  return { period: fallback, from: 'default' };
}
