import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled, settledReplies, replyTexts } from '../support/queues.js';
import { groupAtBot, messageEvent, messageIdOf, textEvent, USER_OPEN_ID, VERIFICATION_TOKEN } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import type { FakeRequestBody } from '../support/fake-openai.js';
import { buildDocx, commentPackageProblems, DEFECT_REPORT, readComments } from '../support/docx-fixture.js';
import { buildPdf } from '../support/pdf.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const REPORT_LINES = DEFECT_REPORT.map((p) => (Array.isArray(p) ? p.join('') : p));

/** All replies under a message once none is streaming any more and `count` have arrived. */
const replies = settledReplies;

const texts = replyTexts;

/** A private file message whose file the fake Open API holds. */
function fileMessage(x: Harness, name: string, data: Buffer): Record<string, unknown> {
  const ev = messageEvent('file', { file_key: 'placeholder', file_name: name });
  const msg = (ev.event as { message: { message_id: string; content: string } }).message;
  const key = x.feishu.addUserFile(msg.message_id, name, data);
  msg.content = JSON.stringify({ file_key: key, file_name: name });
  return ev;
}

/** A model that critiques, and answers an outline prompt with an outline. */
function model(body: FakeRequestBody): string {
  const p = body.messages.at(-1)!.content;
  if (p.startsWith('请为下面的写作需求拟一份报告提纲')) return '关于2025年上半年落实意识形态工作责任制情况的报告\n今年以来……现将有关情况报告如下：\n一、主要做法\n（一）压实责任\n二、存在问题\n（一）学习不够\n三、下一步打算\n（一）加强学习';
  return '一、结构：三部分齐全。\n二、改写示范：……';
}

