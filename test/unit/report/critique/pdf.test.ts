/**
 * PDF-aware critique. The PDFs are real: our GB/T 9704 Word export of each source text, printed
 * to PDF by LibreOffice headless (scripts/make-pdf-fixtures.ts), read by the same extractor the
 * bot uses. A PDF's line wraps, page numbers, wrapped title and layout spaces must not become the
 * writer's errors: the critique of the PDF finds what the critique of its source text finds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../../src/documents/extract.js';
import { buildDoc, critique, critiqueDoc, lineCol, type Finding } from '../../../../src/report/critique/index.js';
import { findingsOnOriginal, rejoinPdfText } from '../../../../src/report/critique/pdf.js';
import { FIXTURES, NOW } from './helpers.js';

const PDFS = new URL('../../../fixtures/pdf/', import.meta.url);
const PAIRS = ['sets-wrap', 'defects', 'clean-annual', 'clean-h1-school', 'clean-tricky', 'clean-anniversary'];

const source = (name: string) => {
  const own = new URL(`${name}.txt`, PDFS);
  return readFileSync(existsSync(own) ? own : `${FIXTURES}${name}.txt`, 'utf8');
};
const pdfText = async (name: string) => (await extractFile(`${name}.pdf`, readFileSync(new URL(`${name}.pdf`, PDFS)))).text;

/** What a finding says about where: severity, rule, message and the text it points at (spaces and breaks aside). */
const key = (f: Finding, text: string) => `${f.severity}|${f.rule}|${f.message}|${text.slice(f.start, f.end).replace(/\s+/g, '')}`;

function critiquePdf(text: string): Finding[] {
  const r = rejoinPdfText(text);
  return findingsOnOriginal(critiqueDoc(buildDoc(r.text, { now: NOW, fromPdf: true })), r, text);
}

describe('critique of a real PDF', () => {
  it.each(PAIRS)('%s.pdf: the same findings as its source text, nothing from the PDF layout', async (name) => {
    const src = source(name);
    const text = await pdfText(name);
    const expected = critique(src, { now: NOW }).map((f) => key(f, src)).sort();
    expect(critiquePdf(text).map((f) => key(f, text)).sort()).toEqual(expected);
  });

  it('without the rejoin the same PDF blames the writer for its layout (the fixtures exercise the problem)', async () => {
    const text = await pdfText('sets-wrap');
    const raw = critique(text, { now: NOW }).map((f) => f.message);
    // The set wrapped over two lines, the title over two lines, the spaces around digits, the page numbers.
    expect(raw.some((m) => /“四个自信”.*缺少“道路自信”/.test(m))).toBe(true);
    expect(raw).toContain('标题未写明年份和单位名称，像是模板标题');
    // Pasted as text, a copy wrapped at a fixed width gets one hint for its breaks and (round 16) a warning per spaced number.
    expect(raw.some((m) => /处在句子中间换行|数字前后多出空格|数字后多出空格|按固定行宽复制的文字中有\d+处多余的空格/.test(m))).toBe(true);
    expect(raw).toContain('疑为 PDF 页码');
    expect(critiquePdf(text)).toEqual([]);
  });

  it('findings are placed at the PDF text’s own lines and columns', async () => {
    const text = await pdfText('defects');
    const found = critiquePdf(text);
    expect(found.map((f) => f.message)).toEqual(expect.arrayContaining(['疑似错别字：“宽彻”应为“贯彻”', '未填写的占位符“X”', '标点符号“，”重复']));
    for (const f of found) {
      expect({ line: f.line, col: f.col }).toEqual(lineCol(text, f.start));
      // The original span holds the finding's text, give or take the PDF's line breaks and spaces.
      const span = text.slice(f.start, f.end).replace(/\s+/g, '');
      const excerpt = f.excerpt.replace(/\s+/g, '');
      if (excerpt.endsWith('…')) expect(span.startsWith(excerpt.slice(0, -1))).toBe(true);
      else expect(span).toBe(excerpt);
    }
    const typo = found.find((f) => f.excerpt === '宽彻')!;
    expect(text.split('\n')[typo.line! - 1]!.slice(typo.col! - 1)).toMatch(/^宽彻/);
    // The context is the rejoined sentence, not a line cut by the page width.
    const set = found.find((f) => f.message.startsWith('“四个意识”'))!;
    expect(set.context).toContain('〖政治意识、大局意识、责任意识、看齐意识〗');
  });
});

