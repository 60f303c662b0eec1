/**
 * The text of a Word body as the reader sees it once every tracked change is accepted, mapped
 * back to the nodes that hold it: each paragraph's pieces (w:t, tabs, breaks) with their offsets,
 * the comment markers, and images. Offsets count accepted text only; deleted text has no width.
 */
import { NS, children, child, insertAfter, is, isEl, textEl, type El } from './xml.js';

export interface Piece {
  el: El;
  run: El;
  text: string;
  /** Accepted-text offsets in the paragraph; a deleted piece has start === end. */
  start: number;
  end: number;
  deleted: boolean;
  /** The w:ins, w:del, w:moveFrom or w:moveTo this piece sits in, if any. */
  change?: El;
}

export interface Mark {
  kind: 'start' | 'end' | 'ref';
  id: string;
  el: El;
  at: number;
}

export interface ObjectMark {
  el: El;
  run: El;
  at: number;
}

export interface ParagraphMap {
  p: El;
  index: number;
  text: string;
  pieces: Piece[];
  marks: Mark[];
  objects: ObjectMark[];
  inTable: boolean;
}

const INSERTED = new Set(['ins', 'moveTo']);
const DELETED = new Set(['del', 'moveFrom']);
const CHAR: Record<string, string> = { tab: '\t', br: '\n', cr: '\n', noBreakHyphen: '-', ptab: '\t' };
const OBJECTS = new Set(['drawing', 'pict', 'object']);

interface Ctx { change?: El; deleted: boolean }

/** The map of one paragraph (its own runs; a text box's nested paragraphs are not its text). */
export function mapParagraph(p: El, index: number, inTable = false): ParagraphMap {
  const pm: ParagraphMap = { p, index, text: '', pieces: [], marks: [], objects: [], inTable };
  walkInline(p, pm, { deleted: false });
  return pm;
}

function walkInline(parent: El, pm: ParagraphMap, ctx: Ctx): void {
  for (const el of children(parent)) {
    if (el.namespaceURI !== NS.w) continue;
    const name = el.localName;
    if (name === 'pPr' || name === 'p' || name === 'sdtPr' || name === 'rPr') continue;
    if (name === 'r') walkRun(el, pm, ctx);
    else if (INSERTED.has(name)) walkInline(el, pm, { change: el, deleted: false });
    else if (DELETED.has(name)) walkInline(el, pm, { change: el, deleted: true });
    else if (name === 'commentRangeStart' || name === 'commentRangeEnd') pm.marks.push({ kind: name === 'commentRangeStart' ? 'start' : 'end', id: el.getAttributeNS(NS.w, 'id') ?? '', el, at: pm.text.length });
    else walkInline(el, pm, ctx);
  }
}

function walkRun(run: El, pm: ParagraphMap, ctx: Ctx): void {
  for (const el of children(run)) {
    if (el.namespaceURI !== NS.w) continue;
    const name = el.localName;
    let text: string | undefined;
    let deleted = ctx.deleted;
    if (name === 't') text = el.textContent ?? '';
    else if (name === 'delText') {
      text = el.textContent ?? '';
      deleted = true;
    } else if (name in CHAR) text = CHAR[name];
    else if (name === 'commentReference') pm.marks.push({ kind: 'ref', id: el.getAttributeNS(NS.w, 'id') ?? '', el, at: pm.text.length });
    else if (OBJECTS.has(name) || name === 'AlternateContent') pm.objects.push({ el, run, at: pm.text.length });
    if (text === undefined) continue;
    const start = pm.text.length;
    if (!deleted) pm.text += text;
    pm.pieces.push({ el, run, text, start, end: pm.text.length, deleted, ...(ctx.change ? { change: ctx.change } : {}) });
  }
}

export interface BodyMap {
  paragraphs: ParagraphMap[];
  /** Comment markers outside any paragraph, placed at the next paragraph's start or the last one's end. */
  stray: Mark[];
}

