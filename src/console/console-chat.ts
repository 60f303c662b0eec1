import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import type { Enqueuer } from '../queue/enqueue.js';
import type { ConsoleReplier } from './console-replier.js';

/**
 * A terminal chat over the same queue and worker as Feishu. In a terminal, lines that
 * arrive within a few milliseconds of each other (a paste) form one message; piped
 * input is one message per line, each sent after the previous one was answered.
 */
export function runConsoleChat(opts: { enqueuer: Enqueuer; replier: ConsoleReplier; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; onClose: () => void }): { close(): void } {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = input === process.stdin && Boolean(process.stdin.isTTY);
  const rl = createInterface({ input, terminal: false });
  const chatId = `console-${randomUUID().slice(0, 8)}`;
  const pending = new Set<string>();
  const queued: string[] = [];
  let burst: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let seq = 0;

  const send = (text: string) => {
    if (!text.trim()) return;
    const messageId = `${chatId}-${++seq}`;
    pending.add(messageId);
    opts.enqueuer
      .message({ conversation: { chatId, chatType: 'p2p', messageId, rootId: `${chatId}-root`, senderOpenId: 'console-user' }, payload: { kind: 'text', text }, createdAt: Date.now() })
      .catch((err: unknown) => {
        output.write(`\n（无法提交：${(err as Error).message}）\n`);
        answered(messageId);
      });
  };
  // Send the next queued line when nothing is in flight; exit once input ended and all is answered.
  const advance = () => {
    if (pending.size === 0 && queued.length > 0) send(queued.shift()!);
    if (closed && pending.size === 0 && queued.length === 0) opts.onClose();
  };
  const answered = (id: string) => {
    pending.delete(id);
    advance();
  };
  const flushBurst = () => {
    timer = undefined;
    queued.push(burst.join('\n'));
    burst = [];
    advance();
  };
  opts.replier.onAnswered = answered;

  rl.on('line', (line) => {
    if (!interactive) {
      if (line.trim()) queued.push(line);
      return advance();
    }
    burst.push(line);
    clearTimeout(timer);
    timer = setTimeout(flushBurst, 60);
  });
  rl.on('close', () => {
    closed = true;
    clearTimeout(timer);
    if (burst.length) flushBurst();
    else advance();
  });
  // Shutdown: stop reading; what is queued is answered by the worker or left in the queue.
  return {
    close: () => {
      clearTimeout(timer);
      rl.removeAllListeners();
      rl.close();
    },
  };
}
