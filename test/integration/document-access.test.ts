import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { groupAtBot, messageIdOf, OTHER_USER_OPEN_ID, textEvent, USER_OPEN_ID } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';

// Issue 20 item 2: a cloud doc is read for a user only if that user may read it; the app's access proves nothing.
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const REPORT = '关于2025年上半年落实意识形态工作责任制情况的报告\n今年以来，局党组增强“四种意识”，认真落实意识形态工作责任制。\n一、主要做法\n二、存在问题\n三、下一步打算';
const DOC = 'DocxShared000001';

async function answer(x: Harness, ev: Record<string, unknown>): Promise<string> {
  const id = messageIdOf(ev);
  await x.feishu.waitFor(() => x.feishu.repliesTo(id).some((m: FakeMessage) => !x.feishu.isStreaming(m)), undefined, `the answer to ${id}`);
  // the thread's job has finished, not just its card: nothing more is on its way
  await appSettled(x);
  return x.feishu.repliesTo(id).map((m) => x.feishu.textOf(m)).join('\n---\n');
}

async function withDoc(access: Parameters<Harness['feishu']['docAccess']['set']>[1]): Promise<Harness> {
  const x = await startHarness({ llm: () => '一、结构：三部分齐全。' });
  x.feishu.docs.set(DOC, { title: '上半年报告', content: REPORT });
  x.feishu.docAccess.set(DOC, access);
  return x;
}

const link = `https://tenant.feishu.cn/docx/${DOC}`;
const contentRead = (x: Harness) => x.feishu.callsTo(/raw_content/).length;

