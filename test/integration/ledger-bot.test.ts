/**
 * 记一笔 all period long (issue 23 item 4), through the real app: add, list, edit, delete, export
 * as .xlsx (read back with exceljs), and “根据本半年台账写报告” drafting from the period's entries
 * with each fact traced to its entry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startHarness, type Harness } from '../support/harness.js';
import { settledReplies } from '../support/queues.js';
import { messageIdOf, textEvent } from '../support/events.js';
import type { FakeRequestBody } from '../support/fake-openai.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const replies = settledReplies;

function model(body: FakeRequestBody): string {
  const p = body.messages.at(-1)!.content;
  if (p.startsWith('请为下面的写作需求拟一份报告提纲')) return '关于2026年下半年落实意识形态工作责任制情况的报告\n现将有关情况报告如下：\n一、工作开展情况\n（一）强化研判\n二、存在的问题\n（一）力量薄弱\n三、下一步工作打算\n（一）持续研判';
  return '8月12日召开意识形态工作研判会，分析研判3类问题。';
}

describe('记一笔', () => {
  it('adds, lists, edits, deletes, exports and drafts from the period’s entries', async () => {
    h = await startHarness({ llm: model });
    const x = h;
    const say = async (t: string, count = 1) => {
      const ev = textEvent(t);
      await x.post(ev);
      return (await replies(x, messageIdOf(ev), count)).map((m) => x.feishu.textOf(m)).join('\n---\n');
    };
    expect(await say('记一笔：8月12日召开意识形态工作研判会，分析研判3类问题')).toMatch(/已记入本单位台账：2026年8月12日，召开意识形态工作研判会，分析研判3类问题。台账现有 1 条.*编号 1/);
    expect(await say('记一笔：9月3日开展网络安全宣传周活动，发放资料600份')).toContain('台账现有 2 条');
    expect(await say('记一笔：2026年3月5日理论中心组集中学习1次')).toContain('台账现有 3 条');
    expect(await say('记一笔：')).toContain('没有看懂要记的内容');
    const list = await say('查看台账');
    expect(list).toContain('第3条 · 2026年3月5日 · 理论中心组集中学习1次\n第1条 · 2026年8月12日');
    expect(await say('修改第2条：9月4日开展网络安全宣传周活动，发放资料650份')).toContain('已修改台账第2条：2026年9月4日');
    expect(await say('删除第9条')).toContain('台账里没有第9条');
    expect(await say('删除第3条')).toBe('已删除台账第3条。');

    const ev = textEvent('导出台账');
    await x.post(ev);
    const out = await replies(x, messageIdOf(ev), 2);
    const file = out.find((m) => m.msg_type === 'file')!.file!;
    expect(file.name).toBe('本单位台账.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell('C3').value).toBe('召开意识形态工作研判会，分析研判3类问题');
    expect(ws.getCell('C4').value).toBe('开展网络安全宣传周活动，发放资料650份');
    expect(ws.actualRowCount).toBe(4);

    const card = await say('根据本半年台账写报告');
    expect(card).toContain('“本单位台账（2026年下半年，2 条）”作为本期事实材料使用');
    const prompts = x.llm.requests.map((r) => r.messages.at(-1)!.content).join('\n');
    expect(prompts).toContain('2026年9月4日，开展网络安全宣传周活动，发放资料650份');
    expect(prompts).not.toContain('理论中心组集中学习1次');
    expect(card).not.toContain('在材料和你的原话里都找不到出处');
  });
});
