/**
 * Issue 22 item 5, the second way: a 飞书云文档's commented blocks edited in place when the writer asks
 * (直接改原文档), through a Feishu thread: the real Lark SDK against the fake Open API's docx blocks
 * (batch_update in Feishu's shapes, with its refusals) and the messy model fake. Only the commented
 * runs change; mentions, linked docs, equations and styles stay; every comment is answered, none
 * resolved; 这版改了什么 lists the changes and 改回上一版 puts back the exact original elements.
 * Plus: no edit permission, a block edited meanwhile, rate limits and a 5xx, a requester who may only read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { settledReplies, replyTexts } from '../support/queues.js';
import { cardActionEvent, groupAtBot, messageIdOf, OTHER_USER_OPEN_ID, textEvent, USER_OPEN_ID } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import type { FakeRequestBody } from '../support/fake-openai.js';
import { isReviewPrompt, messyReviewAnswer } from '../support/review-model.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const DOC = 'DocxInPlace000001';
const LINK = `https://tenant.feishu.cn/docx/${DOC}`;

/** The blocks as GET /docx/v1/documents/:id/blocks returns them: styled runs, a mention, a linked doc, an equation. */
function blocks(): Array<Record<string, unknown>> {
  const run = (content: string, style: Record<string, unknown> = {}) => ({ text_run: { content, text_element_style: { bold: false, italic: false, strikethrough: false, underline: false, inline_code: false, ...style } } });
  return [
    { block_id: DOC, block_type: 1, children: ['doxcnA0', 'doxcnA1', 'doxcnA2', 'doxcnA3', 'doxcnA4'], page: { elements: [run('上半年报告')], style: { align: 1 } } },
    { block_id: 'doxcnA0', parent_id: DOC, block_type: 2, comment_ids: ['7101'], text: { style: { align: 1, folded: false }, elements: [
      run('（一）压实工作责任。', { bold: true }),
      run('局党组把意识形态工作摆上重要议程，增强“四种意识”，坚决做到“两个维护”。', { comment_ids: ['7101'] }),
      { mention_user: { user_id: 'ou_leader_li', text_element_style: { bold: false, italic: false, strikethrough: false, underline: false, inline_code: false } } },
      run('同志带头讲党课。'),
    ] } },
    { block_id: 'doxcnA1', parent_id: DOC, block_type: 2, comment_ids: ['7102', '7103'], text: { style: { align: 1, folded: false }, elements: [
      run('（三）', { comment_ids: ['7102'] }),
      run('加强阵地管理。对局属网站实行三审三校，落实“三单”管理，详见', { comment_ids: ['7103'] }),
      { mention_doc: { token: 'DocxRules0000001', obj_type: 22, url: 'https://tenant.feishu.cn/docx/DocxRules0000001', title: '《阵地管理办法》', text_element_style: { bold: false, italic: false, strikethrough: false, underline: false, inline_code: false } } },
      run('。'),
    ] } },
    { block_id: 'doxcnA2', parent_id: DOC, block_type: 2, comment_ids: ['7104', '7105'], text: { style: { align: 1, folded: false }, elements: [
      run('（四）强化理论武装。多次组织中心组专题学习，学习形式多样。', { comment_ids: ['7104'] }),
      run('大家的劲头都挺足的,学习氛围搞得很好，要再接再励。', { italic: true, comment_ids: ['7105'], link: { url: 'https%3A%2F%2Ftenant.feishu.cn%2Fwiki%2Fstudy' } }),
      { equation: { content: 'x^2\n', text_element_style: { bold: false, italic: false, strikethrough: false, underline: false, inline_code: false } } },
    ] } },
    { block_id: 'doxcnA3', parent_id: DOC, block_type: 4, heading2: { style: { align: 1 }, elements: [run('二、存在的问题', { bold: true })] } },
    { block_id: 'doxcnA4', parent_id: DOC, block_type: 2, comment_ids: ['7107'], text: { style: { align: 1, folded: false }, elements: [run('三是队伍建设需要加强。另外，机关食堂伙食改善工作也取得了明显成效。', { comment_ids: ['7107'] })] } },
  ];
}

