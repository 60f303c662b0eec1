/** Runs the evaluation set through the same flow service the bot uses and tabulates the scores. */
import type { ChatModel } from '../llm/chat-model.js';
import type { PromptLibrary } from '../llm/prompts.js';
import { draftFull } from '../flows/drafting/full.js';
import { draftOutline } from '../flows/drafting/outline.js';
import { draftSection, reviseSection } from '../flows/drafting/sections.js';
import { newThreadState, type ReportThreadState } from '../flows/drafting/state.js';
import { chatMessages } from '../flows/chat.js';
import { chatResidue, cleanModelOutput } from '../report/model-output.js';
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
  /** Per step run (outline, one section, its expansion, the full draft, a free-chat question): chat text in the raw answer and left after cleaning. */
  steps: StepScore[];
  /** Chat text left after cleaning, labelled with its step: the “chat text leaked” score. */
  leaked: string[];
  ms: number;
  error?: string;
}

export type EvalStep = 'outline' | 'section' | 'revise' | 'full' | 'chat';
export const STEP_LABEL: Record<EvalStep, string> = { outline: '提纲', section: '写一节', revise: '展开', full: '写全文', chat: '闲聊' };

/** The free-chat question each case ends with, in the thread of its draft. */
export const CHAT_QUESTION = '这份报告的开头段怎么写更好？给我几点建议。';
const STEPS = Object.keys(STEP_LABEL) as EvalStep[];

export interface StepScore {
  step: EvalStep;
  /** The model's raw answers carried chat text (preambles, notes, Markdown, reasoning) that the cleaner took out. */
  chatty: boolean;
  /** Chat text still in the cleaned text. */
  leaked: string[];
}

const stepScore = (step: EvalStep, removed: readonly string[], texts: readonly string[]): StepScore => ({ step, chatty: removed.length > 0, leaked: texts.flatMap((t) => chatResidue(t)) });

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
    const steps: StepScore[] = [];
    const leakedOf = () => steps.flatMap((x) => x.leaked.map((l) => `${STEP_LABEL[x.step]}：${l}`));
    let scores: CaseScore = { skeleton: false, numbering: false, numbers: false, formulations: false, parallel: false, defects: [] };
    let repaired = false;
    let step: EvalStep = 'outline';
    try {
      const f = { model: opts.model, prompts: opts.prompts, now };
      const r = await draftOutline({ ...f, request: req, genre });
      scores = scoreOutline(r.outline, req, genre, now);
      repaired = r.repaired;
      steps.push(stepScore('outline', r.removed, [renderOutline(r.outline)]));
      // Then what a writer does next (写第二部分 → 把（一）展开 → 写全文): sections and revisions are where
      // closing remarks, 修改说明 and length notes show up.
      let state: ReportThreadState = { ...newThreadState(req, now), outline: r.outline };
      if (r.outline.parts.length > 1) {
        step = 'section';
        const s = await draftSection({ ...f, state, target: { part: 2, section: 1 } });
        steps.push(stepScore('section', s.removed, s.sections.map((x) => x.text)));
        state = s.state;
        step = 'revise';
        const v = await reviseSection({ ...f, state, target: { part: 2, section: 1 }, op: 'expand', chars: 500 });
        steps.push(stepScore('revise', v.removed, v.sections.map((x) => x.text)));
        state = v.state;
      }
      step = 'full';
      const full = await draftFull({ ...f, state });
      steps.push(stepScore('full', full.removed, [full.text]));
      // A free-chat question, asked and cleaned as the chat flow does: chat answers are where preambles,
      // “希望对您有所帮助” and bold labels live.
      step = 'chat';
      let raw = '';
      for await (const d of opts.model.stream({ messages: chatMessages(opts.prompts, now, 'Asia/Shanghai', [], CHAT_QUESTION) })) raw += d;
      const chat = cleanModelOutput(raw, 'chat');
      steps.push(stepScore('chat', chat.removed, [chat.text]));
      row = { ...base, ...scores, repaired, steps, leaked: leakedOf(), ms: Date.now() - t0 };
    } catch (err) {
      const failed = steps.length ? `${STEP_LABEL[step]}：${(err as Error).message}` : (err as Error).message;
      row = { ...base, ...scores, repaired, steps, leaked: leakedOf(), ms: Date.now() - t0, error: failed };
    }
    rows.push(row);
    opts.onRow?.(row);
  }
  return rows;
}

const mark = (b: boolean) => (b ? '✓' : '✗');

/** Plain-text table, one row per case plus a totals row; 闲话 and 泄漏 count steps. */
export function formatTable(rows: readonly EvalRow[]): string {
  const header = ['编号', '文种', '单位', '时段', '理解', '骨架', '序号', '数字', '表述', '对仗', '修复', '闲话', '泄漏', '缺陷', '耗时ms'];
  const chatty = (r: EvalRow) => r.steps.filter((x) => x.chatty).length;
  const leaked = (r: EvalRow) => r.steps.filter((x) => x.leaked.length > 0).length;
  const body = rows.map((r) => [r.id, r.genre, r.unit, r.period, mark(r.understood), mark(r.skeleton), mark(r.numbering), mark(r.numbers), mark(r.formulations), mark(r.parallel), r.repaired ? '是' : '否', `${chatty(r)}/${r.steps.length}`, `${leaked(r)}/${r.steps.length}`, r.error ? '错误' : String(r.defects.length), String(r.ms)]);
  const n = rows.length;
  const steps = rows.reduce((s, r) => s + r.steps.length, 0);
  const sum = (f: (r: EvalRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const count = (f: (r: EvalRow) => boolean) => `${rows.filter(f).length}/${n}`;
  body.push(['合计', '', '', '', count((r) => r.understood), count((r) => r.skeleton), count((r) => r.numbering), count((r) => r.numbers), count((r) => r.formulations), count((r) => r.parallel), String(rows.filter((r) => r.repaired).length), `${sum(chatty)}/${steps}`, `泄漏${sum(leaked)}/${steps}`, String(sum((r) => r.defects.length)), String(sum((r) => r.ms))]);
  return [header, ...body].map((cols) => `| ${cols.join(' | ')} |`).join('\n');
}

/** One line per step: how many answers carried chat text and how many still had some after cleaning. */
export function formatSteps(rows: readonly EvalRow[]): string {
  const parts = STEPS.map((step) => {
    const xs = rows.flatMap((r) => r.steps.filter((x) => x.step === step));
    return `${STEP_LABEL[step]} 闲话${xs.filter((x) => x.chatty).length}/${xs.length} 泄漏${xs.filter((x) => x.leaked.length).length}/${xs.length}`;
  });
  return `各步：${parts.join('；')}`;
}

/** Steps whose cleaned text still had chat text or markup in it, over all rows. */
export const leakedSteps = (rows: readonly EvalRow[]): number => rows.reduce((n, r) => n + r.steps.filter((x) => x.leaked.length > 0).length, 0);

/** Defect lines per case, for reading after the table. */
export function formatDefects(rows: readonly EvalRow[]): string {
  return rows
    .filter((r) => r.error || r.defects.length || r.leaked.length)
    .map((r) => `${r.id}：${r.error ? `调用失败：${r.error}` : [...r.defects, ...r.leaked.map((l) => `闲话泄漏：${l}`)].join('；')}`)
    .join('\n');
}
