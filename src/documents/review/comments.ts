/** Writing comments and comment replies into an opened package (comments.xml and its companions). */
import type { ReviewComment } from './model.js';
import { PART, type DocxPackage } from './package.js';
import { insertAtOffset, type ParagraphMap } from './text-map.js';
import { NS, children, declare, descendants, insertAfter, is, textEl, wAttr, wEl, type El, type XmlDocument } from './xml.js';

export const BOT_AUTHOR = '笔杆子';
export const BOT_INITIALS = '笔';

/** Word dates: ISO 8601 in UTC without milliseconds. */
export const wordDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Ids for new comments and revisions, above every w:id already in the document and comments. */
export class IdSource {
  private next: number;
  constructor(docs: Array<XmlDocument | undefined>) {
    let max = -1;
    for (const d of docs) {
      if (!d) continue;
      for (const el of descendants(d, '*', '*')) {
        const v = wAttr(el, 'id');
        if (v !== undefined && /^\d+$/.test(v)) max = Math.max(max, Number(v));
      }
    }
    this.next = max + 1;
  }
  take(): string {
    return String(this.next++);
  }
}

/** paraIds: 8 hex digits, above 0 and below 0x80000000, unique in the part (MS-DOCX). */
export class ParaIds {
  private readonly used = new Set<string>();
  private seed = 0x1b16a000;
  constructor(docs: Array<XmlDocument | undefined>) {
    for (const d of docs) {
      if (!d) continue;
      for (const el of descendants(d, '*', '*')) {
        for (const ns of [NS.w14, NS.w15, NS.w16cid]) for (const local of ['paraId', 'durableId']) {
          const v = el.getAttributeNS(ns, local);
          if (v) this.used.add(v.toUpperCase());
        }
      }
    }
  }
  take(): string {
    let v: string;
    do {
      this.seed = (this.seed + 0x9e3779b) % 0x7ffffffe;
      v = (this.seed + 1).toString(16).toUpperCase().padStart(8, '0');
    } while (this.used.has(v));
    this.used.add(v);
    return v;
  }
}

export interface CommentWriter {
  pkg: DocxPackage;
  document: XmlDocument;
  ids: IdSource;
  paraIds: ParaIds;
  now: Date;
}

export async function commentWriter(pkg: DocxPackage, document: XmlDocument, now: Date): Promise<CommentWriter> {
  const parts = await Promise.all([PART.comments, PART.commentsExtended, PART.commentsIds].map((p) => pkg.part(p)));
  return { pkg, document, ids: new IdSource([document, parts[0]]), paraIds: new ParaIds(parts), now };
}

/** Append a w:comment by 笔杆子 to comments.xml; returns its id and the paraId of its last paragraph. */
export async function appendComment(w: CommentWriter, text: string, id = w.ids.take()): Promise<{ id: string; paraId: string }> {
  const doc = await w.pkg.commentPart(PART.comments);
  declare(doc, 'w14', NS.w14);
  const c = wEl(doc, 'comment', { id, author: BOT_AUTHOR, date: wordDate(w.now), initials: BOT_INITIALS });
  let paraId = '';
  text.split('\n').forEach((line, i) => {
    const p = wEl(doc, 'p');
    paraId = w.paraIds.take();
    p.setAttributeNS(NS.w14, 'w14:paraId', paraId);
    if (i === 0) {
      const ref = wEl(doc, 'r');
      ref.appendChild(wEl(doc, 'annotationRef'));
      p.appendChild(ref);
    }
    const r = wEl(doc, 'r');
    r.appendChild(textEl(doc, line));
    p.appendChild(r);
    c.appendChild(p);
  });
  doc.documentElement.appendChild(c);
  w.pkg.touch(PART.comments);
  return { id, paraId };
}

const refRun = (doc: XmlDocument, id: string): El => {
  const r = wEl(doc, 'r');
  r.appendChild(wEl(doc, 'commentReference', { id }));
  return r;
};

