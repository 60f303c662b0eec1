/**
 * Serialize a changed part so that every element we did not change keeps its original bytes.
 * xmldom re-serializes faithfully but not byte for byte (an empty `<w:rPr></w:rPr>` comes back as
 * `<w:rPr/>`, `&quot;` in text as `"`), and Word's formatting of untouched runs must stay as it
 * came. xmldom records no source spans, so a small tag scanner (hand-written: it only finds where
 * each element starts and ends; the DOM still does all parsing) gives each original element its
 * span, matched to the DOM by document order.
 */
import { parseXml, type El, type XmlDocument } from './xml.js';

interface Span { start: number; tagEnd: number; end: number; selfClosing: boolean }

/** Spans of every element in document (pre)order. */
export function scanSpans(text: string): Span[] {
  const spans: Span[] = [];
  const open: Span[] = [];
  let i = 0;
  const skipTo = (s: string, from: number) => {
    const k = text.indexOf(s, from);
    if (k < 0) throw new Error('unterminated markup');
    return k + s.length;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) i = skipTo('-->', lt + 4);
    else if (text.startsWith('<![CDATA[', lt)) i = skipTo(']]>', lt + 9);
    else if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) i = skipTo('>', lt + 2);
    else {
      let k = lt + 1;
      let quote = '';
      for (; k < text.length; k++) {
        const ch = text[k]!;
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      const tagEnd = k + 1;
      if (text[lt + 1] === '/') {
        const s = open.pop();
        if (s) s.end = tagEnd;
      } else {
        const selfClosing = text[k - 1] === '/';
        const s: Span = { start: lt, tagEnd, end: selfClosing ? tagEnd : -1, selfClosing };
        spans.push(s);
        if (!selfClosing) open.push(s);
      }
      i = tagEnd;
    }
  }
  return spans;
}

function preorder(root: Node, visit: (el: El) => void): void {
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      visit(n as El);
      preorder(n, visit);
    }
  }
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function attrsOf(el: El): string {
  let out = '';
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    out += ` ${a.name}="${escAttr(a.value)}"`;
  }
  return out;
}

/** A plain serializer (no namespace fix-ups: our parts declare their prefixes on the root). */
export function ser(n: Node): string {
  switch (n.nodeType) {
    case 1: {
      const el = n as El;
      if (!el.firstChild) return `<${el.tagName}${attrsOf(el)}/>`;
      let inner = '';
      for (let c: Node | null = el.firstChild; c; c = c.nextSibling) inner += ser(c);
      return `<${el.tagName}${attrsOf(el)}>${inner}</${el.tagName}>`;
    }
    case 3: return escText((n as Text).data);
    case 4: return `<![CDATA[${(n as CDATASection).data}]]>`;
    case 7: return `<?${(n as ProcessingInstruction).target} ${(n as ProcessingInstruction).data}?>`;
    case 8: return `<!--${(n as Comment).data}-->`;
    default: return '';
  }
}

/** A parsed part that remembers its source, so it can be written back keeping untouched bytes. */
export class SourcedXml {
  readonly doc: XmlDocument;
  private readonly twin = new WeakMap<Node, { el: El; span: Span }>();
  private readonly prolog: string;

  constructor(private readonly source: string, part: string) {
    this.doc = parseXml(source, part);
    const pristine = parseXml(source, part);
    const spans = scanSpans(source);
    const cur: El[] = [];
    const old: El[] = [];
    preorder(this.doc, (e) => cur.push(e));
    preorder(pristine, (e) => old.push(e));
    if (cur.length === spans.length) cur.forEach((e, i) => this.twin.set(e, { el: old[i]!, span: spans[i]! }));
    this.prolog = spans.length ? source.slice(0, spans[0]!.start) : '';
  }

  serialize(): string {
    return this.prolog + this.emit(this.doc.documentElement);
  }

  private emit(n: Node): string {
    if (n.nodeType !== 1) return ser(n);
    const el = n as El;
    const t = this.twin.get(el);
    if (t && t.span.end > 0) {
      if (ser(el) === ser(t.el)) return this.source.slice(t.span.start, t.span.end);
    }
    const sameTag = t && !t.span.selfClosing && attrsOf(el) === attrsOf(t.el) && el.tagName === t.el.tagName;
    if (!el.firstChild) return `<${el.tagName}${attrsOf(el)}/>`;
    let inner = '';
    for (let c: Node | null = el.firstChild; c; c = c.nextSibling) inner += this.emit(c);
    return `${sameTag ? this.source.slice(t.span.start, t.span.tagEnd) : `<${el.tagName}${attrsOf(el)}>`}${inner}</${el.tagName}>`;
  }
}
