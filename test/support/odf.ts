/**
 * A flat ODF text (.fodt, as `soffice --convert-to fodt` writes it) read with a real XML parser:
 * the tracked changes in `text:tracked-changes` with their author, kind and the text between each
 * change's start and end marks, and the annotations (comments) with their author and words.
 */
import { DOMParser } from '@xmldom/xmldom';

const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const DC = 'http://purl.org/dc/elements/1.1/';

type El = globalThis.Element;
const list = (nl: { length: number; item(i: number): unknown }): El[] => Array.from({ length: nl.length }, (_, i) => nl.item(i) as El);

export interface OdfChange {
  id: string;
  kind: 'insertion' | 'deletion' | 'format-change';
  author: string;
  text: string;
}

export interface OdfDocument {
  changes: OdfChange[];
  annotations: Array<{ author: string; text: string }>;
  /** Body text with every change accepted: insertions kept, deletions dropped; paragraphs by line. */
  accepted: string;
}

export function readFodt(data: Buffer): OdfDocument {
  const doc = new DOMParser().parseFromString(data.toString('utf8'), 'application/xml');
  const tracked = list(doc.getElementsByTagNameNS(TEXT, 'tracked-changes'))[0];
  const changes = new Map<string, OdfChange>();
  for (const region of list(tracked?.getElementsByTagNameNS(TEXT, 'changed-region') ?? { length: 0, item: () => null })) {
    const kindEl = list(region.childNodes as unknown as NodeListOf<El>).find((n) => n.nodeType === 1)!;
    const author = list(kindEl.getElementsByTagNameNS(DC, 'creator'))[0]?.textContent ?? '';
    const id = region.getAttributeNS(TEXT, 'id') || region.getAttribute('xml:id') || '';
    changes.set(id, { id, kind: kindEl.localName as OdfChange['kind'], author, text: '' });
  }
  const body = list(doc.getElementsByTagNameNS(OFFICE, 'text'))[0]!;
  const open = new Set<string>();
  let accepted = '';
  const walk = (n: Node, inPara: boolean) => {
    for (let c: Node | null = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        // Pretty-printing between paragraphs is not text.
        if (!inPara) continue;
        const t = (c as Text).data;
        for (const id of open) changes.get(id)!.text += t;
        if (![...open].some((id) => changes.get(id)!.kind === 'deletion')) accepted += t;
        continue;
      }
      if (c.nodeType !== 1) continue;
      const el = c as El;
      if (el.namespaceURI === OFFICE && el.localName === 'annotation') continue;
      if (el.namespaceURI === TEXT && el.localName === 'tracked-changes') continue;
      if (el.namespaceURI === TEXT && el.localName === 'change-start') open.add(el.getAttributeNS(TEXT, 'change-id') ?? '');
      else if (el.namespaceURI === TEXT && el.localName === 'change-end') open.delete(el.getAttributeNS(TEXT, 'change-id') ?? '');
      else {
        const para = el.namespaceURI === TEXT && (el.localName === 'p' || el.localName === 'h');
        walk(el, inPara || para);
        if (para) accepted += '\n';
      }
    }
  };
  walk(body, false);
  const annotations = list(doc.getElementsByTagNameNS(OFFICE, 'annotation')).map((a) => ({
    author: list(a.getElementsByTagNameNS(DC, 'creator'))[0]?.textContent ?? '',
    text: list(a.getElementsByTagNameNS(TEXT, 'p')).map((p) => p.textContent ?? '').join('\n'),
  }));
  return { changes: [...changes.values()], annotations, accepted };
}
