import type { Receiver } from '../core/receiver.js';
import { consoleBanner } from '../core/texts.js';
import type { Enqueuer } from '../queue/enqueue.js';
import type { SendFn } from '../core/reminders.js';
import { runConsoleChat } from './console-chat.js';
import type { ConsoleReplier } from './console-replier.js';

export interface ConsoleReceiverOptions {
  enqueuer: Enqueuer;
  /** The same object the worker answers through: it tells the chat when a message is answered. */
  replier: ConsoleReplier;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** The model line of the banner: its name, or the offline notice. */
  modelLine: string;
  /** Input ended and every message was answered. */
  onClose: () => void;
}

/** The terminal as a receiver: lines typed (or piped) become queued messages. */
export class ConsoleReceiver implements Receiver {
  private chat?: { close(): void };

  constructor(private readonly o: ConsoleReceiverOptions) {}

  start(): Promise<void> {
    (this.o.output ?? process.stdout).write(consoleBanner(this.o.modelLine));
    this.chat = runConsoleChat({ enqueuer: this.o.enqueuer, replier: this.o.replier, input: this.o.input, output: this.o.output, onClose: this.o.onClose });
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.chat?.close();
    this.chat = undefined;
    return Promise.resolve();
  }
}

/** Reminders in the console: plain text, no mention (there is one user). */
export function consoleReminderSender(out: NodeJS.WritableStream = process.stdout): SendFn {
  return (_target, text) => {
    out.write(`\n笔杆子> ${text}\n\n`);
    return Promise.resolve();
  };
}
