import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A paragraph given as runs (so a phrase can straddle two runs, as in files Word has edited). */
export type FixtureParagraph = string | string[];

/** A .docx written by the `docx` library: our own fixture text, optionally with a table (a 台账). */
export async function buildDocx(paragraphs: FixtureParagraph[], table?: string[][]): Promise<Buffer> {
  const children: Array<Paragraph | Table> = paragraphs.map((p) => new Paragraph({ children: (Array.isArray(p) ? p : [p]).map((t, i) => new TextRun({ text: t, bold: Array.isArray(p) && i % 2 === 1 })) }));
  if (table) children.push(new Table({ rows: table.map((r) => new TableRow({ children: r.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A report with planted defects: a placeholder, a broken 四个意识 and a skipped heading number. */
export const DEFECT_REPORT: FixtureParagraph[] = [
  '2025年上半年落实意识形态工作责任制情况报告',
  '今年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，增强“四种意识”，认真落实意识形态工作责任制。现将有关情况报告如下：',
  '一、主要做法',
  ['（一）压实责任。局党组召开专题会议', 'X次', '，研究部署意识形态工作。'],
  '（三）强化学习。开展中心组学习12次，组织专题研讨4次。',
  '二、存在问题',
  '学习的系统性还不够强。',
  '三、下一步打算',
  '持续深化理论学习，确保各项工作落到实处。',
];

/** Comments read back from a .docx: text, author, and the document text each one anchors on. */
export async function readComments(data: Buffer): Promise<Array<{ id: string; author: string; text: string; anchored: string }>> {
  const zip = await JSZip.loadAsync(data);
  const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
  const doc = (await zip.file('word/document.xml')!.async('string'));
  return [...comments.matchAll(/<w:comment\b[^>]*w:id="(\d+)"[^>]*w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((m) => {
    const id = m[1]!;
    const start = doc.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
    const end = doc.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
    const span = start >= 0 && end > start ? doc.slice(start, end) : '';
    const texts = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    return { id, author: m[2]!, text: texts(m[3]!), anchored: texts(span) };
  });
}


const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

/**
 * Structural problems of a .docx carrying comments, as Word would meet them; empty when sound.
 * Every part parses as XML; [Content_Types].xml declares the comments part; the document's
 * relationships link it (unique ids); comment ids are unique; each comment has exactly one
 * commentRangeStart, commentRangeEnd (after the start, outside runs) and commentReference (inside a run).
 */
export async function commentPackageProblems(data: Buffer): Promise<string[]> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(data);
  type XmlDoc = globalThis.Document;
  const parse = async (path: string): Promise<XmlDoc | undefined> => {
    const text = await zip.file(path)?.async('string');
    if (text === undefined) {
      problems.push(`${path} missing`);
      return undefined;
    }
    const errors: string[] = [];
    // xmldom 0.8 reports an unclosed tag only as a warning: any message counts.
    const doc = new DOMParser({ errorHandler: (_level: string, msg: string) => errors.push(String(msg).split('\n')[0] ?? '') }).parseFromString(text, 'application/xml');
    problems.push(...errors.map((e) => `${path}: ${e}`));
    return doc;
  };
  const types = await parse('[Content_Types].xml');
  const rels = await parse('word/_rels/document.xml.rels');
  const doc = await parse('word/document.xml');
  const comments = await parse('word/comments.xml');
  if (!types || !rels || !doc || !comments) return problems;

  const overrides = Array.from(types.getElementsByTagName('Override')).filter((o) => o.getAttribute('PartName') === '/word/comments.xml');
  if (overrides.length !== 1 || overrides[0]!.getAttribute('ContentType') !== COMMENTS_CT) problems.push('[Content_Types].xml: no single Override for /word/comments.xml with the comments content type');
  const relList = Array.from(rels.getElementsByTagName('Relationship'));
  const relIds = relList.map((r) => r.getAttribute('Id'));
  if (new Set(relIds).size !== relIds.length) problems.push('document.xml.rels: duplicate relationship ids');
  const links = relList.filter((r) => r.getAttribute('Type') === COMMENTS_REL);
  if (links.length !== 1 || !['comments.xml', '/word/comments.xml'].includes(links[0]!.getAttribute('Target') ?? '')) problems.push('document.xml.rels: no single relationship to comments.xml');

  const commentIds = Array.from(comments.getElementsByTagNameNS(W, 'comment')).map((c) => c.getAttributeNS(W, 'id') ?? '');
  if (new Set(commentIds).size !== commentIds.length) problems.push(`comments.xml: duplicate ids ${commentIds.join(',')}`);

  // Document order of the markers, per id.
  const marks = new Map<string, Array<{ kind: string; order: number; parent: string }>>();
  let order = 0;
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      if (el.namespaceURI === W && ['commentRangeStart', 'commentRangeEnd', 'commentReference'].includes(el.localName)) {
        const id = el.getAttributeNS(W, 'id') ?? '';
        marks.set(id, [...(marks.get(id) ?? []), { kind: el.localName, order: order++, parent: (el.parentNode as Element).localName }]);
      }
      walk(el);
    }
  };
  walk(doc);
  for (const id of commentIds) {
    const m = marks.get(id) ?? [];
    const one = (k: string) => m.filter((x) => x.kind === k);
    const [s, e, r] = [one('commentRangeStart'), one('commentRangeEnd'), one('commentReference')];
    if (s.length !== 1 || e.length !== 1 || r.length !== 1) {
      problems.push(`comment ${id}: ${s.length} starts, ${e.length} ends, ${r.length} references`);
      continue;
    }
    if (s[0]!.order > e[0]!.order) problems.push(`comment ${id}: range ends before it starts`);
    if (s[0]!.parent === 'r' || e[0]!.parent === 'r') problems.push(`comment ${id}: range marker inside a run`);
    if (r[0]!.parent !== 'r') problems.push(`comment ${id}: reference outside a run`);
  }
  for (const id of marks.keys()) if (!commentIds.includes(id)) problems.push(`document.xml: markers for comment ${id}, which comments.xml lacks`);
  return problems;
}
