import { createHash } from 'node:crypto';
import type { ChatModel, ChatRequest } from './chat-model.js';

/** The little of Redis this needs. */
export interface AnswerStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ex: 'EX', seconds: number): Promise<unknown>;
  del(...keys: string[]): Promise<unknown>;
}

/** One job's view of the model, and a way to drop what it kept when the answer proved unusable. */
export interface JobModel {
  model: ChatModel;
  /** Forget the answers this attempt kept (the model's answer was unusable: ask again on the retry). */
  forget(): Promise<void>;
}

/**
 * A job's complete model answers, kept so that a retry (the card update or the reply was rate-limited,
 * the worker died after the model answered) resumes the card without asking the model again. Keyed by
 * job id and the request itself, so a retry that asks something else asks the model. Only an answer
 * whose stream ended normally is kept: an incomplete stream throws (issue 20 item 6) and is asked again,
 * and an answer a flow found unusable (a model error after it, e.g. only reasoning) is forgotten.
 */
export class KeptAnswers {
  constructor(private readonly store: AnswerStore, private readonly o: { prefix: string; ttlSeconds?: number }) {}

  /** `model` as seen by one job. */
  forJob(model: ChatModel, jobId: string): JobModel {
    const key = (req: ChatRequest) => `${this.o.prefix}:answer:${jobId}:${createHash('sha1').update(JSON.stringify([req.messages, req.temperature ?? null])).digest('base64url')}`;
    const store = this.store;
    const ttl = this.o.ttlSeconds ?? 86_400;
    const written: string[] = [];
    const view: ChatModel = {
      name: model.name,
      online: model.online,
      async *stream(req: ChatRequest): AsyncGenerator<string> {
        const k = key(req);
        const kept = await store.get(k);
        if (kept !== null) {
          yield kept;
          return;
        }
        let answer = '';
        for await (const delta of model.stream(req)) {
          answer += delta;
          yield delta;
        }
        await store.set(k, answer, 'EX', ttl);
        written.push(k);
      },
    };
    return {
      model: view,
      forget: async () => {
        if (written.length) await store.del(...written.splice(0));
      },
    };
  }
}
