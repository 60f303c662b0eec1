// @ts-check
/**
 * The layers of src/ (docs/ARCHITECTURE.md), checked by `npm run depcheck` (part of `npm run lint`):
 *
 *   main → app → receivers (feishu/, console/, http-server) and handler/
 *        → flows/, queue/, reminders' service (reminders/service/: commands, jobs, delivery, task sync, store)
 *        → core/ (types and ports), stores/ (Redis stores), llm/, report/ (pure), reminders' pure half, export/,
 *          documents/
 *
 * An import may only point down, never up, and there are no cycles. Type-only imports count.
 * logger.ts is the one cross-cutting module every layer may use; text/ (pure text helpers: the one Chinese-numeral
 * reader) is the floor under every layer, so every layer may import it and it imports nothing of ours.
 */

/** A rule forbidding `from` to import anything in src/ outside `allowed` (folders or root files) and text/. */
function onlyDown(name, from, allowed) {
  const ok = [...allowed, 'text'].map((a) => (a.endsWith('.ts') ? `src/${a.replace(/\./g, '\\.')}$` : `src/${a}/`));
  return {
    name,
    severity: 'error',
    comment: `${from} may import only: ${allowed.join(', ')}`,
    from: { path: `^src/${from}` },
    to: { path: '^src/', pathNot: [`^src/${from}`, ...ok.map((o) => `^${o}`)] },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules in src/ form no import cycle (type-only imports included).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'text-is-the-pure-floor',
      severity: 'error',
      comment: 'text/ imports nothing of ours: every layer stands on it.',
      from: { path: '^src/text/' },
      to: { path: '^src/', pathNot: '^src/text/' },
    },
    onlyDown('core-is-the-floor', 'core/', ['logger.ts']),
    onlyDown('report-is-pure-and-self-contained', 'report/', []),
    // stores/: the Redis implementations (thread memory, audit stream, document quarantine, verdicts) beside the ports
    // in core/; a store may use the pure report/ types it keeps (a verdict record).
    onlyDown('stores-over-core', 'stores/', ['core', 'report', 'logger.ts']),
    onlyDown('llm-over-core', 'llm/', ['core', 'logger.ts']),
    onlyDown('export-over-report', 'export/', ['report']),
    // documents/: reading and annotating the writer's files (formats, not transport).
    onlyDown('documents-over-report', 'documents/', ['report', 'core']),
    // reminders/ has a pure half (parse, rule, format, calendar) at the floor and an I/O half (reminders/service/)
    // beside flows/ that takes its queue name, job ids, options and worker from queue/.
    onlyDown('pure-reminders-over-core', 'reminders/(?!service/)', ['core']),
    onlyDown('reminder-service-over-queue', 'reminders/service/', ['reminders', 'queue', 'core', 'logger.ts']),
    onlyDown('flows-over-core', 'flows/', ['core', 'stores', 'llm', 'report', 'export', 'documents', 'reminders', 'logger.ts']),
    onlyDown('queue-over-core', 'queue/', ['core', 'stores', 'logger.ts']),
    // privacy/: deletion and scrubbing across the stores (memory, reminders, the queues' job records).
    onlyDown('privacy-over-queue', 'privacy/', ['queue', 'core', 'stores', 'logger.ts']),
    onlyDown('handler-over-flows-and-queue', 'handler/', ['flows', 'queue', 'privacy', 'core', 'stores', 'llm', 'report', 'reminders', 'export', 'documents', 'logger.ts']),
    onlyDown('feishu-is-a-receiver', 'feishu/', ['queue', 'core', 'reminders', 'http-server.ts', 'logger.ts']),
    onlyDown('console-is-a-receiver', 'console/', ['queue', 'core', 'reminders', 'logger.ts']),
    onlyDown('http-server-serves-receivers', 'http-server\\.ts', ['core', 'logger.ts', 'early-http.ts']),
    // main.ts opens the port with it before anything else loads: Node built-ins only.
    onlyDown('early-http-is-a-leaf', 'early-http\\.ts', []),
    onlyDown('redis-is-infrastructure', 'redis\\.ts', ['core', 'logger.ts']),
    onlyDown('worker-process-is-infrastructure', 'worker-process\\.ts', ['logger.ts']),
    onlyDown('config-over-core', 'config\\.ts', ['core']),
    onlyDown('logger-is-a-leaf', 'logger\\.ts', []),
    // cli/audit.ts and cli/verdicts.ts read the audit trail and the writers' verdicts through their stores, nothing of core/.
    onlyDown('cli-uses-the-pure-core', 'cli/', ['report', 'export', 'stores/audit.ts', 'stores/verdicts.ts']),
    onlyDown('eval-uses-flows', 'eval/', ['flows', 'llm', 'report', 'core', 'logger.ts']),
    {
      name: 'only-main-starts-the-app',
      severity: 'error',
      comment: 'app.ts is the composition root; only main.ts uses it.',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/(app|main)\\.ts$' },
    },
    {
      name: 'pure-core-has-no-io',
      severity: 'error',
      comment: 'src/report, src/text and the pure parts of src/reminders (parsing, formatting, time) do no I/O.',
      from: { path: '^src/(report/|text/|reminders/(?!service/))' },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'pure-core-has-no-io-packages',
      severity: 'error',
      comment: 'src/report, src/text and the pure parts of src/reminders use no transport, queue, model or storage package.',
      from: { path: '^src/(report/|text/|reminders/(?!service/))' },
      to: { path: 'node_modules/(ioredis|bullmq|openai|@larksuiteoapi|pino|docx|ws)/' },
    },
    {
      name: 'pure-reminders-do-not-use-the-io-half',
      severity: 'error',
      comment: 'Parsing and formatting of reminders do not reach into the Redis store or the service.',
      from: { path: '^src/reminders/(?!service/)' },
      to: { path: '^src/reminders/service/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
