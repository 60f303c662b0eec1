/**
 * Issue 24 item 6: the writer's verdict on each finding, end to end through the real Feishu SDK
 * against the fake Open API — the feedback card's buttons (and selects, with 40+ findings), card
 * ownership in a group, a duplicate press, /metrics, /healthz, the export, deletion, and a Word file
 * returned with replies “误报” / “有用” under the bot's comments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { groupAtBot, messageEvent, messageIdOf, OTHER_USER_OPEN_ID, textEvent, USER_OPEN_ID, cardActionEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { eventually } from '../support/wait.js';
import { runBigan } from '../support/cli.js';
import { buildDocx, DEFECT_REPORT } from '../support/docx-fixture.js';
import { NOT_CARD_OWNER } from '../../src/core/texts.js';
import { VERDICT_CARD_TITLE } from '../../src/flows/verdicts.js';
import { openReview } from '../../src/documents/review/read.js';
import { appendReply, commentWriter } from '../../src/documents/review/comments.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const TOKEN = 'admin-token-for-verdicts';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Our own text with a placeholder, a broken 四个意识 and a title-shaped first line: a handful of findings. */
const PASTE = '帮我看看这段：\n2025年上半年落实意识形态工作责任制情况报告\n局党组召开专题会议X次，增强“四种意识”。现将有关情况报告如下：\n一、主要做法\n二、存在问题\n三、下一步打算';

const clickEvent = (messageId: string, action: { value: Record<string, unknown>; tag?: string; option?: string }, o: { openId?: string; chatId?: string } = {}) =>
  cardActionEvent(messageId, action.value, { ...o, ...(action.tag ? { tag: action.tag } : {}), ...(action.option ? { option: action.option } : {}) });

type Json = Record<string, unknown>;
interface ButtonRow { label: string; buttons: Array<{ text: string; type: string; value: Json }> }

const isVerdictCard = (x: Harness, m: FakeMessage) => (x.feishu.cardOf(m) as { header?: { title?: { content?: string } } } | undefined)?.header?.title?.content === VERDICT_CARD_TITLE;

async function verdictCard(x: Harness, parent: string): Promise<FakeMessage> {
  await x.feishu.waitFor(() => x.feishu.repliesTo(parent).some((m) => isVerdictCard(x, m)), undefined, 'the feedback card');
  await appSettled(x);
  return x.feishu.repliesTo(parent).find((m) => isVerdictCard(x, m))!;
}

function buttonRows(x: Harness, m: FakeMessage): ButtonRow[] {
  const card = x.feishu.cardOf(m) as { body: { elements: Json[] } };
  return card.body.elements.filter((e) => e.tag === 'column_set').map((e) => {
    const cols = e.columns as Array<{ elements: Json[] }>;
    return {
      label: String(cols[0]!.elements[0]!.content),
      buttons: cols.slice(1).map((c) => {
        const b = c.elements[0] as { text: { content: string }; type: string; behaviors: Array<{ value: Json }> };
        return { text: b.text.content, type: b.type, value: b.behaviors[0]!.value };
      }),
    };
  });
}

async function metric(x: Harness, line: RegExp): Promise<number> {
  const res = await x.get('/metrics');
  const m = line.exec(String(res.body));
  return m ? Number(m[1]) : 0;
}

async function exported(x: Harness, format: 'csv' | 'jsonl'): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${x.app.port}/admin/verdicts?format=${format}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** A private file message whose file the fake Open API holds. */
function fileMessage(x: Harness, name: string, data: Buffer): Json {
  const ev = messageEvent('file', { file_key: 'placeholder', file_name: name });
  const msg = (ev.event as { message: { message_id: string; content: string } }).message;
  const key = x.feishu.addUserFile(msg.message_id, name, data);
  msg.content = JSON.stringify({ file_key: key, file_name: name });
  return ev;
}

