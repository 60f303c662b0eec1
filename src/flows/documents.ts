import { createHash } from 'node:crypto';
import { findClassificationMarking } from '../report/classification.js';
import { CLASSIFIED_REFUSAL } from '../core/texts.js';
import type { DocumentOrigin } from '../core/documents.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import { CloudDocError, DocumentError } from '../core/errors.js';
import type { Annotation } from '../documents/annotate.js';
import type { DocumentParser } from '../documents/parser.js';
import { materialFacts } from '../documents/material.js';
import type { DraftCommand } from '../report/commands.js';
import { SEVERITY_LABEL } from '../report/critique/format.js';
import type { Finding } from '../report/critique/types.js';
import { findingTag } from '../report/verdicts.js';
import { excerptHash } from '../core/verdicts.js';
import type { TurnContext } from './context.js';
import { critiqueFlow } from './critique.js';
import { takeWordVerdicts } from './verdicts.js';
import type { WordVerdicts } from '../documents/verdict-replies.js';
import { draftingFlow, exportLabel, NO_OUTLINE_YET, wordFile } from './drafting/index.js';
import type { ReportThreadState } from './drafting/state.js';

/** Material facts kept for a draft: well inside a small model's context next to the prompt. */
export const MATERIAL_BUDGET_CHARS = 6000;

/** Findings → Word comments, each on its excerpt (the nth occurrence, as in the text). */
export function findingAnnotations(text: string, findings: readonly Finding[]): Annotation[] {
  return findings.map((f) => {
    const excerpt = text.slice(f.start, f.end).split('\n')[0]!;
    let occurrence = 0;
    if (excerpt) for (let at = text.indexOf(excerpt); at >= 0 && at < f.start; at = text.indexOf(excerpt, at + 1)) occurrence++;
    const lineStart = text.lastIndexOf('\n', Math.max(0, f.start - 1)) + 1;
    const lineEnd = text.indexOf('\n', f.start);
    // The tag lets a reply “误报”/“有用” under the comment be traced to its rule (flows/verdicts.ts), without the text.
    const body = `【${SEVERITY_LABEL[f.severity]}】${f.message}${f.suggestion ? `\n建议：${f.suggestion}` : ''}\n${findingTag(f.rule, excerptHash(text.slice(f.start, f.end) || f.excerpt))}`;
    return { excerpt, occurrence, line: text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd), text: body };
  });
}

const annotatedName = (name: string) => `${name.replace(/\.(docx|docm|wps)$/i, '')}（笔杆子批注）.docx`;

/** A document, read: its text, and for a Word file its bytes (to return a commented copy). */
interface ReadDocument {
  name: string;
  kind: 'docx' | 'pdf' | 'txt' | 'md' | 'xlsx' | 'csv' | 'cloud-doc' | 'message';
  text: string;
  docx?: Buffer;
  /** Reading stopped at the character limit. */
  truncated?: boolean;
  /** A returned Word file's 误报/有用 replies under the bot's comments, and the file's SHA-256. */
  verdicts?: { found: WordVerdicts; sha: string };
}

