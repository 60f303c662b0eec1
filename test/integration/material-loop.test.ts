/**
 * Issue 23, done when: “参考去年的报告，根据这份台账写2026年上半年报告” with last year's report
 * (.docx written by the docx library) and a 台账 (.xlsx written by exceljs), against a messy model
 * fake that carries last year's numbers and events into the draft: none of them is left unmarked,
 * every 台账 fact carries its row, the 同比表 lists the changed figures, and “这句出自哪里？”
 * answers from the stored provenance.
 */
import { photoMessage } from '../support/review-docx.js';
import { sendFiles } from '../support/material.js';
import { LAST_YEAR_REPORT } from '../../src/eval/fabrication.js';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { startHarness, type Harness } from '../support/harness.js';
import { settledReplies, replyTexts } from '../support/queues.js';
import { groupAtBot, messageIdOf, OTHER_USER_OPEN_ID, textEvent, cardActionEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import type { FakeRequestBody } from '../support/fake-openai.js';
import { buildDocx } from '../support/docx-fixture.js';
import { BUTTON_UNDER_WAY } from '../../src/core/texts.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const replies = settledReplies;
const texts = replyTexts;

const LAST_YEAR = LAST_YEAR_REPORT.split('\n');
/** Last year's report (its paragraphs, as written by the docx library) and this period's 台账, as the writer sends them. */
const lastYearReport = async (paragraphs: readonly string[] = LAST_YEAR) => ({ name: '去年的报告.docx', data: await buildDocx([...paragraphs]) });
const ledgerFile = async () => ({ name: '台账.xlsx', data: await ledgerXlsx() });

/** The 台账: a title row merged across, a header, dated rows with counts. */
export async function ledgerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学习记录');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '2026年上半年意识形态工作台账';
  ws.addRow(['序号', '日期', '事项', '次数']);
  ws.addRow([1, '2026年3月20日', '召开意识形态工作研判会，分析研判网络舆情', 1]);
  ws.addRow([2, '2026年4月', '理论中心组集中学习', 15]);
  ws.addRow([3, '2026年5月', '开展网络安全宣传周活动，发放资料600份', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A messy model: preamble, Markdown, and a draft that copies last year's figures and events. */
export function carrier(body: FakeRequestBody): string {
  const p = body.messages.at(-1)!.content;
  if (p.startsWith('请为下面的写作需求拟一份报告提纲')) {
    return '好的，以下是提纲：\n\n**关于2026年上半年落实意识形态工作责任制情况的报告**\n\n现将有关情况报告如下：\n\n## 一、工作开展情况\n（一）强化理论武装\n（二）加强阵地管理\n## 二、存在的问题\n（一）队伍力量薄弱\n## 三、下一步工作打算\n（一）持续抓好理论武装';
  }
  return [
    '当然可以！以下是正文：',
    '',
    '理论中心组集中学习12次，举办“青山讲堂”理论宣讲活动28场。3月20日召开意识形态工作研判会，分析研判网络舆情。',
    '召开全县网络意识形态工作联席会议2次，印发《青山县网络阵地管理办法》。',
    '',
    '希望对您有帮助！',
  ].join('\n');
}

const LAST_YEAR_PIECES = ['12次', '28场', '“青山讲堂”理论宣讲活动', '全县网络意识形态工作联席会议', '《青山县网络阵地管理办法》'];

describe('material true to its period (issue 23, done when)', () => {
  it('last year’s report as a model and an .xlsx 台账 as facts: nothing of last year unmarked, rows kept, 同比表, 出处', async () => {
    h = await startHarness({ llm: carrier });
    await sendFiles(h, [await lastYearReport(), await ledgerFile()]);

    const ask = textEvent('参考去年的报告，根据这份台账写2026年上半年报告');
    await h.post(ask);
    const card = texts(h, await replies(h, messageIdOf(ask)));
    // One line per file: how each was taken.
    expect(card).toContain('“去年的报告.docx”作为范文使用');
    expect(card).toContain('“台账.xlsx”作为本期事实材料使用');
    // Nothing of last year's report outside a 【待更新】 mark.
    const unmarked = card.replace(/【[^】]*】/g, '');
    const draftPart = unmarked.slice(unmarked.indexOf('工作开展情况'));
    for (const piece of LAST_YEAR_PIECES) expect(draftPart.split('同比表')[0], piece).not.toContain(piece);
    expect(card).toContain('【待更新：去年为“28场”】');
    expect(card).toContain('【待更新：去年为“全县网络意识形态工作联席会议”】');
    // One 同比表 row per changed figure, however often the draft repeats it.
    expect(card.match(/ · 12次 · 15次 · /g)).toHaveLength(1);
    // The 同比表: last year's 12次 becomes this period's 15次 from its row.
    expect(card).toMatch(/同比表（项目 · 上期 · 本期 · 来源）\n[^\n]*集中学习[^\n]* · 12次 · 15次 · “台账\.xlsx”·学习记录·第4行/);
    expect(card).toMatch(/与范文逐字相同的连续文字均不超过 20 个字|有 \d+ 句与范文连续相同超过 20 个字/);
    // The model's facts never reach the prompt as facts.
    const prompts = h.llm.requests.map((r) => r.messages.at(-1)!.content).join('\n');
    expect(prompts).toContain('【待更新：去年为“28场”】');
    expect(prompts).toContain('第4行');

    const thread = { rootId: messageIdOf(ask), threadId: `omt_${messageIdOf(ask)}` };
    const where = textEvent('“3月20日召开意识形态工作研判会”这句出自哪里？', thread);
    await h.post(where);
    const answer = texts(h, await replies(h, messageIdOf(where)));
    expect(answer).toContain('“台账.xlsx”·学习记录·第3行');

    // 导出Word（附出处）: one Word comment per fact-bearing sentence, naming its sources; plain 导出Word has none.
    const withSources = await exported(h, '导出Word（附出处）', thread);
    expect(withSources.note).toMatch(/出处已作为 \d+ 条 Word 批注附在文中/);
    expect(withSources.comments.length).toBeGreaterThanOrEqual(2);
    expect(withSources.comments.join('\n')).toContain('“台账.xlsx”·学习记录·第3行');
    expect(withSources.comments.every((c) => c.startsWith('出处：'))).toBe(true);
    // Each comment is anchored: a range around its sentence and a reference mark.
    expect(withSources.anchors).toBe(withSources.comments.length);
    const study = withSources.commented.find((p) => p.includes('3月20日召开意识形态工作研判会'));
    expect(study).toBeDefined();
    const plain = await exported(h, '导出Word', thread);
    expect(plain.comments).toHaveLength(0);
    expect(plain.anchors).toBe(0);
    expect((await exported(h, '导出Word带出处', thread)).comments).toHaveLength(withSources.comments.length);
  });
});

describe('stale meetings and campaigns of the model (issue 23 item 2)', () => {
  // Last year's report with its study focus and campaign: both out of date for 2026年上半年.
  const STALE_SENTENCE = '深入学习贯彻党的二十大和二十届三中全会精神，扎实开展深入贯彻中央八项规定精神学习教育。';
  const MODEL = LAST_YEAR.map((l) => l.replace('强化理论武装。', `强化理论武装。${STALE_SENTENCE}`));
  /** The messy model copies the stale focus and campaign into this period's draft. */
  const staleCarrier = (body: FakeRequestBody): string => {
    const out = carrier(body);
    return out.startsWith('当然可以') ? out.replace('理论中心组集中学习12次', `${STALE_SENTENCE}理论中心组集中学习12次`) : out;
  };

  it('the draft takes the table’s current plenum with the reason and source on the card; a campaign with no successor is marked; Word gets the same', async () => {
    h = await startHarness({ llm: staleCarrier });
    await sendFiles(h, [await lastYearReport(MODEL), await ledgerFile()]);
    const ask = textEvent('参考去年的报告，根据这份台账写2026年上半年报告');
    await h.post(ask);
    const card = texts(h, await replies(h, messageIdOf(ask)));
    expect(card).toContain('深入学习贯彻党的二十大和二十届四中全会精神');
    expect(card).toContain('扎实开展【待更新：去年为“深入贯彻中央八项规定精神学习教育”】');
    expect(card).toContain('范文中的‘二十届三中全会’是2024年的提法，本期按表述库改为‘二十届四中全会’（来源：表述库：二十届四中全会，2025年10月20日至23日召开，以新华社发布的会议消息为准）。');
    // The table's research notes (English, with paths) never reach the writer.
    expect(card).not.toMatch(/Xinhua|design|\.md\b|§/);
    expect(card).toContain('范文中的‘深入贯彻中央八项规定精神学习教育’是2025年的提法，表述库里没有本期接续的提法，已标为【待更新】');
    expect(card.replace(/【[^】]*】/g, '')).not.toContain('三中全会精神');
    // The example the drafting prompts see already has the current entries.
    const prompts = h.llm.requests.map((r) => r.messages.at(-1)!.content).filter((p) => p.includes('仅供参考结构')).join('\n');
    expect(prompts).toContain('二十届四中全会精神');
    expect(prompts).not.toContain('二十届三中全会精神');

    // The stored draft carries the change too: the exported Word file says 四中全会.
    const thread = { rootId: messageIdOf(ask), threadId: `omt_${messageIdOf(ask)}` };
    const ev = textEvent('导出Word', thread);
    await h.post(ev);
    const file = (await replies(h, messageIdOf(ev))).find((m) => m.file)?.file;
    const xml = (await (await JSZip.loadAsync(file!.data)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('二十届四中全会精神');
    expect(xml).not.toContain('二十届三中全会');
  });
});

/** Export in the thread; the file's comments (word/comments.xml) and the paragraphs carrying their ranges, read with a real XML DOM. */
async function exported(x: Harness, words: string, thread: { rootId: string; threadId: string }): Promise<{ note: string; comments: string[]; anchors: number; commented: string[] }> {
  const ev = textEvent(words, thread);
  await x.post(ev);
  const out = await replies(x, messageIdOf(ev));
  const file = out.find((m) => m.file)?.file;
  expect(file?.name).toMatch(/\.docx$/);
  const zip = await JSZip.loadAsync(file!.data);
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const parse = async (path: string) => {
    const xml = await zip.file(path)?.async('string');
    return xml ? new DOMParser().parseFromString(xml, 'text/xml') : undefined;
  };
  const textOf = (el: Element) => Array.from(el.getElementsByTagNameNS(W, 't')).map((t) => t.textContent ?? '').join('');
  const commentsXml = await parse('word/comments.xml');
  const comments = commentsXml ? Array.from(commentsXml.getElementsByTagNameNS(W, 'comment')).map((c) => Array.from(c.getElementsByTagNameNS(W, 'p')).map(textOf).join('\n')) : [];
  const doc = (await parse('word/document.xml'))!;
  const paragraphs = Array.from(doc.getElementsByTagNameNS(W, 'p'));
  const commented = paragraphs.filter((p) => p.getElementsByTagNameNS(W, 'commentRangeStart').length > 0).map(textOf);
  const anchors = doc.getElementsByTagNameNS(W, 'commentReference').length;
  return { note: texts(x, out.filter((m) => !m.file)), comments, anchors, commented };
}

describe('a 多维表格 link as the 台账 (issue 23, done when)', () => {
  it('reads the linked table through the Open API (people never), each fact addressed as 《base》·table·row', async () => {
    h = await startHarness({ llm: carrier });
    const ms = (d: string) => Date.parse(`${d}T00:00:00+08:00`);
    h.feishu.tableApi.bitables.set('BascnLedger00001', {
      name: '2026年意识形态工作台账',
      tables: new Map([['tblLedger000001', {
        name: '学习记录',
        fields: [{ field_id: 'f1', field_name: '日期', type: 5 }, { field_id: 'f2', field_name: '事项', type: 1 }, { field_id: 'f3', field_name: '次数', type: 2 }, { field_id: 'f4', field_name: '负责人', type: 11, ui_type: 'User' }],
        records: [
          { record_id: 'recA1', fields: { 日期: ms('2026-03-20'), 事项: [{ type: 'text', text: '召开意识形态工作研判会，分析研判网络舆情' }], 次数: 1, 负责人: [{ id: 'ou_x', name: '张三' }] } },
          { record_id: 'recA2', fields: { 日期: ms('2026-04-01'), 事项: '理论中心组集中学习', 次数: 15, 负责人: [{ id: 'ou_y', name: '李四' }] } },
        ],
      }]]),
    });
    h.feishu.docAccess.set('BascnLedger00001', { linkShare: 'tenant_readable' });
    await sendFiles(h, [await lastYearReport()]);
    const ask = textEvent('参考去年的报告，根据这个多维表格写2026年上半年报告 https://example.feishu.cn/base/BascnLedger00001?table=tblLedger000001&view=vewX');
    await h.post(ask);
    const card = texts(h, await replies(h, messageIdOf(ask)));
    expect(card).toContain('“去年的报告.docx”作为范文使用');
    expect(card).toContain('“2026年意识形态工作台账”作为本期事实材料使用');
    // Named by the base's title (GET /bitable/v1/apps/:app_token), the table and the row.
    expect(card).toMatch(/集中学习[^\n]* · 12次 · 15次 · 《2026年意识形态工作台账》·学习记录·第2行/);
    const unmarked = card.replace(/【[^】]*】/g, '');
    for (const piece of LAST_YEAR_PIECES) expect(unmarked.slice(unmarked.indexOf('工作开展情况')).split('同比表')[0], piece).not.toContain(piece);
    const prompts = h.llm.requests.map((r) => r.messages.at(-1)!.content).join('\n');
    expect(prompts).not.toMatch(/张三|李四/);
    // The provenance list and 导出Word（附出处） name the base too.
    const thread = { rootId: messageIdOf(ask), threadId: `omt_${messageIdOf(ask)}` };
    const where = textEvent('“3月20日召开意识形态工作研判会”这句出自哪里？', thread);
    await h.post(where);
    expect(texts(h, await replies(h, messageIdOf(where)))).toContain('《2026年意识形态工作台账》·学习记录·第1行');
    expect((await exported(h, '导出Word（附出处）', thread)).comments.join('\n')).toContain('《2026年意识形态工作台账》·学习记录·第1行');
  });

  it('a base whose metadata call is refused is still read, its facts named by the table', async () => {
    h = await startHarness({ llm: carrier });
    h.feishu.tableApi.bitables.set('BascnNoMeta00001', {
      name: '不会被读到的名称',
      tables: new Map([['tblOnly00000001', { name: '学习记录', fields: [{ field_id: 'f1', field_name: '事项', type: 1 }, { field_id: 'f2', field_name: '次数', type: 2 }], records: [{ record_id: 'recB1', fields: { 事项: '理论中心组集中学习', 次数: 15 } }] }]]),
    });
    h.feishu.docAccess.set('BascnNoMeta00001', { linkShare: 'tenant_readable' });
    // Feishu's no-permission answer, for the base's own metadata only.
    h.feishu.fail(/^GET \/open-apis\/bitable\/v1\/apps\/BascnNoMeta00001$/, 10, 403, 91403);
    const ask = textEvent('根据这个多维表格写2026年上半年报告 https://example.feishu.cn/base/BascnNoMeta00001?table=tblOnly00000001');
    await h.post(ask);
    const card = texts(h, await replies(h, messageIdOf(ask)));
    expect(card).not.toContain('没有这份多维表格的读取权限');
    expect(card).toContain('“学习记录”作为本期事实材料使用');
    expect(h.feishu.calls.some((c) => c.path === '/open-apis/bitable/v1/apps/BascnNoMeta00001')).toBe(true);
  });

  it('a 多维表格 the app may not read gets the way to add it, and no model call', async () => {
    h = await startHarness({ llm: carrier });
    h.feishu.tableApi.bitables.set('BascnDenied00001', { tables: new Map() });
    h.feishu.tableApi.deniedBitables.add('BascnDenied00001');
    h.feishu.docAccess.set('BascnDenied00001', { linkShare: 'tenant_readable' });
    const ask = textEvent('根据这个多维表格写2026年上半年报告 https://example.feishu.cn/base/BascnDenied00001?table=tblX0000001');
    await h.post(ask);
    expect(texts(h, await replies(h, messageIdOf(ask)))).toContain('没有这份多维表格的读取权限');
    expect(h.llm.requests).toHaveLength(0);
  });
});

/** A press of a card's button, as Feishu posts card.action.trigger. */
const clickEvent = (messageId: string, value: Record<string, unknown>, o: { openId?: string; chatId?: string } = {}) => cardActionEvent(messageId, value, o);

const cardButtons = (x: Harness, m: FakeMessage) => x.feishu.buttonsOf(m);

describe('a photo of the paper 台账 (issue 23, done when)', () => {
  it('OCR is shown for checking, used only after “确认”, and each fact is addressed by image and line', async () => {
    h = await startHarness({ llm: carrier });
    const photo = Buffer.from('JPEG-of-a-paper-ledger-2026-H1');
    h.feishu.tableApi.ocr.push({ match: (b) => b.equals(photo), lines: ['2026年3月20日 召开意识形态工作研判会，分析研判网络舆情', '2026年4月 理论中心组集中学习15次'] });
    await sendFiles(h, [await lastYearReport()]);
    const before = h.llm.requests.length;
    const pic = photoMessage(h, photo);
    await h.post(pic);
    const check = texts(h, await replies(h, messageIdOf(pic)));
    expect(check).toMatch(/^识别结果，请核对（图片“[^”]+”，共 2 行）：\n1\. 2026年3月20日 召开意识形态工作研判会/);
    expect(check).toContain('确认前这些内容不会用于起草');
    expect(h.llm.requests.length).toBe(before);
    expect(h.feishu.calls.some((c) => c.path === '/open-apis/optical_char_recognition/v1/image/basic_recognize')).toBe(true);

    const ok = textEvent('确认');
    await h.post(ok);
    expect(texts(h, await replies(h, messageIdOf(ok)))).toContain('已确认图片');

    const ask = textEvent('参考去年的报告，根据这张照片写2026年上半年报告');
    await h.post(ask);
    const card = texts(h, await replies(h, messageIdOf(ask)));
    expect(card).toContain('“去年的报告.docx”作为范文使用');
    expect(card).toMatch(/集中学习[^\n]* · 12次 · 15次 · 图片“[^”]+”识别结果·第2行/);
    const unmarked = card.replace(/【[^】]*】/g, '');
    for (const piece of LAST_YEAR_PIECES) expect(unmarked.slice(unmarked.indexOf('工作开展情况')).split('同比表')[0], piece).not.toContain(piece);
  });

  it('the recognition card has 确认 and 作废 buttons: a second press changes nothing, and in a group only the photo\'s sender may press', async () => {
    h = await startHarness({ llm: carrier });
    const photo = Buffer.from('JPEG-of-a-paper-ledger-buttons');
    h.feishu.tableApi.ocr.push({ match: (b) => b.equals(photo), lines: ['2026年5月 理论中心组集中学习9次'] });
    const pic = photoMessage(h, photo);
    await h.post(pic);
    const [card] = await replies(h, messageIdOf(pic));
    expect(h.feishu.textOf(card!)).toMatch(/^识别结果，请核对/);
    const buttons = cardButtons(h, card!);
    expect(buttons.map((b) => b.text)).toEqual(['确认', '作废', '重新识别']);
    const confirm = buttons[0]!.value;

    await h.post(clickEvent(card!.message_id, confirm));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(card!.message_id)).includes('已确认图片'), undefined, 'the confirmation');
    // The same press again: one job per button, so the second is told the first runs, and nothing is confirmed twice.
    const again = await h.post(clickEvent(card!.message_id, confirm));
    expect(again.body).toMatchObject({ toast: { content: BUTTON_UNDER_WAY } });
    // 确认 typed after the button is no longer an answer to the recognition.
    const typed = textEvent('确认');
    await h.post(typed);
    expect(texts(h, await replies(h, messageIdOf(typed)))).not.toContain('已确认图片');
    expect(texts(h, h.feishu.repliesTo(card!.message_id)).match(/已确认图片/g)).toHaveLength(1);

    // The confirmed lines are this period's facts.
    const ask = textEvent('根据这张照片写2026年上半年报告');
    await h.post(ask);
    expect(texts(h, await replies(h, messageIdOf(ask)))).toMatch(/“图片[^”]+”作为本期事实材料使用[\s\S]*取用了 1 条事实/);

    // A group: someone else's press is refused and the recognition stays pending; 作废 by the sender drops it.
    const groupPhoto = Buffer.from('JPEG-of-a-paper-ledger-group');
    h.feishu.tableApi.ocr.push({ match: (b) => b.equals(groupPhoto), lines: ['2026年6月 召开意识形态工作专题会议'] });
    // (A post with an image can @-mention the bot in a group; the image event stands in for it.)
    const gpic = photoMessage(h, groupPhoto, { chatType: 'group', mentions: [{ key: '@_user_1', openId: h.feishu.botOpenId, name: '笔杆子' }] });
    await h.post(gpic);
    const [gcard] = await replies(h, messageIdOf(gpic));
    const [gConfirm, gDiscard] = cardButtons(h, gcard!).map((b) => b.value);
    await h.post(clickEvent(gcard!.message_id, gConfirm!, { openId: OTHER_USER_OPEN_ID, chatId: 'oc_group_chat_0001' }));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(gcard!.message_id)).includes('只有发这张照片或这份扫描件的人'), undefined, 'the refusal');
    await h.post(clickEvent(gcard!.message_id, gDiscard!, { chatId: 'oc_group_chat_0001' }));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(gcard!.message_id)).includes('已作废'), undefined, 'the discard');
    await h.post(clickEvent(gcard!.message_id, gConfirm!, { chatId: 'oc_group_chat_0001' }));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(gcard!.message_id)).includes('没有待核对的识别结果'), undefined, 'nothing left to confirm');
    expect(texts(h, h.feishu.repliesTo(gcard!.message_id))).not.toContain('已确认图片');
  });

  it('a photo over the OCR limit gets the limit in words and no OCR call', async () => {
    h = await startHarness({ llm: carrier });
    const pic = photoMessage(h, Buffer.alloc(4 * 1024 * 1024, 7));
    await h.post(pic);
    expect(texts(h, await replies(h, messageIdOf(pic)))).toMatch(/超过了文字识别一次可处理的 5 MB/);
    expect(h.feishu.calls.some((c) => c.path.includes('optical_char_recognition'))).toBe(false);
  });
});

