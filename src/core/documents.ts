/** A Feishu cloud-document link found in a message. */
export interface DocLink {
  /** sheet: 飞书电子表格; bitable: 多维表格 (issue 23: read as a 台账). */
  kind: 'docx' | 'wiki' | 'sheet' | 'bitable' | 'other';
  token: string;
  url: string;
  /** A 多维表格 link's ?table=, or a 电子表格 link's ?sheet=. */
  table?: string;
  /** For `other`: what it is, in Chinese (表格, 多维表格, 旧版文档 …). */
  label?: string;
}

/** A file attached to a message. */
export interface FileRef {
  messageId: string;
  fileKey: string;
  name: string;
}

/** Where the writer's document is. */
export type DocumentOrigin =
  | { kind: 'file'; file: FileRef }
  /** The message the user's message quotes (parent_id): a file, or text. */
  | { kind: 'quote'; messageId: string }
  | { kind: 'link'; link: DocLink };

/** A fact read from a table, a photo or a forwarded message, with where it is (the shape of report/material's SourcedFact). */
export interface AddressedFact {
  text: string;
  address: { origin: 'sheet' | 'bitable' | 'ocr' | 'message'; source: string; sheet?: string; page?: number; row?: number; record?: string; time?: string };
}

/** A document as fetched: a file's bytes (the flow extracts its text), or text already. */
export type FetchedDocument =
  | { kind: 'file'; name: string; data: Buffer; file: FileRef }
  | { kind: 'text'; source: 'cloud-doc' | 'message'; name: string; text: string }
  /** A 飞书电子表格 as the Open API gave it: each sheet's metadata (merges) and values (documents/feishu-ledger.ts maps them). */
  | { kind: 'sheet'; name: string; sheets: Array<{ meta: unknown; values: unknown }> }
  /** A 多维表格 as the Open API gave it: each table's fields and records. */
  | { kind: 'bitable'; name: string; /** The base's own title, when Feishu gave it. */ base?: string; tables: Array<{ name: string; fields: unknown[]; records: unknown[] }> }
  /** A merge-forward's sub-messages: facts with their message time. */
  | { kind: 'facts'; source: 'forward'; name: string; text: string; facts: AddressedFact[] };

/** Who asks: a document is read for them only if they may read it themselves. */
export interface Requester {
  openId: string;
  /** The chat they asked in (they are in it). */
  chatId: string;
  /** From another tenant: a tenant-wide link share does not cover them. */
  external?: boolean;
}

/**
 * The port to the writer's documents. Unreadable documents throw a DocumentError whose
 * message is the answer; transient failures throw the transport's retryable error.
 */
export interface DocumentSource {
  fetch(origin: DocumentOrigin, requester: Requester): Promise<FetchedDocument>;
  /** A photo the writer sent (in this chat), as bytes. */
  image?(messageId: string, imageKey: string, requester: Requester): Promise<Buffer>;
  /** Feishu's OCR of one image (`{ image: base64 }`, under 5 MB) → its text lines. */
  ocr?(body: { image: string }): Promise<string[]>;
}

/** The port that turns a finished .docx into an editable cloud document. */
export interface CloudDocPublisher {
  /** Import the file and let `editorOpenId` edit it; `key` makes a retry reuse the same import. */
  publish(file: { name: string; data: Buffer }, editorOpenId: string, key: string): Promise<{ url: string; title: string; token?: string }>;
}

/** A cloud doc's unresolved comments and its blocks, as the Open API gives them (shapes: docs/REVIEW.md). */
export interface CloudComments {
  /** The docx document id: the file token of the Drive comment API. */
  fileToken: string;
  title: string;
  url: string;
  blocks: unknown[];
  comments: unknown[];
}

/** The port to a cloud doc's comments (issue 22): read them for a requester who may read the doc, answer each in its thread. */
export interface CommentSource {
  /** DocumentError for the link (access, type); the transport's error for a refused comment call. */
  comments(link: DocLink, requester: Requester): Promise<CloudComments>;
  reply(fileToken: string, commentId: string, text: string): Promise<void>;
  /** One of the app's own replies deleted; a reply already gone counts as deleted. */
  deleteReply(fileToken: string, commentId: string, replyId: string): Promise<void>;
  /**
   * The document's blocks read again for an in-place edit, once the requester is known to be allowed
   * to edit it (DocumentError otherwise), with its revision id.
   */
  blocksForEdit(link: DocLink, requester: Requester): Promise<{ fileToken: string; blocks: unknown[]; revision?: number }>;
  /** Each block's element list replaced (the transport's error when refused: no edit permission, rate limit). */
  editBlocks(fileToken: string, updates: ReadonlyArray<{ blockId: string; elements: unknown[] }>, key: string): Promise<{ revision?: number }>;
}
