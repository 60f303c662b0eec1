/**
 * Issue 18 item 3: the README is a contract. Every example in README.md's “What it does” table, in /help,
 * and in the bot's own footers (我的提醒's “修改：…”, a confirmation's “取消提醒 N”, 写全文's “重写第二部分”)
 * is sent to the whole bot from a Feishu chat, against the messy model fake (realistic-model.ts, a
 * DeepSeek-style chatty model), and must do what its row says. The examples are read from the README, the
 * help text and the replies themselves; the last test fails when one of them was not run.
 *
 * The worker's clock is pinned (Wednesday 2026-06-10 10:00, Beijing; 2026-09-21 for the row about rest days,
 * so that a Monday falls in the National Day holiday), so the exact dates below hold on any day.
 */
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGET_ASK, FORGET_CANCELLED, HELP, RESET_DONE } from '../../src/core/texts.js';
import { draftExpiryJobId, REMINDER_QUEUE } from '../../src/queue/jobs.js';
import { EXPIRY_TITLE } from '../../src/flows/drafting/expiry.js';
import { buildDocx, DEFECT_REPORT, readComments } from '../support/docx-fixture.js';
import { groupAtBot, messageEvent, messageIdOf, textEvent, USER_OPEN_ID, VERIFICATION_TOKEN, type EventOpts } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { startHarness, type Harness } from '../support/harness.js';
import { buildPdf } from '../support/pdf.js';
import { EXPANSION_MARK, realisticModel } from '../support/realistic-model.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

const JUNE = Date.parse('2026-06-10T10:00:00+08:00');
const SEPTEMBER = Date.parse('2026-09-21T10:00:00+08:00');
let now = JUNE;
let h: Harness;
const executed = new Set<string>();

beforeAll(async () => {
  h = await startHarness({ llm: realisticModel('chatty'), clock: () => now });
});
afterAll(async () => {
  await h?.stop();
});

// ---- the examples, as the README and /help state them ------------------------------------------------

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The first column of each row of “What it does”: examples split at ·, and the alternatives in (…). */
function readmeExamples(): string[] {
  const start = README.indexOf('## What it does');
  const table = README.slice(start, README.indexOf('\n## ', start + 5)).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| You send'));
  return table.flatMap((row) => {
    const cell = row.split('|')[1]!.trim();
    const alternatives = [...cell.matchAll(/\s*(\((?:or|in a group|group|quoting)[^)]*\))/g)].map((m) => m[1]!);
    const main = cell.replace(/\s*\((?:or|in a group|group|quoting)[^)]*\)/g, '');
    return [...main.split(/\s*·\s*/).map((s) => s.trim()), ...alternatives];
  });
}
/** The right-hand column's own examples (the report calendar's answers). */
const README_ANSWERS = ['确认', '半年报告改到7月8日，述职改到1月22日'];
/** Every “…” in the help text, and its commands. */
const helpExamples = (): string[] => [...[...HELP.matchAll(/“([^”]+)”/g)].map((m) => m[1]!), '/help', '/reset'];

// ---- talking to the bot ------------------------------------------------------------------------------

const texts = (ms: FakeMessage[]) => ms.map((m) => h.feishu.textOf(m)).join('\n');

/** The replies to a message once `count` have arrived and none is streaming or still a placeholder. */
async function replies(id: string, count = 1): Promise<FakeMessage[]> {
  await h.feishu.waitFor(() => {
    const r = h.feishu.repliesTo(id);
    return r.length >= count && r.every((m) => !h.feishu.isStreaming(m) && h.feishu.textOf(m) !== '正在思考…');
  }, EVENT_CEILING_MS, `${count} replies to ${id}`);
  return h.feishu.repliesTo(id);
}

/** Send `text` (recorded as the example `example`) and wait for the answer. */
async function send(text: string, o: EventOpts & { example?: string; count?: number; group?: boolean } = {}): Promise<{ id: string; out: FakeMessage[]; text: string }> {
  const ev = o.group ? groupAtBot(text, h.feishu.botOpenId, o) : textEvent(text, o);
  expect((await h.post(ev)).status).toBe(200);
  const id = messageIdOf(ev);
  const out = await replies(id, o.count ?? 1);
  executed.add(o.example ?? text);
  return { id, out, text: texts(out) };
}

/** A private file message whose file the fake Open API holds. */
function fileEvent(name: string, data: Buffer, chatId: string): Record<string, unknown> {
  const ev = messageEvent('file', { file_key: 'placeholder', file_name: name }, { chatId });
  const msg = (ev.event as { message: { message_id: string; content: string } }).message;
  const key = h.feishu.addUserFile(msg.message_id, name, data);
  msg.content = JSON.stringify({ file_key: key, file_name: name });
  return ev;
}

function clickEvent(messageId: string, value: Record<string, unknown>, chatId: string): Record<string, unknown> {
  return {
    schema: '2.0',
    header: { event_id: `ev_click_${Date.now()}_${Math.random()}`, token: VERIFICATION_TOKEN, create_time: String(Date.now() * 1000), event_type: 'card.action.trigger', tenant_key: 'tenant_test', app_id: 'cli_a1b2c3d4e5f60718' },
    event: { operator: { open_id: USER_OPEN_ID }, token: 'c-token', action: { value, tag: 'button' }, host: 'im_message', context: { open_message_id: messageId, open_chat_id: chatId } },
  };
}

