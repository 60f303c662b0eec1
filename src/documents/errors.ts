/**
 * A document could not be read for a reason the writer (or the admin) can fix. The
 * message is the Chinese answer itself; another attempt cannot help.
 */
export class DocumentError extends Error {
  readonly retryable = false;
  constructor(readonly reason: DocumentFailure, readonly userMessage: string) {
    super(`document unreadable: ${reason}`);
  }
}

export type DocumentFailure =
  | 'too-large' | 'too-long' | 'corrupt' | 'empty' | 'scanned' | 'legacy-doc' | 'unsupported-type'
  | 'no-access' | 'missing-scope' | 'not-found' | 'unsupported-link' | 'unavailable';
