/** The material tests' per-case setup: the writer's files, sent before the request that uses them. */
import { messageIdOf } from './events.js';
import type { Harness } from './harness.js';
import { settledReplies } from './queues.js';
import { fileMessage } from './review-docx.js';

/** Each file sent as its own private message and answered (read and acknowledged) before the next, as a writer would. */
export async function sendFiles(x: Harness, files: ReadonlyArray<{ name: string; data: Buffer }>): Promise<void> {
  for (const f of files) {
    const ev = fileMessage(x, f.name, f.data);
    await x.post(ev);
    await settledReplies(x, messageIdOf(ev));
  }
}
