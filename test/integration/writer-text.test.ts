/**
 * Issue 18's “done when” for markup: against a model that answers the way Chinese chat
 * models do (every style of the messy fake, through the real openai SDK), a Feishu thread
 * (the real Lark SDK against the fake Open API) and the console run
 * outline → 写第二部分，800字左右 → 精简第一部分 → 写全文 → 导出Word → 生成云文档, plus a
 * free-chat question. No card (final or streamed), console answer, Word file (read back
 * from its XML parts) or file sent to cloud-doc import holds Markdown or HTML markup,
 * a preamble such as “当然可以”, a closing “希望对您有所帮助” or a note to the writer.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startApp } from '../../src/app.js';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { startFakeOpenAI, type FakeHandler, type FakeOpenAI } from '../support/fake-openai.js';
import { realisticModel, STYLES, type ModelStyle } from '../support/realistic-model.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { testRunningClock } from '../support/clock.js';

const REQUEST = '帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告的提纲';
const COMMANDS = ['写第二部分，800字左右', '精简第一部分', '写全文', '导出Word', '生成云文档'] as const;
// Not a drafting command even inside a drafting thread (the console has one thread).
const QUESTION = '意识形态工作责任制里的“第一责任人”指的是谁？';

/** What must never reach the writer: markup, reasoning, chat phrases. */
const FORBIDDEN = ['**', '＊', '#', '__', '<br', '<u>', '</u>', '<think>', '</think>', '|', '当然可以', '希望对您有所帮助', '希望以上', '随时告诉我', '如需调整', '以下是'];
/** A note to the writer: 注：… 提示：… 说明：… on a line of its own. */
const NOTE = /^[\s>*_（(]*(?:注|提示|说明|备注|温馨提示|修改说明)[：:]/m;

function leaks(text: string, where: string): string[] {
  const found = FORBIDDEN.filter((w) => text.includes(w)).map((w) => `${where}: “${w}”`);
  const note = NOTE.exec(text);
  if (note) found.push(`${where}: note “${text.slice(note.index, note.index + 20)}”`);
  return found;
}

/** Every text run of a .docx (body, headers, footers), paragraph by paragraph, read with a real XML DOM. */
async function docxTexts(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const parts = Object.keys(zip.files).filter((n) => /^word\/.*\.xml$/.test(n));
  const out: string[] = [];
  for (const name of parts) {
    const doc = new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml');
    const paras = doc.getElementsByTagName('w:p');
    for (let i = 0; i < paras.length; i++) {
      const runs = paras[i]!.getElementsByTagName('w:t');
      let line = '';
      for (let k = 0; k < runs.length; k++) line += runs[k]!.textContent ?? '';
      if (line) out.push(line);
    }
  }
  return out.join('\n');
}

/**
 * A model streams over time (here 2 ms a chunk). An instant answer can arrive whole before the card opens
 * beside the request (issue 25), leaving no intermediate state on the card to check.
 */
const paced = (f: FakeHandler): FakeHandler => async (b) => {
  const r = await f(b);
  return typeof r === 'object' && 'chunks' in r ? { ...r, delayMs: r.delayMs ?? 2 } : r;
};

describe('no markup or chat text in anything the writer reads or exports', () => {
  describe('a Feishu thread', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ streamThrottleMs: 5 });
    });
    afterAll(async () => {
      await h.stop();
    });

    async function replies(parentId: string, count: number): Promise<FakeMessage[]> {
      await h.feishu.waitFor(() => {
        const r = h.feishu.repliesTo(parentId);
        return r.length >= count && r.every((m) => !h.feishu.isStreaming(m) && h.feishu.textOf(m) !== '正在思考…');
      }, EVENT_CEILING_MS, `reply to ${parentId}`);
      return h.feishu.repliesTo(parentId);
    }

    for (const style of STYLES) {
      it(`${style}: outline → 写第二部分，800字左右 → 精简第一部分 → 写全文 → 导出Word → 生成云文档, and a free-chat question`, async () => {
        h.llm.setHandler(paced(realisticModel(style)));
        const callsBefore = h.feishu.calls.length;
        const uploadsBefore = new Set(h.feishu.driveUploads.keys());
        const first = textEvent(REQUEST);
        const root = messageIdOf(first);
        await h.post(first);
        const cards: string[] = (await replies(root, 1)).map((m) => h.feishu.textOf(m));
        let word: Buffer | undefined;
        for (const cmd of COMMANDS) {
          const ev = textEvent(cmd, { rootId: root, threadId: `omt_${root}` });
          await h.post(ev);
          const out = await replies(messageIdOf(ev), cmd === '导出Word' ? 2 : 1);
          word ??= out.find((m) => m.msg_type === 'file')?.file?.data;
          cards.push(...out.filter((m) => m.msg_type !== 'file').map((m) => h.feishu.textOf(m)));
        }
        const chat = textEvent(QUESTION);
        await h.post(chat);
        const [answer] = await replies(messageIdOf(chat), 1);
        const chatCard = h.feishu.textOf(answer!);
        cards.push(chatCard);

        // The run did what it says: a full draft, a Word file, a cloud doc, an answer to the question.
        expect(cards.join('\n')).toMatch(/^一、\S+/m);
        expect(cards.join('\n')).toMatch(/已生成飞书云文档《.+》/);
        expect(chatCard).toContain('提纲');
        expect(h.llm.requests.at(-1)!.messages.at(-1)!.content).toContain(QUESTION);
        const docx = await docxTexts(word!);
        expect(docx).toMatch(/^二、存在的问题/m);
        const uploads = [...h.feishu.driveUploads].filter(([k]) => !uploadsBefore.has(k)).map(([, u]) => u);
        expect(uploads).toHaveLength(1);
        const cloud = await docxTexts(uploads[0]!.data);
        expect(cloud).toBe(docx);

        // Every intermediate state the cards showed while streaming, too.
        const streamed = h.feishu.calls.slice(callsBefore).filter((c) => c.method === 'PUT' && /\/elements\/[^/]+\/content$/.test(c.path)).map((c) => String((c.body as { content: string }).content));
        expect(streamed.length).toBeGreaterThan(5);
        const found = [
          ...cards.flatMap((c, i) => leaks(c, `card ${i}`)),
          ...streamed.flatMap((u, i) => leaks(u, `update ${i}`)),
          ...leaks(docx, 'docx'),
          ...leaks(cloud, 'cloud doc'),
        ];
        expect(found).toEqual([]);
      });
    }
  });

  describe('the console', () => {
    let llm: FakeOpenAI;
    beforeAll(async () => {
      llm = await startFakeOpenAI();
    });
    afterAll(async () => {
      await llm.close();
    });

    /** The console chat in this process, fed `lines`, until every one is answered. */
    async function consoleRun(style: ModelStyle, lines: readonly string[]): Promise<string> {
      llm.setHandler(realisticModel(style));
      const config = readConfig({
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`,
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: llm.url,
        OPENAI_MODEL: 'fake-model',
        OPENAI_TIMEOUT_MS: '5000',
        LOG_LEVEL: 'silent',
      });
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      let closed!: () => void;
      const done = new Promise<void>((r) => (closed = r));
      const app = await startApp({ config, log: createLogger('silent'), clock: testRunningClock(), stdin: Readable.from([`${lines.join('\n')}\n`]), stdout, onConsoleClosed: () => closed() });
      try {
        await done;
      } finally {
        await app.stop();
      }
      return out;
    }

    for (const style of STYLES) {
      it(`${style}: the same sequence typed into the console prints plain answers and a clean Word file`, async () => {
        const out = await consoleRun(style, [REQUEST, ...COMMANDS.filter((c) => c !== '生成云文档'), QUESTION]);
        expect(out).toContain('控制台模式');
        expect(out).toMatch(/^一、\S+/m);
        const path = /已生成文件：(\S+\.docx)/.exec(out)?.[1];
        expect(path).toBeDefined();
        const docx = await docxTexts(readFileSync(path!));
        expect(docx).toMatch(/^二、存在的问题/m);
        // The answer to the question is the last one printed.
        expect(out.slice(out.lastIndexOf('笔杆子'))).toContain('提纲');
        expect([...leaks(out, 'console'), ...leaks(docx, 'docx')]).toEqual([]);
      });
    }
  });
});
