/**
 * Issue 22's Done-when, end to end through the bot: a .docx saved by LibreOffice with seven leader
 * comments (one per kind) is posted over the fake Open API; the card lists them; 全部处理 runs the
 * messy model fake; the returned .docx has seven replies, tracked changes only inside the commented
 * ranges (the change guard run on it), and LibreOffice reads the changes back. Offline too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { guardDocx, regionsOf } from '../../src/documents/review/guard.js';
import { readReview } from '../../src/documents/review/read.js';
import { startHarness, type Harness } from '../support/harness.js';
import { settledReplies, replyTexts } from '../support/queues.js';
import { messageIdOf, textEvent } from '../support/events.js';
import type { FakeRequestBody } from '../support/fake-openai.js';
import { readFodt } from '../support/odf.js';
import { fileMessage, fixture } from '../support/review-docx.js';
import { convert, skipWithoutSoffice } from '../support/soffice.js';
import { isReviewPrompt, messyReviewAnswer } from '../support/review-model.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Replies under a message once `count` are there and none is streaming, and the app is idle. */
const replies = settledReplies;

/**
 * The messy model: reasoning, a preamble, bold labels and full-width colons, a block out of order,
 * a closing note — as Chinese chat models answer the review prompt.
 */
function messyReviewModel(body: FakeRequestBody): string {
  if (!isReviewPrompt(body)) return '一、结构：三部分齐全。\n二、改写示范：……';
  return messyReviewAnswer([
    '【6】已修改',
    '范围：整段',
    '改为：一是理论学习不够深入，学用结合不紧。二是阵地管理有薄弱环节，新媒体账号审核把关不严。',
    '说明：压缩为两句',
    '',
    '【7】已修改',
    '改为：',
    '说明：删去该句',
  ]);
}

const texts = replyTexts;

describe('the review loop on a Word file', () => {
  it('lists seven comments, and 全部处理 returns the .docx with seven replies and revisions only inside the comments (LibreOffice reads them)', async () => {
    h = await startHarness({ llm: messyReviewModel });
    const input = fixture('leader-review.docx');
    const ev = fileMessage(h, '上半年报告.docx', input);
    await h.post(ev);
    const [card] = await replies(h, messageIdOf(ev));
    const list = h.feishu.textOf(card!);
    expect(list).toContain('共 7 条批注：改写 1、补数据 1、删去 1、结构 1、提法 1、格式 1、提问 1');
    expect(list).toContain('1.【提法】“增强‘四种意识’”——李主任：提法不准，按规范表述改');
    expect(list).toContain('回复“全部处理”');
    expect(h.llm.requests).toHaveLength(0);
    console.log(`CARD TRANSCRIPT (list):\n${list}`);

    // The writer answers in the card's thread.
    const answer = textEvent('全部处理', { rootId: messageIdOf(ev) });
    await h.post(answer);
    const out = await replies(h, messageIdOf(answer), 2);
    const file = out.find((m) => m.msg_type === 'file')!;
    expect(file.file!.name).toBe('上半年报告（笔杆子修订）.docx');
    const done = texts(h, out.filter((m) => m.msg_type !== 'file'));
    console.log(`CARD TRANSCRIPT (result):\n${done}`);
    expect(done).toContain('好的，逐条处理全部 7 条批注。');
    expect(done).toContain('1.【提法】“增强‘四种意识’”改为“增强‘四个意识’”。回复：已修改：按规范提法改为“四个意识”');
    expect(done).toContain('3.【提问】原文未改动。回复：需要你补充：【“三单”具体指哪三张清单】');
    expect(done).toContain('7.【删去】删去“另外，机关食堂伙食改善工作也取得了明显成效。”。回复：已修改：删去该句');
    // The model saw the comments as material, and none of its preamble or note reached the card.
    expect(h.llm.requests[0]!.messages.at(-1)!.content).toContain('提法不准，按规范表述改');
    expect(done).not.toMatch(/以下是|仅供参考|think/);

    const docx = file.file!.data;
    const review = await readReview(docx);
    const replies7 = review.comments.filter((c) => c.author === '李主任').map((c) => c.replies.filter((r) => r.author === '笔杆子').length);
    expect(replies7).toEqual([1, 1, 1, 1, 1, 1, 1]);
    // The guard, run again on the output: nothing changed outside the commented ranges (6 widened to its paragraph).
    const before = await readReview(input);
    const guard = await guardDocx(input, docx, (r) => r.comments.flatMap((c) => regionsOf(r, c, c.id === '5' ? 'paragraph' : 'range')));
    expect(guard.ok).toBe(true);
    expect(before.comments).toHaveLength(7);

    if (skipWithoutSoffice('the bot’s revised .docx opened in LibreOffice')) return;
    const odf = readFodt(await convert(docx, 'docx', 'fodt'));
    const ours = odf.changes.filter((c) => c.author === '笔杆子');
    expect(ours.some((c) => c.kind === 'insertion' && c.text === '增强“四个意识”')).toBe(true);
    expect(ours.some((c) => c.kind === 'insertion' && c.text === '（二）')).toBe(true);
    expect(ours.some((c) => c.kind === 'deletion' && c.text === '另外，机关食堂伙食改善工作也取得了明显成效。')).toBe(true);
    expect(odf.changes.filter((c) => c.author === '李主任').map((c) => [c.kind, c.text])).toEqual([['insertion', '认真'], ['deletion', '切实']]);
    expect(odf.annotations.filter((a) => a.author === '笔杆子')).toHaveLength(7);
  });

  it('offline: the critic’s exact fixes become revisions and every other comment is answered 需要配置大模型后处理', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    const ev = fileMessage(h, '上半年报告.docx', fixture('leader-review.docx'));
    await h.post(ev);
    await replies(h, messageIdOf(ev));
    const answer = textEvent('处理 1、5、7', { rootId: messageIdOf(ev) });
    await h.post(answer);
    const out = await replies(h, messageIdOf(answer), 2);
    const file = out.find((m) => m.msg_type === 'file')!;
    const done = texts(h, out.filter((m) => m.msg_type !== 'file'));
    expect(done).toContain('好的，处理第 1、5、7 条，其余逐条回复“未修改”。');
    expect(done).toContain('离线模式');
    const review = await readReview(file.file!.data);
    const answers = review.comments.filter((c) => c.author === '李主任').map((c) => c.replies.find((r) => r.author === '笔杆子')!.text);
    expect(answers).toHaveLength(7);
    expect(answers[4]).toMatch(/^已修改：.*再接再厉/);
    expect(answers[0]).toMatch(/^需要配置大模型后处理/);
    expect(answers[1]).toBe('未修改：原文保留（这次没有选择处理这一条）');
    expect(h.llm.requests).toHaveLength(0);
  });
});