describe('files sent to the bot', () => {
  it('a .docx with planted defects comes back as a commented copy plus a card', async () => {
    h = await startHarness({ llm: model });
    const data = await buildDocx(DEFECT_REPORT);
    const ev = fileMessage(h, '上半年报告.docx', data);
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev), 2);
    // The commented copy, the critique card, and the 误报/有用 feedback card under it (issue 24 item 6).
    expect(out).toHaveLength(3);
    expect(h.feishu.textOf(out[2]!)).toContain('误报');
    const card = h.feishu.textOf(out.find((m) => m.msg_type === 'interactive')!);
    expect(card).toContain('审阅对象：“上半年报告.docx”');
    expect(card).toContain('审校结果');
    expect(card).toContain('四个意识');
    expect(card).toContain('改写示范');
    const file = out.find((m) => m.msg_type === 'file');
    expect(file?.file?.name).toBe('上半年报告（笔杆子批注）.docx');
    expect(await commentPackageProblems(file!.file!.data)).toEqual([]);
    const comments = await readComments(file!.file!.data);
    expect(comments.length).toBeGreaterThanOrEqual(3);
    expect(comments.every((c) => c.author === '笔杆子')).toBe(true);
    expect(comments.find((c) => c.text.includes('四个意识'))?.anchored).toContain('四种意识');
    expect(comments.some((c) => c.anchored.includes('X'))).toBe(true);
    // The card says where every finding is: all of them, as comments on the attached copy (sent first).
    expect(card).toContain(`全部 ${comments.length} 条意见已作为批注加在附件《上半年报告（笔杆子批注）.docx》上`);
    expect(out[0]).toBe(file);
    // The download went through the message resource API as a file.
    const dl = h.feishu.callsTo(/GET \/open-apis\/im\/v1\/messages\/[^/]+\/resources\//);
    expect(dl).toHaveLength(1);
    expect(dl[0]!.query.type).toBe('file');
    // The model saw the document's text.
    expect(h.llm.requests[0]!.messages.at(-1)!.content).toContain('四种意识');
  });

  it('a text-layer PDF is critiqued (no commented copy)', async () => {
    h = await startHarness({ llm: model });
    const ev = fileMessage(h, '报告.pdf', buildPdf(REPORT_LINES));
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev));
    await appSettled(h);
    // The critique card and its feedback card.
    expect(h.feishu.repliesTo(messageIdOf(ev))).toHaveLength(2);
    expect(texts(h, out)).toContain('审阅对象：“报告.pdf”');
    expect(texts(h, out)).toContain('四个意识');
  });

  it('a real PDF (printed by LibreOffice): its layout is not blamed on the writer, and findings point at its lines', async () => {
    h = await startHarness({ llm: model });
    const pdf = (name: string) => readFileSync(new URL(`../fixtures/pdf/${name}.pdf`, import.meta.url));
    const clean = fileMessage(h, '网信办报告.pdf', pdf('sets-wrap'));
    await h.post(clean);
    const card = texts(h, await replies(h, messageIdOf(clean)));
    expect(card).toContain('审校结果**：未发现问题');
    // The model reads whole paragraphs: the named set wrapped over two PDF lines is one phrase again.
    expect(h.llm.requests.at(-1)!.messages.at(-1)!.content).toContain('坚定道路自信、理论自信、制度自信、文化自信');

    const defects = fileMessage(h, '有问题的报告.pdf', pdf('defects'));
    await h.post(defects);
    const found = texts(h, await replies(h, messageIdOf(defects)));
    expect(found).toContain('第7行第17列：疑似错别字：“宽彻”应为“贯彻”');
    expect(found).toContain('责任意识');
    expect(found).not.toMatch(/空格|页码|模板标题|拆成了两行/);
  });

  it.each([
    ['scanned.pdf', () => buildPdf([]), /扫描件/],
    ['旧版.doc', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /另存为/],
    ['坏文件.docx', () => Buffer.from('PK\u0003\u0004 this is not really a zip'), /打不开/],
    ['台账.xlsx', () => Buffer.from('PK\u0003\u0004'), /表格“台账.xlsx”打不开/],
    ['演示.pptx', () => Buffer.from('PK\u0003\u0004'), /暂时读不了/],
    ['大文件.docx', () => Buffer.alloc(21 * 1024 * 1024, 0x41), /超过了可处理的 20 MB/],
  ])('%s gets a clear answer and no model call', async (name, data, answer) => {
    h = await startHarness({ llm: model });
    const ev = fileMessage(h, name, data());
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev));
    expect(out).toHaveLength(1);
    expect(texts(h, out)).toMatch(answer);
    expect(h.llm.requests).toHaveLength(0);
  });

  it('in a private chat, “根据这份台账写…” after a file uses that file as material', async () => {
    h = await startHarness({ llm: model });
    const ledger = await buildDocx(['台账'], [['4月', '开展意识形态领域风险隐患排查', '2轮']]);
    const file = fileMessage(h, '台账.docx', ledger);
    await h.post(file);
    await replies(h, messageIdOf(file));
    const ev = textEvent('根据这份台账写上半年报告提纲');
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev));
    expect(texts(h, out)).toContain('从材料“台账.docx”中取用了');
    const outlinePrompt = h.llm.requests.map((r) => r.messages.at(-1)!.content).find((p) => p.startsWith('请为下面的写作需求拟一份报告提纲'));
    expect(outlinePrompt).toContain('开展意识形态领域风险隐患排查 2轮');
  });

  it('an image is read by OCR (issue 23); one without text says to paste the text instead', async () => {
    h = await startHarness();
    const ev = messageEvent('image', { image_key: 'placeholder' });
    const msg = (ev.event as { message: { message_id: string; content: string } }).message;
    msg.content = JSON.stringify({ image_key: h.feishu.addUserFile(msg.message_id, 'blank.png', Buffer.from('no text here')) });
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toMatch(/没有识别出文字.*粘贴/);
  });

  it('a download refused for a missing scope names the scope; a 500 is retried', async () => {
    h = await startHarness({ llm: model });
    h.feishu.fail(/resources/, 1, 400, 99991672);
    const ev = fileMessage(h, 'a.docx', await buildDocx(DEFECT_REPORT));
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toContain('im:message:readonly');

    h.feishu.fail(/resources/, 1, 500, 1500);
    const again = fileMessage(h, 'b.pdf', buildPdf(REPORT_LINES));
    await h.post(again);
    const out = await replies(h, messageIdOf(again));
    expect(texts(h, out)).toContain('审校结果');
    expect(h.feishu.callsTo(/resources/).length).toBe(3);
  });
});

