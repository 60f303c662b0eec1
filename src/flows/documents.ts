import { createHash } from 'node:crypto';
import { findClassificationMarking } from '../report/classification.js';
import { CLASSIFIED_REFUSAL } from '../core/texts.js';
import type { DocumentOrigin, FileRef } from '../core/documents.js';
import { DOC_TEXTS } from '../core/document-texts.js';
import { CloudDocError, DocumentError } from '../core/errors.js';
import type { Annotation } from '../documents/annotate.js';
import type { DocumentParser } from '../documents/parser.js';
import { buildMaterials, isMaterialRequest, type MaterialItem } from '../documents/material.js';
import { confirmedOcrItems } from './photo.js';
import { ScannedPdf, scannedPdfFlow } from './scan.js';
import { bitableFacts, sheetFacts, sheetToLedger, type BitableField, type BitableRecord, type SheetMeta, type ValueRange } from '../documents/feishu-ledger.js';
import type { SourcedFact } from '../report/material/facts.js';
import type { DraftCommand } from '../report/commands.js';
import { FOLD_AFTER, FOLD_LINES, SEVERITY_LABEL } from '../report/critique/format.js';
import type { Finding } from '../report/critique/types.js';
import { findingTag } from '../report/verdicts.js';
import { excerptHash } from '../stores/verdicts.js';
import { requester, type TurnContext } from './context.js';
import { critiqueFlow } from './critique.js';
import { takeWordVerdicts } from './verdicts.js';
import type { WordVerdicts } from '../documents/verdict-replies.js';
import { draftingFlow, exportLabel, NO_OUTLINE_YET, wordFile } from './drafting/index.js';
import type { ReportThreadState } from './drafting/state.js';
import { critiqueRevisionFlow, HANDLE_COMMENTS, mayRevise, offerReview, REVIEW_TEXTS, REVISE_BY_CRITIQUE } from './review.js';
import { answerWhereFrom } from './drafting/material-check.js';
import type { KindCorrection } from '../report/material/kind.js';
import { threadKey } from '../core/message.js';
import { CLOUD_COMMENT_WORDS, cloudCritiqueRevisionFlow, offerCloudReview } from './review-cloud.js';

/** Material facts kept for a draft: well inside a small model's context next to the prompt. */
export const MATERIAL_BUDGET_CHARS = 6000;

/** Findings → Word comments, each on its excerpt (the nth occurrence, as in the text). */
export function findingAnnotations(text: string, findings: readonly Finding[]): Annotation[] {
  // One kind (rule and message) in many places, such as a wrapped copy's breaks, is folded as on the card: the
  // first places get a comment each, the last of them names the rest by line.
  const kin = new Map<string, Finding[]>();
  for (const f of [...findings].sort((a, b) => a.start - b.start)) kin.set(`${f.rule}\u0000${f.message}`, [...(kin.get(`${f.rule}\u0000${f.message}`) ?? []), f]);
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  const rest = new Map<Finding, string>();
  const folded = new Set<Finding>();
  for (const same of kin.values()) {
    if (same.length <= FOLD_AFTER) continue;
    const more = same.slice(FOLD_AFTER);
    for (const f of more) folded.add(f);
    const lines = more.slice(0, FOLD_LINES).map((f) => lineOf(f.start)).join('、');
    rest.set(same[FOLD_AFTER - 1]!, `\n同类问题另有${more.length}处（第${lines}${more.length > FOLD_LINES ? '等' : ''}行）`);
  }
  return findings.filter((f) => !folded.has(f)).map((f) => {
    const excerpt = text.slice(f.start, f.end).split('\n')[0]!;
    let occurrence = 0;
    if (excerpt) for (let at = text.indexOf(excerpt); at >= 0 && at < f.start; at = text.indexOf(excerpt, at + 1)) occurrence++;
    const lineStart = text.lastIndexOf('\n', Math.max(0, f.start - 1)) + 1;
    const lineEnd = text.indexOf('\n', f.start);
    // The tag lets a reply “误报”/“有用” under the comment be traced to its rule (flows/verdicts.ts), without the text.
    const body = `【${SEVERITY_LABEL[f.severity]}】${f.message}${f.suggestion ? `\n建议：${f.suggestion}` : ''}${rest.get(f) ?? ''}\n${findingTag(f.rule, excerptHash(text.slice(f.start, f.end) || f.excerpt))}`;
    return { excerpt, occurrence, line: text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd), text: body };
  });
}

const annotatedName = (name: string) => `${name.replace(/\.(docx|docm|wps)$/i, '')}（笔杆子批注）.docx`;

