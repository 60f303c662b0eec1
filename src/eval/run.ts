/** Runs the evaluation set through the same flow service the bot uses and tabulates the scores. */
import type { ChatModel } from '../llm/chat-model.js';
import type { PromptLibrary } from '../llm/prompts.js';
import { draftOutline } from '../flows/drafting/outline.js';
import { draftSection } from '../flows/drafting/sections.js';
import { newThreadState } from '../flows/drafting/state.js';
import { chatResidue } from '../report/model-output.js';
import { renderOutline } from '../report/outline.js';
import { getGenre } from '../report/genres.js';
import { periodLabel } from '../report/period.js';
import { parseRequest } from '../report/request.js';
import type { EvalCase } from './cases.js';
import { scoreOutline, type CaseScore } from './score.js';

export interface EvalRow extends CaseScore {
  id: string;
  genre: string;
  unit: string;
  period: string;
  /** Request understanding matched the expected genre and period. */
  understood: boolean;
  repaired: boolean;
  /** The model's raw answers carried chat text (preambles, notes, Markdown, reasoning) that was cleaned. */
  chatty: boolean;
  /** Chat text left in the cleaned outline or section after cleaning: the “chat text leaked” score. */
  leaked: string[];
  ms: number;
  error?: string;
}

export async function runEval(opts: { model: ChatModel; prompts: PromptLibrary; cases: readonly EvalCase[]; onRow?: (row: EvalRow) => void }): Promise<EvalRow[]> {
  const rows: EvalRow[] = [];
  for (const c of opts.cases) {
    const now = new Date(c.now);
    const req = parseRequest(c.text, now);
    const genre = getGenre(req.genre);
    const understood = req.genre === c.expect.genre && req.period.year === c.expect.year && req.period.span === c.expect.span;
    const base = { id: c.id, genre: genre.short, unit: req.unit.name ?? '（未说明）', period: periodLabel(req.period), understood };
    const t0 = Date.now();
    let row: EvalRow;
    try {
      const r = await draftOutline({ model: opts.model, prompts: opts.prompts, request: req, genre, now });
      // One section as well: sections are where closing remarks and 修改说明 show up.
      const state = { ...newThreadState(req, now), outline: r.outline };
      const s = r.outline.parts.length > 1 ? await draftSection({ model: opts.model, prompts: opts.prompts, state, now, target: { part: 2, section: 1 } }).catch(() => undefined) : undefined;
      const leaked = [...chatResidue(renderOutline(r.outline)), ...(s ? s.sections.flatMap((x) => chatResidue(x.text)) : [])];
      row = { ...base, ...scoreOutline(r.outline, req, genre, now), repaired: r.repaired, chatty: r.removed.length > 0 || (s?.removed.length ?? 0) > 0, leaked, ms: Date.now() - t0 };
    } catch (err) {
      row = { ...base, skeleton: false, numbering: false, numbers: false, formulations: false, parallel: false, defects: [], repaired: false, chatty: false, leaked: [], ms: Date.now() - t0, error: (err as Error).message };
    }
    rows.push(row);
    opts.onRow?.(row);
  }
  return rows;
}

const mark = (b: boolean) => (b ? '✓' : '✗');

/** Plain-text table, one row per case plus a totals row. */
export function formatTable(rows: readonly EvalRow[]): string {
  const header = ['编号', '文种', '单位', '时段', '理解', '骨架', '序号', '数字', '表述', '对仗', '修复', '闲话', '泄漏', '缺陷', '耗时ms'];
  const body = rows.map((r) => [r.id, r.genre, r.unit, r.period, mark(r.understood), mark(r.skeleton), mark(r.numbering), mark(r.numbers), mark(r.formulations), mark(r.parallel), r.repaired ? '是' : '否', r.chatty ? '有' : '无', r.leaked.length ? '✗' : '✓', r.error ? '错误' : String(r.defects.length), String(r.ms)]);
  const n = rows.length;
  const count = (f: (r: EvalRow) => boolean) => `${rows.filter(f).length}/${n}`;
  body.push(['合计', '', '', '', count((r) => r.understood), count((r) => r.skeleton), count((r) => r.numbering), count((r) => r.numbers), count((r) => r.formulations), count((r) => r.parallel), String(rows.filter((r) => r.repaired).length), count((r) => r.chatty), `泄漏${rows.filter((r) => r.leaked.length > 0).length}/${n}`, String(rows.reduce((s, r) => s + r.defects.length, 0)), String(rows.reduce((s, r) => s + r.ms, 0))]);
  return [header, ...body].map((cols) => `| ${cols.join(' | ')} |`).join('\n');
}

/** Defect lines per case, for reading after the table. */
export function formatDefects(rows: readonly EvalRow[]): string {
  return rows
    .filter((r) => r.error || r.defects.length || r.leaked.length)
    .map((r) => `${r.id}：${r.error ? `调用失败：${r.error}` : [...r.defects, ...r.leaked.map((l) => `闲话泄漏：${l}`)].join('；')}`)
    .join('\n');
}
