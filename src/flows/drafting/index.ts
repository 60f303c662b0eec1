/**
 * The drafting flow: outline, section, revision, full draft and Word export on the
 * thread's stored state. Services live beside it (outline, sections, full); the pure
 * parts (offline texts, model-output cleaning, lengths) are in src/report/.
 */
import { threadKey } from '../../core/message.js';
import type { DraftCommand } from '../../report/commands.js';
import { describeAddresses, type SectionAddress } from '../../report/draft.js';
import type { Outline } from '../../report/outline.js';
import { isPermanent } from '../../core/errors.js';
import { findUnit, parseRequest } from '../../report/request.js';
import { applyProfile } from '../profile.js';
import { getGenre } from '../../report/genres.js';
import { periodLabel } from '../../report/period.js';
import type { TurnContext } from '../context.js';
import { chatFlow } from '../chat.js';
import { openCardBeside } from '../model-stream.js';
import type { Material, MaterialItem } from '../../documents/material.js';
import { checkAgainstMaterial } from './material-check.js';
import { contentIdFor, GENERATOR, type AiLabel } from '../../export/ai-label.js';
import { sourceNotes } from '../../report/material/provenance.js';
import { draftButtons } from './buttons.js';
import { draftDocument } from './document.js';
import { progressLabel } from './model-call.js';
import { runDraftCommand } from './run.js';
import { IncompleteDraft, newThreadState, ReportFlowError, type ReportThreadState } from './state.js';


export const NO_OUTLINE_YET = '这个话题里还没有报告提纲。请先说明要写什么，例如：“帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲”，之后在同一话题里说“写第二部分”“写全文”“导出Word”。';

const TITLES: Record<Exclude<DraftCommand['kind'], 'export'>, string> = {
  outline: '笔杆子 · 提纲',
  section: '笔杆子 · 分部起草',
  revise: '笔杆子 · 修改稿',
  full: '笔杆子 · 全文初稿',
};

/** The one line over a draft some of whose steps failed for good: which ones, why, and how to finish it. */
export function partialLine(outline: Outline, failed: readonly SectionAddress[], error: unknown, kind: Exclude<DraftCommand['kind'], 'export'>): string {
  const why = isPermanent(error) ? '模型服务拒绝了这次请求' : '模型服务重试后仍未答复';
  const how = kind === 'full' ? '稍后发送“写全文”即可只补写这一处' : '稍后再发一次同样的要求即可重写';
  return `${describeAddresses(outline, failed) || '部分内容'}没能写成（${why}），其余内容已写好并保存在本话题的稿子里；${how}。`;
}

