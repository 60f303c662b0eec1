/**
 * The unit's own word list in chat (issue 24 item 5): one list per chat (group or private chat) of the
 * app's tenant, kept without a TTL. Commands change it; critiques read it (`loadUnitWords`).
 */
import { applyWordCommand, MAX_ENTRIES, parseUnitWordsFile, serializeUnitWords, type UnitWordList, type WordCommand } from '../report/unit-words.js';
import type { UnitWord } from '../report/critique/doc.js';
import type { DocumentOrigin } from '../core/documents.js';
import { DocumentError } from '../core/errors.js';
import { requester, type TurnContext } from './context.js';

/**
 * What a word-list message asks for: a change or listing, the list as a file, or a file read into it
 * (`origin` absent: 导入词表 said without a file).
 */
export type WordListRequest = { kind: 'command'; command: WordCommand } | { kind: 'export' } | { kind: 'import'; origin?: DocumentOrigin };

/** 导入词表 / 导入本单位词表 */
export const IMPORT_WORDS = /^(?:请|帮我)?导入(?:一下)?(?:这份|这个)?(?:本单位|我们单位|单位)?的?词(?:表|库|清单)(?:文件)?[。！!]?$/;
/** A file sent on its own that is a word list: 词表 in its name, .json or .txt. */
export const isWordListFile = (name: string) => /词表|词库/.test(name) && /\.(json|txt)$/i.test(name);
/** A word list file is small: 500 entries of JSON. */
const MAX_FILE_BYTES = 256 * 1024;

/** 导出本单位词表 / 导出词表 */
export const EXPORT_WORDS = /^(?:请|帮我)?(?:导出|下载)(?:一下)?(?:本单位|我们单位|单位)?的?词(?:表|库|清单)(?:文件)?[。！!]?$/;

/** The chat's list; a stored value that no longer parses counts as empty (logged, never thrown at the writer). */
export async function loadUnitWords(ctx: TurnContext): Promise<UnitWordList> {
  const raw = await ctx.memory.unitWords(ctx.conversation.chatId);
  if (!raw) return { entries: [] };
  const r = parseUnitWordsFile(raw);
  if (!r.ok) {
    ctx.log.warn({ chat: ctx.conversation.chatId }, 'stored unit word list does not parse; treated as empty');
    return { entries: [] };
  }
  return r.list;
}

/** The entries the critic applies (source “单位规定”). */
export async function unitWordsFor(ctx: TurnContext): Promise<readonly UnitWord[]> {
  return (await loadUnitWords(ctx)).entries;
}

export async function unitWordsFlow(ctx: TurnContext, req: WordListRequest): Promise<void> {
  const c = ctx.conversation;
  const list = await loadUnitWords(ctx);
  if (ctx.audit) ctx.audit.kind = 'unit-words';
  if (req.kind === 'export') {
    if (list.entries.length === 0) {
      await ctx.replier.sendText(c, '本单位词表还是空的，没有可导出的内容。可以说“把‘某词’加入慎用词”或“‘原词’改为‘新词’”。', ctx.jobId);
      return;
    }
    const data = Buffer.from(serializeUnitWords({ ...list, scope: { group: c.chatId } }), 'utf8');
    await ctx.replier.sendFile(c, { name: '本单位词表.json', data }, `${ctx.jobId}-words`);
    await ctx.replier.sendText(c, `已导出本单位词表（共${list.entries.length}条），见附件《本单位词表.json》。命令行审校可用：bigan critique --words 本单位词表.json`, ctx.jobId);
    return;
  }
  if (req.kind === 'import') return importWords(ctx, list, req.origin);
  const { list: next, reply } = applyWordCommand(list, req.command);
  if (next !== list) await ctx.memory.setUnitWords(c.chatId, serializeUnitWords({ entries: next.entries }));
  await ctx.replier.sendText(c, reply, ctx.jobId);
}

/** The file's entries merged into the list (a word in both takes the file's entry). */
async function importWords(ctx: TurnContext, list: UnitWordList, origin: DocumentOrigin | undefined): Promise<void> {
  const c = ctx.conversation;
  const say = (text: string) => ctx.replier.sendText(c, text, ctx.jobId);
  if (!origin) return say('请把词表文件（导出的“本单位词表.json”，或每行写“慎用：某词”“禁用：某词”“‘原词’改为‘新词’”的 .txt 文件，文件名含“词表”）直接发给我；在群里请回复（引用）这份文件并 @我 说“导入词表”。');
  if (!ctx.documents) return say('控制台模式下不能读取文件；请在飞书里发送词表文件。');
  let data: Buffer;
  try {
    const got = await ctx.documents.fetch(origin, requester(ctx));
    if (got.kind !== 'file') return say('引用的不是文件。请回复（引用）词表文件（.json 或 .txt）并说“导入词表”。');
    if (!/\.(json|txt)$/i.test(got.name)) return say(`“${got.name}”不是词表文件。词表应为 .json（导出的格式）或 .txt（每行一条）。`);
    data = got.data;
  } catch (err) {
    if (err instanceof DocumentError) return say(err.userMessage);
    throw err;
  }
  if (data.length > MAX_FILE_BYTES) return say('词表文件太大（超过256KB），请检查是否发错了文件。');
  const parsed = parseUnitWordsFile(data.toString('utf8'));
  if (!parsed.ok) return say(`没有导入：${parsed.error}。`);
  const before = new Set(list.entries.map((e) => e.word));
  const byWord = new Map(list.entries.map((e) => [e.word, e] as const));
  for (const e of parsed.list.entries) {
    byWord.delete(e.word);
    byWord.set(e.word, e);
  }
  if (byWord.size > MAX_ENTRIES) return say(`没有导入：合并后将有${byWord.size}条，超过${MAX_ENTRIES}条的上限。请先删除不用的词。`);
  const added = parsed.list.entries.filter((e) => !before.has(e.word)).length;
  await ctx.memory.setUnitWords(c.chatId, serializeUnitWords({ entries: [...byWord.values()] }));
  await say(`已导入词表：新增${added}条，更新${parsed.list.entries.length - added}条，现共${byWord.size}条。说“查看本单位词表”可查看。`);
}