/** The writer's replies under the bot's comments, written as Word writes them (threaded, their own author). */
async function replyInWord(data: Buffer, replies: Array<{ comment: number; text: string }>): Promise<Buffer> {
  const st = await openReview(data);
  const w = await commentWriter(st.pkg, st.document, new Date('2026-12-06T03:00:00Z'));
  const ids: string[] = [];
  for (const r of replies) ids.push(await appendReply(w, st.review.comments[r.comment]!, r.text));
  const saved = await st.pkg.save();
  // appendReply writes as 笔杆子: the writer's replies carry the writer's name.
  const zip = await JSZip.loadAsync(saved);
  const doc = new DOMParser().parseFromString(await zip.file('word/comments.xml')!.async('string'), 'text/xml');
  const comments = Array.from(doc.getElementsByTagNameNS(W, 'comment'));
  for (const c of comments) if (ids.includes(c.getAttributeNS(W, 'id') ?? '')) {
    c.setAttributeNS(W, 'w:author', '张文');
    c.setAttributeNS(W, 'w:initials', '张');
  }
  zip.file('word/comments.xml', new XMLSerializer().serializeToString(doc));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('the writer\'s verdict on each finding', () => {
  it('card buttons: a press records 误报 and redraws the card; pressing again changes nothing; counted, exported, alarmed and deleted', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: TOKEN, VERDICT_ALARM_MIN: '1', VERDICT_ALARM_SHARE: '0.5' }, llm: () => '一、结构：完整。\n二、改写示范：……' });
    const ev = textEvent(PASTE);
    await h.post(ev);
    const card = await verdictCard(h, messageIdOf(ev));
    const rows = buttonRows(h, card);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.buttons.map((b) => b.text).join('/') === '误报/有用')).toBe(true);
    // The labels name the place and kind, never the text under review.
    expect(rows.map((r) => r.label).join('\n')).not.toMatch(/四种意识|X次/);
    // The feedback card comes after the critique card.
    const replies = h.feishu.repliesTo(messageIdOf(ev));
    expect(h.feishu.textOf(replies[0]!)).toContain('审校结果');

    const placeholder = rows.findIndex((r) => r.label.includes('占位待补'));
    expect(placeholder).toBeGreaterThanOrEqual(0);
    const press = rows[placeholder]!.buttons[0]!;
    const first = await h.post(clickEvent(card.message_id, { value: press.value }));
    expect(first.body).toMatchObject({ toast: { content: '已收到，正在处理' } });
    // The same button again before the redraw: the first press runs, this one is told.
    const again = await h.post(clickEvent(card.message_id, { value: press.value }));
    expect(JSON.stringify(again.body)).toContain('已经按过');
    await h.feishu.waitFor(() => buttonRows(h!, card)[placeholder]!.buttons[0]!.text === '✓ 误报', undefined, 'the redrawn card');
    await appSettled(h);
    const redrawn = buttonRows(h, card);
    expect(redrawn[placeholder]!.label).toContain('已标：误报');
    expect(redrawn[placeholder]!.buttons[0]!.type).toBe('primary');
    expect(redrawn.filter((r) => r.label.includes('已标'))).toHaveLength(1);
    const counter = /bigan_finding_verdicts_total\{rule="placeholder",verdict="false-alarm"\} (\d+)/;
    expect(await metric(h, counter)).toBe(1);

    // Pressed again on the redrawn card (a new payload): idempotent — no second record, no second count.
    await h.post(clickEvent(card.message_id, { value: redrawn[placeholder]!.buttons[0]!.value }));
    await appSettled(h);
    expect(await metric(h, counter)).toBe(1);
    const jsonl = (await exported(h, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Json);
    expect(jsonl).toHaveLength(1);
    expect(jsonl[0]).toMatchObject({ rule: 'placeholder', verdict: 'false-alarm', via: 'card', chat: 'oc_p2p_chat_0001', tenant: 'tenant_test' });
    expect(String(jsonl[0]!.hash)).toMatch(/^[0-9a-f]{12}$/);
    // Never the text, never the open_id.
    const csv = await exported(h, 'csv');
    expect(csv.split('\r\n')[0]).toBe('time,tenant,chat,user,rule,hash,verdict,via,id');
    expect(csv).not.toContain('X次');
    expect(csv).not.toContain(USER_OPEN_ID);

    // The operator's command line reads the same records.
    process.env.REDIS_URL = h.redisUrl;
    process.env.REDIS_PREFIX = h.prefix;
    try {
      const cli = await runBigan(['verdicts', '--format', 'csv']);
      expect(cli.code).toBe(0);
      expect(cli.stdout.trim().split('\r\n')).toHaveLength(2);
      const summary = await runBigan(['verdicts', '--format', 'summary']);
      expect(summary.stdout).toBe('placeholder\t误报 1\t有用 0\t误报占比 100%\n');
      expect((await runBigan(['verdicts', '--since', '昨天'])).code).toBe(2);
    } finally {
      delete process.env.REDIS_URL;
      delete process.env.REDIS_PREFIX;
    }

    // One false alarm out of one: over the configured share, so /healthz names the rule.
    const health = (await h.get('/healthz')).body as { details: { verdicts: { alarms: Array<{ rule: string; share: number; total: number }> } } };
    expect(health.details.verdicts.alarms).toEqual([{ rule: 'placeholder', falseAlarm: 1, total: 1, share: 1 }]);

    // Changing one's mind: 有用 replaces 误报 (the card shows the latest).
    await h.post(clickEvent(card.message_id, { value: redrawn[placeholder]!.buttons[1]!.value }));
    await h.feishu.waitFor(() => buttonRows(h!, card)[placeholder]!.buttons[1]!.text === '✓ 有用', undefined, 'the second redraw');
    await appSettled(h);
    expect(await metric(h, /bigan_finding_verdicts_total\{rule="placeholder",verdict="useful"\} (\d+)/)).toBe(1);
    expect(((await h.get('/healthz')).body as { details: { verdicts: { alarms: unknown[] } } }).details.verdicts.alarms).toEqual([]);

    // “删除我的数据” (the operator's purge runs the same deletion): the verdicts go.
    const purge = await fetch(`http://127.0.0.1:${h.app.port}/admin/purge?user=${USER_OPEN_ID}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(purge.status).toBe(200);
    expect((await exported(h, 'jsonl')).trim()).toBe('');
  });

  it('in a group, only the critique\'s requester may mark its findings (card ownership)', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: TOKEN }, llm: () => '一、结构：完整。' });
    const ev = groupAtBot(PASTE, h.feishu.botOpenId, { senderOpenId: USER_OPEN_ID });
    await h.post(ev);
    const card = await verdictCard(h, messageIdOf(ev));
    const rows = buttonRows(h, card);
    const before = h.feishu.repliesTo(card.message_id).length;
    await h.post(clickEvent(card.message_id, { value: rows[0]!.buttons[0]!.value }, { openId: OTHER_USER_OPEN_ID, chatId: 'oc_group_chat_0001' }));
    await h.feishu.waitFor(() => h!.feishu.repliesTo(card.message_id).length > before, undefined, 'the refusal');
    await appSettled(h);
    expect(h.feishu.textOf(h.feishu.repliesTo(card.message_id).at(-1)!)).toBe(NOT_CARD_OWNER);
    expect(buttonRows(h, card).some((r) => r.label.includes('已标'))).toBe(false);
    expect((await exported(h, 'jsonl')).trim()).toBe('');
    // The requester may.
    await h.post(clickEvent(card.message_id, { value: rows[0]!.buttons[1]!.value }, { chatId: 'oc_group_chat_0001' }));
    await h.feishu.waitFor(() => buttonRows(h!, card)[0]!.label.includes('已标：有用'), undefined, 'the owner\'s verdict');
    await appSettled(h);
    expect((await exported(h, 'jsonl')).trim().split('\n')).toHaveLength(1);
  });

  it('40 and more findings: one select per finding, under 200 components and 30 KB; a choice is recorded and shown', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: TOKEN }, llm: () => '一、结构：完整。' });
    const lines = ['帮我看看这段：', '2025年上半年落实意识形态工作责任制情况报告', '现将有关情况报告如下：', '一、主要做法'];
    for (let i = 1; i <= 40; i++) lines.push(`${i}. 第${i}支部召开专题会议X次，研究部署意识形态工作。`);
    const ev = textEvent(lines.join('\n'));
    await h.post(ev);
    const card = await verdictCard(h, messageIdOf(ev));
    const json = h.feishu.cardOf(card) as { body: { elements: Json[] } };
    const selects = json.body.elements.filter((e) => e.tag === 'select_static');
    expect(selects.length).toBeGreaterThanOrEqual(40);
    expect(selects.length).toBeLessThanOrEqual(50);
    expect(Buffer.byteLength(JSON.stringify(json))).toBeLessThan(30 * 1024);
    const components = (x: unknown): number => (Array.isArray(x) ? x.reduce((n: number, y) => n + components(y), 0) : x && typeof x === 'object' ? ((x as Json).tag && (x as Json).tag !== 'plain_text' ? 1 : 0) + Object.values(x as Json).reduce((n: number, y) => n + components(y), 0) : 0);
    expect(components(json.body.elements)).toBeLessThan(200);
    const pick = selects[7]! as { behaviors: Array<{ value: Json }>; options: Array<{ value: string; text: { content: string } }> };
    expect(pick.options.map((o) => o.text.content.split('：').at(-1))).toEqual(['误报', '有用']);
    await h.post(clickEvent(card.message_id, { tag: 'select_static', value: pick.behaviors[0]!.value, option: 'ok' }));
    await h.feishu.waitFor(() => ((h!.feishu.cardOf(card) as { body: { elements: Json[] } }).body.elements.filter((e) => e.tag === 'select_static')[7] as Json).initial_option === 'ok', undefined, 'the chosen option');
    await appSettled(h);
    const rec = (await exported(h, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Json);
    expect(rec).toHaveLength(1);
    expect(rec[0]).toMatchObject({ verdict: 'useful', via: 'card' });
  });

  it('a Word file sent back with 误报/有用 replied under 笔杆子 comments: recorded and answered, no new critique', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: TOKEN }, llm: () => '一、结构：完整。' });
    const ev = fileMessage(h, '上半年报告.docx', await buildDocx(DEFECT_REPORT));
    await h.post(ev);
    await verdictCard(h, messageIdOf(ev));
    const annotated = h.feishu.repliesTo(messageIdOf(ev)).find((m) => m.msg_type === 'file')!.file!.data;
    const review = (await openReview(annotated)).review;
    expect(review.comments.length).toBeGreaterThanOrEqual(2);
    // Every comment the bot wrote closes with its finding's tag.
    expect(review.comments.every((c) => /〔[a-z-]+#[0-9a-f]{12}〕$/.test(c.text))).toBe(true);

    const back = await replyInWord(annotated, [{ comment: 0, text: '误报' }, { comment: 1, text: '有用。' }]);
    const requests = h.llm.requests.length;
    const ev2 = fileMessage(h, '上半年报告（笔杆子批注）.docx', back);
    await h.post(ev2);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(messageIdOf(ev2)).length > 0, undefined, 'the answer');
    await appSettled(h);
    const out = h.feishu.repliesTo(messageIdOf(ev2));
    expect(out).toHaveLength(1);
    expect(h.feishu.textOf(out[0]!)).toContain('已记录 2 条反馈：误报 1 条、有用 1 条');
    expect(h.llm.requests.length).toBe(requests);
    const rec = (await exported(h, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Json);
    expect(rec.map((r) => `${String(r.via)}:${String(r.verdict)}`).sort()).toEqual(['word:false-alarm', 'word:useful']);
    expect(rec.every((r) => r.tenant === 'tenant_test')).toBe(true);
    const tags = review.comments.slice(0, 2).map((c) => /〔([a-z-]+)#([0-9a-f]{12})〕/.exec(c.text)!);
    expect(rec.map((r) => `${String(r.rule)}#${String(r.hash)}`).sort()).toEqual(tags.map((t) => `${t[1]}#${t[2]}`).sort());

    // The same file again records nothing new.
    const ev3 = fileMessage(h, '上半年报告（笔杆子批注）.docx', back);
    await h.post(ev3);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(messageIdOf(ev3)).length > 0, undefined, 'the second answer');
    await appSettled(h);
    await eventually(async () => ((await exported(h!, 'jsonl')).trim().split('\n').length === 2 ? true : undefined), 'still two records');
  });
});
