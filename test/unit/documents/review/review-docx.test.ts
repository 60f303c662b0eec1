import { describe, expect, it } from 'vitest';
import { critiqueRevisions, inspectDocx, offlineDecisions, reviewDocx, type ReviewDocument } from '../../../../src/documents/review/index.js';
import { guardDocx, regionsOf, sameOutside } from '../../../../src/documents/review/guard.js';
import { bodyText } from '../../../../src/documents/review/model.js';
import { readReview } from '../../../../src/documents/review/read.js';
import { scanSpans, SourcedXml } from '../../../../src/documents/review/splice.js';
import { extractFile } from '../../../../src/documents/extract.js';
import JSZip from 'jszip';
import { editPart, elements, fixture, MODEL_DECISIONS, partText, W } from '../../../support/review-docx.js';

const NOW = new Date('2026-07-11T08:00:00Z');
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

const locator = (review: ReviewDocument) => (quoted: string) => {
  const start = bodyText(review).indexOf(quoted);
  if (start < 0) throw new Error(`not in the text: ${quoted}`);
  return { start, end: start + quoted.length };
};

/** The raw XML of each top-level body paragraph (w:p directly in w:body), by span. */
function rawParagraphs(xml: string): string[] {
  const spans = scanSpans(xml);
  const body = spans.find((s) => xml.startsWith('<w:body', s.start))!;
  const out: string[] = [];
  for (const s of spans) if (s.start > body.start && s.end < body.end && xml.startsWith('<w:p', s.start) && /[\s>/]/.test(xml[s.start + 4]!)) out.push(xml.slice(s.start, s.end));
  // The body has no tables or text boxes here, so no paragraph is nested in another.
  return out;
}

describe('reading a reviewed .docx saved by LibreOffice', () => {
  it('gets the text, every comment with author, date and exact range, and the leader’s own tracked changes', async () => {
    const review = await readReview(fixture('leader-review.docx'));
    expect(review.paragraphs).toHaveLength(11);
    expect(review.comments.map((c) => [c.author, c.date, c.text, c.range?.quoted, c.target])).toEqual([
      ['李主任', '2026-07-10T09:00:00Z', '提法不准，按规范表述改', '增强“四种意识”', 'text'],
      ['李主任', '2026-07-10T09:01:00Z', '序号格式不对，前面没有（二）', '（三）', 'text'],
      ['李主任', '2026-07-10T09:02:00Z', '“三单”指什么？看不懂', '落实“三单”管理', 'text'],
      ['李主任', '2026-07-10T09:03:00Z', '这里要有具体数据', '多次组织中心组专题学习', 'text'],
      ['李主任', '2026-07-10T09:04:00Z', '太口语化，请润色', '大家的劲头都挺足的,学习氛围搞得很好，要再接再励。', 'text'],
      ['李主任', '2026-07-10T09:07:00Z', '这一段太长，压缩到三行以内', review.paragraphs[7]!.text, 'text'],
      ['李主任', '2026-07-10T09:08:00Z', '删去', '另外，机关食堂伙食改善工作也取得了明显成效。', 'text'],
    ]);
    expect(review.comments.every((c) => !c.done && c.replies.length === 0)).toBe(true);
    expect(review.changes.map((c) => [c.kind, c.author, c.text, c.paragraph])).toEqual([['insertion', '李主任', '认真', 3], ['deletion', '李主任', '切实', 10]]);
    // The accepted text: the insertion kept, the deletion dropped (as mammoth reads it too).
    expect(review.paragraphs[10]!.text).toBe('下一步，我们将持续加强意识形态阵地建设，确保各项工作落到实处。');
  });

  it('writes every part back byte for byte when nothing in it changed', async () => {
    const zip = await JSZip.loadAsync(fixture('leader-review.docx'));
    const xmlParts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
    expect(xmlParts.length).toBeGreaterThan(6);
    for (const p of xmlParts) {
      const text = await zip.file(p)!.async('string');
      expect([p, new SourcedXml(text, p).serialize() === text]).toEqual([p, true]);
    }
  });

  it('lists the comments for the writer before changing anything', async () => {
    const ins = await inspectDocx(fixture('leader-review.docx'));
    expect(ins.kind).toBe('ok');
    if (ins.kind !== 'ok') return;
    expect(ins.summary).toBe('共 7 条批注：改写 1、补数据 1、删去 1、结构 1、提法 1、格式 1、提问 1');
    expect(ins.items.map((i) => i.cls)).toEqual(['political', 'format', 'question', 'data', 'rewrite', 'structure', 'delete']);
    expect(ins.lines[0]).toBe('1.【提法】“增强‘四种意识’”——李主任：提法不准，按规范表述改');
  });
});