async function readDocument(ctx: TurnContext, parser: DocumentParser, origin: DocumentOrigin): Promise<ReadDocument> {
  const c = ctx.conversation;
  ctx.audit?.docs.push(origin.kind === 'link' ? `doc:${origin.link.token}` : origin.kind === 'file' ? `file:${origin.file.fileKey}` : `msg:${origin.messageId}`);
  const got = await ctx.documents!.fetch(origin, { openId: c.senderOpenId, chatId: c.chatId, ...(c.senderExternal ? { external: true } : {}) });
  if (got.kind === 'text') return { name: got.name, kind: got.source, text: got.text };
  const sha = createHash('sha256').update(got.data).digest('hex');
  ctx.audit?.docs.push(`sha256:${sha}`);
  const file = await parser.extract(got.name, got.data, { key: ctx.jobId, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  // In a private chat a file cannot carry words: remember it for 根据这份台账写… next.
  if (ctx.conversation.chatType === 'p2p') await ctx.memory.rememberFile(ctx.conversation.chatId, got.file);
  return { name: got.name, kind: file.kind, text: file.text, ...(file.kind === 'docx' ? { docx: got.data } : {}), ...(file.truncated ? { truncated: true } : {}), ...(file.verdicts ? { verdicts: { found: file.verdicts, sha } } : {}) };
}

/**
 * Read the document, then draft from it (when `draft` is given: the words asked for a draft
 * from material) or critique it; a Word file comes back with comments.
 */
export async function documentFlow(ctx: TurnContext, origin: DocumentOrigin, words: string, opts: { draft?: DraftCommand; maxChars: number }): Promise<void> {
  const c = ctx.conversation;
  const parser = ctx.parser;
  if (!ctx.documents || !parser) return ctx.replier.sendText(c, DOC_TEXTS.console, ctx.jobId);
  let doc: ReadDocument;
  try {
    doc = await readDocument(ctx, parser, origin);
  } catch (err) {
    if (!(err instanceof DocumentError)) throw err;
    ctx.log.info({ origin: origin.kind, reason: err.reason }, 'document unreadable');
    return ctx.replier.sendText(c, err.userMessage, ctx.jobId);
  }
  ctx.log.info({ origin: origin.kind, kind: doc.kind, chars: doc.text.length }, 'document read');
  // A file, quote or cloud doc carrying a 密级 marking goes no further than this.
  const marking = findClassificationMarking(doc.text, ctx.restrictedMarkings);
  if (marking) {
    ctx.log.warn({ origin: origin.kind, level: marking.level }, 'refused: classification marking in a document');
    if (ctx.audit) Object.assign(ctx.audit, { kind: 'refusal', reason: 'classified' });
    return ctx.replier.sendText(c, CLASSIFIED_REFUSAL(marking.marking), ctx.jobId);
  }

  // A file returned with 误报/有用 under our comments: recorded; when that is all it carries, answered here.
  if (doc.verdicts && (await takeWordVerdicts(ctx, doc.verdicts.found, doc.verdicts.sha)).answered) return;

  const table = doc.kind === 'xlsx' || doc.kind === 'csv';
  if (opts.draft) {
    const material = materialFacts(doc.text, doc.name, MATERIAL_BUDGET_CHARS, words, { now: ctx.now, ...(table ? { tabular: true } : {}) });
    return draftingFlow(ctx, opts.draft, { text: words, newRequest: true, material });
  }

  // A spreadsheet is a 台账: material for a draft, not a text to proofread.
  if (table) return ctx.replier.sendText(c, `“${doc.name}”是一份表格台账，读到 ${doc.text.split('\n').filter((l) => /第\d+行）$/.test(l)).length} 行记录。要用它起草，请说“根据这份台账写……”（例如“根据这份台账写上半年报告”）；私聊里直接发这句话即可，群里请回复（引用）这份文件并 @我。`, ctx.jobId);
  if (doc.text.length > opts.maxChars || doc.truncated) return ctx.replier.sendText(c, DOC_TEXTS.tooLong(doc.name, doc.text.length, opts.maxChars), ctx.jobId);
  const docx = doc.docx;
  await critiqueFlow(ctx, doc.text, {
    source: doc.kind === 'message' ? doc.name : `“${doc.name}”`,
    ...(doc.kind === 'message' ? {} : { fileName: doc.name }),
    pdf: doc.kind === 'pdf',
    // A Word file comes back with every finding as a comment on its text (written in the parser process).
    ...(docx ? { annotate: async (findings: readonly Finding[]) => {
      const out = await parser.annotate(doc.name, docx, findingAnnotations(doc.text, findings), ctx.now, { key: ctx.jobId, ...(ctx.signal ? { signal: ctx.signal } : {}) });
      return out.placed > 0 ? { name: annotatedName(doc.name), data: out.data } : null;
    } } : {}),
  });
}

/** 生成云文档: the thread's draft imported as a Feishu doc the requester can edit; else the .docx and what to enable. */
export async function cloudDocFlow(ctx: TurnContext): Promise<void> {
  const c = ctx.conversation;
  const state = await ctx.memory.getState<ReportThreadState>(c);
  if (!state?.outline) return ctx.replier.sendText(c, NO_OUTLINE_YET, ctx.jobId);
  const file = await wordFile(state, ctx.now, exportLabel(ctx));
  if (!ctx.cloudDocs) {
    await ctx.replier.sendFile(c, file, ctx.jobId);
    return ctx.replier.sendText(c, '控制台模式下没有飞书云空间，已改为导出 Word 文件。', ctx.jobId);
  }
  try {
    if (ctx.audit) Object.assign(ctx.audit, { kind: 'clouddoc', ...(file.contentId ? { content: file.contentId } : {}) });
    const doc = await ctx.cloudDocs.publish(file, c.senderOpenId, ctx.jobId);
    // The import does not keep custom properties: the trail pairs the label's content id with the doc.
    if (ctx.audit && doc.token) ctx.audit.docToken = doc.token;
    const drafted = file.drafted ? `含 ${file.drafted} 个已起草的部分` : '目前只有提纲';
    return ctx.replier.sendText(c, `已生成飞书云文档《${doc.title}》（${drafted}，版式按 GB/T 9704 导入），你已获得编辑权限：\n${doc.url}`, ctx.jobId);
  } catch (err) {
    if (!(err instanceof CloudDocError)) throw err;
    ctx.log.warn({ stage: err.stage, detail: err.detail }, 'cloud doc not created; sending the Word file');
    await ctx.replier.sendFile(c, file, ctx.jobId);
    return ctx.replier.sendText(c, cloudDocFailure(err), ctx.jobId);
  }
}

function cloudDocFailure(e: CloudDocError): string {
  const scopes = e.missingScopes.length ? `应用缺少权限 ${e.missingScopes.join(' 或 ')}，请管理员在飞书开发者后台「权限管理」中开通并发布新版本后再试。` : '';
  if (e.stage === 'grant') {
    return `云文档已生成，但没能给你开通编辑权限${scopes ? `：${scopes}` : '。'}文档目前只有应用自己能打开${e.url ? `（${e.url}）` : ''}，所以先附上同样内容的 Word 文件。`;
  }
  if (scopes) return `没能生成云文档：${scopes}已改为发送 Word 文件（GB/T 9704 版式），可以在飞书云盘中“导入”为云文档。`;
  return `没能生成云文档（飞书导入未成功：${e.stage === 'import' ? '导入任务失败' : '上传失败'}）。已改为发送 Word 文件，可以稍后再点“生成云文档”，或在飞书云盘中手动“导入”。`;
}
