/** One chat turn as the model sees it (kept here so memory needs nothing above core). */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Where a message came from and where its answer goes. Transport-neutral. */
export interface Conversation {
  chatId: string;
  chatType: 'p2p' | 'group';
  /** The user's message: the answer is a threaded reply to it. */
  messageId: string;
  /** Root of the thread the message is in, if any. */
  rootId?: string;
  threadId?: string;
  senderOpenId: string;
  /** The sender belongs to another tenant than the app's (an external member of a group). */
  senderExternal?: boolean;
  /** The tenant the event came from (Feishu's tenant_key), where the transport knows it. */
  tenantKey?: string;
}

/** What the user sent, after the transport has normalised it. */
export type Payload =
  /** `quotedId`: the message this one replies to (Feishu parent_id), read only when the words need it. */
  | { kind: 'text'; text: string; quotedId?: string; mentions?: Array<{ name: string; openId: string }> }
  /** A file sent to the bot (private chat). */
  | { kind: 'file'; file: { messageId: string; fileKey: string; name: string } }
  /** A photo sent to the bot (private chat): read by OCR, used once the writer confirms (issue 23). */
  | { kind: 'image'; image: { messageId: string; imageKey: string } }
  /** sticker, audio, …: we say what we accept. */
  | { kind: 'unsupported'; messageType: string };

/** One accepted inbound message: the data of a BullMQ `message` job. */
export interface IncomingMessage {
  conversation: Conversation;
  payload: Payload;
  /** When the user sent it (ms). */
  createdAt: number;
  /** Set when ingest refused the request: the job only tells the user why. */
  refusal?: 'not-allowed' | 'rate-limited' | 'commands-rate-limited' | 'queue-full';
  /** A rate-limited request: when (ms) the user may try again. */
  retryAt?: number;
}

/** A button press on one of our cards: the data of a BullMQ `card-action` job. */
export interface CardAction {
  conversation: Conversation;
  /** The button's callback value (our own object). */
  value: Record<string, unknown>;
}

/**
 * The key multi-turn memory is stored under: the thread root, or the message itself
 * (it becomes the root of the thread our reply opens).
 */
export function threadKey(c: Conversation): string {
  return c.rootId ?? c.threadId ?? c.messageId;
}
