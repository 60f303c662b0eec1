/**
 * The one route table: a message (text, file, link, quote) or a button press becomes exactly one
 * `Route`. The text is read once. `handle.ts` runs the checks before a route (its middleware list)
 * and then the route's flow; nothing else decides what the user asked for.
 *
 * Adding a command: one entry in SLASH_COMMANDS and/or TEXT_RULES below, a `Route` kind, and its flow
 * in `handle.ts#FLOWS` (docs/ARCHITECTURE.md, "How to add a command").
 */
import type { DocumentOrigin, FileRef } from '../core/documents.js';
import { findDocLink, withoutLink } from '../documents/doc-links.js';
import type { Payload } from '../core/message.js';
import { REMINDER_NOT_UNDERSTOOD } from '../core/texts.js';
import { isMaterialRequest } from '../documents/material.js';
import { parseKindCorrection, type KindCorrection } from '../report/material/kind.js';
import type { LedgerOp } from '../flows/ledger.js';
import { decodeButton } from '../flows/drafting/buttons.js';
import { implicitReminder, parseLedgerReminder, parseReminderCommand, type ReminderCommand } from '../reminders/parse.js';
import { parseDraftCommand, type DraftCommand } from '../report/commands.js';
import { POST_WORD } from '../report/request.js';
import { parseWordCommand } from '../report/unit-words.js';
import { EXPORT_WORDS, IMPORT_WORDS, isWordListFile, type WordListRequest } from '../flows/unit-words.js';
import { EDIT_IN_PLACE, HANDLE_COMMENTS, REVISE_BY_CRITIQUE } from '../report/review-comments.js';

/** A message about a document: where it is, the words with it, and the draft they ask for (else a critique). */
export interface DocumentRoute {
  origin: DocumentOrigin;
  words: string;
  draft?: DraftCommand;
}

/** What a message or a button asks for. Pure: the worker dispatches on it, ingest picks a rate limit by it. */
export type Route =
  /** `empty`: the message had no words (a bare @-mention, or a quote with nothing said). */
  | { kind: 'help'; empty?: true }
  | { kind: 'reset' }
  | { kind: 'unknown-command'; command: string }
  | { kind: 'too-long'; length: number }
  | { kind: 'reminder'; command: ReminderCommand }
  | { kind: 'critique'; text: string }
  | { kind: 'critique-empty' }
  | { kind: 'draft'; command: DraftCommand; newRequest: boolean }
  | { kind: 'chat'; text: string }
  | { kind: 'clouddoc' }
  /** The unit's own word list: add, change, remove, list, export. */
  | { kind: 'unit-words'; request: WordListRequest }
  | { kind: 'document'; document: DocumentRoute }
  | { kind: 'unsupported'; messageType: string }
  /** “删除我的数据”: ask for confirmation; never stored, never sent to the model. */
  | { kind: 'forget-ask' }
  /** The confirmation: a button (with the asker's tag) or, where there are no buttons, typed. */
  | { kind: 'forget-confirm'; requester?: string }
  | { kind: 'forget-cancel'; requester?: string }
  /** 保留: keep the thread's draft another DRAFT_TTL_DAYS (the expiry warning's answer). */
  | { kind: 'draft-keep' }
  /** A button whose payload we no longer understand. */
  | { kind: 'button-expired' }
  /** The answer to a list of 批注: 全部处理 / 处理 1 3 (typed), or the 全部处理 button (`all`). */
  | { kind: 'review-answer'; text: string; all?: true }
  /** 直接改原文档 / 在原文档上改 (typed, maybe after numbers) or its button under a cloud doc's list: the blocks edited in place. */
  | { kind: 'review-in-place'; text: string; all?: true }
  /** 这版改了什么 / 改回上一版 (issue 22 item 7). */
  | { kind: 'review-version'; op: 'changes' | 'restore' }
  /** “@某某 审稿”: the owner names reviewers of the thread's draft (issue 22 item 8). */
  | { kind: 'reviewer' }
  /** “这份是台账” / “第二个文件是范文”: how a file of the thread's material is taken. */
  | { kind: 'material-kind'; correction: KindCorrection }
  /** “这句出自哪里？”: the draft's stored provenance. */
  | { kind: 'where-from'; text: string }
  /** The unit's 台账: 记一笔, 查看台账, 导出台账, 修改/删除第N条, 根据本半年台账写报告. */
  | { kind: 'ledger'; op: LedgerOp }
  /** 误报 / 有用 on one finding of a critique's feedback card (issue 24 item 6). */
  | { kind: 'verdict'; card: string; n: number; option: string }
  /** “我们单位是……，上级党委是……”: the chat's unit profile. */
  | { kind: 'profile'; text: string }
  /** A photo: OCR, shown back for the writer to confirm. */
  | { kind: 'photo'; image: { messageId: string; imageKey: string } }
  /** 确认 / 作废 pressed under an OCR result; `sender` tags the photo's sender. */
  | { kind: 'ocr-button'; op: 'confirm' | 'discard' | 'retry'; sender: string; run?: string };