// The same seven comments on a cloud doc: its blocks (as GET /docx/v1/documents/:id/blocks gives them) hold the paragraphs.
const PARAGRAPHS = [
  '（一）压实工作责任。局党组把意识形态工作摆上重要议程，增强“四种意识”，坚决做到“两个维护”。班子成员认真履行“一岗双责”，带头讲党课。',
  '（三）加强阵地管理。对局属网站、公众号实行三审三校，落实“三单”管理，上半年未发生意识形态领域问题。',
  '（四）强化理论武装。多次组织中心组专题学习，学习形式多样。大家的劲头都挺足的,学习氛围搞得很好，要再接再励。',
  '一是理论学习还不够深入，有的同志满足于读原文、记笔记，联系实际思考不多，学用结合不够紧密，学习成果转化为推动工作的实际举措还不够多。二是阵地管理还有薄弱环节，个别基层单位对新媒体账号底数掌握不清，审核把关不够严格。',
  '三是队伍建设需要加强。另外，机关食堂伙食改善工作也取得了明显成效。',
];
const COMMENTS: Array<[id: string, block: number, quote: string, words: string]> = [
  ['7101', 0, '增强“四种意识”', '提法不准，按规范表述改'],
  ['7102', 1, '（三）', '序号格式不对，前面没有（二）'],
  ['7103', 1, '落实“三单”管理', '“三单”指什么？看不懂'],
  ['7104', 2, '多次组织中心组专题学习', '这里要有具体数据'],
  ['7105', 2, '大家的劲头都挺足的,学习氛围搞得很好，要再接再励。', '太口语化，请润色'],
  ['7106', 3, PARAGRAPHS[3]!, '这一段太长，压缩到三行以内'],
  ['7107', 4, '另外，机关食堂伙食改善工作也取得了明显成效。', '删去'],
];
const DOC = 'DocxReviewLoop0001';

