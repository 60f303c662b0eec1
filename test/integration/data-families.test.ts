// docs/DATA.md against a scan of Redis after a mix of requests; then /reset and “删除我的数据” are checked
// by scanning again (issue 26).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { startHarness, type Harness } from '../support/harness.js';
import { groupAtBot, messageIdOf, OTHER_USER_OPEN_ID, textEvent, USER_OPEN_ID } from '../support/events.js';
import { fileMessage, fixture } from '../support/review-docx.js';
import { eventually } from '../support/wait.js';
import { auditKey } from '../../src/stores/audit.js';
import { messageJobId, MESSAGE_QUEUE, type JobData } from '../../src/queue/jobs.js';

let h: Harness | undefined;
let redis: Redis | undefined;
afterEach(async () => {
  await h?.stop();
  redis?.disconnect();
  h = undefined;
  redis = undefined;
});

const TOKEN = 'admin-token-for-tests';

/** The key families docs/DATA.md lists (first column), as regular expressions for one prefix. */
function documentedFamilies(prefix: string): RegExp[] {
  const doc = readFileSync(new URL('../../docs/DATA.md', import.meta.url), 'utf8');
  const out: RegExp[] = [];
  for (const line of doc.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const first = line.split('|')[1]!;
    for (const m of first.matchAll(/`([^`]+)`/g)) {
      const re = m[1]!.split(/(<[^>]+>|\*)/).map((part) => (part === '<p>' ? prefix.replace(/[-{}]/g, '\\$&') : part === '*' ? '.*' : part.startsWith('<') ? '[^:]+(?::[^:]+)*?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
      out.push(new RegExp(`^${re}$`));
    }
  }
  return out;
}

async function scan(r: Redis, match: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await r.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

async function ask(x: Harness, r: Redis, ev: Record<string, unknown>, records: number): Promise<void> {
  await x.post(ev);
  await eventually(async () => ((await r.xlen(auditKey(x.prefix))) >= records ? true : undefined), `record ${records}`);
}

const PASTE = '帮我看看这段：\n2025年上半年落实意识形态工作责任制情况报告\n局党组召开专题会议4次。现将有关情况报告如下：\n一、主要做法\n二、存在问题\n三、下一步打算';

describe('stored data', () => {
  it('every key a mixed run leaves is a family docs/DATA.md lists; deleting a user leaves none of theirs', async () => {
    h = await startHarness({ env: { ADMIN_TOKEN: TOKEN }, llm: () => '一、结构：完整。好的。' });
    redis = new Redis(h.redisUrl);
    let n = 0;
    const mine = [
      textEvent('帮我写一份2025年上半年意识形态工作责任制落实情况报告的提纲'),
      textEvent(PASTE),
      textEvent('明天上午10点提醒我交舆情台账'),
      groupAtBot('帮我写一份2025年度抓意识形态工作述职报告提纲', h.feishu.botOpenId, { senderOpenId: USER_OPEN_ID }),
      textEvent('你好，上一条收到了吗'),
      textEvent('记一笔：6月12日召开意识形态工作研判会，分析研判3类问题'),
      groupAtBot('记一笔：6月15日开展网络安全宣传周活动', h.feishu.botOpenId, { senderOpenId: USER_OPEN_ID }),
      fileMessage(h, '上半年报告.docx', fixture('leader-review.docx')),
    ];
    for (const ev of mine) await ask(h, redis, ev, ++n);
    const others = [
      textEvent('帮我写一份2025年度意识形态工作责任制落实情况报告提纲', { senderOpenId: OTHER_USER_OPEN_ID, chatId: 'oc_p2p_chat_0002' }),
      groupAtBot('下周一上午9点提醒我开会', h.feishu.botOpenId, { senderOpenId: OTHER_USER_OPEN_ID }),
      groupAtBot('把“圆满成功”加入慎用词', h.feishu.botOpenId, { senderOpenId: OTHER_USER_OPEN_ID }),
    ];
    for (const ev of others) await ask(h, redis, ev, ++n);

    const families = documentedFamilies(h.prefix);
    const keys = await scan(redis, `${h.prefix}:*`);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys).toContain(`${h.prefix}:words:oc_group_chat_0001`);
    expect(keys).toContain(`${h.prefix}:versions:${messageIdOf(mine.at(-1)!)}`);
    const undocumented = keys.filter((k) => !families.some((f) => f.test(k)));
    expect(undocumented).toEqual([]);

    // “删除我的数据” for USER (here through the operator's purge: the same service).
    const res = await fetch(`http://127.0.0.1:${h.app.port}/admin/purge?user=${USER_OPEN_ID}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { deleted: number; kept: string[] };
    expect(body.deleted).toBeGreaterThan(5);
    expect(body.kept[0]).toContain('审计记录');

    const after = await scan(redis, `${h.prefix}:*`);
    // No key names the user, and none of their threads' history or drafts is left.
    expect(after.filter((k) => k.includes(USER_OPEN_ID))).toEqual([]);
    for (const ev of mine) {
      const id = messageIdOf(ev);
      expect(after.filter((k) => k.endsWith(`:${id}`) && /:(hist|state|owner|review|versions):/.test(k))).toEqual([]);
    }
    expect(after.some((k) => k.includes(':hist:c:oc_p2p_chat_0001') || k.includes(':review:c:oc_p2p_chat_0001'))).toBe(false);
    // Values too: no remaining key's value carries the user's open_id, except the audit stream.
    for (const k of after) {
      if (k === auditKey(h.prefix)) continue;
      const type = await redis.type(k);
      const dump = type === 'string' ? await redis.get(k) : type === 'hash' ? JSON.stringify(await redis.hgetall(k)) : type === 'list' ? JSON.stringify(await redis.lrange(k, 0, -1)) : type === 'set' ? JSON.stringify(await redis.smembers(k)) : type === 'zset' ? JSON.stringify(await redis.zrange(k, '0', '-1')) : '';
      expect(dump ?? '', k).not.toContain(USER_OPEN_ID);
    }
    // The other user's data is still there.
    expect(after.some((k) => k.includes(':hist:c:oc_p2p_chat_0002'))).toBe(true);
    expect(after.some((k) => /:reminder:chat:oc_group_chat_0001:r:/.test(k))).toBe(true);
    // The group's word list is the unit's, not a writer's: it stays.
    expect(after).toContain(`${h.prefix}:words:oc_group_chat_0001`);
    // 记一笔: the private chat's entry is gone; the group's stays as the unit's record, without the user's id.
    expect(JSON.stringify(await redis.hgetall(`${h.prefix}:ledger:oc_p2p_chat_0001:entries`))).not.toContain('研判会');
    expect(JSON.stringify(await redis.hgetall(`${h.prefix}:ledger:oc_group_chat_0001:entries`))).toContain('网络安全宣传周');
    expect(body.kept.join('')).toContain('单位台账的 1 条记录');
    // The deletion is itself in the audit trail.
    const trail = await redis.xrange(auditKey(h.prefix), '-', '+');
    expect(trail.some(([, f]) => f.includes('delete-user'))).toBe(true);
  });

  it('/reset scrubs the thread text from the queue\'s job records, keeping their ids', async () => {
    h = await startHarness({ llm: () => '好的。' });
    redis = new Redis(h.redisUrl);
    const secret = '记住这句话：松柏常青鸭鹅鸡';
    const first = textEvent(secret);
    await ask(h, redis, first, 1);
    // The chat's waiting recognition and recent files (written by the OCR and file flows; seeded here in their shape).
    const chat = (first.event as { message: { chat_id: string } }).message.chat_id;
    await redis.set(`${h.prefix}:ocr:${chat}`, JSON.stringify({ result: { lines: ['松柏常青照片里的字'] }, confirmed: false }), 'EX', 3600);
    await redis.set(`${h.prefix}:lastfile:${chat}`, JSON.stringify([{ messageId: 'om_f', fileKey: 'fk', name: '松柏常青.docx' }]), 'EX', 3600);
    await ask(h, redis, textEvent('/reset'), 2);
    expect(await redis.exists(`${h.prefix}:ocr:${chat}`, `${h.prefix}:lastfile:${chat}`)).toBe(0);
    const q = new Queue<JobData>(MESSAGE_QUEUE, { connection: redis, prefix: h.prefix });
    try {
      const job = await q.getJob(messageJobId(messageIdOf(first)));
      expect(job).toBeDefined();
      expect(JSON.stringify(job!.data)).not.toContain('松柏常青');
      expect(job!.data.type === 'message' && job!.data.message.conversation.messageId).toBe(messageIdOf(first));
    } finally {
      await q.close();
    }
    const keys = await scan(redis, `${h.prefix}:hist:*`);
    for (const k of keys) expect(JSON.stringify(await redis.lrange(k, 0, -1))).not.toContain('松柏常青');
  });
});
