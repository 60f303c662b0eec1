/**
 * Issue 26, “Done when”: a scripted run of 50 mixed requests through the fake Open API — outlines, sections,
 * critiques, file critiques, Word and cloud-doc exports, reminders, and refusals (密级, rate limit, allowlist).
 * Afterwards: the audit export holds exactly one record per job and per refusal and none of the sent text;
 * “删除我的数据” for one user leaves no key of theirs; the exported .docx carries the AI label's custom
 * properties, and a cloud doc's content id is paired with its doc token in the trail; every key a scan of
 * Redis finds is a family docs/DATA.md lists.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageEvent, messageIdOf, textEvent } from '../support/events.js';
import { eventually } from '../support/wait.js';
import { appSettled } from '../support/queues.js';
import { buildDocx, DEFECT_REPORT } from '../support/docx-fixture.js';
import { realisticModel } from '../support/realistic-model.js';
import { auditKey } from '../../src/stores/audit.js';

const TOKEN = 'admin-token-deploy-run-0123';
const USERS = ['ou_run_u1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'ou_run_u2_bbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'ou_run_u3_ccccccccccccccccccccccccccccc', 'ou_run_u4_ddddddddddddddddddddddddddddd'] as const;
const HASTY = 'ou_run_u5_eeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const OUTSIDER = 'ou_run_u6_fffffffffffffffffffffffffffff';
const PUBLISHER = 'ou_run_u7_ggggggggggggggggggggggggggggg';
const chatOf = (u: string) => `oc_p2p_run_${u.slice(7, 9)}`;
const UNITS = ['市交通运输局', '市水务局', '市统计局', '市审计局'];
const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';

let h: Harness | undefined;
let redis: Redis | undefined;
afterEach(async () => {
  await h?.stop();
  redis?.disconnect();
  h = undefined;
  redis = undefined;
});

/** docProps/custom.xml as name → value (a real XML parser). */
async function customProps(data: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const xml = new DOMParser().parseFromString(await zip.file('docProps/custom.xml')!.async('string'), 'text/xml');
  const out: Record<string, string> = {};
  for (const p of Array.from(xml.getElementsByTagNameNS(CUSTOM_NS, 'property'))) out[p.getAttribute('name')!] = p.textContent ?? '';
  return out;
}

