// A draft is never silently lost (issue 26): the warning before it expires, and 保留.
import { threadKey, type Conversation } from '../../core/message.js';
import type { Replier } from '../../core/replier.js';
import type { TurnContext } from '../context.js';
import { expiryButtons } from './buttons.js';
import type { ReportThreadState } from './state.js';

const DAY_MS = 86_400_000;
export const EXPIRY_TITLE = '笔杆子 · 稿子即将到期';

/** 2026年12月30日 in the bot's zone. */
export function dayText(ms: number, timezone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}年${p.month}月${p.day}日`;
}

export const expiryWarningText = (expiresAt: number, timezone: string, ttlDays: number) =>
  `这个话题里的稿子（提纲和已起草、修改过的部分）将于${dayText(expiresAt, timezone)}到期删除。\n\n还要继续用，请点“保留”（从现在起再保存${ttlDays}天）；要留底，请点“导出Word”。不能点按钮时，在本话题回复“保留”或“导出Word”。`;

/** The warning card in the draft's thread, replying to the message that last changed it. */
export function expiryNotice(replier: Replier, o: { timezone: string; ttlDays: number }) {
  return async (c: Conversation, expiresAt: number, key: string): Promise<void> => {
    const card = await replier.openStream(c, { key, title: EXPIRY_TITLE });
    await card.finish(expiryWarningText(expiresAt, o.timezone, o.ttlDays), { buttons: expiryButtons(threadKey(c)) });
  };
}

export const NO_DRAFT_TO_KEEP = '这个话题里没有保存着的稿子（可能已经过期、被 /reset 清空或已删除），无需保留。要重新开始，请说明要写什么报告。';

/** 保留: the draft is stored again as it is, which restarts its lifetime and moves its warning. */
export async function keepDraft(ctx: TurnContext, ttlDays: number): Promise<void> {
  const c = ctx.conversation;
  if (ctx.audit) ctx.audit.kind = 'keep';
  const state = await ctx.memory.getState<ReportThreadState>(c);
  if (!state) return ctx.replier.sendText(c, NO_DRAFT_TO_KEEP, ctx.jobId);
  await ctx.memory.setState(c, state);
  await ctx.replier.sendText(c, `已保留这个话题里的稿子，保存到${dayText(ctx.now.getTime() + ttlDays * DAY_MS, ctx.timezone)}；到期前会再提醒。`, ctx.jobId);
}
