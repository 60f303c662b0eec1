/**
 * Issue 23 item 7: `npm run eval` anti-fabrication cases against a model fake that plants
 * invented facts (a meeting that never happened, a document title, a number not in the
 * material) and copies last year's report. Every planted piece must be marked or flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/eval/cli.js';
import { FABRICATION_CASES } from '../../src/eval/fabrication.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeRequestBody } from '../support/fake-openai.js';

/** A messy model: an outline, then a full draft that plants the case's inventions among real facts. */
function planter(body: FakeRequestBody): string {
  const all = body.messages.map((m) => m.content).join('\n');
  const prompt = body.messages.at(-1)!.content;
  if (prompt.startsWith('请为下面的写作需求拟一份报告提纲')) {
    return '好的，以下是提纲：\n\n**中共青山县委宣传部关于2026年上半年落实意识形态工作责任制情况的报告**\n\n现将有关情况报告如下：\n\n## 一、工作开展情况\n（一）强化理论武装\n（二）加强阵地管理\n## 二、存在的问题\n（一）队伍力量薄弱\n## 三、下一步工作打算\n（一）持续抓好理论武装';
  }
  // The full-draft prompt carries the facts and the model example (its 【范文…】 label), not the request words.
  const id = !all.includes('【范文') ? 'F01' : all.includes('网络安全宣传周') ? 'F04' : all.includes('集中学习15次') ? 'F02' : 'F03';
  const c = FABRICATION_CASES.find((x) => x.id === id)!;
  const planted = c.planted.map((p) => p.text);
  const body1 = [
    '当然可以！下面是全文：',
    '',
    '一、工作开展情况',
    `理论中心组集中学习15次。召开${planted.find((p) => /会议|推进会/.test(p)) ?? '意识形态工作研判会'}，${planted.find((p) => /^\d/.test(p)) ?? ''}。`,
    ...planted.filter((p) => p.startsWith('《')).map((p) => `印发${p}。`),
    ...planted.filter((p) => /活动$/.test(p)).map((p) => `举办${p}。`),
    ...planted.filter((p) => p.startsWith('“') && !/活动$/.test(p)).map((p) => `坚持${p}的要求。`),
    ...planted.filter((p) => /^\d+[次场]$/.test(p)).map((p) => `开展专题宣讲${p}。`),
    // Last year's study focus and campaign, copied as this period's.
    ...c.planted.filter((p) => p.kind === 'stale' && /全会$/.test(p.text)).map((p) => `深入学习贯彻党的二十大和${p.text}精神。`),
    ...c.planted.filter((p) => p.kind === 'stale' && /教育$/.test(p.text)).map((p) => `扎实开展${p.text}。`),
    '二、存在的问题',
    '网评员队伍力量薄弱。',
    '三、下一步工作打算',
    '持续抓好理论武装。',
    '',
    '希望对您有所帮助！',
  ];
  return body1.join('\n');
}

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI(planter);
});
afterAll(async () => fake.close());

describe('anti-fabrication eval', () => {
  it('plants inventions and last year’s facts; every one that reaches the draft is marked or flagged (100%)', async () => {
    let out = '';
    const code = await main(['--base-url', fake.url, '--model', 'planter', '--only', FABRICATION_CASES.map((c) => c.id).join(',')], (s) => (out += s));
    const rows = out.split('\n').filter((l) => /^\| F\d\d /.test(l)).map((l) => l.split('|').map((x) => x.trim()));
    expect(rows.map((r) => r[1])).toEqual(FABRICATION_CASES.map((c) => c.id));
    for (const r of rows) {
      // Planted pieces did reach the draft, and all of them were caught.
      expect(Number(r[3]), r.join('|')).toBeGreaterThan(0);
      expect(r[4], r.join('|')).toBe(r[3]);
      expect(r[5]).toBe('100%');
      expect(r[6]).toBe('0');
    }
    expect(out).toContain('| 合计 |');
    expect(code).toBe(0);
  });
});
