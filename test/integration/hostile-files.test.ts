import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { messageEvent, messageIdOf, textEvent } from '../support/events.js';
import { buildManyPagePdf } from '../support/pdf-hostile.js';
import { docxBomb } from '../support/zip-bomb.js';
import { FAILURE } from '../../src/core/texts.js';
import { messageJobId } from '../../src/queue/jobs.js';

// Issue 20 item 1: hostile files are refused or quarantined, and nobody else notices.
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const ANSWER = ['第一段：加强组织领导，', '压实主体责任。', '第二段：强化阵地管理，', '守牢网络阵地。'];

/** A private file message from its own user and chat, whose bytes the fake Open API holds. */
function fileMessage(x: Harness, name: string, data: Buffer, who: string): Record<string, unknown> {
  const ev = messageEvent('file', { file_key: 'placeholder', file_name: name }, { chatId: `oc_p2p_${who}`, senderOpenId: `ou_${who}` });
  const msg = (ev.event as { message: { message_id: string; content: string } }).message;
  const key = x.feishu.addUserFile(msg.message_id, name, data);
  msg.content = JSON.stringify({ file_key: key, file_name: name });
  return ev;
}

async function finished(x: Harness, evs: Array<Record<string, unknown>>, what: string): Promise<Map<string, string>> {
  await x.feishu.waitFor(() => evs.every((ev) => x.feishu.repliesTo(messageIdOf(ev)).some((m) => !x.feishu.isStreaming(m))), undefined, what);
  // the thread's job has finished, not just its card: nothing more is on its way
  await appSettled(x);
  return new Map(evs.map((ev) => [messageIdOf(ev), x.feishu.repliesTo(messageIdOf(ev)).map((m) => x.feishu.textOf(m)).join('\n---\n')]));
}

/** Parses by outcome, from the worker's metrics. */
async function parses(x: Harness): Promise<Record<string, number>> {
  const all = (await x.app.metricsJson()) as Array<{ name: string; values: Array<{ value: number; labels: { outcome?: string } }> }>;
  const m = all.find((x) => x.name === 'bigan_document_parses_total');
  return Object.fromEntries((m?.values ?? []).map((v) => [v.labels.outcome ?? '', v.value]));
}

/** Innocent users asking the model at the same time, each in their own chat. */
const innocents = (n: number) => Array.from({ length: n }, (_v, i) => textEvent(`第${i + 1}位同事：写两段工作做法`, { chatId: `oc_p2p_innocent_${i}`, senderOpenId: `ou_innocent_${i}` }));

describe('hostile files beside innocent users', () => {
  it('three bombs (200 MB of XML, a lying header, a 20,000-page PDF) get clear answers; five users mid-answer see nothing of it', async () => {
    h = await startHarness({ llm: () => ({ chunks: ANSWER, delayMs: 150 }) });
    const bombs = [
      fileMessage(h, '上半年报告.docx', await docxBomb(200), 'bomber_a'),
      fileMessage(h, '述职报告.docx', await docxBomb(120, { lie: true }), 'bomber_b'),
      fileMessage(h, '学习材料.pdf', buildManyPagePdf(20_000), 'bomber_c'),
    ];
    const users = innocents(5);
    for (const ev of users.slice(0, 2)) await h.post(ev);
    for (const ev of bombs) await h.post(ev);
    for (const ev of users.slice(2)) await h.post(ev);

    const answers = await finished(h, [...bombs, ...users], 'every answer');
    expect(answers.get(messageIdOf(bombs[0]!))).toMatch(/^文件“上半年报告.docx”解压后过大：有 200\.\d MB，超过了可处理的 8 MB/);
    expect(answers.get(messageIdOf(bombs[1]!))).toMatch(/文件“述职报告.docx”打不开/);
    expect(answers.get(messageIdOf(bombs[2]!))).toMatch(/“学习材料.pdf”页数过多：有 20000 页，超过了可处理的 300 页/);
    for (const ev of users) expect(answers.get(messageIdOf(ev))).toBe(ANSWER.join(''));
    for (const ev of [...bombs, ...users]) expect(h.feishu.repliesTo(messageIdOf(ev))).toHaveLength(1);
    expect([...answers.values()].join('\n')).not.toContain(FAILURE);
    // Only the innocents reached the model; each bomb was read once and refused.
    expect(h.llm.requests).toHaveLength(users.length);
    expect(await parses(h)).toEqual({ refused: 3 });
  });

  it('a file that kills its parser is answered once and quarantined; sent again by someone else it is not parsed again', async () => {
    // A 5 MB document.xml is within the size limits, but reading it needs far more than a 48 MB heap.
    h = await startHarness({ env: { DOC_PARSER_HEAP_MB: '48', DOC_PARSER_MAX_RSS_MB: '4096' }, llm: () => ({ chunks: ANSWER, delayMs: 100 }) });
    const data = await docxBomb(5);
    const first = fileMessage(h, '台账汇总.docx', data, 'sender_a');
    const users = innocents(3);
    await h.post(first);
    for (const ev of users) await h.post(ev);
    const answers = await finished(h, [first, ...users], 'the crash answer and the innocents');
    expect(answers.get(messageIdOf(first))).toMatch(/^文件“台账汇总.docx”解压后过大、页数过多或结构过于复杂，读取时超出了资源上限。.*不会再自动重试。请另存为新的 \.docx/);
    for (const ev of users) expect(answers.get(messageIdOf(ev))).toBe(ANSWER.join(''));
    expect(await parses(h)).toEqual({ crashed: 1 });

    const again = fileMessage(h, '台账汇总（转发）.docx', data, 'sender_b');
    await h.post(again);
    const second = await finished(h, [again], 'the quarantined answer');
    expect(second.get(messageIdOf(again))).toMatch(/^文件“台账汇总（转发）.docx”解压后过大、页数过多或结构过于复杂/);
    expect(await parses(h)).toEqual({ crashed: 1, quarantined: 1 });
    expect(h.llm.requests).toHaveLength(users.length);
    expect(h.feishu.repliesTo(messageIdOf(first))).toHaveLength(1);
  });

  it('a parse over the time limit is killed and quarantined like a crash', async () => {
    h = await startHarness({ env: { DOC_PARSE_TIMEOUT_MS: '1' } });
    const ev = fileMessage(h, '报告.pdf', buildManyPagePdf(3, 'Some text for this page of the report'), 'slow');
    await h.post(ev);
    const answers = await finished(h, [ev], 'the time-limit answer');
    expect(answers.get(messageIdOf(ev))).toMatch(/读取时超出了资源上限/);
    expect(await parses(h)).toEqual({ crashed: 1 });
  });

  it('a job whose worker died while parsing is not retried into the same crash: the file is quarantined on the next attempt', async () => {
    h = await startHarness({ llm: () => '不会用到' });
    const data = await docxBomb(1);
    const ev = fileMessage(h, '报告.docx', data, 'died');
    // What an attempt leaves behind when its worker is killed mid-parse: the parse it had under way.
    const r = new Redis(h.redisUrl);
    await r.set(`${h.prefix}:docparse:${messageJobId(messageIdOf(ev))}:extract`, createHash('sha256').update(data).digest('hex'), 'EX', 600);
    r.disconnect();
    await h.post(ev);
    const answers = await finished(h, [ev], 'the quarantine answer');
    expect(answers.get(messageIdOf(ev))).toMatch(/读取时超出了资源上限/);
    expect(await parses(h)).toEqual({ quarantined: 1 });
    expect(h.llm.requests).toHaveLength(0);
  });
});
