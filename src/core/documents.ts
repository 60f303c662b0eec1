/** A Feishu cloud-document link found in a message. */
export interface DocLink {
  kind: 'docx' | 'wiki' | 'other';
  token: string;
  url: string;
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

/** A document as fetched: a file's bytes (the flow extracts its text), or text already. */
export type FetchedDocument =
  | { kind: 'file'; name: string; data: Buffer; file: FileRef }
  | { kind: 'text'; source: 'cloud-doc' | 'message'; name: string; text: string };

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
}