/** Every paragraph of the body in reading order, table cells included. */
export function mapBody(body: El): BodyMap {
  const paragraphs: ParagraphMap[] = [];
  const pending: Mark[] = [];
  const stray: Mark[] = [];
  const visit = (el: El, inTable: boolean) => {
    for (const c of children(el)) {
      if (c.namespaceURI !== NS.w) continue;
      if (c.localName === 'p') {
        const pm = mapParagraph(c, paragraphs.length, inTable);
        if (pending.length) {
          pm.marks.unshift(...pending.map((m) => ({ ...m, at: 0 })));
          pending.length = 0;
        }
        paragraphs.push(pm);
      } else if (c.localName === 'commentRangeStart' || c.localName === 'commentRangeEnd') {
        const m: Mark = { kind: c.localName === 'commentRangeStart' ? 'start' : 'end', id: c.getAttributeNS(NS.w, 'id') ?? '', el: c, at: 0 };
        stray.push(m);
        const last = paragraphs[paragraphs.length - 1];
        if (m.kind === 'end' && last) last.marks.push({ ...m, at: last.text.length });
        else pending.push(m);
      } else if (c.localName !== 'sectPr') visit(c, inTable || c.localName === 'tbl');
    }
  };
  visit(body, false);
  return { paragraphs, stray };
}

/** True when a run holds formatting and exactly one w:t: the only kind the old annotator split. */
export function isSimpleRun(run: El): boolean {
  const kids = children(run).filter((c) => !(is(c, 'rPr')));
  return kids.length === 1 && is(kids[0], 't');
}

/** Move `from` and every later sibling into a copy of `run` (same properties) placed after it. */
function splitRunBefore(run: El, from: El): El {
  const r2 = run.cloneNode(false) as El;
  const rPr = child(run, 'rPr');
  if (rPr) r2.appendChild(rPr.cloneNode(true));
  for (let n: Node | null = from; n; ) {
    const next: Node | null = n.nextSibling;
    r2.appendChild(n);
    n = next;
  }
  insertAfter(r2, run);
  return r2;
}

/**
 * Make `offset` a run boundary in the paragraph. With `exact` false, a run that is not simple is
 * never split and the offset moves to that run's edge (`side` says which way); returns the offset used.
 */
export function splitAt(pm: ParagraphMap, offset: number, opts: { exact: boolean; side: 'left' | 'right' }): number {
  const live = pm.pieces.filter((x) => !x.deleted);
  const inside = live.find((x) => x.start < offset && offset < x.end);
  const runEdge = (run: El) => {
    const own = live.filter((x) => x.run === run);
    return opts.side === 'left' ? Math.min(...own.map((x) => x.start)) : Math.max(...own.map((x) => x.end));
  };
  if (inside) {
    if (!opts.exact && !isSimpleRun(inside.run)) return runEdge(inside.run);
    const doc = pm.p.ownerDocument;
    const k = offset - inside.start;
    const t2 = textEl(doc, inside.text.slice(k));
    for (let i = 0; i < inside.el.attributes.length; i++) {
      const a = inside.el.attributes.item(i)!;
      if (a.name !== 'xml:space') t2.setAttributeNS(a.namespaceURI, a.name, a.value);
    }
    const head = textEl(doc, inside.text.slice(0, k));
    for (let i = 0; i < inside.el.attributes.length; i++) {
      const a = inside.el.attributes.item(i)!;
      if (a.name !== 'xml:space') head.setAttributeNS(a.namespaceURI, a.name, a.value);
    }
    inside.run.replaceChild(head, inside.el);
    insertAfter(t2, head);
    splitRunBefore(inside.run, t2);
    return offset;
  }
  const before = live.find((x) => x.end === offset && x.end > x.start);
  const after = live.find((x) => x.start === offset && x.end > x.start);
  if (before && after && before.run === after.run) {
    if (!opts.exact && !isSimpleRun(before.run)) return runEdge(before.run);
    splitRunBefore(before.run, after.el);
  }
  return offset;
}

/** The node to place markers or revisions beside: a run, or the leader's revision wrapping it. */
export function placeable(run: El): El {
  const parent = run.parentNode;
  return isEl(parent) && parent.namespaceURI === NS.w && (INSERTED.has(parent.localName) || DELETED.has(parent.localName)) ? parent : run;
}

/** Insert `node` at accepted offset `offset` (already a run boundary): before the text that starts there, or after the text that ends there. */
export function insertAtOffset(pm: ParagraphMap, offset: number, node: Node, side: 'before' | 'after'): void {
  const live = pm.pieces.filter((x) => !x.deleted && x.end > x.start);
  if (side === 'before') {
    const at = live.find((x) => x.start >= offset);
    if (at) {
      const ref = placeable(at.run);
      ref.parentNode!.insertBefore(node, ref);
      return;
    }
    pm.p.appendChild(node);
    return;
  }
  const prev = [...live].reverse().find((x) => x.end <= offset);
  if (prev) {
    insertAfter(node, placeable(prev.run));
    return;
  }
  const pPr = child(pm.p, 'pPr');
  pm.p.insertBefore(node, pPr ? pPr.nextSibling : pm.p.firstChild);
}
