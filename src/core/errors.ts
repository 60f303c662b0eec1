/**
 * The error contract: an error from the network edge (model, Feishu) says whether another
 * attempt can help. The worker ends a job at once when `retryable` is false.
 */
export abstract class RetryableError extends Error {
  abstract readonly retryable: boolean;
}

/** A model call failed. `retryable` tells the queue whether another attempt can help. */
export class LlmError extends RetryableError {
  constructor(message: string, readonly retryable: boolean, readonly status?: number) {
    super(message);
  }
}

/** Whether another attempt cannot help: only an edge error that says so is permanent. */
export function isPermanent(err: unknown): boolean {
  return err instanceof RetryableError && !err.retryable;
}
