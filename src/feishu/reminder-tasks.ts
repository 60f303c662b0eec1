import { TaskError, type TaskPort } from '../core/reminders.js';
import { FeishuApiError, type FeishuApi } from './api.js';

/** Sorted by the kind feishu/codes.ts gives the error. */
function classify(err: unknown): TaskError {
  if (!(err instanceof FeishuApiError)) return new TaskError('retry', err instanceof Error ? err.message : String(err));
  if (err.kind === 'no-scope' || err.httpStatus === 403) return new TaskError('no-scope', err.message);
  if (err.kind === 'not-found') return new TaskError('gone', err.message);
  const t = new TaskError(err.retryable ? 'retry' : 'fail', err.message);
  if (err.retryAfterMs !== undefined) t.retryAfterMs = err.retryAfterMs;
  return t;
}

/** The AppLink that opens a chat in the Feishu (or Lark) client. */
export function chatAppLink(domain: string, chatId: string): string {
  const host = /larksuite/.test(domain) ? 'applink.larksuite.com' : 'applink.feishu.cn';
  return `https://${host}/client/chat/open?openChatId=${encodeURIComponent(chatId)}`;
}

/** Deadline reminders as Feishu tasks (Tasks v2), errors sorted for the reminder service. */
export function feishuTasks(api: FeishuApi, domain: string): TaskPort {
  const wrap = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw classify(err);
    }
  };
  return {
    create: (t) => {
      const url = chatAppLink(domain, t.chatId);
      return wrap(() => api.createTask({
        summary: t.summary,
        description: `${t.description}\n回到会话：${url}`,
        dueMs: t.dueMs,
        allDay: t.allDay,
        assigneeOpenId: t.assigneeOpenId,
        link: { url, title: '打开设置提醒的会话' },
        clientToken: t.clientToken,
      }));
    },
    isCompleted: (guid) => wrap(() => api.taskCompleted(guid)),
    setDue: (guid, dueMs, allDay) => wrap(() => api.setTaskDue(guid, dueMs, allDay)),
    remove: (guid) => wrap(() => api.deleteTask(guid)),
  };
}
