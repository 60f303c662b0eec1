import type { Finding } from '../report/critique/types.js';
import { buildDoc, critiqueDoc, formatFindingsBrief, formatFindingsCard } from '../report/critique/index.js';
import { findingsOnOriginal, rejoinPdfText } from '../report/critique/pdf.js';
import { periodLabel } from '../report/period.js';
import type { TurnContext } from './context.js';
import { openCardBeside } from './model-stream.js';
import { asMaterial } from '../llm/spotlight.js';
import { contentIdFor, GENERATOR } from '../export/ai-label.js';
import { unitWordsFor } from './unit-words.js';
import { sendVerdictCard } from './verdicts.js';


/** A Word file the findings came back on as comments. */
export interface AnnotatedCopy {
  name: string;
  data: Buffer;
}

export interface CritiqueOptions {
  /** How the card names what was read: “报告.pdf”, or a quoted message's label. */
  source?: string;
  /** The file's name: attachments are named after it. */
  fileName?: string;
  /** The text is a PDF's text layer: its line wraps, page numbers and layout spaces are undone before the rules run. */
  pdf?: boolean;
  /**
   * A Word file: a copy with every finding as a comment on its text, or null when the file's
   * structure does not allow it (then the full list is attached instead, when the card cannot hold it).
   */
  annotate?: (findings: readonly Finding[]) => Promise<AnnotatedCopy | null>;
  /** One line at the head of the card (e.g. that the Word file had no 批注 to work on). */
  note?: string;
}

/** “报告.docx” → 报告（审校意见清单）.docx; a paste → 审校意见清单（共N条）.docx. */
const listName = (fileName: string | undefined, count: number) =>
  fileName ? `${fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')}（审校意见清单）.docx` : `审校意见清单（共${count}条）.docx`;

/**
 * Rule findings at once, then the model's critique streamed into the same card. Every finding
 * stays reachable: a Word file comes back with all of them as comments; otherwise, when the card
 * cannot list them all, the complete list is attached as a Word table. Attachments go out before
 * the card, so a model failure cannot lose them; the card says where they are. Returns the findings.
 */
export async function critiqueFlow(ctx: TurnContext, text: string, opts: CritiqueOptions = {}): Promise<Finding[]> {
  // A PDF's lines are the page's, not the writer's: the rules read it rejoined, findings point into the PDF's text.
  const rejoined = opts.pdf ? rejoinPdfText(text) : null;
  const read = rejoined?.text ?? text;
  // The critic infers the report's period from its title and opening, not from dates in the body.
  // The chat's own word list applies too, each finding sourced “单位规定”.
  const unitWords = await unitWordsFor(ctx);
  const doc = buildDoc(read, { now: ctx.now, fromPdf: Boolean(rejoined), unitWords });
  const onRead = critiqueDoc(doc);
  const findings = rejoined ? findingsOnOriginal(onRead, rejoined, text) : onRead;
  ctx.log.info({ chars: text.length, findings: findings.length, errors: findings.filter((f) => f.severity === 'error').length, ...(rejoined ? { pdf: rejoined.stats } : {}) }, 'critique');
  const c = ctx.conversation;
  if (ctx.audit) {
    ctx.audit.kind = opts.fileName ? 'file-critique' : 'critique';
    // Counts by family for the office's usage summary (issue 26): never the findings' text.
    ctx.audit.findings = {};
    for (const f of findings) ctx.audit.findings[f.category] = (ctx.audit.findings[f.category] ?? 0) + 1;
  }

  let note: string | undefined;
  let annotated: AnnotatedCopy | null = null;
  if (opts.annotate) {
    if (findings.length === 0) note = `规则检查没有发现需要批注的问题，所以没有生成批注版${opts.source ?? ''}。`;
    else {
      try {
        annotated = await opts.annotate(findings);
      } catch (err) {
        if (ctx.signal?.aborted) throw err;
        ctx.log.warn({ err }, 'could not annotate the Word file');
      }
      note = annotated
        ? `全部 ${findings.length} 条意见已作为批注加在附件《${annotated.name}》上（批注人：笔杆子），每条标在对应的原文处；用 Word 或 WPS 打开，在“审阅”中逐条查看，修改后删除批注即可。觉得哪条不准，可以在那条批注下回复“误报”（有用就回复“有用”），再把文件发给我。`
        : '这份 Word 文件的结构比较特殊，没能在原文上加批注。';
    }
  }
  let card = formatFindingsCard(findings, text, { ...(note ? { fullList: note } : {}) });
  let list: AnnotatedCopy | null = null;
  if (!annotated && !card.complete) {
    const name = listName(opts.fileName, findings.length);
    const { renderFindingsDocx } = await import('../export/findings-docx.js');
    list = { name, data: await renderFindingsDocx({ source: opts.source ?? '粘贴的文字', text, findings, now: ctx.now, timezone: ctx.timezone, label: { generator: GENERATOR, model: '规则审校（未调用模型）', time: ctx.now, contentId: contentIdFor(ctx.jobId, 'findings', text) } }) };
    const where = `全部 ${findings.length} 条（位置、原文和修改建议）见附件《${name}》。`;
    card = formatFindingsCard(findings, text, { fullList: note ? `${note}${where}` : where });
  }
  // The files first: a failing model stream below must not take them with it.
  if (annotated) await ctx.replier.sendFile(c, annotated, ctx.jobId);
  if (list) await ctx.replier.sendFile(c, list, `${ctx.jobId}-list`);

  const source = `${opts.note ? `${opts.note}\n\n` : ''}${opts.source ? `> 审阅对象：${opts.source}（共${text.length}字）\n\n` : ''}`;
  // The commentary streams beside the card opening (issue 25); the rules' writer adds none.
  const stream = openCardBeside(ctx.replier, c, { key: ctx.jobId, title: '笔杆子 · 审校意见' });
  // The model reads whole paragraphs (the rejoined text) and the findings placed in it.
  // The text under review is material, whoever pasted it: never instructions (spotlighting, issue 26).
  const answer = await ctx.writer.critique({ model: ctx.model, prompts: ctx.prompts, now: ctx.now, timezone: ctx.timezone, ...(ctx.signal ? { signal: ctx.signal } : {}), card: stream }, {
    head: `${source}${card.markdown}`,
    material: asMaterial(read, opts.source ?? '待审文本'),
    findingsBrief: onRead.length ? asMaterial(formatFindingsBrief(onRead, read), '规则审校意见（含原文摘录）') : formatFindingsBrief(onRead, read),
    period: doc.period ? periodLabel(doc.period) : '未注明（请从文中判断）',
  });
  if (!answer) {
    // Under the critique: 误报 / 有用 per finding (issue 24 item 6).
    await sendVerdictCard(ctx, findings, text);
    return findings;
  }
  // Keep the thread's memory small: the paste is summarised, the critique kept.
  await ctx.memory.append(c, [{ role: 'user', content: `请审阅以下材料（共${text.length}字）。${asMaterial(`${text.slice(0, 300)}…`, `${opts.source ?? '待审文本'}的开头`)}` }, { role: 'assistant', content: answer }], ctx.jobId);
  // An answer without the numbered opinions the prompt asks for (an injected “skip the review”) is flagged;
  // the rule findings above it stand either way, and the part is labelled as the model's.
  if (!/[一二三四五]、/.test(answer)) ctx.log.warn({ chars: answer.length }, 'model critique off task: no numbered opinions');
  // Under the critique: 误报 / 有用 per finding (issue 24 item 6).
  await sendVerdictCard(ctx, findings, text);
  return findings;
}
