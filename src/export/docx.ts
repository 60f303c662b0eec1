/**
 * Word export laid out per GB/T 9704-2012: A4, margins 37/35/28/26 mm, title 二号
 * 方正小标宋简体 centred, body 三号 仿宋_GB2312, level-1 headings 黑体, level-2 楷体_GB2312,
 * level-3 仿宋_GB2312, exact 28 pt line spacing, first-line indent of two characters; page
 * numbers "— 1 —" in 四号 宋体, odd pages right and even pages left, one character in.
 *
 * Every paragraph takes a named style (公文标题, 一级标题, 二级标题, 三级标题, 公文正文, 落款, 页码),
 * so the writer restyles all 一级标题 at once and the headings' outline levels fill Word's
 * navigation pane (导航窗格) and a table of contents.
 */
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IParagraphStyleOptions, type ParagraphChild, type IRunStylePropertiesOptions } from 'docx';
import { parseHeading } from '../report/headings.js';
import { breakTitle, isAddresseeLine } from '../report/layout.js';
import { FOOTER_LABEL, labelProperties, type AiLabel } from './ai-label.js';

export interface DocxInput {
  title: string;
  /** Draft text; headings 一、（一）1.（1） on their own lines or run into the paragraph. */
  body: string;
  /** Sign-off unit (right-aligned under the body). */
  unit?: string;
  /** Sign-off date: 2026年7月10日. */
  date?: string;
  /** Generated text carries the implicit AI label (custom properties), and the footer line when asked. */
  label?: AiLabel;
  /** Word comments: each on the body paragraph holding `sentence` (导出Word（附出处）). */
  notes?: Array<{ sentence: string; note: string }>;
  /** The comments' date (the injected clock; docx would take the wall clock). */
  notesDate?: Date;
}

/**
 * Fonts. A run names one font per script (w:rFonts eastAsia for Chinese, ascii/hAnsi
 * for digits and Latin); it cannot list a fallback chain. Word falls back through the
 * font table instead: when the named font is not installed it tries the entry's
 * w:altName, then matches by charset/family/pitch. So styles name the official
 * GB fonts and word/fontTable.xml gives each the common Windows substitute
 * (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体), which is what
 * WPS-produced 公文 files do as well.
 */
const FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体', family: 'roman', pitch: 'variable' },
  body: { name: '仿宋_GB2312', alt: '仿宋', family: 'modern', pitch: 'fixed' },
  level1: { name: '黑体', alt: 'SimHei', family: 'modern', pitch: 'fixed' },
  level2: { name: '楷体_GB2312', alt: '楷体', family: 'modern', pitch: 'fixed' },
  pageNumber: { name: '宋体', alt: 'SimSun', family: 'auto', pitch: 'variable' },
} as const;
/** Digits and Latin letters in 公文 are set in Times New Roman. */
const LATIN_FONT = 'Times New Roman';

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZES = { title: 44, body: 32, pageNumber: 28 } as const;
/** Exact line height 28 pt in twips. */
const LINE_TWIPS = 560;
/** One character of 三号 (16 pt) and of 四号 (14 pt), in twips. */
const BODY_CHAR_TWIPS = 320;
const PAGE_NUMBER_CHAR_TWIPS = 280;
const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/**
 * The page number's dash line sits 7 mm below the type area (GB/T 9704 §7.5): the footer's
 * baseline distance from the page edge is the bottom margin less 7 mm less one 四号 line.
 */
const FOOTER_MM = MARGINS_MM.bottom - 7 - 5;

type FontKey = keyof typeof FONTS;

/** Style ids (stable, ASCII) and the names the writer sees in Word's style gallery. */
export const STYLES = {
  body: { id: 'GwBody', name: '公文正文' },
  title: { id: 'GwTitle', name: '公文标题' },
  heading1: { id: 'GwHeading1', name: '一级标题' },
  heading2: { id: 'GwHeading2', name: '二级标题' },
  heading3: { id: 'GwHeading3', name: '三级标题' },
  signOff: { id: 'GwSignOff', name: '落款' },
  pageOdd: { id: 'GwPageOdd', name: '页码（单页）' },
  pageEven: { id: 'GwPageEven', name: '页码（双页）' },
  bodyChar: { id: 'GwBodyChar', name: '正文文字' },
} as const;

// Rounded, not floored (docx's helper floors): A4 is 11906 × 16838 twips.
const mm = (v: number) => Math.round((v * 1440) / 25.4);

