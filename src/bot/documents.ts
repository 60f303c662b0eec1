import type { DocLink } from '../documents/links.js';

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

/** A document, read: its text, and for a Word file its bytes (to return a commented copy). */
export interface ReadDocument {
  name: string;
  kind: 'docx' | 'pdf' | 'txt' | 'md' | 'cloud-doc' | 'message';
  text: string;
  docx?: Buffer;
}

/**
 * The port to the writer's documents. Unreadable documents throw a DocumentError whose
 * message is the answer; transient failures throw the transport's retryable error.
 */
export interface DocumentSource {
  read(origin: DocumentOrigin): Promise<ReadDocument>;
}

/** The port that turns a finished .docx into an editable cloud document. */
export interface CloudDocPublisher {
  /** Import the file and let `editorOpenId` edit it; `key` makes a retry reuse the same import. */
  publish(file: { name: string; data: Buffer }, editorOpenId: string, key: string): Promise<{ url: string; title: string }>;
}

/** Publishing failed in a way the admin fixes (scopes) or the import refused; `missingScopes` names what to add. */
export class CloudDocError extends Error {
  readonly retryable = false;
  constructor(readonly stage: 'upload' | 'import' | 'grant', readonly detail: string, readonly missingScopes: string[] = [], readonly url?: string) {
    super(`cloud doc ${stage} failed: ${detail}`);
  }
}
