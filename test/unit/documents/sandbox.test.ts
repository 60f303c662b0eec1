import { describe, expect, it } from 'vitest';
import { SandboxedParser, type ParseOutcome, type ParseQuarantine } from '../../../src/documents/sandbox.js';
import { DEFAULT_PARSE_LIMITS } from '../../../src/documents/limits.js';
import { DocumentError } from '../../../src/core/errors.js';
import { buildDocx } from '../../support/docx-fixture.js';

/** The quarantine as a plain map (the Redis one is exercised by the bot's tests). */
function memoryQuarantine(): ParseQuarantine & { files: Set<string>; marks: Map<string, string> } {
  const files = new Set<string>();
  const marks = new Map<string, string>();
  return {
    files, marks,
    has: (sha) => Promise.resolve(files.has(sha)),
    add: (sha) => Promise.resolve(void files.add(sha)),
    begin: (key, sha) => {
      const prior = marks.get(key);
      marks.set(key, sha);
      return Promise.resolve(prior !== sha);
    },
    end: (key) => Promise.resolve(void marks.delete(key)),
  };
}

const parser = (o: { timeoutMs?: number; quarantine?: ParseQuarantine; outcomes?: ParseOutcome[] } = {}) => new SandboxedParser({
  limits: DEFAULT_PARSE_LIMITS, heapMb: 256, maxRssMb: 1024, timeoutMs: o.timeoutMs ?? 120_000, concurrency: 1,
  ...(o.quarantine ? { quarantine: o.quarantine } : {}),
  onOutcome: ({ outcome }) => o.outcomes?.push(outcome),
});

describe('the parser process', () => {
  it('reads a file in a child process and annotates one, one process each, and leaves no mark behind', async () => {
    const q = memoryQuarantine();
    const outcomes: ParseOutcome[] = [];
    const p = parser({ quarantine: q, outcomes });
    const data = await buildDocx(['一、主要做法', '增强“四种意识”。']);
    const file = await p.extract('报告.docx', data, { key: 'job-1' });
    expect(file.text).toBe('一、主要做法\n增强“四种意识”。');
    const annotated = await p.annotate('报告.docx', data, [{ excerpt: '四种意识', occurrence: 0, text: '应为“四个意识”。' }], new Date('2026-12-01T00:00:00Z'), { key: 'job-1' });
    expect(annotated.placed).toBe(1);
    expect(Buffer.isBuffer(annotated.data)).toBe(true);
    expect(outcomes).toEqual(['ok', 'ok']);
    expect(q.marks.size).toBe(0);
  });

  it('a cancelled parse (shutdown) kills the child and is not a crash: nothing quarantined', async () => {
    const q = memoryQuarantine();
    const outcomes: ParseOutcome[] = [];
    const ac = new AbortController();
    const run = parser({ quarantine: q, outcomes }).extract('报告.docx', await buildDocx(['正文']), { key: 'job-2', signal: ac.signal });
    ac.abort('shutdown');
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(DocumentError);
    expect((err as Error).message).toContain('cancelled');
    expect(outcomes).toEqual(['cancelled']);
    expect(q.files.size).toBe(0);
    expect(q.marks.size).toBe(0);
  });

  it('a parse over its time limit is a crash: one answer, and the file is quarantined for everyone', async () => {
    const q = memoryQuarantine();
    const outcomes: ParseOutcome[] = [];
    const data = await buildDocx(['正文']);
    const err = await parser({ quarantine: q, outcomes, timeoutMs: 1 }).extract('报告.docx', data, { key: 'job-3' }).catch((e: unknown) => e);
    expect((err as DocumentError).reason).toBe('too-complex');
    expect((err as DocumentError).userMessage).toContain('读取时超出了资源上限');
    expect(q.files.size).toBe(1);
    // The same bytes from another job: answered at once, no process started.
    const again = await parser({ quarantine: q, outcomes }).extract('另一个名字.docx', data, { key: 'job-4' }).catch((e: unknown) => e);
    expect((again as DocumentError).reason).toBe('too-complex');
    expect(outcomes).toEqual(['crashed', 'quarantined']);
  });
});