/** What a route produced from text alone (before files, links and quotes are considered). */
export type TextRoute = Exclude<Route, { kind: 'document' | 'unsupported' | 'button-expired' | 'verdict' | 'photo' | 'ocr-button' }>;

export const MAX_INPUT_CHARS = 30_000;

export interface RouteOptions {
  now: Date;
  timezone: string;
}

const HELP_WORDS = /^(帮助|help|菜单|使用说明|说明|你能做什么|你会什么|怎么用|功能)[？?。!！]*$/i;

/** 帮我看看 / 请审阅一下这段 / 点评下面的材料： … */
const CRITIQUE_LEAD = /^(?:请|麻烦|帮我|帮忙|请帮我|你)?(?:审阅|审校|校对|审核|审一下|审一审|看看|看一下|看一看|瞧瞧|点评|评价|检查|把关|挑挑毛病|提提意见|提点意见|改改|修改意见)(?:一下|下)?(?:这段|这篇|这份|下面|以下|如下|我的)?(?:的)?(?:内容|文字|段落|材料|报告|稿子|稿件|初稿|文稿)?[？?。，,:：\s]*/;

/** A new report the user asks for: 帮我写一份…报告 / 起草…述职报告 / …报告的提纲. */
const REPORT_REQUEST = /(写|起草|草拟|拟|撰写|生成|出)(一份|一篇|一个|个|份|篇)?[\s\S]{0,60}(报告|汇报|述职|总结|提纲|大纲)/;

/** 生成云文档 / 转成飞书文档 / 导出云文档 / /云文档 */
export const CLOUD_DOC_COMMAND = /^(?:[/／]云文档|(?:请|帮我)?(?:生成|导出|转成|转为|存为|保存为|做成)(?:飞书)?(?:云文档|在线文档|飞书文档))[。！!]?$/;

/** 删除我的数据 / 清除我的数据 / 删除我的所有数据 (a whole message, so a report quoting it is not one). */
const FORGET_ASK = /^(?:请|帮我)?(?:删除|清除|删掉|清空)(?:我的)?(?:所有|全部)?(?:个人)?数据[。！!]?$/;
const FORGET_CONFIRM = /^确认删除[。！!]?$/;
const FORGET_CANCEL = /^取消删除[。！!]?$/;
/** 保留 / 保留稿子: the answer to a draft's expiry warning (a whole message). */
const KEEP_DRAFT = /^(?:请|帮我)?(?:继续)?保留(?:这份|这篇|一下)?(?:稿子|草稿|文稿|稿件|提纲)?[。！!]?$/;

/** 全部处理 / 处理 1、3 / 处理第二条 / 不处理 / 除了2都改: an answer to a list of 批注 (read by report/review-comments.ts). */
const REVIEW_ANSWER = /^(?:全部处理|全都处理|都处理|逐条处理|一并处理|全部修改|全改|(?:请|麻烦)?处理\s*(?:第\s*)?[\d一二两三四五六七八九十]|(?:都|全部)?不(?:用|要|必)?处理(?:批注)?[。！!]?$|除(?:了|去|开)?\s*(?:第\s*)?[\d一二两三四五六七八九十][\s\S]{0,20}(?:都|全部)?(?:处理|改))/;
const VERSION_CHANGES = /^(?:这(?:一)?版|这次|刚才)(?:都)?改了(?:什么|哪些|啥)[？?。]*$/;
const VERSION_RESTORE = /^(?:改回|恢复|退回|回到)(?:到)?上一(?:个)?版(?:本)?[。！!]*$/;
/** @某某 审稿 / @张三 @李四 审稿: the owner names reviewers (the mentions come with the message). */
const NAME_REVIEWER = /^(?:(?:请|由)?@\S+\s*)+(?:来)?(?:审稿|审核|审阅)[。！!]*$/;

