import type { ChatModel, ChatRequest } from './chat-model.js';
import { LlmError } from '../core/errors.js';

/** What the wrapper reports; the composition root turns it into Prometheus metrics. */
export interface ModelMeter {
  started(): void;
  firstToken(seconds: number): void;
  ended(outcome: 'ok' | 'error', seconds: number): void;
}

/**
 * Wraps a ChatModel: at most `maxConcurrent` requests stream at once (endpoints with quotas),
 * independent of how many jobs the worker runs, and each request is measured.
 */
export class MeteredChatModel implements ChatModel {
  readonly name: string;
  readonly online: boolean;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly inner: ChatModel, private readonly o: { maxConcurrent: number; meter?: ModelMeter }) {
    this.name = inner.name;
    this.online = inner.online;
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    if (this.o.maxConcurrent <= 0 || this.running < this.o.maxConcurrent) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', abort);
        this.running++;
        resolve();
      };
      const abort = () => {
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        // Cancelled (shutdown): retryable, like a cancelled stream.
        reject(new LlmError('model call cancelled while waiting for a model slot', true));
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting.push(go);
    });
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  async *stream(req: ChatRequest): AsyncGenerator<string> {
    await this.acquire(req.signal);
    const m = this.o.meter;
    const started = process.hrtime.bigint();
    const secs = () => Number(process.hrtime.bigint() - started) / 1e9;
    let first = true;
    let outcome: 'ok' | 'error' = 'error';
    m?.started();
    try {
      for await (const d of this.inner.stream(req)) {
        if (first) {
          first = false;
          m?.firstToken(secs());
        }
        yield d;
      }
      outcome = 'ok';
    } finally {
      m?.ended(outcome, secs());
      this.release();
    }
  }
}