describe('合并转发 as material (issue 23 item 3)', () => {
  it('a quoted merge-forward: its sub-messages are facts, each traced to its message time', async () => {
    h = await startHarness({ llm: carrier });
    h.feishu.addUserMessage('om_forward_1', 'merge_forward', { content: 'Merged and Forwarded Message' });
    const at = (iso: string) => String(Date.parse(iso));
    h.feishu.forwardChildren.set('om_forward_1', [
      { message_id: 'om_sub_2', msg_type: 'text', content: JSON.stringify({ text: '4月理论中心组集中学习15次' }), create_time: at('2026-04-30T09:00:00+08:00') },
      { message_id: 'om_sub_1', msg_type: 'text', content: JSON.stringify({ text: '3月20日召开意识形态工作研判会，分析研判网络舆情' }), create_time: at('2026-03-20T10:00:00+08:00') },
      { message_id: 'om_sub_3', msg_type: 'image', content: JSON.stringify({ image_key: 'img_x' }), create_time: at('2026-05-01T10:00:00+08:00') },
    ]);
    const ask = groupAtBot('根据这些聊天记录写2026年上半年报告', h.feishu.botOpenId, { parentId: 'om_forward_1' });
    await h.post(ask);
    const card = texts(h, await replies(h, messageIdOf(ask)));
    expect(card).toContain('“合并转发的聊天记录”作为本期事实材料使用');
    const prompts = h.llm.requests.map((r) => r.messages.at(-1)!.content).join('\n');
    expect(prompts.indexOf('3月20日召开意识形态工作研判会')).toBeLessThan(prompts.indexOf('4月理论中心组集中学习15次'));
    // The quote's root is the forward: the thread (and its draft) is keyed by it.
    const thread = { rootId: 'om_forward_1' };
    const where = groupAtBot('“3月20日召开意识形态工作研判会”这句出自哪里？', h.feishu.botOpenId, thread);
    await h.post(where);
    expect(texts(h, await replies(h, messageIdOf(where)))).toContain('转发消息（2026-03-20 10:00）');
  });
});

