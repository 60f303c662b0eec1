/**
 * Word comments (批注) written into a copy of the writer's .docx, on the review DOM
 * (review/): no maintained Node library adds comments to an existing document. Every part and
 * element we do not touch keeps its bytes.
 */
import { anchorComment, appendComment, commentWriter } from './review/comments.js';
import { openReview } from './review/read.js';
import { mapParagraph, splitAt } from './review/text-map.js';

/** One comment to place: the text it is about (an excerpt of the document) and what to say. */
export interface Annotation {
  /** The exact text the comment anchors on; empty or not found → the whole paragraph of `line`. */
  excerpt: string;
  /** Which occurrence of `excerpt` in the document (0-based), when it appears more than once. */
  occurrence: number;
  /** A line of the document text to anchor on when the excerpt is not found. */
  line?: string;
  text: string;
}

/** A copy of a .docx with each annotation as a Word comment anchored on its excerpt. */
export async function annotateDocx(data: Buffer, annotations: readonly Annotation[], now: Date = new Date()): Promise<{ data: Buffer; placed: number }> {
  const st = await openReview(data);
  const paragraphs = st.map.paragraphs;
  if (!paragraphs.length || !annotations.length) return { data, placed: 0 };
  const w = await commentWriter(st.pkg, st.document, now);

  const byParagraph = new Map<number, Array<{ id: string; start: number; end: number }>>();
  for (const a of annotations) {
    const place = locate(paragraphs, a);
    const { id } = await appendComment(w, a.text);
    byParagraph.set(place.paragraph, [...(byParagraph.get(place.paragraph) ?? []), { id, start: place.start, end: place.end }]);
  }
  for (const [i, anchors] of byParagraph) {
    const p = paragraphs[i]!.p;
    // Runs that are more than formatting and one text are not split: the comment widens to the run.
    for (const a of anchors) {
      a.start = splitAt(mapParagraph(p, i), a.start, { exact: false, side: 'left' });
      a.end = splitAt(mapParagraph(p, i), a.end, { exact: false, side: 'right' });
    }
    const pm = mapParagraph(p, i);
    for (const a of anchors) anchorComment(st.document, pm, a.id, a.start, a.end);
  }
  st.pkg.touch('word/document.xml');
  return { data: await st.pkg.save(), placed: annotations.length };
}

/** Where an annotation goes: its excerpt's occurrence, else its line's paragraph, else the first paragraph with text. */
function locate(paragraphs: ReadonlyArray<{ text: string }>, a: Annotation): { paragraph: number; start: number; end: number } {
  const excerpt = a.excerpt.split('\n')[0]!;
  if (excerpt) {
    let seen = 0;
    let first: { paragraph: number; start: number; end: number } | undefined;
    for (let i = 0; i < paragraphs.length; i++) {
      let at = paragraphs[i]!.text.indexOf(excerpt);
      while (at >= 0) {
        const hit = { paragraph: i, start: at, end: at + excerpt.length };
        first ??= hit;
        if (seen++ === a.occurrence) return hit;
        at = paragraphs[i]!.text.indexOf(excerpt, at + 1);
      }
    }
    if (first) return first;
  }
  const line = a.line?.trim();
  const byLine = line ? paragraphs.findIndex((p) => p.text.trim() === line) : -1;
  const i = byLine >= 0 ? byLine : Math.max(0, paragraphs.findIndex((p) => p.text.trim()));
  return { paragraph: i, start: 0, end: paragraphs[i]!.text.length };
}
