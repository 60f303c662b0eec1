/**
 * The writer's verdict on each finding (issue 24 item 6): a feedback card under every critique
 * (误报 / 有用 per finding), its presses, and the replies “误报” / “有用” under the bot's comments in
 * a returned Word file. Stored by stores/verdicts.ts (rule id and excerpt hash, never the text).
 */
import { createHash } from 'node:crypto';
import { threadKey } from '../core/message.js';
import type { ChoiceCard } from '../core/replier.js';
import { excerptHash, type VerdictCardState } from '../stores/verdicts.js';
import * as T from '../core/texts.js';
import { RetryableError } from '../core/errors.js';
import type { Finding } from '../report/critique/types.js';
import { VERDICT_LABEL, VERDICT_OPTION, verdictCardIntro, verdictOfOption, verdictRowLabel, verdictSummary, type Verdict } from '../report/verdicts.js';
import type { WordVerdicts } from '../documents/verdict-replies.js';
import type { TurnContext } from './context.js';
import { verdictValue } from './drafting/buttons.js';

export const VERDICT_CARD_TITLE = '笔杆子 · 意见反馈';

/** Rows on one card: 50 selects stay well under Feishu's 30 KB; the rest can be answered in Word. */
export const MAX_VERDICT_ROWS = 50;

const OPTIONS = (['false-alarm', 'useful'] as const).map((v) => ({ id: VERDICT_OPTION[v], text: VERDICT_LABEL[v] }));

/** The card's key: short (it travels in every button), one per critique job. */
const cardKey = (jobId: string) => createHash('sha256').update(jobId).digest('base64url').slice(0, 12);

function lineOf(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function render(state: VerdictCardState, key: string, chosen: ReadonlyMap<number, Verdict>): ChoiceCard {
  return {
    title: VERDICT_CARD_TITLE,
    intro: verdictCardIntro(state.total, state.rows.length),
    rows: state.rows.map((r, n) => ({ label: `${n + 1}. ${r.label}`, value: verdictValue(key, n, state.thread), options: OPTIONS, ...(chosen.has(n) ? { chosen: VERDICT_OPTION[chosen.get(n)!] } : {}) })),
  };
}

const recordId = (key: string, n: number) => `c:${key}:${n}`;

/**
 * Under a critique card: one row per finding (in text order) to mark it 误报 or 有用. Nothing when
 * the transport has no buttons (console) or verdicts are not stored.
 */
export async function sendVerdictCard(ctx: TurnContext, findings: readonly Finding[], text: string): Promise<void> {
  if (!findings.length || !ctx.verdicts || !ctx.replier.sendChoiceCard) return;
  const c = ctx.conversation;
  const key = cardKey(ctx.jobId);
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  const state: VerdictCardState = {
    chat: c.chatId,
    thread: threadKey(c),
    total: findings.length,
    rows: ordered.slice(0, MAX_VERDICT_ROWS).map((f) => ({ rule: f.rule, hash: excerptHash(text.slice(f.start, f.end) || f.excerpt), label: verdictRowLabel(f, f.line ?? lineOf(text, f.start)) })),
  };
  await ctx.verdicts.saveCard(key, state);
  try {
    await ctx.replier.sendChoiceCard(c, render(state, key, new Map()), `${ctx.jobId}-verdicts`);
  } catch (err) {
    // The critique is answered already: a card Feishu refuses for good must not turn it into a failure (a rate limit or 5xx retries).
    if (ctx.signal?.aborted || !(err instanceof RetryableError) || err.retryable) throw err;
    ctx.log.warn({ err }, 'feedback card refused; the critique stands without it');
  }
}

/** A press on the feedback card: record it, then redraw the card with every row's verdict so far. */
export async function verdictButtonFlow(ctx: TurnContext, press: { card: string; n: number; option: string }): Promise<void> {
  const c = ctx.conversation;
  const verdict = verdictOfOption(press.option);
  const state = await ctx.verdicts?.card(c.chatId, press.card);
  const row = state?.rows[press.n];
  if (!ctx.verdicts || !state || !row || !verdict) return ctx.replier.sendText(c, T.BUTTON_EXPIRED, ctx.jobId);
  if (ctx.audit) ctx.audit.kind = 'verdict';
  const changed = await ctx.verdicts.record({ id: recordId(press.card, press.n), time: ctx.now.getTime(), ...(c.tenantKey ? { tenant: c.tenantKey } : {}), chat: c.chatId, openId: c.senderOpenId, rule: row.rule, hash: row.hash, verdict, via: 'card' });
  ctx.log.info({ rule: row.rule, verdict, changed }, 'finding verdict');
  const chosen = new Map<number, Verdict>();
  for (let n = 0; n < state.rows.length; n++) {
    const r = await ctx.verdicts.get(recordId(press.card, n));
    if (r) chosen.set(n, r.verdict);
  }
  await ctx.replier.updateChoiceCard?.(c, render(state, press.card, chosen));
}

/**
 * Record the verdicts of a returned Word file, and answer when that is all the file asks for.
 * Returns true when answered (nothing else to do with the file). A file with a leader's comments
 * or other replies has its verdicts recorded and goes on (the integrator's review flow calls this too).
 */
export async function takeWordVerdicts(ctx: TurnContext, found: WordVerdicts, fileHash: string): Promise<{ answered: boolean; falseAlarms: number; useful: number }> {
  const c = ctx.conversation;
  let falseAlarms = 0;
  let useful = 0;
  for (const v of found.verdicts) {
    if (v.verdict === 'false-alarm') falseAlarms++;
    else useful++;
    if (!ctx.verdicts) continue;
    const id = `w:${createHash('sha256').update(`${c.chatId}\n${fileHash}\n${v.commentId}`).digest('base64url').slice(0, 16)}`;
    await ctx.verdicts.record({ id, time: ctx.now.getTime(), ...(c.tenantKey ? { tenant: c.tenantKey } : {}), chat: c.chatId, openId: c.senderOpenId, rule: v.rule, hash: v.hash, verdict: v.verdict, via: 'word' });
  }
  if (found.verdicts.length) ctx.log.info({ falseAlarms, useful, otherComments: found.otherComments }, 'verdicts from a Word file');
  const onlyVerdicts = found.verdicts.length > 0 && found.otherComments === 0 && found.otherReplies === 0;
  if (onlyVerdicts) {
    if (ctx.audit) ctx.audit.kind = 'verdict';
    await ctx.replier.sendText(c, verdictSummary(falseAlarms, useful), ctx.jobId);
  }
  return { answered: onlyVerdicts, falseAlarms, useful };
}