describe('a 飞书电子表格 kept in the wiki as the 台账 (issue 23 item 3)', () => {
  it('the wiki node leads to the sheet; merged cells filled, title and header recognised, rows addressed', async () => {
    h = await startHarness({ llm: carrier });
    h.feishu.tableApi.spreadsheets.set('shtLedger000001', {
      sheets: [{
        sheet_id: 'sQ1w2e', title: '研判记录',
        merges: [{ start_row_index: 0, end_row_index: 0, start_column_index: 0, end_column_index: 2 }, { start_row_index: 2, end_row_index: 3, start_column_index: 0, end_column_index: 0 }],
        values: [['2026年上半年舆情研判台账', null, null], ['月份', '事项', '次数'], ['3月', [{ type: 'text', text: '召开意识形态工作研判会' }], 2], [null, '专题研判网络舆情', 1]],
      }],
    });
    h.feishu.wikiNodes.set('WikiSheetLedger01', { obj_token: 'shtLedger000001', obj_type: 'sheet', title: '舆情研判台账' });
    h.feishu.docAccess.set('WikiSheetLedger01', { linkShare: 'tenant_readable' });
    const ask = textEvent('根据这个台账写上半年报告提纲 https://example.feishu.cn/wiki/WikiSheetLedger01');
    await h.post(ask);
    const card = texts(h, await replies(h, messageIdOf(ask)));
    expect(card).toContain('“舆情研判台账”作为本期事实材料使用');
    // The title row names the period: the draft is for it, and says so.
    expect(card).toContain('按材料“舆情研判台账”所记的2026年上半年起草');
    const prompts = h.llm.requests.map((r) => r.messages.at(-1)!.content).join('\n');
    expect(prompts).toContain('3月，召开意识形态工作研判会2次');
    expect(prompts).toContain('3月，专题研判网络舆情1次');
  });
});
