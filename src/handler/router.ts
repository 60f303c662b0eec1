import { implicitReminder, parseReminderCommand, type ReminderCommand } from '../reminders/parse.js';
import { parseDraftCommand, type DraftCommand } from '../report/commands.js';
import { REMINDER_NOT_UNDERSTOOD } from '../core/texts.js';

/** What a text message asks for. Pure: the worker dispatches on it. */
export type Route =
  | { kind: 'help' }
  | { kind: 'reset' }
  | { kind: 'unknown-command'; command: string }
  | { kind: 'too-long'; length: number }
  | { kind: 'reminder'; command: ReminderCommand }
  | { kind: 'critique'; text: string }
  | { kind: 'critique-empty' }
  | { kind: 'draft'; command: DraftCommand; newRequest: boolean }
  | { kind: 'chat'; text: string };

export const MAX_INPUT_CHARS = 30_000;

const HELP_WORDS = /^(帮助|help|菜单|使用说明|说明|你能做什么|你会什么|怎么用|功能)[？?。!！]*$/i;

/** 帮我看看 / 请审阅一下这段 / 点评下面的材料： … */
const CRITIQUE_LEAD = /^(?:请|麻烦|帮我|帮忙|请帮我|你)?(?:审阅|审校|校对|审核|审一下|审一审|看看|看一下|看一看|瞧瞧|点评|评价|检查|把关|挑挑毛病|提提意见|提点意见|改改|修改意见)(?:一下|下)?(?:这段|这篇|这份|下面|以下|如下|我的)?(?:的)?(?:内容|文字|段落|材料|报告|稿子|稿件|初稿|文稿)?[？?。，,:：\s]*/;

/** A new report the user asks for: 帮我写一份…报告 / 起草…述职报告 / …报告的提纲. */
const REPORT_REQUEST = /(写|起草|草拟|拟|撰写|生成|出)(一份|一篇|一个|个|份|篇)?[\s\S]{0,60}(报告|汇报|述职|总结|提纲|大纲)/;

const ROUTE_CMDS: Record<string, 'help' | 'reset' | 'critique' | 'outline' | 'remind'> = {
  help: 'help', 帮助: 'help',
  reset: 'reset', 清空: 'reset', 重置: 'reset',
  critique: 'critique', 审阅: 'critique', 审校: 'critique',
  outline: 'outline', 提纲: 'outline',
  remind: 'remind', 提醒: 'remind', reminders: 'remind',
};

/** Pasted report text: long and shaped like a document, not a request. */
function looksPasted(text: string): boolean {
  if (text.length < 200) return false;
  const lines = text.split('\n').filter((l) => l.trim()).length;
  const sentences = (text.match(/[。；！？]/g) ?? []).length;
  return (lines >= 3 || sentences >= 5) && !/^(帮我|请|麻烦)?(写|起草|草拟|撰写|生成)/.test(text);
}

export interface RouteOptions {
  now: Date;
  timezone: string;
}

/**
 * Whether answering the route may need the model. Ingest counts such requests against the limit that
 * protects the model, and the rest (reminder commands, help) against a larger bucket of their own.
 * Conservative: a critique request without text may pick up a file sent before; “好的”/“第2个” may be chat.
 */
export function routeNeedsModel(route: Route): boolean {
  switch (route.kind) {
    case 'help': case 'reset': case 'unknown-command': case 'too-long':
      return false;
    case 'reminder':
      return route.command.kind === 'affirm' || route.command.kind === 'pick';
    case 'draft':
      return route.command.kind !== 'export';
    default:
      return true;
  }
}

export function routeText(raw: string, o: RouteOptions): Route {
  const text = raw.trim();
  if (!text || HELP_WORDS.test(text)) return { kind: 'help' };
  if (text.length > MAX_INPUT_CHARS) return { kind: 'too-long', length: text.length };

  const slash = /^[/／]([^\s/]+)\s*([\s\S]*)$/.exec(text);
  if (slash) {
    const cmd = ROUTE_CMDS[slash[1]!.toLowerCase()];
    const rest = slash[2]!.trim();
    switch (cmd) {
      case 'help':
      case 'reset':
        return { kind: cmd };
      case 'critique':
        return rest ? { kind: 'critique', text: rest } : { kind: 'critique-empty' };
      case 'outline':
        return { kind: 'draft', command: { kind: 'outline' }, newRequest: true };
      case 'remind': {
        const r = parseReminderCommand(rest || '我的提醒', { now: o.now, timezone: o.timezone });
        return { kind: 'reminder', command: r ?? { kind: 'error', message: REMINDER_NOT_UNDERSTOOD } };
      }
      default:
        return { kind: 'unknown-command', command: `/${slash[1]!}` };
    }
  }

  const reminder = parseReminderCommand(text, { now: o.now, timezone: o.timezone });
  if (reminder) return { kind: 'reminder', command: reminder };

  const lead = CRITIQUE_LEAD.exec(text);
  if (lead && lead[0].length > 0 && /审|校|看|瞧|评|检查|把关|毛病|意见|改/.test(lead[0])) {
    const body = text.slice(lead[0].length).trim();
    if (body.length >= 10) return { kind: 'critique', text: body };
    if (body.length === 0) return { kind: 'critique-empty' };
  }
  if (looksPasted(text)) return { kind: 'critique', text };

  const draft = parseDraftCommand(text);
  if (draft) {
    // "…报告的提纲" and "帮我写一份…报告" start a new report; "写第二部分" works on the thread's outline.
    const newRequest = draft.kind === 'outline' || (draft.kind === 'full' && REPORT_REQUEST.test(text) && text.length > 12);
    return { kind: 'draft', command: draft, newRequest };
  }
  if (REPORT_REQUEST.test(text) && /报告|汇报|述职|总结/.test(text)) return { kind: 'draft', command: { kind: 'full' }, newRequest: true };
  // Last: a short message with a time and a recurrence or deadline is a reminder; with a time only, we ask.
  const implicit = implicitReminder(text, { now: o.now, timezone: o.timezone });
  if (implicit) return { kind: 'reminder', command: implicit };
  return { kind: 'chat', text };
}
