/**
 * The one error module. Two kinds of error matter to the queue:
 * - edge errors (model, Feishu) carry `retryable`; the worker ends a job at once when it is false;
 * - start-up errors (config, prompts, Redis) stop the process with their message and exit code 2.
 * Anything else thrown by a job is treated as transient and retried by BullMQ.
 */

/** An error from the network edge that says whether another attempt can help. */
export abstract class RetryableError extends Error {
  abstract readonly retryable: boolean;
  /** How long the next attempt should wait at least (a rate limit's reset), when the edge said. */
  retryAfterMs?: number;
}

/** A model call failed. `status` is the HTTP status when the endpoint answered with one. */
export class LlmError extends RetryableError {
  constructor(message: string, readonly retryable: boolean, readonly status?: number) {
    super(message);
  }
}

/**
 * The model's answer arrived whole but a flow found nothing usable in it (empty, only reasoning): the retry
 * asks again rather than replay the kept answer. Other model errors keep what the job's other calls answered.
 */
export class UnusableAnswerError extends LlmError {
  constructor(message: string) {
    super(message, true);
  }
}

/**
 * Feishu answered with a non-zero code, an HTTP error, or not at all. The gateway (feishu/api.ts)
 * builds it with its kind from the one code table (feishu/codes.ts); core does not read codes.
 */
export class FeishuApiError extends RetryableError {
  constructor(
    readonly op: string,
    readonly code: number | undefined,
    message: string,
    readonly httpStatus: number | undefined,
    /** What it means (feishu/codes.ts#FeishuErrorKind) and whether another attempt can help. */
    readonly kind: string,
    readonly retryable: boolean,
    retryAfterMs?: number,
  ) {
    super(`feishu ${op} failed: ${code ?? httpStatus ?? 'network'} ${message}`);
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/** A Feishu task call (reminders' deadlines) failed: no scope, the task is gone, a retry may help, or it will not. */
export class TaskError extends RetryableError {
  constructor(readonly reason: 'no-scope' | 'retry' | 'fail' | 'gone', message: string) {
    super(message);
  }

  override get retryable(): boolean {
    return this.reason === 'retry';
  }
}

/** Whether another attempt cannot help: only an edge error that says so is permanent. */
export function isPermanent(err: unknown): boolean {
  return err instanceof RetryableError && !err.retryable;
}

/** The bot cannot start as configured; `message` says what to fix. */
export abstract class StartupError extends Error {}

/** An environment variable is missing or invalid; the message names it. */
export class ConfigError extends StartupError {}

/** A prompt template is missing, or a variable is unknown or unset. */
export class PromptError extends StartupError {}

/** No Redis to use and none could be started. */
export class RedisUnavailableError extends StartupError {}

/** A holiday arrangement under HOLIDAY_PATH cannot be read; the message names the file and line. */
export class HolidayFileError extends StartupError {}

/** Another app's live instance already uses this REDIS_PREFIX. */
export class PrefixInUseError extends StartupError {}

/** A drafting request the writer must act on (no outline yet, no such section); `message` is user-facing Chinese. */
export class ReportFlowError extends Error {}

/** Why a writer's document could not be used. */
export type DocumentFailure =
  | 'too-large' | 'too-long' | 'corrupt' | 'empty' | 'scanned' | 'legacy-doc' | 'unsupported-type'
  | 'no-access' | 'missing-scope' | 'not-found' | 'unsupported-link' | 'unavailable'
  /** The parser process died on it (memory, time): quarantined, never parsed again. */
  | 'too-complex'
  /** Nothing proves the requester may read this cloud doc (the app may): read nothing. */
  | 'not-shared'
  /** Nothing proves the requester may edit this cloud doc: the bot does not edit it for them. */
  | 'not-editor'
  /** A password-protected workbook (an encrypted OOXML package is a CFB container). */
  | 'encrypted';

/**
 * A document could not be read for a reason the writer (or the admin) can fix. The message
 * is the Chinese answer itself; another attempt cannot help.
 */
export class DocumentError extends RetryableError {
  readonly retryable = false;
  constructor(readonly reason: DocumentFailure, readonly userMessage: string) {
    super(`document unreadable: ${reason}`);
  }
}

/** Publishing a cloud doc failed in a way the admin fixes (scopes) or the import refused; `missingScopes` names what to add. */
export class CloudDocError extends RetryableError {
  readonly retryable = false;
  constructor(readonly stage: 'upload' | 'import' | 'grant', readonly detail: string, readonly missingScopes: string[] = [], readonly url?: string) {
    super(`cloud doc ${stage} failed: ${detail}`);
  }
}