/** Anchor comment `id` on [start, end) of a paragraph whose offsets are already run boundaries. */
export function anchorComment(doc: XmlDocument, pm: ParagraphMap, id: string, start: number, end: number): void {
  const s = wEl(doc, 'commentRangeStart', { id });
  const e = wEl(doc, 'commentRangeEnd', { id });
  const ref = refRun(doc, id);
  if (start === end) {
    for (const n of [s, e, ref]) insertAtOffset(pm, start, n, 'before');
    return;
  }
  insertAtOffset(pm, start, s, 'before');
  insertAtOffset(pm, end, ref, 'after');
  ref.parentNode!.insertBefore(e, ref);
}

/**
 * A reply by 笔杆子 to `parent`: its own comment on the same span, threaded to the parent through
 * commentsExtended.xml (w15:paraIdParent) and given durable ids (commentsIds.xml) so Word threads it.
 */
export async function appendReply(w: CommentWriter, parent: ReviewComment, text: string): Promise<string> {
  const comments = await w.pkg.commentPart(PART.comments);
  const parentEl = children(comments.documentElement, 'comment').find((c) => wAttr(c, 'id') === parent.id);
  if (!parentEl) throw new Error(`comment ${parent.id} not in comments.xml`);
  // The parent needs a paraId on its last paragraph to be pointed at (LibreOffice writes none).
  const parentParas = children(parentEl, 'p');
  let parentPara = parentParas[parentParas.length - 1];
  if (!parentPara) {
    parentPara = wEl(comments, 'p');
    parentEl.appendChild(parentPara);
  }
  declare(comments, 'w14', NS.w14);
  let parentParaId = parentPara.getAttributeNS(NS.w14, 'paraId') || '';
  if (!parentParaId) {
    parentParaId = w.paraIds.take();
    parentPara.setAttributeNS(NS.w14, 'w14:paraId', parentParaId);
  }
  const { id, paraId } = await appendComment(w, text);

  const ext = await w.pkg.commentPart(PART.commentsExtended);
  const exEls = children(ext.documentElement, 'commentEx', NS.w15);
  const entry = (pid: string, parentPid?: string) => {
    const e = ext.createElementNS(NS.w15, 'w15:commentEx');
    e.setAttributeNS(NS.w15, 'w15:paraId', pid);
    if (parentPid) e.setAttributeNS(NS.w15, 'w15:paraIdParent', parentPid);
    e.setAttributeNS(NS.w15, 'w15:done', '0');
    ext.documentElement.appendChild(e);
  };
  if (!exEls.some((e) => e.getAttributeNS(NS.w15, 'paraId') === parentParaId)) entry(parentParaId, undefined);
  entry(paraId, parentParaId);
  w.pkg.touch(PART.commentsExtended);

  const ids = await w.pkg.commentPart(PART.commentsIds);
  declare(ids, 'w16cid', NS.w16cid);
  const has = new Set(children(ids.documentElement, 'commentId', NS.w16cid).map((e) => e.getAttributeNS(NS.w16cid, 'paraId')));
  for (const pid of [parentParaId, paraId]) {
    if (has.has(pid)) continue;
    const e = ids.createElementNS(NS.w16cid, 'w16cid:commentId');
    e.setAttributeNS(NS.w16cid, 'w16cid:paraId', pid);
    e.setAttributeNS(NS.w16cid, 'w16cid:durableId', w.paraIds.take());
    ids.documentElement.appendChild(e);
  }
  w.pkg.touch(PART.commentsIds);

  // The reply's own markers on the parent's span: ends grouped, then references (as Word wants).
  const find = (local: string) => descendants(w.document, local).find((el) => wAttr(el, 'id') === parent.id);
  const pStart = find('commentRangeStart');
  const pEnd = find('commentRangeEnd');
  const pRef = find('commentReference');
  if (pStart && pEnd) {
    insertAfter(wEl(w.document, 'commentRangeStart', { id }), pStart);
    let lastEnd: Node = pEnd;
    while (is(lastEnd.nextSibling, 'commentRangeEnd')) lastEnd = lastEnd.nextSibling!;
    insertAfter(wEl(w.document, 'commentRangeEnd', { id }), lastEnd);
  }
  if (pRef && pRef.parentNode) {
    let lastRef: Node = pRef.parentNode;
    const onlyRef = (n: Node | null) => is(n, 'r') && children(n).some((c) => is(c, 'commentReference'));
    while (onlyRef(lastRef.nextSibling)) lastRef = lastRef.nextSibling!;
    insertAfter(refRun(w.document, id), lastRef);
  }
  return id;
}
