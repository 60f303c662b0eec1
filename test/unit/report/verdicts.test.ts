// Issue 24 item 6, the pure half and the card: reading a reply, the comment tag, counts and alarms, the
// export, the feedback card's shape (buttons for few findings, selects for many) and the button payload.
import { describe, expect, it } from 'vitest';
import { alarmingRules, countByRule, findingTag, parseVerdictReply, readFindingTag, verdictsCsv, verdictSummary, type VerdictRecord } from '../../../src/report/verdicts.js';
import { CHOICE_BUTTON_ROWS, choiceCard } from '../../../src/feishu/cards.js';
import { decodeButton, verdictValue } from '../../../src/flows/drafting/buttons.js';
import { routeButton, routeChangesDraft, routeNeedsModel } from '../../../src/handler/routes.js';
import { excerptHash, verdictUser } from '../../../src/stores/verdicts.js';
import type { ChoiceCard } from '../../../src/core/replier.js';
import { FeishuApiError } from '../../../src/core/errors.js';
import { sendVerdictCard } from '../../../src/flows/verdicts.js';
import type { TurnContext } from '../../../src/flows/context.js';

describe('a reply that is a verdict', () => {
  it.each([['误报', 'false-alarm'], ['误报。', 'false-alarm'], [' 这条是误报！', 'false-alarm'], ['不是问题', 'false-alarm'], ['有用', 'useful'], ['有用。', 'useful'], ['已采纳', 'useful']] as const)('%s → %s', (text, verdict) => {
    expect(parseVerdictReply(text)).toBe(verdict);
  });
  it.each(['误报，但这里应改为“主题教育”', '这个不对', '已修改', '有用吗？还需要再看看', ''])('not a verdict: %s', (text) => {
    expect(parseVerdictReply(text)).toBeUndefined();
  });
});

describe('the comment tag', () => {
  it('round-trips the rule and the hash, and is found inside a comment', () => {
    const hash = excerptHash('召开专题会议X次');
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    const comment = `【错误】有未填写的占位符\n建议：填入实际次数\n${findingTag('placeholder', hash)}`;
    expect(readFindingTag(comment)).toEqual({ rule: 'placeholder', hash });
    expect(readFindingTag('领导的批注：这里再具体些')).toBeUndefined();
  });
  it('hashes neither reveal the text nor the user', () => {
    expect(excerptHash('四种意识')).not.toContain('四种');
    expect(verdictUser('ou_abc')).not.toContain('ou_abc');
    expect(verdictUser('ou_abc')).toBe(verdictUser('ou_abc'));
  });
});

const rec = (rule: string, verdict: VerdictRecord['verdict'], i: number): VerdictRecord => ({ id: `c:k:${i}`, time: Date.UTC(2026, 11, 6, 2, i), chat: 'oc_1', user: 'u', rule, hash: 'a'.repeat(12), verdict, via: 'card' });

describe('counts, alarms and the export', () => {
  const records = [rec('extra-space', 'false-alarm', 1), rec('extra-space', 'false-alarm', 2), rec('extra-space', 'useful', 3), rec('placeholder', 'useful', 4), rec('placeholder', 'false-alarm', 5), rec('title', 'false-alarm', 6)];
  it('counts per rule and reports rules over the share with enough verdicts, worst first', () => {
    expect(countByRule(records)).toEqual([{ rule: 'extra-space', falseAlarm: 2, useful: 1 }, { rule: 'placeholder', falseAlarm: 1, useful: 1 }, { rule: 'title', falseAlarm: 1, useful: 0 }]);
    expect(alarmingRules(countByRule(records), { share: 0.5, min: 2 })).toEqual([{ rule: 'extra-space', falseAlarm: 2, total: 3, share: 0.67 }, { rule: 'placeholder', falseAlarm: 1, total: 2, share: 0.5 }]);
    expect(alarmingRules(countByRule(records), { share: 0.7, min: 1 })).toEqual([{ rule: 'title', falseAlarm: 1, total: 1, share: 1 }]);
  });
  it('CSV with a header and ISO times; the summary sentence', () => {
    const csv = verdictsCsv(records.slice(0, 1)).split('\r\n');
    expect(csv[0]).toBe('time,tenant,chat,user,rule,hash,verdict,via,id');
    expect(csv[1]).toBe(`2026-12-06T02:01:00.000Z,,oc_1,u,extra-space,${'a'.repeat(12)},false-alarm,card,c:k:1`);
    expect(verdictSummary(1, 2)).toContain('已记录 3 条反馈：误报 1 条、有用 2 条');
  });
});

