/**
 * Revisions as Word tracked changes: an edit of the accepted text becomes w:del around the runs it
 * removes and w:ins with the new text, authored 笔杆子 and dated. Runs outside the edit are not touched.
 */
import { BOT_AUTHOR, wordDate, type IdSource } from './comments.js';
import { insertAtOffset, mapParagraph, splitAt, type ParagraphMap } from './text-map.js';
import { NS, child, children, insertAfter, is, textEl, wEl, type El, type XmlDocument } from './xml.js';

/** Replace [start, end) of one paragraph's accepted text with `text` (either may be empty). */
export interface Edit {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** Why an edit was not made: it would touch the leader's own revision, an image, or nothing is there. */
export type EditRefusal = 'leader-change' | 'object' | 'out-of-range';

export interface EditResult {
  ok: boolean;
  refusal?: EditRefusal;
  deleted: string;
  inserted: string;
}

export interface RevisionWriter {
  document: XmlDocument;
  paragraphs: El[];
  ids: IdSource;
  now: Date;
}

/** Apply one edit as tracked changes. Edits of one paragraph must be applied from the last to the first. */
export function applyEdit(w: RevisionWriter, edit: Edit): EditResult {
  const none = (refusal: EditRefusal): EditResult => ({ ok: false, refusal, deleted: '', inserted: '' });
  const p = w.paragraphs[edit.paragraph];
  if (!p) return none('out-of-range');
  let pm = mapParagraph(p, edit.paragraph);
  const { start, end } = edit;
  if (start < 0 || end < start || end > pm.text.length) return none('out-of-range');
  const touched = pm.pieces.filter((x) => !x.deleted && x.start < end && x.end > start);
  // The leader's own 修订 stay as they are: an edit overlapping one is refused, not merged.
  if (touched.some((x) => x.change)) return none('leader-change');
  if (pm.objects.some((o) => o.at > start && o.at < end)) return none('object');

  splitAt(pm, start, { exact: true, side: 'left' });
  pm = mapParagraph(p, edit.paragraph);
  splitAt(pm, end, { exact: true, side: 'right' });
  pm = mapParagraph(p, edit.paragraph);

  const date = wordDate(w.now);
  const runs: El[] = [];
  for (const x of pm.pieces) if (!x.deleted && x.start >= start && x.end <= end && x.end > x.start && !runs.includes(x.run)) runs.push(x.run);
  const deleted = pm.text.slice(start, end);
  const doc = w.document;
  let lastDel: El | undefined;
  for (const group of siblingGroups(runs)) {
    const del = wEl(doc, 'del', { id: w.ids.take(), author: BOT_AUTHOR, date });
    group[0]!.parentNode!.insertBefore(del, group[0]!);
    for (const run of group) {
      toDeleted(run);
      del.appendChild(run);
    }
    lastDel = del;
  }
  if (edit.text) {
    const ins = wEl(doc, 'ins', { id: w.ids.take(), author: BOT_AUTHOR, date });
    const r = wEl(doc, 'r');
    const model = runs[0] ?? nearestRun(pm, start);
    const rPr = model ? child(model, 'rPr') : undefined;
    if (rPr) r.appendChild(rPr.cloneNode(true));
    r.appendChild(textEl(doc, edit.text));
    ins.appendChild(r);
    if (lastDel) insertAfter(ins, lastDel);
    else insertAtOffset(pm, start, ins, start === 0 ? 'before' : 'after');
  }
  return { ok: true, deleted, inserted: edit.text };
}

/** Runs that follow each other as siblings, so one w:del can hold them. */
function siblingGroups(runs: El[]): El[][] {
  const groups: El[][] = [];
  for (const run of runs) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g && prev && prev.nextSibling === run) g.push(run);
    else groups.push([run]);
  }
  return groups;
}

/** A run's text becomes deleted text (w:t → w:delText, field code → w:delInstrText). */
function toDeleted(run: El): void {
  for (const c of children(run)) {
    const to = is(c, 't') ? 'delText' : is(c, 'instrText') ? 'delInstrText' : undefined;
    if (!to) continue;
    const d = c.ownerDocument.createElementNS(NS.w, `w:${to}`);
    for (let i = 0; i < c.attributes.length; i++) {
      const a = c.attributes.item(i)!;
      d.setAttributeNS(a.namespaceURI, a.name, a.value);
    }
    while (c.firstChild) d.appendChild(c.firstChild);
    run.replaceChild(d, c);
  }
}

/** The run whose formatting new text at `offset` takes: the one before it, else the one after. */
function nearestRun(pm: ParagraphMap, offset: number): El | undefined {
  const live = pm.pieces.filter((x) => !x.deleted && x.end > x.start);
  return [...live].reverse().find((x) => x.end <= offset)?.run ?? live.find((x) => x.start >= offset)?.run;
}
