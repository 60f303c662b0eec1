/**
 * The unit's own word list in chat (issue 24 item 5): one list per chat (group or private chat) of the
 * app's tenant, kept without a TTL. Commands change it; critiques read it (`loadUnitWords`).
 */
import { applyWordCommand, parseUnitWordsFile, serializeUnitWords, type UnitWordList, type WordCommand } from '../report/unit-words.js';
import type { UnitWord } from '../report/critique/doc.js';
import type { TurnContext } from './context.js';

/** What a word-list message asks for: a change or listing, or the list as a file. */
export type WordListRequest = { kind: 'command'; command: WordCommand } | { kind: 'export' };

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
  const { list: next, reply } = applyWordCommand(list, req.command);
  if (next !== list) await ctx.memory.setUnitWords(c.chatId, serializeUnitWords({ entries: next.entries }));
  await ctx.replier.sendText(c, reply, ctx.jobId);
}
