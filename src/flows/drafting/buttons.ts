// The one owner of the buttons' payload: built here (draftButtons, forgetButtons, verdictValue), read back here (decodeButton).
import type { CardButton } from '../../core/replier.js';
import type { DraftCommand, SectionTarget } from '../../report/commands.js';
import { parseAddress, type SectionAddress } from '../../report/draft.js';

/** The value a button carries back in card.action.trigger. */
export interface DraftButtonValue {
  action: 'draft';
  command: DraftCommand;
  /** The thread whose stored outline the command works on. */
  thread: string;
  [key: string]: unknown;
}

/** The 生成云文档 button: publish the thread's stored draft. */
export interface CloudDocButtonValue {
  action: 'clouddoc';
  thread: string;
  [key: string]: unknown;
}

/** The “删除我的数据” card's buttons. `requester` is a tag of the asker's open_id (never the id itself: the payload is stored with the job). */
export interface ForgetButtonValue {
  action: 'forget';
  op: 'confirm' | 'cancel';
  requester: string;
  [key: string]: unknown;
}

/** The expiry warning's 保留 button: keep the thread's draft another DRAFT_TTL_DAYS. */
export interface KeepButtonValue {
  action: 'draft-keep';
  thread: string;
  [key: string]: unknown;
}

/**
 * A verdict on one finding of a critique (issue 24 item 6): `card` names the feedback card's stored
 * rows, `n` the row, `option` the choice (a button carries it; a select's comes back beside the value).
 */
export interface VerdictButtonValue {
  action: 'verdict';
  card: string;
  n: number;
  /** The critique's thread: its initiator owns the card (handler/middleware.ts#initiator). */
  thread: string;
  option?: string;
  [key: string]: unknown;
}

/** The buttons under “识别结果，请核对”: `sender` is a tag of the photo's sender (handler's userTag), who alone may answer in a group. */
export interface OcrButtonValue {
  action: 'ocr';
  op: 'confirm' | 'discard' | 'retry';
  sender: string;
  /** The job whose result the card shows: 重新识别 replaces it, and the old card's buttons then act no more. */
  run?: string;
  [key: string]: unknown;
}

/** The buttons under a list of 批注: 全部处理 (numbers are typed), and under a cloud doc's list 直接改原文档. */
export interface ReviewButtonValue {
  action: 'review';
  op: 'all' | 'in-place';
  thread: string;
  [key: string]: unknown;
}

export function verdictValue(card: string, n: number, thread: string): VerdictButtonValue {
  return { action: 'verdict', card, n, thread };
}

export function isDraftButton(v: Record<string, unknown>): v is DraftButtonValue {
  return v.action === 'draft' && typeof v.thread === 'string' && typeof v.command === 'object' && v.command !== null;
}

/** What a pressed button asks for; undefined when the payload is not (or no longer) ours. */
export type ButtonIntent = { kind: 'draft'; command: DraftCommand; thread: string } | { kind: 'clouddoc'; thread: string }
  | { kind: 'forget'; op: 'confirm' | 'cancel'; requester: string } | { kind: 'keep'; thread: string }
  /** 全部处理 under a list of 批注, or 直接改原文档 under a cloud doc's (reviewButtons). */
  | { kind: 'review'; thread: string; inPlace?: true }
  | { kind: 'verdict'; card: string; n: number; option: string }
  | { kind: 'ocr'; op: 'confirm' | 'discard' | 'retry'; sender: string; run?: string };

export function decodeButton(v: Record<string, unknown>): ButtonIntent | undefined {
  if (v.action === 'forget' && (v.op === 'confirm' || v.op === 'cancel') && typeof v.requester === 'string') return { kind: 'forget', op: v.op, requester: v.requester };
  if (v.action === 'verdict' && typeof v.card === 'string' && typeof v.n === 'number' && typeof v.option === 'string') return { kind: 'verdict', card: v.card, n: v.n, option: v.option };
  if (v.action === 'clouddoc' && typeof v.thread === 'string') return { kind: 'clouddoc', thread: v.thread };
  if (v.action === 'draft-keep' && typeof v.thread === 'string') return { kind: 'keep', thread: v.thread };
  if (v.action === 'review' && v.op === 'all' && typeof v.thread === 'string') return { kind: 'review', thread: v.thread };
  if (v.action === 'review' && v.op === 'in-place' && typeof v.thread === 'string') return { kind: 'review', thread: v.thread, inPlace: true };
  if (v.action === 'ocr' && (v.op === 'confirm' || v.op === 'discard' || v.op === 'retry') && typeof v.sender === 'string') return { kind: 'ocr', op: v.op, sender: v.sender, ...(typeof v.run === 'string' ? { run: v.run } : {}) };
  if (isDraftButton(v)) return { kind: 'draft', command: v.command, thread: v.thread };
  return undefined;
}

