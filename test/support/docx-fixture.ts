import JSZip from 'jszip';
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