/** Words that point at a document the message quotes. */
const POINTS_AT_DOCUMENT = /台账|材料|附件|文件|文档|这份|这个|这篇|这些|以上|上面|该文|此文/;

/** Slash commands: `/name rest`. One entry per name (aliases share a builder). */
const slash = {
  help: (): TextRoute => ({ kind: 'help' }),
  reset: (): TextRoute => ({ kind: 'reset' }),
  critique: (rest: string): TextRoute => (rest ? { kind: 'critique', text: rest } : { kind: 'critique-empty' }),
  outline: (): TextRoute => ({ kind: 'draft', command: { kind: 'outline' }, newRequest: true }),
  remind: (rest: string, o: RouteOptions): TextRoute => {
    const r = parseReminderCommand(rest || '我的提醒', o);
    return { kind: 'reminder', command: r ?? { kind: 'error', message: REMINDER_NOT_UNDERSTOOD } };
  },
  clouddoc: (): TextRoute => ({ kind: 'clouddoc' }),
};
const SLASH_COMMANDS: Record<string, (rest: string, o: RouteOptions) => TextRoute> = {
  help: slash.help, 帮助: slash.help,
  reset: slash.reset, 清空: slash.reset, 重置: slash.reset,
  critique: slash.critique, 审阅: slash.critique, 审校: slash.critique,
  outline: slash.outline, 提纲: slash.outline,
  remind: slash.remind, 提醒: slash.remind, reminders: slash.remind,
  云文档: slash.clouddoc,
};

/** Pasted report text: long and shaped like a document, not a request. */
function looksPasted(text: string): boolean {
  if (text.length < 200) return false;
  const lines = text.split('\n').filter((l) => l.trim()).length;
  const sentences = (text.match(/[。；！？]/g) ?? []).length;
  return (lines >= 3 || sentences >= 5) && !/^(帮我|请|麻烦)?(写|起草|草拟|撰写|生成)/.test(text);
}

/** “‘集中学习15次’这句出自哪里？” / 这句话的出处是什么 / 这个数字哪来的 */
const WHERE_FROM = /(?:出自哪里|出自哪儿|出处是?(?:什么|哪里)?|从哪(?:里|儿)?来的?|哪来的|有什么依据|依据是什么)[？?。]?$/;

/** The unit profile, stated: 我们单位是… / 单位全称：… / 上级党委是… */
const PROFILE_STATEMENT = /^(?:我们(?:的)?单位(?:全称)?(?:是|为|：|:)|本单位(?:全称)?(?:是|为|：|:)|单位全称(?:是|为|：|:)|上级党委(?:是|为|：|:)|单位信息[：:])/;
/** “我是宣传部部长张三”: the writer's post (a name in it is dropped); a request to write is not one. */
const PROFILE_SELF = new RegExp(`^(?:我是|本人是)[\\u4e00-\\u9fa5，,（）()]{0,30}?${POST_WORD}`);
const WRITING_WORDS = /写|起草|拟|提纲|报告|稿|材料|修改|润色|审|看看|[？?吗]/;

const LEDGER_ADD = /^(?:记一笔|记上一笔|台账记一笔)/;
const LEDGER_LIST = /^(?:查看|看看|列出|显示)?(?:本单位|我们的|我的)?台账(?:列表|记录|清单)?[？?。]?$|^(?:查看|列出)(?:本单位|我们的|我的)?台账/;
const LEDGER_EXPORT = /^(?:导出|下载)(?:本单位|我们的|我的)?台账(?:为?(?:Excel|excel|表格|xlsx))?[。！!]?$/;
const LEDGER_REMOVE = /^(?:删除|删掉|去掉)(?:台账)?第\s*(\d+)\s*条(?:台账|记录)?[。！!]?$/;
const LEDGER_EDIT = /^(?:修改|更正|改)(?:台账)?第\s*(\d+)\s*条(?:台账|记录)?\s*(?:为|成)?[：:，,]\s*(.+)$/s;
/** 根据本半年台账写报告 / 用本年度的台账写报告: the 记一笔 entries, not a file. */
const LEDGER_DRAFT = /(?:本|这|今)(?:半年|年度?|季度|期)(?:的|记的)?台账|(?:记一笔|记的|已记的?)(?:的)?台账/;

