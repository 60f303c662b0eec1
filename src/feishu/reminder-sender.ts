import type { SendFn } from '../core/reminders.js';
import type { FeishuApi } from './api.js';

/** Deliver a fired reminder where it was set: into its thread, else into the chat; in a group it @-mentions its creator. */
export function feishuReminderSender(api: FeishuApi): SendFn {
  return async (target, text, uuid) => {
    const content = JSON.stringify({ text: target.mentionOpenId ? `<at user_id="${target.mentionOpenId}"></at> ${text}` : text });
    if (target.threadRootMessageId) await api.reply(target.threadRootMessageId, 'text', content, uuid);
    else await api.create('chat_id', target.chatId, 'text', content, uuid);
  };
}