/** Every footer example the bot showed; each must be run. */
const footerExamples = new Set<string>();
/** The quoted examples of a reply's last line (its footer). */
function footer(reply: string): string[] {
  const examples = [...(reply.trim().split('\n').at(-1) ?? '').matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
  for (const e of examples) footerExamples.add(e);
  return examples;
}

const REQUEST = '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲';
/** Markup and chat text a writer must never see in a draft. */
const LEAKS = ['**', '##', '好的，以下是', '希望以上', '如需调整', '<think>'];
const clean = (t: string) => LEAKS.filter((l) => t.includes(l));

// ---- drafting ---------------------------------------------------------------------------------------

describe('drafting rows', () => {
  const chatId = 'oc_p2p_contract_draft';
  let root = '';
  const inThread = (text: string, o: { example?: string; count?: number } = {}) => send(text, { chatId, rootId: root, threadId: `omt_${root}`, ...o });

  it(`${REQUEST} → an outline with the genre's skeleton, checked and repaired, plus buttons`, async () => {
    const r = await send(REQUEST, { chatId });
    root = r.id;
    expect(r.text).toMatch(/^一、.*(做法|情况)/m);
    expect(r.text).toMatch(/^二、.*问题/m);
    expect(r.text).toMatch(/^三、.*(下一步|打算|措施)/m);
    expect(r.text).toMatch(/^（一）/m);
    expect(clean(r.text)).toEqual([]);
    const card = JSON.stringify(h.feishu.cardOf(r.out[0]!));
    for (const label of ['写全文', '导出Word', '生成云文档']) expect(card).toContain(label);
  });

  it('写第二部分，800字左右 · 把（二）展开到500字 · 精简第一部分: sections on the stored outline', async () => {
    const from = h.llm.requests.length;
    const part2 = await inThread('写第二部分，800字左右');
    expect(part2.text).toMatch(/^二、/m);
    expect(part2.text).toMatch(/^（一）/m);
    expect(clean(part2.text)).toEqual([]);
    // the length reached the model, shared among the part's sections
    const asked = h.llm.requests.slice(from).map((q) => q.messages.at(-1)!.content).filter((p) => p.startsWith('请根据已确定的提纲'));
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked.every((p) => /本次起草：二、/.test(p))).toBe(true);

    const expanded = await inThread('把（二）展开到500字');
    expect(expanded.text).toContain(EXPANSION_MARK.problems);
    expect(clean(expanded.text)).toEqual([]);

    const condensed = await inThread('精简第一部分');
    expect(condensed.text).toMatch(/^一、/m);
    expect(clean(condensed.text)).toEqual([]);
    // part one had no text yet: it is written (at a short length), and the answer says so
    expect(condensed.text).toMatch(/还没有(起草|写)/);
  });

  it('写全文 keeps what was drafted or revised and says so; its footer’s examples redo on request', async () => {
    const full = await inThread('写全文');
    expect(full.text).toMatch(/^一、/m);
    expect(full.text).toMatch(/^二、/m);
    expect(full.text).toMatch(/^三、/m);
    expect(full.text).toContain(EXPANSION_MARK.problems); // the expansion was kept
    expect(full.text).toMatch(/已保留此前起草或修改过的内容/);
    expect(clean(full.text)).toEqual([]);
    const hints = [...full.text.matchAll(/如需重写，请发送“([^”]+)”或“([^”]+)”/g)].flatMap((m) => [m[1]!, m[2]!]);
    expect(hints).toEqual(['重写第二部分', '全部重写']);
    for (const e of hints) footerExamples.add(e);

    const before = h.llm.requests.length;
    const redo = await inThread(hints[0]!);
    expect(redo.text).toMatch(/^二、/m);
    expect(clean(redo.text)).toEqual([]);
    expect(h.llm.requests.slice(before).some((q) => /本次起草：二、/.test(q.messages.at(-1)!.content) || /修改/.test(q.messages.at(-1)!.content))).toBe(true);

    const all = await inThread(hints[1]!);
    for (const part of ['一、', '二、', '三、']) expect(all.text).toContain(part);
    expect(all.text).not.toMatch(/已保留此前起草/);
    expect(clean(all.text)).toEqual([]);
  });

  it('导出Word → a .docx laid out per GB/T 9704 with the draft and no markup', async () => {
    const r = await inThread('导出Word', { count: 2 });
    const file = r.out.find((m) => m.msg_type === 'file');
    expect(file?.file?.name).toMatch(/\.docx$/);
    const text = (await mammoth.extractRawText({ buffer: file!.file!.data })).value;
    expect(text).toMatch(/一、/);
    expect(text).toMatch(/三、/);
    expect(clean(text)).toEqual([]);
  });

  it('生成云文档, and the button next to 导出Word → a cloud doc and its link', async () => {
    const r = await inThread('生成云文档');
    expect(r.text).toMatch(/已生成飞书云文档《.+》/);
    expect(r.text).toMatch(/https:\/\/fake\.feishu\.cn\/docx\/\S+/);
    const outline = h.feishu.repliesTo(root)[0]!;
    expect(JSON.stringify(h.feishu.cardOf(outline))).toContain('生成云文档');
    const answered = h.feishu.repliesTo(outline.message_id).length;
    await h.post(clickEvent(outline.message_id, { action: 'clouddoc', thread: root }, chatId));
    await h.feishu.waitFor(() => h.feishu.repliesTo(outline.message_id).length > answered, EVENT_CEILING_MS, 'the button’s cloud doc');
    expect(texts(h.feishu.repliesTo(outline.message_id))).toMatch(/已生成飞书云文档《.+》/);
    executed.add('(or the button next to 导出Word)');
  });

  it('/help and /reset', async () => {
    expect((await send('/help', { chatId })).text).toBe(HELP);
    expect((await inThread('/reset')).text).toBe(RESET_DONE);
    // the thread's outline is gone: a drafting command says what to do first
    expect((await inThread('写全文', { example: '写全文 after /reset' })).text).toContain('还没有报告提纲');
  });
});

// ---- deletion ---------------------------------------------------------------------------------------------

describe('deletion row', () => {
  const chatId = 'oc_p2p_contract_forget';
  // A user of their own: the deletion must not take the other rows' data with it.
  const senderOpenId = 'ou_contract_forget_00000000000000001';
  const pressed = (messageId: string, value: Record<string, unknown>) => ({
    schema: '2.0',
    header: { event_id: `ev_forget_${messageId}_${String(value.op)}`, token: VERIFICATION_TOKEN, create_time: String(Date.now() * 1000), event_type: 'card.action.trigger', tenant_key: 'tenant_test', app_id: 'cli_a1b2c3d4e5f60718' },
    event: { operator: { open_id: senderOpenId }, token: 'c-token', action: { value, tag: 'button' }, host: 'im_message', context: { open_message_id: messageId, open_chat_id: chatId } },
  });
  const ask = async (text: string) => {
    const r = await send(text, { chatId, senderOpenId });
    expect(r.text).toBe(FORGET_ASK);
    const card = h.feishu.cardOf(r.out[0]!) as { body: { elements: Array<{ tag: string; columns?: Array<{ elements: Array<{ text: { content: string }; behaviors: Array<{ value: Record<string, unknown> }> }> }> }> } };
    const set = card.body.elements.find((e) => e.tag === 'column_set');
    return { card: r.out[0]!, buttons: (set?.columns ?? []).map((c) => ({ text: c.elements[0]!.text.content, value: c.elements[0]!.behaviors[0]!.value })) };
  };

  it('删除我的数据 · 清除我的数据 · 删除我的所有数据 → a confirmation card; 确认删除 deletes and names what the law keeps', async () => {
    const calls = h.llm.requests.length;
    const first = await ask('删除我的数据');
    const cancel = first.buttons.find((b) => b.text === '取消')!;
    await h.post(pressed(first.card.message_id, cancel.value));
    await h.feishu.waitFor(() => h.feishu.repliesTo(first.card.message_id).some((m) => h.feishu.textOf(m) === FORGET_CANCELLED), EVENT_CEILING_MS, 'cancelled');
    await ask('清除我的数据');
    const last = await ask('删除我的所有数据');
    const confirm = last.buttons.find((b) => b.text === '确认删除')!;
    await h.post(pressed(last.card.message_id, confirm.value));
    await h.feishu.waitFor(() => h.feishu.repliesTo(last.card.message_id).some((m) => h.feishu.textOf(m).includes('已删除你的数据')), EVENT_CEILING_MS, 'deleted');
    expect(texts(h.feishu.repliesTo(last.card.message_id))).toContain('审计记录');
    expect(h.llm.requests.length).toBe(calls);
  });
});