describe('the requester\'s right to read a cloud doc', () => {
  it('a doc the app can read but nobody shared with the requester: how to share it, and nothing read', async () => {
    h = await withDoc({ linkShare: 'closed', members: [{ member_type: 'openid', member_id: OTHER_USER_OPEN_ID, perm: 'edit' }] });
    const ev = textEvent(`帮我看看 ${link}`);
    await h.post(ev);
    const text = await answer(h, ev);
    expect(text).toContain('没能确认你本人有这篇文档的阅读权限，所以没有读取它的内容');
    expect(text).toContain('「组织内获得链接的人可阅读」');
    expect(text).not.toContain('四种意识');
    expect(contentRead(h)).toBe(0);
    expect(h.llm.requests).toHaveLength(0);
    // It asked the three sources, with the app's identity, in Feishu's paths.
    expect(h.feishu.callsTo(/GET \/open-apis\/drive\/v2\/permissions\/DocxShared000001\/public$/)[0]!.query.type).toBe('docx');
    expect(h.feishu.callsTo(/POST \/open-apis\/drive\/v1\/metas\/batch_query$/)[0]!.query.user_id_type).toBe('open_id');
    expect(h.feishu.callsTo(/GET \/open-apis\/drive\/v1\/permissions\/DocxShared000001\/members$/)).toHaveLength(1);
  });

  it.each([
    ['the link is open to the tenant', { linkShare: 'tenant_readable' }],
    ['the link is open to anyone', { linkShare: 'anyone_readable' }],
    ['the requester owns it', { owner: USER_OPEN_ID }],
    ['the requester is a collaborator', { members: [{ member_type: 'openid', member_id: USER_OPEN_ID, perm: 'view' }] }],
    ['the chat they ask in is a collaborator', { members: [{ member_type: 'openchat', member_id: 'oc_p2p_chat_0001', perm: 'view' }] }],
  ])('read when %s', async (_why, access) => {
    h = await withDoc(access);
    const ev = textEvent(`帮我看看 ${link}`);
    await h.post(ev);
    expect(await answer(h, ev)).toContain('四个意识');
    expect(contentRead(h)).toBe(1);
  });

  it('a chat collaborator counts when the requester is in that chat (members read page by page), not otherwise', async () => {
    h = await withDoc({ members: [{ member_type: 'openchat', member_id: 'oc_office_group', perm: 'view' }] });
    h.feishu.chatMembers.set('oc_office_group', ['ou_a', 'ou_b', 'ou_c', USER_OPEN_ID]);
    const ev = textEvent(`帮我看看 ${link}`);
    await h.post(ev);
    expect(await answer(h, ev)).toContain('四个意识');
    expect(h.feishu.callsTo(/\/im\/v1\/chats\/oc_office_group\/members$/)).toHaveLength(2);

    const stranger = textEvent(`帮我看看 ${link}`, { senderOpenId: 'ou_not_in_office_group_000000001', chatId: 'oc_p2p_chat_stranger' });
    await h.post(stranger);
    expect(await answer(h, stranger)).toContain('没能确认你本人有这篇文档的阅读权限');
    expect(contentRead(h)).toBe(1);
  });

  it('a tenant-wide link does not cover a member of another tenant; a public link does', async () => {
    h = await withDoc({ linkShare: 'tenant_editable' });
    const external = groupAtBot(`帮我看看 ${link}`, h.feishu.botOpenId);
    (external.event as { sender: { tenant_key: string } }).sender.tenant_key = 'tenant_partner';
    await h.post(external);
    expect(await answer(h, external)).toContain('没能确认你本人有这篇文档的阅读权限');
    expect(contentRead(h)).toBe(0);

    h.feishu.docAccess.set(DOC, { linkShare: 'anyone_readable' });
    const again = groupAtBot(`帮我看看 ${link}`, h.feishu.botOpenId);
    (again.event as { sender: { tenant_key: string } }).sender.tenant_key = 'tenant_partner';
    await h.post(again);
    expect(await answer(h, again)).toContain('四个意识');
  });

  it('a wiki page shared only with its wiki space\'s members cannot be verified and is not read', async () => {
    h = await startHarness({ llm: () => '一、结构：三部分齐全。' });
    h.feishu.docs.set(DOC, { title: '上半年报告', content: REPORT });
    h.feishu.wikiNodes.set('WikiSpaceOnly001', { obj_type: 'docx', obj_token: DOC, title: '知识库里的报告' });
    h.feishu.docAccess.set('WikiSpaceOnly001', { members: [{ member_type: 'wikispaceid', member_id: '7000000000000000001', perm: 'view' }] });
    const ev = textEvent('https://tenant.feishu.cn/wiki/WikiSpaceOnly001');
    await h.post(ev);
    const text = await answer(h, ev);
    expect(text).toContain('知识库成员获得的权限，笔杆子暂时无法核实');
    expect(contentRead(h)).toBe(0);
  });

  it('without the scope to see sharing settings it names the scope; a rate-limited check is retried', async () => {
    h = await withDoc({ members: [{ member_type: 'openid', member_id: USER_OPEN_ID, perm: 'view' }] });
    h.feishu.fail(/GET \/open-apis\/drive\/v2\/permissions\//, 1, 400, 99991672);
    const ev = textEvent(`帮我看看 ${link}`);
    await h.post(ev);
    expect(await answer(h, ev)).toContain('docs:permission.setting:read');
    expect(contentRead(h)).toBe(0);

    h.feishu.fail(/GET \/open-apis\/drive\/v1\/permissions\/[^/]+\/members$/, 1, 429, 99991400);
    const retried = textEvent(`帮我看看 ${link}`);
    await h.post(retried);
    expect(await answer(h, retried)).toContain('四个意识');
    // One critique card (and its 误报/有用 feedback card): the retry did not answer twice.
    expect(h.feishu.repliesTo(messageIdOf(retried)).filter((m) => h!.feishu.textOf(m).includes('四个意识'))).toHaveLength(1);
    expect(h.feishu.repliesTo(messageIdOf(retried))).toHaveLength(2);
  });

  it('a quoted message is read only from the chat the requester asks in', async () => {
    h = await startHarness({ llm: () => '一、结构：三部分齐全。' });
    h.feishu.addUserMessage('om_other_chat_text', 'text', { text: REPORT }, 'oc_some_other_group');
    const ev = groupAtBot('帮我看看', h.feishu.botOpenId, { parentId: 'om_other_chat_text' });
    await h.post(ev);
    const text = await answer(h, ev);
    expect(text).toContain('被引用的消息不在本会话里，没有读取');
    expect(h.llm.requests).toHaveLength(0);
  });
});
