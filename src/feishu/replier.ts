import type { Redis } from 'ioredis';
import type { AnswerStream, AnswerText, CardButton, ChoiceCard, Replier } from '../core/replier.js';
import type { Conversation } from '../core/message.js';
import type { Logger } from '../logger.js';
import { FeishuApi, FeishuApiError, isCardKitRefusal } from './api.js';
import { ANSWER_ELEMENT, answerCard, cardSafeMarkdown, choiceCard, splitForCards } from './cards.js';

export interface FeishuReplierOptions {
  /** Redis key prefix for reply state. */
  prefix: string;
  /** Minimum gap between two streamed updates of one card. */
  throttleMs?: number;
  /** Characters per card before rolling over to the next one. */
  cardChars?: number;
}

interface CardRef {
  cardId?: string;
  messageId: string;
}

/**
 * CardKit needs a strictly increasing sequence per card, across attempts and processes. Each
 * attempt reserves a block with one INCRBY instead of a Redis round trip per update.
 */
const SEQ_BLOCK = 1000;
/** Longer text costs more per update (the whole element is sent), so updates thin out with length. */
const GAP_PER_CHAR_MS = 0.5;
const MAX_GAP_MS = 3000;
/** The default minimum gap; the per-character growth scales with a configured gap (tests stream fast). */
const DEFAULT_THROTTLE_MS = 400;

/**
 * Replies in the message's thread. Streaming goes through CardKit, hand-written rather
 * than the SDK Channel's controller because we need per-job reply `uuid`s and must
 * resume the same card after a worker crash (the Channel offers neither); when CardKit
 * is refused we patch a plain card instead.
 */
export class FeishuReplier implements Replier {
  private readonly throttleMs: number;
  private readonly cardChars: number;

  /** Card updates a throttle timer still holds, or that are being sent. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Card openings under way, by key. */
  private readonly openings = new Map<string, Promise<void>>();
  private readonly track = (pending: Promise<void>): void => {
    this.inFlight.add(pending);
    void pending.then(() => this.inFlight.delete(pending));
  };

  constructor(private readonly api: FeishuApi, private readonly redis: Redis, private readonly log: Logger, private readonly opts: FeishuReplierOptions) {
    this.throttleMs = opts.throttleMs ?? DEFAULT_THROTTLE_MS;
    this.cardChars = opts.cardChars ?? 6000;
  }

  /**
   * Resolves once no throttled card update is pending or being sent, including a failed attempt's leftover
   * (its push is dropped when a newer attempt owns the card): what a caller waits on instead of a clock.
   */
  async updatesSettled(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  async ack(c: Conversation): Promise<void> {
    // Once per message, even across retries.
    const first = await this.redis.set(`${this.opts.prefix}:acked:${c.messageId}`, '1', 'EX', 86_400, 'NX');
    if (!first) return;
    try {
      await this.api.react(c.messageId, 'OnIt');
    } catch (err) {
      this.log.warn({ err, messageId: c.messageId }, 'could not add the working reaction');
    }
  }

  async sendText(c: Conversation, text: string, key: string): Promise<void> {
    const card = answerCard({ title: '笔杆子', markdown: text, streaming: false });
    await this.api.reply(c.messageId, 'interactive', JSON.stringify(card), `${key}-t`);
  }

  async sendFile(c: Conversation, file: { name: string; data: Buffer }, key: string): Promise<void> {
    const stateKey = `${this.opts.prefix}:file:${key}`;
    let fileKey = await this.redis.get(stateKey);
    if (!fileKey) {
      fileKey = await this.api.uploadFile(file.name, file.data);
      await this.redis.set(stateKey, fileKey, 'EX', 86_400);
    }
    await this.api.reply(c.messageId, 'file', JSON.stringify({ file_key: fileKey }), `${key}-f`);
  }

  /** A plain (not CardKit) card, so a press can redraw it with one message patch. */
  async sendChoiceCard(c: Conversation, card: ChoiceCard, key: string): Promise<void> {
    await this.api.reply(c.messageId, 'interactive', JSON.stringify(choiceCard(card)), `${key}-c`);
  }

  async updateChoiceCard(c: Conversation, card: ChoiceCard): Promise<void> {
    await this.api.patch(c.messageId, JSON.stringify(choiceCard(card)));
  }

  async openStream(c: Conversation, opts: { key: string; title: string }): Promise<AnswerStream> {
    const stream = new CardStream(this.api, this.redis, this.log, c, opts.key, opts.title, this.opts.prefix, this.throttleMs, this.cardChars, this.track);
    // One opening per key at a time: a card opened beside the model request may still be opening when the
    // job fails and its error reply takes the same key. Started together, both would create a card, the
    // reply's uuid would show the first, and the error text would go to the second, which no message shows.
    const before = this.openings.get(opts.key);
    const started = (before ? before.then(() => stream.start(), () => stream.start()) : stream.start());
    this.openings.set(opts.key, started);
    try {
      await started;
    } finally {
      if (this.openings.get(opts.key) === started) this.openings.delete(opts.key);
    }
    return stream;
  }
}

class CardStream implements AnswerStream {
  private cards: CardRef[] = [];
  private mode: 'cardkit' | 'patch' = 'cardkit';
  private pending: AnswerText = '';
  private pushed = '';
  private timer: NodeJS.Timeout | undefined;
  /** Resolves the promise the replier tracks for the pending timer (when it fires and its update is sent, or is cleared). */
  private settleTimer: (() => void) | undefined;
  private lastUpdateAt = 0;
  private chain: Promise<void> = Promise.resolve();
  private failed: Error | undefined;
  /** Rate-limited: no update before then; what arrives meanwhile is coalesced into the latest text. */
  private pausedUntil = 0;
  /** This stream's turn on the card (issue 20 item 7): a later stream of the same key (the next attempt, the failure reply) owns it. */
  private owner = 0;
  private readonly stateKey: string;
  /** Reserved sequence numbers per card id: next to use, last reserved. */
  private readonly seqs = new Map<string, { next: number; end: number }>();

