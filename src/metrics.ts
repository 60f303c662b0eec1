import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import type { Queue } from 'bullmq';

/** Prometheus metrics of one process, served at GET /metrics. */
export class Metrics {
  readonly registry = new Registry();
  readonly jobDuration = new Histogram({ name: 'bigan_job_duration_seconds', help: 'Time a job attempt took, by job name and outcome', labelNames: ['name', 'outcome'] as const, buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300], registers: [this.registry] });
  readonly modelFirstToken = new Histogram({ name: 'bigan_model_first_token_seconds', help: 'Time from model request to first streamed token', buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30], registers: [this.registry] });
  readonly modelDuration = new Histogram({ name: 'bigan_model_request_seconds', help: 'Time a model request took, by outcome', labelNames: ['outcome'] as const, buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300], registers: [this.registry] });
  readonly modelTokens = new Counter({ name: 'bigan_model_tokens_total', help: 'Tokens reported by the model endpoint (usage), by kind', labelNames: ['kind'] as const, registers: [this.registry] });
  readonly modelInFlight = new Gauge({ name: 'bigan_model_requests_in_flight', help: 'Model requests streaming now', registers: [this.registry] });
  readonly feishuErrors = new Counter({ name: 'bigan_feishu_api_errors_total', help: 'Failed Feishu Open API calls, by operation and Feishu code (or HTTP status / network)', labelNames: ['op', 'code'] as const, registers: [this.registry] });
  readonly repliesSent = new Counter({ name: 'bigan_replies_sent_total', help: 'Messages posted to Feishu, by message type', labelNames: ['msg_type'] as const, registers: [this.registry] });
  readonly documentParses = new Counter({ name: 'bigan_document_parses_total', help: 'Files read in the parser process, by outcome (ok, refused, crashed, quarantined, cancelled, busy: over the wall-clock backstop, retried)', labelNames: ['outcome'] as const, registers: [this.registry] });
  /** Usage for the office (issue 26): counts only, by month (the bot's zone), chat, department (未知 until the contact scope is used) and kind of job. */
  readonly usage = new Counter({ name: 'bigan_usage_total', help: 'Jobs and refusals by month, chat, department and kind (counts only, from the audit trail)', labelNames: ['month', 'chat', 'department', 'kind', 'outcome'] as const, registers: [this.registry] });
  /** The writers' verdicts on findings (issue 24 item 6): recorded or changed, by rule id and verdict (false-alarm, useful). */
  readonly findingVerdicts = new Counter({ name: 'bigan_finding_verdicts_total', help: 'Writers\' verdicts on critique findings (误报/有用), by rule and verdict', labelNames: ['rule', 'verdict'] as const, registers: [this.registry] });
  readonly usageFindings = new Counter({ name: 'bigan_usage_findings_total', help: 'Rule findings of critiques by month, chat, department and family (counts only, from the audit trail)', labelNames: ['month', 'chat', 'department', 'family'] as const, registers: [this.registry] });
  readonly refusals = new Counter({ name: 'bigan_requests_refused_total', help: 'Requests refused at ingest, by reason (rate-limited, queue-full, not-allowed)', labelNames: ['reason'] as const, registers: [this.registry] });

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'bigan_' });
  }

  /** This process's metrics summed with other processes' (a supervised worker's getMetricsAsJSON). */
  async merged(others: unknown[]): Promise<string> {
    const all = [await this.registry.getMetricsAsJSON(), ...others] as MetricObjectWithValues<MetricValue<string>>[][];
    return AggregatorRegistry.aggregate(all).metrics();
  }

  /** Queue depth by state, read from Redis at scrape time. */
  watchQueue(queue: Queue): void {
    const registry = this.registry;
    new Gauge({
      name: 'bigan_queue_jobs',
      help: 'Jobs in the message queue, by state',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed');
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }
}
