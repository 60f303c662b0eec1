/**
 * Issue 23 item 3 (Feishu half): the documented read shapes of 飞书电子表格, 多维表格 and OCR,
 * served by the fake Open API over loopback, map to the one fact model with addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressLabel } from '../../../src/report/material/facts.js';
import { feishuErrorKind } from '../../../src/feishu/codes.js';
import { bitableFacts, confirmsOcr, ocrFacts, ocrRequest, ocrResult, scanResult, sheetFacts, sheetToLedger, tableReadError, type BitableField, type BitableRecord, type SheetMeta, type ValueRange } from '../../../src/documents/feishu-ledger.js';
import { FakeFeishu } from '../../support/fake-feishu.js';

let fake: FakeFeishu;
const call = async <T>(method: string, path: string, body?: unknown): Promise<{ code: number; msg: string; data: T }> => {
  const res = await fetch(`${fake.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: 'Bearer t-fake-token' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return (await res.json()) as { code: number; msg: string; data: T };
};

beforeAll(async () => {
  fake = await FakeFeishu.start();
  fake.tableApi.spreadsheets.set('shtTOKEN', {
    sheets: [{
      sheet_id: 's1a2b3', title: '研判记录',
      merges: [{ start_row_index: 0, end_row_index: 0, start_column_index: 0, end_column_index: 2 }, { start_row_index: 2, end_row_index: 3, start_column_index: 0, end_column_index: 0 }],
      values: [
        ['2026年上半年舆情研判台账', null, null],
        ['月份', '事项', '次数'],
        ['3月', [{ type: 'text', text: '召开意识形态工作研判会' }], 2],
        [null, '专题研判网络舆情', 1],
      ],
    }],
  });
  fake.tableApi.bitables.set('bascnLEDGER', {
    name: '2026年意识形态工作台账',
    tables: new Map([['tblSTUDY', {
      name: '学习记录',
      fields: [
        { field_id: 'fld1', field_name: '日期', type: 5 },
        { field_id: 'fld2', field_name: '学习内容', type: 1 },
        { field_id: 'fld3', field_name: '参加人数', type: 2 },
        { field_id: 'fld4', field_name: '记录人', type: 11, ui_type: 'User' },
      ],
      records: [
        { record_id: 'recA1', fields: { 日期: Date.UTC(2026, 5, 11, 16), 学习内容: [{ text: '理论中心组集中学习', type: 'text' }], 参加人数: 23, 记录人: [{ id: 'ou_x', name: '张三' }] } },
        { record_id: 'recA2', fields: { 日期: Date.UTC(2026, 2, 4, 16), 学习内容: [{ text: '专题党课', type: 'text' }] } },
      ],
    }]]),
  });
  fake.tableApi.deniedBitables.add('bascnSECRET');
  fake.tableApi.ocr.push({ match: (b) => b.toString('utf8').startsWith('PHOTO-1'), lines: ['6月12日 召开意识形态工作研判会', '分析研判3类问题'] });
});
afterAll(async () => fake.close());

describe('飞书电子表格', () => {
  it('query + values (FormattedString) → rows with merges filled and addresses', async () => {
    const meta = await call<{ sheets: SheetMeta[] }>('GET', '/open-apis/sheets/v3/spreadsheets/shtTOKEN/sheets/query');
    const sheet = meta.data.sheets[0]!;
    const values = await call<{ valueRange: ValueRange }>('GET', `/open-apis/sheets/v2/spreadsheets/shtTOKEN/values/${encodeURIComponent(`${sheet.sheet_id}!A1:C4`)}?valueRenderOption=FormattedValue&dateTimeRenderOption=FormattedString`);
    const ledger = sheetToLedger(sheet, values.data.valueRange);
    expect(ledger).toMatchObject({ title: '2026年上半年舆情研判台账', headers: ['月份', '事项', '次数'] });
    const facts = sheetFacts('舆情研判台账', ledger);
    expect(facts.map((f) => f.text)).toEqual(['3月，召开意识形态工作研判会2次', '3月，专题研判网络舆情1次']);
    expect(addressLabel(facts[1]!.address)).toBe('飞书电子表格“舆情研判台账”·研判记录·第4行');
  });
});

describe('多维表格', () => {
  it('fields + records/search → facts by record, dates in China time, people never named', async () => {
    const fields = await call<{ items: BitableField[] }>('GET', '/open-apis/bitable/v1/apps/bascnLEDGER/tables/tblSTUDY/fields?page_size=100');
    const records = await call<{ items: BitableRecord[]; has_more: boolean }>('POST', '/open-apis/bitable/v1/apps/bascnLEDGER/tables/tblSTUDY/records/search?page_size=500', { automatic_fields: false });
    expect(records.data.has_more).toBe(false);
    const facts = bitableFacts('意识形态台账', '学习记录', fields.data.items, records.data.items);
    expect(facts.map((f) => f.text)).toEqual(['2026年6月12日，理论中心组集中学习，参加23人', '2026年3月5日，专题党课']);
    expect(facts.map((f) => f.text).join('')).not.toContain('张三');
    // Named by the base's title, the table and the row as read; the record id is kept beside it.
    expect(addressLabel(facts[0]!.address)).toBe('《意识形态台账》·学习记录·第1行');
    expect(facts[1]!.address).toMatchObject({ row: 2, record: 'recA2' });
  });

  it('the base’s own title comes from GET /bitable/v1/apps/:app_token (data.app.name)', async () => {
    const app = await call<{ app: { app_token: string; name: string } }>('GET', '/open-apis/bitable/v1/apps/bascnLEDGER');
    expect(app.data.app).toMatchObject({ app_token: 'bascnLEDGER', name: '2026年意识形态工作台账' });
  });

  it('a bitable the app may not read, or that is gone, gets a clear answer', async () => {
    const denied = await call('POST', '/open-apis/bitable/v1/apps/bascnSECRET/tables/tblX/records/search', {});
    expect(denied.code).toBe(1254302);
    expect(tableReadError(feishuErrorKind(denied.code, 400), denied.code, '多维表格').userMessage).toContain('添加文档应用');
    const gone = await call('GET', '/open-apis/bitable/v1/apps/bascnNOPE/tables/tblX/fields');
    expect(tableReadError(feishuErrorKind(gone.code, 404), gone.code, '多维表格')).toMatchObject({ reason: 'not-found' });
    expect(feishuErrorKind(1254607, 400)).toBe('server');
    expect(tableReadError('refused', 1254999, '多维表格').userMessage).toContain('稍后');
  });
});

describe('OCR', () => {
  it('basic_recognize → lines shown back for checking; facts only once confirmed', async () => {
    const body = ocrRequest('台账照片.jpg', Buffer.from('PHOTO-1 jpeg bytes'));
    const res = await call<{ text_list: string[] }>('POST', '/open-apis/optical_char_recognition/v1/image/basic_recognize', body);
    const r = ocrResult('台账照片.jpg', res);
    expect(r.check.split('\n').slice(0, 3)).toEqual(['识别结果，请核对（图片“台账照片.jpg”，共 2 行）：', '1. 6月12日 召开意识形态工作研判会', '2. 分析研判3类问题']);
    expect(r.check).toContain('确认前这些内容不会用于起草');
    expect(confirmsOcr('确认')).toBe(true);
    expect(confirmsOcr('不对，是4类')).toBe(false);
    expect(addressLabel(ocrFacts(r)[1]!.address)).toBe('图片“台账照片.jpg”识别结果·第2行');
    expect(ocrResult('空白.jpg', { data: { text_list: [] } }).check).toContain('没有识别出文字');
  });

  it('a scanned PDF’s pages → lines numbered per page, facts addressed as file · 第N页 · line, what was not read said', () => {
    const r = scanResult('台账.pdf', [
      { page: 1, lines: ['2026年3月20日 召开研判会', ' 理论中心组集中学习15次 '], from: 'ocr' },
      { page: 2, skipped: 'too-large', bytes: 6 * 1048576 },
      { page: 3, lines: ['网络安全宣传周'], from: 'text' },
      { page: 4, skipped: 'blank' },
    ], 12, 4);
    expect(r.lines).toEqual(['2026年3月20日 召开研判会', '理论中心组集中学习15次', '网络安全宣传周']);
    expect(r.check.split('\n').slice(0, 6)).toEqual(['识别结果，请核对（扫描件“台账.pdf”，识别了 4 页，共 3 行）：', '第1页：', '1. 2026年3月20日 召开研判会', '2. 理论中心组集中学习15次', '第3页（文字页，按原文读取）：', '1. 网络安全宣传周']);
    expect(r.check).toContain('第2页的扫描图片有 6.0 MB，超过了文字识别一次可处理的 5 MB');
    expect(r.check).toContain('这份 PDF 共 12 页，扫描件每次只识别前 4 页，第5～12页没有读取');
    expect(ocrFacts(r).map((f) => addressLabel(f.address))).toEqual(['扫描件“台账.pdf”识别结果·第1页·第1行', '扫描件“台账.pdf”识别结果·第1页·第2行', '扫描件“台账.pdf”识别结果·第3页·第1行']);
    expect(scanResult('空白.pdf', [{ page: 1, skipped: 'blank' }], 1, 10).check).toContain('没有识别出文字');
    const slow = scanResult('大扫描件.pdf', [{ page: 1, lines: ['第一页'], from: 'ocr' }], 12, 10, 1);
    expect(slow.check).toContain('识别了 1 页，共 1 行');
    expect(slow.check).toContain('只识别了前 1 页，第2～10页没有识别');
    expect(slow.check).toContain('这份 PDF 共 12 页，扫描件每次只识别前 10 页，第11～12页没有读取');
  });

  it('pages OCR failed on are named: with other pages read, how to read them again; with none, how to send the file again', () => {
    const some = scanResult('台账.pdf', [
      { page: 1, lines: ['2026年3月20日 召开研判会'], from: 'ocr' },
      { page: 2, skipped: 'failed' },
      { page: 3, skipped: 'failed' },
    ], 3, 10);
    expect(some.check).toContain('识别了 1 页，共 1 行');
    expect(some.check).toContain('第2、3页没能识别：飞书文字识别处理这几页时一再出错。其他页的结果照常列在上面；要补上这几页，请点卡片上的“重新识别”');
    const none = scanResult('台账.pdf', [{ page: 1, skipped: 'failed' }, { page: 2, skipped: 'blank' }], 2, 10);
    expect(none.lines).toEqual([]);
    expect(none.check).toBe('扫描件“台账.pdf”的第1页没能识别：飞书文字识别一再出错。请稍后重新发送这份文件再试，或直接把文字粘贴过来。');
  });

  it('an image over the 5 MB limit is answered before any call; the fake refuses one as Feishu does', async () => {
    let refused: unknown;
    try {
      ocrRequest('大图.jpg', Buffer.alloc(4 * 1024 * 1024));
    } catch (err) {
      refused = err;
    }
    expect((refused as { userMessage: string }).userMessage).toBe('图片“大图.jpg”有 4.0 MB，超过了文字识别一次可处理的 5 MB（按编码后计算约 3.7 MB 的原图）。请截取有文字的部分、降低分辨率后再发，或直接把文字粘贴过来。');
    const res = await call('POST', '/open-apis/optical_char_recognition/v1/image/basic_recognize', { image: 'A'.repeat(5 * 1024 * 1024) });
    expect(res.code).toBe(1150101);
  });
});