/** A document, read: its text, and for a Word file its bytes (to return a commented copy). */
interface ReadDocument {
  name: string;
  kind: 'docx' | 'pdf' | 'txt' | 'md' | 'xlsx' | 'csv' | 'cloud-doc' | 'message' | 'sheet' | 'bitable' | 'forward';
  text: string;
  docx?: Buffer;
  /** The message file it came from (a file or a quoted file). */
  file?: FileRef;
  /** Reading stopped at the character limit. */
  truncated?: boolean;
  /** A spreadsheet's rows as facts, each with file · sheet · row. */
  facts?: SourcedFact[];
  /** A returned Word file's 误报/有用 replies under the bot's comments, and the file's SHA-256. */
  verdicts?: { found: WordVerdicts; sha: string };
  /** A PDF that is mostly text: its pages without a text layer, named in the answer. */
  imageOnlyPages?: number[];
}

/** An OLE compound file named .docx: a password-protected (encrypted) Word file. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function readDocument(ctx: TurnContext, parser: DocumentParser, origin: DocumentOrigin): Promise<ReadDocument> {
  ctx.audit?.docs.push(origin.kind === 'link' ? `doc:${origin.link.token}` : origin.kind === 'file' ? `file:${origin.file.fileKey}` : `msg:${origin.messageId}`);
  const got = await ctx.documents!.fetch(origin, requester(ctx));
  if (got.kind === 'text') return { name: got.name, kind: got.source, text: got.text };
  if (got.kind === 'facts') return { name: got.name, kind: got.source, text: got.text, facts: got.facts };
  if (got.kind === 'sheet' || got.kind === 'bitable') {
    const sheets = got.kind === 'sheet' ? got.sheets.filter((x) => x.values).map((x) => sheetToLedger(x.meta as SheetMeta, x.values as ValueRange)) : [];
    const facts = got.kind === 'sheet'
      ? sheets.flatMap((x) => sheetFacts(got.name, x))
      : got.tables.flatMap((t) => bitableFacts(got.base ?? got.name, t.name, t.fields as BitableField[], t.records as BitableRecord[]));
    if (!facts.length) throw new DocumentError('empty', DOC_TEXTS.emptySheet(got.name));
    // A sheet's title row (2026年上半年……台账) says the period the 台账 records.
    const titles = sheets.map((x) => x.title).filter((t): t is string => !!t);
    return { name: got.name, kind: got.kind, text: [...titles, ...facts.map((f) => f.text)].join('\n'), facts };
  }
  const sha = createHash('sha256').update(got.data).digest('hex');
  ctx.audit?.docs.push(`sha256:${sha}`);
  // An encrypted Word file is told apart before extraction, which could only call it a legacy .doc.
  if (ctx.reviews && /\.docx$/i.test(got.name) && got.data.subarray(0, 8).equals(CFB)) {
    const r = await parser.review(got.name, got.data, { kind: 'inspect' }, ctx.now, { key: ctx.jobId, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    if (r.kind === 'encrypted') throw new DocumentError('corrupt', r.message);
  }
  const file = await parser.extract(got.name, got.data, { key: ctx.jobId, ...(ctx.signal ? { signal: ctx.signal } : {}) }).catch((err: unknown) => {
    // A scanned PDF: its bytes go on to OCR (flows/scan.ts) rather than being fetched again.
    if (err instanceof DocumentError && err.reason === 'scanned') throw new ScannedPdf(got.name, got.data, got.file, err.userMessage);
    throw err;
  });
  // In a private chat a file cannot carry words: remember it for 根据这份台账写… next.
  if (ctx.conversation.chatType === 'p2p') await ctx.memory.rememberFile(ctx.conversation.chatId, got.file);
  return { name: got.name, kind: file.kind, text: file.text, file: got.file, ...(file.kind === 'docx' ? { docx: got.data } : {}), ...(file.truncated ? { truncated: true } : {}), ...(file.ledger ? { facts: file.ledger.facts } : {}), ...(file.verdicts ? { verdicts: { found: file.verdicts, sha } } : {}), ...(file.imageOnlyPages ? { imageOnlyPages: file.imageOnlyPages } : {}) };
}

/**
 * Read the document, then draft from it (when `draft` is given: the words asked for a draft
 * from material) or critique it; a Word file comes back with comments.
 */
