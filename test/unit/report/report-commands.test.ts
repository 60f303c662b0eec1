import { describe, expect, it } from 'vitest';
import { parseDraftCommand, type DraftCommand } from '../../../src/report/commands.js';

const ROWS: [string, DraftCommand | null][] = [
  ['写第二部分', { kind: 'section', target: { part: 2 } }],
  ['起草第1部分', { kind: 'section', target: { part: 1 } }],
  ['起草存在问题部分', { kind: 'section', target: { partId: 'problems' } }],
  ['写一下下一步工作打算', { kind: 'section', target: { partId: 'plans' } }],
  ['写主要做法这部分', { kind: 'section', target: { partId: 'practice' } }],
  ['写第一部分第（三）点', { kind: 'section', target: { part: 1, section: 3 } }],
  ['写（二）', { kind: 'section', target: { section: 2 } }],
  ['写开头', { kind: 'section', target: { opening: true } }],
  ['把（二）展开到500字', { kind: 'revise', op: 'expand', target: { section: 2 }, chars: 500 }],
  ['把第二部分扩写到一千字', { kind: 'revise', op: 'expand', target: { part: 2 }, chars: 1000 }],
  ['精简第一部分第（三）点', { kind: 'revise', op: 'condense', target: { part: 1, section: 3 } }],
  ['第一部分第三点压缩到300字', { kind: 'revise', op: 'condense', target: { part: 1, section: 3 }, chars: 300 }],
  ['重写下一步打算', { kind: 'revise', op: 'rewrite', target: { partId: 'plans' } }],
  ['把存在的问题改写一下', { kind: 'revise', op: 'rewrite', target: { partId: 'problems' } }],
  ['润色一下开头', { kind: 'revise', op: 'rewrite', target: { opening: true } }],
  ['把(1)写到800字', { kind: 'revise', op: 'rewrite', target: { section: 1 }, chars: 800 }],
  ['再精简一点', { kind: 'revise', op: 'condense', target: {} }],
  ['展开到800字', { kind: 'revise', op: 'expand', target: {}, chars: 800 }],
  ['写全文', { kind: 'full' }],
  ['直接出全文吧', { kind: 'full' }],
  ['写初稿', { kind: 'full' }],
  ['导出Word', { kind: 'export' }],
  ['导出文档', { kind: 'export' }],
  ['生成word', { kind: 'export' }],
  ['下载docx', { kind: 'export' }],
  ['导出Word（附出处）', { kind: 'export', sources: true }],
  ['导出Word带出处', { kind: 'export', sources: true }],
  ['列提纲', { kind: 'outline' }],
  ['重新出个大纲', { kind: 'outline' }],
  ['先写提纲', { kind: 'outline' }],
  ['今天天气怎么样', null],
  ['这个报告什么时候交', null],
  ['', null],
];

describe('parseDraftCommand', () => {
  it.each(ROWS)('%s', (text, expected) => {
    expect(parseDraftCommand(text)).toEqual(expected);
  });
});
