// Steps of one answer (parts of a full draft, sections of a part) drafted at once, shown in order.
import type { OnText } from '../model-stream.js';

export interface Step<T> {
  /** Finished already (kept text): nothing to run. */
  done?: T;
  /** Write the step; `onText` shows its text so far (absent when nothing is watching). */
  run: (onText: OnText | undefined) => Promise<T>;
}

/** Steps that did not all finish: the results of those that did, by index, the failed steps' indexes, and the first error. */
export class StepsFailed<T> extends Error {
  constructor(readonly results: ReadonlyArray<T | undefined>, readonly error: unknown, readonly failed: readonly number[] = []) {
    super(error instanceof Error ? error.message : String(error));
  }
}

export interface InOrderOptions<T> {
  /** Steps written at once (the per-thread cap; the model's own cap, MODEL_CONCURRENCY, still applies). */
  limit: number;
  /** What is shown above step `i`'s own text: the steps before it, finished, and its headings. */
  prefix: (i: number, results: ReadonlyArray<T | undefined>) => string;
  onText?: OnText;
  /** The first unfinished step is now `i` (`steps.length` once all are done). */
  onHead?: (i: number) => void;
}

/**
 * Run the steps at most `limit` at a time, in order of their index; the watcher sees the finished steps
 * and the live text of the first unfinished one only, so a later step that finished early waits for
 * display. A step that fails does not stop the others: they finish, and StepsFailed carries what they
 * wrote, so no finished text is lost. Hand-written: the display order is the point, not the pool.
 */
export async function runInOrder<T>(steps: ReadonlyArray<Step<T>>, o: InOrderOptions<T>): Promise<T[]> {
  const n = steps.length;
  const results: Array<T | undefined> = steps.map((s) => s.done);
  const finished = steps.map((s) => s.done !== undefined);
  const started = [...finished];
  const live: string[] = steps.map(() => '');
  let head = -1;
  let failure: { error: unknown } | undefined;
  const failed: number[] = [];

  const show = (i: number, delta: string) => {
    if (i === head && o.onText) o.onText(delta, o.prefix(i, results) + live[i]);
  };
  const advance = () => {
    let h = head < 0 ? 0 : head;
    while (h < n && finished[h]) h++;
    if (h === head) return;
    head = h;
    o.onHead?.(h);
    // Written (partly) while it waited for display: shown now.
    if (h < n && started[h]) show(h, '');
  };

  let next = 0;
  const take = (): number | undefined => {
    while (next < n && started[next]) next++;
    return next < n ? next++ : undefined;
  };
  const worker = async (): Promise<void> => {
    for (let i = take(); i !== undefined; i = take()) {
      started[i] = true;
      show(i, '');
      const onText: OnText | undefined = o.onText ? (d, s) => { live[i] = s; show(i, d); } : undefined;
      try {
        results[i] = await steps[i]!.run(onText);
        finished[i] = true;
        advance();
      } catch (err) {
        failure ??= { error: err };
        failed.push(i);
      }
    }
  };
  advance();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.limit, n)) }, worker));
  if (failure) throw new StepsFailed(results, failure.error, failed.sort((x, y) => x - y));
  return results as T[];
}
