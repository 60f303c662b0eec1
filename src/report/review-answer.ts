/**
 * The model's side of the review loop, pure: the comment list it is given (prompts/review-comments.md)
 * and its answer read back into one decision per comment. Chat models wrap answers in reasoning,
 * preambles and Markdown; the answer is read by its 【n】 blocks and labelled lines, and anything that
 * would invent a figure is turned into a 【待补充】 question.
 */
import { stripReasoning } from './model-output.js';
import { CLASS_LABEL, type CommentClass, type CommentReply } from './review-comments.js';
import { quoteZh } from '../text/quote.js';

export interface PromptComment {
  n: number;
  cls: CommentClass;
  text: string;
  quoted: string;
  /** The paragraph the passage sits in. */
  paragraph: string;
}

/** The {{comments}} variable: one numbered block per comment. */
export function reviewPromptComments(items: readonly PromptComment[]): string {
  return items.map((c) => `【${c.n}】类型：${CLASS_LABEL[c.cls].name}\n批注：${c.text}\n所批原文：${c.quoted || '（无）'}\n所在段落：${c.paragraph}`).join('\n\n');
}

export type Scope = 'range' | 'sentence' | 'paragraph';

export interface ModelDecision {
  n: number;
  /** New text for the passage (or its sentence/paragraph); undefined when nothing changes. */
  text?: string;
  scope: Scope;
  reply: CommentReply;
}

const LABELS = ['范围', '改为', '说明', '补充', '理由'] as const;
type Label = (typeof LABELS)[number];
const HEAD = /^[\s>*#-]*[【[]\s*(\d{1,3})\s*[】\]]\s*[*_]*\s*(已修改|未修改|需要补充|需要你补充|不修改|已改)?/;
const LINE = new RegExp(`^[\\s>*_-]*(${LABELS.join('|')})[*_]*\\s*[:：]\\s*(.*)$`);

/** Figures (Arabic, or Chinese numerals before a measure word) in a text. */
function figures(s: string): string[] {
  return [...s.matchAll(/\d+(?:\.\d+)?%?|[一二三四五六七八九十百千万两]+(?=[次个人项场篇条家所名件期批余])/g)].map((m) => m[0]);
}

/**
 * Read the model's answer. Every listed comment gets a decision: a block the model left out, or
 * one whose status is unclear, is answered 未修改 with the reason. A new text that carries a figure
 * found neither in the passage's paragraph nor in the material is not used: the comment asks the
 * writer instead.
 */
export function parseReviewModelAnswer(raw: string, items: readonly PromptComment[], material = ''): ModelDecision[] {
  const text = stripReasoning(raw).text.replace(/```[a-z]*\n?/g, '');
  const blocks = new Map<number, { status: string; fields: Partial<Record<Label, string>> }>();
  let cur: { status: string; fields: Partial<Record<Label, string>> } | undefined;
  let last: Label | undefined;
  for (const line of text.split('\n')) {
    const h = HEAD.exec(line);
    if (h) {
      cur = { status: h[2] ?? '', fields: {} };
      if (!blocks.has(Number(h[1]))) blocks.set(Number(h[1]), cur);
      last = undefined;
      const rest = line.slice(h[0].length).replace(/^[\s*_]+/, '');
      const inline = LINE.exec(rest);
      if (inline) {
        last = inline[1] as Label;
        cur.fields[last] = inline[2]!.trim();
      }
      continue;
    }
    if (!cur) continue;
    const m = LINE.exec(line);
    if (m) {
      last = m[1] as Label;
      cur.fields[last] = m[2]!.trim();
    } else if (last === '改为' && line.trim()) cur.fields[last] += `\n${line.trim()}`;
  }
  // A replacement the model wrapped whole in quotes loses them; inner quotes stay.
  const clean = (s: string | undefined) => s?.replace(/\*\*|__/g, '').trim().replace(/^[“"]([\s\S]*)[”"]$/, '$1');
  return items.map((item): ModelDecision => {
    const b = blocks.get(item.n);
    if (!b) return { n: item.n, scope: 'range', reply: { kind: 'kept', what: '原文保留', reason: '模型没有给出这一条的处理意见' } };
    const f = b.fields;
    const scope: Scope = /整段/.test(f.范围 ?? '') ? 'paragraph' : /整句/.test(f.范围 ?? '') ? 'sentence' : 'range';
    const newText = f.改为 !== undefined ? clean(f.改为)!.replace(/^（?(空|无|删去|删除)）?$/, '') : undefined;
    const need = clean(f.补充);
    if (/未修改|不修改/.test(b.status)) return { n: item.n, scope, reply: { kind: 'kept', what: '原文保留', reason: clean(f.理由) || '模型认为不宜修改' } };
    if (newText !== undefined) {
      const known = `${item.paragraph}\n${material}`;
      const invented = figures(newText).filter((x) => !known.includes(x));
      if (invented.length) return { n: item.n, scope, reply: { kind: 'ask', need: `${need || '相关数字'}（模型给出的“${invented.join('、')}”在原文和材料里都没有，未采用）` } };
    }
    if (/需要/.test(b.status) || (need && newText === undefined)) {
      return { n: item.n, scope, ...(newText !== undefined && newText.includes('【待补充') ? { text: newText } : {}), reply: { kind: 'ask', need: need || '这条批注需要的内容' } };
    }
    if (newText === undefined) return { n: item.n, scope, reply: { kind: 'kept', what: '原文保留', reason: clean(f.理由) || '模型没有给出修改后的文字' } };
    return { n: item.n, scope, text: newText, reply: { kind: 'revised', what: clean(f.说明) || (newText ? `改为${quoteZh(newText, 30)}` : '删去') } };
  });
}
