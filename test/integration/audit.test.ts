// The audit trail (issue 26): a mixed run through the fake Open API, then the export holds one record per job
// and refusal, with ids and kinds but none of the text that was sent.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, OTHER_USER_OPEN_ID, textEvent, USER_OPEN_ID } from '../support/events.js';
import { eventually } from '../support/wait.js';
import { runBigan } from '../support/cli.js';
import { Admission } from '../../src/queue/admission.js';
import { AuditLog, auditKey } from '../../src/stores/audit.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const TOKEN = 'admin-token-for-tests';
const auth = { authorization: `Bearer ${TOKEN}` };

async function adminGet(x: Harness, path: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`http://127.0.0.1:${x.app.port}${path}`, { headers: auth });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

const auditCount = async (x: Harness) => {
  const r = new Redis(x.redisUrl);
  try {
    return await r.xlen(auditKey(x.prefix));
  } finally {
    r.disconnect();
  }
};

describe('the audit trail', () => {
  it('holds one record per job and per refusal, and none of the text', async () => {
    h = await startHarness({
      env: { ADMIN_TOKEN: TOKEN, ALLOWED_CHAT_IDS: 'oc_p2p_chat_0001,oc_group_chat_0001', USER_RATE_LIMIT: '100' },
      llm: (body) => (body.messages.at(-1)!.content.includes('待审文本') ? '一、结构：三部分齐全。' : '好的，这是回答。'),
    });
    const sent = [
      '帮我写一份2025年上半年意识形态工作责任制落实情况报告的提纲，我局召开专题会议甲乙丙4次',
      '帮我看看这段：\n2025年上半年落实意识形态工作责任制情况报告\n局党组召开专题会议丁戊己7次。现将有关情况报告如下：\n一、主要做法\n二、存在问题\n三、下一步打算',
      '今天天气怎么样，庚辛壬癸',
      '帮助',
      '请审阅（秘密★1年）这份材料子丑寅卯',
      '/reset',
    ];
    for (const [i, text] of sent.entries()) {
      await h.post(textEvent(text));
      // One at a time: the thread's jobs run in order anyway, and the count says when each is done.
      await eventually(async () => ((await auditCount(h!)) >= i + 1 ? true : undefined), `audit record ${i + 1}`);
    }
    // Refused at admission: a chat that is not allow-listed.
    const outsider = '我不在名单上的群里说的话辰巳午未';
    await h.post(textEvent(outsider, { chatId: 'oc_not_listed_0001' }));
    await eventually(async () => ((await auditCount(h!)) >= sent.length + 1 ? true : undefined), 'the refusal record');

    const jsonl = await adminGet(h, '/admin/audit?format=jsonl');
    expect(jsonl.status).toBe(200);
    const records = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(sent.length + 1);
    expect(records.map((r) => r.kind)).toEqual(['outline', 'critique', 'chat', 'help', 'refusal', 'reset', 'refusal']);
    expect(records[4]).toMatchObject({ reason: 'classified', outcome: 'refused', user: USER_OPEN_ID });
    expect(records[6]).toMatchObject({ reason: 'not-allowed', outcome: 'refused', chat: 'oc_not_listed_0001', tenant: 'tenant_test' });
    for (const r of records.slice(0, 4)) expect(r).toMatchObject({ outcome: 'ok', model: 'fake-model', chat: expect.stringMatching(/^oc_/) as unknown });
    expect(records[0]!.prompt).toMatch(/^[0-9a-f]{12}$/);

    const csv = await adminGet(h, '/admin/audit?format=csv&kind=refusal');
    expect(csv.type).toContain('text/csv');
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('id,time,tenant,chat,user,kind,reason,docs,model,prompt,outcome,job,content,docToken,findings');
    expect(rows).toHaveLength(3);

    // None of the sent text, whole or any line of it, is in either export.
    for (const text of [...sent, outsider]) {
      for (const piece of [text, ...text.split('\n').filter((l) => l.length >= 4)]) {
        expect(jsonl.text).not.toContain(piece);
        expect(csv.text).not.toContain(piece);
      }
    }
    for (const marker of ['甲乙丙', '丁戊己', '庚辛壬癸', '子丑寅卯', '辰巳午未']) expect(jsonl.text + csv.text).not.toContain(marker);

    // The operator's command line reads the same trail.
    process.env.REDIS_URL = h.redisUrl;
    process.env.REDIS_PREFIX = h.prefix;
    try {
      const cli = await runBigan(['audit', '--format', 'csv', '--user', USER_OPEN_ID]);
      expect(cli.code).toBe(0);
      expect(cli.stdout.trim().split('\r\n')).toHaveLength(1 + 7);
      // The README's example, as written.
      const file = join(mkdtempSync(join(tmpdir(), 'bigan-audit-')), 'audit.csv');
      const readme = await runBigan(['audit', '--since', '2026-01-01', '--format', 'csv', '-o', file]);
      expect(readme.code).toBe(0);
      expect(readFileSync(file, 'utf8').startsWith('id,time,')).toBe(true);
      expect(readme.stderr).toContain('已导出');
      const bad = await runBigan(['audit', '--since', '昨天']);
      expect(bad.code).toBe(2);
    } finally {
      delete process.env.REDIS_URL;
      delete process.env.REDIS_PREFIX;
    }

    // Usage for the office: counts by month, chat and kind, from the same records.
    const metrics = await (await fetch(`http://127.0.0.1:${h.app.port}/metrics`)).text();
    const outline = metrics.split('\n').find((l) => l.startsWith('bigan_usage_total{') && l.includes('kind="outline"'));
    expect(outline).toMatch(/chat="oc_p2p_chat_0001"/);
    expect(outline).toMatch(/department="未知"/);
    expect(outline).toMatch(/month="\d{4}-\d{2}"/);
    expect(outline?.trim().endsWith(' 1')).toBe(true);
    for (const marker of ['甲乙丙', '庚辛壬癸']) expect(metrics).not.toContain(marker);

    const denied = await fetch(`http://127.0.0.1:${h.app.port}/admin/audit`);
    expect(denied.status).toBe(401);
    const badQuery = await adminGet(h, '/admin/audit?since=yesterday');
    expect(badQuery.status).toBe(400);
  });

  it('a rate-limited request is recorded once, with its reason', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: TOKEN, USER_RATE_LIMIT: '1' }, llm: () => '好的。' });
    const first = textEvent('第一条问题', { senderOpenId: OTHER_USER_OPEN_ID });
    const second = textEvent('第二条问题', { senderOpenId: OTHER_USER_OPEN_ID });
    await h.post(first);
    await h.post(second);
    await eventually(async () => ((await auditCount(h!)) >= 2 ? true : undefined), 'two records');
    const records = (await adminGet(h, '/admin/audit')).text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.filter((r) => r.reason === 'rate-limited')).toHaveLength(1);
    expect(records.find((r) => r.kind !== 'refusal')).toMatchObject({ job: `msg-${messageIdOf(first)}`, outcome: 'ok' });
    // The refusal's notice job writes no second record.
    await h.feishu.waitFor(() => h!.feishu.repliesTo(messageIdOf(first)).length >= 1 && h!.feishu.repliesTo(messageIdOf(second)).length >= 1, 30_000, 'both answers');
    expect(await auditCount(h)).toBe(2);
  });
});

