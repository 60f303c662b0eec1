import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { messageIdOf, textEvent, USER_OPEN_ID, VERIFICATION_TOKEN } from '../support/events.js';
import type { FakeRequestBody } from '../support/fake-openai.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { readWordPackage } from '../support/wordml.js';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { FOOTER_LABEL } from '../../src/export/ai-label.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const OUTLINE = [
  '市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告',
  '今年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届历次全会精神，认真落实意识形态工作责任制。现将有关情况报告如下：',
  '一、主要做法和成效',
  '（一）压实政治责任，健全工作机制',
  '1. 局党组专题研究意识形态工作【待补充：次数】次',
  '（二）强化理论武装，筑牢思想根基',
  '1. 中心组学习【待补充：次数】次',
  '（三）加强阵地管理，守牢主流阵地',
  '1. 审核宣传内容',
  '二、存在的问题和不足',
  '（一）理论学习深度不够',
  '（二）阵地管理存在短板',
  '三、下一步工作打算',
  '（一）深化理论学习',
  '（二）加强阵地管理',
].join('\n');

/** A fake model that answers each prompt kind with text of the right shape. */
function writer(body: FakeRequestBody): string {
  const p = body.messages.at(-1)!.content;
  if (p.startsWith('请为下面的写作需求拟一份报告提纲') || p.includes('逐条修正')) return OUTLINE;
  if (p.startsWith('请修改报告中的一节正文')) return '修改稿：一是进一步压实责任，二是细化任务清单，三是强化督促检查，确保各项要求落到实处。';
  if (p.startsWith('请按已确定的提纲起草报告正文')) return '（一）分节内容\n一是加强领导，【待补充：具体做法】。二是强化落实。\n（二）第二节内容\n坚持问题导向。\n（三）第三节内容\n持续推进。';
  if (p.startsWith('请根据已确定的提纲')) return '一是理论学习的系统性不够，【待补充：具体表现】。二是阵地管理的精细化程度不高。';
  return '好的。';
}

async function reply(x: Harness, parentId: string, count = 1): Promise<FakeMessage[]> {
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(parentId);
    return r.length >= count && r.every((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…');
  }, EVENT_CEILING_MS, `reply to ${parentId}`);
  // the thread's job has finished, not just its card: nothing more is on its way
  await appSettled(x);
  return x.feishu.repliesTo(parentId);
}

const buttonValues = (x: Harness, m: FakeMessage) => x.feishu.buttonsOf(m);

function clickEvent(messageId: string, value: Record<string, unknown>): Record<string, unknown> {
  return {
    schema: '2.0',
    header: { event_id: `ev_click_${Date.now()}`, token: VERIFICATION_TOKEN, create_time: String(Date.now() * 1000), event_type: 'card.action.trigger', tenant_key: 'tenant_test', app_id: 'cli_a1b2c3d4e5f60718' },
    event: { operator: { open_id: USER_OPEN_ID }, token: 'c-card-update-token', action: { value, tag: 'button' }, host: 'im_message', context: { open_message_id: messageId, open_chat_id: 'oc_p2p_chat_0001' } },
  };
}