describe('rejoinPdfText', () => {
  const W = '一二三四五六七八九十'.repeat(3).slice(0, 27);
  const full = (s: string) => (s + W).slice(0, 27);
  /** A paragraph of three full lines and a short last one: the page's line width shows. */
  const PARA = [full('开展专题学习，'), full('组织集中研讨，'), full('推动工作落实，'), '取得实效。'];

  it('joins a full line that stops mid-sentence with the next, across a page number', () => {
    const text = [
      '关于2025年度落实意识形态工作责任制',
      '情况的报告',
      full('今年以来，局党组认真落实责任制，增强政治意识、'),
      full('大局意识、核心意识、看齐意识，坚持问题导向加强'),
      '— 2 —',
      '研判。',
      '第二段只有一行。',
      ...PARA,
    ].join('\n');
    const r = rejoinPdfText(text);
    expect(r.text.split('\n')).toEqual([
      '关于2025年度落实意识形态工作责任制情况的报告',
      `${full('今年以来，局党组认真落实责任制，增强政治意识、')}${full('大局意识、核心意识、看齐意识，坚持问题导向加强')}研判。`,
      '第二段只有一行。',
      PARA.join(''),
    ]);
    expect(r.stats).toMatchObject({ dropped: 1 });
    // Every character maps back to itself.
    for (let i = 0; i < r.text.length; i++) if (r.text[i] !== '\n') expect(text[r.toOriginal(i)]).toBe(r.text[i]);
  });

  it('keeps a short line that stops without punctuation: the writer’s missing 。 is still reported', () => {
    const text = [full('今年以来，局党组认真落实意识形态工作责任制，把意识'), full('形态工作纳入党建工作责任制考核，与业务工作同部署、'), '同落实', full('二是加强阵地管理，对宣传栏和公众号开展巡查，整改问'), '题9个。'].join('\n');
    const r = rejoinPdfText(text);
    expect(r.text.split('\n')).toHaveLength(2);
    expect(r.text.split('\n')[0]!.endsWith('同落实')).toBe(true);
    const found = findingsOnOriginal(critiqueDoc(buildDoc(r.text, { now: NOW, fromPdf: true })), r, text);
    const cut = found.find((f) => f.message.startsWith('段末没有标点'))!;
    expect(cut).toBeDefined();
    expect(cut.line).toBe(3);
  });

  it('does not run a heading into the paragraph before it, or a paragraph into a heading', () => {
    const text = [full('今年以来，局党组认真落实意识形态工作责任制，把意识'), '形态工作纳入考核。', '一、主要做法', full('（一）压实责任。局党组召开专题会议研究意识形态工作，'), full('明确责任分工和完成时限，建立问题清单和任务清单，'), '逐项抓好落实。', '二、存在的问题'].join('\n');
    expect(rejoinPdfText(text).text.split('\n').map((l) => l.slice(0, 6))).toEqual(['今年以来，局', '一、主要做法', '（一）压实责', '二、存在的问']);
  });

  it('takes out the layout’s spaces, keeps spaces between Latin words, and a lone space between Chinese words for a hint', () => {
    const text = [
      '全年开展专题研讨 12 次，对全区 9 个 A 级景区开展两轮',
      '排查。用 Model X 设备测试。',
      '清 单 管 理 ， 每 周 一 上 午 9:00 召 开 编 前 会 。',
      '组织 协调各方面力量。',
      ...PARA,
    ].join('\n');
    const r = rejoinPdfText(text);
    expect(r.text).toContain('专题研讨12次，对全区9个A级景区开展两轮排查。用Model X设备测试。');
    expect(r.text).toContain('清单管理，每周一上午9:00召开编前会。');
    expect(r.text).toContain('组织 协调');
    const found = critiqueDoc(buildDoc(r.text, { now: NOW, fromPdf: true })).filter((f) => f.rule === 'layout');
    expect(found.map((f) => [f.severity, f.message])).toEqual([['info', 'PDF 文字中有1处汉字之间的空格，可能是原稿多打的空格，也可能是 PDF 排版所致']]);
  });

  it('joins a title over three lines below the issuer’s banner and document number, and not with them', () => {
    const text = ['中共青川县委宣传部文件', '青宣发〔2025〕 12 号', '中共青川县委宣传部', '关于2025年上半年落实意识形态', '工作责任制情况的报告', '县委：', ...PARA].join('\n');
    expect(rejoinPdfText(text).text.split('\n').slice(0, 4)).toEqual(['中共青川县委宣传部文件', '青宣发〔2025〕12号', '中共青川县委宣传部关于2025年上半年落实意识形态工作责任制情况的报告', '县委：']);
  });

  it('leaves text with no common line width alone (one paragraph per line)', () => {
    const text = '第一段话写完了。\n第二段也写完了，\n第三段。';
    expect(rejoinPdfText(text).text).toBe('第一段话写完了。\n第二段也写完了，第三段。');
  });
});
