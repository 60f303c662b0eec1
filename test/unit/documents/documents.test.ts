import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { annotateDocx } from '../../../src/documents/annotate.js';
import { extractFile, htmlToText } from '../../../src/documents/extract.js';
import { findDocLink, withoutLink } from '../../../src/documents/doc-links.js';
import { isMaterialRequest, materialFacts } from '../../../src/documents/material.js';
import { findingAnnotations } from '../../../src/flows/documents.js';
import { CLOUD_DOC_COMMAND, documentRequest } from '../../../src/handler/routes.js';
import { critique } from '../../../src/report/critique/index.js';
import { buildDocx, commentPackageProblems, DEFECT_REPORT, readComments } from '../../support/docx-fixture.js';
import { buildPdf } from '../../support/pdf.js';
import { documentError } from '../../support/rejects.js';

const rejects = documentError;

describe('extracting text from files', () => {
  it('reads a .docx paragraph by paragraph, and a table row by row', async () => {
    const data = await buildDocx(['工作台账', ['召开专题会议', '3次']], [['时间', '事项', '次数'], ['3月12日', '党组专题研判意识形态形势', '1次']]);
    const f = await extractFile('台账.docx', data);
    expect(f.kind).toBe('docx');
    expect(f.text.split('\n')).toEqual(['工作台账', '召开专题会议3次', '时间 事项 次数', '3月12日 党组专题研判意识形态形势 1次']);
  });

  it('reads a text-layer PDF line by line', async () => {
    const f = await extractFile('报告.pdf', buildPdf(['2025年上半年情况报告', '一、主要做法', '召开专题会议3次。']));
    expect(f.kind).toBe('pdf');
    expect(f.text).toContain('一、主要做法');
    expect(f.text).toContain('召开专题会议3次。');
  });

  it('reads UTF-8 and GBK text files', async () => {
    expect((await extractFile('a.txt', Buffer.from('\uFEFF第一行\r\n第二行'))).text).toBe('第一行\n第二行');
    const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文
    expect((await extractFile('a.md', gbk)).text).toBe('中文');
  });

  it('answers scanned PDFs, old .doc, images, unknown types, corrupt and empty files', async () => {
    expect((await rejects(extractFile('扫描件.pdf', buildPdf([])))).reason).toBe('scanned');
    expect((await rejects(extractFile('扫描件.pdf', buildPdf([])))).userMessage).toMatch(/扫描件.*\.docx/);
    const doc = await rejects(extractFile('旧报告.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])));
    expect(doc.userMessage).toContain('另存为');
    expect((await rejects(extractFile('照片.jpg', Buffer.from([0xff, 0xd8])))).userMessage).toContain('复制');
    expect((await rejects(extractFile('演示.pptx', Buffer.from('PK')))).reason).toBe('unsupported-type');
    expect((await rejects(extractFile('表.xlsx', Buffer.from('PK')))).reason).toBe('corrupt');
    expect((await rejects(extractFile('坏.docx', Buffer.from('not a zip at all')))).reason).toBe('corrupt');
    expect((await rejects(extractFile('坏.docx', Buffer.from('PK\u0003\u0004garbage')))).reason).toBe('corrupt');
    expect((await rejects(extractFile('坏.pdf', Buffer.from('%PDF-1.4 broken')))).reason).toBe('corrupt');
    expect((await rejects(extractFile('空.txt', Buffer.from('  \n ')))).reason).toBe('empty');
  });

  it('turns table HTML into one line per row', () => {
    expect(htmlToText('<p>a&amp;b</p><table><tr><td><p>1</p></td><td><p>2</p></td></tr></table>')).toBe('a&b\n1 2');
  });
});

describe('Word comments (批注)', () => {
  it('anchors each finding on its excerpt, also across runs, with author 笔杆子', async () => {
    const data = await buildDocx(DEFECT_REPORT);
    const { text } = await extractFile('r.docx', data);
    const findings = critique(text);
    expect(findings.length).toBeGreaterThan(2);
    const out = await annotateDocx(data, findingAnnotations(text, findings));
    expect(out.placed).toBe(findings.length);
    const comments = await readComments(out.data);
    expect(comments).toHaveLength(findings.length);
    expect(comments.every((c) => c.author === '笔杆子')).toBe(true);
    const four = comments.find((c) => c.text.includes('四个意识'));
    expect(four?.anchored).toContain('四种意识');
    const placeholder = comments.find((c) => /占位|待补充|X/.test(c.text) && c.anchored.includes('X'));
    expect(placeholder).toBeDefined();
    // The file still reads back as the same text.
    expect((await extractFile('r.docx', out.data)).text).toBe(text);
    const zip = await JSZip.loadAsync(out.data);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/word/comments.xml');
    expect(await zip.file('word/_rels/document.xml.rels')!.async('string')).toContain('relationships/comments');
  });

  it('folds one kind seen in many places as the card does: a copy pasted from a PDF gets three comments for its breaks, the third naming the rest', async () => {
    const lines = readFileSync(new URL('../../fixtures/critique/wrapped-h1.txt', import.meta.url), 'utf8').trimEnd().split('\n');
    const data = await buildDocx(lines);
    const { text } = await extractFile('r.docx', data);
    const findings = critique(text);
    const breaks = findings.filter((f) => f.message.startsWith('在句子中间换行'));
    expect(breaks.length).toBeGreaterThan(4);
    const out = await annotateDocx(data, findingAnnotations(text, findings));
    expect(out.placed).toBe(findings.length - (breaks.length - 3));
    const comments = (await readComments(out.data)).filter((c) => c.text.includes('在句子中间换行'));
    expect(comments).toHaveLength(3);
    expect(comments[2]!.text).toContain(`同类问题另有${breaks.length - 3}处（第`);
  });

  it('anchors precisely inside one run, and picks the right occurrence', async () => {
    const data = await buildDocx(['甲乙丙丁甲乙', '戊己']);
    const out = await annotateDocx(data, [
      { excerpt: '甲乙', occurrence: 1, text: '第二处' },
      { excerpt: '不存在', occurrence: 0, line: '戊己', text: '整段' },
    ]);
    const c = await readComments(out.data);
    expect(c.find((x) => x.text === '第二处')?.anchored).toBe('甲乙');
    expect(c.find((x) => x.text === '整段')?.anchored).toBe('戊己');
    const zip = await JSZip.loadAsync(out.data);
    const xml = await zip.file('word/document.xml')!.async('string');
    // The first run was split so the range starts at the second 甲乙.
    expect(xml).toMatch(/甲乙丙丁<\/w:t><\/w:r><w:commentRangeStart w:id="0"\/>/);
  });

  it('writes a sound package: content type, relationship, and one start, end and reference per unique id', async () => {
    const data = await buildDocx([
      '关于2025年上半年落实意识形态工作责任制情况的报告',
      // Several runs per paragraph (alternately bold), as in a file Word has edited.
      ['局党组召开专题', '会议研究部署', '意识形态工作', '，开展学习', 'X次', '。'],
      ['增强', '“四种', '意识”', '，坚决做到“两个维护”。'],
      '',
    ], [['事项', '完成情况'], ['专题学习', '【待补充：次数】'], ['舆情处置', 'XX条']]);
    const out = await annotateDocx(data, [
      // Spans two runs, and three runs.
      { excerpt: '专题会议研究', occurrence: 0, text: '跨两段文字' },
      { excerpt: '四种意识”，坚决', occurrence: 0, text: '跨三段文字' },
      // Exactly one whole run, and inside one run.
      { excerpt: 'X次', occurrence: 0, text: '占位符' },
      { excerpt: '开展学习', occurrence: 0, text: '一段之内' },
      // Two comments overlapping in one paragraph.
      { excerpt: '意识形态工作，开展', occurrence: 0, text: '重叠' },
      // In table cells.
      { excerpt: 'XX条', occurrence: 0, text: '表格里的占位符' },
      { excerpt: '专题学习', occurrence: 0, text: '表格首列' },
      // Not found: the paragraph of its line; nothing at all: the first paragraph with text.
      { excerpt: '不存在的话', occurrence: 0, line: '关于2025年上半年落实意识形态工作责任制情况的报告', text: '整段' },
    ]);
    expect(out.placed).toBe(8);
    expect(await commentPackageProblems(out.data)).toEqual([]);
    const c = await readComments(out.data);
    const at = (t: string) => c.find((x) => x.text === t)?.anchored;
    expect(at('跨两段文字')).toBe('专题会议研究');
    expect(at('跨三段文字')).toBe('四种意识”，坚决');
    expect(at('占位符')).toBe('X次');
    expect(at('一段之内')).toBe('开展学习');
    expect(at('表格里的占位符')).toBe('XX条');
    // The first 专题学习 is in the body paragraph? No: the body says 专题会议; the table cell is the first.
    expect(at('表格首列')).toBe('专题学习');
    expect(at('整段')).toBe('关于2025年上半年落实意识形态工作责任制情况的报告');
    // Formatting of split runs is kept: the bold run 会议研究部署 is still bold on both sides of the cut.
    const xml = await (await JSZip.loadAsync(out.data)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t xml:space="preserve">会议研究<\/w:t>/);
    // The text reads back unchanged, table included; annotating the copy again stays sound.
    expect((await extractFile('r.docx', out.data)).text).toBe((await extractFile('r.docx', data)).text);
    const again = await annotateDocx(out.data, [{ excerpt: '两个维护', occurrence: 0, text: '再批一次' }]);
    expect(await commentPackageProblems(again.data)).toEqual([]);
    expect((await readComments(again.data)).map((x) => x.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('stays sound around what Word puts between runs: proofing marks, bookmarks, tabs, existing hyperlinks', async () => {
    const plain = await buildDocx([['开展中心组', '学习12次', '，组织研讨4次。'], '第二段']);
    const zip = await JSZip.loadAsync(plain);
    let xml = await zip.file('word/document.xml')!.async('string');
    // Marks between runs, and a run with a tab before its text (a run we do not split).
    let k = 0;
    xml = xml.replace(/<\/w:r><w:r>/g, () => (k++ === 0 ? '</w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r>' : '</w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:r>'));
    xml = xml.replace('<w:t xml:space="preserve">第二段</w:t>', '<w:tab/><w:t xml:space="preserve">第二段</w:t>');
    expect(k).toBe(2);
    expect(xml).toContain('<w:tab/><w:t');
    zip.file('word/document.xml', xml);
    const data = await zip.generateAsync({ type: 'nodebuffer' });
    const out = await annotateDocx(data, [
      { excerpt: '中心组学习', occurrence: 0, text: '跨过书签' },
      { excerpt: '二段', occurrence: 0, text: '制表符之后' },
    ]);
    expect(await commentPackageProblems(out.data)).toEqual([]);
    const c = await readComments(out.data);
    expect(c.find((x) => x.text === '跨过书签')?.anchored).toBe('中心组学习');
    // The run with a tab is not split: the comment widens to the whole run.
    expect(c.find((x) => x.text === '制表符之后')?.anchored).toBe('第二段');
    expect((await extractFile('r.docx', out.data)).text).toBe((await extractFile('r.docx', data)).text);
  });

  it('the package check catches what Word would refuse', async () => {
    const data = await buildDocx(['甲乙丙丁']);
    const good = (await annotateDocx(data, [{ excerpt: '乙丙', occurrence: 0, text: '一' }])).data;
    const zip = await JSZip.loadAsync(good);
    const doc = await zip.file('word/document.xml')!.async('string');
    const broken = async (path: string, xml: string) => {
      const z = await JSZip.loadAsync(good);
      z.file(path, xml);
      return commentPackageProblems(await z.generateAsync({ type: 'nodebuffer' }));
    };
    expect(await broken('word/document.xml', doc.replace(/<w:commentRangeEnd w:id="0"\/>/, ''))).toEqual(['comment 0: 1 starts, 0 ends, 1 references']);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect((await broken('[Content_Types].xml', types.replace(/<Override PartName="\/word\/comments.xml"[^>]*\/>/, ''))).join()).toContain('Override');
    expect((await broken('word/document.xml', doc.replace('</w:body>', ''))).length).toBeGreaterThan(0);
  });

  it('adds to comments the document already has, with new ids', async () => {
    const data = await buildDocx(['甲乙丙丁']);
    const once = await annotateDocx(data, [{ excerpt: '甲乙', occurrence: 0, text: '一' }]);
    const twice = await annotateDocx(once.data, [{ excerpt: '丙丁', occurrence: 0, text: '二' }]);
    const c = await readComments(twice.data);
    expect(c.map((x) => [x.id, x.text, x.anchored])).toEqual([['0', '一', '甲乙'], ['1', '二', '丙丁']]);
  });
});

describe('links, material and what a message asks for', () => {
  it('finds docx and wiki links on any Feishu host and names other kinds', () => {
    expect(findDocLink('帮我看看 https://abc.feishu.cn/docx/AbCdEfGh12345678?from=x')).toMatchObject({ kind: 'docx', token: 'AbCdEfGh12345678' });
    expect(findDocLink('https://x.larksuite.com/wiki/WikiToken12345')).toMatchObject({ kind: 'wiki', token: 'WikiToken12345' });
    // 飞书电子表格 and 多维表格 are read as 台账 (issue 23), with the linked sheet or table.
    expect(findDocLink('https://x.feishu.cn/sheets/Sheet1234567?sheet=s1a2b3')).toMatchObject({ kind: 'sheet', token: 'Sheet1234567', table: 's1a2b3' });
    expect(findDocLink('根据 https://x.feishu.cn/base/Bascn1234567?table=tbl1234&view=v 写')).toMatchObject({ kind: 'bitable', token: 'Bascn1234567', table: 'tbl1234' });
    expect(findDocLink('https://x.feishu.cn/mindnotes/Mind1234567')).toMatchObject({ kind: 'other', label: '思维笔记' });
    expect(findDocLink('https://example.com/docx/AbCdEfGh12345678')).toBeUndefined();
    const l = findDocLink('根据 https://a.feishu.cn/wiki/WikiToken12345?x=1 写上半年报告提纲')!;
    expect(withoutLink('根据 https://a.feishu.cn/wiki/WikiToken12345?x=1 写上半年报告提纲', l)).toBe('根据 写上半年报告提纲');
  });

  it('tells a drafting request from material apart from a critique', () => {
    expect(isMaterialRequest('根据这份台账写上半年报告提纲')).toBe(true);
    expect(isMaterialRequest('参考附件起草年度述职报告')).toBe(true);
    expect(isMaterialRequest('帮我看看')).toBe(false);
    expect(isMaterialRequest('审阅一下这份报告')).toBe(false);
  });

  it('takes numbers, events and names as facts and says what it took', () => {
    const m = materialFacts('3月12日 召开党组会议专题研判意识形态形势 1次\n开展“清朗”专项行动，处置网络舆情5起。\n天气晴。', '台账.docx', 6000);
    expect(m.facts.join('|')).toContain('专题研判意识形态形势');
    expect(m.facts.join('|')).toContain('处置网络舆情5起');
    expect(m.facts.join('|')).not.toContain('天气');
    expect(m.note).toMatch(/从材料“台账\.docx”中取用了 \d+ 条事实/);
  });

  it('condenses long material within the budget and says so', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i + 1}月份开展专题学习${i + 2}次，覆盖干部职工${i * 3 + 10}人`);
    const m = materialFacts(lines.join('\n'), '长台账.docx', 2000);
    expect(m.found).toBe(400);
    expect(m.facts.length).toBeLessThan(400);
    expect(m.facts.reduce((n, f) => n + f.length + 4, 0)).toBeLessThanOrEqual(2000);
    expect(m.note).toContain('材料较长，共找到 400 条');
  });

  it('routes files, links and quotes by the words with them', () => {
    const now = new Date('2025-07-10T02:00:00Z');
    const tz = 'Asia/Shanghai';
    const file = { messageId: 'om_1', fileKey: 'k', name: 'a.docx' };
    expect(documentRequest({ kind: 'file', file }, now, tz)?.origin.kind).toBe('file');
    expect(documentRequest({ kind: 'text', text: '帮我看看 https://a.feishu.cn/docx/AbCdEfGh12345678' }, now, tz)?.origin.kind).toBe('link');
    expect(documentRequest({ kind: 'text', text: '帮我看看', quotedId: 'om_q' }, now, tz)?.origin).toEqual({ kind: 'quote', messageId: 'om_q' });
    expect(documentRequest({ kind: 'text', text: '', quotedId: 'om_q' }, now, tz)?.origin.kind).toBe('quote');
    expect(documentRequest({ kind: 'text', text: '根据这份台账写上半年报告提纲', quotedId: 'om_q' }, now, tz)).toMatchObject({ words: '根据这份台账写上半年报告提纲', draft: { kind: 'outline' } });
    expect(documentRequest({ kind: 'text', text: '根据这份材料写全文', quotedId: 'om_q' }, now, tz)?.draft).toEqual({ kind: 'full' });
    expect(documentRequest({ kind: 'text', text: '帮我看看', quotedId: 'om_q' }, now, tz)?.draft).toBeUndefined();
    // In a thread every reply has a parent: ordinary commands there are not about a document.
    expect(documentRequest({ kind: 'text', text: '写第二部分', quotedId: 'om_q' }, now, tz)).toBeUndefined();
    expect(documentRequest({ kind: 'text', text: '帮我看看这段：今年以来我局认真落实责任制。', quotedId: 'om_q' }, now, tz)).toBeUndefined();
    expect(documentRequest({ kind: 'text', text: '帮我看看' }, now, tz)).toBeUndefined();
  });

  it('recognises the 生成云文档 command', () => {
    for (const t of ['生成云文档', '导出云文档', '转成飞书文档', '/云文档']) expect(CLOUD_DOC_COMMAND.test(t)).toBe(true);
    expect(CLOUD_DOC_COMMAND.test('云文档怎么用')).toBe(false);
  });
});

describe('documentFlow without a document source (console mode)', () => {
  it('says files and links cannot be read there', async () => {
    const { documentFlow } = await import('../../../src/flows/documents.js');
    const sent: string[] = [];
    const replier = {
      ack: () => Promise.resolve(),
      openStream: () => Promise.reject(new Error('no card expected')),
      sendText: (_c: unknown, text: string) => {
        sent.push(text);
        return Promise.resolve();
      },
      sendFile: () => Promise.reject(new Error('no file expected')),
    };
    const ctx = { conversation: { chatId: 'c', chatType: 'p2p', messageId: 'm', senderOpenId: 'u' }, jobId: 'j', replier } as unknown as Parameters<typeof documentFlow>[0];
    const link = findDocLink('https://a.feishu.cn/docx/AbCdEfGh12345678')!;
    await documentFlow(ctx, { kind: 'link', link }, '', { maxChars: 30_000 });
    expect(sent).toEqual([expect.stringContaining('控制台模式')]);
  });
});