function card(rows: number, chosen?: { row: number; option: string }): ChoiceCard {
  return {
    title: '笔杆子 · 意见反馈',
    intro: '请逐条标记',
    rows: Array.from({ length: rows }, (_, n) => ({ label: `${n + 1}. 第${n + 3}行 · 错误 · 占位待补`, value: verdictValue('k1', n, 'om_thread_root_0000000000000000001'), options: [{ id: 'fp', text: '误报' }, { id: 'ok', text: '有用' }], ...(chosen?.row === n ? { chosen: chosen.option } : {}) })),
  };
}

const count = (x: unknown): number => (Array.isArray(x) ? x.reduce((n: number, y) => n + count(y), 0) : x && typeof x === 'object' ? ((x as Record<string, unknown>).tag && (x as Record<string, unknown>).tag !== 'plain_text' ? 1 : 0) + Object.values(x as Record<string, unknown>).reduce((n: number, y) => n + count(y), 0) : 0);

describe('the feedback card', () => {
  it('few rows: a label and two buttons each, the chosen one marked; each button carries its option', () => {
    const json = choiceCard(card(3, { row: 1, option: 'fp' })) as { body: { elements: Array<Record<string, unknown>> } };
    const rows = json.body.elements.filter((e) => e.tag === 'column_set') as Array<{ columns: Array<{ elements: Array<Record<string, unknown>> }> }>;
    expect(rows).toHaveLength(3);
    const buttons = rows[1]!.columns.slice(1).map((c) => c.elements[0] as { text: { content: string }; type: string; behaviors: Array<{ value: Record<string, unknown> }> });
    expect(buttons.map((b) => b.text.content)).toEqual(['✓ 误报', '有用']);
    expect(buttons[0]!.type).toBe('primary');
    expect(decodeButton(buttons[1]!.behaviors[0]!.value)).toEqual({ kind: 'verdict', card: 'k1', n: 1, option: 'ok' });
    expect(String(rows[1]!.columns[0]!.elements[0]!.content)).toContain('已标：误报');
  });
  it('50 rows: one select each, under 200 components and 30 KB, the chosen option as initial_option', () => {
    const json = choiceCard(card(50, { row: 7, option: 'ok' })) as { body: { elements: Array<Record<string, unknown>> } };
    const selects = json.body.elements.filter((e) => e.tag === 'select_static');
    expect(selects).toHaveLength(50);
    expect(count(json)).toBeLessThan(200);
    expect(Buffer.byteLength(JSON.stringify(json))).toBeLessThan(30 * 1024);
    expect(selects[7]!.initial_option).toBe('ok');
    expect(selects[6]!.initial_option).toBeUndefined();
    expect(CHOICE_BUTTON_ROWS * 7 + 2).toBeLessThan(200);
  });
  it('a select value without an option, or a foreign option, is no verdict', () => {
    expect(decodeButton({ ...verdictValue('k1', 0, 'om_t') })).toBeUndefined();
    expect(routeButton({ ...verdictValue('k1', 0, 'om_t'), option: 'fp' })).toEqual({ kind: 'verdict', card: 'k1', n: 0, option: 'fp' });
  });
  it('a verdict needs no model and is the critique requester\'s (card ownership)', () => {
    const r = routeButton({ ...verdictValue('k1', 0, 'om_t'), option: 'fp' });
    expect(routeNeedsModel(r)).toBe(false);
    expect(routeChangesDraft(r)).toBe(true);
  });
});

describe('the feedback card is never the critique\'s failure', () => {
  const finding = { rule: 'placeholder', category: 'placeholder', severity: 'error', message: '占位符', start: 0, end: 2, excerpt: 'X次' } as const;
  const ctx = (err: Error) => ({
    conversation: { chatId: 'oc_1', chatType: 'p2p', messageId: 'om_1', senderOpenId: 'ou_1' },
    jobId: 'msg-om_1',
    log: { warn: () => undefined, info: () => undefined },
    verdicts: { saveCard: () => Promise.resolve() },
    replier: { sendChoiceCard: () => Promise.reject(err) },
  }) as unknown as TurnContext;
  it('a card Feishu refuses for good is logged and skipped; a retryable failure retries the job', async () => {
    await expect(sendVerdictCard(ctx(new FeishuApiError('message.reply', 230099, 'element exceeds the limit', 400, 'bad-request', false)), [finding], 'X次')).resolves.toBeUndefined();
    await expect(sendVerdictCard(ctx(new FeishuApiError('message.reply', 99991400, 'rate limited', 429, 'rate-limited', true)), [finding], 'X次')).rejects.toThrow('rate limited');
  });
});
