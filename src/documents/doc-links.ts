// Reading Feishu cloud-document links out of a message's text (the link's type is the port's, core/documents.ts).
import type { DocLink } from '../core/documents.js';

const OTHER_LABELS: Record<string, string> = { sheets: '电子表格', base: '多维表格', bitable: '多维表格', docs: '旧版文档', doc: '旧版文档', mindnotes: '思维笔记', slides: '幻灯片', file: '云盘文件', drive: '云盘文件夹' };

/** feishu.cn / larksuite.com / larkoffice.com (and tenant subdomains) document paths. */
const LINK = /https?:\/\/[A-Za-z0-9.-]*(?:feishu\.cn|larksuite\.com|larkoffice\.com|feishu-pre\.cn)\/(docx|wiki|sheets|base|bitable|docs|doc|mindnotes|slides|file)\/([A-Za-z0-9]{8,})/;

/** The first cloud-document link in `text`, if any. */
export function findDocLink(text: string): DocLink | undefined {
  const m = LINK.exec(text);
  if (!m) return undefined;
  const type = m[1]!;
  if (type === 'docx' || type === 'wiki') return { kind: type, token: m[2]!, url: m[0] };
  const rest = text.slice(m.index + m[0].length).split(/[\s，。]/, 1)[0]!;
  const table = /[?&](?:table|sheet)=([A-Za-z0-9]+)/.exec(rest)?.[1];
  if (type === 'sheets') return { kind: 'sheet', token: m[2]!, url: m[0], ...(table ? { table } : {}) };
  if (type === 'base' || type === 'bitable') return { kind: 'bitable', token: m[2]!, url: m[0], ...(table ? { table } : {}) };
  return { kind: 'other', token: m[2]!, url: m[0], label: OTHER_LABELS[type] ?? '这种文档' };
}

/** The words around a link: what the writer wants done with it. */
export function withoutLink(text: string, link: DocLink): string {
  return text.replace(new RegExp(`${link.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s，。]*`), ' ').replace(/\s+/g, ' ').trim();
}
