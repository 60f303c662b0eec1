/**
 * The unit profile (issue 23 item 6): the unit's full name, its 上级党委, the writer's role and
 * the usual periods, confirmed once per chat, stored, reused by every draft and shown in its
 * assumption line. Names of people are never kept (parseUnitProfile drops them).
 */
import { dropPersonNames, mergeProfile, parseUnitProfile, profileLine, profileQuestion, type UnitProfile } from '../report/material/profile.js';
import { roleLabel } from '../report/request.js';
import type { TurnContext } from './context.js';

interface StoredProfile extends UnitProfile {
  /** The bot asked once for what was missing: it does not ask again. */
  asked?: boolean;
  /** Who stated the role (open_id): “删除我的数据” removes the role they gave (privacy/forget.ts). */
  roleBy?: string;
}

/** Said when the statement carried a person's name: only the post is kept. */
export const NAMES_NOT_KEPT = '只记单位和职务，不保存任何人的姓名，刚才提到的姓名已略去。';

export async function loadProfile(ctx: TurnContext): Promise<StoredProfile> {
  const raw = await ctx.memory.unitProfile(ctx.conversation.chatId);
  return raw ? (JSON.parse(raw) as StoredProfile) : {};
}

/** “我们单位是中共青山县委宣传部，上级党委是中共青山县委，每半年报送”. */
export async function profileFlow(ctx: TurnContext, text: string): Promise<void> {
  const c = ctx.conversation;
  const said = parseUnitProfile(text);
  const names = dropPersonNames(text).dropped ? `\n${NAMES_NOT_KEPT}` : '';
  if (!said.unit && !said.superior && !said.role && !said.periods) {
    return ctx.replier.sendText(c, `没有从这句话里读出单位信息。可以这样说：“我们单位是中共某某县委宣传部，上级党委是中共某某县委，每半年报送”。不需要提供任何人的姓名。${names}`, ctx.jobId);
  }
  const old = await loadProfile(ctx);
  const next: StoredProfile = { ...mergeProfile(old, said), ...(old.asked ? { asked: true } : {}), ...(said.role ? { roleBy: c.senderOpenId } : {}) };
  await ctx.memory.setUnitProfile(c.chatId, JSON.stringify(next));
  const missing = profileQuestion(next);
  const parts = [next.unit && `单位：${next.unit}`, next.superior && `上级党委：${next.superior}`, next.role && `身份：${roleLabel(next.role)}`].filter(Boolean).join('；');
  return ctx.replier.sendText(c, `已记下${c.chatType === 'p2p' ? '' : '本群'}的单位信息（${parts || '通常报送时段'}），以后起草都按此填写，并在开头说明；有变化直接告诉我即可。${names}${missing ? `\n${missing}` : ''}`, ctx.jobId);
}

/**
 * For a new draft: the words with the profile's unit in front when they name none, the line for the
 * assumption block, and the one question for what is missing (asked once per chat).
 */
export async function applyProfile(ctx: TurnContext, words: string, namesUnit: boolean): Promise<{ words: string; line: string; question: string }> {
  const p = await loadProfile(ctx);
  // Asked only when the draft had to leave the unit open, and once per chat.
  const question = p.asked || namesUnit || p.unit ? '' : profileQuestion(p) ?? '';
  if (question) await ctx.memory.setUnitProfile(ctx.conversation.chatId, JSON.stringify({ ...p, asked: true }));
  const withUnit = p.unit && !namesUnit ? `${p.unit} ${words}` : words;
  return { words: withUnit, line: profileLine(p), question };
}
