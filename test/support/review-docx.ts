/** The review fixtures (saved by LibreOffice, see test/fixtures/review/make-fixtures.sh) and part-level helpers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { messageEvent } from './events.js';
import type { Harness } from './harness.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'review');
export const fixture = (name: string): Buffer => readFileSync(join(DIR, name));

export async function partText(data: Buffer, path: string): Promise<string> {
  return (await JSZip.loadAsync(data)).file(path)!.async('string');
}

/** A copy with one part changed through a DOM edit. */
export async function editPart(data: Buffer, path: string, edit: (doc: globalThis.Document) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const doc = new DOMParser().parseFromString(await zip.file(path)!.async('string'), 'application/xml');
  edit(doc);
  zip.file(path, new XMLSerializer().serializeToString(doc));
  return zip.generateAsync({ type: 'nodebuffer' });
}

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const elements = (doc: globalThis.Document | globalThis.Element, local: string, ns = W): globalThis.Element[] => {
  const nl = doc.getElementsByTagNameNS(ns, local);
  return Array.from({ length: nl.length }, (_, i) => nl.item(i)!);
};

/** The decisions a model would return for the seven comments of leader-review.docx, one per kind. */
export const MODEL_DECISIONS = (at: (quoted: string) => { start: number; end: number }) => [
  { commentId: '0', edits: [{ ...shift(at('增强“四种意识”'), 3, 7), text: '四个意识' }], reply: { kind: 'revised' as const, what: '“四种意识”改为“四个意识”' } },
  { commentId: '1', rewrite: { text: '（二）' }, reply: { kind: 'revised' as const, what: '序号改为“（二）”' } },
  { commentId: '2', reply: { kind: 'ask' as const, need: '“三单”的具体所指（例如：责任清单、问题清单、整改清单）' } },
  { commentId: '3', rewrite: { text: '组织中心组专题学习【待补充：次数】次' }, reply: { kind: 'ask' as const, need: '上半年中心组专题学习的次数' } },
  { commentId: '4', rewrite: { text: '干部职工学习热情高涨，形成了比学赶超的良好氛围。' }, reply: { kind: 'revised' as const, what: '口语改为书面表述' } },
  { commentId: '5', rewrite: { text: '一是理论学习不够深入，学用结合不紧。二是阵地管理有薄弱环节，新媒体账号审核把关不严。', scope: 'paragraph' as const }, reply: { kind: 'revised' as const, what: '压缩为两句' } },
  { commentId: '6', rewrite: { text: '' }, reply: { kind: 'revised' as const, what: '删去该句' } },
];

function shift(r: { start: number; end: number }, from: number, to: number) {
  return { start: r.start + from, end: r.start + to };
}

/** A private (or group) file message whose file the fake Open API holds. */
export function fileMessage(x: Harness, name: string, data: Buffer, o: Parameters<typeof messageEvent>[2] = {}): Record<string, unknown> {
  const ev = messageEvent('file', { file_key: 'placeholder', file_name: name }, o);
  const msg = (ev.event as { message: { message_id: string; content: string } }).message;
  const key = x.feishu.addUserFile(msg.message_id, name, data);
  msg.content = JSON.stringify({ file_key: key, file_name: name });
  return ev;
}

/** A photo message whose bytes the fake Open API serves under its image key. */
export function photoMessage(x: Harness, data: Buffer, o: Parameters<typeof messageEvent>[2] = {}): Record<string, unknown> {
  const ev = messageEvent('image', { image_key: 'placeholder' }, o);
  const msg = (ev.event as { message: { message_id: string; content: string } }).message;
  const key = x.feishu.addUserFile(msg.message_id, 'photo.jpg', data);
  msg.content = JSON.stringify({ image_key: key });
  return ev;
}
