
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

export const COMMENT_AUTHOR = '笔杆子';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s: string) =>
  s.replace(/&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!);

const PARAGRAPH = /<w:p(?=[\s>/])(?:[^>]*\/>|[^>]*>[\s\S]*?<\/w:p>)/g;
const RUN = /<w:r(?=[\s>])[^>]*>[\s\S]*?<\/w:r>/g;
/** A run with formatting and one piece of text, the only kind we split. */
const SIMPLE_RUN = /^<w:r(\s[^>]*)?>(\s*<w:rPr>[\s\S]*?<\/w:rPr>)?\s*<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>\s*<\/w:r>$/;

interface Run { xml: string; text: string; start: number }

function runsOf(p: string): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const m of p.matchAll(RUN)) {
    const text = [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unesc(t[1]!)).join('');
    out.push({ xml: m[0], text, start: pos });
    pos += text.length;
  }
  return out;
}

interface Anchor { id: number; start: number; end: number }

/** Rebuild one paragraph with comment ranges; runs are split where an anchor starts or ends inside them. */
function anchorParagraph(p: string, anchors: Anchor[]): string {
  const runs = runsOf(p);
  if (!runs.length) {
    // An empty paragraph: a point comment.
    const marks = anchors.map((a) => `<w:commentRangeStart w:id="${a.id}"/><w:commentRangeEnd w:id="${a.id}"/>${refRun(a.id)}`).join('');
    return p.endsWith('/>') ? `${p.slice(0, -2)}>${marks}</w:p>` : p.replace(/<\/w:p>$/, `${marks}</w:p>`);
  }
  let i = 0;
  return p.replace(RUN, (xml) => {
    const run = runs[i++]!;
    const from = run.start;
    const to = run.start + run.text.length;
    const simple = SIMPLE_RUN.exec(xml);
    const cuts = new Set<number>([from, to]);
    if (simple) for (const a of anchors) for (const x of [a.start, a.end]) if (x > from && x < to) cuts.add(x);
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: Array<{ xml: string; start: number; end: number }> = [];
    if (points.length === 2 || !simple) pieces.push({ xml, start: from, end: to });
    else {
      for (let k = 0; k + 1 < points.length; k++) {
        const text = run.text.slice(points[k]! - from, points[k + 1]! - from);
        pieces.push({ xml: `<w:r${simple[1] ?? ''}>${simple[2] ?? ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`, start: points[k]!, end: points[k + 1]! });
      }
    }
    const isFirst = run === runs[0];
    const isLast = run === runs[runs.length - 1];
    let out = '';
    for (const piece of pieces) {
      // An anchor starting inside an unsplittable run widens to the whole run.
      for (const a of anchors) if ((a.start >= piece.start && a.start < piece.end && (a.start === piece.start || !simple)) || (isFirst && piece === pieces[0] && a.start < piece.start)) out += `<w:commentRangeStart w:id="${a.id}"/>`;
      out += piece.xml;
      for (const a of anchors) if ((a.end > piece.start && a.end <= piece.end && (a.end === piece.end || !simple)) || (isLast && piece === pieces[pieces.length - 1] && a.end > piece.end)) out += `<w:commentRangeEnd w:id="${a.id}"/>${refRun(a.id)}`;
    }
    return out;
  });
}

const refRun = (id: number) => `<w:r><w:commentReference w:id="${id}"/></w:r>`;

function commentXml(id: number, text: string, date: string): string {
  const paras = text.split('\n').map((line, i) =>
    `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`).join('');
  return `<w:comment w:id="${id}" w:author="${COMMENT_AUTHOR}" w:initials="笔" w:date="${date}">${paras}</w:comment>`;
}

/**
 * A copy of a .docx with each annotation as a Word comment (批注) anchored on its
 * excerpt. Edits the OOXML directly because no maintained Node library adds comments
 * to an existing document; everything else in the file is left byte for byte.
 */
export async function annotateDocx(data: Buffer, annotations: readonly Annotation[], now: Date = new Date()): Promise<{ data: Buffer; placed: number }> {
  // Loaded on first use, like the parsers: most workers never annotate a file.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(data);
  const docFile = zip.file('word/document.xml');
  if (!docFile) throw new Error('not a Word document: word/document.xml missing');
  const xml = await docFile.async('string');
  const paragraphs = [...xml.matchAll(PARAGRAPH)].map((m) => ({ index: m.index, xml: m[0], text: runsOf(m[0]).map((r) => r.text).join('') }));
  if (!paragraphs.length) return { data, placed: 0 };

  let existing = '';
  let nextId = 0;
  const commentsFile = zip.file('word/comments.xml');
  if (commentsFile) {
    existing = await commentsFile.async('string');
    for (const m of existing.matchAll(/<w:comment\b[^>]*w:id="(\d+)"/g)) nextId = Math.max(nextId, Number(m[1]) + 1);
  }

  const byParagraph = new Map<number, Anchor[]>();
  const comments: string[] = [];
  const date = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const a of annotations) {
    const place = locate(paragraphs, a);
    const id = nextId++;
    byParagraph.set(place.paragraph, [...(byParagraph.get(place.paragraph) ?? []), { id, start: place.start, end: place.end }]);
    comments.push(commentXml(id, a.text, date));
  }

  let out = '';
  let pos = 0;
  paragraphs.forEach((p, i) => {
    const anchors = byParagraph.get(i);
    if (!anchors) return;
    out += xml.slice(pos, p.index) + anchorParagraph(p.xml, anchors);
    pos = p.index + p.xml.length;
  });
  out += xml.slice(pos);
  zip.file('word/document.xml', out);

  zip.file('word/comments.xml', existing
    ? existing.replace(/<\/w:comments>\s*$/, `${comments.join('')}</w:comments>`).replace(/<w:comments([^>]*)\/>\s*$/, `<w:comments$1>${comments.join('')}</w:comments>`)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${comments.join('')}</w:comments>`);
  if (!existing) {
    const typesFile = zip.file('[Content_Types].xml');
    const types = typesFile ? await typesFile.async('string') : '';
    if (types && !types.includes('/word/comments.xml')) zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`));
    const relsPath = 'word/_rels/document.xml.rels';
    const rels = (await zip.file(relsPath)?.async('string')) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!rels.includes(COMMENTS_REL)) {
      let n = 1;
      while (rels.includes(`Id="rIdBigan${n}"`)) n++;
      zip.file(relsPath, rels.replace('</Relationships>', `<Relationship Id="rIdBigan${n}" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`));
    }
  }
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { data: buf, placed: comments.length };
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