/** Outline, section, revision, full draft and Word export, on the thread's stored state. */
export async function draftingFlow(ctx: TurnContext, cmd: DraftCommand, opts: { text: string; newRequest: boolean; material?: Material; materials?: { taken: Material[]; items: MaterialItem[] } }): Promise<void> {
  const c = ctx.conversation;
  let state = await ctx.memory.getState<ReportThreadState>(c);
  const notes: string[] = [];
  // Lines each on their own line under the head: one per file (how it was taken).
  const kindLines: string[] = [];
  if (opts.newRequest || (!state && cmd.kind === 'outline')) {
    const taken = opts.materials?.taken ?? (opts.material ? [opts.material] : []);
    const model = taken.find((x) => x.model);
    const factual = taken.filter((x) => !x.model);
    const period = factual.find((x) => x.period)?.period;
    const first = factual[0] ?? model;
    // Material from a file or cloud doc: its facts are the only facts the draft may use, and
    // fact material (a 台账, not last year's report) says the period when the words do not.
    // The chat's confirmed unit profile fills in the unit the words leave out, and is said at the head.
    const profile = await applyProfile(ctx, opts.text, !!findUnit(opts.text)?.name);
    let request = parseRequest(profile.words, ctx.now, first ? { material: { source: first.source, model: !factual.length, ...(period ? { period } : {}) } } : {});
    // A model lends form only: its text goes in as an example, every fact in it already marked.
    // Facts from a file or cloud doc are framed as material, never instructions (issue 26).
    if (model?.example) request = { ...request, example: { source: model.source, text: model.example } };
    if (factual.length) request = { ...request, facts: factual.flatMap((x) => x.facts), factsFrom: factual.map((x) => x.source).join('、') };
    state = newThreadState(request, ctx.now);
    if (taken.length && cmd.kind !== 'export') {
      const items = opts.materials?.items ?? [];
      state.material = { items, words: opts.text, command: cmd, facts: factual.flatMap((x) => x.sourced), ...(model?.modelText ? { model: { source: model.source, text: model.modelText } } : {}) };
    }
    notes.push(`按${periodLabel(request.period)}${getGenre(request.genre).name}起草${request.unit.name ? `，单位：${request.unit.name}` : ''}。`, ...request.assumptions.map((x) => `${x}。`));
    if (profile.line) notes.push(profile.line);
    kindLines.push(...taken.map((x) => x.note), ...(profile.question ? [profile.question] : []));
  }
  if (!state) {
    // "把第二部分再展开一点" after a free-form answer: continue that conversation instead.
    if (opts.text && (await ctx.memory.history(c)).length > 0) return chatFlow(ctx, opts.text);
    return ctx.replier.sendText(c, NO_OUTLINE_YET, ctx.jobId);
  }

  if (ctx.audit) ctx.audit.kind = cmd.kind;
  if (cmd.kind === 'export') return exportWord(ctx, state, cmd.sources === true);

  // The model request starts at once; the card opens beside it (issue 25).
  const card = openCardBeside(ctx.replier, c, { key: ctx.jobId, title: TITLES[cmd.kind] });
  // The bot's own words are plain text: no Markdown markers for the writer to clean up.
  const headOf = (extra: string[]) => [ctx.offlineNotice, [...notes, ...extra].join(''), kindLines.join('\n')].filter(Boolean).join('\n\n');
  const withHead = (body: string, extra: string[] = []) => {
    const head = headOf(extra);
    return head ? `${head}\n\n${body}` : body;
  };
  card.update(withHead('正在起草…'));
  // The label counts finished parts; the text written so far stays under it between parts.
  let progress = '';
  let body = '';
  const show = () => card.update(withHead([progress, body || '正在起草…'].filter(Boolean).join('\n\n')));
  try {
    const result = await runDraftCommand(cmd, {
      model: ctx.model,
      writer: ctx.writer,
      ...(ctx.draftConcurrency ? { parallel: ctx.draftConcurrency.sections } : {}),
      ...(ctx.draftConcurrency?.partChars ? { splitPartsOver: ctx.draftConcurrency.partChars } : {}),
      prompts: ctx.prompts,
      now: ctx.now,
      timezone: ctx.timezone,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      state,
      onText: (_d, shown) => {
        body = shown || body;
        show();
      },
      onProgress: (p) => {
        progress = progressLabel(p);
        show();
      },
      // The outline on the card stays while the model repairs it; the label says what is going on.
      onRepair: (defects) => {
        progress = `（提纲自检发现${defects.length}处问题，正在修改）`;
        show();
      },
    });
    if (result.removed.length) ctx.log.info({ removed: result.removed.length }, 'model chat text removed');
    // A draft built on material: carried-over facts marked, every fact traced, before it is shown or exported.
    const checked = checkAgainstMaterial(result.state, result.text);
    await ctx.memory.setState(c, checked.state);
    const shown = checked.notes.length ? `${checked.text}\n\n${checked.notes.join('\n\n')}` : checked.text;
    await card.finish(withHead(shown, result.notes), { buttons: draftButtons(threadKey(c), cmd, result.state.lastAddresses) });
    await ctx.memory.append(c, [{ role: 'user', content: opts.text || `（按钮）${cmd.kind}` }, { role: 'assistant', content: checked.text.slice(0, 4000) }], ctx.jobId);
  } catch (err) {
    if (err instanceof IncompleteDraft) {
      // Cut short by shutdown, or a retry follows (the steps that finished are not asked again: their answers are kept per job).
      if (ctx.signal?.aborted || !(ctx.lastAttempt || isPermanent(err.error))) throw err.error;
      // No retry left: what was written is the writer's draft, shown and kept, with one line on what failed.
      const checked = checkAgainstMaterial(err.state, err.text);
      await ctx.memory.setState(c, checked.state);
      ctx.log.warn({ err: err.error, failed: err.failed.length }, 'draft kept without the steps that failed');
      if (ctx.audit) ctx.audit.reason = 'partial';
      const outline = err.state.outline;
      const line = outline ? partialLine(outline, err.failed, err.error, cmd.kind) : '';
      const shown = checked.notes.length ? `${checked.text}\n\n${checked.notes.join('\n\n')}` : checked.text;
      await card.finish(withHead(shown, line ? [line] : []), { buttons: draftButtons(threadKey(c), cmd, checked.state.lastAddresses) });
      return;
    }
    if (!(err instanceof ReportFlowError)) throw err;
    await card.finish(withHead(err.message));
  }
}

