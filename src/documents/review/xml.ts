/**
 * The XML layer for Word parts: a real DOM (@xmldom/xmldom) that parses strictly and serializes
 * everything it was not asked to change as it came in. No regular expressions over markup.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  w16cid: 'http://schemas.microsoft.com/office/word/2016/wordml/cid',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
} as const;

export type XmlDocument = globalThis.Document;
export type El = globalThis.Element;

export class XmlError extends Error {}

/** Parse a part; any parser complaint (xmldom 0.8 reports an unclosed tag only as a warning) is an error. */
export function parseXml(text: string, part = 'part'): XmlDocument {
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: (_level: string, msg: string) => problems.push(String(msg).split('\n')[0] ?? '') }).parseFromString(text, 'application/xml');
  if (problems.length || !doc.documentElement) throw new XmlError(`${part}: ${problems[0] ?? 'no root element'}`);
  return doc;
}

export const serializeXml = (doc: XmlDocument | El): string => new XMLSerializer().serializeToString(doc);

export const isEl = (n: Node | null | undefined): n is El => !!n && n.nodeType === 1;

/** Element children of `el`, optionally only those named `local` in namespace `ns` (default w). */
export function children(el: El | undefined | null, local?: string, ns: string = NS.w): El[] {
  const out: El[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) if (isEl(n) && (local === undefined || (n.localName === local && n.namespaceURI === ns))) out.push(n);
  return out;
}
export const child = (el: El | undefined | null, local: string, ns: string = NS.w): El | undefined => children(el, local, ns)[0];

/** Descendants named `local` in `ns`, in document order. xmldom 0.8's NodeList is not iterable. */
export function descendants(root: El | XmlDocument, local: string, ns: string = NS.w): El[] {
  const nl = root.getElementsByTagNameNS(ns, local);
  return Array.from({ length: nl.length }, (_, i) => nl.item(i) as El);
}

export const is = (n: Node | null | undefined, local: string, ns: string = NS.w): n is El => isEl(n) && n.localName === local && n.namespaceURI === ns;

export const wAttr = (el: El | undefined | null, local: string): string | undefined => (el && el.hasAttributeNS(NS.w, local) ? el.getAttributeNS(NS.w, local) ?? undefined : undefined);

/** A new element in the w namespace, with w: attributes. */
export function wEl(doc: XmlDocument, local: string, attrs: Record<string, string> = {}): El {
  const el = doc.createElementNS(NS.w, `w:${local}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(NS.w, `w:${k}`, v);
  return el;
}

/** A w:t (or w:delText) with the text, spaces kept. */
export function textEl(doc: XmlDocument, text: string, local: 't' | 'delText' = 't'): El {
  const t = wEl(doc, local);
  t.setAttributeNS(NS.xml, 'xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  return t;
}

export function setText(el: El, text: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument.createTextNode(text));
}

export function insertAfter(node: Node, ref: Node): void {
  ref.parentNode!.insertBefore(node, ref.nextSibling);
}

/** Declare a namespace prefix on the root if it is not declared yet (new attributes need it). */
export function declare(doc: XmlDocument, prefix: string, uri: string): void {
  const root = doc.documentElement;
  if (root.getAttribute(`xmlns:${prefix}`) !== uri) root.setAttributeNS(NS.xmlns, `xmlns:${prefix}`, uri);
}

/** The ancestor of `node` (or itself) that is a direct child of `parent`. */
export function topChild(parent: Node, node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.parentNode !== parent) n = n.parentNode;
  return n ?? undefined;
}

export function hasAncestor(node: Node, local: string, ns: string = NS.w, stop?: Node): boolean {
  for (let n = node.parentNode; n && n !== stop; n = n.parentNode) if (is(n, local, ns)) return true;
  return false;
}