  constructor(
    private readonly api: FeishuApi,
    private readonly redis: Redis,
    private readonly log: Logger,
    private readonly conv: Conversation,
    private readonly key: string,
    private readonly title: string,
    private readonly prefix: string,
    private readonly throttleMs: number,
    private readonly cardChars: number,
    private readonly track: (pending: Promise<void>) => void,
  ) {
    this.stateKey = `${prefix}:reply:${key}`;
  }

  /** Take the card over from any earlier attempt, then resume its cards or open the first one. */
  async start(): Promise<void> {
    // One round trip: the turn is taken and the saved cards read in one transaction.
    const res = await this.redis.multi().hincrby(this.stateKey, 'owner', 1).hgetall(this.stateKey).exec();
    const failed = res?.find(([err]) => err)?.[0];
    if (!res || failed) throw failed ?? new Error('could not take the card over');
    this.owner = Number(res[0]![1]);
    const saved = res[1]![1] as Record<string, string>;
    if (saved.cards) {
      this.cards = JSON.parse(saved.cards) as CardRef[];
      this.mode = saved.mode === 'patch' ? 'patch' : 'cardkit';
    }
    if (this.cards.length === 0 || !this.cards[0]!.messageId) await this.openCard(0, '正在思考…');
  }

  update(markdown: AnswerText): void {
    this.pending = markdown;
    if (this.timer || this.failed) return;
    const floor = this.mode === 'patch' ? Math.max(this.throttleMs, 1000) : this.throttleMs;
    // The length last drawn: a lazy text is rendered only when the timer fires.
    const length = typeof markdown === 'string' ? markdown.length : this.pushed.length;
    const gap = Math.min(Math.max(floor, MAX_GAP_MS), floor + length * GAP_PER_CHAR_MS * (this.throttleMs / DEFAULT_THROTTLE_MS));
    // Spaced from the last update, so the first words show at once; after a rate limit, not before its reset.
    let settle!: () => void;
    this.track(new Promise<void>((r) => (settle = r)));
    this.settleTimer = settle;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.settleTimer = undefined;
      this.lastUpdateAt = Date.now();
      const pending = this.pending;
      this.enqueue(() => this.push(typeof pending === 'string' ? pending : pending(), false));
      void this.chain.then(settle);
    }, Math.max(0, this.lastUpdateAt + gap - Date.now(), this.pausedUntil - Date.now()));
  }

  async finish(markdown: string, opts?: { buttons?: CardButton[] }): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.settleTimer?.();
    this.settleTimer = undefined;
    this.enqueue(() => this.push(markdown, true, opts?.buttons), true);
    await this.chain;
    if (this.failed) throw this.failed;
  }

  private enqueue(step: () => Promise<void>, final = false): void {
    this.chain = this.chain.then(step).catch((err: unknown) => {
      if (!final && err instanceof FeishuApiError && err.kind === 'rate-limited') {
        // Throttled mid-stream: wait out the reset, then send only the latest text (the final push tries anyway).
        this.pausedUntil = Date.now() + (err.retryAfterMs ?? 1000);
        this.log.info({ key: this.key, retryAfterMs: err.retryAfterMs }, 'card updates rate-limited; coalescing until the reset');
        return;
      }
      // Intermediate updates are best-effort; the final push must succeed or the job retries (after the reset).
      this.failed ??= err instanceof Error ? err : new Error(String(err));
      this.log.warn({ err, key: this.key }, 'card update failed');
    });
  }

  /**
   * Whether this stream still owns the card. Asked before every update, so an older attempt's leftover
   * update (a timer that fires after it failed, a stalled job's first run) never overwrites a newer state;
   * in CardKit mode the newer attempt's higher sequence block refuses it at Feishu as well.
   */
  private async owns(): Promise<boolean> {
    const current = Number(await this.redis.hget(this.stateKey, 'owner'));
    if (current === this.owner) return true;
    this.log.info({ key: this.key, attempt: this.owner, owner: current }, 'card owned by a newer attempt; update dropped');
    return false;
  }

  private async push(text: string, final: boolean, buttons?: CardButton[]): Promise<void> {
    if (!final && (text === this.pushed || this.failed)) return;
    if (!(await this.owns())) return;
    if (final) this.failed = undefined;
    const pieces = splitForCards(text, this.cardChars);
    for (let i = 0; i < pieces.length; i++) {
      const isLast = i === pieces.length - 1;
      if (!this.cards[i]?.messageId) await this.openCard(i, pieces[i]!);
      // Earlier pieces are complete once a later one exists: close them as we roll over.
      const closed = !isLast || final;
      await this.render(i, pieces[i]!, closed, isLast && final ? buttons : undefined);
    }
    if (final) {
      // A retry may produce a shorter answer than the attempt that died.
      for (let i = pieces.length; i < this.cards.length; i++) await this.render(i, '（内容已在上一张卡片中完整给出）', true);
    }
    this.pushed = text;
  }

  private async render(i: number, markdown: string, closed: boolean, buttons?: CardButton[]): Promise<void> {
    const ref = this.cards[i]!;
    const part = { index: i };
    if (this.mode === 'cardkit' && ref.cardId) {
      const seq = await this.nextSeq(ref.cardId);
      if (closed) await this.api.updateCard(ref.cardId, answerCard({ title: this.title, markdown, streaming: false, buttons, part }), seq);
      else await this.api.setElementContent(ref.cardId, ANSWER_ELEMENT, cardSafeMarkdown(markdown), seq);
    } else {
      await this.api.patch(ref.messageId, JSON.stringify(answerCard({ title: this.title, markdown, streaming: false, buttons, part })));
    }
  }

  /** Create card i and post it in the thread; the card id is saved before the reply so a retry reuses it. */
  private async openCard(i: number, markdown: string): Promise<void> {
    const uuid = `${this.key}-${i}`;
    if (this.mode === 'cardkit') {
      try {
        const cardId = this.cards[i]?.cardId ?? (await this.api.createCard(answerCard({ title: this.title, markdown, streaming: true, part: { index: i } })));
        this.cards[i] = { cardId, messageId: '' };
        await this.save();
        const sent = await this.api.reply(this.conv.messageId, 'interactive', JSON.stringify({ type: 'card', data: { card_id: cardId } }), uuid);
        this.cards[i] = { cardId, messageId: sent.messageId };
        await this.save();
        return;
      } catch (err) {
        if (!isCardKitRefusal(err)) throw err;
        this.log.warn({ err }, 'CardKit refused; falling back to patching a plain card');
        this.mode = 'patch';
        this.cards = this.cards.map((c) => ({ messageId: c.messageId }));
      }
    }
    const sent = await this.api.reply(this.conv.messageId, 'interactive', JSON.stringify(answerCard({ title: this.title, markdown, streaming: false, part: { index: i } })), `${uuid}-p`);
    this.cards[i] = { messageId: sent.messageId };
    await this.save();
  }

  private async nextSeq(cardId: string): Promise<number> {
    let s = this.seqs.get(cardId);
    if (!s || s.next > s.end) {
      const key = `${this.prefix}:cardseq:${cardId}`;
      const res = await this.redis.multi().incrby(key, SEQ_BLOCK).expire(key, 14 * 86_400).exec();
      const end = Number(res?.[0]?.[1]);
      if (res?.[0]?.[0] || !Number.isFinite(end)) throw res?.[0]?.[0] ?? new Error('could not reserve card sequence numbers');
      s = { next: end - SEQ_BLOCK + 1, end };
      this.seqs.set(cardId, s);
    }
    return s.next++;
  }

  private async save(): Promise<void> {
    // One round trip: the card ids must be stored before the reply that shows them.
    await this.redis.multi().hset(this.stateKey, { cards: JSON.stringify(this.cards), mode: this.mode }).expire(this.stateKey, 2 * 86_400).exec();
  }
}
