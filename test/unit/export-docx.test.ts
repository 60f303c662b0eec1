import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/export/docx.js';
import { assembleDraft } from '../../src/report/draft.js';
import { getGenre } from '../../src/report/genres.js';
import { buildOfflineOutline } from '../../src/report/outline.js';
import { parseRequest } from '../../src/report/request.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告。中心组开展专题学习6次。', NOW);
const outline = buildOfflineOutline(req, getGenre('unit-report'), NOW);
const body = assembleDraft(outline, { sections: { 'p1.s1': '一是压实责任。二是健全机制。', 'p1.s2': '1.落实“第一议题”制度\n（1）中心组开展专题学习6次' } }, { unit: '中共市交通运输局党组', date: '2025年7月3日' });

interface Para { text: string; xml: string }

/** Paragraphs of document.xml with their text, read back from the package. */
async function readDocx(buf: Buffer): Promise<{ doc: string; fonts: string; paras: Para[] }> {
  const zip = await JSZip.loadAsync(buf);
  const doc = await zip.file('word/document.xml')!.async('string');
  const fonts = await zip.file('word/fontTable.xml')!.async('string');
  const paras = [...doc.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
  return { doc, fonts, paras };
}

const para = (paras: Para[], text: string) => {
  const p = paras.find((x) => x.text === text || x.text.startsWith(text));
  if (!p) throw new Error(`paragraph not found: ${text}`);
  return p.xml;
};

describe('renderDocx', () => {
  it('lays out the report per GB/T 9704 and keeps every heading', async () => {
    const buf = await renderDocx({ title: outline.title, body, unit: '中共市交通运输局党组', date: '2025年7月3日' });
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const { doc, fonts, paras } = await readDocx(buf);

    // A4 with 37/35/28/26 mm margins (twips: mm × 1440 / 25.4).
    expect(doc).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"|<w:pgSz[^>]*w:h="16838"[^>]*w:w="11906"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1984"');
    expect(margin).toContain('w:left="1587"');
    expect(margin).toContain('w:right="1474"');

    // Title: 二号 (22 pt = 44 half-points) 方正小标宋简体, centred.
    const title = para(paras, outline.title);
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');

    // Level-1 heading 黑体, level-2 楷体_GB2312, body 仿宋_GB2312, all 三号 (32 half-points).
    const l1 = para(paras, '一、工作开展情况及主要做法');
    expect(l1).toContain('w:eastAsia="黑体"');
    expect(l1).toContain('<w:sz w:val="32"/>');
    const l2 = para(paras, '（二）强化理论武装，筑牢思想根基');
    expect(l2).toContain('w:eastAsia="楷体_GB2312"');
    const bodyPara = para(paras, '一是压实责任。');
    expect(bodyPara).toContain('w:eastAsia="仿宋_GB2312"');
    expect(bodyPara).toContain('<w:sz w:val="32"/>');
    expect(para(paras, '1.落实“第一议题”制度')).toContain('w:eastAsia="仿宋_GB2312"');

    // Exact 28 pt lines and a two-character first-line indent on body paragraphs.
    for (const xml of [l1, l2, bodyPara]) {
      expect(xml).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"|<w:spacing [^>]*w:lineRule="exact"[^>]*w:line="560"/);
      expect(xml).toContain('w:firstLineChars="200"');
    }

    // Fallbacks for machines without the GB fonts.
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');

    // Every heading survived, the title only once, sign-off right-aligned at the end.
    const texts = paras.map((p) => p.text);
    for (const [i, p] of outline.parts.entries()) {
      expect(texts).toContain(`${'一二三'[i]}、${p.heading}`);
      p.sections.forEach((s, j) => expect(texts).toContain(`（${'一二三四五六'[j]}）${s.heading}`));
    }
    expect(texts.filter((t) => t === outline.title)).toHaveLength(1);
    expect(texts.slice(-2)).toEqual(['中共市交通运输局党组', '2025年7月3日']);
    expect(para(paras, '2025年7月3日')).toContain('<w:jc w:val="right"/>');
    expect(texts.filter((t) => t === '2025年7月3日')).toHaveLength(1);
  });

  it('sets run-in heading sentences in the heading font and the rest in the body font', async () => {
    const buf = await renderDocx({ title: '测试', body: '（一）压实主体责任，健全领导体制。一是压实责任。' });
    const { paras } = await readDocx(buf);
    const xml = para(paras, '（一）压实主体责任');
    const runs = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toContain('楷体_GB2312');
    expect(runs[0]).toContain('（一）压实主体责任，健全领导体制。');
    expect(runs[1]).toContain('仿宋_GB2312');
  });
});