// ---- critique and documents ------------------------------------------------------------------------------

const DEFECTS = DEFECT_REPORT.map((p) => (Array.isArray(p) ? p.join('') : p));

describe('critique rows', () => {
  const chatId = 'oc_p2p_contract_critique';

  it('帮我看看这段：…… → rule findings first, then the model’s critique', async () => {
    const r = await send(`帮我看看这段：${DEFECTS.slice(0, 4).join('')}`, { chatId, example: '帮我看看这段：……' });
    expect(r.text).toContain('审校结果');
    expect(r.text).toContain('四个意识');
    expect(r.text.indexOf('四个意识')).toBeLessThan(r.text.indexOf('改写示范'));
  });

  it('(or just paste a report) → the same', async () => {
    const r = await send(DEFECTS.join('\n'), { chatId, example: '(or just paste a report)' });
    expect(r.text).toContain('审校结果');
    expect(r.text).toContain('四个意识');
    expect(r.text).toContain('改写示范');
  });

  it('A Word (.docx), PDF, .txt or .md file → the critique card; a .docx also comes back with Word comments', async () => {
    const files: [string, Buffer][] = [
      ['上半年报告.docx', await buildDocx(DEFECT_REPORT)],
      ['上半年报告.pdf', buildPdf(DEFECTS)],
      ['上半年报告.txt', Buffer.from(DEFECTS.join('\n'), 'utf8')],
      ['上半年报告.md', Buffer.from(DEFECTS.join('\n\n'), 'utf8')],
    ];
    for (const [name, data] of files) {
      const ev = fileEvent(name, data, chatId);
      await h.post(ev);
      // A .docx: the annotated copy, then the card that says where the comments are.
      const out = await replies(messageIdOf(ev), name.endsWith('.docx') ? 2 : 1);
      expect(texts(out), name).toContain(`审阅对象：“${name}”`);
      expect(texts(out), name).toContain('四个意识');
      if (name.endsWith('.docx')) {
        const copy = out.find((m) => m.msg_type === 'file');
        expect(copy?.file?.name).toBe('上半年报告（笔杆子批注）.docx');
        expect((await readComments(copy!.file!.data)).every((c) => c.author === '笔杆子')).toBe(true);
      }
    }
    executed.add('A Word (.docx), PDF, .txt or .md file');
  });

  it('(in a group: reply to the file message and @笔杆子) → the file critiqued', async () => {
    h.feishu.addUserFile('om_contract_group_file', '报告.pdf', buildPdf(DEFECTS));
    const r = await send('', { group: true, parentId: 'om_contract_group_file', example: '(in a group: reply to the file message and @笔杆子)' });
    expect(r.text).toContain('审阅对象：“报告.pdf”');
  });

  it('A 飞书云文档 (/docx/…) or 知识库 (/wiki/…) link → read through the Open API and critiqued', async () => {
    h.feishu.docs.set('DocxContract0001', { title: '上半年报告', content: DEFECTS.join('\n') });
    h.feishu.wikiNodes.set('WikiContract0001', { obj_type: 'docx', obj_token: 'DocxContract0001', title: '知识库里的报告' });
    // Shared with the organisation, so the requester may read it (docs/DOCUMENT-ACCESS.md).
    h.feishu.docAccess.set('DocxContract0001', { linkShare: 'tenant_readable' });
    h.feishu.docAccess.set('WikiContract0001', { linkShare: 'tenant_readable' });
    expect((await send('https://tenant.feishu.cn/docx/DocxContract0001', { chatId })).text).toContain('四个意识');
    const wiki = await send('https://tenant.feishu.cn/wiki/WikiContract0001', { chatId });
    expect(wiki.text).toContain('知识库里的报告');
    expect(wiki.text).toContain('四个意识');
    executed.add('A 飞书云文档 (`/docx/…`) or 知识库 (`/wiki/…`) link');
  });

  it('A quoted message + “帮我看看” → the quoted text critiqued', async () => {
    h.feishu.addUserMessage('om_contract_quoted', 'text', { text: DEFECTS.join('\n') });
    const r = await send('帮我看看', { group: true, parentId: 'om_contract_quoted', example: 'A quoted message + “帮我看看”' });
    expect(r.text).toContain('四个意识');
    executed.add('(group: reply to it and @笔杆子)');
  });

  it('根据这份台账写上半年报告提纲, quoting a file or with a cloud-doc link → an outline from the material', async () => {
    const ledger = await buildDocx(['2025年上半年意识形态工作台账'], [['时间', '事项', '数量'], ['3月', '理论学习中心组集体学习', '4次'], ['5月', '处置网络舆情', '3起']]);
    h.feishu.addUserFile('om_contract_ledger', '台账.docx', ledger);
    const quoted = await send('根据这份台账写上半年报告提纲', { group: true, parentId: 'om_contract_ledger' });
    expect(quoted.text).toMatch(/从材料“台账\.docx”中取用了 \d+ 条事实/);
    expect(quoted.text).toMatch(/^一、/m);
    executed.add('(quoting a file, or with a cloud-doc link)');
    h.feishu.docs.set('DocxContractLedg', { title: '台账', content: '2月召开意识形态工作专题会议2次\n开展网络安全宣传周活动，发放资料600份' });
    h.feishu.docAccess.set('DocxContractLedg', { linkShare: 'tenant_readable' });
    const linked = await send('根据 https://a.feishu.cn/docx/DocxContractLedg 写上半年报告提纲', { chatId, example: 'with a cloud-doc link' });
    expect(linked.text).toMatch(/从材料.*中取用了 \d+ 条事实/);
  });
});