function cloudDoc(x: Harness): void {
  x.feishu.docs.set(DOC, { title: '上半年报告', content: PARAGRAPHS.join('\n') });
  x.feishu.docAccess.set(DOC, { linkShare: 'tenant_readable' });
  x.feishu.docBlocks.set(DOC, [
    { block_id: DOC, block_type: 1, page: { elements: [{ text_run: { content: '上半年报告' } }] } },
    ...PARAGRAPHS.map((t, i) => ({ block_id: `doxcn${i}`, block_type: 2, comment_ids: COMMENTS.filter((c) => c[1] === i).map((c) => c[0]), text: { elements: [{ text_run: { content: t } }] } })),
  ]);
  const text = (t: string) => ({ elements: [{ type: 'text_run', text_run: { text: t } }] });
  const comment = (id: string, quote: string, words: string, solved = false) => ({
    comment_id: id, user_id: 'ou_leader_li', create_time: 1_782_900_000, is_solved: solved, is_whole: false, has_more: false, quote,
    reply_list: { replies: [{ reply_id: `${id}1`, user_id: 'ou_leader_li', create_time: 1_782_900_000, content: text(words) }] },
  });
  x.feishu.driveComments.set(DOC, [...COMMENTS.map(([id, , q, w]) => comment(id, q, w)), comment('7199', '上半年报告', '已改好', true)]);
}

describe('the review loop on a cloud doc', () => {
  it('lists every unresolved comment, answers each once in its own thread, imports a revised copy beside it, and resolves none', async () => {
    h = await startHarness({ llm: messyReviewModel });
    cloudDoc(h);
    const ev = textEvent(`处理批注 https://tenant.feishu.cn/docx/${DOC}`);
    await h.post(ev);
    const [card] = await replies(h, messageIdOf(ev));
    const list = h.feishu.textOf(card!);
    expect(list).toContain('云文档《上半年报告》');
    expect(list).toContain('共 7 条批注：改写 1、补数据 1、删去 1、结构 1、提法 1、格式 1、提问 1');
    expect(list).not.toContain('已改好');

    const answer = textEvent('全部处理', { rootId: messageIdOf(ev) });
    await h.post(answer);
    const done = texts(h, await replies(h, messageIdOf(answer)));
    console.log(`CARD TRANSCRIPT (cloud result):\n${done}`);
    expect(done).toContain('没有把任何评论标为“已解决”');
    expect(done).toContain('1.【提法】“增强‘四种意识’”改为“增强‘四个意识’”');
    // Seven replies, one in each comment's own thread; the resolved one untouched; nothing resolved.
    expect(h.feishu.commentReplies.map((r) => r.commentId).sort()).toEqual(COMMENTS.map((c) => c[0]));
    expect(h.feishu.commentReplies.find((r) => r.commentId === '7103')!.text).toBe('需要你补充：【“三单”具体指哪三张清单】');
    expect(h.feishu.commentReplies.find((r) => r.commentId === '7101')!.text).toMatch(/^已修改：按规范提法改为“四个意识”（修订稿：https?:\/\/\S+）$/);
    expect(h.feishu.calls.some((c) => c.method === 'PATCH' && c.path.includes('/comments/'))).toBe(false);
    expect(h.feishu.driveComments.get(DOC)!.every((c) => c.is_solved === (c.comment_id === '7199'))).toBe(true);
    // The revised copy was imported as a new doc; the original was not edited.
    expect(h.feishu.importTasks.size).toBe(1);
    expect(h.feishu.calls.some((c) => c.method !== 'GET' && c.path.includes(`/documents/${DOC}`))).toBe(false);
  });

  it('offline: one reply per comment, the critic’s fix named, the rest wait for a model', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    cloudDoc(h);
    const ev = textEvent(`按批注修改 https://tenant.feishu.cn/docx/${DOC}`);
    await h.post(ev);
    await replies(h, messageIdOf(ev));
    const answer = textEvent('全部处理', { rootId: messageIdOf(ev) });
    await h.post(answer);
    await replies(h, messageIdOf(answer));
    expect(h.feishu.commentReplies).toHaveLength(7);
    expect(h.feishu.commentReplies.find((r) => r.commentId === '7105')!.text).toMatch(/^已修改：.*再接再厉/);
    expect(h.feishu.commentReplies.filter((r) => r.text.startsWith('需要配置大模型后处理'))).toHaveLength(6);
  });

  it('a doc whose comments the app may not read: the permission to add, in words', async () => {
    h = await startHarness({ llm: messyReviewModel });
    cloudDoc(h);
    h.feishu.commentDenied.add(DOC);
    const ev = textEvent(`处理批注 https://tenant.feishu.cn/docx/${DOC}`);
    await h.post(ev);
    const out = texts(h, await replies(h, messageIdOf(ev)));
    expect(out).toContain('docs:document.comment:read');
    expect(out).toContain('分享给笔杆子');
    expect(h.llm.requests).toHaveLength(0);
  });
});