const fontOf = (font: FontKey) => ({ eastAsia: FONTS[font].name, ascii: LATIN_FONT, hAnsi: LATIN_FONT, hint: 'eastAsia' as const });
const runStyle = (font: FontKey, size: number = SIZES.body): IRunStylePropertiesOptions => ({ font: fontOf(font), size });

const spacing = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
// Two characters of 三号: firstLineChars for Word, the twip value for other readers.
const indent = { firstLineChars: 200, firstLine: 2 * BODY_CHAR_TWIPS };

/** The document's styles, all built from the GB/T 9704 values above. */
function paragraphStyles(): IParagraphStyleOptions[] {
  const heading = (key: 'heading1' | 'heading2' | 'heading3', font: FontKey, outlineLevel: number): IParagraphStyleOptions => ({
    ...STYLES[key],
    basedOn: STYLES.body.id,
    next: STYLES.body.id,
    quickFormat: true,
    run: runStyle(font),
    // outlineLevel 0 is Word's "1级": the navigation pane and a TOC list the paragraph at that depth.
    paragraph: { outlineLevel, keepNext: true, keepLines: true },
  });
  const pageNumber = (key: 'pageOdd' | 'pageEven', side: 'left' | 'right'): IParagraphStyleOptions => ({
    ...STYLES[key],
    quickFormat: false,
    run: runStyle('pageNumber', SIZES.pageNumber),
    paragraph: {
      alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      // 单页码居右空一字，双页码居左空一字.
      indent: side === 'right' ? { right: PAGE_NUMBER_CHAR_TWIPS } : { left: PAGE_NUMBER_CHAR_TWIPS },
    },
  });
  return [
    {
      ...STYLES.body,
      basedOn: 'Normal',
      next: STYLES.body.id,
      quickFormat: true,
      run: runStyle('body'),
      paragraph: { spacing, indent, alignment: AlignmentType.BOTH },
    },
    {
      ...STYLES.title,
      basedOn: STYLES.body.id,
      next: STYLES.body.id,
      quickFormat: true,
      run: runStyle('title', SIZES.title),
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLineChars: 0, firstLine: 0 }, keepNext: true, keepLines: true },
    },
    heading('heading1', 'level1', 0),
    heading('heading2', 'level2', 1),
    heading('heading3', 'body', 2),
    {
      ...STYLES.signOff,
      basedOn: STYLES.body.id,
      next: STYLES.body.id,
      quickFormat: true,
      // 成文日期右空四字; the unit sits above it.
      paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLineChars: 0, firstLine: 0, right: 4 * BODY_CHAR_TWIPS }, keepLines: true },
    },
    pageNumber('pageOdd', 'right'),
    pageNumber('pageEven', 'left'),
  ];
}

function fontTableXml(): string {
  const entries = [...Object.values(FONTS), { name: LATIN_FONT, alt: '', family: 'roman', pitch: 'variable' }]
    .map((f) => {
      const charset = f.name === LATIN_FONT ? '00' : '86';
      return `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}<w:charset w:val="${charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${entries}</w:fonts>`;
}

const HEADING_STYLE = { 1: STYLES.heading1.id, 2: STYLES.heading2.id, 3: STYLES.heading3.id } as const;

/** One body line → a paragraph in the style of its level; run-in text after a heading sentence keeps the body font. */
function bodyParagraph(line: string, keepNext = false, ids: readonly number[] = []): Paragraph {
  const h = parseHeading(line);
  const text = line.trim();
  if (isAddresseeLine(text)) {
    // A 主送机关 line is flush left.
    return new Paragraph({ style: STYLES.body.id, children: commented([new TextRun(text)], ids), indent: { firstLineChars: 0, firstLine: 0 }, keepNext });
  }
  if (h && h.level <= 3) {
    const style = HEADING_STYLE[h.level as 1 | 2 | 3];
    // "（一）标题。正文……": the heading sentence takes the style's font, the rest the body's (a character
    // style, so restyling 二级标题 changes the heading sentences only). A paragraph is not kept with the next.
    const m = /^(.*?[。：:])(.+)$/.exec(text);
    if (m && m[2]!.length > 0 && m[1]!.length <= 40) {
      return new Paragraph({ style, children: commented([new TextRun(m[1]!), new TextRun({ text: m[2]!, style: STYLES.bodyChar.id })], ids), keepNext, keepLines: false });
    }
    // A long level-3 line is a paragraph that starts with a number: body text, not a heading.
    if (h.level === 3 && text.length > 40) return new Paragraph({ style: STYLES.body.id, children: commented([new TextRun(text)], ids), keepNext });
    return new Paragraph({ style, children: commented([new TextRun(text)], ids) });
  }
  return new Paragraph({ style: STYLES.body.id, children: commented([new TextRun(text)], ids), keepNext });
}

function pageFooter(side: 'left' | 'right', label?: string): Footer {
  const number = new Paragraph({
    style: side === 'right' ? STYLES.pageOdd.id : STYLES.pageEven.id,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
  });
  // The explicit label sits under the page number, small, so the 公文 layout above it is unchanged.
  const line = label ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: label, size: 18 })] })] : [];
  return new Footer({ children: [number, ...line] });
}

