/**
 * A .docx read back with a real XML parser: paragraphs with their style and the properties they
 * end up with (document defaults → the style's basedOn chain → the paragraph's own), footers,
 * settings. Enough to check what Word would show, not a Word layout engine.
 */
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type El = globalThis.Element;

export interface Props {
  eastAsia?: string;
  ascii?: string;
  /** Half-points. */
  size?: number;
  jc?: string;
  outlineLevel?: number;
  firstLineChars?: number;
  firstLine?: number;
  left?: number;
  right?: number;
  line?: number;
  lineRule?: string;
  keepNext?: boolean;
  keepLines?: boolean;
}

export interface StyleInfo {
  id: string;
  type: string;
  name: string;
  basedOn?: string;
  pPr?: El;
  rPr?: El;
}

export interface RunInfo {
  text: string;
  rStyle?: string;
  /** Run properties written on the run itself (direct formatting), besides rStyle. */
  direct: string[];
  props: Props;
}

export interface ParaInfo {
  text: string;
  style?: string;
  /** Paragraph properties written on the paragraph itself, besides pStyle. */
  direct: string[];
  props: Props;
  runs: RunInfo[];
}

export interface WordPackage {
  styles: Map<string, StyleInfo>;
  paragraphs: ParaInfo[];
  /** Tables of the body: rows of cell texts (a cell's paragraphs joined by a line break). */
  tables: string[][][];
  /** Footer paragraphs by footer type (default, even, first). */
  footers: Map<string, ParaInfo[]>;
  /** Field instructions (PAGE) by footer type. */
  footerFields: Map<string, string[]>;
  settings: El;
  sectPr: El;
}

const parseXml = (xml: string): globalThis.Document => {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: (m: string) => errors.push(m), error: (m: string) => errors.push(m), fatalError: (m: string) => errors.push(m) } }).parseFromString(xml, 'application/xml');
  if (errors.length) throw new Error(`XML does not parse: ${errors[0]}`);
  return doc;
};

/** xmldom 0.8's NodeList is not iterable. */
const list = (nl: { length: number; item(i: number): unknown }): El[] => Array.from({ length: nl.length }, (_, i) => nl.item(i) as El);

const kids = (el: El | undefined, local: string): El[] => {
  if (!el) return [];
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as El).namespaceURI === W_NS && (n as El).localName === local) out.push(n as El);
  return out;
};
const kid = (el: El | undefined, local: string): El | undefined => kids(el, local)[0];
const attr = (el: El | undefined, local: string): string | undefined => el?.getAttributeNS(W_NS, local) || undefined;
const num = (el: El | undefined, local: string): number | undefined => {
  const v = attr(el, local);
  return v === undefined ? undefined : Number(v);
};
/** A CT_OnOff element: present means on unless w:val is false/0/off. */
const onOff = (el: El | undefined): boolean | undefined => (el ? !/^(false|0|off)$/.test(attr(el, 'val') ?? 'true') : undefined);

function applyPPr(p: Props, pPr: El | undefined): void {
  if (!pPr) return;
  const jc = attr(kid(pPr, 'jc'), 'val');
  if (jc) p.jc = jc;
  const ol = num(kid(pPr, 'outlineLvl'), 'val');
  if (ol !== undefined) p.outlineLevel = ol;
  const ind = kid(pPr, 'ind');
  for (const k of ['firstLineChars', 'firstLine', 'left', 'right'] as const) {
    const v = num(ind, k);
    if (v !== undefined) p[k] = v;
  }
  const sp = kid(pPr, 'spacing');
  if (num(sp, 'line') !== undefined) p.line = num(sp, 'line');
  if (attr(sp, 'lineRule')) p.lineRule = attr(sp, 'lineRule');
  const kn = onOff(kid(pPr, 'keepNext'));
  if (kn !== undefined) p.keepNext = kn;
  const kl = onOff(kid(pPr, 'keepLines'));
  if (kl !== undefined) p.keepLines = kl;
}

function applyRPr(p: Props, rPr: El | undefined): void {
  if (!rPr) return;
  const f = kid(rPr, 'rFonts');
  if (attr(f, 'eastAsia')) p.eastAsia = attr(f, 'eastAsia');
  if (attr(f, 'ascii')) p.ascii = attr(f, 'ascii');
  const sz = num(kid(rPr, 'sz'), 'val');
  if (sz !== undefined) p.size = sz;
}

