import type { CardButton, ChoiceCard } from '../core/replier.js';

export const ANSWER_ELEMENT = 'answer_md';

/** Button values carry the time the card was made (seconds), so old buttons can be refused. */
export const ISSUED_AT = 'iat';

/**
 * Make text safe for card markdown: model output and quoted user text must not mention
 * people (<at id=all>), show images or inject card tags. Tag-like `<` becomes a full-width
 * ＜ (readable, never a tag); images become a text note. Idempotent.
 */
export function cardSafeMarkdown(md: string): string {
  return md
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, (_m, alt: string) => `[图片${alt.trim() ? `：${alt.trim()}` : ''}]`)
    .replace(/<(?=\/?[A-Za-z!?])/g, '＜');
}

/** Card JSON 2.0 with one markdown element (streamable by element id) and optional buttons. */
export function answerCard(opts: { title: string; markdown: string; streaming: boolean; buttons?: CardButton[]; part?: { index: number; total?: number } }): object {
  const title = opts.part && opts.part.index > 0 ? `${opts.title}（续${opts.part.index}）` : opts.title;
  const elements: object[] = [{ tag: 'markdown', element_id: ANSWER_ELEMENT, content: cardSafeMarkdown(opts.markdown) || '…' }];
  if (opts.buttons?.length) {
    elements.push({ tag: 'hr' });
    elements.push({
      tag: 'column_set',
      horizontal_spacing: '8px',
      columns: opts.buttons.map((b) => ({
        tag: 'column',
        width: 'auto',
        elements: [{ tag: 'button', text: { tag: 'plain_text', content: b.text }, type: b.primary ? 'primary' : 'default', behaviors: [{ type: 'callback', value: { ...b.value, [ISSUED_AT]: Math.floor(Date.now() / 1000) } }] }],
      })),
    });
  }
  return {
    schema: '2.0',
    config: {
      update_multi: true,
      streaming_mode: opts.streaming,
      summary: { content: opts.streaming ? '正在撰写…' : summarize(cardSafeMarkdown(opts.markdown)) },
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

/** Rows of buttons (a column set each: 7 components) up to this many; beyond, one select per row (1 component). */
export const CHOICE_BUTTON_ROWS = 12;

/**
 * A choice card (core/replier.ts#ChoiceCard): few rows as a label with one button per option, many
 * rows as one select each, so 40 or more rows stay under Feishu's 200 components and 30 KB. A button
 * carries its option in its value; a select's option comes back as `action.option` (ingest folds it in).
 */
export function choiceCard(card: ChoiceCard): object {
  const iat = Math.floor(Date.now() / 1000);
  const value = (v: Record<string, unknown>) => ({ ...v, [ISSUED_AT]: iat });
  const compact = card.rows.length > CHOICE_BUTTON_ROWS;
  const rows = card.rows.map((r) => {
    const chosen = r.options.find((o) => o.id === r.chosen);
    if (compact) {
      return {
        tag: 'select_static',
        width: 'fill',
        placeholder: { tag: 'plain_text', content: `${r.label}：请选择` },
        options: r.options.map((o) => ({ text: { tag: 'plain_text', content: `${r.label}：${o.text}` }, value: o.id })),
        ...(chosen ? { initial_option: chosen.id } : {}),
        behaviors: [{ type: 'callback', value: value(r.value) }],
      };
    }
    return {
      tag: 'column_set',
      horizontal_spacing: '8px',
      columns: [
        { tag: 'column', width: 'weighted', weight: 3, vertical_align: 'center', elements: [{ tag: 'markdown', content: cardSafeMarkdown(chosen ? `${r.label}\u3000**已标：${chosen.text}**` : r.label) }] },
        ...r.options.map((o) => ({
          tag: 'column',
          width: 'auto',
          elements: [{ tag: 'button', text: { tag: 'plain_text', content: o.id === r.chosen ? `✓ ${o.text}` : o.text }, type: o.id === r.chosen ? 'primary' : 'default', size: 'small', behaviors: [{ type: 'callback', value: value({ ...r.value, option: o.id }) }] }],
        })),
      ],
    };
  });
  return {
    schema: '2.0',
    config: { update_multi: true, summary: { content: card.title } },
    header: { title: { tag: 'plain_text', content: card.title }, template: 'grey' },
    body: { elements: [{ tag: 'markdown', content: cardSafeMarkdown(card.intro) }, ...rows] },
  };
}
