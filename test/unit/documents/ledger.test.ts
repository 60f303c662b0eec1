/** Issue 23 item 3 (files): .xlsx and .csv 台账, merged cells, multi-row headers, limits, passwords. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/documents/extract.js';
import { ledgerText, parseCsv, readLedger } from '../../../src/documents/ledger.js';
import { DEFAULT_PARSE_LIMITS } from '../../../src/documents/limits.js';
import { materialFacts } from '../../../src/documents/material.js';
import { documentError } from '../../support/rejects.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ledger/${name}`, import.meta.url));
const rejects = documentError;

describe('spreadsheet 台账', () => {
  it('reads a LibreOffice-made .xlsx: title, two-row header, merged cells, dates, formula results, each row addressed', async () => {
    const l = await readLedger('台账.xlsx', fixture('台账.xlsx'));
    const [judge, study] = l.sheets;
    expect(judge).toMatchObject({ name: '研判记录', title: '2026年上半年意识形态工作台账（研判记录）', headers: ['序号', '日期', '事项', '研判情况·问题类数', '研判情况·参会人数'] });
    expect(study!.headers).toEqual(['月份', '学习内容', '次数']);
    expect(l.facts.map((f) => f.text)).toEqual([
      '2026年3月20日，召开意识形态工作研判会，分析研判网络舆情，问题2类，参会18人',
      '2026年6月12日，召开意识形态工作研判会，分析研判3类问题，问题3类，参会21人',
      '4月，理论中心组集中学习15次',
      // The month is merged down two rows: the second row carries it too.
      '4月，《习近平谈治国理政》第五卷专题学习2次',
    ]);
    expect(l.facts[1]).toMatchObject({ address: { origin: 'file', source: '台账.xlsx', sheet: '研判记录', row: 5 }, date: '2026-06-12' });
    expect(l.facts[3]!.address).toMatchObject({ sheet: '学习记录', row: 3 });
    expect(ledgerText(l).split('\n')[0]).toBe('2026年上半年意识形态工作台账（研判记录）');
  });

  it('reads CSV in UTF-8 and in GBK (Excel in China), quotes and commas inside cells', async () => {
    for (const name of ['舆情台账-utf8.csv', '舆情台账-gbk.csv']) {
      const l = await readLedger(name, fixture(name));
      expect(l.kind).toBe('csv');
      expect(l.facts.map((f) => f.text)).toEqual(['2026-05-08，监测处置网络负面舆情，约谈账号负责人，处置7条', '2026-06-20，开展"清朗"专项行动，处置3条']);
      expect(l.facts[0]!.address.row).toBe(2);
    }
    expect(parseCsv('a,"b ""x"", y"\r\n1,2\n')).toEqual([['a', 'b "x", y'], ['1', '2']]);
    expect(parseCsv('日期\t事项\n6月\t研判')).toEqual([['日期', '事项'], ['6月', '研判']]);
  });

  it('goes through extractFile (the parser process) and into material as facts with rows and the 台账’s period', async () => {
    const file = await extractFile('台账.xlsx', fixture('台账.xlsx'));
    expect(file.kind).toBe('xlsx');
    expect(file.ledger!.facts).toHaveLength(4);
    const m = materialFacts(file.text, file.name, 6000, '根据这份台账写报告', { now: new Date('2026-12-06T02:00:00Z'), tabular: true });
    expect(m).toMatchObject({ model: false, period: { year: 2026, span: 'H1' } });
    expect(m.facts.join('\n')).toContain('理论中心组集中学习15次（学习记录·第2行）');
    expect(m.note).toContain('作为本期事实材料使用（它是台账/表格）');
  });

  it('answers every bad sheet in words', async () => {
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(50), Buffer.from('EncryptedPackage', 'utf16le')]);
    const pw = await rejects(readLedger('加密台账.xlsx', encrypted));
    expect(pw.reason).toBe('encrypted');
    expect(pw.userMessage).toContain('设置了打开密码');
    expect((await rejects(readLedger('旧版台账.xlsx', fixture('旧版台账.xls')))).userMessage).toContain('旧版 Excel 格式（.xls）');
    expect((await rejects(readLedger('旧版台账.xls', fixture('旧版台账.xls')))).reason).toBe('legacy-doc');
    expect((await rejects(readLedger('坏.xlsx', Buffer.from('PK\u0003\u0004junk')))).userMessage).toContain('表格“坏.xlsx”打不开');
    const empty = await rejects(readLedger('空表.csv', Buffer.from('日期,事项,次数\n')));
    expect(empty.userMessage).toBe('表格“空表.csv”里没有数据行（只有表头或是空表）。请确认发的是填好的台账，或直接把内容粘贴过来。');
    const rows = ['日期,事项,次数', ...Array.from({ length: 60 }, (_, i) => `2026-06-${(i % 28) + 1},学习,${i}`)].join('\n');
    const big = await rejects(readLedger('大表.csv', Buffer.from(rows), { ...DEFAULT_PARSE_LIMITS, maxLedgerRows: 40 }));
    expect(big.userMessage).toBe('表格“大表.csv”有 60 行数据，超过了一次可读取的 40 行。请只保留本期（例如本半年）的行，或按月份拆成几个文件分别发送。');
    const ok = await readLedger('恰好.csv', Buffer.from(rows), { ...DEFAULT_PARSE_LIMITS, maxLedgerRows: 60 });
    expect(ok.facts).toHaveLength(60);
  });
});