/** What a card's buttons act on: the sections it showed, not a “（二）” that depends on what was worked on last. */
export function shownTarget(cmd: DraftCommand, addresses: readonly SectionAddress[] = []): SectionTarget | undefined {
  if (cmd.kind !== 'section' && cmd.kind !== 'revise') return undefined;
  const parsed = addresses.map(parseAddress);
  const parts = new Set(parsed.map((p) => p.part));
  if (addresses.length === 1 && addresses[0] === 'opening') return { opening: true };
  if (parts.size === 1 && parsed[0]!.part > 0) return addresses.length === 1 && parsed[0]!.section !== undefined ? { part: parsed[0]!.part, section: parsed[0]!.section } : { part: parsed[0]!.part };
  return cmd.target;
}

/** The buttons under a drafting card. */
export function draftButtons(thread: string, cmd: DraftCommand, addresses?: readonly SectionAddress[]): CardButton[] {
  const v = (command: DraftCommand): DraftButtonValue => ({ action: 'draft', command, thread });
  const target = shownTarget(cmd, addresses);
  const out: CardButton[] = [];
  if (target) {
    out.push({ text: '展开此部分', value: v({ kind: 'revise', op: 'expand', target }) });
    out.push({ text: '精简此部分', value: v({ kind: 'revise', op: 'condense', target }) });
    out.push({ text: '重写此部分', value: v({ kind: 'revise', op: 'rewrite', target }) });
  }
  if (cmd.kind !== 'full') out.push({ text: '写全文', value: v({ kind: 'full' }), primary: true });
  out.push({ text: '导出Word', value: v({ kind: 'export' }) });
  const cloudDoc: CloudDocButtonValue = { action: 'clouddoc', thread };
  out.push({ text: '生成云文档', value: cloudDoc });
  return out;
}

/** The confirmation card's buttons for “删除我的数据”. */
export function forgetButtons(requesterTag: string): CardButton[] {
  const v = (op: ForgetButtonValue['op']): ForgetButtonValue => ({ action: 'forget', op, requester: requesterTag });
  return [{ text: '确认删除', value: v('confirm'), primary: true }, { text: '取消', value: v('cancel') }];
}

/** The expiry warning's buttons: 保留 and 导出Word. */
export function expiryButtons(thread: string): CardButton[] {
  const keep: KeepButtonValue = { action: 'draft-keep', thread };
  const exportWord: DraftButtonValue = { action: 'draft', command: { kind: 'export' }, thread };
  return [{ text: '保留', value: keep, primary: true }, { text: '导出Word', value: exportWord }];
}

/** 全部处理 under a list of 批注; under a cloud doc's list also 直接改原文档. */
export function reviewButtons(thread: string, cloud = false): CardButton[] {
  const v = (op: ReviewButtonValue['op']): ReviewButtonValue => ({ action: 'review', op, thread });
  return [{ text: '全部处理', value: v('all'), primary: true }, ...(cloud ? [{ text: '直接改原文档', value: v('in-place') }] : [])];
}

/** 确认 / 作废 / 重新识别 under an OCR result (the typed 确认 does the same as the first). */
export function ocrButtons(senderTag: string, run?: string): CardButton[] {
  const v = (op: OcrButtonValue['op']): OcrButtonValue => ({ action: 'ocr', op, sender: senderTag, ...(run ? { run } : {}) });
  return [{ text: '确认', value: v('confirm'), primary: true }, { text: '作废', value: v('discard') }, { text: '重新识别', value: v('retry') }];
}