describe('quoted messages in a group', () => {
  it('“帮我看看” quoting a text message critiques the quoted text', async () => {
    h = await startHarness({ llm: model });
    h.feishu.addUserMessage('om_quoted_text', 'text', { text: REPORT_LINES.join('\n') });
    const ev = groupAtBot('帮我看看', h.feishu.botOpenId, { parentId: 'om_quoted_text' });
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev));
    expect(texts(h, out)).toContain('四个意识');
    expect(h.feishu.callsTo(/GET \/open-apis\/im\/v1\/messages\/om_quoted_text$/)).toHaveLength(1);
  });

  it('quoting a card (the bot’s own draft) critiques its text; a merge-forward gets an answer', async () => {
    h = await startHarness({ llm: model });
    h.feishu.addUserMessage('om_card', 'interactive', { title: '笔杆子 · 全文初稿', elements: [[{ tag: 'markdown', content: REPORT_LINES.join('\n') }]] });
    const ev = groupAtBot('帮我看看', h.feishu.botOpenId, { parentId: 'om_card' });
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toContain('四个意识');
    h.feishu.addUserMessage('om_fwd', 'merge_forward', { content: 'Merged and Forwarded Message' });
    const fwd = groupAtBot('帮我看看', h.feishu.botOpenId, { parentId: 'om_fwd' });
    await h.post(fwd);
    expect(texts(h, await replies(h, messageIdOf(fwd)))).toContain('合并转发的聊天记录');
  });

  it('@bot quoting a file critiques the file', async () => {
    h = await startHarness({ llm: model });
    h.feishu.addUserFile('om_group_file', '报告.pdf', buildPdf(REPORT_LINES));
    const ev = groupAtBot('', h.feishu.botOpenId, { parentId: 'om_group_file' });
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toContain('审阅对象：“报告.pdf”');
  });

  it('a 台账 quoted with “根据这份台账写上半年报告提纲” feeds the outline its facts', async () => {
    h = await startHarness({ llm: model });
    const ledger = await buildDocx(['2025年上半年意识形态工作台账'], [
      ['时间', '事项', '数量'],
      ['1月15日', '局党组专题研究意识形态工作', '1次'],
      ['3月', '理论学习中心组集体学习', '4次'],
      ['5月', '处置网络舆情', '3起'],
    ]);
    h.feishu.addUserFile('om_ledger', '台账.docx', ledger);
    const ev = groupAtBot('根据这份台账写上半年报告提纲', h.feishu.botOpenId, { parentId: 'om_ledger' });
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev));
    const card = texts(h, out);
    expect(card).toMatch(/从材料“台账\.docx”中取用了 \d+ 条事实/);
    const prompt = h.llm.requests[0]!.messages.at(-1)!.content;
    expect(prompt).toContain('局党组专题研究意识形态工作 1次');
    expect(prompt).toContain('处置网络舆情 3起');
    expect(prompt).toContain('只能使用这些事实');
  });

  it('a quote the bot cannot read gets an answer naming the group-message scope', async () => {
    h = await startHarness({ llm: model });
    h.feishu.fail(/GET \/open-apis\/im\/v1\/messages\/om_secret$/, 1, 400, 99991672);
    const ev = groupAtBot('帮我看看', h.feishu.botOpenId, { parentId: 'om_secret' });
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toContain('im:message.group_msg');
  });
});

