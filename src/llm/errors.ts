/** A model call failed. `retryable` tells the queue whether another attempt can help. */
export class LlmError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly status?: number) {
    super(message);
  }
}