/** The key families docs/DATA.md lists (first column), as regular expressions for one prefix. */
function documentedFamilies(prefix: string): Array<{ name: string; re: RegExp }> {
  const doc = readFileSync(new URL('../../docs/DATA.md', import.meta.url), 'utf8');
  const out: Array<{ name: string; re: RegExp }> = [];
  for (const line of doc.split('\n')) {
    if (!line.startsWith('| `')) continue;
    for (const m of line.split('|')[1]!.matchAll(/`([^`]+)`/g)) {
      const re = m[1]!.split(/(<[^>]+>|\*)/).map((part) => (part === '<p>' ? prefix : part === '*' ? '.*' : part.startsWith('<') ? '[^:]+(?::[^:]+)*?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
      out.push({ name: m[1]!, re: new RegExp(`^${re}$`) });
    }
  }
  return out;
}

/** Every key under the prefix with what it holds, as text. */
async function dump(r: Redis, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await r.type(key);
      const value = type === 'string' ? await r.get(key)
        : type === 'hash' ? JSON.stringify(await r.hgetall(key))
          : type === 'list' ? JSON.stringify(await r.lrange(key, 0, -1))
            : type === 'set' ? JSON.stringify(await r.smembers(key))
              : type === 'zset' ? JSON.stringify(await r.zrange(key, '0', '-1'))
                : type === 'stream' ? JSON.stringify(await r.xrange(key, '-', '+')) : '';
      out.set(key, value ?? '');
    }
  } while (cursor !== '0');
  return out;
}

async function adminGet(x: Harness, path: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${x.app.port}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('the Done-when run', () => {
  it('50 mixed requests: one audit record each and no text; deletion leaves nothing of the user; labelled exports; DATA.md matches Redis', async () => {
    const allowed = [...USERS, HASTY, PUBLISHER].map(chatOf).join(',');
    h = await startHarness({ llm: realisticModel('markdown'), env: { ADMIN_TOKEN: TOKEN, ALLOWED_CHAT_IDS: allowed, USER_RATE_LIMIT: '8' } });
    redis = new Redis(h.redisUrl);
    const x = h;
    const sent: string[] = [];
    let requests = 0;
    let records = 0;
    const recorded = (n: number) => eventually(async () => ((await redis!.xlen(auditKey(x.prefix))) >= n ? true : undefined), `audit record ${n}`);
    /** One request: posted, counted, and waited for until its record is written. */
    const send = async (ev: Record<string, unknown>, text: string): Promise<string> => {
      sent.push(text);
      requests++;
      expect((await x.post(ev)).status).toBe(200);
      await recorded(++records);
      return messageIdOf(ev);
    };
    const say = (user: string, text: string, rootId?: string) => send(textEvent(text, { senderOpenId: user, chatId: chatOf(user), ...(rootId ? { rootId } : {}) }), text);
    const report = await buildDocx(DEFECT_REPORT);
    const sendFile = async (user: string, name: string) => {
      const ev = messageEvent('file', { file_key: 'placeholder', file_name: name }, { senderOpenId: user, chatId: chatOf(user) });
      const msg = (ev.event as { message: { message_id: string; content: string } }).message;
      msg.content = JSON.stringify({ file_key: x.feishu.addUserFile(msg.message_id, name, report, chatOf(user)), file_name: name });
      return send(ev, name);
    };

    // Four writers, nine requests each (36): a report thread, a paste, a file, a reminder, a 密级 refusal, chat.
    for (const [i, u] of USERS.entries()) {
      const root = await say(u, `帮我写一份2025年下半年${UNITS[i]}落实意识形态工作责任制情况报告的提纲`);
      await say(u, '写第一部分', root);
      await say(u, '把第一部分精简一点', root);
      await say(u, '导出Word', root);
      await say(u, `帮我看看这段：\n2025年上半年${UNITS[i]}落实意识形态工作责任制情况报告\n局党组召开专题会议X次，研究部署意识形态工作。现将有关情况报告如下：\n一、主要做法\n二、存在问题\n三、下一步打算`);
      await sendFile(u, `${UNITS[i]}上半年报告.docx`);
      await say(u, `提醒我12月2${i}日前交${UNITS[i]}年度意识形态报告，提前3天提醒`);
      await say(u, `请审阅（秘密★1年）${UNITS[i]}的这份材料`);
      await say(u, `${UNITS[i]}的报告一般写多长合适？`);
    }
    // A cloud doc and a 保留 in another writer's thread (3 → 39).
    const pubRoot = await say(PUBLISHER, '帮我写一份2025年度市交通运输局党组书记抓基层党建述职报告的提纲');
    await say(PUBLISHER, '生成云文档', pubRoot);
    await say(PUBLISHER, '保留', pubRoot);
    // A hasty writer: nine questions at once, the ninth over USER_RATE_LIMIT=8 (9 → 48).
    const burst = Array.from({ length: 9 }, (_, i) => `第${i + 1}个问题：意识形态工作责任制的第${i + 1}项要求是什么？`);
    for (const text of burst) {
      sent.push(text);
      requests++;
      expect((await h.post(textEvent(text, { senderOpenId: HASTY, chatId: chatOf(HASTY) }))).status).toBe(200);
    }
    records += 9;
    await recorded(records);
    // Someone in a chat that is not on the allowlist (2 → 50).
    await send(textEvent('帮我写一份述职报告提纲，名单外', { senderOpenId: OUTSIDER, chatId: 'oc_not_on_the_list_01' }), '帮我写一份述职报告提纲，名单外');
    await send(textEvent('名单外的第二个请求', { senderOpenId: OUTSIDER, chatId: 'oc_not_on_the_list_01' }), '名单外的第二个请求');
    expect(requests).toBe(50);
    await appSettled(h);

    // One record per request, each job and refusal once.
    const jsonl = await adminGet(h, '/admin/audit?format=jsonl');
    const csv = await adminGet(h, '/admin/audit?format=csv');
    const all = jsonl.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(all).toHaveLength(50);
    expect(csv.trim().split('\r\n')).toHaveLength(51);
    expect(new Set(all.filter((r) => r.job).map((r) => r.job)).size).toBe(all.filter((r) => r.job).length);
    const count = (f: (r: Record<string, string>) => boolean) => all.filter(f).length;
    expect(count((r) => r.kind === 'outline')).toBe(5);
    expect(count((r) => r.kind === 'section')).toBe(4);
    expect(count((r) => r.kind === 'revise')).toBe(4);
    expect(count((r) => r.kind === 'export')).toBe(4);
    expect(count((r) => r.kind === 'critique')).toBe(4);
    expect(count((r) => r.kind === 'file-critique')).toBe(4);
    expect(count((r) => r.kind === 'reminder')).toBe(4);
    expect(count((r) => r.kind === 'clouddoc')).toBe(1);
    expect(count((r) => r.kind === 'keep')).toBe(1);
    expect(count((r) => r.reason === 'classified')).toBe(4);
    expect(count((r) => r.reason === 'rate-limited')).toBe(1);
    expect(count((r) => r.reason === 'not-allowed')).toBe(2);
    expect(count((r) => r.outcome === 'failed')).toBe(0);
    // None of the sent text — whole, or any line of four characters or more — nor a file's text or name.
    const pieces = [...sent, ...DEFECT_REPORT.flat(), ...UNITS].flatMap((t) => [t, ...t.split('\n')]).filter((p) => p.length >= 4);
    for (const piece of pieces) {
      expect(jsonl, piece).not.toContain(piece);
      expect(csv, piece).not.toContain(piece);
    }

    // Every exported .docx carries the implicit label; its content id is the export's record.
    const docx = [...h.feishu.files.values()].filter((f) => f.name.endsWith('.docx') && !f.name.includes('批注'));
    const exportRecords = all.filter((r) => r.kind === 'export');
    const labelled = await Promise.all(docx.map((f) => customProps(f.data)));
    for (const r of exportRecords) {
      const props = labelled.find((p) => p.AIContentId === r.content);
      expect(props, `export ${r.job}`).toBeDefined();
      expect(props).toMatchObject({ AIGeneratedBy: '笔杆子', AIModel: 'fake-model' });
      expect(Date.parse(props!.AIGeneratedAt ?? '')).not.toBeNaN();
    }
    // The cloud doc: the imported file was labelled, and the trail pairs its content id with the doc token.
    const cloud = all.find((r) => r.kind === 'clouddoc')!;
    expect(cloud.docToken).toMatch(/DocxToken$/);
    const uploaded = [...h.feishu.driveUploads.values()].at(-1)!;
    expect((await customProps(uploaded.data)).AIContentId).toBe(cloud.content);

    // docs/DATA.md matches the scan: every key is a documented family.
    const families = documentedFamilies(h.prefix);
    const before = await dump(redis, h.prefix);
    const undocumented = [...before.keys()].filter((k) => !families.some((f) => f.re.test(k)));
    expect(undocumented).toEqual([]);
    const seen = new Set(families.filter((f) => [...before.keys()].some((k) => f.re.test(k))).map((f) => f.name));
    for (const family of ['<p>:hist:t:<thread>', '<p>:state:<thread>', '<p>:audit', '<p>:ukeys:<open_id>', '<p>:messages:*', '<p>:reminders:*', '<p>:reminder:task:<rid>']) expect(seen, family).toContain(family);

    // “删除我的数据” for the fourth writer: afterwards no key holds their open_id, unit or words (audit aside).
    const u4 = USERS[3];
    expect([...before].some(([k, v]) => k.includes(u4) || v.includes(u4))).toBe(true);
    await say(u4, '删除我的数据');
    await say(u4, '确认删除');
    records++; // the deletion's own record
    await recorded(records);
    await appSettled(h);
    const after = await dump(redis, h.prefix);
    const audit = auditKey(h.prefix);
    const holding = (needle: string) => [...after].filter(([k, v]) => k !== audit && (k.includes(needle) || v.includes(needle))).map(([k]) => k);
    for (const needle of [u4, UNITS[3]!, `${UNITS[3]}年度意识形态报告`]) expect(holding(needle), needle).toEqual([]);
    expect(h.feishu.taskApi.live().some((t) => t.members.some((m) => m.id === u4))).toBe(false);
    expect(after.get(audit)).toContain('delete-user');
    // The other writers' data stays.
    expect(holding(USERS[0]).length).toBeGreaterThan(0);
  });
});
