/**
 * The port events come in through (as Bolt's receivers): the console, Feishu's long connection
 * and Feishu's webhook each implement it. A receiver only turns events into queued jobs; the
 * worker answers them through the transport's Replier.
 */
export interface Receiver {
  /** Resolves once events can arrive. */
  start(): Promise<void>;
  /** Stops taking events; jobs already queued stay in the queue. */
  stop(): Promise<void>;
  /** The HTTP port bound (health check, webhook), when the receiver serves HTTP. */
  readonly port?: number;
}
