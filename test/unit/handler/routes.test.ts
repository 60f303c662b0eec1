import { describe, expect, it } from 'vitest';
import { routeButton, routeNeedsModel, routeText, MAX_INPUT_CHARS } from '../../../src/handler/routes.js';

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
    ['删除我的数据', 'forget-ask'],
    ['清除我的数据。', 'forget-ask'],
    ['删除我的所有数据', 'forget-ask'],
    ['确认删除', 'forget-confirm'],
    ['取消删除', 'forget-cancel'],
    // Only the whole message asks: a sentence about deleting data is chat.
    ['怎样删除我的数据里的敏感词', 'chat'],
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
    // Ends like a question about a source, but is an export with the sources as comments.
    expect(routeText('导出Word带出处', o)).toMatchObject({ kind: 'draft', command: { kind: 'export', sources: true } });
    expect(routeText('导出Word（附出处）', o)).toMatchObject({ kind: 'draft', command: { kind: 'export', sources: true } });
    expect(routeText('这个数的出处是什么？', o)).toMatchObject({ kind: 'where-from' });
    expect(routeButton({ action: 'ocr', op: 'confirm', sender: 'tag' })).toEqual({ kind: 'ocr-button', op: 'confirm', sender: 'tag' });
    expect(routeButton({ action: 'ocr', op: 'again', sender: 'tag' })).toEqual({ kind: 'button-expired' });
    // 重新识别, and the run a card shows (a replaced card's buttons act no more).
    expect(routeButton({ action: 'ocr', op: 'retry', sender: 'tag', run: 'job-1' })).toEqual({ kind: 'ocr-button', op: 'retry', sender: 'tag', run: 'job-1' });
  });
});

// Issue 18 item 3: what the README and the bot's own footers advertise is understood.
describe('reminders without “提醒我”', () => {
  const command = (t: string) => {
    const r = routeText(t, o);
    return r.kind === 'reminder' ? r.command : undefined;
  };

  it.each([
    ['每周一上午9点开例会（遇节假日顺延）', '开例会'],
    ['每月25日前报送舆情月报，提前3个工作日', '报送舆情月报'],
    ['12月31日前交年度述职报告', '交年度述职报告'],
    ['每月最后一个工作日下午3点报送舆情周报', '报送舆情周报'],
    ['工作日每天8点半打卡', '打卡'],
  ])('a time with a recurrence or a deadline is a reminder: %s', (text, what) => {
    const c = command(text);
    expect(c?.kind).toBe('set');
    expect(c?.kind === 'set' && c.spec.what).toBe(what);
  });

  it('a time alone is asked about: 要设为提醒吗？', () => {
    const c = command('明天下午3点开会');
    expect(c).toMatchObject({ kind: 'offer', text: '明天下午3点开会' });
    expect(c?.kind === 'offer' && c.spec.fires).toEqual(['2026-11-23T15:00:00+08:00']);
    expect(command('是')).toEqual({ kind: 'affirm' });
    // a recurrence without a time or a day is asked about too
    expect(command('每天都要学习理论')).toMatchObject({ kind: 'offer' });
    expect(command('好的')).toEqual({ kind: 'affirm' });
  });

  it.each([
    '每月25日前要报送哪些材料？',
    '明天下午3点的会议怎么准备',
    '帮我写一份明天会议的主持词',
    '每周一开例会有什么讲究吗',
    '今天天气不错',
    '明天',
  ])('questions, writing requests and chat stay chat: %s', (text) => {
    expect(kind(text)).toBe('chat');
  });

  it('drafting commands, critique and pastes are not reminders', () => {
    expect(kind('写第二部分，800字左右')).toBe('draft');
    expect(kind('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲')).toBe('draft');
    expect(kind('帮我看看这段：6月30日前要完成全部整改任务，每月25日前报送进展。')).toBe('critique');
    const pasted = ['一、主要做法', '每周一上午9点召开例会，研究部署意识形态工作。'.repeat(6), '二、存在问题', '学习不够深入。'.repeat(5), '三、下一步打算', '12月31日前完成整改。'.repeat(5)].join('\n');
    expect(kind(pasted)).toBe('critique');
  });

  it.each([
    ['改到下午4点', '下午4点'],
    ['改到28号', '28号'],
    ['那就改成每周四吧', '每周四'],
    ['把提醒改到明天上午10点', '明天上午10点'],
  ])('“%s” edits the reminder just set or listed', (text, when) => {
    expect(command(text)).toEqual({ kind: 'edit', text: when });
  });

  it('“第2个” answers “要改哪一个？”; a drafting edit is not a reminder edit', () => {
    expect(command('第2个')).toEqual({ kind: 'pick', id: 2 });
    expect(command('2')).toEqual({ kind: 'pick', id: 2 });
    expect(kind('改成更正式的语气')).toBe('chat');
    expect(kind('把（二）改到500字')).toBe('draft');
  });
});

