/** What a text message asks for. Pure: the worker dispatches on it. */
export type Route =
  | { kind: 'help' }
  | { kind: 'reset' }
  | { kind: 'unknown-command'; command: string }
  | { kind: 'too-long'; length: number }
  | { kind: 'chat'; text: string };

export const MAX_INPUT_CHARS = 30_000;

const HELP_WORDS = /^(帮助|help|菜单|使用说明|说明|你能做什么|你会什么|怎么用|功能)[？?。!！]*$/i;
const COMMANDS: Record<string, 'help' | 'reset'> = { help: 'help', 帮助: 'help', reset: 'reset', 清空: 'reset', 重置: 'reset' };

export function routeText(raw: string): Route {
  const text = raw.trim();
  if (!text || HELP_WORDS.test(text)) return { kind: 'help' };
  const slash = /^[/／]([^\s/]+)\s*([\s\S]*)$/.exec(text);
  if (slash) {
    const cmd = slash[1]!.toLowerCase();
    const known = COMMANDS[cmd];
    if (known) return { kind: known };
    return { kind: 'unknown-command', command: `/${slash[1]!}` };
  }
  if (text.length > MAX_INPUT_CHARS) return { kind: 'too-long', length: text.length };
  return { kind: 'chat', text };
}
