import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnswerStream, CardButton, Replier } from '../core/replier.js';
import type { Conversation } from '../core/message.js';

/** The terminal as a chat: streamed answers are printed as they grow. */
export class ConsoleReplier implements Replier {
  /** Resolves callers waiting for "this message has been answered". */
  onAnswered?: (messageId: string) => void;

  constructor(private readonly out: NodeJS.WritableStream = process.stdout, private readonly exportDir = resolve('.data/exports')) {}

  async ack(): Promise<void> {}

  sendText(c: Conversation, text: string): Promise<void> {
    this.out.write(`\n笔杆子> ${text}\n\n`);
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
    let printed = '';
    out.write(`\n${opts.title.startsWith('笔杆子') ? opts.title : `笔杆子 · ${opts.title}`}> `);
    const write = (text: string) => {
      // Print only what was added; if the text was rewritten, print it again in full.
      if (text.startsWith(printed)) out.write(text.slice(printed.length));
      else out.write(`\n${text}`);
      printed = text;
    };
    return Promise.resolve({
      update: write,
      finish: (text: string, o?: { buttons?: CardButton[] }) => {
        write(text);
        if (o?.buttons?.length) out.write(`\n[可用操作：${o.buttons.map((b) => b.text).join(' / ')}——在控制台里直接输入对应文字即可]`);
        out.write('\n\n');
        this.onAnswered?.(c.messageId);
        return Promise.resolve();
      },
    });
  }
}