describe('which rate limit a message counts against (issue 19 item 6)', () => {
  it.each([
    ['我的提醒', false],
    ['取消提醒 2', false],
    ['提醒我6月30日前交上半年意识形态报告，提前3天提醒', false],
    ['改到下午4点', false],
    ['每周一上午9点开例会（遇节假日顺延）', false],
    ['/help', false],
    ['导出Word', false],
    ['好的', true],
    ['帮我看看', true],
    ['写全文', true],
    ['你好', true],
    ['帮我看看这段：我局认真落实意识形态工作责任制。', true],
  ])('%s → model: %s', (text, model) => {
    expect(routeNeedsModel(routeText(text, o))).toBe(model);
  });
});

describe('the review loop’s words (issue 22)', () => {
  it.each([
    ['全部处理', 'review-answer'],
    ['处理 1 3 5', 'review-answer'],
    ['处理第二条', 'review-answer'],
    ['除了2都改', 'review-answer'],
    ['不处理', 'review-answer'],
    ['这版改了什么', 'review-version'],
    ['这次改了哪些？', 'review-version'],
    ['改回上一版', 'review-version'],
    ['@张三 审稿', 'reviewer'],
    ['直接改原文档', 'review-in-place'],
    ['在原文档上改', 'review-in-place'],
    ['改原文', 'review-in-place'],
    ['全部处理，直接改原文档', 'review-in-place'],
    ['处理 1 3，在原文档上改', 'review-in-place'],
    ['就改原文吧', 'review-in-place'],
    ['原文怎么改', 'chat'],
    // Not answers: ordinary sentences with the same words.
    ['这件事怎么处理比较好', 'chat'],
    ['审稿的时候要注意什么', 'chat'],
  ])('%s → %s', (text, k) => {
    expect(kind(text)).toBe(k);
  });

  it('按审校意见修订 or 处理批注 quoting a file is about that file; a link with 处理批注 keeps the words', async () => {
    const { routeMessage } = await import('../../../src/handler/routes.js');
    for (const text of ['按审校意见修订', '处理批注', '按批注修改']) {
      const r = routeMessage({ kind: 'text', text, quotedId: 'om_file' }, o);
      expect(r.kind, text).toBe('document');
    }
    const link = routeMessage({ kind: 'text', text: '处理批注 https://a.feishu.cn/docx/DocxAbc123' }, o);
    expect(link.kind === 'document' && link.document.words).toBe('处理批注');
    expect(routeNeedsModel({ kind: 'review-version', op: 'changes' })).toBe(false);
  });

  it('the 直接改原文档 button under a cloud doc’s list routes like the typed words', async () => {
    const { routeButton } = await import('../../../src/handler/routes.js');
    expect(routeButton({ action: 'review', op: 'in-place', thread: 't' })).toEqual({ kind: 'review-in-place', text: '直接改原文档', all: true });
    expect(routeButton({ action: 'review', op: 'all', thread: 't' })).toEqual({ kind: 'review-answer', text: '全部处理', all: true });
  });

  it('every button the flows show is built and read back by one owner (drafting/buttons.ts): none routes as expired', async () => {
    const b = await import('../../../src/flows/drafting/buttons.js');
    const { routeButton } = await import('../../../src/handler/routes.js');
    const shown = [
      ...b.draftButtons('t', { kind: 'outline' }), ...b.expiryButtons('t'), ...b.forgetButtons('tag'),
      ...b.ocrButtons('tag', 'job-1'), ...b.reviewButtons('t', true),
    ];
    const kinds = shown.map((x) => routeButton(x.value).kind);
    expect(kinds).not.toContain('button-expired');
    expect(b.reviewButtons('t', true).map((x) => routeButton(x.value))).toEqual([
      { kind: 'review-answer', text: '全部处理', all: true }, { kind: 'review-in-place', text: '直接改原文档', all: true },
    ]);
    expect(b.reviewButtons('t').map((x) => x.text)).toEqual(['全部处理']);
  });
});