/** The thread's outline and drafted sections as a GB/T 9704 Word file. */
export async function wordFile(state: ReportThreadState, now: Date, label?: Omit<AiLabel, 'contentId' | 'time'> & { jobId: string }, o: { sources?: boolean } = {}): Promise<{ name: string; data: Buffer; drafted: number; contentId?: string; notes: number }> {
  const doc = draftDocument(state, now);
  // Loaded on first export: the Word writer is ~10 MB a worker that only streams answers does not need.
  const { renderDocx } = await import('../../export/docx.js');
  const contentId = label ? contentIdFor(label.jobId, doc.title, doc.body) : undefined;
  const notes = o.sources && state.provenance ? sourceNotes(state.provenance) : [];
  const data = await renderDocx({ ...doc, ...(notes.length ? { notes, notesDate: now } : {}), ...(label && contentId ? { label: { generator: label.generator, model: label.model, time: now, contentId, ...(label.footer ? { footer: true } : {}) } } : {}) });
  return { name: `${doc.title.slice(0, 40).replace(/[\\/:*?"<>|]/g, '')}.docx`, data, drafted: Object.keys(state.draft.sections).filter((k) => k !== 'opening').length, notes: notes.length, ...(contentId ? { contentId } : {}) };
}

/** The implicit label's facts for a file this job exports. */
export const exportLabel = (ctx: TurnContext) => ({ generator: GENERATOR, model: ctx.writer.author(ctx.model), jobId: ctx.jobId, ...(ctx.aiLabelFooter ? { footer: true } : {}) });

async function exportWord(ctx: TurnContext, state: ReportThreadState, sources: boolean): Promise<void> {
  if (!state.outline) return ctx.replier.sendText(ctx.conversation, NO_OUTLINE_YET, ctx.jobId);
  const { name, data, drafted, contentId, notes } = await wordFile(state, ctx.now, exportLabel(ctx), { sources });
  if (ctx.audit && contentId) ctx.audit.content = contentId;
  await ctx.replier.sendFile(ctx.conversation, { name, data }, ctx.jobId);
  // One answer: what was exported, and (附出处) how many sources went in as comments.
  const noted = !sources ? '' : notes
    ? `\n出处已作为 ${notes} 条 Word 批注附在文中：每句含数字、日期、会议、活动、文件名或引语的话一条，写明它来自哪份台账的哪一行、哪条消息、表述库还是你的原话；找不到出处的标明“请核实”。`
    : '\n这份稿子没有依据材料起草（或还没有含事实的句子），没有可附的出处，导出的是普通 Word。依据台账或材料起草后再说“导出Word（附出处）”。';
  await ctx.replier.sendText(ctx.conversation, (drafted
    ? `已导出 Word（GB/T 9704 版式：标题二号小标宋，正文三号仿宋，一级标题黑体、二级标题楷体，固定行距28磅）。内容与话题里最近一次的起草和修改结果一致，共 ${drafted} 个已起草的部分；未起草的部分保留了提纲标题。`
    : '已导出 Word。目前只有提纲，正文尚未起草，文件中是提纲标题；可以先说“写全文”再导出。') + noted, ctx.jobId);
}