describe('cloud-doc and wiki links', () => {
  it('a docx link and a wiki link are read through the Open API and critiqued', async () => {
    h = await startHarness({ llm: model });
    h.feishu.docs.set('DocxToken0001abcd', { title: '上半年报告', content: REPORT_LINES.join('\n') });
    h.feishu.wikiNodes.set('WikiNode0001abcd', { obj_type: 'docx', obj_token: 'DocxToken0001abcd', title: '知识库里的报告' });
    // The requester's right to read: the doc is open to the tenant by link, the wiki page shared with them.
    h.feishu.docAccess.set('DocxToken0001abcd', { linkShare: 'tenant_readable' });
    h.feishu.docAccess.set('WikiNode0001abcd', { members: [{ member_type: 'openid', member_id: USER_OPEN_ID, perm: 'view' }] });
    const a = textEvent('帮我看看 https://tenant.feishu.cn/docx/DocxToken0001abcd');
    const b = textEvent('https://tenant.feishu.cn/wiki/WikiNode0001abcd?from=from_copylink');
    await h.post(a);
    await h.post(b);
    expect(texts(h, await replies(h, messageIdOf(a)))).toContain('四个意识');
    const wiki = texts(h, await replies(h, messageIdOf(b)));
    expect(wiki).toContain('知识库里的报告');
    expect(wiki).toContain('四个意识');
    expect(h.feishu.callsTo(/get_node/)[0]!.query.token).toBe('WikiNode0001abcd');
    expect(h.feishu.callsTo(/raw_content/)).toHaveLength(2);
  });

  it('without access the answer says how to add the app; without the scope it names it', async () => {
    h = await startHarness({ llm: model });
    h.feishu.docs.set('DocxDenied000001', { title: 'x', content: 'x' });
    h.feishu.deniedDocs.add('DocxDenied000001');
    const denied = textEvent('帮我看看 https://a.feishu.cn/docx/DocxDenied000001');
    await h.post(denied);
    expect(texts(h, await replies(h, messageIdOf(denied)))).toContain('「添加文档应用」');

    h.feishu.docs.set('DocxScope0000001', { title: 'x', content: 'x' });
    h.feishu.docAccess.set('DocxScope0000001', { linkShare: 'tenant_readable' });
    h.feishu.fail(/raw_content/, 1, 400, 99991672);
    const scope = textEvent('帮我看看 https://a.feishu.cn/docx/DocxScope0000001');
    await h.post(scope);
    expect(texts(h, await replies(h, messageIdOf(scope)))).toContain('docx:document:readonly');

    const missing = textEvent('https://a.feishu.cn/wiki/WikiMissing00001');
    await h.post(missing);
    expect(texts(h, await replies(h, messageIdOf(missing)))).toContain('没有找到这篇文档');

    const sheet = textEvent('https://a.feishu.cn/sheets/SheetToken00001');
    await h.post(sheet);
    // A 电子表格 is read as a 台账 now (issue 23), after the same check of the requester's right.
    expect(texts(h, await replies(h, messageIdOf(sheet)))).toContain('阅读权限');
    expect(h.llm.requests).toHaveLength(0);
  });

  it('a link with “根据…写” is drafting material', async () => {
    h = await startHarness({ llm: model });
    h.feishu.docs.set('DocxLedger000001', { title: '台账', content: '2月召开意识形态工作专题会议2次\n开展网络安全宣传周活动，发放资料600份' });
    h.feishu.docAccess.set('DocxLedger000001', { owner: USER_OPEN_ID });
    const ev = textEvent('根据 https://a.feishu.cn/docx/DocxLedger000001 写上半年报告提纲');
    await h.post(ev);
    await replies(h, messageIdOf(ev));
    const prompt = h.llm.requests[0]!.messages.at(-1)!.content;
    expect(prompt).toContain('召开意识形态工作专题会议2次');
    expect(prompt).toContain('发放资料600份');
  });
});