const COMMENTS: Array<[id: string, quote: string, words: string]> = [
  ['7101', '增强“四种意识”', '提法不准，按规范表述改'],
  ['7102', '（三）', '序号格式不对，前面没有（二）'],
  ['7103', '落实“三单”管理', '“三单”指什么？看不懂'],
  ['7104', '多次组织中心组专题学习', '这里要有具体数据'],
  ['7105', '大家的劲头都挺足的,学习氛围搞得很好，要再接再励。', '太口语化，请润色'],
  ['7107', '另外，机关食堂伙食改善工作也取得了明显成效。', '删去'],
];

function cloudDoc(x: Harness, access: { owner?: string; linkShare?: string } = { owner: USER_OPEN_ID, linkShare: 'tenant_readable' }): void {
  const text = blocks().filter((b) => b.block_type !== 1).map((b) => ((b.text ?? b.heading2) as { elements: Array<{ text_run?: { content: string }; mention_doc?: { title: string } }> }).elements.map((e) => e.text_run?.content ?? e.mention_doc?.title ?? '').join('')).join('\n');
  x.feishu.docs.set(DOC, { title: '上半年报告', content: text });
  x.feishu.docAccess.set(DOC, access);
  x.feishu.docBlocks.set(DOC, blocks());
  const words = (t: string) => ({ elements: [{ type: 'text_run', text_run: { text: t } }] });
  x.feishu.driveComments.set(DOC, [
    ...COMMENTS.map(([id, quote, w]) => ({
      comment_id: id, user_id: 'ou_leader_li', create_time: 1_782_900_000, is_solved: false, is_whole: false, has_more: false, quote,
      reply_list: { replies: [{ reply_id: `${id}1`, user_id: 'ou_leader_li', create_time: 1_782_900_000, content: words(w) }] },
    })),
    { comment_id: '7199', user_id: 'ou_leader_li', create_time: 1_782_900_000, is_solved: true, is_whole: false, has_more: false, quote: '上半年报告', reply_list: { replies: [{ reply_id: '71991', user_id: 'ou_leader_li', create_time: 1_782_900_000, content: words('已改好') }] } },
  ]);
}

/** The messy model: reasoning, a preamble, bold labels, blocks out of order, a closing note. */
function messyModel(body: FakeRequestBody): string {
  if (!isReviewPrompt(body)) return '一、结构：三部分齐全。';
  return messyReviewAnswer([
    '【6】已修改',
    '改为：',
    '说明：删去该句',
  ]);
}

const reviewRequests = (x: Harness) => x.llm.requests.filter(isReviewPrompt);
const texts = replyTexts;
const stored = (x: Harness) => x.feishu.docBlocks.get(DOC) as Array<Record<string, unknown> & { block_id: string }>;
const elementsOf = (b: Record<string, unknown>) => ((b.text ?? b.heading2 ?? b.page) as { elements: Array<Record<string, { content?: string; title?: string; text_element_style?: Record<string, unknown> }>> }).elements;
const textOf = (b: Record<string, unknown>) => elementsOf(b).map((e) => e.text_run?.content ?? e.mention_doc?.title ?? '').join('');
const block = (x: Harness, id: string) => stored(x).find((b) => b.block_id === id)!;

/** The list card for the doc, in a private chat; returns the link message's id. */
async function list(x: Harness): Promise<{ id: string; card: FakeMessage }> {
  const ev = textEvent(`处理批注 ${LINK}`);
  await x.post(ev);
  const [card] = await settledReplies(x, messageIdOf(ev));
  return { id: messageIdOf(ev), card: card! };
}

async function say(x: Harness, text: string, rootId: string, count = 1): Promise<string> {
  const ev = textEvent(text, { rootId });
  await x.post(ev);
  return texts(x, await settledReplies(x, messageIdOf(ev), count));
}

