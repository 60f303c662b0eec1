// The one owner of the drafting buttons' payload: built here, recognised here.
import type { CardButton } from '../../bot/replier.js';
import type { DraftCommand, SectionTarget } from '../../report/commands.js';

/** The value a button carries back in card.action.trigger. */
export interface DraftButtonValue {
  action: 'draft';
  command: DraftCommand;
  /** The thread whose stored outline the command works on. */
  thread: string;
  [key: string]: unknown;
}

export function isDraftButton(v: Record<string, unknown>): v is DraftButtonValue {
  return v.action === 'draft' && typeof v.thread === 'string' && typeof v.command === 'object' && v.command !== null;
}

/** The buttons under a drafting card. */
export function draftButtons(thread: string, cmd: DraftCommand): CardButton[] {
  const v = (command: DraftCommand): DraftButtonValue => ({ action: 'draft', command, thread });
  const target: SectionTarget | undefined = cmd.kind === 'section' || cmd.kind === 'revise' ? cmd.target : undefined;
  const out: CardButton[] = [];
  if (target) {
    out.push({ text: '展开此部分', value: v({ kind: 'revise', op: 'expand', target }) });
    out.push({ text: '精简此部分', value: v({ kind: 'revise', op: 'condense', target }) });
    out.push({ text: '重写此部分', value: v({ kind: 'revise', op: 'rewrite', target }) });
  }
  if (cmd.kind !== 'full') out.push({ text: '写全文', value: v({ kind: 'full' }), primary: true });
  out.push({ text: '导出Word', value: v({ kind: 'export' }) });
  return out;
}
