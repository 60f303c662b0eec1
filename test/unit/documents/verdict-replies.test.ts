// Issue 24 item 6: the verdicts in a returned Word file — threaded replies under 笔杆子 comments (as Word,
// WPS and LibreOffice write them), an unthreaded comment on the same range, and what is not a verdict.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { annotateDocx } from '../../../src/documents/annotate.js';
import { appendReply, commentWriter } from '../../../src/documents/review/comments.js';
import { openReview } from '../../../src/documents/review/read.js';
import { readWordVerdicts } from '../../../src/documents/verdict-replies.js';
import { findingTag } from '../../../src/report/verdicts.js';
import { buildDocx } from '../../support/docx-fixture.js';
import { convert, skipWithoutSoffice } from '../../support/soffice.js';
import { EVENT_CEILING_MS } from '../../support/wait.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NOW = new Date('2026-12-06T02:00:00Z');
const PARAS = ['2025年上半年落实意识形态工作责任制情况报告', '局党组召开专题会议X次，增强“四种意识”。', '开展中心组学习12次。'];

/** Comments whose id is in `ids` get the writer's (or a leader's) name instead of 笔杆子. */
async function renamed(data: Buffer, ids: string[], author: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const doc = new DOMParser().parseFromString(await zip.file('word/comments.xml')!.async('string'), 'text/xml');
  for (const c of Array.from(doc.getElementsByTagNameNS(W, 'comment'))) if (ids.includes(c.getAttributeNS(W, 'id') ?? '')) c.setAttributeNS(W, 'w:author', author);
  zip.file('word/comments.xml', new XMLSerializer().serializeToString(doc));
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function annotated(): Promise<Buffer> {
  const out = await annotateDocx(await buildDocx(PARAS), [
    { excerpt: 'X次', occurrence: 0, text: `【错误】有未填写的占位符\n${findingTag('placeholder', 'a1b2c3d4e5f6')}` },
    { excerpt: '四种意识', occurrence: 0, text: `【错误】应为“四个意识”\n${findingTag('formulation', '0123456789ab')}` },
  ], NOW);
  return out.data;
}

async function withReplies(data: Buffer, replies: Array<{ comment: number; text: string }>): Promise<Buffer> {
  const st = await openReview(data);
  const w = await commentWriter(st.pkg, st.document, NOW);
  const ids: string[] = [];
  for (const r of replies) ids.push(await appendReply(w, st.review.comments[r.comment]!, r.text));
  return renamed(await st.pkg.save(), ids, '张文');
}

describe('verdicts in a returned Word file', () => {
  it('a file the bot never commented has none', async () => {
    expect(await readWordVerdicts(await buildDocx(PARAS))).toBeUndefined();
  });

  it('threaded replies 误报 / 有用 under the bot\'s comments; a later reply replaces an earlier one', async () => {
    const data = await withReplies(await annotated(), [{ comment: 0, text: '有用' }, { comment: 0, text: '误报。' }, { comment: 1, text: '有用' }]);
    const found = await readWordVerdicts(data);
    expect(found?.otherComments).toBe(0);
    expect(found?.otherReplies).toBe(0);
    expect(found?.verdicts.map((v) => [v.rule, v.hash, v.verdict])).toEqual([['placeholder', 'a1b2c3d4e5f6', 'false-alarm'], ['formulation', '0123456789ab', 'useful']]);
  });

  it('a reply that discusses the finding, and a leader\'s own comment, are left to the review path', async () => {
    let data = await withReplies(await annotated(), [{ comment: 0, text: '误报' }, { comment: 1, text: '这里按上级通知的原文写，不改' }]);
    // A leader's comment on other text.
    const leader = await annotateDocx(data, [{ excerpt: '中心组学习', occurrence: 0, text: '请补充学习主题' }], NOW);
    const st = await openReview(leader.data);
    const last = st.review.comments.find((c) => c.text === '请补充学习主题')!;
    data = await renamed(leader.data, [last.id], '李处长');
    const found = await readWordVerdicts(data);
    expect(found?.verdicts.map((v) => v.verdict)).toEqual(['false-alarm']);
    expect(found?.otherReplies).toBe(1);
    expect(found?.otherComments).toBe(1);
  });

  it('an editor that does not thread replies: the writer\'s 误报 on exactly the bot comment\'s range counts', async () => {
    const first = await annotated();
    const again = await annotateDocx(first, [{ excerpt: '四种意识', occurrence: 0, text: '误报' }], NOW);
    const st = await openReview(again.data);
    const mine = st.review.comments.find((c) => c.text === '误报')!;
    const found = await readWordVerdicts(await renamed(again.data, [mine.id], '张文'));
    expect(found?.verdicts.map((v) => [v.rule, v.verdict])).toEqual([['formulation', 'false-alarm']]);
    expect(found?.otherComments).toBe(0);
  });
});

describe.skipIf(skipWithoutSoffice('a returned .docx saved by LibreOffice'))('a returned file saved by LibreOffice', () => {
  it('the replies LibreOffice writes back (its own comments.xml and threading) still count', async () => {
    const data = await withReplies(await annotated(), [{ comment: 0, text: '误报' }, { comment: 1, text: '有用' }]);
    const saved = await convert(data, 'docx', 'docx:MS Word 2007 XML');
    const found = await readWordVerdicts(saved);
    expect(found?.verdicts.map((v) => [v.rule, v.verdict]).sort()).toEqual([['formulation', 'useful'], ['placeholder', 'false-alarm']]);
    expect(found?.otherComments).toBe(0);
  }, EVENT_CEILING_MS);
});
