/**
 * The critique flow in console mode (the real ConsoleReplier, offline model): a long critique's
 * card and where the rest of the findings are. The Feishu side is in test/integration.
 */
import { RULES_WRITER } from '../../../src/flows/drafting/writers.js';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleReplier } from '../../../src/console/console-replier.js';
import type { ConversationMemory } from '../../../src/stores/memory.js';
import { critiqueFlow, type CritiqueOptions } from '../../../src/flows/critique.js';
import type { TurnContext } from '../../../src/flows/context.js';
import { OfflineChatModel } from '../../../src/llm/offline-chat-model.js';
import { PromptLibrary } from '../../../src/llm/prompts.js';
import { createLogger } from '../../../src/logger.js';
import { longReport } from '../../support/long-report.js';
import { readWordPackage } from '../../support/wordml.js';

const NOW = new Date('2026-01-15T10:00:00+08:00');

/** A console turn: what the terminal printed, and the directory files were written to. */
function consoleTurn(): { ctx: TurnContext; out: () => string; dir: string } {
  let text = '';
  const sink = new Writable({ write: (c: Buffer, _e, cb) => { text += c.toString(); cb(); } });
  const dir = mkdtempSync(join(tmpdir(), 'bigan-exports-'));
  const ctx: TurnContext = {
    conversation: { chatId: 'console-1', chatType: 'p2p', messageId: 'm1', senderOpenId: 'console-user' },
    jobId: 'job-1',
    log: createLogger('silent'),
    replier: new ConsoleReplier(sink, dir),
    model: new OfflineChatModel(),
    writer: RULES_WRITER,
    prompts: PromptLibrary.load(),
    // The offline critique keeps nothing in the thread's memory; the chat has no unit word list.
    memory: { unitWords: () => Promise.resolve(null) } as unknown as ConversationMemory,
    offlineNotice: '',
    now: NOW,
    timezone: 'Asia/Shanghai',
  };
  return { ctx, out: () => text, dir };
}

const run = async (text: string, opts: CritiqueOptions = {}) => {
  const t = consoleTurn();
  const findings = await critiqueFlow(t.ctx, text, opts);
  return { ...t, findings };
};

describe('a long critique in console mode', () => {
  it('prints counts and the most serious findings, and writes every finding to a list file it names', async () => {
    const { out, findings, dir } = await run(longReport(80));
    const printed = out();
    const name = `审校意见清单（共${findings.length}条）.docx`;
    expect(printed).toContain(`已生成文件：${join(dir, name)}`);
    expect(printed).toContain(`共 ${findings.length} 条（错误`);
    expect(printed).toContain('按类别：');
    expect(printed).toMatch(/另有 \d+ 条未列出；全部 \d+ 条（位置、原文和修改建议）见附件《审校意见清单/);
    expect(printed).not.toContain('**');
    // The file comes before the card, and the card is printed once.
    expect(printed.indexOf('已生成文件')).toBeLessThan(printed.indexOf('审校结果'));
    expect(printed.match(/审校结果/g)).toHaveLength(1);
    const { tables, paragraphs } = await readWordPackage(readFileSync(join(dir, name)));
    expect(tables[0]!.slice(1)).toHaveLength(findings.length);
    expect(paragraphs.map((p) => p.text)).toContain('审校意见清单');
    // The list is dated by the injected clock.
    expect(paragraphs.some((p) => p.text.includes('2026年1月15日'))).toBe(true);
  });

  it('a short critique lists everything on the card and attaches nothing', async () => {
    const { out, dir } = await run('今年以来，局党组增强“四种意识”，召开专题会议X次，，研究部署意识形态工作。');
    expect(out()).not.toContain('已生成文件');
    expect(out()).not.toContain('另有');
    expect(out()).toContain('四个意识');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a Word file that cannot take comments gets the list instead, and the card says why', async () => {
    for (const annotate of [() => Promise.resolve(null), () => Promise.reject(new Error('odd package'))]) {
      const { out, findings, dir } = await run(longReport(80), { source: '“报告.docx”', fileName: '报告.docx', annotate });
      expect(out()).toContain('这份 Word 文件的结构比较特殊，没能在原文上加批注。');
      expect(out()).toContain(`全部 ${findings.length} 条（位置、原文和修改建议）见附件《报告（审校意见清单）.docx》`);
      expect(readdirSync(dir)).toEqual(['报告（审校意见清单）.docx']);
    }
  });

  it('a Word file that takes comments comes back annotated; no separate list', async () => {
    const { out, findings, dir } = await run(longReport(80), { source: '“报告.docx”', fileName: '报告.docx', annotate: () => Promise.resolve({ name: '报告（笔杆子批注）.docx', data: Buffer.from('PK') }) });
    expect(out()).toContain(`全部 ${findings.length} 条意见已作为批注加在附件《报告（笔杆子批注）.docx》上`);
    expect(readdirSync(dir)).toEqual(['报告（笔杆子批注）.docx']);
  });
});
