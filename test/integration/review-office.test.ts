/**
 * The revised Word file opened by a real word processor: LibreOffice headless reads the bot's
 * output (tracked changes and threaded replies on a file LibreOffice itself saved) and writes it
 * as flat ODF, whose `text:tracked-changes` must hold exactly our changes beside the leader's own.
 */
import { describe, expect, it } from 'vitest';
import { critiqueRevisions, offlineDecisions, reviewDocx } from '../../src/documents/review/index.js';
import { bodyText } from '../../src/documents/review/model.js';
import { readReview } from '../../src/documents/review/read.js';
import { readFodt } from '../support/odf.js';
import { fixture, MODEL_DECISIONS } from '../support/review-docx.js';
import { convert, skipWithoutSoffice } from '../support/soffice.js';

const NOW = new Date('2026-07-11T08:00:00Z');

describe('the revised .docx in LibreOffice', () => {
  it('shows the seven comments’ tracked changes by 笔杆子, the leader’s own two, and seven replies', async () => {
    if (skipWithoutSoffice('the revised .docx opened in LibreOffice')) return;
    const input = fixture('leader-review.docx');
    const review = await readReview(input);
    const at = (q: string) => {
      const start = bodyText(review).indexOf(q);
      return { start, end: start + q.length };
    };
    const out = await reviewDocx(input, MODEL_DECISIONS(at), { now: NOW });
    if (!out.ok) throw new Error(out.message);
    const odf = readFodt(await convert(out.docx, 'docx', 'fodt'));
    const ours = odf.changes.filter((c) => c.author === '笔杆子');
    expect(ours.filter((c) => c.kind === 'insertion').map((c) => c.text)).toEqual(out.changes.filter((c) => c.kind === 'insertion').map((c) => c.text));
    expect(ours.filter((c) => c.kind === 'deletion').map((c) => c.text)).toEqual(out.changes.filter((c) => c.kind === 'deletion').map((c) => c.text));
    expect(ours).toHaveLength(11);
    expect(odf.changes.filter((c) => c.author === '李主任').map((c) => [c.kind, c.text])).toEqual([['insertion', '认真'], ['deletion', '切实']]);
    // Seven leader comments, seven replies by 笔杆子.
    expect(odf.annotations.filter((a) => a.author === '李主任')).toHaveLength(7);
    expect(odf.annotations.filter((a) => a.author === '笔杆子').map((a) => a.text.slice(0, 3)).sort()).toEqual(['已修改', '已修改', '已修改', '已修改', '已修改', '需要你', '需要你']);
    // Accepting everything in LibreOffice gives the text our reader calls accepted.
    const accepted = (await readReview(out.docx)).paragraphs.map((p) => p.text).join('\n');
    expect(odf.accepted.trim()).toBe(accepted);
  });

  it('opens the offline result and the critic’s fixes as revisions', async () => {
    if (skipWithoutSoffice('offline and critic revisions opened in LibreOffice')) return;
    const input = fixture('leader-review.docx');
    const offline = await reviewDocx(input, offlineDecisions(await readReview(input)), { now: NOW });
    if (!offline.ok) throw new Error(offline.message);
    const a = readFodt(await convert(offline.docx, 'docx', 'fodt'));
    expect(a.changes.filter((c) => c.author === '笔杆子').map((c) => [c.kind, c.text])).toEqual([['deletion', ','], ['insertion', '，'], ['deletion', '再接再励'], ['insertion', '再接再厉']]);
    expect(a.annotations.filter((x) => x.text.startsWith('需要配置大模型后处理'))).toHaveLength(6);

    const fixes = await critiqueRevisions(fixture('plain-report.docx'), { now: NOW });
    const b = readFodt(await convert(fixes!.docx, 'docx', 'fodt'));
    expect(b.changes.map((c) => [c.author, c.kind, c.text])).toEqual([['笔杆子', 'deletion', ','], ['笔杆子', 'insertion', '，'], ['笔杆子', 'deletion', '再接再励'], ['笔杆子', 'insertion', '再接再厉']]);
    expect(b.annotations.some((x) => x.author === '笔杆子' && x.text.includes('四个意识'))).toBe(true);
  });
});
