/**
 * The unit's word list, pure half (issue 24 item 5): the file format, the chat commands, the listing, and
 * the critic applying the entries with the source “单位规定”.
 */
import { describe, expect, it } from 'vitest';
import { critique } from '../../../src/report/critique/index.js';
import { applyWordCommand, formatUnitWords, parseUnitWordsFile, parseWordCommand, serializeUnitWords, type UnitWordList } from '../../../src/report/unit-words.js';

const NOW = new Date('2026-01-15T00:00:00Z');
const empty: UnitWordList = { entries: [] };

describe('chat commands', () => {
  it('把‘XX’加入慎用词 / 禁用词, with any quotes or none', () => {
    expect(parseWordCommand('把‘抓手’加入慎用词')).toEqual({ type: 'add', entry: { word: '抓手', kind: 'avoid' } });
    expect(parseWordCommand('把“赋能”加入禁用词表。')).toEqual({ type: 'add', entry: { word: '赋能', kind: 'forbid' } });
    expect(parseWordCommand('请把 打通最后一公里 加入本单位慎用词')).toEqual({ type: 'add', entry: { word: '打通最后一公里', kind: 'avoid' } });
  });
  it('‘XX’改为‘YY’ needs both words quoted; a plain sentence with 改为 is no command', () => {
    expect(parseWordCommand('‘街道办’改为‘街道办事处’')).toEqual({ type: 'add', entry: { word: '街道办', kind: 'replace', replacement: '街道办事处' } });
    expect(parseWordCommand('把“网格员”统一改为“网格管理员”')).toEqual({ type: 'add', entry: { word: '网格员', kind: 'replace', replacement: '网格管理员' } });
    expect(parseWordCommand('会议改为下周召开')).toBeNull();
    expect(parseWordCommand('帮我写一份上半年意识形态工作报告')).toBeNull();
  });
  it('查看本单位词表, and removing a word', () => {
    expect(parseWordCommand('查看本单位词表')).toEqual({ type: 'list' });
    expect(parseWordCommand('查看词表？')).toEqual({ type: 'list' });
    expect(parseWordCommand('把“抓手”移出慎用词')).toEqual({ type: 'remove', word: '抓手' });
    expect(parseWordCommand('删除慎用词“抓手”')).toEqual({ type: 'remove', word: '抓手' });
  });
  it('bad input gets a clear reason: the same word twice, a word too long', () => {
    expect(parseWordCommand('“抓手”改为“抓手”')).toEqual({ type: 'invalid', reason: '原词和新词相同' });
    const long = '这是一个特别特别长的句子而不是一个词语它超过了三十个字的限制所以不行';
    expect(parseWordCommand(`把“${long}”加入慎用词`)).toMatchObject({ type: 'invalid' });
    expect(applyWordCommand(empty, { type: 'invalid', reason: '原词和新词相同' }).reply).toBe('没有改动词表：原词和新词相同。');
  });
});

describe('applying commands and listing', () => {
  it('adds, updates the same word, removes, and never changes the list it was given', () => {
    const a = applyWordCommand(empty, parseWordCommand('把‘抓手’加入慎用词')!);
    expect(a.reply).toContain('已记下：“抓手”列为慎用词');
    expect(empty.entries).toEqual([]);
    const b = applyWordCommand(a.list, parseWordCommand('“抓手”改为“举措”')!);
    expect(b.reply).toContain('已更新：“抓手”改为“举措”');
    expect(b.list.entries).toEqual([{ word: '抓手', kind: 'replace', replacement: '举措' }]);
    const c = applyWordCommand(b.list, parseWordCommand('把“抓手”移出慎用词')!);
    expect(c.list.entries).toEqual([]);
    expect(applyWordCommand(c.list, { type: 'remove', word: '抓手' }).reply).toBe('本单位词表中没有“抓手”。');
  });
  it('查看本单位词表 lists the entries by kind; an empty list says how to add', () => {
    expect(applyWordCommand(empty, { type: 'list' }).reply).toContain('本单位词表还是空的');
    const list: UnitWordList = { entries: [{ word: '赋能', kind: 'forbid' }, { word: '抓手', kind: 'avoid' }, { word: '街道办', kind: 'replace', replacement: '街道办事处' }] };
    expect(formatUnitWords(list)).toBe('本单位词表共3条（审校时标注来源“单位规定”）：\n禁用词：“赋能”\n慎用词：“抓手”\n改为：“街道办”→“街道办事处”');
  });
});

describe('the file', () => {
  it('exports and imports the same list (JSON with format, version, source, scope)', () => {
    const list: UnitWordList = { scope: { tenant: 't1', group: 'oc_1' }, entries: [{ word: '抓手', kind: 'avoid', note: '党组会议定' }, { word: '街道办', kind: 'replace', replacement: '街道办事处' }] };
    const text = serializeUnitWords(list);
    expect(JSON.parse(text)).toMatchObject({ format: 'bigan-unit-words', version: 1, source: '单位规定' });
    expect(parseUnitWordsFile(text)).toEqual({ ok: true, list });
  });
  it('reads typed lines: 慎用：, 禁用：, “X”改为“Y”, comments; the last line for a word wins', () => {
    const r = parseUnitWordsFile('# 本单位用词\n慎用：抓手\n禁用：赋能\n“街道办”改为“街道办事处”\n慎用：赋能\n');
    expect(r).toEqual({ ok: true, list: { entries: [{ word: '抓手', kind: 'avoid' }, { word: '街道办', kind: 'replace', replacement: '街道办事处' }, { word: '赋能', kind: 'avoid' }] } });
  });
  it('bad files get a Chinese reason with the line', () => {
    expect(parseUnitWordsFile('慎用：抓手\n随便写一句话\n')).toEqual({ ok: false, error: '词表第2行无法识别：应写作“慎用：词语”“禁用：词语”或“‘原词’改为‘新词’”' });
    expect(parseUnitWordsFile('{"format":"other"}')).toMatchObject({ ok: false });
    expect(parseUnitWordsFile('{ not json')).toEqual({ ok: false, error: '词表文件不是有效的 JSON' });
    expect(parseUnitWordsFile('{"format":"bigan-unit-words","version":1,"entries":[{"word":"抓手","kind":"replace"}]}')).toEqual({ ok: false, error: '“抓手”是“改为”条目，但没有写改成什么（replacement）' });
  });
});

describe('the critic applies the list', () => {
  it('entries of a list become findings with the source 单位规定', () => {
    const list = parseUnitWordsFile('慎用：抓手\n禁用：赋能\n“街道办”改为“街道办事处”\n');
    if (!list.ok) throw new Error(list.error);
    const text = '2025年度工作报告\n以学习为抓手，为基层赋能，街道办每季度研判一次。\n';
    const f = critique(text, { now: NOW, unitWords: list.list.entries }).filter((x) => x.rule === 'unit-words');
    expect(f.map((x) => [text.slice(x.start, x.end), x.severity, x.replacement ?? null, x.source])).toEqual([
      ['抓手', 'warning', null, '单位规定'],
      ['赋能', 'error', null, '单位规定'],
      ['街道办', 'warning', '街道办事处', '单位规定'],
    ]);
    // Text that already reads the unit's form is no hit.
    const right = '2025年度工作报告\n街道办事处每季度研判一次。\n';
    expect(critique(right, { now: NOW, unitWords: list.list.entries }).filter((x) => x.rule === 'unit-words')).toEqual([]);
  });
});
