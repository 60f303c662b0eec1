// The reminder service's ports: what a transport supplies (delivery, Feishu tasks) and who asks.
export { TaskError } from './errors.js';

/** Where a fired reminder goes. */
export interface ReminderTarget {
  chatId: string;
  threadRootMessageId?: string;
  /** In a group: the creator, whom the transport @-mentions in its own markup. */
  mentionOpenId?: string;
}

/** Delivers one fired reminder; `uuid` makes a retried delivery post once. */
export type SendFn = (target: ReminderTarget, text: string, uuid: string) => Promise<void>;

/** The 台账 digest a 记台账 reminder posts: the chat's entries read at the fire's instant (ISO with offset). */
export type LedgerDigestFn = (chatId: string, fireAt: string) => Promise<string>;

/** Who sent a reminder command, and where. */
export interface ReminderCaller {
  chatId: string;
  chatType: 'p2p' | 'group';
  openId: string;
  messageId: string;
  rootMessageId?: string;
}

export interface TaskInput {
  summary: string;
  description: string;
  dueMs: number;
  allDay: boolean;
  assigneeOpenId: string;
  chatId: string;
  /** Idempotency key: a retried create returns the same task. */
  clientToken: string;
}

/** The task list the deadlines are mirrored into (Feishu Tasks v2). Errors are TaskError. */
export interface TaskPort {
  create(t: TaskInput): Promise<{ guid: string; url?: string }>;
  /** Whether the task was marked done. */
  isCompleted(guid: string): Promise<boolean>;
  setDue(guid: string, dueMs: number, allDay: boolean): Promise<void>;
  remove(guid: string): Promise<void>;
}