describe('report drafting from a Feishu thread', () => {
  it('outline → section → button expand → full draft → Word file, all in the thread', async () => {
    h = await startHarness({ llm: writer });
    const first = textEvent('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    const root = messageIdOf(first);
    await h.post(first);
    const [outlineCard] = await reply(h, root);
    const outlineText = h.feishu.textOf(outlineCard!);
    expect(outlineText).toContain('2025年上半年');
    expect(outlineText).toMatch(/一、[\s\S]*二、[\s\S]*三、/);
    expect(buttonValues(h, outlineCard!).map((b) => b.text)).toEqual(['写全文', '导出Word', '生成云文档']);
    expect(h.llm.requests[0]!.messages.at(-1)!.content).toContain('请为下面的写作需求拟一份报告提纲');

    // a follow-up in the thread uses the stored outline
    const sec = textEvent('写第二部分', { rootId: root, threadId: 'omt_draft_1' });
    await h.post(sec);
    const [secCard] = await reply(h, messageIdOf(sec));
    expect(h.feishu.textOf(secCard!)).toContain('理论学习的系统性不够');
    const buttons = buttonValues(h, secCard!);
    expect(buttons.map((b) => b.text)).toEqual(['展开此部分', '精简此部分', '重写此部分', '写全文', '导出Word', '生成云文档']);

    // a button click: toast at once, the revision under the card
    const click = await h.post(clickEvent(secCard!.message_id, buttons[0]!.value));
    expect(click.status).toBe(200);
    expect(click.body).toMatchObject({ toast: { type: 'info' } });
    const [revCard] = await reply(h, secCard!.message_id);
    expect(h.feishu.textOf(revCard!)).toContain('修改稿');
    expect(h.llm.requests.at(-1)!.messages.at(-1)!.content).toContain('请修改报告中的一节正文');

    const full = textEvent('写全文', { rootId: root, threadId: 'omt_draft_1' });
    await h.post(full);
    const fullCards = await reply(h, messageIdOf(full));
    const fullText = fullCards.map((m) => h!.feishu.textOf(m)).join('\n');
    expect(fullText).toContain('报告');
    expect(fullText).toMatch(/一、[\s\S]*二、[\s\S]*三、/);

    const exp = textEvent('导出Word', { rootId: root, threadId: 'omt_draft_1' });
    await h.post(exp);
    const out = await reply(h, messageIdOf(exp), 2);
    const file = out.find((m) => m.msg_type === 'file');
    expect(file?.file).toBeDefined();
    expect(file!.file!.name).toMatch(/\.docx$/);
    const { paragraphs } = await readWordPackage(file!.file!.data);
    const fonts = new Set(paragraphs.flatMap((p) => p.runs.map((r) => r.props.eastAsia)));
    for (const f of ['仿宋_GB2312', '黑体', '楷体_GB2312']) expect(fonts).toContain(f);
    expect(paragraphs.find((p) => p.text.includes('主要做法'))!.props).toMatchObject({ line: 560, lineRule: 'exact' });
    // the sign-off is set apart, right-aligned, not run into the body
    expect(paragraphs.find((p) => p.text === '中共市交通运输局党组')!.props.jc).toBe('right');
  });

  it('works offline: template outline with placeholders, full draft and export, and says it is offline', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    const first = textEvent('帮我写一份2026年度个人落实意识形态工作责任制述职报告的提纲');
    const root = messageIdOf(first);
    await h.post(first);
    const [outlineCard] = await reply(h, root);
    const text = h.feishu.textOf(outlineCard!);
    expect(text).toContain('离线模式');
    expect(text).toContain('【待补充');
    expect(text).toMatch(/一、[\s\S]*二、[\s\S]*三、/);
    const full = textEvent('写全文', { rootId: root });
    await h.post(full);
    const fullText = (await reply(h, messageIdOf(full))).map((m) => h!.feishu.textOf(m)).join('\n');
    expect(fullText).toContain('【待补充');
    const exp = textEvent('导出文档', { rootId: root });
    await h.post(exp);
    const out = await reply(h, messageIdOf(exp), 2);
    expect(out.some((m) => m.msg_type === 'file')).toBe(true);
    expect(h.llm.requests).toHaveLength(0);
  });

  it('AI_LABEL_FOOTER=on: the exported Word file prints the explicit AI label in its footer, beside the implicit one', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '', AI_LABEL_FOOTER: 'on' } });
    const first = textEvent('帮我写一份2026年度个人落实意识形态工作责任制述职报告的提纲');
    const root = messageIdOf(first);
    await h.post(first);
    await reply(h, root);
    const exp = textEvent('导出Word', { rootId: root });
    await h.post(exp);
    const file = (await reply(h, messageIdOf(exp), 2)).find((m) => m.msg_type === 'file')!.file!;
    const zip = await JSZip.loadAsync(file.data);
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    const texts = await Promise.all(footers.map(async (n) => Array.from(new DOMParser().parseFromString(await zip.file(n)!.async('string'), 'text/xml').getElementsByTagName('w:t')).map((t) => t.textContent).join('')));
    expect(texts.join('\n')).toContain(FOOTER_LABEL);
    expect(await zip.file('docProps/custom.xml')!.async('string')).toContain('AIContentId');
  });

  it('shows the defects an outline still has after the one repair round', async () => {
    const broken = ['关于2025年上半年落实意识形态工作责任制情况的报告', '一、主要做法', '（一）压实责任', '（三）强化学习', '二、存在问题', '（一）学习不深'].join('\n');
    h = await startHarness({ llm: () => broken });
    const ev = textEvent('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    await h.post(ev);
    const [card] = await reply(h, messageIdOf(ev));
    const text = h.feishu.textOf(card!);
    expect(text).toContain('提纲自检仍有以下问题');
    // one first try and one repair round, no more
    expect(h.llm.requests).toHaveLength(2);
    expect(h.llm.requests[1]!.messages.at(-1)!.content).toContain('逐条修正');
  });

  it('tells the user when a button no longer means anything', async () => {
    h = await startHarness({ llm: writer });
    const res = await h.post(clickEvent('om_old_card', { action: 'something-retired', thread: 'om_x' }));
    expect(res.body).toMatchObject({ toast: { type: 'info' } });
    const [r] = await reply(h, 'om_old_card');
    expect(h.feishu.textOf(r!)).toContain('按钮对应的操作已失效');
  });

  it('asks for a report first when a thread command comes without an outline or conversation', async () => {
    h = await startHarness({ llm: writer });
    const ev = textEvent('导出Word');
    await h.post(ev);
    const [r] = await reply(h, messageIdOf(ev));
    expect(h.feishu.textOf(r!)).toContain('还没有报告提纲');
  });
});