describe('直接改原文档: a cloud doc edited in place', () => {
  it('edits only the commented runs, keeps mentions, links, equations and styles, answers every comment (none resolved); 这版改了什么 and 改回上一版 restore the exact elements', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h);
    const original = blocks();
    const { id, card } = await list(h);
    const listed = h.feishu.textOf(card);
    expect(listed).toContain('共 6 条批注');
    expect(listed).toContain('直接改原文档');
    expect(JSON.stringify(h.feishu.cardOf(card))).toContain('"op":"in-place"');

    const done = await say(h, '全部处理，直接改原文档', id);
    console.log(`CARD TRANSCRIPT (in place):\n${done}`);
    expect(done).toContain('直接改在原文档上');
    expect(done).toContain('已直接修改云文档《上半年报告》中的 4 个段落');
    expect(done).toContain('不能逐条接受或拒绝');
    expect(done).toContain('改回上一版');
    expect(done).toContain('1.【提法】“增强‘四种意识’”改为“增强‘四个意识’”');

    // One batch_update (one client_token), the four commented blocks only; the heading and the title untouched.
    const edits = h.feishu.calls.filter((c) => c.method === 'PATCH' && c.path.endsWith('/blocks/batch_update'));
    expect(edits).toHaveLength(1);
    expect(edits[0]!.query.document_revision_id).toBe('-1');
    expect(edits[0]!.query.client_token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(h.feishu.blockEdits.map((e) => e.blockId).sort()).toEqual(['doxcnA0', 'doxcnA1', 'doxcnA2', 'doxcnA4']);
    expect(block(h, 'doxcnA3')).toEqual(original[4]);
    expect(block(h, DOC)).toEqual(original[0]);

    expect(textOf(block(h, 'doxcnA0'))).toBe('（一）压实工作责任。局党组把意识形态工作摆上重要议程，增强“四个意识”，坚决做到“两个维护”。同志带头讲党课。');
    expect(textOf(block(h, 'doxcnA1'))).toBe('（二）加强阵地管理。对局属网站实行三审三校，落实“三单”管理，详见《阵地管理办法》。');
    expect(textOf(block(h, 'doxcnA2'))).toBe('（四）强化理论武装。组织中心组专题学习【待补充：次数】次，学习形式多样。干部职工学习热情高涨，形成了比学赶超的良好氛围。');
    expect(textOf(block(h, 'doxcnA4'))).toBe('三是队伍建设需要加强。');
    // Elements the revision does not touch are kept exactly: the bold run, the mention, the linked doc, the equation.
    const a0 = elementsOf(block(h, 'doxcnA0'));
    expect(a0[0]).toEqual(elementsOf(original[1]!)[0]);
    expect(a0.find((e) => e.mention_user)).toEqual(elementsOf(original[1]!)[2]);
    expect(a0.at(-1)).toEqual(elementsOf(original[1]!)[3]);
    expect(elementsOf(block(h, 'doxcnA1')).find((e) => e.mention_doc)).toEqual(elementsOf(original[2]!)[2]);
    const a2 = elementsOf(block(h, 'doxcnA2'));
    expect(a2.at(-1)).toEqual(elementsOf(original[3]!)[2]);
    // The new text takes the style of the run it replaces (italic, its link and comment id).
    const styled = a2.find((e) => e.text_run?.content?.startsWith('干部职工'))!;
    expect(styled.text_run!.text_element_style).toMatchObject({ italic: true, comment_ids: ['7105'], link: { url: 'https%3A%2F%2Ftenant.feishu.cn%2Fwiki%2Fstudy' } });

    // Every listed comment answered once in its own thread; nothing resolved; no copy imported.
    expect(h.feishu.commentReplies.map((r) => r.commentId).sort()).toEqual(COMMENTS.map((c) => c[0]));
    expect(h.feishu.commentReplies.find((r) => r.commentId === '7101')!.text).toBe('已修改：按规范提法改为“四个意识”（已直接改在原文档中：“增强‘四种意识’”改为“增强‘四个意识’”）');
    expect(h.feishu.commentReplies.find((r) => r.commentId === '7103')!.text).toBe('需要你补充：【“三单”具体指哪三张清单】');
    expect(h.feishu.driveComments.get(DOC)!.every((c) => c.is_solved === (c.comment_id === '7199'))).toBe(true);
    expect(h.feishu.calls.some((c) => c.method === 'PATCH' && c.path.includes('/comments/'))).toBe(false);
    expect(h.feishu.importTasks.size).toBe(0);

    const changes = await say(h, '这版改了什么', id);
    expect(changes).toContain('按批注列出');
    expect(changes).toContain('1.【提法】“增强‘四种意识’”改为“增强‘四个意识’”');
    expect(changes).toContain('删去“另外，机关食堂伙食改善工作也取得了明显成效。”');

    const back = await say(h, '改回上一版', id);
    expect(back).toContain('已在云文档《上半年报告》中改回上一版：4 个段落恢复为我修改之前的内容');
    // The exact original elements, every block.
    expect(stored(h)).toEqual(original);
    expect(h.feishu.calls.filter((c) => c.method === 'PATCH' && c.path.endsWith('/blocks/batch_update'))).toHaveLength(2);
    // Once more: already done, nothing written.
    expect(await say(h, '改回上一版', id)).toContain('已经改回过了');
    expect(h.feishu.calls.filter((c) => c.method === 'PATCH' && c.path.endsWith('/blocks/batch_update'))).toHaveLength(2);
  });

  it('全部处理 then 直接改原文档: each comment answered once (by the copy’s run), the card says so; 改回上一版 keeps those replies', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h);
    const { id } = await list(h);
    expect(await say(h, '全部处理', id)).toContain('修订稿已导入为新的云文档（原文档未改动）');
    expect(h.feishu.commentReplies).toHaveLength(6);
    const copyReplies = COMMENTS.map(([cid]) => h!.feishu.botRepliesOn(DOC, cid));

    const done = await say(h, '直接改原文档', id);
    expect(done).toContain('已直接修改云文档《上半年报告》中的 4 个段落');
    expect(done).toContain('并在 0 条评论下逐条回复');
    expect(done).toContain('另有 6 条评论此前已按这份清单回复过，这次没有重复回复。');
    expect(done).toContain('回复：此前已在评论下回复过，这次没有重复回复');
    expect(h.feishu.blockEdits.map((e) => e.blockId).sort()).toEqual(['doxcnA0', 'doxcnA1', 'doxcnA2', 'doxcnA4']);
    // One reply per comment, the same one as before.
    expect(h.feishu.commentReplies).toHaveLength(6);
    expect(COMMENTS.map(([cid]) => h!.feishu.botRepliesOn(DOC, cid))).toEqual(copyReplies);
    for (const r of copyReplies) expect(r).toHaveLength(1);

    // The copy still exists, so its replies stand: nothing deleted.
    expect(await say(h, '改回上一版', id)).toContain('4 个段落恢复为我修改之前的内容');
    expect(stored(h)).toEqual(blocks());
    expect(h.feishu.deletedReplies).toHaveLength(0);
    expect(COMMENTS.map(([cid]) => h!.feishu.botRepliesOn(DOC, cid))).toEqual(copyReplies);
  });

  it('处理 1 2 in place, then 全部处理: the copy’s run answers only the four not picked before; the picked two keep their one reply', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h);
    const { id } = await list(h);
    await say(h, '处理 1 2，直接改原文档', id);
    // Every listed comment answered; the four not picked are told so, and may be picked later.
    expect(h.feishu.commentReplies).toHaveLength(6);
    expect(h.feishu.commentReplies.filter((r) => r.text.includes('这次没有选择处理这一条')).map((r) => r.commentId).sort()).toEqual(['7103', '7104', '7105', '7107']);
    const copy = await say(h, '全部处理', id);
    expect(copy).toContain('已在云文档《上半年报告》的 4 条评论下逐条回复');
    expect(copy).toContain('另有 2 条评论此前已按这份清单回复过');
    // The picked two keep their one reply; the other four get their answer now.
    expect(h.feishu.commentReplies).toHaveLength(10);
    expect(h.feishu.botRepliesOn(DOC, '7101')).toHaveLength(1);
    expect(h.feishu.botRepliesOn(DOC, '7102')).toHaveLength(1);
    expect(h.feishu.botRepliesOn(DOC, '7101')[0]).toContain('已直接改在原文档中');
    expect(h.feishu.botRepliesOn(DOC, '7107')).toHaveLength(2);
    expect(h.feishu.botRepliesOn(DOC, '7107')[1]).toMatch(/^已修改/);
  });

  it('改回上一版 after an in-place edit deletes the edit’s own replies (they describe undone changes); the leader’s comments stay', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h);
    const { id } = await list(h);
    await say(h, '直接改原文档', id);
    expect(h.feishu.commentReplies).toHaveLength(6);
    const back = await say(h, '改回上一版', id);
    expect(back).toContain('4 个段落恢复为我修改之前的内容');
    expect(back).toContain('我这次在评论下的 6 条回复说的是已撤销的修改，已一并删除。');
    expect(stored(h)).toEqual(blocks());
    expect(h.feishu.deletedReplies.map((d) => d.commentId).sort()).toEqual(COMMENTS.map((c) => c[0]));
    for (const [cid, , words] of COMMENTS) {
      expect(h.feishu.botRepliesOn(DOC, cid)).toEqual([]);
      const thread = h.feishu.driveComments.get(DOC)!.find((c) => c.comment_id === cid)!.reply_list.replies as Array<{ user_id: string; content: { elements: Array<{ text_run: { text: string } }> } }>;
      expect(thread.map((r) => [r.user_id, r.content.elements[0]!.text_run.text])).toEqual([['ou_leader_li', words]]);
    }
    // Nothing left to delete the second time.
    expect(await say(h, '改回上一版', id)).toContain('已经改回过了');
    expect(h.feishu.deletedReplies).toHaveLength(6);
  });

  it('改回上一版 after the leader resolved one comment: that reply stays (the comment is no longer listed), the answer says so', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h);
    const { id } = await list(h);
    await say(h, '直接改原文档', id);
    h.feishu.driveComments.get(DOC)!.find((c) => c.comment_id === '7101')!.is_solved = true;
    const back = await say(h, '改回上一版', id);
    expect(back).toContain('我这次在评论下的 5 条回复说的是已撤销的修改，已一并删除。');
    expect(back).toContain('另有 1 条回复没能删除');
    expect(h.feishu.deletedReplies.map((d) => d.commentId)).not.toContain('7101');
    expect(h.feishu.botRepliesOn(DOC, '7101')).toHaveLength(1);
  });

  it('no edit permission (403 / 1770032): one answer naming what to grant and offering the copy; nothing written, no comment answered; 全部处理 then makes the copy', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h);
    h.feishu.editDenied.add(DOC);
    const { id } = await list(h);
    const out = await say(h, '直接改原文档', id);
    expect(out).toContain('没有云文档《上半年报告》的编辑权限');
    expect(out).toContain('可编辑');
    expect(out).toContain('docx:document');
    expect(out).toContain('回复“全部处理”');
    expect(h.feishu.blockEdits).toHaveLength(0);
    expect(stored(h)).toEqual(blocks());
    expect(h.feishu.commentReplies).toHaveLength(0);
    // No version of a refused edit: nothing to list or undo.
    expect(await say(h, '这版改了什么', id)).toContain('还没有按批注修改过的版本');

    const copy = await say(h, '全部处理', id);
    expect(copy).toContain('修订稿已导入为新的云文档（原文档未改动）');
    expect(h.feishu.importTasks.size).toBe(1);
    expect(h.feishu.commentReplies).toHaveLength(6);
  });

  it('a block edited while the model was thinking: nothing overwritten, the changed paragraph named, the copy offered', async () => {
    h = await startHarness({
      llm: (body) => {
        // A colleague edits the first paragraph between the bot's read and its edit.
        const b = h!.feishu.docBlocks.get(DOC) as Array<Record<string, unknown> & { block_id: string }>;
        const a0 = b.find((x) => x.block_id === 'doxcnA0')!;
        a0.text = { ...(a0.text as object), elements: [{ text_run: { content: '（一）压实工作责任。局党组增强“四个意识”，带头讲党课。' } }] };
        return messyModel(body);
      },
    });
    cloudDoc(h);
    const { id } = await list(h);
    const out = await say(h, '在原文档上改', id);
    expect(out).toContain('在我读取之后又被改动过');
    expect(out).toContain('第 1 段：现在是“（一）压实工作责任。局党组增强“四个意识”，带头讲党课。”');
    expect(out).toContain('回复“全部处理”生成修订稿');
    expect(h.feishu.blockEdits).toHaveLength(0);
    expect(h.feishu.commentReplies).toHaveLength(0);
  });

  it('rate limited (429 / 99991400) then a 5xx: the job retries with its stored plan (one model call, one edit per block, one reply per comment); the button works too', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h);
    h.feishu.fail(/^PATCH .*\/blocks\/batch_update$/, 1, 429, 99991400);
    h.feishu.fail(/^PATCH .*\/blocks\/batch_update$/, 1, 500, 1770000);
    const { card } = await list(h);
    const find = (node: unknown): Record<string, unknown> | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      const o = node as Record<string, unknown>;
      if (o.action === 'review' && o.op === 'in-place') return o;
      for (const v of Object.values(o)) {
        const got = find(v);
        if (got) return got;
      }
      return undefined;
    };
    await h.post(cardActionEvent(card.message_id, find(h.feishu.cardOf(card))!));
    await h.feishu.waitFor(() => h!.feishu.commentReplies.length === 6, undefined, 'six comment replies');
    const [done] = await settledReplies(h, card.message_id);
    expect(h.feishu.textOf(done!)).toContain('已直接修改云文档《上半年报告》中的 4 个段落');
    expect(h.feishu.calls.filter((c) => c.method === 'PATCH' && c.path.endsWith('/blocks/batch_update')).length).toBe(3);
    expect(h.feishu.blockEdits).toHaveLength(4);
    expect(reviewRequests(h)).toHaveLength(1);
    expect(h.feishu.commentReplies.map((r) => r.commentId).sort()).toEqual(COMMENTS.map((c) => c[0]));
  });

  it('a requester who may only read the doc: the bot does not edit it for them', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h, { linkShare: 'tenant_readable' });
    const { id } = await list(h);
    const out = await say(h, '直接改原文档', id);
    expect(out).toContain('没能确认你本人有这篇文档的编辑权限');
    expect(h.feishu.blockEdits).toHaveLength(0);
    expect(h.feishu.commentReplies).toHaveLength(0);
  });

  it('in a group, only the thread’s owner (or a named reviewer) may have the document edited in place', async () => {
    h = await startHarness({ llm: messyModel });
    cloudDoc(h);
    const ev = groupAtBot(`处理批注 ${LINK}`, h.feishu.botOpenId);
    await h.post(ev);
    expect(texts(h, await settledReplies(h, messageIdOf(ev)))).toContain('共 6 条批注');
    const other = groupAtBot('直接改原文档', h.feishu.botOpenId, { rootId: messageIdOf(ev), senderOpenId: OTHER_USER_OPEN_ID });
    await h.post(other);
    expect(texts(h, await settledReplies(h, messageIdOf(other)))).toContain('只有文稿的主人');
    expect(h.feishu.blockEdits).toHaveLength(0);
    expect(h.feishu.commentReplies).toHaveLength(0);
    expect(reviewRequests(h)).toHaveLength(0);
  });

  it('offline: only the critic’s exact replacements are made in place; the other comments wait for a model', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    cloudDoc(h);
    const { id } = await list(h);
    const out = await say(h, '直接改原文档', id);
    expect(out).toContain('离线模式');
    expect(h.feishu.blockEdits.map((e) => e.blockId)).toEqual(['doxcnA2']);
    expect(textOf(block(h, 'doxcnA2'))).toContain('再接再厉');
    expect(h.feishu.commentReplies).toHaveLength(6);
    expect(h.feishu.commentReplies.find((r) => r.commentId === '7105')!.text).toMatch(/^已修改：.*再接再厉.*（已直接改在原文档中：/);
    expect(h.feishu.commentReplies.filter((r) => r.text.startsWith('需要配置大模型后处理'))).toHaveLength(5);
  });
});
