import { DocumentError } from '../../src/core/errors.js';

/** The DocumentError a promise rejects with; any other outcome fails the test. */
export async function documentError(p: Promise<unknown>): Promise<DocumentError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DocumentError) return err;
    throw err;
  }
  throw new Error('expected a DocumentError');
}
