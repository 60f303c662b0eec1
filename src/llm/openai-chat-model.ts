import OpenAI, { APIError, APIUserAbortError } from 'openai';
import type { ChatModel, ChatRequest } from './chat-model.js';
import { LlmError } from '../core/errors.js';

export interface OpenAIChatModelOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Wait for headers, and the longest silence allowed between two chunks. */
  timeoutMs: number;
  /** Token usage of each answer, when the endpoint reports it. */
  onUsage?: (u: { prompt: number; completion: number }) => void;
}

/** Any OpenAI-compatible chat-completions endpoint (OpenAI, DeepSeek, Qwen, Ollama, vLLM). */
export class OpenAIChatModel implements ChatModel {
  readonly online = true;
  readonly name: string;
  private readonly client: OpenAI;

  constructor(private readonly opts: OpenAIChatModelOptions) {
    this.name = opts.model;
    // maxRetries 0: BullMQ owns retries, so delays do not multiply.
    this.client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, timeout: opts.timeoutMs, maxRetries: 0 });
  }

  async *stream(req: ChatRequest): AsyncGenerator<string> {
    // The SDK timeout covers only the headers; a stalled SSE body needs our own idle timer.
    const idle = new AbortController();
    const onOuterAbort = () => idle.abort();
    req.signal?.addEventListener('abort', onOuterAbort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    let stalled = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        idle.abort();
      }, this.opts.timeoutMs);
    };
    try {
      arm();
      const stream = await this.client.chat.completions.create(
        {
          model: this.opts.model,
          messages: req.messages,
          stream: true,
          ...(this.opts.onUsage ? { stream_options: { include_usage: true } } : {}),
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        },
        { signal: idle.signal },
      );
      let finish: string | null | undefined;
      let content = 0;
      for await (const chunk of stream) {
        arm();
        if (chunk.usage) this.opts.onUsage?.({ prompt: chunk.usage.prompt_tokens ?? 0, completion: chunk.usage.completion_tokens ?? 0 });
        const choice = chunk.choices[0];
        finish = choice?.finish_reason ?? finish;
        const delta = choice?.delta?.content;
        if (delta) {
          content += delta.trim().length;
          yield delta;
        }
      }
      // An abort mid-stream ends the loop silently instead of throwing.
      if (stalled) throw new LlmError(`model stream stalled for ${this.opts.timeoutMs} ms`, true);
      // Cancelled (shutdown): another attempt can finish it, so never permanent.
      if (req.signal?.aborted) throw new LlmError('model call cancelled', true);
      incomplete(finish, content);
    } catch (err) {
      throw classify(err, stalled, this.opts.timeoutMs);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onOuterAbort);
    }
  }
}

/**
 * Only a stream that ended with a finish reason and said something is an answer: a connection
 * closed early (no finish reason, no [DONE]), a cut at the token limit or an empty 200 would be
 * shown and remembered as if complete. Another attempt may pass; a content filter will not.
 */
function incomplete(finish: string | null | undefined, contentChars: number): void {
  if (!finish) throw new LlmError('model stream ended without a finish reason (truncated)', true);
  if (finish === 'length') throw new LlmError('model answer cut off at the token limit (finish_reason length)', true);
  if (finish === 'content_filter') throw new LlmError('model answer stopped by the provider\'s content filter', false);
  if (contentChars === 0) throw new LlmError(`model answered nothing (finish_reason ${finish})`, true);
}

function classify(err: unknown, stalled: boolean, timeoutMs: number): LlmError {
  if (err instanceof LlmError) return err;
  if (stalled) return new LlmError(`model stream stalled for ${timeoutMs} ms`, true);
  if (err instanceof APIUserAbortError) return new LlmError('model call cancelled', true);
  if (err instanceof APIError) {
    const status: number | undefined = err.status as number | undefined;
    // 429 and 5xx may pass; other 4xx (bad key, unknown model, bad request) will not.
    const retryable = status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
    return new LlmError(`model API error ${status ?? '(mid-stream)'}: ${err.message}`, retryable, status);
  }
  return new LlmError(`model call failed: ${(err as Error)?.message ?? String(err)}`, true);
}
