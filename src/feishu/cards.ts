import type { CardButton } from '../core/replier.js';

export const ANSWER_ELEMENT = 'answer_md';

/** Card JSON 2.0 with one markdown element (streamable by element id) and optional buttons. */
export function answerCard(opts: { title: string; markdown: string; streaming: boolean; buttons?: CardButton[]; part?: { index: number; total?: number } }): object {
  const title = opts.part && opts.part.index > 0 ? `${opts.title}（续${opts.part.index}）` : opts.title;
  const elements: object[] = [{ tag: 'markdown', element_id: ANSWER_ELEMENT, content: opts.markdown || '…' }];
  if (opts.buttons?.length) {
    elements.push({ tag: 'hr' });
    elements.push({
      tag: 'column_set',
      horizontal_spacing: '8px',
      columns: opts.buttons.map((b) => ({
        tag: 'column',
        width: 'auto',
        elements: [{ tag: 'button', text: { tag: 'plain_text', content: b.text }, type: b.primary ? 'primary' : 'default', behaviors: [{ type: 'callback', value: b.value }] }],
      })),
    });
  }
  return {
    schema: '2.0',
    config: {
      update_multi: true,
      streaming_mode: opts.streaming,
      summary: { content: opts.streaming ? '正在撰写…' : summarize(opts.markdown) },
      ...(opts.streaming ? { streaming_config: { print_frequency_ms: { default: 50 }, print_step: { default: 2 }, print_strategy: 'fast' } } : {}),
    },
    header: { title: { tag: 'plain_text', content: title }, template: 'blue' },
    body: { elements },
  };
}

function summarize(md: string): string {
  const flat = md.replace(/[*#>`_]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/**
 * Split a long answer into card-sized pieces at paragraph (else sentence) boundaries.
 * Feishu caps a card at 30 KB; Chinese is 3 bytes a character, so pieces stay well under.
 */
export function splitForCards(text: string, limit: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf('\n\n');
    if (cut < limit * 0.5) cut = window.lastIndexOf('\n');
    if (cut < limit * 0.5) cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；')) + 1;
    if (cut < limit * 0.5) cut = limit;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, '');
  }
  out.push(rest);
  return out;
}
