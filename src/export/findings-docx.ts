/**
 * The complete list of a critique's findings as a Word file: what the card has no room for.
 * One table row per finding in text order (place, severity, category, what is wrong, the text
 * with the hit marked 〖〗, what to do), on landscape A4 with the header row repeated per page.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { categorySummary, findingRows, severitySummary } from '../report/critique/format.js';
import type { Finding } from '../report/critique/types.js';
import { labelProperties, type AiLabel } from './ai-label.js';

export interface FindingsListInput {
  /** What was critiqued, as the card names it: “报告.pdf” or 粘贴的文字. */
  source: string;
  /** The critiqued text the findings' offsets point into (their lines are counted in it). */
  text: string;
  findings: readonly Finding[];
  /** When the list was made (the injected clock). */
  now: Date;
  timezone?: string;
  /** The implicit label: the list is the bot's output (rule findings), marked like every file it makes. */
  label?: AiLabel;
}

/** 五号 (10.5 pt) 宋体: the usual size for a working table. */
const SIZE = 21;
const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' as const };
const COLUMNS: ReadonlyArray<{ title: string; pct: number }> = [
  { title: '序号', pct: 5 },
  { title: '位置', pct: 9 },
  { title: '级别', pct: 6 },
  { title: '类别', pct: 8 },
  { title: '问题', pct: 25 },
  { title: '原文（〖〗内为问题所在）', pct: 27 },
  { title: '修改建议', pct: 20 },
];

const cell = (text: string, pct: number, bold = false) =>
  new TableCell({ width: { size: pct, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

function dateLabel(now: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}年${Number(get('month'))}月${Number(get('day'))}日`;
}

export async function renderFindingsDocx(input: FindingsListInput): Promise<Buffer> {
  const rows = findingRows(input.findings, input.text);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: COLUMNS.map((c) => cell(c.title, c.pct, true)) });
  const body = rows.map((r) => new TableRow({
    cantSplit: true,
    children: [String(r.n), `第${r.line}行第${r.col}列`, r.severity, r.category, r.message, r.context, r.action].map((t, i) => cell(t, COLUMNS[i]!.pct)),
  }));
  const para = (text: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) =>
    new Paragraph({ ...(opts.center ? { alignment: AlignmentType.CENTER } : {}), spacing: { after: 120 }, children: [new TextRun({ text, bold: opts.bold ?? false, ...(opts.size ? { size: opts.size } : {}) })] });
  const doc = new Document({
    creator: '笔杆子',
    title: `审校意见清单：${input.source}`,
    ...(input.label ? { customProperties: labelProperties(input.label) } : {}),
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 16838, height: 11906 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
      children: [
        para('审校意见清单', { bold: true, size: 32, center: true }),
        para(`审阅对象：${input.source}（共${input.text.length}字）\u3000生成：笔杆子，${dateLabel(input.now, input.timezone ?? 'Asia/Shanghai')}`),
        para(`审校结果：${severitySummary(input.findings)}`),
        para(`按类别：${categorySummary(input.findings).join('；')}`),
        para('位置按所审文字的行和列计（第几行第几列）；〖〗内是有问题的文字；“修改建议”给出可以直接替换的写法，或应当如何修改。规则检查难免误报，请逐条判断。'),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
