import { describe, expect, it } from 'vitest';
import { runInOrder, StepsFailed, type Step } from '../../../../src/flows/drafting/in-order.js';

/** A step the test finishes by hand, streaming `text` first. */
function held(text: string) {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  let started!: () => void;
  const running = new Promise<void>((r) => { started = r; });
  const step: Step<string> = {
    run: (onText) => new Promise<string>((resolve, reject) => {
      started();
      onText?.(text, text);
      finish = () => resolve(text);
      fail = reject;
    }),
  };
  return { step, running, finish: () => finish(), fail: (e: Error) => fail(e) };
}

describe('runInOrder', () => {
  it('runs up to the limit at once and shows a later step only once the earlier ones are done', async () => {
    const a = held('甲');
    const b = held('乙');
    const c = held('丙');
    const shown: string[] = [];
    const heads: number[] = [];
    const done = runInOrder([a.step, b.step, c.step], { limit: 2, prefix: (i, r) => r.slice(0, i).join('|') + (i ? '|' : ''), onText: (_d, s) => shown.push(s), onHead: (i) => heads.push(i) });
    await Promise.all([a.running, b.running]);
    // Two at once; the third waits for a slot.
    b.finish();
    await c.running;
    // 乙 finished first, yet only 甲's text is on display.
    expect(shown.every((s) => !s.includes('乙'))).toBe(true);
    c.finish();
    a.finish();
    expect(await done).toEqual(['甲', '乙', '丙']);
    expect(heads).toEqual([0, 3]);
    expect(shown.at(-1)).toBe('甲');
  });

  it('one failed step leaves the others’ text in StepsFailed', async () => {
    const a = held('甲');
    const b = held('乙');
    const c = held('丙');
    const done = runInOrder([a.step, b.step, c.step], { limit: 3, prefix: () => '' }).catch((e: unknown) => e);
    await Promise.all([a.running, b.running, c.running]);
    b.fail(new Error('model down'));
    a.finish();
    c.finish();
    const err = await done;
    expect(err).toBeInstanceOf(StepsFailed);
    expect((err as StepsFailed<string>).results).toEqual(['甲', undefined, '丙']);
    expect((err as StepsFailed<string>).message).toBe('model down');
    expect((err as StepsFailed<string>).failed).toEqual([1]);
  });

  it('steps already done are shown as they are, not run', async () => {
    const b = held('乙');
    const shown: string[] = [];
    const done = runInOrder([{ done: '甲', run: () => Promise.reject(new Error('kept steps do not run')) }, b.step], { limit: 4, prefix: (i, r) => r.slice(0, i).join('|') + (i ? '|' : ''), onText: (_d, s) => shown.push(s) });
    await b.running;
    b.finish();
    expect(await done).toEqual(['甲', '乙']);
    expect(shown).toContain('甲|乙');
  });
});
