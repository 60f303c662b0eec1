/**
 * Read a reviewed .docx completely: accepted text by paragraph, every comment with author, date,
 * exact range, replies and resolved state, and the tracked changes already in it.
 */
import type { ReviewComment, ReviewDocument, TrackedChange } from './model.js';
import { DocxPackage, PART } from './package.js';
import { mapBody, type BodyMap, type ParagraphMap } from './text-map.js';
import { NS, child, children, descendants, wAttr, type El, type XmlDocument } from './xml.js';

/** A comment's words: its paragraphs' text, without the annotation mark. */
export function commentText(c: El): string {
  return children(c, 'p').map((p) => descendants(p, 't').map((t) => t.textContent ?? '').join('')).join('\n');
}

export interface ReadState {
  pkg: DocxPackage;
  document: XmlDocument;
  body: El;
  map: BodyMap;
  review: ReviewDocument;
}

export async function readReview(data: Buffer): Promise<ReviewDocument> {
  return (await openReview(data)).review;
}

export async function openReview(data: Buffer): Promise<ReadState> {
  const pkg = await DocxPackage.open(data);
  const document = await pkg.required(PART.document);
  const body = child(document.documentElement, 'body');
  if (!body) throw new Error('word/document.xml has no body');
  const map = mapBody(body);
  const review = await buildReview(pkg, map);
  return { pkg, document, body, map, review };
}

async function buildReview(pkg: DocxPackage, map: BodyMap): Promise<ReviewDocument> {
  const byId = new Map<string, ReviewComment>();
  const commentsDoc = await pkg.part(PART.comments);
  const order: ReviewComment[] = [];
  for (const c of children(commentsDoc?.documentElement, 'comment')) {
    const ps = children(c, 'p');
    const paraId = ps.length ? ps[ps.length - 1]!.getAttributeNS(NS.w14, 'paraId') || undefined : undefined;
    const rc: ReviewComment = {
      id: wAttr(c, 'id') ?? '',
      author: wAttr(c, 'author') ?? '',
      ...(wAttr(c, 'initials') ? { initials: wAttr(c, 'initials') } : {}),
      ...(wAttr(c, 'date') ? { date: wAttr(c, 'date') } : {}),
      text: commentText(c),
      ...(paraId ? { paraId } : {}),
      done: false,
      replies: [],
      target: 'unlocated',
    };
    byId.set(rc.id, rc);
    order.push(rc);
  }

  // Threads and resolved state live in commentsExtended.xml, keyed by the comment's last paraId.
  const ext = await pkg.part(PART.commentsExtended);
  const byPara = new Map(order.filter((c) => c.paraId).map((c) => [c.paraId!, c]));
  for (const e of children(ext?.documentElement, 'commentEx', NS.w15)) {
    const c = byPara.get(e.getAttributeNS(NS.w15, 'paraId') ?? '');
    if (!c) continue;
    const done = e.getAttributeNS(NS.w15, 'done');
    c.done = done === '1' || done === 'true';
    const parent = byPara.get(e.getAttributeNS(NS.w15, 'paraIdParent') ?? '');
    if (parent && parent !== c) c.parentId = parent.id;
  }
  for (const c of order) if (c.parentId) byId.get(c.parentId)?.replies.push(c);

  locate(map.paragraphs, byId);

  const rootOf = (c: ReviewComment): ReviewComment => {
    let r = c;
    for (let i = 0; r.parentId && i < 50; i++) r = byId.get(r.parentId) ?? r;
    return r;
  };
  for (const c of order) if (c.parentId && rootOf(c) !== byId.get(c.parentId)) rootOf(c).replies.push(c);
  const roots = order.filter((c) => !c.parentId);
  const place = (c: ReviewComment) => (c.range ? c.range.start.paragraph * 1e6 + c.range.start.offset : Number.MAX_SAFE_INTEGER);
  roots.sort((a, b) => place(a) - place(b));

  const settings = await pkg.part(PART.settings);
  const prot = child(settings?.documentElement, 'documentProtection');
  const enforced = prot && ['1', 'true', 'on'].includes(wAttr(prot, 'enforcement') ?? '');

  return {
    paragraphs: map.paragraphs.map((p) => ({ text: p.text, inTable: p.inTable })),
    comments: roots,
    byId,
    changes: trackedChanges(map.paragraphs),
    ...(enforced ? { protection: wAttr(prot, 'edit') ?? 'readOnly' } : {}),
  };
}

function locate(paragraphs: ParagraphMap[], byId: Map<string, ReviewComment>): void {
  const starts = new Map<string, { paragraph: number; offset: number }>();
  const ends = new Map<string, { paragraph: number; offset: number }>();
  for (const pm of paragraphs) {
    for (const m of pm.marks) {
      if (m.kind === 'start' && !starts.has(m.id)) starts.set(m.id, { paragraph: pm.index, offset: m.at });
      if (m.kind === 'end') ends.set(m.id, { paragraph: pm.index, offset: m.at });
    }
  }
  for (const c of byId.values()) {
    const s = starts.get(c.id);
    const e = ends.get(c.id);
    if (!s || !e || e.paragraph < s.paragraph || (e.paragraph === s.paragraph && e.offset < s.offset)) continue;
    const parts: string[] = [];
    let objects = 0;
    let inTable = false;
    for (let i = s.paragraph; i <= e.paragraph; i++) {
      const pm = paragraphs[i]!;
      const from = i === s.paragraph ? s.offset : 0;
      const to = i === e.paragraph ? e.offset : pm.text.length;
      parts.push(pm.text.slice(from, to));
      objects += pm.objects.filter((o) => o.at >= from && o.at <= to && (i !== e.paragraph || o.at < to || from === to)).length;
      inTable ||= pm.inTable;
    }
    const quoted = parts.join('\n');
    c.range = { start: s, end: e, quoted };
    c.target = inTable ? 'table' : objects > 0 && !quoted.trim() ? 'image' : quoted.trim() || s.offset === e.offset ? 'text' : 'unlocated';
  }
}

function trackedChanges(paragraphs: ParagraphMap[]): TrackedChange[] {
  const out: TrackedChange[] = [];
  for (const pm of paragraphs) {
    let cur: TrackedChange | undefined;
    let curEl: El | undefined;
    for (const piece of pm.pieces) {
      if (!piece.change) {
        curEl = undefined;
        continue;
      }
      if (piece.change === curEl && cur) {
        cur.text += piece.text;
        continue;
      }
      curEl = piece.change;
      const kind = piece.deleted ? 'deletion' : 'insertion';
      cur = {
        kind,
        id: wAttr(piece.change, 'id') ?? '',
        author: wAttr(piece.change, 'author') ?? '',
        ...(wAttr(piece.change, 'date') ? { date: wAttr(piece.change, 'date') } : {}),
        text: piece.text,
        paragraph: pm.index,
        at: piece.start,
      };
      out.push(cur);
    }
  }
  return out;
}
