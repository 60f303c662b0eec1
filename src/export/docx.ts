/**
 * Word export laid out per GB/T 9704-2012: A4, margins 37/35/28/26 mm, title 二号
 * 方正小标宋简体 centred, body 三号 仿宋_GB2312, level-1 headings 黑体, level-2 楷体_GB2312,
 * exact 28 pt line spacing, first-line indent of two characters, page numbers "— 1 —".
 */
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { parseHeading } from '../report/headings.js';
import { breakTitle, isAddresseeLine } from '../report/layout.js';

export interface DocxInput {
  title: string;
  /** Draft text; headings 一、（一）1.（1） on their own lines or run into the paragraph. */
  body: string;
  /** Sign-off unit (right-aligned under the body). */
  unit?: string;
  /** Sign-off date: 2026年7月10日. */
  date?: string;
}

/**
 * Fonts. A run names one font per script (w:rFonts eastAsia for Chinese, ascii/hAnsi
 * for digits and Latin); it cannot list a fallback chain. Word falls back through the
 * font table instead: when the named font is not installed it tries the entry's
 * w:altName, then matches by charset/family/pitch. So runs name the official
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
const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

type FontKey = keyof typeof FONTS;

// Rounded, not floored (docx's helper floors): A4 is 11906 × 16838 twips.
const mm = (v: number) => Math.round((v * 1440) / 25.4);

const run = (text: string, font: FontKey, size: number = SIZES.body) =>
  new TextRun({ text, size, font: { eastAsia: FONTS[font].name, ascii: LATIN_FONT, hAnsi: LATIN_FONT, hint: 'eastAsia' } });

const spacing = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
// Two characters of 三号: firstLineChars for Word, the twip value for other readers.
const indent = { firstLineChars: 200, firstLine: 640 };

function fontTableXml(): string {
  const entries = [...Object.values(FONTS), { name: LATIN_FONT, alt: '', family: 'roman', pitch: 'variable' }]
    .map((f) => {
      const charset = f.name === LATIN_FONT ? '00' : '86';
      return `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}<w:charset w:val="${charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${entries}</w:fonts>`;
}

/** One body line → a paragraph with the heading font for its level; run-in heading text keeps the body font. */
function bodyParagraph(line: string, keepNext = false): Paragraph {
  const h = parseHeading(line);
  const text = line.trim();
  if (isAddresseeLine(text)) return new Paragraph({ children: [run(text, 'body')], spacing, keepNext });
  if (h && (h.level === 1 || h.level === 2)) {
    const font: FontKey = h.level === 1 ? 'level1' : 'level2';
    // "（一）标题。正文……": only the heading sentence takes the heading font.
    const m = /^(.*?[。：:])(.+)$/.exec(text);
    const children = m && m[2]!.length > 0 && m[1]!.length <= 40 ? [run(m[1]!, font), run(m[2]!, 'body')] : [run(text, font)];
    return new Paragraph({ children, spacing, indent, keepNext: true });
  }
  return new Paragraph({ children: [run(text, 'body')], spacing, indent, alignment: AlignmentType.BOTH, keepNext });
}

/** Render the report as a .docx Buffer. */
export async function renderDocx(input: DocxInput): Promise<Buffer> {
  const lines = input.body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // The body may carry its own title and sign-off (assembled drafts do); keep one of each.
  if (lines[0] === input.title.trim()) lines.shift();
  if (input.date && lines[lines.length - 1] === input.date) lines.pop();
  if (input.unit && lines[lines.length - 1] === input.unit) lines.pop();

  const signed = Boolean(input.unit || input.date);
  // A long title breaks between words only (GB/T 9704: 梯形或菱形), one line break per cut.
  const titleRuns = breakTitle(input.title).map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : 0, size: SIZES.title, font: { eastAsia: FONTS.title.name, ascii: LATIN_FONT, hAnsi: LATIN_FONT, hint: 'eastAsia' } }));
  const children: Paragraph[] = [
    new Paragraph({ children: titleRuns, alignment: AlignmentType.CENTER, spacing }),
    new Paragraph({ children: [], spacing }),
    // The last body paragraph keeps with the sign-off, so the signature never stands alone on a page.
    ...lines.map((l, i) => bodyParagraph(l, signed && i === lines.length - 1)),
  ];
  if (signed) {
    children.push(new Paragraph({ children: [], spacing, keepNext: true }));
    // 成文日期右空四字; the unit sits above it.
    const sign = [input.unit, input.date].filter((l): l is string => Boolean(l));
    sign.forEach((l, i) => children.push(new Paragraph({ children: [run(l, 'body')], alignment: AlignmentType.RIGHT, spacing, indent: { right: 1280 }, keepNext: i < sign.length - 1, keepLines: true })));
  }

  const doc = new Document({
    creator: '笔杆子',
    title: input.title,
    sections: [{
      properties: {
        page: {
          size: { width: mm(210), height: mm(297) },
          margin: {
            top: mm(MARGINS_MM.top),
            bottom: mm(MARGINS_MM.bottom),
            left: mm(MARGINS_MM.left),
            right: mm(MARGINS_MM.right),
          },
        },
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZES.pageNumber, font: { eastAsia: FONTS.pageNumber.name, ascii: LATIN_FONT, hAnsi: LATIN_FONT } })],
          })],
        }),
      },
      children,
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
