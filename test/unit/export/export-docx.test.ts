import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx, STYLES } from '../../../src/export/docx.js';
import { assembleDraft } from '../../../src/report/draft.js';
import { getGenre } from '../../../src/report/genres.js';
import { buildOfflineOutline } from '../../../src/report/outline.js';
import { parseRequest } from '../../../src/report/request.js';
import { readWordPackage, wAttr, wChild, wChildren, type ParaInfo } from '../../support/wordml.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告。中心组开展专题学习6次。', NOW);
const outline = buildOfflineOutline(req, getGenre('unit-report'), NOW);
const body = assembleDraft(outline, { sections: { 'p1.s1': '一是压实责任。二是健全机制。', 'p1.s2': '1.落实“第一议题”制度\n（1）中心组开展专题学习6次' } }, { unit: '中共市交通运输局党组', date: '2025年7月3日' });

const para = (paras: ParaInfo[], text: string): ParaInfo => {
  const p = paras.find((x) => x.text === text || x.text.startsWith(text));
  if (!p) throw new Error(`paragraph not found: ${text}`);
  return p;
};

describe('renderDocx', () => {
  it('lays out the report per GB/T 9704 and keeps every heading', async () => {
    const buf = await renderDocx({ title: outline.title, body, unit: '中共市交通运输局党组', date: '2025年7月3日' });
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const pkg = await readWordPackage(buf);
    const { paragraphs: paras, sectPr } = pkg;

    // A4 with 37/35/28/26 mm margins (twips: mm × 1440 / 25.4).
    const size = wChild(sectPr, 'pgSz');
    expect([wAttr(size, 'w'), wAttr(size, 'h')]).toEqual(['11906', '16838']);
    const margin = wChild(sectPr, 'pgMar');
    expect(['top', 'bottom', 'left', 'right'].map((k) => wAttr(margin, k))).toEqual(['2098', '1984', '1587', '1474']);

    // Title: 二号 (22 pt = 44 half-points) 方正小标宋简体, centred.
    const title = para(paras, outline.title);
    expect(title.props).toMatchObject({ eastAsia: '方正小标宋简体', size: 44, jc: 'center' });

    // Level-1 heading 黑体, level-2 楷体_GB2312, body 仿宋_GB2312, all 三号 (32 half-points); digits in Times New Roman.
    const l1 = para(paras, '一、工作开展情况及主要做法');
    expect(l1.props).toMatchObject({ eastAsia: '黑体', size: 32, ascii: 'Times New Roman' });
    const l2 = para(paras, '（二）强化理论武装，筑牢思想根基');
    expect(l2.props).toMatchObject({ eastAsia: '楷体_GB2312', size: 32 });
    const bodyPara = para(paras, '一是压实责任。');
    expect(bodyPara.props).toMatchObject({ eastAsia: '仿宋_GB2312', size: 32, jc: 'both' });
    expect(para(paras, '1.落实“第一议题”制度').props.eastAsia).toBe('仿宋_GB2312');

    // Exact 28 pt lines and a two-character first-line indent on body paragraphs and headings.
    for (const p of [l1, l2, bodyPara]) expect(p.props).toMatchObject({ line: 560, lineRule: 'exact', firstLineChars: 200 });

    // Fallbacks for machines without the GB fonts.
    const fonts = await (await JSZip.loadAsync(buf)).file('word/fontTable.xml')!.async('string');
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
    expect(para(paras, '2025年7月3日').props).toMatchObject({ jc: 'right', right: 1280 });
    expect(texts.filter((t) => t === '2025年7月3日')).toHaveLength(1);
  });

  it('every paragraph takes a named style; headings carry outline levels for the navigation pane', async () => {
    const buf = await renderDocx({ title: outline.title, body, unit: '中共市交通运输局党组', date: '2025年7月3日' });
    const { styles, paragraphs } = await readWordPackage(buf);
    // The styles the writer sees in Word's gallery, each built from the GB/T 9704 values.
    const byName = new Map([...styles.values()].map((s) => [s.name, s]));
    for (const name of ['公文标题', '一级标题', '二级标题', '三级标题', '公文正文', '落款', '页码（单页）', '页码（双页）']) expect(byName.get(name)?.type, name).toBe('paragraph');
    const level = (name: string) => wAttr(wChild(byName.get(name)!.pPr, 'outlineLvl'), 'val');
    expect([level('一级标题'), level('二级标题'), level('三级标题')]).toEqual(['0', '1', '2']);
    expect(level('公文标题')).toBeUndefined();
    expect(level('公文正文')).toBeUndefined();
    // Headings are based on the body style: one change to 公文正文's spacing reaches them all.
    expect(byName.get('一级标题')!.basedOn).toBe(STYLES.body.id);

    // No direct formatting: no run names a font or size, paragraphs at most override keep-with-next or indent.
    for (const p of paragraphs) {
      expect(p.style, p.text).toBeDefined();
      for (const r of p.runs) expect(r.direct.filter((d) => d !== 'rStyle'), `${p.text}: ${r.text}`).toEqual([]);
      expect(p.direct.filter((d) => !['keepNext', 'keepLines', 'ind'].includes(d)), p.text).toEqual([]);
    }
    const styleOf = (text: string) => paragraphs.find((p) => p.text.startsWith(text))!.style;
    expect(styleOf(outline.title)).toBe(STYLES.title.id);
    expect(styleOf('一、工作开展情况及主要做法')).toBe(STYLES.heading1.id);
    expect(styleOf('（二）强化理论武装，筑牢思想根基')).toBe(STYLES.heading2.id);
    expect(styleOf('1.落实“第一议题”制度')).toBe(STYLES.heading3.id);
    expect(styleOf('（1）中心组开展专题学习6次')).toBe(STYLES.body.id);
    expect(styleOf('一是压实责任。')).toBe(STYLES.body.id);
    expect(styleOf('2025年7月3日')).toBe(STYLES.signOff.id);
    // A bare heading keeps with the paragraph after it (from its style).
    expect(paragraphs.find((p) => p.text.startsWith('一、工作'))!.props.keepNext).toBe(true);
  });

  it('page numbers “— 1 —”: odd pages right, even pages left, one character in (even/odd footers)', async () => {
    const { settings, footers, footerFields, styles } = await readWordPackage(await renderDocx({ title: '测试', body: '正文。' }));
    expect(wChildren(settings, 'evenAndOddHeaders')).toHaveLength(1);
    const odd = footers.get('default')!;
    const even = footers.get('even')!;
    expect(odd).toHaveLength(1);
    expect(even).toHaveLength(1);
    expect(odd[0]!.props).toMatchObject({ jc: 'right', right: 280, eastAsia: '宋体', size: 28 });
    expect(even[0]!.props).toMatchObject({ jc: 'left', left: 280, eastAsia: '宋体', size: 28 });
    expect(styles.get(odd[0]!.style!)!.name).toBe('页码（单页）');
    for (const [type, f] of [['default', odd], ['even', even]] as const) {
      expect(f[0]!.text.replace(/\s+/g, ' ')).toBe('— —');
      expect(f[0]!.text.startsWith('— ')).toBe(true);
      expect(footerFields.get(type)!.some((i) => /^PAGE\b/.test(i))).toBe(true);
    }
  });

  it('sets run-in heading sentences in the heading font and the rest in the body font (a character style)', async () => {
    const buf = await renderDocx({ title: '测试', body: '（一）压实主体责任，健全领导体制。一是压实责任。\n二、存在问题' });
    const { paragraphs, styles } = await readWordPackage(buf);
    const p = para(paragraphs, '（一）压实主体责任');
    expect(p.style).toBe(STYLES.heading2.id);
    expect(p.runs).toHaveLength(2);
    expect(p.runs[0]!.text).toBe('（一）压实主体责任，健全领导体制。');
    expect(p.runs[0]!.props.eastAsia).toBe('楷体_GB2312');
    expect(p.runs[1]!.rStyle).toBe(STYLES.bodyChar.id);
    expect(styles.get(STYLES.bodyChar.id)!.type).toBe('character');
    expect(p.runs[1]!.props.eastAsia).toBe('仿宋_GB2312');
    // A paragraph is not held to the next one, nor kept on one page (that would leave half-empty pages).
    expect(p.props).toMatchObject({ keepNext: false, keepLines: false });
  });
});