describe('revising only what was commented, as tracked changes, and answering every comment', () => {
  it('turns seven decisions into tracked changes inside the ranges and seven threaded replies; the guard passes', async () => {
    const input = fixture('leader-review.docx');
    const review = await readReview(input);
    const out = await reviewDocx(input, MODEL_DECISIONS(locator(review)), { now: NOW });
    if (!out.ok) throw new Error(`${out.message} ${out.guard?.violations.join('; ')}`);
    expect(out.guard).toEqual({ ok: true, violations: [] });
    expect(out.replies.map((r) => r.text.slice(0, 5))).toEqual(['已修改：“', '已修改：序', '需要你补充', '需要你补充', '已修改：口', '已修改：压', '已修改：删']);
    expect(out.replies[5]!.text).toContain('（改动扩大到整段）');
    expect(out.widened).toEqual([{ commentId: '5', scope: 'paragraph' }]);
    expect(out.changes.filter((c) => c.kind === 'insertion').map((c) => [c.commentId, c.text])).toEqual([
      ['0', '四个意识'], ['1', '（二）'], ['3', '组织中心组专题学习【待补充：次数】次'], ['4', '干部职工学习热情高涨，形成了比学赶超的良好氛围。'],
      ['5', '一是理论学习不够深入，学用结合不紧。二是阵地管理有薄弱环节，新媒体账号审核把关不严。'],
    ]);
    expect(out.changes.filter((c) => c.kind === 'deletion').map((c) => c.text)).toEqual(['四种意识', '（三）', '多次组织中心组专题学习', '大家的劲头都挺足的,学习氛围搞得很好，要再接再励。', review.paragraphs[7]!.text, '另外，机关食堂伙食改善工作也取得了明显成效。']);

    const back = await readReview(out.docx);
    // Every leader comment has exactly one reply, by 笔杆子, threaded through commentsExtended.xml.
    expect(back.comments.map((c) => [c.author, c.replies.map((r) => r.author)])).toEqual(Array.from({ length: 7 }, () => ['李主任', ['笔杆子']]));
    expect(back.comments.map((c) => c.replies[0]!.range?.quoted !== undefined)).toEqual(Array(7).fill(true));
    const ext = await partText(out.docx, 'word/commentsExtended.xml');
    expect(ext.match(/w15:paraIdParent=/g)).toHaveLength(7);
    expect(await partText(out.docx, '[Content_Types].xml')).toContain('/word/commentsExtended.xml');
    expect(await partText(out.docx, 'word/_rels/document.xml.rels')).toContain('relationships/commentsExtended');
    // The leader's own revisions are still there; ours are authored 笔杆子 and dated.
    expect(back.changes.filter((c) => c.author === '李主任').map((c) => c.text)).toEqual(['认真', '切实']);
    expect(back.changes.filter((c) => c.author === '笔杆子').every((c) => c.date === '2026-07-11T08:00:00Z')).toBe(true);
    // The all-accepted text reads as expected, also through mammoth.
    expect(back.paragraphs[3]!.text).toBe('（一）压实工作责任。局党组把意识形态工作摆上重要议程，增强“四个意识”，坚决做到“两个维护”。班子成员认真履行“一岗双责”，带头讲党课。');
    expect(back.paragraphs[8]!.text).toBe('三是队伍建设需要加强。');
    expect((await extractFile('r.docx', out.docx)).text).toContain('增强“四个意识”');

    // Untouched paragraphs and runs keep their bytes.
    const before = await partText(input, 'word/document.xml');
    const after = await partText(out.docx, 'word/document.xml');
    const paras = rawParagraphs(before);
    expect(paras).toHaveLength(11);
    for (const i of [0, 1, 2, 6, 9, 10]) expect(after.includes(paras[i]!)).toBe(true);
    expect(after).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t>学习形式多样</w:t></w:r>');
    expect(after).toContain('<w:ins w:id="0" w:author="李主任" w:date="2026-07-10T09:05:00Z"><w:r><w:rPr></w:rPr><w:t>认真</w:t></w:r></w:ins>');
    // Parts we never touch are the same bytes.
    for (const p of ['word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'docProps/core.xml']) expect(await partText(out.docx, p)).toBe(await partText(input, p));
  });

  it('refuses an edit that would overwrite the leader’s own revision, and one outside the range, answering why', async () => {
    const input = fixture('leader-review.docx');
    const review = await readReview(input);
    const at = locator(review);
    const out = await reviewDocx(input, [
      // Widened to the paragraph, the rewrite would swallow the leader's insertion 认真.
      { commentId: '0', rewrite: { text: '增强“四个意识”。', scope: 'paragraph' }, reply: { kind: 'revised', what: '改写整段' } },
      // An edit outside comment 1's range.
      { commentId: '1', edits: [{ ...at('加强阵地管理'), text: '强化阵地管理' }], reply: { kind: 'revised', what: '改标题' } },
    ], { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.changes).toEqual([]);
    expect(out.replies[0]!.text).toBe('未修改：原文保留（该处有领导本人的修订，为免覆盖未改动）');
    expect(out.replies[1]!.text).toBe('未修改：原文保留（拟改内容超出批注范围，按规则不改）');
    // The five comments without a decision are answered too.
    expect(out.replies.slice(2).every((r) => r.text === '未修改：原文保留（这次没有选择处理这一条）')).toBe(true);
    expect(out.replies).toHaveLength(7);
  });

  it('widens to the sentence only when asked, and says so', async () => {
    const input = fixture('leader-review.docx');
    const out = await reviewDocx(input, [{ commentId: '3', rewrite: { text: '上半年组织中心组专题学习【待补充：次数】次，学习形式多样。', scope: 'sentence' }, reply: { kind: 'ask', need: '学习次数' } }], { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.widened).toEqual([{ commentId: '3', scope: 'sentence' }]);
    expect(out.replies[3]!.text).toBe('需要你补充：【学习次数】（改动扩大到整句）');
    expect((await readReview(out.docx)).paragraphs[5]!.text).toBe('（四）强化理论武装。上半年组织中心组专题学习【待补充：次数】次，学习形式多样。大家的劲头都挺足的,学习氛围搞得很好，要再接再励。');
  });
});

describe('the change guard', () => {
  it('accepts free text only inside the allowed regions', () => {
    expect(sameOutside('甲乙丙丁戊', '甲X丙Y戊', [{ start: 1, end: 2 }, { start: 3, end: 4 }])).toBe(true);
    expect(sameOutside('甲乙丙丁戊', '甲X丙Y戊Z', [{ start: 1, end: 2 }, { start: 3, end: 4 }])).toBe(false);
    expect(sameOutside('甲乙丙丁戊', '甲乙丙丁戊', [])).toBe(true);
    expect(sameOutside('甲乙丙', '甲乙丙', [{ start: 3, end: 3 }])).toBe(true);
    expect(sameOutside('甲乙丙', '甲丙', [])).toBe(false);
    expect(sameOutside('甲乙丙', '甲乙', [{ start: 1, end: 1 }])).toBe(false);
  });

  it('blocks an output whose text changed outside the comments, whose leader revisions moved, or whose other parts changed', async () => {
    const input = fixture('leader-review.docx');
    const review = await readReview(input);
    const out = await reviewDocx(input, MODEL_DECISIONS(locator(review)), { now: NOW });
    if (!out.ok) throw new Error(out.message);
    const allowed = (r: ReviewDocument) => r.comments.flatMap((c) => regionsOf(r, c, c.id === '5' ? 'paragraph' : 'range'));
    expect((await guardDocx(input, out.docx, allowed)).ok).toBe(true);

    const outside = await editPart(out.docx, 'word/document.xml', (d) => {
      const t = elements(d, 't').find((e) => e.textContent === '一、主要做法')!;
      t.textContent = '一、主要成效';
      t.firstChild!.nodeValue = '一、主要成效';
    });
    expect((await guardDocx(input, outside, allowed)).violations).toEqual(['paragraph 3 changed outside the commented ranges']);

    const leader = await editPart(out.docx, 'word/document.xml', (d) => {
      const ins = elements(d, 'ins').find((e) => e.getAttributeNS(W, 'author') === '李主任')!;
      ins.parentNode!.removeChild(ins);
    });
    expect((await guardDocx(input, leader, allowed)).violations).toContain('the leader’s own tracked changes were altered');

    const styles = await editPart(out.docx, 'word/styles.xml', (d) => d.documentElement.setAttribute('data-x', '1'));
    expect((await guardDocx(input, styles, allowed)).violations).toEqual(['part word/styles.xml changed']);
  });
});

describe('offline: rules only', () => {
  it('classifies, turns the critic’s exact replacements inside comments into tracked changes, answers the rest “需要配置大模型后处理”', async () => {
    const input = fixture('leader-review.docx');
    const review = await readReview(input);
    const out = await reviewDocx(input, offlineDecisions(review), { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.replies).toHaveLength(7);
    expect(out.replies.filter((r) => r.text.startsWith('需要配置大模型后处理'))).toHaveLength(6);
    expect(out.replies[4]!.text).toMatch(/^已修改：“,”改为“，”.*“再接再励”改为“再接再厉”/);
    expect(out.changes.map((c) => [c.commentId, c.kind, c.text])).toEqual([
      ['4', 'deletion', ','], ['4', 'insertion', '，'], ['4', 'deletion', '再接再励'], ['4', 'insertion', '再接再厉'],
    ]);
    // The half-width comma outside every comment (paragraph 2) is left alone.
    expect((await readReview(out.docx)).paragraphs[1]!.text.startsWith('今年以来,')).toBe(true);
  });
});

describe('the critic’s fixes as revisions (按审校意见修订)', () => {
  it('makes exact replacements tracked changes and advice-only findings comments, and passes the guard', async () => {
    const input = fixture('plain-report.docx');
    const r = await critiqueRevisions(input, { now: NOW });
    expect(r).toBeDefined();
    expect(r!.revised).toBe(2);
    expect(r!.commented).toBeGreaterThanOrEqual(1);
    const back = await readReview(r!.docx);
    expect(back.changes.map((c) => [c.kind, c.author, c.text])).toEqual([['deletion', '笔杆子', ','], ['insertion', '笔杆子', '，'], ['deletion', '笔杆子', '再接再励'], ['insertion', '笔杆子', '再接再厉']]);
    const four = back.comments.find((c) => c.text.includes('四个意识'));
    expect(four?.author).toBe('笔杆子');
    expect(four?.range?.quoted).toBe('四种意识');
    expect(back.paragraphs[1]!.text).toBe('今年以来，我们坚持把理论学习摆在首位，开展中心组学习6次，要再接再厉。');
  });
});

describe('bad input, each with a clear answer', () => {
  it('a document without comments: says so and offers the critique', async () => {
    const ins = await inspectDocx(fixture('plain-report.docx'));
    expect(ins.kind).toBe('no-comments');
    if (ins.kind === 'no-comments') expect(ins.message).toContain('没有批注');
  });

  it('comments on an image and in a table are answered, not revised; the one on text is revised', async () => {
    const input = fixture('objects-review.docx');
    const ins = await inspectDocx(input);
    if (ins.kind !== 'ok') throw new Error(ins.kind);
    expect(ins.items.map((i) => i.comment.target)).toEqual(['image', 'table', 'text']);
    const out = await reviewDocx(input, ins.items.map((i) => ({ commentId: i.comment.id, rewrite: { text: '' }, reply: { kind: 'revised' as const, what: '删去' } })), { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.replies.map((r) => r.text)).toEqual(['未修改：原文保留（批注落在图片上，笔杆子不改图片）', '未修改：原文保留（批注落在表格里，表格数据请核对后手工修改）', '已修改：删去']);
    expect(out.changes.map((c) => [c.commentId, c.kind, c.text])).toEqual([['2', 'deletion', '不当之处请批评指正']]);
    const back = await readReview(out.docx);
    expect(back.paragraphs.find((p) => p.inTable && p.text === '12')).toBeDefined();
  });

  it('a comment whose place is not understood is answered “未能定位”', async () => {
    // Its range markers gone (as when a converter drops them): the comment is there, its place is not.
    const input = await editPart(fixture('leader-review.docx'), 'word/document.xml', (d) => {
      for (const local of ['commentRangeStart', 'commentRangeEnd']) for (const e of elements(d, local)) if (e.getAttributeNS(W, 'id') === '2') e.parentNode!.removeChild(e);
    });
    const ins = await inspectDocx(input);
    if (ins.kind !== 'ok') throw new Error(ins.kind);
    expect(ins.items.find((i) => i.comment.id === '2')?.comment.target).toBe('unlocated');
    const out = await reviewDocx(input, [{ commentId: '2', rewrite: { text: '落实“三单”管理制度' }, reply: { kind: 'revised', what: '补全' } }], { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.replies.find((r) => r.commentId === '2')?.text).toMatch(/^未能定位/);
    expect(out.changes).toEqual([]);
  });

  it('an encrypted document (an OLE container, not a zip) and a file that is no Word package', async () => {
    const cfb = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const enc = await inspectDocx(cfb);
    expect(enc.kind).toBe('encrypted');
    if (enc.kind === 'encrypted') expect(enc.message).toContain('密码');
    expect((await inspectDocx(Buffer.from('这不是文档'))).kind).toBe('not-docx');
    const out = await reviewDocx(cfb, [], { now: NOW });
    expect(out.ok).toBe(false);
  });

  it('a document under 限制编辑 is refused with the way out; one that only forces tracked changes is fine', async () => {
    const protect = (edit: string) => editPart(fixture('leader-review.docx'), 'word/settings.xml', (d) => {
      const p = d.createElementNS(W, 'w:documentProtection');
      p.setAttributeNS(W, 'w:edit', edit);
      p.setAttributeNS(W, 'w:enforcement', '1');
      d.documentElement.insertBefore(p, d.documentElement.firstChild);
    });
    const ro = await inspectDocx(await protect('readOnly'));
    expect(ro.kind).toBe('protected');
    if (ro.kind === 'protected') expect(ro.message).toContain('停止保护');
    expect((await reviewDocx(await protect('readOnly'), [], { now: NOW })).ok).toBe(false);
    expect((await inspectDocx(await protect('trackedChanges'))).kind).toBe('ok');
  });

  it('reads replies and resolved state, and leaves a resolved comment off the list', async () => {
    const out = await reviewDocx(fixture('leader-review.docx'), [], { now: NOW });
    if (!out.ok) throw new Error(out.message);
    const resolved = await editPart(out.docx, 'word/commentsExtended.xml', (d) => {
      const first = elements(d, 'commentEx', W15)[0]!;
      first.setAttributeNS(W15, 'w15:done', '1');
    });
    const review = await readReview(resolved);
    expect(review.comments[0]!.done).toBe(true);
    expect(review.comments[0]!.replies[0]!.text).toBe('未修改：原文保留（这次没有选择处理这一条）');
    const ins = await inspectDocx(resolved);
    if (ins.kind !== 'ok') throw new Error(ins.kind);
    expect(ins.items).toHaveLength(6);
    expect(ins.resolved).toBe(1);
  });
});
