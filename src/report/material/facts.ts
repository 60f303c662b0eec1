/**
 * The one fact model every kind of material maps to (issue 23): a 台账 row from a file, a
 * 飞书电子表格 or 多维表格, an OCR line the writer confirmed, a forwarded message, the
 * writer's own words, or the dated formulations table. Each fact keeps its address.
 */

export type FactOrigin = 'file' | 'sheet' | 'bitable' | 'ocr' | 'message' | 'ledger' | 'words' | 'formulation';

export interface FactAddress {
  origin: FactOrigin;
  /** File name, sheet or bitable title, image name, or “你的原话”. */
  source: string;
  /** Worksheet (file or 飞书电子表格) or bitable table name. */
  sheet?: string;
  /** A scanned PDF's page (1-based); `row` is then the line on that page. */
  page?: number;
  /** 1-based row as the writer sees it in the program (header rows counted). */
  row?: number;
  /** A bitable record id or a 记一笔 entry id. */
  record?: string;
  /** ISO time of a message or 记一笔 entry. */
  time?: string;
  /** For the formulations table: the table entry's own source. */
  note?: string;
}

export interface SourcedFact {
  /** One line, as the prompt and the provenance list show it. */
  text: string;
  address: FactAddress;
  /** ISO date (YYYY-MM-DD or YYYY-MM) of the event the fact records, when it says. */
  date?: string;
  /** Header → value, for facts read from a table. */
  cells?: Record<string, string>;
}

/** “台账.xlsx”·学习记录·第5行 / 《舆情台账》·舆情记录·第2行 / 扫描件“台账.pdf”识别结果·第2页·第3行 / 你的原话. */
export function addressLabel(a: FactAddress): string {
  const parts: string[] = [];
  switch (a.origin) {
    case 'words':
      return '你的原话';
    case 'formulation':
      return `表述库${a.note ? `（${a.note}）` : ''}`;
    case 'sheet':
      parts.push(`飞书电子表格“${a.source}”`);
      break;
    case 'bitable':
      // 《2026年意识形态台账》·学习记录·第2行: the base by its title, as the writer finds it in Feishu.
      parts.push(`《${a.source}》`);
      break;
    case 'ocr':
      parts.push(a.page !== undefined ? `扫描件“${a.source}”识别结果` : `图片“${a.source}”识别结果`);
      break;
    case 'message':
      parts.push(`转发消息${a.time ? `（${a.time.slice(0, 16).replace('T', ' ')}）` : ''}`);
      break;
    case 'ledger':
      parts.push(`本单位台账${a.time ? `（${a.time.slice(0, 10)}记）` : ''}`);
      break;
    default:
      parts.push(`“${a.source}”`);
  }
  if (a.sheet) parts.push(a.sheet);
  if (a.page !== undefined) parts.push(`第${a.page}页`);
  if (a.row !== undefined) parts.push(`第${a.row}行`);
  if (a.record && a.origin === 'bitable' && a.row === undefined) parts.push(`记录${a.record}`);
  return parts.join('·');
}

/** A fact line with its address, as the drafting prompt lists it. */
export const factLine = (f: SourcedFact): string => `${f.text}（出处：${addressLabel(f.address)}）`;