function ledgerRoute(text: string): TextRoute | null {
  if (LEDGER_ADD.test(text)) return { kind: 'ledger', op: { kind: 'add', text } };
  if (LEDGER_EXPORT.test(text)) return { kind: 'ledger', op: { kind: 'export' } };
  if (LEDGER_LIST.test(text)) return { kind: 'ledger', op: { kind: 'list' } };
  const rm = LEDGER_REMOVE.exec(text);
  if (rm) return { kind: 'ledger', op: { kind: 'remove', id: rm[1]! } };
  const ed = LEDGER_EDIT.exec(text);
  if (ed) return { kind: 'ledger', op: { kind: 'edit', id: ed[1]!, text: ed[2]!.trim() } };
  if (LEDGER_DRAFT.test(text) && isMaterialRequest(text)) {
    const command = parseDraftCommand(text);
    return { kind: 'ledger', op: { kind: 'draft', command: command && command.kind !== 'export' ? command : REPORT_REQUEST.test(text) ? { kind: 'full' } : { kind: 'outline' }, words: text } };
  }
  return null;
}

/** Plain-text rules, asked in order; the first that answers decides. Chat is what is left. */
const TEXT_RULES: ReadonlyArray<(text: string, o: RouteOptions) => TextRoute | null> = [
  (text) => (FORGET_ASK.test(text) ? { kind: 'forget-ask' } : FORGET_CONFIRM.test(text) ? { kind: 'forget-confirm' } : FORGET_CANCEL.test(text) ? { kind: 'forget-cancel' } : null),
  // 全部处理，直接改原文档 is the in-place answer, not 全部处理.
  (text) => (text.length <= 40 && EDIT_IN_PLACE.test(text) ? { kind: 'review-in-place', text } : REVIEW_ANSWER.test(text) ? { kind: 'review-answer', text } : VERSION_CHANGES.test(text) ? { kind: 'review-version', op: 'changes' } : VERSION_RESTORE.test(text) ? { kind: 'review-version', op: 'restore' } : NAME_REVIEWER.test(text) ? { kind: 'reviewer' } : null),
  (text) => {
    const correction = parseKindCorrection(text);
    return correction ? { kind: 'material-kind', correction } : null;
  },
  // 导出Word带出处 ends like a question about a source; it is an export.
  (text) => (text.length <= 300 && WHERE_FROM.test(text) && parseDraftCommand(text)?.kind !== 'export' ? { kind: 'where-from', text } : null),
  // “每月25日提醒记台账” / “取消记台账提醒”: a reminder whose fires post the month's 台账.
  (text, o) => {
    const command = parseLedgerReminder(text, o);
    return command ? { kind: 'reminder', command } : null;
  },
  ledgerRoute,
  (text) => (text.length <= 200 && (PROFILE_STATEMENT.test(text) || (text.length <= 60 && PROFILE_SELF.test(text) && !WRITING_WORDS.test(text))) ? { kind: 'profile', text } : null),
  (text) => (CLOUD_DOC_COMMAND.test(text) ? { kind: 'clouddoc' } : null),
  (text) => (KEEP_DRAFT.test(text) ? { kind: 'draft-keep' } : null),
  (text) => {
    if (EXPORT_WORDS.test(text)) return { kind: 'unit-words', request: { kind: 'export' } };
    if (IMPORT_WORDS.test(text)) return { kind: 'unit-words', request: { kind: 'import' } };
    const command = parseWordCommand(text);
    return command ? { kind: 'unit-words', request: { kind: 'command', command } } : null;
  },
  (text, o) => {
    const command = parseReminderCommand(text, o);
    return command ? { kind: 'reminder', command } : null;
  },
  (text) => {
    const lead = CRITIQUE_LEAD.exec(text);
    if (!lead || lead[0].length === 0 || !/审|校|看|瞧|评|检查|把关|毛病|意见|改/.test(lead[0])) return null;
    const body = text.slice(lead[0].length).trim();
    if (body.length >= 10) return { kind: 'critique', text: body };
    return body.length === 0 ? { kind: 'critique-empty' } : null;
  },
  (text) => (looksPasted(text) ? { kind: 'critique', text } : null),
  (text) => {
    const command = parseDraftCommand(text);
    if (!command) return null;
    // "…报告的提纲" and "帮我写一份…报告" start a new report; "写第二部分" works on the thread's outline.
    const newRequest = command.kind === 'outline' || (command.kind === 'full' && REPORT_REQUEST.test(text) && text.length > 12);
    return { kind: 'draft', command, newRequest };
  },
  (text) => (REPORT_REQUEST.test(text) && /报告|汇报|述职|总结/.test(text) ? { kind: 'draft', command: { kind: 'full' }, newRequest: true } : null),
  // Last: a short message with a time and a recurrence or deadline is a reminder; with a time only, we ask.
  (text, o) => {
    const command = implicitReminder(text, o);
    return command ? { kind: 'reminder', command } : null;
  },
];

