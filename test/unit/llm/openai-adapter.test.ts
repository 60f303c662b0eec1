import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIChatModel } from '../../../src/llm/openai-chat-model.js';
import { LlmError } from '../../../src/core/errors.js';
import type { ChatModel, ChatRequest } from '../../../src/llm/chat-model.js';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fake-openai.js';

/** Collect a whole answer from a stream. */
async function complete(model: ChatModel, req: ChatRequest): Promise<string> {
  let out = '';
  for await (const d of model.stream(req)) out += d;
  return out;
}

let srv: FakeOpenAI | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const model = (url: string, timeoutMs = 2000) => new OpenAIChatModel({ apiKey: 'sk-test', baseURL: url, model: 'deepseek-chat', timeoutMs });

describe('OpenAIChatModel against an OpenAI-compatible SSE server', () => {
  it('streams deltas and sends the configured model with stream: true', async () => {
    srv = await startFakeOpenAI(() => ({ chunks: ['一、', '总体', '情况'] }));
    const deltas: string[] = [];
    for await (const d of model(srv.url).stream({ messages: [{ role: 'user', content: '你好' }] })) deltas.push(d);
    expect(deltas).toEqual(['一、', '总体', '情况']);
    expect(srv.requests[0]).toMatchObject({ model: 'deepseek-chat', stream: true, messages: [{ role: 'user', content: '你好' }] });
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [400, false],
    [401, false],
    [404, false],
  ])('HTTP %i → retryable %s, and the SDK itself does not retry', async (status, retryable) => {
    srv = await startFakeOpenAI(() => ({ status }));
    const err = await complete(model(srv.url), { messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).retryable).toBe(retryable);
    expect((err as LlmError).status).toBe(status);
    expect(srv.requests).toHaveLength(1);
  });

  it('gives up on a stream that stalls between chunks (the SDK timeout only covers headers)', async () => {
    srv = await startFakeOpenAI(() => ({ chunks: ['开头', '后面'], delayMs: 1500 }));
    const started = Date.now();
    const err = await complete(model(srv.url, 1000), { messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).message).toContain('stalled');
    expect((err as LlmError).retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a refused connection as retryable', async () => {
    const err = await complete(model('http://127.0.0.1:9/v1'), { messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).retryable).toBe(true);
  });

  it.each([
    ['the connection closed mid-stream', { chunks: ['一、', '总体'], end: 'cut' as const }, /model/],
    ['the body ended without a finish reason or [DONE]', { chunks: ['一、', '总体'], end: 'eof' as const }, /without a finish reason/],
    ['[DONE] came without a finish reason', { chunks: ['一、', '总体'], end: 'done-only' as const }, /without a finish reason/],
    ['the answer hit the token limit', { chunks: ['一、', '总体'], end: 'length' as const }, /token limit/],
    ['a 200 with an empty event stream', { empty: true as const }, /without a finish reason/],
    ['a finished stream with no text', { chunks: [] }, /answered nothing/],
    ['a finished stream of whitespace', { chunks: ['  ', '\n'] }, /answered nothing/],
  ])('an incomplete answer is a retryable error, not a short answer: %s', async (_what, reply, message) => {
    srv = await startFakeOpenAI(() => reply);
    const seen: string[] = [];
    const err = await (async () => {
      for await (const d of model(srv.url).stream({ messages: [{ role: 'user', content: 'x' }] })) seen.push(d);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).retryable).toBe(true);
    expect((err as LlmError).message).toMatch(message);
  });

  it('a content filter stop is permanent (another attempt gets the same filter)', async () => {
    srv = await startFakeOpenAI(() => ({ chunks: ['一、'], end: 'content_filter' }));
    const err = await complete(model(srv.url), { messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).retryable).toBe(false);
  });

  it('a call cancelled by its signal (shutdown) is retryable, never permanent', async () => {
    srv = await startFakeOpenAI(() => ({ chunks: ['开头', '后面', '结尾'], delayMs: 300 }));
    const ac = new AbortController();
    const err = await (async () => {
      for await (const _d of model(srv.url, 5000).stream({ messages: [{ role: 'user', content: 'x' }], signal: ac.signal })) ac.abort('shutdown');
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).message).toContain('cancelled');
    expect((err as LlmError).retryable).toBe(true);
  });
});
