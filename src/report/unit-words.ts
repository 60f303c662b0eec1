/**
 * The unit's own word list (issue 24 item 5, the pure half): the file format, the chat commands that
 * change it, and its listing. Storage per tenant and group is the chat layer's; the CLI reads the same
 * file (`bigan critique --words <file>`). Every entry applies in the critic with the source “单位规定”.
 */
import { z } from 'zod';
import type { UnitWord } from './critique/doc.js';

export const UNIT_WORDS_FORMAT = 'bigan-unit-words';
export const UNIT_WORDS_SOURCE = '单位规定';
/** A word longer than this is a sentence, not a word the unit avoids. */
export const MAX_WORD = 30;
export const MAX_ENTRIES = 500;

export interface UnitWordList {
  /** Whose list it is: the chat layer keys lists by tenant and group (both optional in a file). */
  scope?: { tenant?: string; group?: string };
  entries: UnitWord[];
}

const entrySchema = z.object({
  word: z.string().trim().min(1).max(MAX_WORD),
  kind: z.enum(['avoid', 'forbid', 'replace']),
  replacement: z.string().trim().min(1).max(MAX_WORD).optional(),
  note: z.string().trim().max(100).optional(),
});
const fileSchema = z.object({
  format: z.literal(UNIT_WORDS_FORMAT),
  version: z.literal(1),
  source: z.literal(UNIT_WORDS_SOURCE).optional(),
  scope: z.object({ tenant: z.string().optional(), group: z.string().optional() }).optional(),
  entries: z.array(entrySchema).max(MAX_ENTRIES),
});

export type ParseResult = { ok: true; list: UnitWordList } | { ok: false; error: string };

/**
 * A word list file: the JSON this module writes, or plain lines a person types —
 * 慎用：XX, 禁用：XX, “XX”改为“YY” (# starts a comment). Errors are Chinese, with the line number.
 */
export function parseUnitWordsFile(text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(body)) {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      return { ok: false, error: '词表文件不是有效的 JSON' };
    }
    const r = fileSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      return { ok: false, error: `词表文件格式不对：${issue.path.join('.') || '顶层'}（应为 format “${UNIT_WORDS_FORMAT}”、version 1、entries 列表，每项有 word 和 kind）` };
    }
    const bad = r.data.entries.find((e) => e.kind === 'replace' && !e.replacement);
    if (bad) return { ok: false, error: `“${bad.word}”是“改为”条目，但没有写改成什么（replacement）` };
    return { ok: true, list: dedupe({ ...(r.data.scope ? { scope: r.data.scope } : {}), entries: r.data.entries.map(clean) }) };
  }
  const entries: UnitWord[] = [];
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/#.*$/, '').trim();
    if (!line) continue;
    const e = lineEntry(line);
    if (typeof e === 'string') return { ok: false, error: `词表第${i + 1}行无法识别：${e}` };
    entries.push(e);
  }
  if (entries.length > MAX_ENTRIES) return { ok: false, error: `词表最多${MAX_ENTRIES}条，此文件有${entries.length}条` };
  return { ok: true, list: dedupe({ entries }) };
}

const Q = '[‘’“”"\'「」『』]';
const unquote = (s: string) => s.trim().replace(new RegExp(`^${Q}+|${Q}+$`, 'g'), '').trim();

/** One typed line: 慎用：XX / 禁用：XX / “XX”改为“YY” / XX → YY. A string is the reason it was not understood. */
function lineEntry(line: string): UnitWord | string {
  const kindLine = /^(慎用|禁用)(?:词)?\s*[：:\s]\s*(.+)$/.exec(line);
  if (kindLine) return checked({ word: unquote(kindLine[2]!), kind: kindLine[1] === '禁用' ? 'forbid' : 'avoid' });
  const rep = /^(.+?)\s*(?:改为|改成|→|->|=>)\s*(.+)$/.exec(line);
  if (rep) return checked({ word: unquote(rep[1]!), kind: 'replace', replacement: unquote(rep[2]!) });
  return '应写作“慎用：词语”“禁用：词语”或“‘原词’改为‘新词’”';
}

function checked(e: UnitWord): UnitWord | string {
  if (!e.word) return '词语为空';
  if ([...e.word].length > MAX_WORD) return `词语超过${MAX_WORD}个字`;
  if (e.kind === 'replace') {
    if (!e.replacement) return '没有写改成什么';
    if ([...e.replacement].length > MAX_WORD) return `新词超过${MAX_WORD}个字`;
    if (e.replacement === e.word) return '原词和新词相同';
  }
  return e;
}

const clean = (e: UnitWord): UnitWord => ({ word: e.word, kind: e.kind, ...(e.replacement ? { replacement: e.replacement } : {}), ...(e.note ? { note: e.note } : {}) });

/** The last entry for a word wins (a later line or command corrects an earlier one). */
function dedupe(list: UnitWordList): UnitWordList {
  const byWord = new Map<string, UnitWord>();
  for (const e of list.entries) {
    byWord.delete(e.word);
    byWord.set(e.word, e);
  }
  return { ...list, entries: [...byWord.values()] };
}

