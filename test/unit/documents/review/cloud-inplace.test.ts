/**
 * The pure half of an in-place edit: replacements on a block's element list keep every element and
 * style they do not touch, refuse to cut through a mention, a linked doc or an equation, and the change
 * guard refuses anything outside the commented regions.
 */
import { describe, expect, it } from 'vitest';
import { blocksOf, cloudReview, type RawElement } from '../../../../src/documents/review/cloud.js';
import { guardInPlace, planInPlace, spliceElements } from '../../../../src/documents/review/cloud-inplace.js';

const run = (content: string, style?: Record<string, unknown>): RawElement => ({ text_run: { content, ...(style ? { text_element_style: style } : {}) } });
const mention: RawElement = { mention_user: { user_id: 'ou_x', text_element_style: {} } };
const doc = { mention_doc: { token: 'doxT', obj_type: 22, url: 'https://x.feishu.cn/docx/doxT', title: '《办法》' } } as RawElement;
const eq: RawElement = { equation: { content: 'x^2\n' } };
const text = (els: readonly RawElement[]) => els.map((e) => e.text_run?.content ?? e.mention_doc?.title ?? '').join('');

describe('spliceElements', () => {
  it('replaces inside one run, splitting it and keeping its style; the other elements are the same objects’ values', () => {
    const els = [run('甲乙丙丁', { bold: true }), mention, run('戊己', { italic: true })];
    const out = spliceElements(els, [{ start: 1, end: 3, text: '子丑' }])!;
    expect(text(out)).toBe('甲子丑丁戊己');
    expect(out).toEqual([run('甲', { bold: true }), run('子丑', { bold: true }), run('丁', { bold: true }), mention, run('戊己', { italic: true })]);
  });

  it('shrinks a rewrite to the part that differs, so a common ending keeps its run', () => {
    const out = spliceElements([run('增强“四种意识”', { comment_ids: ['c1'] })], [{ start: 0, end: 8, text: '增强“四个意识”' }])!;
    expect(out).toEqual([run('增强“四', { comment_ids: ['c1'] }), run('个', { comment_ids: ['c1'] }), run('意识”', { comment_ids: ['c1'] })]);
  });

  it('a replacement across two runs takes the first one’s style; the mention before it and the equation after it stay', () => {
    const out = spliceElements([mention, run('一二', { bold: true }), run('三四'), eq], [{ start: 1, end: 3, text: '甲' }])!;
    expect(out).toEqual([mention, run('一', { bold: true }), run('甲', { bold: true }), run('四'), eq]);
  });

  it('refuses to cut through a linked doc or to delete a mention inside the range', () => {
    expect(spliceElements([run('见'), doc, run('。')], [{ start: 0, end: 3, text: '详见附件' }])).toBeNull();
    expect(spliceElements([run('甲'), mention, run('乙')], [{ start: 0, end: 2, text: '丙' }])).toBeNull();
    // Touching only the text around them is fine.
    expect(text(spliceElements([run('见'), doc, run('。')], [{ start: 0, end: 1, text: '详见' }])!)).toBe('详见《办法》。');
  });

  it('refuses an element kind it cannot write back, and keeps a deleted block’s one empty run', () => {
    expect(spliceElements([run('甲'), { undefined_element: {} }], [{ start: 0, end: 1, text: '乙' }])).toBeNull();
    expect(spliceElements([run('删去这句。', { bold: true })], [{ start: 0, end: 5, text: '' }])).toEqual([run('', { bold: true })]);
  });

  it('several replacements in one block, the last first', () => {
    const out = spliceElements([run('一二三四五')], [{ start: 0, end: 1, text: '甲' }, { start: 3, end: 5, text: '乙' }])!;
    expect(text(out)).toBe('甲二三乙');
  });
});

describe('planInPlace and guardInPlace', () => {
  const raw = [
    { block_id: 'p', block_type: 1, page: { elements: [run('标题')] } },
    { block_id: 'b0', block_type: 2, comment_ids: ['c1'], text: { elements: [run('局党组增强“四种意识”。', { comment_ids: ['c1'] }), mention] } },
    { block_id: 'b1', block_type: 2, text: { elements: [run('不动的段落。')] } },
  ];
  const review = cloudReview(blocksOf(raw), [{ comment_id: 'c1', user_id: 'ou_l', create_time: 1, is_solved: false, is_whole: false, quote: '“四种意识”', reply_list: { replies: [{ reply_id: 'r', user_id: 'ou_l', create_time: 1, content: { elements: [{ type: 'text_run', text_run: { text: '提法不准' } }] } }] } }]);
  const ids = blocksOf(raw).map((b) => b.block_id);
  const applied = [{ commentId: 'c1', paragraph: 0, start: 5, end: 11, text: '“四个意识”' }];
  const allowed = [{ paragraph: 0, start: 5, end: 11 }];

  it('plans the commented block only and passes the guard', () => {
    const plan = planInPlace(review, ids, raw, applied);
    expect(plan.conflicts).toEqual([]);
    expect(plan.edits.map((e) => e.blockId)).toEqual(['b0']);
    expect(plan.edits[0]!.afterText).toBe('局党组增强“四个意识”。');
    expect(guardInPlace(review, plan.edits, allowed).ok).toBe(true);
  });

  it('a block whose text changed since it was read is a conflict, not an edit', () => {
    const changed = structuredClone(raw);
    (changed[1]!.text as { elements: RawElement[] }).elements = [run('局党组增强“四个意识”。')];
    const plan = planInPlace(review, ids, changed, applied);
    expect(plan.edits).toEqual([]);
    expect(plan.conflicts).toEqual([{ paragraph: 0, blockId: 'b0', was: '局党组增强“四种意识”。', now: '局党组增强“四个意识”。' }]);
  });

  it('the guard blocks text changed outside the allowed regions, and a mention that went missing', () => {
    const plan = planInPlace(review, ids, raw, applied);
    const outside = { ...plan.edits[0]!, after: [run('市委增强“四个意识”。', { comment_ids: ['c1'] }), mention], afterText: '市委增强“四个意识”。' };
    expect(guardInPlace(review, [outside], allowed).violations).toContain('paragraph 1 changed outside the commented ranges');
    const lost = { ...plan.edits[0]!, after: plan.edits[0]!.after.filter((e) => !e.mention_user) };
    expect(guardInPlace(review, [lost], allowed).violations.join()).toContain('a mention, linked doc or equation changed');
  });
});
