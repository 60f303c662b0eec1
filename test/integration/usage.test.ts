/**
 * Issue 26 item 7: usage for the office. A monthly summary per chat and per department — the department
 * from the contact API (GET /open-apis/contact/v3/users/:id, cached) when the scope is granted, else 未知 —
 * as /metrics series and an admin export (/admin/usage, CSV or JSONL behind ADMIN_TOKEN). Counts only: the
 * export holds none of the sent text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { appSettled } from '../support/queues.js';

const TOKEN = 'admin-usage-token-0123456789';
const A = 'ou_usage_aaaaaaaaaaaaaaaaaaaaaaaaaaaaa1';
const B = 'ou_usage_bbbbbbbbbbbbbbbbbbbbbbbbbbbbb2';
const CHAT_A = 'oc_p2p_usage_a';
const CHAT_B = 'oc_p2p_usage_b';
const PASTE = '审阅一下：一、主要做法\n今年我局认真落实意识形态工作责任制，党组召开专题会议XX次，研究部署意识形态工作。\n二、存在问题\n学习教育还不够深入，阵地管理还有薄弱环节。';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function say(x: Harness, user: string, chat: string, text: string, rootId?: string): Promise<string> {
  const ev = textEvent(text, { senderOpenId: user, chatId: chat, ...(rootId ? { rootId } : {}) });
  expect((await x.post(ev)).status).toBe(200);
  const id = messageIdOf(ev);
  await x.feishu.waitFor(() => {
    const r = x.feishu.repliesTo(id);
    return r.length >= 1 && r.every((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m) !== '正在思考…');
  }, EVENT_CEILING_MS, `reply to ${id}`);
  return id;
}

async function admin(x: Harness, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${x.app.port}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return { status: res.status, text: await res.text() };
}

const contactCalls = (x: Harness) => x.feishu.calls.filter((c) => c.path.startsWith('/open-apis/contact/v3/users/')).length;

describe('usage for the office', () => {
  it('counts drafts, critiques, findings by family and exports per month, chat and department; 未知 outside the contact range', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: TOKEN } });
    h.feishu.departments.set(A, ['od-bangongshi']);
    const month = h.now().toFormat('yyyy-MM');
    const outline = await say(h, A, CHAT_A, '帮我写一份2025年下半年市交通运输局落实意识形态工作责任制情况报告的提纲');
    await say(h, A, CHAT_A, '导出Word', outline);
    await say(h, A, CHAT_A, PASTE);
    await say(h, B, CHAT_B, PASTE);
    await appSettled(h);

    expect((await fetch(`http://127.0.0.1:${h.app.port}/admin/usage`)).status).toBe(401);
    const jsonl = await admin(h, `/admin/usage?month=${month}&format=jsonl`);
    expect(jsonl.status).toBe(200);
    const rows = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { findings: Record<string, number> });
    const a = rows.find((r) => r.chat === CHAT_A)!;
    const b = rows.find((r) => r.chat === CHAT_B)!;
    expect(a).toMatchObject({ month, department: 'od-bangongshi', drafts: 1, exports: 1, critiques: 1, jobs: 3 });
    expect(b).toMatchObject({ month, department: '未知', critiques: 1, drafts: 0 });
    expect(a.findings.placeholder).toBeGreaterThan(0);
    expect(b.findings).toEqual(a.findings);
    // Cached: one contact call per user, however many records they have.
    expect(contactCalls(h)).toBeLessThanOrEqual(2);

    const csv = await admin(h, `/admin/usage?month=${month}&format=csv`);
    expect(csv.text.split('\r\n')[0]).toBe('month,chat,department,jobs,drafts,critiques,fileCritiques,exports,reminders,refusals,failed,verdicts,findings');
    expect(csv.text).toContain(`${month},${CHAT_A},od-bangongshi,3,1,1,0,1,`);
    for (const text of [PASTE, '交通运输局', '专题会议']) expect(csv.text + jsonl.text).not.toContain(text);
    expect((await admin(h, '/admin/usage?month=2026-13x')).status).toBe(400);

    const metrics = String((await h.get('/metrics')).body);
    expect(metrics).toMatch(new RegExp(`bigan_usage_total\\{[^}]*chat="${CHAT_A}"[^}]*department="od-bangongshi"[^}]*kind="outline"`));
    expect(metrics).toMatch(new RegExp(`bigan_usage_findings_total\\{[^}]*chat="${CHAT_B}"[^}]*department="未知"[^}]*family="placeholder"`));
  });

  it('without the contact scope every department is 未知, and the API is not asked per user', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: TOKEN } });
    h.feishu.refuseContact = true;
    h.feishu.departments.set(A, ['od-bangongshi']);
    const month = h.now().toFormat('yyyy-MM');
    await say(h, A, CHAT_A, PASTE);
    await say(h, B, CHAT_B, PASTE);
    await appSettled(h);
    const rows = (await admin(h, `/admin/usage?month=${month}`)).text.trim().split('\n').map((l) => JSON.parse(l) as { department: string });
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.department === '未知')).toBe(true);
    expect(contactCalls(h)).toBe(1);
  });
});