describe('drafts delivered as a cloud doc', () => {
  function clickEvent(messageId: string, value: Record<string, unknown>): Record<string, unknown> {
    return {
      schema: '2.0',
      header: { event_id: `ev_click_${Date.now()}_${Math.random()}`, token: VERIFICATION_TOKEN, create_time: String(Date.now() * 1000), event_type: 'card.action.trigger', tenant_key: 'tenant_test', app_id: 'cli_a1b2c3d4e5f60718' },
      event: { operator: { open_id: USER_OPEN_ID }, token: 'c-token', action: { value, tag: 'button' }, host: 'im_message', context: { open_message_id: messageId, open_chat_id: 'oc_p2p_chat_0001' } },
    };
  }

  async function outlineThread(x: Harness): Promise<{ root: string; card: FakeMessage }> {
    const ev = textEvent('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    await x.post(ev);
    const [card] = await replies(x, messageIdOf(ev));
    return { root: messageIdOf(ev), card: card! };
  }

  it('the 生成云文档 button imports the .docx, grants the requester edit, and replies with the link', async () => {
    h = await startHarness({ llm: model });
    const { root, card } = await outlineThread(h);
    const cardJson = JSON.stringify(h.feishu.cardOf(card));
    expect(cardJson).toContain('生成云文档');
    await h.post(clickEvent(card.message_id, { action: 'clouddoc', thread: root }));
    await h.feishu.waitFor(() => h!.feishu.repliesTo(card.message_id).length >= 1, 20_000, 'the cloud doc reply');
    // the thread's job has finished, not just its card: nothing more is on its way
    await appSettled(h);
    const text = texts(h, h.feishu.repliesTo(card.message_id));
    expect(text).toMatch(/已生成飞书云文档《.+》/);
    expect(text).toMatch(/https:\/\/fake\.feishu\.cn\/docx\/\S+/);
    const upload = [...h.feishu.driveUploads.values()][0]!;
    expect(upload.parentType).toBe('ccm_import_open');
    expect(JSON.parse(upload.extra)).toEqual({ obj_type: 'docx', file_extension: 'docx' });
    expect(upload.data.subarray(0, 2).toString()).toBe('PK');
    expect(h.feishu.callsTo(/GET \/open-apis\/drive\/v1\/import_tasks\//).length).toBeGreaterThanOrEqual(2);
    expect(h.feishu.permissionMembers).toEqual([expect.objectContaining({ type: 'docx', member_type: 'openid', member_id: USER_OPEN_ID, perm: 'edit' })]);
  });

  it('the command in the thread works too; a missing import scope falls back to the .docx and names it', async () => {
    h = await startHarness({ llm: model });
    const { root } = await outlineThread(h);
    h.feishu.fail(/POST \/open-apis\/drive\/v1\/import_tasks$/, 1, 400, 99991672);
    const ev = textEvent('生成云文档', { rootId: root });
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev), 2);
    expect(out.some((m) => m.msg_type === 'file' && m.file?.name.endsWith('.docx'))).toBe(true);
    expect(texts(h, out)).toContain('docs:document:import');
  });

  it('an upload refused for want of its scope (upload_all’s own 1061073) names the media-upload scope', async () => {
    h = await startHarness({ llm: model });
    const { root } = await outlineThread(h);
    h.feishu.fail(/POST \/open-apis\/drive\/v1\/medias\/upload_all$/, 1, 403, 1061073);
    const ev = textEvent('生成云文档', { rootId: root });
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev), 2);
    expect(out.some((m) => m.msg_type === 'file' && m.file?.name.endsWith('.docx'))).toBe(true);
    expect(texts(h, out)).toContain('docs:document.media:upload');
    expect(texts(h, out)).not.toContain('drive:file:upload');
    expect(h.feishu.callsTo(/import_tasks/)).toHaveLength(0);
  });

  it('a failed import task and a refused grant each end in the .docx and a clear answer', async () => {
    h = await startHarness({ llm: model });
    const { root } = await outlineThread(h);
    h.feishu.failImports = true;
    const a = textEvent('生成云文档', { rootId: root });
    await h.post(a);
    const outA = await replies(h, messageIdOf(a), 2);
    expect(outA.some((m) => m.msg_type === 'file')).toBe(true);
    expect(texts(h, outA)).toContain('导入任务失败');

    h.feishu.failImports = false;
    h.feishu.fail(/permissions\/[^/]+\/members/, 1, 400, 99991672);
    const b = textEvent('生成云文档', { rootId: root });
    await h.post(b);
    const outB = await replies(h, messageIdOf(b), 2);
    expect(outB.some((m) => m.msg_type === 'file')).toBe(true);
    expect(texts(h, outB)).toContain('docs:permission.member:create');
    expect(texts(h, outB)).toContain('没能给你开通编辑权限');
  });

  it('a grant that fails with a 500 is retried without a second upload or import', async () => {
    h = await startHarness({ llm: model });
    const { root } = await outlineThread(h);
    h.feishu.fail(/permissions\/[^/]+\/members/, 1, 500, 1063001);
    const ev = textEvent('生成云文档', { rootId: root });
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev));
    expect(texts(h, out)).toMatch(/已生成飞书云文档/);
    expect(h.feishu.driveUploads.size).toBe(1);
    expect(h.feishu.importTasks.size).toBe(1);
    expect(h.feishu.callsTo(/permissions\/[^/]+\/members/)).toHaveLength(2);
    expect(h.feishu.permissionMembers).toHaveLength(1);
  });

  it('without an outline it says what to do first', async () => {
    h = await startHarness({ llm: model });
    const ev = textEvent('生成云文档');
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toContain('还没有报告提纲');
  });
});