// ---- material: model and facts, 台账, unit profile (issue 23) ---------------------------------------------

describe('material rows', () => {
  const LAST_YEAR = ['中共青山县委宣传部关于2025年上半年落实意识形态工作责任制情况的报告', '县委：', '2025年上半年，我部坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况报告如下：', '一、工作开展情况', '理论中心组集中学习12次，举办“青山讲堂”理论宣讲活动28场。', '二、存在的问题', '网评员队伍力量薄弱。', '三、下一步工作打算', '持续抓好理论武装。'];

  it('参考去年的报告，根据这份台账写2026年上半年报告 · 这份是台账 · ‘…’这句出自哪里？', async () => {
    const chatId = 'oc_p2p_contract_material';
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学习记录');
    ws.addRow(['日期', '事项', '次数']);
    ws.addRow(['2026年3月20日', '召开意识形态工作研判会，分析研判网络舆情', 1]);
    ws.addRow(['2026年4月', '理论中心组集中学习', 15]);
    for (const [name, data] of [['去年的报告.docx', await buildDocx(LAST_YEAR)], ['台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer())]] as const) {
      const ev = fileEvent(name, data, chatId);
      await h.post(ev);
      await replies(messageIdOf(ev));
    }
    const r = await send('参考去年的报告，根据这份台账写2026年上半年报告', { chatId });
    expect(r.text).toContain('“去年的报告.docx”作为范文使用');
    expect(r.text).toContain('“台账.xlsx”作为本期事实材料使用');
    expect(r.text).toMatch(/与范文逐字相同的连续文字均不超过 20 个字|句与范文连续相同超过 20 个字/);
    expect(r.text.replace(/【[^】]*】/g, '')).not.toMatch(/28场|“青山讲堂”/);
    const thread = { chatId, rootId: r.id, threadId: `omt_${r.id}` };
    const where = await send('‘召开意识形态工作研判会’这句出自哪里？', thread);
    expect(where.text).toMatch(/“台账\.xlsx”·学习记录·第\d+行|没有找到这句话/);
    // 导出Word（附出处）: the .docx carries Word comments naming the sources.
    for (const words of ['导出Word（附出处）', '导出Word带出处']) {
      const exp = await send(words, { ...thread, count: 2 });
      expect(exp.text).toMatch(/出处已作为 \d+ 条 Word 批注附在文中/);
      const file = exp.out.find((m) => m.msg_type === 'file')?.file;
      const notes = await readComments(file!.data);
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.every((n) => n.author === '笔杆子' && n.anchored.length > 0)).toBe(true);
      // Each names its pieces' sources (here the draft is an outline: its year is the writer's words).
      for (const n of notes) expect(n.text).toMatch(/^出处：“[^”]+”：(?:你的原话|表述库|“台账\.xlsx”·学习记录·第\d+行|找不到出处，请核实)/);
    }
    const corrected = await send('这份是台账', thread);
    expect(corrected.text).toContain('“去年的报告.docx”作为本期事实材料使用（按你的更正）');
  });

  it('记一笔 · 查看台账 · 修改第1条 · 导出台账 · 根据本半年台账写报告 · 删除第1条', async () => {
    const chatId = 'oc_p2p_contract_ledger';
    expect((await send('记一笔：6月2日召开意识形态工作研判会，分析研判3类问题', { chatId })).text).toContain('已记入本单位台账：2026年6月2日');
    expect((await send('查看台账', { chatId })).text).toContain('第1条 · 2026年6月2日 · 召开意识形态工作研判会，分析研判3类问题');
    expect((await send('修改第1条：6月5日召开意识形态工作研判会，分析研判3类问题', { chatId })).text).toContain('已修改台账第1条：2026年6月5日');
    const exported = await send('导出台账', { chatId, count: 2 });
    expect(exported.out.find((m) => m.msg_type === 'file')?.file?.name).toBe('本单位台账.xlsx');
    const draft = await send('根据本半年台账写报告', { chatId });
    expect(draft.text).toContain('“本单位台账（2026年上半年，1 条）”作为本期事实材料使用');
    expect((await send('删除第1条', { chatId })).text).toBe('已删除台账第1条。');
  });

  it('我们单位是中共青山县委宣传部，上级党委是中共青山县委，每半年报送 → kept and used', async () => {
    const chatId = 'oc_p2p_contract_profile';
    expect((await send('我们单位是中共青山县委宣传部，上级党委是中共青山县委，每半年报送', { chatId })).text).toContain('单位：中共青山县委宣传部；上级党委：中共青山县委');
    const next = await send('帮我写一份2026年上半年意识形态工作责任制落实情况报告的提纲', { chatId });
    expect(next.text).toContain('按本群已确认的单位信息（单位：中共青山县委宣传部');
    const self = await send('我是宣传部部长张三', { chatId });
    expect(self.text).toContain('身份：主要负责人');
    expect(self.text).toContain('不保存任何人的姓名');
    expect(self.text).not.toContain('张三');
  });

  it('每月25日提醒记台账 · 取消记台账提醒: the fire posts the month’s 台账, once', async () => {
    now = JUNE;
    const chatId = 'oc_p2p_contract_ledger_remind';
    await send('记一笔：6月2日召开意识形态工作研判会，分析研判3类问题', { chatId, example: '记一笔 (for the reminder)' });
    const set = await send('每月25日提醒记台账', { chatId });
    expect(set.text).toContain('✅ 已设置周期提醒 #1：记台账（记一笔）');
    expect(set.text).toContain('· 2026年6月25日（星期四）09:00');
    expect(footer(set.text)).toEqual(['取消记台账提醒']);
    const conn = new Redis(h.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(REMINDER_QUEUE, { connection: conn, prefix: h.prefix });
    const digest = (m: FakeMessage) => h.feishu.textOf(m).includes('⏰ 提醒：记台账（记一笔）');
    try {
      // The fire comes due (promoted: the clock is pinned) and posts the month's 台账 as it stands.
      const [job] = (await queue.getDelayed()).filter((j) => j.name === 'fire' && (j.data as { chatId: string }).chatId === chatId);
      expect((job!.data as { fireAt: string }).fireAt).toBe('2026-06-25T09:00:00+08:00');
      await job!.promote();
      await h.feishu.waitFor(() => h.feishu.messages.some(digest), EVENT_CEILING_MS, 'the 记台账 reminder');
      for (const end = Date.now() + EVENT_CEILING_MS; (await job!.getState()) !== 'completed';) {
        if (Date.now() > end) throw new Error('the fire job did not complete');
        await new Promise((r) => setTimeout(r, 50));
      }
      const fired = h.feishu.messages.filter(digest);
      expect(fired).toHaveLength(1);
      const text = h.feishu.textOf(fired[0]!);
      expect(text).toContain('本月（2026年6月）台账已记 1 条。');
      expect(text).toContain('最近一条：第1条 · 2026年6月2日 · 召开意识形态工作研判会，分析研判3类问题');
      expect(text).toContain('记一笔：6月25日召开意识形态工作研判会，分析研判3类问题');
      // The next month's fire is already waiting; the cancel removes it.
      expect((await queue.getDelayed()).some((j) => (j.data as { chatId: string }).chatId === chatId)).toBe(true);
      expect((await send('取消记台账提醒', { chatId })).text).toBe('🗑️ 已取消记台账提醒 #1。已记的台账不受影响。');
      expect((await queue.getDelayed()).some((j) => (j.data as { chatId: string }).chatId === chatId)).toBe(false);
      expect((await send('取消记台账提醒', { chatId, example: '取消记台账提醒 (again)' })).text).toBe('这里没有你设的记台账提醒。要设置，可以说“每月25日提醒记台账”。');
    } finally {
      await queue.close();
      await conn.quit();
    }
  });
});

// ---- reminders -------------------------------------------------------------------------------------------

describe('reminder rows', () => {
  const chatId = 'oc_p2p_contract_remind';
  const remind = (text: string, o: { example?: string } = {}) => send(text, { chatId, ...o });

  it('提醒我6月30日前交上半年意识形态报告，提前3天提醒 → a confirmation with the exact fire time; the reminder arrives', async () => {
    now = JUNE;
    const r = await remind('提醒我6月30日前交上半年意识形态报告，提前3天提醒');
    expect(r.text).toContain('✅ 已设置提醒 #1：交上半年意识形态报告');
    expect(r.text).toContain('截止：2026年6月30日（星期二）');
    expect(r.text).toContain('· 2026年6月26日（星期五）09:00');
    expect(r.text).toContain('注：6月27日是星期六，提醒提前到6月26日（星期五）');
    // its footer: “我的提醒” and “取消提醒 1” are run below
    expect(footer(r.text)).toEqual(['我的提醒', '取消提醒 1']);
    // the fire comes due (promoted: the clock is pinned) and arrives in the chat, once
    const conn = new Redis(h.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(REMINDER_QUEUE, { connection: conn, prefix: h.prefix });
    try {
      const [job] = (await queue.getDelayed()).filter((j) => j.name === 'fire');
      expect((job!.data as { fireAt: string }).fireAt).toBe('2026-06-26T09:00:00+08:00');
      await job!.promote();
      await h.feishu.waitFor(() => h.feishu.messages.some((m) => h.feishu.textOf(m).includes('⏰ 提醒：交上半年意识形态报告')), EVENT_CEILING_MS, 'the reminder');
      const fired = h.feishu.messages.filter((m) => h.feishu.textOf(m).includes('⏰ 提醒：交上半年意识形态报告'));
      expect(fired).toHaveLength(1);
      expect(h.feishu.textOf(fired[0]!)).toContain('截止：2026年6月30日（星期二），还有4天（其中2个工作日）');
      // its last fire was delivered, so the reminder is done: “取消提醒 1” now says so
      for (const end = Date.now() + EVENT_CEILING_MS; (await job!.getState()) !== 'completed';) {
        if (Date.now() > end) throw new Error('the fire job did not complete');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await remind('取消提醒 1')).text).toBe('没有找到编号为 1 的提醒（可能已经提醒完或被取消）。发送“我的提醒”查看现有编号。');
    } finally {
      await queue.close();
      await conn.quit();
    }
  });

  it('我的提醒 · 取消提醒 2 · 把第2个提醒改到28号 · 改到下午4点, and the list’s own footer', async () => {
    now = JUNE;
    // #1 above has fired and is done; #2 and #3 are new
    await remind('每月25日提醒我报送舆情台账');
    await remind('提醒我7月10日前交半年总结，提前5天和提前1天提醒');
    const list = await remind('我的提醒');
    expect(list.text).toContain('你在这里的提醒（共2个）：');
    expect(list.text).toContain('#2 报送舆情台账｜每月25日 09:00｜下次：2026年6月25日（星期四）09:00');
    expect(list.text).toContain('#3 交半年总结｜截止2026年7月10日（星期五）｜下次：2026年7月3日（星期五）09:00');
    const examples = footer(list.text);
    expect(examples).toEqual(['取消提醒 编号', '把第N个提醒改到7月5日', '改到下午4点']);

    const day = await remind('把第2个提醒改到28号');
    expect(day.text).toContain('✏️ 已修改提醒 #2：报送舆情台账');
    expect(day.text).toContain('周期：每月28日 09:00');
    expect(day.text).toContain('· 2026年6月26日（星期五）09:00');
    expect(day.text).toContain('注：6月28日是星期日，提醒提前到6月26日（星期五）');

    // “改到下午4点” right after an edit: that reminder, its day kept
    const time = await remind('改到下午4点');
    expect(time.text).toContain('✏️ 已修改提醒 #2：报送舆情台账');
    expect(time.text).toContain('周期：每月28日 16:00');

    // the footer's “把第N个提醒改到7月5日” on the deadline reminder: a new reminder time before its deadline
    const moved = await remind('把第3个提醒改到7月5日', { example: examples[1] });
    expect(moved.text).toContain('✏️ 已修改提醒 #3：交半年总结');
    expect(moved.text).toContain('截止：2026年7月10日（星期五）');
    expect(moved.text).toContain('· 2026年7月3日（星期五）09:00');
    expect(moved.text).toContain('注：7月5日是星期日，提醒提前到7月3日（星期五）');
    expect(moved.text).toContain('截止时间不变');

    // after a list of both, “改到下午4点” asks which one; “第3个” answers
    await remind('我的提醒', { example: '我的提醒 (again)' });
    const which = await remind('改到下午4点', { example: '改到下午4点 (after a list)' });
    expect(which.text).toContain('要把哪一个提醒改到“下午4点”？');
    expect(which.text).toContain('#2 报送舆情台账');
    expect(which.text).toContain('#3 交半年总结');
    const picked = await remind('第3个');
    expect(picked.text).toContain('✏️ 已修改提醒 #3：交半年总结');
    expect(picked.text).toContain('· 2026年7月3日（星期五）16:00');

    expect((await remind('取消提醒 2')).text).toBe('🗑️ 已取消提醒 #2：报送舆情台账');
    expect((await remind('取消提醒 3', { example: examples[0] })).text).toContain('已取消提醒 #3');
    expect((await remind('我的提醒', { example: '我的提醒 (after cancelling)' })).text).toContain('还没有提醒');
  });

  it('提醒我每月最后一个工作日下午3点报送舆情周报 · 每周一上午9点开例会（遇节假日顺延）· 节后第一个工作日提醒我报送值班情况', async () => {
    now = SEPTEMBER; // Monday 2026-09-21: 中秋 9/25–27, 国庆 10/1–7 ahead
    const weekly = await remind('每周一上午9点开例会（遇节假日顺延）');
    expect(weekly.text).toContain('✅ 已设置周期提醒');
    expect(weekly.text).toContain('周期：每周一 09:00');
    expect(weekly.text).toContain('休息日：遇休息日顺延到下一个工作日');
    expect(weekly.text).toContain('· 2026年9月28日（星期一）09:00');
    expect(weekly.text).toContain('· 2026年10月8日（星期四）09:00');
    expect(weekly.text).toContain('注：10月5日（星期一）是国庆节假期，提醒顺延到10月8日（星期四）');
    const monthly = await remind('提醒我每月最后一个工作日下午3点报送舆情周报');
    expect(monthly.text).toContain('周期：每月最后一个工作日 15:00');
    expect(monthly.text).toContain('· 2026年9月30日（星期三）15:00');
    expect(monthly.text).toContain('· 2026年10月30日（星期五）15:00');
    const after = await remind('节后第一个工作日提醒我报送值班情况');
    expect(after.text).toContain('✅ 已设置提醒');
    expect(after.text).toContain('· 2026年9月28日（星期一）09:00');
    expect(after.text).toContain('节后第一个工作日按9月28日理解');
    now = JUNE;
  });

  it('设置意识形态报告提醒 → the coming year’s deadlines on working days; 确认, or one adjusting message', async () => {
    now = JUNE;
    const proposal = await send('设置意识形态报告提醒', { chatId: 'oc_p2p_contract_preset1' });
    expect(proposal.text).toContain('1. 半年报告：2026年7月3日（星期五）前报送上半年意识形态工作情况报告');
    expect(proposal.text).toContain('回复“确认”');
    const confirmed = await send('确认', { chatId: 'oc_p2p_contract_preset1' });
    expect(confirmed.text).toContain('已设置3个意识形态工作报告节点');
    await send('设置意识形态报告提醒', { chatId: 'oc_p2p_contract_preset2', example: '设置意识形态报告提醒 (adjusted)' });
    const adjusted = await send('半年报告改到7月8日，述职改到1月22日', { chatId: 'oc_p2p_contract_preset2' });
    expect(adjusted.text).toContain('已设置3个意识形态工作报告节点');
    expect(adjusted.text).toContain('截止：2026年7月8日（星期三）');
  });

  it('a short message without 提醒我: a time with a recurrence or deadline is a reminder; a time alone is asked about', async () => {
    now = JUNE;
    const chat = 'oc_p2p_contract_implicit';
    const deadline = await send('6月30日前交上半年意识形态报告', { chatId: chat });
    expect(deadline.text).toContain('✅ 已设置提醒 #1：交上半年意识形态报告');
    const asked = await send('明天下午3点开会', { chatId: chat });
    expect(asked.text).toContain('要设为提醒吗？');
    expect(asked.text).toContain('2026年6月11日（星期四）15:00');
    const yes = await send('是', { chatId: chat });
    expect(yes.text).toContain('✅ 已设置提醒 #2：开会');
    // a confirmation's footer: “取消提醒 2” cancels it
    const [mine, cancel] = footer(yes.text);
    expect(mine).toBe('我的提醒');
    expect((await send(cancel!, { chatId: chat })).text).toBe('🗑️ 已取消提醒 #2：开会');
    // 要设为提醒吗？'s own example works as said
    const [example] = footer(asked.text);
    expect((await send(example!, { chatId: chat })).text).toContain('✅ 已设置提醒 #3：交材料');
    expect(h.llm.requests.filter((q) => q.messages.at(-1)!.content.includes('开会'))).toHaveLength(0);
  });
});

// ---- the unit's word list ---------------------------------------------------------------------------------

describe('word list rows', () => {
  it('把“圆满成功”加入慎用词 · “街道办”改为“街道办事处” · 查看本单位词表 · 把“圆满成功”从词表中删除 · 导出本单位词表', async () => {
    const chatId = 'oc_group_contract_words';
    const g = { group: true, chatId };
    expect((await send('把“圆满成功”加入慎用词', g)).text).toContain('已记下：“圆满成功”列为慎用词');
    expect((await send('“街道办”改为“街道办事处”', g)).text).toContain('已记下：“街道办”改为“街道办事处”');
    const card = await send('帮我看看这段：\n今年以来，街道办组织专题学习6次，各项工作取得圆满成功。现将有关情况报告如下。', { ...g, example: 'critique with the word list' });
    expect(card.text).toContain('单位规定慎用“圆满成功”');
    expect(card.text).toContain('单位规定：“街道办”改为“街道办事处”');
    expect((await send('查看本单位词表', g)).text).toContain('本单位词表共2条');
    expect((await send('把“圆满成功”从词表中删除', g)).text).toContain('已从本单位词表中删除“圆满成功”');
    const exported = await send('导出本单位词表', { ...g, count: 2 });
    const file = exported.out.find((m) => m.msg_type === 'file')!;
    expect(file.file!.name).toBe('本单位词表.json');
    expect(JSON.parse(file.file!.data.toString('utf8'))).toMatchObject({ format: 'bigan-unit-words', entries: [{ word: '街道办', kind: 'replace', replacement: '街道办事处' }] });
  });
});

// ---- keeping a draft ----------------------------------------------------------------------------------------

describe('draft expiry row', () => {
  it('保留 (or the button on the expiry warning) → the draft kept another 30 days; the warning comes before expiry', async () => {
    const chatId = 'oc_p2p_contract_keep';
    const first = await send(REQUEST, { chatId, example: 'the outline 保留 keeps' });
    const kept = await send('保留', { chatId, rootId: first.id, threadId: `omt_${first.id}` });
    expect(kept.text).toMatch(/^已保留这个话题里的稿子，保存到\d{4}年\d{1,2}月\d{1,2}日/);
    // The warning comes due (promoted: the clock is pinned) in the thread, with 保留 and 导出Word.
    const conn = new Redis(h.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(REMINDER_QUEUE, { connection: conn, prefix: h.prefix });
    try {
      await (await queue.getJob(draftExpiryJobId(first.id)))!.promote();
      const isWarning = (m: FakeMessage) => JSON.stringify(h.feishu.cardOf(m) ?? {}).includes(EXPIRY_TITLE) && !h.feishu.isStreaming(m);
      await h.feishu.waitFor(() => h.feishu.messages.some(isWarning), EVENT_CEILING_MS, 'the expiry warning');
      const warning = h.feishu.messages.find(isWarning)!;
      expect(h.feishu.textOf(warning)).toContain('到期删除');
      const card = h.feishu.cardOf(warning) as { body: { elements: Array<{ tag: string; columns?: Array<{ elements: Array<{ text: { content: string }; behaviors: Array<{ value: Record<string, unknown> }> }> }> }> } };
      const buttons = (card.body.elements.find((e) => e.tag === 'column_set')?.columns ?? []).map((c) => ({ text: c.elements[0]!.text.content, value: c.elements[0]!.behaviors[0]!.value }));
      expect(buttons.map((b) => b.text)).toEqual(['保留', '导出Word']);
      await h.post(clickEvent(warning.message_id, buttons[0]!.value, chatId));
      await h.feishu.waitFor(() => h.feishu.repliesTo(warning.message_id).some((m) => h.feishu.textOf(m).startsWith('已保留')), EVENT_CEILING_MS, 'kept by the button');
      executed.add('(or the button on the expiry warning)');
    } finally {
      await queue.close();
      await conn.quit();
    }
  });
});

// ---- the review loop (issue 22) ---------------------------------------------------------------------------

describe('review rows', () => {
  const leader = () => readFileSync(new URL('../fixtures/review/leader-review.docx', import.meta.url));
  const plain = () => readFileSync(new URL('../fixtures/review/plain-report.docx', import.meta.url));

  it('A Word (.docx) file with the leader’s 批注 · 全部处理 · 处理 1 3 5 → the list, then the revised copy with a reply under every comment', async () => {
    const chatId = 'oc_p2p_contract_review';
    const ev = fileEvent('上半年报告.docx', leader(), chatId);
    await h.post(ev);
    const list = texts(await replies(messageIdOf(ev)));
    expect(list).toContain('共 7 条批注：改写 1、补数据 1、删去 1、结构 1、提法 1、格式 1、提问 1');
    executed.add('A Word (.docx) file with the leader\'s 批注');
    const some = await send('处理 1 3 5', { chatId, rootId: messageIdOf(ev), count: 2 });
    expect(some.text).toContain('好的，处理第 1、3、5 条');
    expect(some.out.find((m) => m.msg_type === 'file')?.file?.name).toBe('上半年报告（笔杆子修订）.docx');
    const all = await send('全部处理', { chatId, rootId: messageIdOf(ev), count: 2 });
    expect(all.text).toContain('好的，逐条处理全部 7 条批注。');
    expect(all.text).toMatch(/7 条批注逐条回复/);
    // 这版改了什么 · 改回上一版
    expect((await send('这版改了什么', { chatId, rootId: messageIdOf(ev) })).text).toContain('按批注列出');
    const back = await send('改回上一版', { chatId, rootId: messageIdOf(ev), count: 2 });
    expect(back.text).toContain('已改回上一版');
  });

  it('(in a group: reply to the file and @笔杆子 处理批注) · @张三 审稿 (in a group, by the thread’s owner)', async () => {
    const chatId = 'oc_group_contract_review';
    h.feishu.addUserFile('om_contract_review_group', '上半年报告.docx', leader(), chatId);
    const r = await send('处理批注', { group: true, chatId, parentId: 'om_contract_review_group', example: '(in a group: reply to the file and @笔杆子 处理批注)' });
    expect(r.text).toContain('共 7 条批注');
    executed.add('处理批注');
    const named = await send('@_user_2 审稿', { group: true, chatId, rootId: 'om_contract_review_group', example: '@张三 审稿', mentions: [{ key: '@_user_1', openId: h.feishu.botOpenId, name: '笔杆子' }, { key: '@_user_2', openId: 'ou_contract_reviewer', name: '张三' }] });
    expect(named.text).toContain('张三 可以审这份稿子');
    executed.add('(in a group, by the thread\'s owner)');
  });

  it('处理批注 with a cloud-doc link (or 按批注修改 with a 知识库 link) → the unresolved comments listed, then answered in their threads', async () => {
    const chatId = 'oc_p2p_contract_cloud_review';
    h.feishu.docs.set('DocxContractRev1', { title: '上半年报告', content: '局党组增强“四种意识”，要再接再励。' });
    // Editable by the tenant: 直接改原文档 needs the requester to be an editor, not only a reader.
    h.feishu.docAccess.set('DocxContractRev1', { linkShare: 'tenant_editable' });
    h.feishu.docBlocks.set('DocxContractRev1', [
      { block_id: 'DocxContractRev1', block_type: 1, page: { elements: [{ text_run: { content: '上半年报告' } }] } },
      { block_id: 'doxcnR1', block_type: 2, comment_ids: ['7301', '7302'], text: { elements: [{ text_run: { content: '局党组增强“四种意识”，要再接再励。' } }] } },
    ]);
    const words = (t: string) => ({ elements: [{ type: 'text_run', text_run: { text: t } }] });
    const comment = (id: string, quote: string, t: string) => ({ comment_id: id, user_id: 'ou_leader', create_time: 1_782_900_000, is_solved: false, is_whole: false, quote, reply_list: { replies: [{ reply_id: `${id}1`, user_id: 'ou_leader', create_time: 1_782_900_000, content: words(t) }] } });
    h.feishu.driveComments.set('DocxContractRev1', [comment('7301', '增强“四种意识”', '提法不准'), comment('7302', '要再接再励。', '这句不通顺，润色')]);
    h.feishu.wikiNodes.set('WikiContractRev1', { obj_type: 'docx', obj_token: 'DocxContractRev1', title: '知识库里的报告' });
    h.feishu.docAccess.set('WikiContractRev1', { linkShare: 'tenant_readable' });
    const listed = await send('处理批注 https://tenant.feishu.cn/docx/DocxContractRev1', { chatId, example: '处理批注 https://tenant.feishu.cn/docx/…' });
    expect(listed.text).toContain('共 2 条批注');
    const wiki = await send('按批注修改 https://tenant.feishu.cn/wiki/WikiContractRev1', { chatId, example: '(or 按批注修改 with a 知识库 link)' });
    expect(wiki.text).toContain('云文档《知识库里的报告》');
    const done = await send('全部处理', { chatId, rootId: listed.id });
    expect(done.text).toContain('没有把任何评论标为“已解决”');
    expect(h.feishu.commentReplies.filter((c) => c.fileToken === 'DocxContractRev1').map((c) => c.commentId).sort()).toEqual(['7301', '7302']);
    // 直接改原文档 (or 在原文档上改): the same list, the blocks edited in place this time.
    expect(listed.text).toContain('直接改原文档');
    const inPlace = await send('直接改原文档', { chatId, rootId: listed.id });
    expect(inPlace.text).toContain('直接改在原文档上');
    expect(inPlace.text).toContain('没有把任何评论标为“已解决”');
    const again = await send('在原文档上改', { chatId, rootId: listed.id, example: '(or 在原文档上改)' });
    expect(again.text).toContain('直接改在原文档上');
    expect(h.feishu.driveComments.get('DocxContractRev1')!.every((c) => !c.is_solved)).toBe(true);
  });

  it('按审校意见修订 (quoting a .docx, or right after sending one) → the critique’s fixes as tracked changes', async () => {
    const chatId = 'oc_p2p_contract_revise';
    const ev = fileEvent('报告.docx', plain(), chatId);
    await h.post(ev);
    // The annotated copy, then the critique card (which says so).
    expect(texts(await replies(messageIdOf(ev), 2))).toContain('这份文档没有批注，已按审校处理。');
    const after = await send('按审校意见修订', { chatId, count: 2 });
    expect(after.out.find((m) => m.msg_type === 'file')?.file?.name).toBe('报告（笔杆子修订）.docx');
    h.feishu.addUserFile('om_contract_revise_quoted', '报告.docx', plain(), 'oc_group_contract_review');
    const quoted = await send('按审校意见修订', { group: true, chatId: 'oc_group_contract_review', parentId: 'om_contract_revise_quoted', count: 2, example: '(quoting a .docx, or right after sending one)' });
    expect(quoted.text).toContain('已按审校意见修订');
  });

  it('按审校意见修订 with a cloud-doc link (or with a 知识库 link) → the fixes in a copy beside it, the advice on the card', async () => {
    const chatId = 'oc_p2p_contract_cloud_revise';
    h.feishu.docs.set('DocxContractCrit1', { title: '上半年报告', content: '上半年报告\n局党组增强“四种意识”，要再接再励。' });
    h.feishu.docAccess.set('DocxContractCrit1', { linkShare: 'tenant_readable' });
    h.feishu.wikiNodes.set('WikiContractCrit1', { obj_type: 'docx', obj_token: 'DocxContractCrit1', title: '知识库里的报告' });
    h.feishu.docAccess.set('WikiContractCrit1', { linkShare: 'tenant_readable' });
    const imports = h.feishu.importTasks.size;
    const link = await send('按审校意见修订 https://tenant.feishu.cn/docx/DocxContractCrit1', { chatId, example: '按审校意见修订 https://tenant.feishu.cn/docx/…' });
    expect(link.text).toContain('已按审校意见修订云文档《上半年报告》：1 处确定的错误已改在修订稿里，1 条需要斟酌的意见只列出、未改动。修订稿已导入为新的云文档（原文档未改动）');
    expect(link.text).toContain('“再接再励”改为“再接再厉”');
    const wiki = await send('按审校意见修订 https://tenant.feishu.cn/wiki/WikiContractCrit1', { chatId, example: '(or with a 知识库 link)' });
    expect(wiki.text).toContain('已按审校意见修订云文档《知识库里的报告》');
    expect(h.feishu.importTasks.size).toBe(imports + 2);
    expect(h.feishu.calls.some((c) => c.method !== 'GET' && c.path.includes('/documents/DocxContractCrit1'))).toBe(false);
  });
});

describe('word list in /help', () => {
  it('the /help examples with ‘’ quotes do what the README rows do', async () => {
    const chatId = 'oc_group_contract_words_help';
    const g = { group: true, chatId };
    expect((await send('把‘圆满成功’加入慎用词', g)).text).toContain('已记下：“圆满成功”列为慎用词');
    expect((await send('‘街道办’改为‘街道办事处’', g)).text).toContain('已记下：“街道办”改为“街道办事处”');
    expect((await send('查看本单位词表', g)).text).toContain('本单位词表共2条');
    expect((await send('把‘圆满成功’从词表中删除', g)).text).toContain('已从本单位词表中删除“圆满成功”');
    const exported = await send('导出本单位词表', { ...g, count: 2 });
    expect(exported.out.find((m) => m.msg_type === 'file')!.file!.name).toBe('本单位词表.json');
  });
});

// ---- the contract itself -----------------------------------------------------------------------------------

describe('every advertised example was run', () => {
  it('README “What it does”, its answers, /help', () => {
    const advertised = [...readmeExamples(), ...README_ANSWERS, ...helpExamples()];
    for (const a of README_ANSWERS) expect(README).toContain(a);
    expect(advertised.length).toBeGreaterThan(25);
    expect(advertised.filter((e) => !executed.has(e))).toEqual([]);
  });
  it('the bot’s own footers', () => {
    expect([...footerExamples].sort()).toEqual(['取消提醒 1', '取消记台账提醒', '取消提醒 2', '取消提醒 编号', '全部重写', '我的提醒', '改到下午4点', '明天上午9点提醒我交材料', '把第N个提醒改到7月5日', '重写第二部分'].sort());
    expect([...footerExamples].filter((e) => !executed.has(e))).toEqual([]);
  });
});
