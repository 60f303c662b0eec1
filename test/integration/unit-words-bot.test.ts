// The unit's own word list end to end (issue 24 item 5): chat commands in a group, stored in real Redis,
// applied by the critic with the source “单位规定”, listed, exported as a file; another group does not see it.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { groupAtBot, messageEvent, messageIdOf } from '../support/events.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { parseUnitWordsFile } from '../../src/report/unit-words.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const GROUP_A = 'oc_group_words_a';
const GROUP_B = 'oc_group_words_b';

const PASTE = [
  '2025年上半年落实意识形态工作责任制情况报告',
  '今年以来，局党组认真落实意识形态工作责任制，各项工作取得了圆满成功的效果。现将有关情况报告如下：',
  '一、主要做法',
  '（一）压实责任。局党组召开专题会议4次，研究部署意识形态工作，街道办配合开展宣传。',
  '二、存在问题',
  '学习的系统性还不够强。',
  '三、下一步打算',
  '持续深化理论学习，确保各项工作落到实处。',
].join('\n');

/** Sends a group message and returns the text of its one finished reply. */
async function say(x: Harness, text: string, chatId: string): Promise<string> {
  const ev = groupAtBot(text, x.feishu.botOpenId, { chatId });
  await x.post(ev);
  const id = messageIdOf(ev);
  await x.feishu.waitFor(() => x.feishu.repliesTo(id).some((m) => m.msg_type !== 'file' && !x.feishu.isStreaming(m)), EVENT_CEILING_MS, text);
  await appSettled(x);
  // A critique's answer card may be followed by its 误报/有用 feedback card (issue 24 item 6).
  const replies = x.feishu.repliesTo(id).filter((m) => m.msg_type !== 'file' && !/^笔杆子 · 意见反馈$/.test(String((x.feishu.cardOf(m) as { header?: { title?: { content?: string } } } | undefined)?.header?.title?.content)));
  expect(replies).toHaveLength(1);
  return x.feishu.textOf(replies[0]!);
}

describe('the unit word list in chat', () => {
  it('add, critique with 单位规定, list, change, remove; another group does not see it', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    expect(await say(h, '把“圆满成功”加入慎用词', GROUP_A)).toContain('已记下：“圆满成功”列为慎用词');
    expect(await say(h, '“街道办”改为“街道办事处”', GROUP_A)).toContain('“街道办”改为“街道办事处”');

    const card = await say(h, `帮我看看这份报告：\n${PASTE}`, GROUP_A);
    expect(card).toContain('单位规定慎用“圆满成功”');
    expect(card).toContain('单位规定：“街道办”改为“街道办事处”');

    const listed = await say(h, '查看本单位词表', GROUP_A);
    expect(listed).toContain('本单位词表共2条');
    expect(listed).toContain('慎用词：“圆满成功”');
    expect(listed).toContain('“街道办”→“街道办事处”');

    // Another group: its own (empty) list, and its critique knows nothing of group A's words.
    expect(await say(h, '查看本单位词表', GROUP_B)).toContain('本单位词表还是空的');
    const other = await say(h, `帮我看看这份报告：\n${PASTE}`, GROUP_B);
    expect(other).toContain('审校结果');
    expect(other).not.toContain('单位规定');

    expect(await say(h, '把“圆满成功”从词表中删除', GROUP_A)).toContain('已从本单位词表中删除“圆满成功”');
    const after = await say(h, '查看本单位词表', GROUP_A);
    expect(after).toContain('本单位词表共1条');
    expect(after).not.toContain('圆满成功');
    // No model was asked for any of it (offline), and bad input gets a clear answer.
    expect(await say(h, `把“${'很长的句子'.repeat(7)}”加入慎用词`, GROUP_A)).toContain('没有改动词表：词语超过30个字');
  });

  it('导出本单位词表 sends the list as a file in the documented format', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    expect(await say(h, '导出本单位词表', GROUP_A)).toContain('没有可导出的内容');
    await say(h, '把“圆满成功”加入禁用词', GROUP_A);
    const ev = groupAtBot('导出本单位词表', h.feishu.botOpenId, { chatId: GROUP_A });
    await h.post(ev);
    const id = messageIdOf(ev);
    await h.feishu.waitFor(() => h!.feishu.repliesTo(id).some((m) => m.msg_type === 'file') && h!.feishu.repliesTo(id).some((m) => m.msg_type !== 'file'), EVENT_CEILING_MS, 'the exported list');
    await appSettled(h);
    const replies = h.feishu.repliesTo(id);
    const file = replies.find((m) => m.msg_type === 'file')!;
    expect(file.file!.name).toBe('本单位词表.json');
    const parsed = parseUnitWordsFile(file.file!.data.toString('utf8'));
    expect(parsed).toEqual({ ok: true, list: { scope: { group: GROUP_A }, entries: [{ word: '圆满成功', kind: 'forbid' }] } });
    expect(h.feishu.textOf(replies.find((m) => m.msg_type !== 'file')!)).toContain('共1条');
  });

  it('a file named 词表 sent in a private chat, or quoted with 导入词表 in a group, is merged into that chat’s list', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    const x = h;
    const file = (name: string, data: string, chatId: string) => {
      const ev = messageEvent('file', { file_key: 'placeholder', file_name: name }, { chatId });
      const msg = (ev.event as { message: { message_id: string; content: string } }).message;
      const key = x.feishu.addUserFile(msg.message_id, name, Buffer.from(data, 'utf8'), chatId);
      msg.content = JSON.stringify({ file_key: key, file_name: name });
      return ev;
    };
    const P2P = 'oc_p2p_words_import';
    const ev = file('本单位词表.txt', '# 我局规定\n慎用：圆满成功\n“街道办”改为“街道办事处”\n', P2P);
    await x.post(ev);
    await x.feishu.waitFor(() => x.feishu.repliesTo(messageIdOf(ev)).length > 0, EVENT_CEILING_MS, 'the import');
    await appSettled(x);
    expect(x.feishu.textOf(x.feishu.repliesTo(messageIdOf(ev))[0]!)).toContain('已导入词表：新增2条，更新0条，现共2条');
    const p2pList = await (async () => {
      const q = messageEvent('text', { text: '查看本单位词表' }, { chatId: P2P });
      await x.post(q);
      await x.feishu.waitFor(() => x.feishu.repliesTo(messageIdOf(q)).length > 0, EVENT_CEILING_MS, 'the list');
      await appSettled(x);
      return x.feishu.textOf(x.feishu.repliesTo(messageIdOf(q))[0]!);
    })();
    expect(p2pList).toContain('本单位词表共2条');

    // In a group: reply to the file with 导入词表; a bad line is named and nothing changes.
    // (A group's file message reaches the bot only when quoted: the fake Open API holds it.)
    x.feishu.addUserFile('om_words_bad_file', '词表.txt', Buffer.from('慎用：圆满成功\n这一行不是词表\n', 'utf8'), GROUP_A);
    const reply = groupAtBot('导入词表', x.feishu.botOpenId, { chatId: GROUP_A, parentId: 'om_words_bad_file' });
    await x.post(reply);
    await x.feishu.waitFor(() => x.feishu.repliesTo(messageIdOf(reply)).length > 0, EVENT_CEILING_MS, 'the refusal');
    await appSettled(x);
    expect(x.feishu.textOf(x.feishu.repliesTo(messageIdOf(reply))[0]!)).toContain('没有导入：词表第2行无法识别');
    expect(await say(x, '查看本单位词表', GROUP_A)).toContain('本单位词表还是空的');
    expect(await say(x, '导入词表', GROUP_A)).toContain('请把词表文件');
  });
});
