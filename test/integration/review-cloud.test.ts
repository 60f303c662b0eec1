/**
 * A cloud doc's comments through the real Feishu SDK against the fake Open API (Drive v1 file
 * comments in their documented shapes): every unresolved comment listed across pages, mapped onto
 * the review model, classified, answered once in its own thread, none resolved.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksOf, cloudReview, replyBody, type DriveComment } from '../../src/documents/review/cloud.js';
import { offlineDecisions, reviewItems } from '../../src/documents/review/index.js';
import { commentSummary, replyText, REVIEW_TEXT } from '../../src/report/review-comments.js';
import { feishuErrorKind } from '../../src/feishu/codes.js';
import { FakeFeishu } from '../support/fake-feishu.js';

const TOKEN = 'DocxReview00000001';
const text = (t: string) => ({ elements: [{ type: 'text_run', text_run: { text: t } }] });
const comment = (id: string, quote: string, words: string, extra: Partial<DriveComment> = {}) => ({
  comment_id: id, user_id: 'ou_leader_li', create_time: 1_782_900_000, update_time: 1_782_900_000, is_solved: false, is_whole: false, has_more: false, quote,
  reply_list: { replies: [{ reply_id: `${id}1`, user_id: 'ou_leader_li', create_time: 1_782_900_000, update_time: 1_782_900_000, content: text(words) }] }, ...extra,
});

// Blocks as GET /docx/v1/documents/:id/blocks gives them: comment ids on the block and on runs.
const BLOCKS = [
  { block_id: 'doxcnPage', block_type: 1, page: { elements: [{ text_run: { content: '上半年报告' } }] } },
  { block_id: 'doxcnA', block_type: 2, comment_ids: ['7001'], text: { elements: [{ text_run: { content: '局党组增强“四种意识”，' } }, { text_run: { content: '要再接再励。', text_element_style: { comment_ids: ['7002'] } } }] } },
  { block_id: 'doxcnB', block_type: 2, text: { elements: [{ text_run: { content: '多次开展专题学习。', text_element_style: { comment_ids: ['7003'] } } }] } },
];

describe('cloud-doc comments', () => {
  let feishu: FakeFeishu;
  let client: lark.Client;
  beforeAll(async () => {
    feishu = await FakeFeishu.start();
    client = new lark.Client({ appId: 'cli_fake', appSecret: 'fake-secret', domain: feishu.url, loggerLevel: lark.LoggerLevel.error });
    feishu.driveComments.set(TOKEN, [
      comment('7001', '增强“四种意识”', '提法不准'),
      comment('7002', '要再接再励。', '这句不通顺，润色'),
      comment('7003', '多次开展专题学习', '这里要有数据'),
      comment('7004', '上半年报告', '已改好', { is_solved: true }),
      comment('7005', '', '整体再压缩一些', { is_whole: true }),
    ]);
  });
  afterAll(async () => feishu?.close());

  it('lists every unresolved comment across pages, maps it onto its block, and answers each once without resolving any', async () => {
    const items: DriveComment[] = [];
    for (const whole of [false, true]) {
      let page_token: string | undefined;
      do {
        const res = await client.drive.v1.fileComment.list({ path: { file_token: TOKEN }, params: { file_type: 'docx', is_solved: false, is_whole: whole, page_size: 2, ...(page_token ? { page_token } : {}) } });
        expect(res.code).toBe(0);
        items.push(...((res.data?.items ?? []) as DriveComment[]));
        page_token = res.data?.has_more ? res.data.page_token : undefined;
      } while (page_token);
    }
    expect(items.map((c) => c.comment_id).sort()).toEqual(['7001', '7002', '7003', '7005']);

    const review = cloudReview(blocksOf(BLOCKS), items, feishu.botOpenId);
    expect(review.paragraphs.map((p) => p.text)).toEqual(['局党组增强“四种意识”，要再接再励。', '多次开展专题学习。']);
    expect(review.comments.map((c) => [c.id, c.target, c.range?.quoted])).toEqual([
      ['7001', 'text', '增强“四种意识”'], ['7002', 'text', '要再接再励。'], ['7003', 'text', '多次开展专题学习'], ['7005', 'unlocated', undefined],
    ]);
    const list = reviewItems(review);
    expect(commentSummary(list.map((i) => i.cls))).toBe('共 4 条批注：改写 1、补数据 1、结构 1、提法 1');

    // Offline: the critic's exact fix inside 7002 is named in its answer; the rest wait for a model.
    const decisions = offlineDecisions(review);
    for (const d of decisions) {
      const res = await client.drive.v1.fileCommentReply.create({ path: { file_token: TOKEN, comment_id: d.commentId }, params: { file_type: 'docx' }, data: replyBody(replyText(d.reply)) as never });
      expect(res.code).toBe(0);
    }
    expect(feishu.commentReplies.map((r) => r.commentId)).toEqual(['7001', '7002', '7003', '7005']);
    expect(feishu.commentReplies[1]!.text).toBe('已修改：“再接再励”改为“再接再厉”（疑似错别字：“再接再励”应为“再接再厉”）');
    expect(feishu.commentReplies.filter((r) => r.text.startsWith('需要配置大模型后处理'))).toHaveLength(3);
    // Resolving is the writer's call: no PATCH on any comment.
    expect(feishu.calls.some((c) => c.method === 'PATCH' && c.path.includes('/comments/'))).toBe(false);
    expect(feishu.driveComments.get(TOKEN)!.every((c) => c.is_solved === (c.comment_id === '7004'))).toBe(true);
  });

  it('a doc whose comments the app may not read: 1069303, answered with the permission to add, in words', async () => {
    feishu.commentDenied.add('DocxNoAccess000001');
    feishu.driveComments.set('DocxNoAccess000001', []);
    const err = await client.drive.v1.fileComment.list({ path: { file_token: 'DocxNoAccess000001' }, params: { file_type: 'docx' } }).then(() => undefined, (e: { response?: { data?: { code?: number } } }) => e);
    const code = err?.response?.data?.code ?? 0;
    expect(code).toBe(1069303);
    expect(feishuErrorKind(code, 400)).toBe('no-access');
    expect(REVIEW_TEXT.commentsDenied).toContain('docs:document.comment:read');
  });
});