/** A paragraph's runs inside the ranges of its comments, each range closed by its reference mark. */
function commented(runs: TextRun[], ids: readonly number[]): ParagraphChild[] {
  if (!ids.length) return runs;
  return [...ids.map((id) => new CommentRangeStart(id)), ...runs, ...ids.map((id) => new CommentRangeEnd(id)), ...ids.map((id) => new TextRun({ children: [new CommentReference(id)] }))];
}

/** Render the report as a .docx Buffer. */
export async function renderDocx(input: DocxInput): Promise<Buffer> {
  const lines = input.body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // The body may carry its own title and sign-off (assembled drafts do); keep one of each.
  if (lines[0] === input.title.trim()) lines.shift();
  if (input.date && lines[lines.length - 1] === input.date) lines.pop();
  if (input.unit && lines[lines.length - 1] === input.unit) lines.pop();

  const signed = Boolean(input.unit || input.date);
  // Each note on the first body line holding its sentence (compared without spaces), ids in order.
  const flat = lines.map((l) => l.replace(/\s+/g, ''));
  const commentIds: number[][] = lines.map(() => []);
  const comments: Array<{ id: number; note: string }> = [];
  for (const n of input.notes ?? []) {
    const at = flat.findIndex((l) => l.includes(n.sentence.replace(/\s+/g, '')));
    if (at < 0) continue;
    commentIds[at]!.push(comments.length);
    comments.push({ id: comments.length, note: n.note });
  }
  // A long title breaks between words only (GB/T 9704: 梯形或菱形), one line break per cut.
  const titleRuns = breakTitle(input.title).map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : 0 }));
  const children: Paragraph[] = [
    new Paragraph({ style: STYLES.title.id, children: titleRuns }),
    new Paragraph({ style: STYLES.body.id, children: [] }),
    // The last body paragraph keeps with the sign-off, so the signature never stands alone on a page.
    ...lines.map((l, i) => bodyParagraph(l, signed && i === lines.length - 1, commentIds[i])),
  ];
  if (signed) {
    children.push(new Paragraph({ style: STYLES.body.id, children: [], keepNext: true }));
    const sign = [input.unit, input.date].filter((l): l is string => Boolean(l));
    sign.forEach((l, i) => children.push(new Paragraph({ style: STYLES.signOff.id, children: [new TextRun(l)], keepNext: i < sign.length - 1 })));
  }

  const doc = new Document({
    creator: '笔杆子',
    title: input.title,
    ...(input.label ? { customProperties: labelProperties(input.label) } : {}),
    // Odd and even pages carry different footers: the number sits right on odd pages, left on even ones.
    evenAndOddHeaderAndFooters: true,
    ...(comments.length ? { comments: { children: comments.map((c) => ({ id: c.id, author: '笔杆子', initials: '笔', ...(input.notesDate ? { date: input.notesDate } : {}), children: c.note.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) })) } } : {}),
    styles: {
      default: { document: { run: runStyle('body'), paragraph: { spacing } } },
      paragraphStyles: paragraphStyles(),
      characterStyles: [{ ...STYLES.bodyChar, quickFormat: false, run: runStyle('body') }],
    },
    sections: [{
      properties: {
        page: {
          size: { width: mm(210), height: mm(297) },
          margin: {
            top: mm(MARGINS_MM.top),
            bottom: mm(MARGINS_MM.bottom),
            left: mm(MARGINS_MM.left),
            right: mm(MARGINS_MM.right),
            footer: mm(FOOTER_MM),
          },
        },
      },
      footers: { default: pageFooter('right', input.label?.footer ? FOOTER_LABEL : undefined), even: pageFooter('left', input.label?.footer ? FOOTER_LABEL : undefined) },
      children,
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