/** What a text asks for, read on its own. */
export function routeText(raw: string, o: RouteOptions): TextRoute {
  const text = raw.trim();
  if (!text) return { kind: 'help', empty: true };
  if (HELP_WORDS.test(text)) return { kind: 'help' };
  if (text.length > MAX_INPUT_CHARS) return { kind: 'too-long', length: text.length };
  const s = /^[/／]([^\s/]+)\s*([\s\S]*)$/.exec(text);
  if (s) {
    const command = SLASH_COMMANDS[s[1]!.toLowerCase()];
    return command ? command(s[2]!.trim(), o) : { kind: 'unknown-command', command: `/${s[1]!}` };
  }
  for (const rule of TEXT_RULES) {
    const route = rule(text, o);
    if (route) return route;
  }
  return { kind: 'chat', text };
}

/**
 * What a message asks for: a file, a cloud-doc link, a quoted document (when the words ask for a
 * critique or a draft from material), or what its text says. The text is read once.
 */
export function routeMessage(payload: Payload, o: RouteOptions): Route {
  if (payload.kind === 'file' && isWordListFile(payload.file.name)) return { kind: 'unit-words', request: { kind: 'import', origin: { kind: 'file', file: payload.file } } };
  if (payload.kind === 'file') return { kind: 'document', document: { origin: { kind: 'file', file: payload.file }, words: '' } };
  if (payload.kind === 'unsupported') return { kind: 'unsupported', messageType: payload.messageType };
  if (payload.kind === 'image') return { kind: 'photo', image: payload.image };
  const text = payload.text.trim();
  const isSlash = /^[/／]/.test(text);
  const link = isSlash ? undefined : findDocLink(text);
  if (link) {
    const words = withoutLink(text, link);
    return document({ kind: 'link', link }, words, isMaterialRequest(words) ? routeText(words, o) : undefined);
  }
  const route = routeText(payload.text, o);
  // 导入词表 in reply to a file: that file.
  if (route.kind === 'unit-words' && route.request.kind === 'import' && payload.quotedId && !isSlash) return { kind: 'unit-words', request: { kind: 'import', origin: { kind: 'quote', messageId: payload.quotedId } } };
  if (payload.quotedId && !isSlash && (route.kind === 'critique-empty' || (route.kind === 'help' && route.empty) || asksMaterial(text) || asksReview(text))) {
    return document({ kind: 'quote', messageId: payload.quotedId }, text, route);
  }
  return route;
}

/**
 * In a private chat a file cannot carry words: 根据这份台账写… right after a file (within the hour,
 * not quoting anything) means that file. `recentFile` looks it up only when the words ask for it.
 */