export async function documentFlow(ctx: TurnContext, origin: DocumentOrigin, words: string, opts: { draft?: DraftCommand; maxChars: number; senderTag?: string }): Promise<void> {
  const c = ctx.conversation;
  const parser = ctx.parser;
  if (!ctx.documents || !parser) return ctx.replier.sendText(c, DOC_TEXTS.console, ctx.jobId);
  // A cloud doc's comments (issue 22): listed when the words speak of 批注 or 评论.
  let note: string | undefined;
  if (origin.kind === 'link' && !opts.draft && ctx.comments && ctx.reviews && CLOUD_COMMENT_WORDS.test(words)) {
    const offered = await offerCloudReview(ctx, origin.link);
    if (offered.kind !== 'critique') return;
    note = offered.note;
  }
  let doc: ReadDocument;
  try {
    doc = await readDocument(ctx, parser, origin);
  } catch (err) {
    if (err instanceof ScannedPdf && opts.senderTag !== undefined) return scannedPdfFlow(ctx, { name: err.fileName, data: err.data, file: err.file }, opts.senderTag);
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

  const table = doc.kind === 'xlsx' || doc.kind === 'csv' || doc.kind === 'sheet' || doc.kind === 'bitable';
  if (opts.draft) {
    // In a private chat the other files sent within the hour go with it (last year's report and the 台账).
    const items = c.chatType === 'p2p' ? await recentItems(ctx, parser, origin.kind === 'file' ? origin.file.fileKey : undefined) : [];
    return draftWithMaterial(ctx, opts.draft, words, [...items, ...(c.chatType === 'p2p' ? await confirmedOcrItems(ctx) : []), asItem(doc)]);
  }

  // A spreadsheet is a 台账: material for a draft, not a text to proofread.
  if (doc.kind === 'forward') return ctx.replier.sendText(c, `这是一组合并转发的聊天记录，读到 ${doc.facts?.length ?? 0} 条消息。要用它起草，请回复（引用）它并说“根据这些记录写……”；每条事实会注明消息时间。`, ctx.jobId);
  if (table) return ctx.replier.sendText(c, `“${doc.name}”是一份表格台账，读到 ${doc.facts?.length ?? doc.text.split('\n').filter((l) => /第\d+行）$/.test(l)).length} 行记录。要用它起草，请说“根据这份台账写……”（例如“根据这份台账写上半年报告”）；私聊里直接发这句话即可，群里请回复（引用）这份文件并 @我。`, ctx.jobId);
  if (doc.text.length > opts.maxChars || doc.truncated) return ctx.replier.sendText(c, DOC_TEXTS.tooLong(doc.name, doc.text.length, opts.maxChars), ctx.jobId);
  const docx = doc.docx;
  // The review loop (issue 22): 按审校意见修订 returns the critic's fixes as revisions; a file with 批注 gets their list.
  // The same on a cloud doc: the fixes in a revised copy imported beside it, the original untouched.
  if (origin.kind === 'link' && doc.kind === 'cloud-doc' && ctx.reviews && REVISE_BY_CRITIQUE.test(words)) {
    if (await mayRevise(ctx, threadKey(c))) return cloudCritiqueRevisionFlow(ctx, { title: doc.name, text: doc.text, url: origin.link.url });
    note = REVIEW_TEXTS.notAllowed;
  } else if (docx && ctx.reviews && REVISE_BY_CRITIQUE.test(words)) {
    if (await mayRevise(ctx, threadKey(c))) return critiqueRevisionFlow(ctx, { name: doc.name, data: docx });
    note = REVIEW_TEXTS.notAllowed;
  } else if (docx && doc.file && ctx.reviews) {
    const offered = await offerReview(ctx, { name: doc.name, data: docx, source: { kind: 'file', file: doc.file, name: doc.name } });
    if (offered.kind !== 'critique') return;
    note = offered.note;
  } else if (!note && HANDLE_COMMENTS.test(words) && doc.kind !== 'docx' && doc.kind !== 'cloud-doc') note = '只有 Word（.docx）文件和飞书云文档能按批注修改；这份文件已按审校处理。';
  if (!note && doc.imageOnlyPages?.length) note = imageOnlyNote(doc.imageOnlyPages);
  await critiqueFlow(ctx, doc.text, {
    ...(note ? { note } : {}),
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

/** A mostly-text PDF's scanned pages are said, not silently skipped (a mostly-scanned one goes to OCR instead). */
const imageOnlyNote = (pages: readonly number[]) =>
  `第${pages.slice(0, 10).join('、')}页${pages.length > 10 ? `等 ${pages.length} 页` : ''}没有文字层（扫描页或空白页），这些页的内容没有审阅；需要的话，请把这几页单独导出为 PDF 发来识别。`;

const asItem = (doc: ReadDocument): MaterialItem => ({
  source: doc.name,
  text: doc.text,
  origin: doc.kind === 'message' || doc.kind === 'forward' ? 'message' : 'file',
  ...(doc.kind === 'xlsx' || doc.kind === 'csv' || doc.kind === 'sheet' || doc.kind === 'bitable' || doc.kind === 'forward' ? { tabular: true } : {}),
  ...(doc.facts ? { sourced: doc.facts } : {}),
});

/** The other files of a private chat sent within the hour, read; one that cannot be read is left out (logged). */
async function recentItems(ctx: TurnContext, parser: DocumentParser, except?: string): Promise<MaterialItem[]> {
  const items: MaterialItem[] = [];
  for (const f of (await ctx.memory.recentFiles(ctx.conversation.chatId)).filter((x) => x.fileKey !== except).slice(-4)) {
    try {
      const more = await readDocument(ctx, parser, { kind: 'file', file: f });
      if (!findClassificationMarking(more.text, ctx.restrictedMarkings)) items.push(asItem(more));
    } catch (err) {
      if (!(err instanceof DocumentError)) throw err;
      ctx.log.info({ reason: err.reason }, 'an earlier file unreadable; drafting without it');
    }
  }
  return items;
}

/**
 * A new request asking to draft from material (根据这张照片写…) with no file: a photo's confirmed
 * recognition in this private chat is that material; otherwise an ordinary draft.
 */
export async function draftOrFromPhoto(ctx: TurnContext, cmd: DraftCommand, text: string, newRequest: boolean): Promise<void> {
  if (newRequest && cmd.kind !== 'export' && ctx.conversation.chatType === 'p2p' && isMaterialRequest(text)) {
    const photos = await confirmedOcrItems(ctx);
    if (photos.length) return draftWithMaterial(ctx, cmd, text, [...(ctx.parser && ctx.documents ? await recentItems(ctx, ctx.parser) : []), ...photos]);
  }
  return draftingFlow(ctx, cmd, { text, newRequest });
}

/** Draft from the items, each taken as a model or as facts (one line each on the card). */
export function draftWithMaterial(ctx: TurnContext, cmd: DraftCommand, words: string, items: MaterialItem[]): Promise<void> {
  const taken = buildMaterials(items, words, MATERIAL_BUDGET_CHARS, ctx.now);
  return draftingFlow(ctx, cmd, { text: words, newRequest: true, materials: { taken, items } });
}

/**
 * “这份是台账” / “第二个文件是范文”: the thread's material re-decided with the correction, and the
 * same request drafted again.
 */
export async function materialKindFlow(ctx: TurnContext, correction: KindCorrection): Promise<void> {
  const c = ctx.conversation;
  const state = await ctx.memory.getState<ReportThreadState>(c);
  const m = state?.material;
  if (!m?.items.length) return ctx.replier.sendText(c, NO_MATERIAL_TO_CORRECT, ctx.jobId);
  const current = buildMaterials(m.items, m.words, MATERIAL_BUDGET_CHARS, ctx.now);
  let at: number | undefined;
  if (correction.index !== undefined) at = correction.index - 1;
  else if (correction.name) at = m.items.findIndex((it) => it.source.includes(correction.name!) || correction.name!.includes(it.source.replace(/\.[A-Za-z0-9]+$/, '')));
  else {
    // “这份”: the one file, else the one taken the other way.
    const other = current.map((x, i) => ((x.model ? 'model' : 'facts') !== correction.kind ? i : -1)).filter((i) => i >= 0);
    at = m.items.length === 1 ? 0 : other.length === 1 ? other[0] : undefined;
  }
  if (at === undefined || at < 0 || at >= m.items.length) {
    const list = m.items.map((it, i) => `第${i + 1}个：“${it.source}”`).join('；');
    return ctx.replier.sendText(c, `这个话题里有 ${m.items.length} 份材料（${list}），请说明是哪一份，例如“第二个文件是台账”。`, ctx.jobId);
  }
  const items = m.items.map((it, i) => (i === at ? { ...it, correction: correction.kind } : it));
  return draftWithMaterial(ctx, m.command, m.words, items);
}

export const NO_MATERIAL_TO_CORRECT = '这个话题里还没有用材料起草的稿子。请先发文件并说明用途，例如“参考去年的报告，根据这份台账写2026年上半年报告”。';

/** “这句出自哪里？” */
export async function whereFromFlow(ctx: TurnContext, question: string): Promise<void> {
  const state = await ctx.memory.getState<ReportThreadState>(ctx.conversation);
  return ctx.replier.sendText(ctx.conversation, answerWhereFrom(state, question), ctx.jobId);
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
