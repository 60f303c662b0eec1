import type { Server } from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Receiver } from '../core/receiver.js';
import { startHttpServer, type HealthReport } from '../http-server.js';
import type { Logger } from '../logger.js';
import { safeLarkLogger, feishuHttpInstance } from './sdk-safety.js';
import type { FeishuIngest } from './enqueue-event.js';
import { handleWebhook } from './webhook.js';

interface FeishuReceiverDeps {
  ingest: FeishuIngest;
  /** HTTP port for GET /healthz (and the webhook); 0 picks a free one. */
  port: number;
  health: () => Promise<HealthReport>;
  log: Logger;
  /** GET /metrics and /admin/queues, served beside /healthz. */
  http?: Pick<Parameters<typeof startHttpServer>[0], 'metrics' | 'admin'>;
}

const portOf = (server: Server) => (server.address() as { port: number }).port;
const closeServer = (server: Server) => new Promise<void>((r) => server.close(() => r()));

/** Fetch the bot identity at start so a wrong app id/secret shows now, not at the first message. */
function checkIdentity(d: FeishuReceiverDeps): void {
  d.ingest.botIdentity().then(
    (b) => d.log.info({ botOpenId: b.openId }, 'bot identity loaded'),
    (err: unknown) => d.log.error({ err }, 'could not read the bot identity (GET /open-apis/bot/v3/info): check FEISHU_APP_ID / FEISHU_APP_SECRET / FEISHU_DOMAIN'),
  );
}

/** Events over HTTP: POST /feishu/events, checked and decrypted by webhook.ts. */
export class WebhookReceiver implements Receiver {
  port?: number;
  private server?: Server;

  constructor(private readonly d: FeishuReceiverDeps & { encryptKey?: string; verificationToken?: string; maxSkewSeconds?: number }) {}

  async start(): Promise<void> {
    const { d } = this;
    // config.ts refuses this unless FEISHU_WEBHOOK_INSECURE is set; say so on every start.
    if (!d.verificationToken && !d.encryptKey) d.log.warn('FEISHU_WEBHOOK_INSECURE: webhook requests are not authenticated (local testing only)');
    const dispatcher = d.ingest.dispatcher();
    this.server = await startHttpServer({
      port: d.port,
      log: d.log,
      health: d.health,
      ...d.http,
      webhook: (body, headers) => handleWebhook(body, headers, { dispatcher, encryptKey: d.encryptKey, verificationToken: d.verificationToken, log: d.log, maxSkewSeconds: d.maxSkewSeconds }),
    });
    this.port = portOf(this.server);
    checkIdentity(d);
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
    this.server = undefined;
  }
}

/** Events over the SDK's long connection (WSClient); HTTP serves only GET /healthz. */
export class LongConnectionReceiver implements Receiver {
  port?: number;
  private server?: Server;
  private ws?: lark.WSClient;

  constructor(private readonly d: FeishuReceiverDeps & { appId: string; appSecret: string; domain: string; httpTimeoutMs?: number }) {}

  async start(): Promise<void> {
    const { d } = this;
    this.server = await startHttpServer({ port: d.port, log: d.log, health: d.health, ...d.http });
    this.ws = new lark.WSClient({ appId: d.appId, appSecret: d.appSecret, domain: d.domain, loggerLevel: lark.LoggerLevel.warn, logger: safeLarkLogger(d.log, [d.appSecret]), httpInstance: feishuHttpInstance(d.httpTimeoutMs ?? 15_000) });
    await this.ws.start({ eventDispatcher: d.ingest.dispatcher() });
    this.port = portOf(this.server);
    checkIdentity(d);
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
    this.server = undefined;
    this.ws?.close();
    this.ws = undefined;
  }
}