/** A style's chain from the root down to it. */
function chain(styles: Map<string, StyleInfo>, id: string | undefined): StyleInfo[] {
  const out: StyleInfo[] = [];
  for (let s = id ? styles.get(id) : undefined; s && out.length < 20; s = s.basedOn ? styles.get(s.basedOn) : undefined) out.unshift(s);
  return out;
}

export async function readWordPackage(data: Buffer): Promise<WordPackage> {
  const zip = await JSZip.loadAsync(data);
  const part = async (path: string) => parseXml(await zip.file(path)!.async('string'));
  const stylesDoc = await part('word/styles.xml');
  const styles = new Map<string, StyleInfo>();
  for (const s of kids(stylesDoc.documentElement, 'style')) {
    const id = attr(s, 'styleId')!;
    styles.set(id, { id, type: attr(s, 'type')!, name: attr(kid(s, 'name'), 'val') ?? '', basedOn: attr(kid(s, 'basedOn'), 'val'), pPr: kid(s, 'pPr'), rPr: kid(s, 'rPr') });
  }
  const defaults = kid(stylesDoc.documentElement, 'docDefaults');
  const base: Props = {};
  applyPPr(base, kid(kid(defaults, 'pPrDefault'), 'pPr'));
  applyRPr(base, kid(kid(defaults, 'rPrDefault'), 'rPr'));

  const paragraph = (p: El): ParaInfo => {
    const pPr = kid(p, 'pPr');
    const style = attr(kid(pPr, 'pStyle'), 'val');
    const props: Props = { ...base };
    for (const s of chain(styles, style)) {
      applyPPr(props, s.pPr);
      applyRPr(props, s.rPr);
    }
    applyPPr(props, pPr);
    const allPPr: string[] = [];
    for (let n = pPr?.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as El).localName !== 'pStyle') allPPr.push((n as El).localName);
    const runs: RunInfo[] = [];
    for (const r of list(p.getElementsByTagNameNS(W_NS, 'r'))) {
      const rPr = kid(r, 'rPr');
      const rStyle = attr(kid(rPr, 'rStyle'), 'val');
      const rp: Props = { ...props };
      for (const s of chain(styles, rStyle)) applyRPr(rp, s.rPr);
      applyRPr(rp, rPr);
      const directR: string[] = [];
      for (let n = rPr?.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as El).localName !== 'rStyle') directR.push((n as El).localName);
      const text = kids(r, 't').map((t) => t.textContent ?? '').join('');
      runs.push({ text, ...(rStyle ? { rStyle } : {}), direct: directR, props: rp });
    }
    return { text: runs.map((r) => r.text).join(''), ...(style ? { style } : {}), direct: allPPr, props, runs };
  };

  const docXml = await part('word/document.xml');
  const body = kid(docXml.documentElement, 'body')!;
  const paragraphs = kids(body, 'p').map(paragraph);
  const sectPr = kid(body, 'sectPr')!;
  const tables = kids(body, 'tbl').map((t) => kids(t, 'tr').map((tr) => kids(tr, 'tc').map((tc) => kids(tc, 'p').map((p) => paragraph(p).text).join('\n'))));

  const relsDoc = await part('word/_rels/document.xml.rels');
  const targets = new Map<string, string>();
  for (const r of list(relsDoc.getElementsByTagName('Relationship'))) targets.set(r.getAttribute('Id')!, r.getAttribute('Target')!);
  const footers = new Map<string, ParaInfo[]>();
  const footerFields = new Map<string, string[]>();
  for (const ref of kids(sectPr, 'footerReference')) {
    const type = attr(ref, 'type') ?? 'default';
    const target = targets.get(ref.getAttributeNS(R_NS, 'id')!)!;
    const f = await part(`word/${target}`);
    footers.set(type, kids(f.documentElement as El, 'p').map(paragraph));
    const instr = list(f.getElementsByTagNameNS(W_NS, 'instrText')).map((e) => (e.textContent ?? '').trim());
    const simple = list(f.getElementsByTagNameNS(W_NS, 'fldSimple')).map((e) => attr(e, 'instr')!.trim());
    footerFields.set(type, [...instr, ...simple]);
  }
  const settings = (await part('word/settings.xml')).documentElement as El;
  return { styles, paragraphs, tables, footers, footerFields, settings, sectPr };
}

/** The child elements of a parent, by local name, in the WordprocessingML namespace. */
export const wChildren = kids;
export const wChild = kid;
export const wAttr = attr;
