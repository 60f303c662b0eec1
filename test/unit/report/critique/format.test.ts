import { describe, expect, it } from 'vitest';
import { findingRows, formatFindingsCard, formatFindingsMarkdown, formatFindingsText, lineCol } from '../../../../src/report/critique/format.js';
import type { Finding } from '../../../../src/report/critique/types.js';
import { fixture, run } from './helpers.js';

describe('format', () => {
  it('lineCol counts lines and columns from 1 (LF and CRLF)', () => {
    expect(lineCol('ab\ncd', 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
    expect(lineCol('ab\r\ncd', 4)).toEqual({ line: 2, col: 1 });
  });

  it('Markdown groups by severity with line numbers, excerpts and suggestions', () => {
    const t = fixture('typo.txt') + fixture('style.txt');
    const md = formatFindingsMarkdown(run(t), t);
    expect(md).toMatch(/^\*\*审校结果\*\*：共 \d+ 条/);
    expect(md.indexOf('**错误**')).toBeLessThan(md.indexOf('**警告**'));
    expect(md.indexOf('**警告**')).toBeLessThan(md.indexOf('**提示**'));
    // Since issue 11: line and column, the hit in context, the exact replacement or the advice.
    expect(md).toContain('- 第1行第7列：疑似错别字：“宽彻”应为“贯彻”（一是深入学习〖宽彻〗党的二十大精神，主要领导…） → 改为“贯彻”');
    expect(md).toContain('→ 建议：负责制');
  });

  it('Markdown caps the list with 另有N条', () => {
    const t = fixture('placeholder.txt');
    const f = run(t);
    const md = formatFindingsMarkdown(f, t, { maxItems: 5 });
    expect(md).toContain(`另有${f.length - 5}条未列出。`);
    expect(md.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(5);
  });

  it('Markdown says so when nothing is found', () => {
    expect(formatFindingsMarkdown([], '正文')).toContain('未发现问题');
  });

  it('text format: line:col severity message context → action, then a summary', () => {
    const t = '第一行\n开展学习，，效果好。';
    const out = formatFindingsText(run(t), t, 'a.txt').split('\n');
    expect(out[0]).toBe('a.txt:2:5  错误  标点符号“，”重复  开展学习〖，，〗效果好。  → 改为“，”');
    expect(out.at(-1)).toBe('共 1 条：错误 1 条，警告 0 条，提示 0 条。');
  });
});

describe('format caps', () => {
  it('Markdown stays under maxChars', () => {
    const t = fixture('placeholder.txt').repeat(20);
    const md = formatFindingsMarkdown(run(t), t, { maxItems: 1000, maxChars: 1500 });
    expect(md.length).toBeLessThan(1600);
    expect(md).toMatch(/另有\d+条未列出。$/);
  });
});

describe('formatFindingsBrief', () => {
  it('lists findings for the prompt, errors first, capped', async () => {
    const { formatFindingsBrief } = await import('../../../../src/report/critique/format.js');
    const t = fixture('typo.txt');
    const brief = formatFindingsBrief(run(t), t, 3).split('\n');
    expect(brief[0]).toMatch(/^第1行［错误］/);
    expect(brief).toHaveLength(4);
    expect(brief[3]).toMatch(/^另有\d+条未列出。$/);
    expect(formatFindingsBrief([], '')).toContain('未发现问题');
  });
});

describe('formatFindingsCard (long critiques)', () => {
  const f = (i: number, severity: Finding['severity'], category: Finding['category'], message = `问题${category}${severity}`): Finding =>
    ({ rule: category, category, severity, message, start: i * 10, end: i * 10 + 2, excerpt: 'ab', context: `〖ab〗${i}` });
  // Ten characters a line: finding i is on line i + 1.
  const text = '正文内容正文内容。\n'.repeat(400);

  it('every severity gets places, however many errors; error categories take turns', () => {
    const findings = [
      ...Array.from({ length: 60 }, (_, i) => f(i, 'error', 'placeholder', `占位${i}`)),
      ...Array.from({ length: 5 }, (_, i) => f(100 + i, 'error', 'typo', `错字${i}`)),
      ...Array.from({ length: 30 }, (_, i) => f(200 + i, 'warning', 'layout', `空格${i}`)),
      f(300, 'info', 'style'),
    ];
    const card = formatFindingsCard(findings, text, { maxItems: 12 });
    const lines = card.markdown.split('\n');
    const section = (name: string) => lines.slice(lines.indexOf(`**${name}**`) + 1).filter((l, i, a) => a.slice(0, i + 1).every((x) => x.startsWith('- ')));
    expect(section('错误').length).toBeGreaterThanOrEqual(5);
    expect(section('警告').length).toBeGreaterThanOrEqual(4);
    expect(section('提示')).toHaveLength(1);
    // Placeholders are the most frequent error, but the typos are listed too.
    expect(section('错误').some((l) => l.includes('错字'))).toBe(true);
    expect(card.markdown).toContain('**按类别**：占位待补 60（错误 60）；错别字 5（错误 5）；排版 30（警告 30）；文风 1（提示 1）');
    expect(card.complete).toBe(false);
    expect(card.markdown).toMatch(new RegExp(`另有${findings.length - card.shown}条未列出。$`));
  });

  it('names where the full list is; a fold that names every line counts as shown', () => {
    const findings = Array.from({ length: 6 }, (_, i) => f(i, 'warning', 'layout', '中文之间多出空格'));
    const card = formatFindingsCard(findings, text);
    expect(card.markdown).toContain('同类问题另有3处（第4、5、6行）');
    expect(card).toMatchObject({ shown: 6, complete: true });
    const many = Array.from({ length: 20 }, (_, i) => f(i, 'warning', 'layout', '中文之间多出空格'));
    const big = formatFindingsCard(many, text, { fullList: '全部 20 条见附件《清单.docx》。' });
    expect(big).toMatchObject({ shown: 3, complete: false });
    expect(big.markdown).toMatch(/同类问题另有17处（第4、5、6、7、8、9、10、11等行）/);
    expect(big.markdown.endsWith('卡片上列出最需要处理的 3 条，另有 17 条未列出；全部 20 条见附件《清单.docx》。')).toBe(true);
  });
});

describe('findingRows (the full list)', () => {
  it('every finding in text order with its place, labels, context and action', () => {
    const t = '第一行\n开展学习，，效果好。';
    const rows = findingRows(run(t), t);
    expect(rows).toEqual([{ n: 1, line: 2, col: 5, severity: '错误', category: '标点', message: '标点符号“，”重复', context: '开展学习〖，，〗效果好。', action: '改为“，”' }]);
  });
});
