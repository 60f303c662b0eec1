import { describe, expect, it } from 'vitest';
import { routeText, MAX_INPUT_CHARS } from '../../src/handler/router.js';

const o = { now: new Date('2026-11-22T10:00:00+08:00'), timezone: 'Asia/Shanghai' };
const kind = (t: string) => routeText(t, o).kind;

describe('routeText', () => {
  it.each([
    ['', 'help'],
    ['   ', 'help'],
    ['帮助', 'help'],
    ['/help', 'help'],
    ['／帮助', 'help'],
    ['你能做什么？', 'help'],
    ['/reset', 'reset'],
    ['/清空', 'reset'],
    ['/frob x', 'unknown-command'],
    ['你好', 'chat'],
    ['意识形态工作和宣传工作有什么区别', 'chat'],
  ])('%s → %s', (text, k) => {
    expect(kind(text)).toBe(k);
  });

  it('rejects over-long input with its length', () => {
    expect(routeText('字'.repeat(MAX_INPUT_CHARS + 1), o)).toEqual({ kind: 'too-long', length: MAX_INPUT_CHARS + 1 });
  });

  it.each([
    '提醒我6月30日前交上半年意识形态报告，提前3天提醒',
    '我的提醒',
    '取消提醒 2',
    '10分钟后提醒我',
    '/提醒 明天上午9点提醒我改稿',
  ])('reminders: %s', (text) => {
    expect(kind(text)).toBe('reminder');
  });

  it('critique: a lead word with text, a bare lead word, or a pasted document', () => {
    const r = routeText('帮我看看这段：我局坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制。', o);
    expect(r).toEqual({ kind: 'critique', text: '我局坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制。' });
    expect(kind('审阅一下')).toBe('critique-empty');
    expect(kind('帮我看看')).toBe('critique-empty');
    expect(routeText('/审阅 今年以来，我局认真落实责任制。', o)).toEqual({ kind: 'critique', text: '今年以来，我局认真落实责任制。' });
    const pasted = ['2025年上半年落实意识形态工作责任制情况报告', '今年以来，我局高度重视意识形态工作。一是加强领导。二是强化学习。', '一、主要做法', '（一）压实责任。局党组召开专题会议研究部署。'.repeat(5), '二、存在问题', '学习不够深入。', '三、下一步打算', '持续加强学习。'].join('\n');
    expect(routeText(pasted, o)).toEqual({ kind: 'critique', text: pasted });
  });

  it('drafting: new requests start a report, thread commands work on the outline', () => {
    expect(routeText('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲', o)).toMatchObject({ kind: 'draft', command: { kind: 'outline' }, newRequest: true });
    expect(routeText('帮我起草一份2026年度个人述职报告', o)).toMatchObject({ kind: 'draft', command: { kind: 'full' }, newRequest: true });
    expect(routeText('写第二部分', o)).toMatchObject({ kind: 'draft', command: { kind: 'section', target: { part: 2 } }, newRequest: false });
    expect(routeText('把（二）展开到500字', o)).toMatchObject({ kind: 'draft', command: { kind: 'revise', op: 'expand', chars: 500 }, newRequest: false });
    expect(routeText('写全文', o)).toMatchObject({ kind: 'draft', command: { kind: 'full' }, newRequest: false });
    expect(routeText('导出Word', o)).toMatchObject({ kind: 'draft', command: { kind: 'export' }, newRequest: false });
  });
});