export async function routeWithRecentFile(route: Route, payload: Payload, p2p: boolean, o: RouteOptions, recentFile: () => Promise<FileRef | null | undefined>): Promise<Route> {
  if (route.kind === 'document' || route.kind === 'ledger' || !p2p || payload.kind !== 'text' || !(asksMaterial(payload.text) || asksReview(payload.text))) return route;
  const file = await recentFile();
  const words = payload.text.trim();
  return file ? document({ kind: 'file', file }, words, routeText(words, o)) : route;
}

/** A button press: its payload (owned by flows/drafting/buttons.ts) read back. */
export function routeButton(value: Record<string, unknown>): Route {
  const b = decodeButton(value);
  if (!b) return { kind: 'button-expired' };
  if (b.kind === 'clouddoc') return { kind: 'clouddoc' };
  if (b.kind === 'keep') return { kind: 'draft-keep' };
  if (b.kind === 'review') return b.inPlace ? { kind: 'review-in-place', text: '直接改原文档', all: true } : { kind: 'review-answer', text: '全部处理', all: true };
  if (b.kind === 'verdict') return { kind: 'verdict', card: b.card, n: b.n, option: b.option };
  if (b.kind === 'forget') return { kind: b.op === 'confirm' ? 'forget-confirm' : 'forget-cancel', requester: b.requester };
  if (b.kind === 'ocr') return { kind: 'ocr-button', op: b.op, sender: b.sender, ...(b.run ? { run: b.run } : {}) };
  return { kind: 'draft', command: b.command, newRequest: false };
}

/** The document a route is about, if it is one (the shape ingest and the unit tests read). */
export function documentRequest(payload: Payload, now: Date, timezone: string): DocumentRoute | undefined {
  const route = routeMessage(payload, { now, timezone });
  return route.kind === 'document' ? route.document : undefined;
}

/** Whether a route changes the thread's draft: in a group thread only its initiator may. */
export function routeChangesDraft(route: Route): boolean {
  // A critique's verdicts are its initiator's too (card ownership).
  return route.kind === 'reset' || route.kind === 'reviewer' || route.kind === 'verdict' || route.kind === 'material-kind' || (route.kind === 'ledger' && route.op.kind === 'draft') || (route.kind === 'draft' && route.command.kind !== 'export');
}

/**
 * Whether answering the route may need the model. Ingest counts such requests against the limit that
 * protects the model, and the rest (reminder commands, help) against a larger bucket of their own.
 * Conservative: a critique request without text may pick up a file sent before; “好的”/“第2个” may be chat.
 */
export function routeNeedsModel(route: Route): boolean {
  switch (route.kind) {
    case 'help': case 'reset': case 'unknown-command': case 'forget-ask': case 'forget-confirm': case 'forget-cancel': case 'too-long': case 'unsupported': case 'button-expired': case 'unit-words': case 'draft-keep': case 'review-version': case 'reviewer': case 'where-from': case 'verdict': case 'photo': case 'profile': case 'ocr-button':
      return false;
    case 'reminder':
      return route.command.kind === 'affirm' || route.command.kind === 'pick';
    case 'ledger':
      return route.op.kind === 'draft';
    case 'draft':
      return route.command.kind !== 'export';
    default:
      return true;
  }
}

/** Which rate limit a message counts against (a quote may be a document the worker reads). */
export function messageNeedsModel(payload: Payload, o: RouteOptions): boolean {
  if (payload.kind === 'text' && payload.quotedId !== undefined) return true;
  return routeNeedsModel(routeMessage(payload, o));
}

const asksMaterial = (text: string) => isMaterialRequest(text) && POINTS_AT_DOCUMENT.test(text);
/** 按审校意见修订 / 处理批注 about a file (quoted, or in a private chat the one just sent). */
const asksReview = (text: string) => text.length <= 40 && (REVISE_BY_CRITIQUE.test(text) || HANDLE_COMMENTS.test(text));

/** 根据…写提纲 / 写全文: the draft the words ask for (an outline unless they name another). */
function document(origin: DocumentOrigin, words: string, wordsRoute: TextRoute | undefined): Route {
  const d: DocumentRoute = { origin, words };
  if (isMaterialRequest(words)) d.draft = wordsRoute?.kind === 'draft' && wordsRoute.command.kind !== 'export' ? wordsRoute.command : { kind: 'outline' };
  return { kind: 'document', document: d };
}
