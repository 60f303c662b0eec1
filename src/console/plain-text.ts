import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';

// CJK-friendly emphasis, as in report/model-output.ts: `**……。**下文` is bold, not text with asterisks.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

function block(node: RootContent, out: string[], depth = 0): void {
  const pad = '　'.repeat(depth);
  switch (node.type) {
    case 'list':
      node.children.forEach((item, i) => {
        const mark = node.ordered ? `${(node.start ?? 1) + i}. ` : '· ';
        item.children.forEach((c, k) => {
          if (c.type === 'list') block(c, out, depth + 1);
          else out.push(`${pad}${k === 0 ? mark : ''}${toString(c)}`);
        });
      });
      return;
    case 'blockquote':
      for (const c of node.children) block(c, out, depth);
      return;
    case 'table':
      for (const r of node.children) out.push(r.children.map((c) => toString(c)).join('　'));
      return;
    case 'code':
      out.push(node.value);
      return;
    case 'thematicBreak':
      out.push('');
      return;
    default:
      out.push(`${pad}${toString(node)}`);
  }
}

/**
 * The console's own rendering: a card's Markdown (bold, quotes, lists, rules) as plain
 * terminal text, read with remark rather than regexes; paragraphs stay apart.
 */
export function markdownToPlain(text: string): string {
  const out: string[] = [];
  for (const n of parser.parse(text).children) {
    const before = out.length;
    block(n, out);
    if (out.length > before) out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
