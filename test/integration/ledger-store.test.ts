/** Issue 23 items 4–6: 记一笔 into a Redis 台账 (no TTL, list, edit, export), provenance, unit profile. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LedgerStore } from '../../src/documents/ledger-store.js';
import { readLedger } from '../../src/documents/ledger.js';
import { entryAdded, parseLedgerEntry } from '../../src/report/material/entry.js';
import { mergeProfile, parseUnitProfile, profileLine, profileQuestion } from '../../src/report/material/profile.js';
import { traceDraft, untraceableList, whereFrom, wordsSource } from '../../src/report/material/provenance.js';

const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
afterAll(async () => redis.quit());

const JUNE_20 = new Date('2026-06-20T02:00:00Z');

describe('记一笔', () => {
  it('parses the entry, its date (a date later than today is last year’s), or today', () => {
    expect(parseLedgerEntry('记一笔：6月12日召开意识形态工作研判会，分析研判3类问题', JUNE_20)).toEqual({ date: '2026-06-12', text: '召开意识形态工作研判会，分析研判3类问题', dated: true });
    expect(parseLedgerEntry('@笔杆子 记一笔 12月30日开展网评员培训1期', JUNE_20)?.date).toBe('2025-12-30');
    expect(parseLedgerEntry('记一笔：2026年3月5日，专题党课', JUNE_20)?.date).toBe('2026-03-05');
    expect(parseLedgerEntry('记一笔，昨天排查宣传阵地12处', JUNE_20)).toMatchObject({ date: '2026-06-19', text: '排查宣传阵地12处' });
    expect(parseLedgerEntry('记一笔：处置网络舆情2起', JUNE_20)).toEqual({ date: '2026-06-20', text: '处置网络舆情2起', dated: false });
    expect(parseLedgerEntry('记一笔：2月30日开会', JUNE_20)).toBeNull();
    expect(parseLedgerEntry('记一笔：', JUNE_20)).toBeNull();
    expect(parseLedgerEntry('帮我记一下明天开会', JUNE_20)).toBeNull();
    expect(entryAdded({ date: '2026-06-20', text: '处置网络舆情2起', dated: false }, 3)).toBe('已记入本单位台账：2026年6月20日，处置网络舆情2起（没写日期，按今天记）。台账现有 3 条；发“查看台账”列出，“导出台账”得到 Excel 文件，“根据本半年台账写报告”会用到它们。');
  });

  it('keeps entries in Redis without expiry, lists by period, edits, removes and exports an .xlsx that reads back', async () => {
    const store = new LedgerStore(redis, `t:${randomUUID()}:`);
    const chat = 'oc_unit';
    for (const line of ['记一笔：6月12日召开意识形态工作研判会，分析研判3类问题', '记一笔：3月5日专题党课', '记一笔：8月1日开展宣讲5场']) {
      await store.add(chat, parseLedgerEntry(line, new Date('2026-08-02T02:00:00Z'))!, JUNE_20, 'ou_writer');
    }
    const keys = await redis.keys(`${(store as unknown as { prefix: string }).prefix}*`);
    for (const k of keys) expect(await redis.ttl(k)).toBe(-1);
    const h1 = await store.list(chat, { from: '2026-01-01', to: '2026-06-30' });
    expect(h1.map((e) => e.text)).toEqual(['专题党课', '召开意识形态工作研判会，分析研判3类问题']);
    expect(await store.edit(chat, h1[0]!.id, { date: '2026-03-06', text: '讲专题党课1次', dated: true }, JUNE_20)).toBe(true);
    expect(await store.edit(chat, '999', { date: '2026-03-06', text: 'x', dated: true }, JUNE_20)).toBe(false);
    expect(await store.remove(chat, '3')).toBe(true);
    expect(await store.count(chat)).toBe(2);
    const facts = await store.facts(chat, { from: '2026-01-01', to: '2026-06-30' });
    expect(facts[0]).toMatchObject({ text: '2026年3月6日，讲专题党课1次', address: { origin: 'ledger', record: '2' } });
    const xlsx = await store.exportXlsx(chat, '2026年上半年意识形态工作台账');
    const back = await readLedger('台账导出.xlsx', xlsx);
    expect(back.sheets[0]).toMatchObject({ title: '2026年上半年意识形态工作台账', headers: ['序号', '日期', '事项', '记录时间'] });
    expect(back.facts.map((f) => f.text.split('，').slice(0, 2).join('，'))).toEqual(['2026年3月6日，讲专题党课1次', '2026年6月12日，召开意识形态工作研判会']);
  });
});

describe('provenance (issue 23 item 5)', () => {
  const sources = [
    { text: '6月12日，召开意识形态工作研判会，分析研判3类问题', address: { origin: 'file' as const, source: '台账.xlsx', sheet: '研判记录', row: 5 } },
    wordsSource('上半年开展宣讲5场'),
  ];
  const draft = '上半年，召开意识形态工作研判会，分析研判3类问题，开展宣讲5场。深入学习贯彻二十届三中全会精神。召开全县网络安全推进会2次，印发《关于进一步加强网络阵地管理的意见》。';

  it('maps each piece to its source and lists what nothing supports', () => {
    const p = traceDraft(draft, sources);
    const first = p.sentences[0]!;
    expect(first.tokens.map((t) => `${t.token.text}:${t.sources.map((s) => s.origin).join('+')}`)).toEqual(['意识形态工作研判会:file', '3类:file', '5场:words']);
    expect(p.untraceable.map((u) => u.token.text)).toEqual(['全县网络安全推进会', '2次', '《关于进一步加强网络阵地管理的意见》']);
    expect(untraceableList(p)).toContain('以下 3 处在材料和你的原话里都找不到出处');
    expect(whereFrom(p, '这句出自哪里？分析研判3类问题')).toBe('“意识形态工作研判会”：“台账.xlsx”·研判记录·第5行\n“3类”：“台账.xlsx”·研判记录·第5行\n“5场”：你的原话');
    expect(traceDraft('【待补充：学习次数】', []).untraceable).toEqual([]);
  });
});

describe('unit profile (issue 23 item 6)', () => {
  it('takes the unit, its 上级党委, the role and the periods, never a name', () => {
    const p = parseUnitProfile('我们单位是中共青山县委宣传部，上级党委是中共青山县委，我是部长张三，每半年和年底各报一次');
    expect(p).toMatchObject({ unit: '中共青山县委宣传部', superior: '中共青山县委', periods: ['H1', 'H2', 'year'] });
    expect(p.role).toBeDefined();
    expect(JSON.stringify(p)).not.toContain('张三');
    expect(profileLine(p)).toMatch(/^按本群已确认的单位信息（单位：中共青山县委宣传部；上级党委：中共青山县委；身份：.+；通常报送：半年、年度报告）起草/);
    expect(profileQuestion({ unit: '中共青山县委宣传部' })).toBe('为了以后不再每次询问，请确认一次：上级党委、通常报送哪些时段（半年、年度）。不需要提供任何人的姓名。');
    expect(mergeProfile(p, { superior: '中共青山市委' }).superior).toBe('中共青山市委');
  });
});
