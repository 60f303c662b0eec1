import { describe, expect, it } from 'vitest';
import { formatFindingsMarkdown, formatFindingsText, lineCol } from '../../../src/report/critique/format.js';
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
    const { formatFindingsBrief } = await import('../../../src/report/critique/format.js');
    const t = fixture('typo.txt');
    const brief = formatFindingsBrief(run(t), t, 3).split('\n');
    expect(brief[0]).toMatch(/^第1行［错误］/);
    expect(brief).toHaveLength(4);
    expect(brief[3]).toMatch(/^另有\d+条未列出。$/);
    expect(formatFindingsBrief([], '')).toContain('未发现问题');
  });
});
