import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { docxCommand } from '../../../src/cli/docx.js';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/export/docx.js';
import { readWordPackage, type ParaInfo } from '../../support/wordml.js';
import { breakTitle, isAddresseeLine, splitSignOff } from '../../../src/report/layout.js';

/** Paragraphs with their raw XML and the properties they end up with (styles resolved). */
async function paragraphs(buf: Buffer): Promise<Array<ParaInfo & { xml: string }>> {
  const doc = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  const xml = [...doc.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  return (await readWordPackage(buf)).paragraphs.map((p, i) => ({ ...p, xml: xml[i]! }));
}

describe('layout of a plain-text report', () => {
  it('breaks a long title only between words, never inside 意识形态 or 责任制', () => {
    const t = '中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告';
    const lines = breakTitle(t);
    expect(lines.join('')).toBe(t);
    expect(lines.length).toBe(2);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    for (let i = 1; i < lines.length; i++) {
      const joint = lines[i - 1]!.slice(-2) + lines[i]!.slice(0, 2);
      expect(/意识形态|责任制|党组|年度/.test(joint) && !lines[i - 1]!.endsWith('党组')).toBe(false);
    }
    expect(breakTitle('2025年度抓意识形态工作述职报告')).toEqual(['2025年度抓意识形态工作述职报告']);
  });

  it('finds the sign-off: signer and date lines at the end', () => {
    expect(splitSignOff(['正文。', '', '中共县委宣传部', '2025年7月3日'])).toEqual({ body: ['正文。'], unit: '中共县委宣传部', date: '2025年7月3日' });
    expect(splitSignOff(['正文。', '【待补充：成文日期】'])).toEqual({ body: ['正文。'], date: '【待补充：成文日期】' });
    expect(splitSignOff(['正文。', '下一步将继续推进。'])).toEqual({ body: ['正文。', '下一步将继续推进。'] });
  });

  it('sets 主送机关 lines flush left', () => {
    expect(isAddresseeLine('县委：')).toBe(true);
    expect(isAddresseeLine('一是加强学习：')).toBe(true);
    expect(isAddresseeLine('现将有关情况报告如下：今年以来')).toBe(false);
  });

  it('Word: title lines broken, addressee flush left, body indented, sign-off right-aligned and kept with the last paragraph', async () => {
    const buf = await renderDocx({ title: '中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告', body: '县委：\n今年以来，局党组认真落实责任制。\n一、工作开展情况\n一是加强学习。', unit: '中共市交通运输局党组', date: '2025年7月3日' });
    const ps = await paragraphs(buf);
    expect(ps[0]!.xml).toContain('<w:br/>');
    const addressee = ps.find((p) => p.text === '县委：')!;
    expect(addressee.props).toMatchObject({ firstLine: 0, firstLineChars: 0 });
    expect(ps.find((p) => p.text.startsWith('今年以来'))!.props).toMatchObject({ firstLineChars: 200 });
    const last = ps.find((p) => p.text === '一是加强学习。')!;
    expect(last.props.keepNext).toBe(true);
    const unit = ps.find((p) => p.text === '中共市交通运输局党组')!;
    expect(unit.props).toMatchObject({ jc: 'right', keepNext: true });
  });

  it('bigan docx lays the sign-off of a plain-text report out as the bot’s export does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bigan-layout-'));
    const input = join(dir, 'r.txt');
    writeFileSync(input, '中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告\n\n市委：\n今年以来，局党组认真落实意识形态工作责任制。\n一、工作开展情况\n一是加强学习。\n\n中共市交通运输局党组\n2025年7月3日\n');
    let err = '';
    const code = await docxCommand.run([input], { stdout: () => {}, stderr: (x) => (err += x), readStdin: () => Promise.resolve('') });
    expect(err).toBe('');
    expect(code).toBe(0);
    const ps = await paragraphs(readFileSync(join(dir, 'r.docx')));
    expect(ps[0]!.xml).toContain('<w:br/>');
    expect(ps.find((p) => p.text === '市委：')!.props.firstLineChars).toBe(0);
    expect(ps.find((p) => p.text === '一是加强学习。')!.props.keepNext).toBe(true);
    for (const t of ['中共市交通运输局党组', '2025年7月3日']) expect(ps.find((p) => p.text === t)!.props.jc).toBe('right');
  });
});
