import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import type { Enqueuer } from '../queue/enqueue.js';
import type { ConsoleReplier } from './console-replier.js';

/**
 * A terminal chat over the same queue and worker as Feishu. Lines that arrive within
 * a few milliseconds of each other (a paste) form one message.
 */
export function runConsoleChat(opts: { enqueuer: Enqueuer; replier: ConsoleReplier; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; onClose: () => void }): void {
  const output = opts.output ?? process.stdout;
  const rl = createInterface({ input: opts.input ?? process.stdin, terminal: false });
  const chatId = `console-${randomUUID().slice(0, 8)}`;
  const pending = new Set<string>();
  let buffer: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let seq = 0;
  const queued: string[] = [];

  const maybeExit = () => {
    if (closed && pending.size === 0 && buffer.length === 0 && queued.length === 0) opts.onClose();
  };
  opts.replier.onAnswered = (id) => {
    pending.delete(id);
    maybeExit();
  };

  const submit = () => {
    timer = undefined;
    const text = buffer.join('\n');
    buffer = [];
    if (!text.trim() && !closed) return;
    const messageId = `${chatId}-${++seq}`;
    pending.add(messageId);
    opts.enqueuer
      .message({ conversation: { chatId, chatType: 'p2p', messageId, rootId: `${chatId}-root`, senderOpenId: 'console-user' }, payload: { kind: 'text', text }, createdAt: Date.now() })
      .catch((err: unknown) => {
        pending.delete(messageId);
        output.write(`\n（无法提交：${(err as Error).message}）\n`);
        maybeExit();
      });
  };

  // A terminal paste arrives as a burst of lines: one message. Piped input is one message per line, in order.
  const interactive = Boolean((opts.input ?? process.stdin) === process.stdin && process.stdin.isTTY);
  const next = () => {
    if (pending.size > 0 || queued.length === 0) return maybeExit();
    buffer = [queued.shift()!];
    submit();
  };
  if (!interactive) {
    const answered = opts.replier.onAnswered;
    opts.replier.onAnswered = (id) => {
      answered?.(id);
      next();
    };
  }
  rl.on('line', (line) => {
    if (!interactive) {
      if (line.trim()) queued.push(line);
      return next();
    }
    buffer.push(line);
    clearTimeout(timer);
    timer = setTimeout(submit, 60);
  });
  rl.on('close', () => {
    closed = true;
    clearTimeout(timer);
    if (buffer.length) submit();
    maybeExit();
  });
}
