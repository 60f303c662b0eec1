import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnswerStream, CardButton, Replier } from '../core/replier.js';
import type { Conversation } from '../core/message.js';
import { markdownToPlain } from './plain-text.js';

/**
 * The terminal as a chat. A terminal cannot redraw an answer that is cleaned as it
 * streams, so each answer is printed once, when finished, as plain text (Markdown
 * markers taken out); while it streams, one line says it is being written.
 */
export class ConsoleReplier implements Replier {
  /** Resolves callers waiting for "this message has been answered". */
  onAnswered?: (messageId: string) => void;

  constructor(private readonly out: NodeJS.WritableStream = process.stdout, private readonly exportDir = resolve('.data/exports')) {}

  async ack(): Promise<void> {}

  sendText(c: Conversation, text: string): Promise<void> {
    this.out.write(`\n笔杆子> ${markdownToPlain(text)}\n\n`);
    this.onAnswered?.(c.messageId);
    return Promise.resolve();
  }

  sendFile(c: Conversation, file: { name: string; data: Buffer }): Promise<void> {
    mkdirSync(this.exportDir, { recursive: true });
    const path = join(this.exportDir, file.name);
    writeFileSync(path, file.data);
    this.out.write(`\n笔杆子> 已生成文件：${path}\n\n`);
    return Promise.resolve();
  }

  openStream(c: Conversation, opts: { title: string }): Promise<AnswerStream> {
    const out = this.out;
    const title = opts.title.startsWith('笔杆子') ? opts.title : `笔杆子 · ${opts.title}`;
    let announced = false;
    return Promise.resolve({
      update: () => {
        if (announced) return;
        announced = true;
        out.write(`\n（${title}：正在生成…）\n`);
      },
      finish: (text: string, o?: { buttons?: CardButton[] }) => {
        out.write(`\n${title}>\n${markdownToPlain(text)}\n`);
        if (o?.buttons?.length) out.write(`\n[可用操作：${o.buttons.map((b) => b.text).join(' / ')}——在控制台里直接输入对应文字即可]\n`);
        out.write('\n');
        this.onAnswered?.(c.messageId);
        return Promise.resolve();
      },
    });
  }
}
