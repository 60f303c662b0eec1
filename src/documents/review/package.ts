/**
 * A .docx package opened for review: parts parsed on demand, and on save only the parts we
 * changed are serialized again; every other part keeps its bytes.
 */
import type JSZipType from 'jszip';
import { SourcedXml } from './splice.js';
import { NS, XmlError, children, type El, type XmlDocument } from './xml.js';

export const PART = {
  document: 'word/document.xml',
  comments: 'word/comments.xml',
  commentsExtended: 'word/commentsExtended.xml',
  commentsIds: 'word/commentsIds.xml',
  settings: 'word/settings.xml',
  types: '[Content_Types].xml',
  documentRels: 'word/_rels/document.xml.rels',
} as const;

/** Relationship type and content type of each comment part we may have to add. */
export const COMMENT_PARTS = {
  [PART.comments]: {
    rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
    root: 'w:comments',
    ns: NS.w,
  },
  [PART.commentsExtended]: {
    rel: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml',
    root: 'w15:commentsEx',
    ns: NS.w15,
  },
  [PART.commentsIds]: {
    rel: 'http://schemas.microsoft.com/office/2016/09/relationships/commentsIds',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml',
    root: 'w16cid:commentsIds',
    ns: NS.w16cid,
  },
} as const;
export type CommentPart = keyof typeof COMMENT_PARTS;

/** Why a file cannot be reviewed as a Word package. */
export type PackageProblem = 'encrypted' | 'not-docx';

export class PackageError extends Error {
  constructor(readonly problem: PackageProblem, message: string) {
    super(message);
  }
}

// An encrypted Office file is an OLE compound file (CFB), not a zip.
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export class DocxPackage {
  private readonly parsed = new Map<string, SourcedXml>();
  private readonly dirty = new Set<string>();

  private constructor(private readonly zip: JSZipType, private readonly original: Buffer) {}

  static async open(data: Buffer): Promise<DocxPackage> {
    if (data.length >= 8 && CFB_SIGNATURE.every((b, i) => data[i] === b)) throw new PackageError('encrypted', 'an OLE compound file (encrypted or legacy .doc)');
    // Loaded on first use: most workers never open a package.
    const { default: JSZip } = await import('jszip');
    let zip: JSZipType;
    try {
      zip = await JSZip.loadAsync(data);
    } catch (err) {
      throw new PackageError('not-docx', `not a zip: ${(err as Error).message}`);
    }
    if (!zip.file(PART.document)) throw new PackageError('not-docx', 'word/document.xml missing');
    return new DocxPackage(zip, data);
  }

  has(path: string): boolean {
    return !!this.zip.file(path) || this.parsed.has(path);
  }

  async text(path: string): Promise<string | undefined> {
    return this.zip.file(path)?.async('string');
  }

  async bytes(path: string): Promise<Buffer | undefined> {
    return this.zip.file(path)?.async('nodebuffer');
  }

  /** The parsed part, or undefined when the package has none. */
  async part(path: string): Promise<XmlDocument | undefined> {
    const done = this.parsed.get(path);
    if (done) return done.doc;
    const text = await this.text(path);
    if (text === undefined) return undefined;
    const sourced = new SourcedXml(text, path);
    this.parsed.set(path, sourced);
    return sourced.doc;
  }

  async required(path: string): Promise<XmlDocument> {
    const doc = await this.part(path);
    if (!doc) throw new XmlError(`${path} missing`);
    return doc;
  }

  touch(path: string): void {
    this.dirty.add(path);
  }

  /** A comment part, created (with its content type and relationship) when the package has none. */
  async commentPart(path: CommentPart): Promise<XmlDocument> {
    const existing = await this.part(path);
    if (existing) return existing;
    const spec = COMMENT_PARTS[path];
    const prefix = spec.root.split(':')[0]!;
    const decls = Object.entries({ [prefix]: spec.ns, w: NS.w, w14: NS.w14, w15: NS.w15, mc: NS.mc }).map(([k, v]) => ` xmlns:${k}="${v}"`).join('');
    const sourced = new SourcedXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${spec.root}${decls} mc:Ignorable="w14 w15"/>`, path);
    const doc = sourced.doc;
    this.parsed.set(path, sourced);
    this.touch(path);
    const types = await this.required(PART.types);
    const partName = `/${path}`;
    if (!children(types.documentElement, 'Override', NS.types).some((o) => o.getAttribute('PartName') === partName)) {
      const o = types.createElementNS(NS.types, 'Override');
      o.setAttribute('PartName', partName);
      o.setAttribute('ContentType', spec.type);
      types.documentElement.appendChild(o);
      this.touch(PART.types);
    }
    let rels = await this.part(PART.documentRels);
    if (!rels) {
      const sourced = new SourcedXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRels}"/>`, PART.documentRels);
      this.parsed.set(PART.documentRels, sourced);
      rels = sourced.doc;
    }
    const relEls = children(rels.documentElement, 'Relationship', NS.pkgRels);
    if (!relEls.some((r) => r.getAttribute('Type') === spec.rel)) {
      const ids = new Set(relEls.map((r) => r.getAttribute('Id')));
      let n = 1;
      while (ids.has(`rIdBigan${n}`)) n++;
      const r = rels.createElementNS(NS.pkgRels, 'Relationship');
      r.setAttribute('Id', `rIdBigan${n}`);
      r.setAttribute('Type', spec.rel);
      r.setAttribute('Target', path.replace(/^word\//, ''));
      rels.documentElement.appendChild(r);
      this.touch(PART.documentRels);
    }
    return doc;
  }

  /** The package with every touched part serialized again; untouched, the original bytes. */
  async save(): Promise<Buffer> {
    if (!this.dirty.size) return this.original;
    for (const path of this.dirty) this.zip.file(path, this.parsed.get(path)!.serialize());
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  /** Names of every part, for comparing two packages. */
  paths(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p]!.dir);
  }
}

export type { El };