describe('admission records a full queue in its own script', () => {
  it('one XADD in the claiming script, trimmed by time', async () => {
    const redis = new Redis(inject('redisUrl'));
    const prefix = `t${randomUUID().slice(0, 8)}`;
    try {
      const a = new Admission(redis, { prefix, perMinute: 0, maxQueued: 1, allowedTenants: [], allowedChats: [], allowedUsers: [], auditRetentionDays: 180 });
      const who = { tenantKey: 'tenant_x', chatId: 'oc_1', userIds: ['ou_1'] };
      expect(await a.admit(who, 'job-1')).toMatchObject({ ok: true });
      expect(await a.admit(who, 'job-2')).toMatchObject({ ok: false, reason: 'queue-full' });
      const log = new AuditLog(redis, { prefix, retentionDays: 180 });
      const recs = await log.query();
      expect(recs).toHaveLength(1);
      expect(recs[0]).toMatchObject({ kind: 'refusal', reason: 'queue-full', user: 'ou_1', chat: 'oc_1', tenant: 'tenant_x', job: 'job-2', outcome: 'refused' });
      // Entries older than the retention are trimmed on an append (MINID ~: whole stream nodes of 100, so
      // never a record younger than the retention, and old ones by the node).
      const old = new AuditLog(redis, { prefix: `${prefix}-old`, retentionDays: 180 });
      for (let i = 1; i <= 250; i++) await redis.xadd(old.key, `${i}-0`, 'time', String(i), 'kind', 'old', 'outcome', 'ok');
      await old.record({ time: Date.now(), kind: 'probe', outcome: 'ok' });
      const left = await old.query();
      expect(left.filter((r) => r.kind === 'old').length).toBeLessThanOrEqual(100);
      expect(left.at(-1)!.kind).toBe('probe');
      await redis.del(old.key);
    } finally {
      await redis.del(auditKey(prefix), `${prefix}:userjobs:ou_1`);
      redis.disconnect();
    }
  });
});
