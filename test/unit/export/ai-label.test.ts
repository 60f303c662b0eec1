import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { renderDocx } from '../../../src/export/docx.js';
import { renderFindingsDocx } from '../../../src/export/findings-docx.js';
import { contentIdFor, FOOTER_LABEL } from '../../../src/export/ai-label.js';

const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';

/** docProps/custom.xml as name → value, read with a real XML parser; also checks the part is registered. */
async function customProps(data: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  expect(types).toContain('/docProps/custom.xml');
  const rels = new DOMParser().parseFromString(await zip.file('_rels/.rels')!.async('string'), 'text/xml');
  const targets = Array.from(rels.getElementsByTagName('Relationship')).map((r) => r.getAttribute('Target'));
  expect(targets.some((t) => t?.endsWith('docProps/custom.xml'))).toBe(true);
  const xml = new DOMParser().parseFromString(await zip.file('docProps/custom.xml')!.async('string'), 'text/xml');
  const out: Record<string, string> = {};
  for (const p of Array.from(xml.getElementsByTagNameNS(CUSTOM_NS, 'property'))) {
    const v = p.getElementsByTagNameNS(VT_NS, 'lpwstr')[0];
    out[p.getAttribute('name')!] = v?.textContent ?? '';
  }
  return out;
}

async function footerTexts(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  let all = '';
  for (const n of names) {
    const doc = new DOMParser().parseFromString(await zip.file(n)!.async('string'), 'text/xml');
    all += Array.from(doc.getElementsByTagName('w:t')).map((t) => t.textContent).join('');
  }
  return all;
}

const TIME = new Date('2026-07-10T02:00:00Z');

describe('the AI label in exported Word files', () => {
  it('a generated report carries generator, model, time and content id as custom properties', async () => {
    const contentId = contentIdFor('job-1', '标题', '正文');
    const data = await renderDocx({ title: '关于2026年上半年落实意识形态工作责任制情况的报告', body: '一、主要做法\n局党组召开专题会议4次。', label: { generator: '笔杆子', model: 'qwen-plus', time: TIME, contentId } });
    const p = await customProps(data);
    expect(p.AIGeneratedBy).toBe('笔杆子');
    expect(p.AIModel).toBe('qwen-plus');
    expect(p.AIGeneratedAt).toBe('2026-07-10T02:00:00.000Z');
    expect(p.AIContentId).toBe(contentId);
    expect(JSON.parse(p.AIGC!)).toMatchObject({ Label: '1', ContentProducer: '笔杆子', ProduceID: contentId, Model: 'qwen-plus' });
    // Off by default: no visible line.
    expect(await footerTexts(data)).not.toContain(FOOTER_LABEL);
  });

  it('prints the explicit footer label when asked', async () => {
    const data = await renderDocx({ title: '报告', body: '正文。', label: { generator: '笔杆子', model: 'm', time: TIME, contentId: 'c', footer: true } });
    expect(await footerTexts(data)).toContain(FOOTER_LABEL);
  });

  it('the findings list is labelled too', async () => {
    const data = await renderFindingsDocx({ source: '报告.docx', text: '正文', findings: [], now: TIME, label: { generator: '笔杆子', model: '规则审校（未调用模型）', time: TIME, contentId: 'abc' } });
    expect((await customProps(data)).AIContentId).toBe('abc');
  });

  it('the same export gets the same content id', () => {
    expect(contentIdFor('job', 'a', 'b')).toBe(contentIdFor('job', 'a', 'b'));
    expect(contentIdFor('job', 'a', 'b')).not.toBe(contentIdFor('job2', 'a', 'b'));
    expect(contentIdFor('x')).toMatch(/^[0-9a-f]{32}$/);
  });
});
