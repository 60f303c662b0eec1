/**
 * 记一笔 all period long (issue 23 item 4): the unit's 台账 in Redis per chat, without expiry;
 * listed, edited, deleted, exported as .xlsx, and drafted from (“根据本半年台账写报告”).
 */
import type { DraftCommand } from '../report/commands.js';
import { entryAdded, parseLedgerEntry } from '../report/material/entry.js';
import { findPeriod, periodLabel, periodRange, type ReportPeriod } from '../report/period.js';
import { defaultPeriod } from '../report/request.js';
import type { TurnContext } from './context.js';
import { draftWithMaterial } from './documents.js';

/** What a 台账 command asks. */
export type LedgerOp =
  | { kind: 'add'; text: string }
  | { kind: 'list' }
  | { kind: 'export' }
  | { kind: 'remove'; id: string }
  | { kind: 'edit'; id: string; text: string }
  | { kind: 'draft'; command: Exclude<DraftCommand, { kind: 'export' }>; words: string };

export const LEDGER_HOW = '记法：“记一笔：6月12日召开意识形态工作研判会，分析研判3类问题”。';
const NO_STORE = '控制台模式下没有保存台账的地方。';

const dateLabel = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** 本半年 / 这半年 / 本季度: the span the writer's calendar day (China time) is in. */
function currentSpan(words: string, now: Date): ReportPeriod | null {
  const t = new Date(now.getTime() + 8 * 3600_000);
  const year = t.getUTCFullYear();
  const month = t.getUTCMonth() + 1;
  if (/(?:本|这|今)半年/.test(words)) return { year, span: month <= 6 ? 'H1' : 'H2' };
  if (/(?:本|这)季度/.test(words)) return { year, span: (['Q1', 'Q2', 'Q3', 'Q4'] as const)[Math.floor((month - 1) / 3)]! };
  if (/(?:本|今)年度?/.test(words)) return { year, span: 'year' };
  return null;
}

export async function ledgerFlow(ctx: TurnContext, op: LedgerOp): Promise<void> {
  const c = ctx.conversation;
  const store = ctx.ledger;
  if (!store) return ctx.replier.sendText(c, NO_STORE, ctx.jobId);
  if (ctx.audit) ctx.audit.kind = 'ledger';
  const say = (t: string) => ctx.replier.sendText(c, t, ctx.jobId);
  switch (op.kind) {
    case 'add': {
      const entry = parseLedgerEntry(op.text, ctx.now);
      if (!entry) return say(`没有看懂要记的内容。${LEDGER_HOW}`);
      const kept = await store.add(c.chatId, entry, ctx.now, c.senderOpenId, c.chatType === 'p2p' ? 'p2p' : 'group');
      return say(`${entryAdded(entry, await store.count(c.chatId))}（编号 ${kept.id}，改动请说“修改第${kept.id}条：……”，删除请说“删除第${kept.id}条”）`);
    }
    case 'list': {
      const entries = await store.list(c.chatId);
      if (!entries.length) return say(`本单位台账里还没有记录。${LEDGER_HOW}`);
      const shown = entries.slice(-50);
      const lines = shown.map((e) => `第${e.id}条 · ${dateLabel(e.date)} · ${e.text}`);
      const more = entries.length > shown.length ? `\n（只列出最近的 ${shown.length} 条，全部请发“导出台账”）` : '';
      return say(`本单位台账（共 ${entries.length} 条，按日期排列）：\n${lines.join('\n')}${more}\n\n发“导出台账”得到 Excel 文件；“修改第N条：……”“删除第N条”改动。`);
    }
    case 'export': {
      const n = await store.count(c.chatId);
      if (!n) return say(`本单位台账里还没有记录，没有可导出的内容。${LEDGER_HOW}`);
      const data = await store.exportXlsx(c.chatId, '本单位意识形态工作台账');
      await ctx.replier.sendFile(c, { name: '本单位台账.xlsx', data }, `${ctx.jobId}-ledger`);
      return say(`已导出本单位台账（共 ${n} 条），见附件《本单位台账.xlsx》。`);
    }
    case 'remove':
      return say((await store.remove(c.chatId, op.id)) ? `已删除台账第${op.id}条。` : `台账里没有第${op.id}条。发“查看台账”可以看到每条的编号。`);
    case 'edit': {
      const entry = parseLedgerEntry(`记一笔：${op.text}`, ctx.now);
      if (!entry) return say(`没有看懂修改后的内容，例如：“修改第${op.id}条：6月15日召开意识形态工作研判会”。`);
      return say((await store.edit(c.chatId, op.id, entry, ctx.now)) ? `已修改台账第${op.id}条：${dateLabel(entry.date)}，${entry.text}。` : `台账里没有第${op.id}条。发“查看台账”可以看到每条的编号。`);
    }
    case 'draft': {
      const period = findPeriod(op.words, ctx.now) ?? currentSpan(op.words, ctx.now) ?? defaultPeriod(op.words, ctx.now);
      const range = periodRange(period);
      const facts = await store.facts(c.chatId, { from: range.start, to: range.end });
      if (!facts.length) return say(`本单位台账里没有${periodLabel(period)}的记录，无法据此起草。${LEDGER_HOW}`);
      const text = facts.map((f) => f.text).join('\n');
      return draftWithMaterial(ctx, op.command, op.words, [{ source: `本单位台账（${periodLabel(period)}，${facts.length} 条）`, text, tabular: true, sourced: facts }]);
    }
  }
}