/** The file a list is exported as (and imported from): stable JSON. */
export function serializeUnitWords(list: UnitWordList): string {
  const file = { format: UNIT_WORDS_FORMAT, version: 1, source: UNIT_WORDS_SOURCE, ...(list.scope ? { scope: list.scope } : {}), entries: list.entries.map(clean) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type WordCommand =
  | { type: 'add'; entry: UnitWord }
  | { type: 'remove'; word: string }
  | { type: 'list' }
  | { type: 'invalid'; reason: string };

const W = `${Q}?([^‘’“”"'「」『』\\n]{1,60}?)${Q}?`;
const ADD = new RegExp(`^(?:请)?把\\s*${W}\\s*(?:加入|加到|列入|添加到|添加进)(?:本单位的?)?(慎用|禁用)词(?:表|库|清单)?[。！!]?$`);
const REMOVE = new RegExp(`^(?:请)?(?:把\\s*${W}\\s*(?:移出|移除出?|从)(?:本单位的?)?(?:慎用|禁用)?词(?:表|库|清单)?(?:中?(?:删除|删掉|移除))?|(?:删除|删掉|移除)(?:慎用词|禁用词|词表中的?)\\s*${W})[。！!]?$`);
const REPLACE = new RegExp(`^(?:请)?(?:把|将)?\\s*${Q}([^‘’“”"'「」『』\\n]{1,60}?)${Q}\\s*(?:统一)?(?:改为|改成|换成|替换为)\\s*${Q}([^‘’“”"'「」『』\\n]{1,60}?)${Q}[。！!]?$`);
const LIST = /^(?:请)?(?:查看|看看|显示|列出)(?:一下)?(?:本单位|我们单位|单位)?的?(?:慎用)?词(?:表|库|清单)[。！!？?]?$/;

/**
 * The chat commands of the word list, or null when the message is something else. The message is the
 * text without the @-mention. 改为 needs quotes on both words (“XX”改为“YY”), so a sentence such as
 * 会议改为下周召开 is not taken for a command.
 */
export function parseWordCommand(message: string): WordCommand | null {
  const m0 = message.trim().replace(/\s+/g, ' ');
  if (!m0) return null;
  if (LIST.test(m0)) return { type: 'list' };
  const add = ADD.exec(m0);
  if (add) {
    const e = checked({ word: unquote(add[1]!), kind: add[2] === '禁用' ? 'forbid' : 'avoid' });
    return typeof e === 'string' ? { type: 'invalid', reason: e } : { type: 'add', entry: e };
  }
  const rm = REMOVE.exec(m0);
  if (rm) {
    const word = unquote(rm[1] ?? rm[2] ?? '');
    return word ? { type: 'remove', word } : { type: 'invalid', reason: '词语为空' };
  }
  const rep = REPLACE.exec(m0);
  if (rep) {
    const e = checked({ word: rep[1]!.trim(), kind: 'replace', replacement: rep[2]!.trim() });
    return typeof e === 'string' ? { type: 'invalid', reason: e } : { type: 'add', entry: e };
  }
  return null;
}

export type ApplyResult = { list: UnitWordList; reply: string };

/** A command applied to a list: the new list (the old one is not changed) and the reply to post. */
export function applyWordCommand(list: UnitWordList, cmd: WordCommand): ApplyResult {
  switch (cmd.type) {
    case 'list':
      return { list, reply: formatUnitWords(list) };
    case 'invalid':
      return { list, reply: `没有改动词表：${cmd.reason}。` };
    case 'remove': {
      const entries = list.entries.filter((e) => e.word !== cmd.word);
      if (entries.length === list.entries.length) return { list, reply: `本单位词表中没有“${cmd.word}”。` };
      return { list: { ...list, entries }, reply: `已从本单位词表中删除“${cmd.word}”。` };
    }
    case 'add': {
      const e = cmd.entry;
      const had = list.entries.find((x) => x.word === e.word);
      if (!had && list.entries.length >= MAX_ENTRIES) return { list, reply: `本单位词表已有${MAX_ENTRIES}条，请先删除不用的词。` };
      const next = dedupe({ ...list, entries: [...list.entries, e] });
      const what = e.kind === 'replace' ? `“${e.word}”改为“${e.replacement}”` : `“${e.word}”${e.kind === 'forbid' ? '列为禁用词' : '列为慎用词'}`;
      return { list: next, reply: `${had ? '已更新' : '已记下'}：${what}。以后审校时按“${UNIT_WORDS_SOURCE}”提示。` };
    }
  }
}

/** The reply to 查看本单位词表. */
export function formatUnitWords(list: UnitWordList): string {
  if (list.entries.length === 0) return '本单位词表还是空的。可以说“把‘某词’加入慎用词”或“‘原词’改为‘新词’”。';
  const avoid = list.entries.filter((e) => e.kind === 'avoid').map((e) => `“${e.word}”`);
  const forbid = list.entries.filter((e) => e.kind === 'forbid').map((e) => `“${e.word}”`);
  const rep = list.entries.filter((e) => e.kind === 'replace').map((e) => `“${e.word}”→“${e.replacement}”`);
  const parts = [`本单位词表共${list.entries.length}条（审校时标注来源“${UNIT_WORDS_SOURCE}”）：`];
  if (forbid.length) parts.push(`禁用词：${forbid.join('、')}`);
  if (avoid.length) parts.push(`慎用词：${avoid.join('、')}`);
  if (rep.length) parts.push(`改为：${rep.join('；')}`);
  return parts.join('\n');
}
