import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';

/** Our own im.message.receive_v1 fixtures, shaped after Feishu's documented samples. */
let n = 0;
const id = (p: string) => `${p}${Date.now().toString(16)}${(++n).toString(16).padStart(6, '0')}`;

export const USER_OPEN_ID = 'ou_user_000000000000000000000000001';
export const OTHER_USER_OPEN_ID = 'ou_user_000000000000000000000000002';
export const VERIFICATION_TOKEN = 'vt_test_0123456789abcdef';

export interface EventOpts {
  chatType?: 'p2p' | 'group';
  chatId?: string;
  messageId?: string;
  rootId?: string;
  /** The message this one quotes (reply): parent_id, and root_id when no rootId is given. */
  parentId?: string;
  threadId?: string;
  mentions?: Array<{ key: string; openId: string; name: string }>;
  senderType?: 'user' | 'app';
  senderOpenId?: string;
  createTime?: number;
  token?: string;
}

export function messageEvent(messageType: string, content: object, o: EventOpts = {}): Record<string, unknown> {
  const chatType = o.chatType ?? 'p2p';
  return {
    schema: '2.0',
    header: { event_id: id('ev'), event_type: 'im.message.receive_v1', create_time: String(o.createTime ?? Date.now()), token: o.token ?? VERIFICATION_TOKEN, app_id: 'cli_a1b2c3d4e5f60718', tenant_key: 'tenant_test' },
    event: {
      sender: { sender_id: { open_id: o.senderOpenId ?? USER_OPEN_ID, union_id: 'on_user1', user_id: 'u1' }, sender_type: o.senderType ?? 'user', tenant_key: 'tenant_test' },
      message: {
        message_id: o.messageId ?? id('om_'),
        ...(o.rootId ? { root_id: o.rootId, parent_id: o.rootId } : {}),
        ...(o.parentId ? { root_id: o.rootId ?? o.parentId, parent_id: o.parentId } : {}),
        ...(o.threadId ? { thread_id: o.threadId } : {}),
        create_time: String(o.createTime ?? Date.now()),
        update_time: String(o.createTime ?? Date.now()),
        chat_id: o.chatId ?? (chatType === 'p2p' ? 'oc_p2p_chat_0001' : 'oc_group_chat_0001'),
        chat_type: chatType,
        message_type: messageType,
        content: JSON.stringify(content),
        ...(o.mentions ? { mentions: o.mentions.map((m) => ({ key: m.key, id: { open_id: m.openId, union_id: 'on_x' }, name: m.name, tenant_key: 'tenant_test' })) } : {}),
      },
    },
  };
}

export const textEvent = (text: string, o: EventOpts = {}) => messageEvent('text', { text }, o);

/** A group message that @-mentions the bot (placeholder @_user_1). */
export const groupAtBot = (text: string, botOpenId: string, o: EventOpts = {}) =>
  textEvent(`@_user_1 ${text}`, { chatType: 'group', mentions: [{ key: '@_user_1', openId: botOpenId, name: '笔杆子' }], ...o });

export const messageIdOf = (ev: Record<string, unknown>) => ((ev.event as { message: { message_id: string } }).message.message_id);

/** Encrypt a body the way Feishu does (AES-256-CBC, key = sha256(encryptKey), IV prefixed, base64). */
export function encryptBody(body: object, encryptKey: string): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, c.update(JSON.stringify(body), 'utf8'), c.final()]).toString('base64');
}

export function signHeaders(rawBody: string, encryptKey: string, tamper = false): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const sig = createHash('sha256').update(ts + nonce + encryptKey + rawBody).digest('hex');
  return { 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': nonce, 'x-lark-signature': tamper ? sig.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) : sig };
}

let cardActions = 0;

/** A press of a card's button (or a select's choice), as Feishu posts card.action.trigger (schema 2.0). */
export function cardActionEvent(messageId: string, value: Record<string, unknown>, o: { openId?: string; chatId?: string; eventId?: string; tag?: string; option?: string; token?: string } = {}): Record<string, unknown> {
  return {
    schema: '2.0',
    header: { event_id: o.eventId ?? `ev_card_${++cardActions}_${randomUUID().slice(0, 8)}`, token: VERIFICATION_TOKEN, create_time: String(Date.now() * 1000), event_type: 'card.action.trigger', tenant_key: 'tenant_test', app_id: 'cli_a1b2c3d4e5f60718' },
    event: { operator: { open_id: o.openId ?? USER_OPEN_ID }, token: o.token ?? 'c-card-update-token', action: { tag: o.tag ?? 'button', value, ...(o.option ? { option: o.option } : {}) }, host: 'im_message', context: { open_message_id: messageId, open_chat_id: o.chatId ?? 'oc_p2p_chat_0001' } },
  };
}
