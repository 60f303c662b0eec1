/**
 * The ceiling for waiting on an event (a reply, a log line, an ack, a process start). Tests wait
 * for the event itself; the ceiling only ends a test that would otherwise hang, so it is generous:
 * a busy 2-core machine running two copies of the suite is slow, not broken.
 */
export const EVENT_CEILING_MS = 90_000;

/** Poll `check` until it returns a value other than undefined, or fail after the ceiling. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, everyMs = 100): Promise<T> {
  const until = Date.now() + EVENT_CEILING_MS;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
