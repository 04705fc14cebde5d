/**
 * The error hierarchy: one base class, one subclass per failure family.
 *
 * Messages are one line and name the place that failed. They never contain a webhook URL, a
 * token or the value of an event field, so they are safe to log.
 *
 * @module
 */
import { redact } from './internal/redact.js';

/**
 * Options accepted by every ecs-slack error constructor.
 */
export interface EcsSlackErrorOptions {
  /** The underlying error, kept as the standard `cause`. */
  readonly cause?: unknown;
}

/**
 * Base class of every error thrown by ecs-slack.
 *
 * Catch this to handle any library failure; use the `is*` guards to tell them apart, since the
 * guards also recognise errors created by another copy of the package. Whatever a message quotes
 * (a server's answer, a file name), anything shaped like a URL, a webhook path or a token is
 * replaced by a placeholder (`[url]`, `[webhook path]`, `[token]`).
 *
 * @example
 * ```ts
 * try {
 *   parseEcsEvent(input);
 * } catch (error) {
 *   if (isEcsSlackError(error)) console.error(error.message);
 *   else throw error;
 * }
 * ```
 */
export class EcsSlackError extends Error {
  /** The error class name, also used by the `is*` guards. */
  override name: string = 'EcsSlackError';

  /**
   * @param message - One line naming what failed and where.
   * @param options - The underlying `cause`, if any.
   */
  constructor(message: string, options?: EcsSlackErrorOptions) {
    super(redact(message), options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

/**
 * Details recorded on a {@link ParseError}.
 */
export interface ParseErrorOptions extends EcsSlackErrorOptions {
  /**
   * Dotted path of the offending field inside the event (`detail.containers[0].name`), or `''`
   * when the whole input is at fault.
   */
  readonly path?: string;
  /**
   * Identifier of the record that carried the event: an SQS `messageId`, an SNS `MessageId`,
   * an EventBridge `id`, or the position in an array / NDJSON input.
   */
  readonly recordId?: string;
}

/**
 * The input is not a valid Amazon ECS event, or a wrapper record is not JSON.
 *
 * The message is one line, for example `SQS record 3: detail.lastStatus: expected string,
 * received number`. When validation failed, `cause` is an `Error` whose `issues` lists every
 * problem (`code`, `path`, `expected`), as zod words them.
 *
 * @example
 * ```ts
 * const result = safeParseEcsEvent(input);
 * if (!result.success) console.warn(result.error.path, result.error.message);
 * ```
 */
export class ParseError extends EcsSlackError {
  override name: string = 'ParseError';
  /** Dotted path of the first offending field, `''` for the whole input. */
  readonly path: string;
  /** The record that carried the event, when the input was a batch. */
  readonly recordId: string | undefined;

  /**
   * @param message - One line naming what failed and where.
   * @param options - Path, record id and `cause`.
   */
  constructor(message: string, options?: ParseErrorOptions) {
    super(message, options);
    this.path = options?.path ?? '';
    this.recordId = options?.recordId;
  }
}

/**
 * Details recorded on a {@link DeliveryError}.
 */
export interface DeliveryErrorOptions extends EcsSlackErrorOptions {
  /** HTTP status of the last attempt, absent for network errors and timeouts. */
  readonly status?: number;
  /** Slack's error string (`invalid_blocks`, `no_service`, `channel_not_found`, ...), when it gave one. */
  readonly slackError?: string;
  /** How many attempts were made. */
  readonly attempts?: number;
  /** Whether trying again later may succeed (network errors, 5xx, 429). */
  readonly retryable?: boolean;
}

/**
 * A message could not be delivered to Slack.
 *
 * Carries the HTTP status and Slack's error string, never the webhook URL or a token, so it is
 * safe to log. Handlers rethrow it (EventBridge) or report the record (SQS) so nothing is lost.
 *
 * @example
 * ```ts
 * try {
 *   await sender.post(message);
 * } catch (error) {
 *   if (isDeliveryError(error) && !error.retryable) console.error('fix the config:', error.slackError);
 *   throw error;
 * }
 * ```
 */
export class DeliveryError extends EcsSlackError {
  override name: string = 'DeliveryError';
  /** HTTP status of the last attempt, `undefined` for network errors and timeouts. */
  readonly status: number | undefined;
  /** Slack's error string, when it gave one. */
  readonly slackError: string | undefined;
  /** How many attempts were made. */
  readonly attempts: number;
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;

  /**
   * @param message - One line naming what failed, without URL or token.
   * @param options - Status, Slack error, attempts, retryability and `cause`.
   */
  constructor(message: string, options?: DeliveryErrorOptions) {
    super(message, options);
    this.status = options?.status;
    this.slackError = options?.slackError;
    this.attempts = options?.attempts ?? 1;
    this.retryable = options?.retryable ?? false;
  }
}

/**
 * Details recorded on a {@link StateStoreError}.
 */
export interface StateStoreErrorOptions extends EcsSlackErrorOptions {
  /** The store operation or backend request that failed (`update`, `UpdateItem`, ...). */
  readonly operation?: string;
  /** Whether trying again later may succeed (throttling, timeouts, 5xx, contention). */
  readonly retryable?: boolean;
}

/**
 * A state store could not do what it was asked: its backend failed (a DynamoDB error other
 * than a failed condition, a network error), or the request itself was invalid (adding to a
 * field that is not a number, a value DynamoDB cannot hold).
 *
 * @remarks A failed condition is never an error: the store operations return `undefined` (or `equal` /
 * `lower`) for it. The backend's own error is kept as `cause`. The message names the operation
 * and the table, never a record's id or value.
 *
 * @example
 * ```ts
 * try {
 *   await store.update(key, { add: { count: 1 } }, { now, ttlSeconds: 600 });
 * } catch (error) {
 *   if (isStateStoreError(error)) console.error(error.operation, error.retryable, error.message);
 *   throw error; // nothing is lost: Lambda retries the event
 * }
 * ```
 */
export class StateStoreError extends EcsSlackError {
  override name: string = 'StateStoreError';
  /** The store operation or backend request that failed. */
  readonly operation: string;
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;

  /**
   * @param message - One line naming the operation and the table, without ids or values.
   * @param options - Operation, retryability and `cause`.
   */
  constructor(message: string, options?: StateStoreErrorOptions) {
    super(message, options);
    this.operation = options?.operation ?? '';
    this.retryable = options?.retryable ?? false;
  }
}

/**
 * Another invocation is posting a deployment's card right now; the event should be retried
 * shortly (its SQS record reported as failed, or the EventBridge invocation failed), when the
 * card exists. Always retryable.
 *
 * @example
 * ```ts
 * if (isThreadBusyError(error)) return { batchItemFailures: [{ itemIdentifier: record.messageId }] };
 * ```
 */
export class ThreadBusyError extends EcsSlackError {
  override name: string = 'ThreadBusyError';
  /** Always `true`: retrying later succeeds once the card is posted. */
  readonly retryable: boolean = true;
}

/**
 * The configuration is missing or wrong: no Slack destination, a secret without a resolver, a
 * secret that does not hold a webhook URL. The message names the setting, never its value.
 *
 * @example
 * ```ts
 * if (isConfigError(error)) console.error('fix the Lambda configuration:', error.message);
 * ```
 */
export class ConfigError extends EcsSlackError {
  override name: string = 'ConfigError';
  /** Whether trying again may help (a secret that could not be fetched), or the setting must be fixed. */
  readonly retryable: boolean;

  /**
   * @param message - One line naming the setting, never its value.
   * @param options - `cause`, and whether retrying may help (default `false`).
   */
  constructor(message: string, options?: EcsSlackErrorOptions & { readonly retryable?: boolean }) {
    super(message, options);
    this.retryable = options?.retryable ?? false;
  }
}

/**
 * Events of a Lambda invocation that has no partial response (EventBridge, SNS, a scheduled
 * flush) failed: thrown by the handler so Lambda's async retries and the DLQ or on-failure
 * destination take over. The message counts the failures; each one was logged.
 *
 * @example
 * ```ts
 * // Lambda sees the throw and retries the invocation.
 * ```
 */
export class HandlerError extends EcsSlackError {
  override name: string = 'HandlerError';
}

function hasName(error: unknown, names: readonly string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { name?: unknown }).name === 'string' &&
    names.includes((error as { name: string }).name)
  );
}

/** Names of every class in this file; the guards match on them. */
const ERROR_NAMES: readonly string[] = [
  'EcsSlackError',
  'ParseError',
  'DeliveryError',
  'StateStoreError',
  'ThreadBusyError',
  'ConfigError',
  'HandlerError',
];

/**
 * Tells whether a value is an error thrown by ecs-slack (any subclass).
 *
 * Matches by `instanceof` and by `name`, so it also recognises errors from a second copy of
 * the package in the same process.
 *
 * @param error - Any caught value.
 * @returns `true` for an {@link EcsSlackError} or subclass.
 * @example
 * ```ts
 * if (isEcsSlackError(error)) logger.warn(error.message);
 * ```
 */
export function isEcsSlackError(error: unknown): error is EcsSlackError {
  return error instanceof EcsSlackError || hasName(error, ERROR_NAMES);
}

/**
 * Tells whether a value is a {@link ParseError}.
 *
 * @param error - Any caught value.
 * @returns `true` for a {@link ParseError}, also one from another copy of the package.
 * @example
 * ```ts
 * if (isParseError(error)) console.warn(`bad event at ${error.path}`);
 * ```
 */
export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError || hasName(error, ['ParseError']);
}

/**
 * Tells whether a value is a {@link DeliveryError}.
 *
 * @param error - Any caught value.
 * @returns `true` for a {@link DeliveryError}, also one from another copy of the package.
 * @example
 * ```ts
 * if (isDeliveryError(error)) console.warn(`Slack said ${error.slackError ?? error.status}`);
 * ```
 */
export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof DeliveryError || hasName(error, ['DeliveryError']);
}

/**
 * Tells whether a value is a {@link StateStoreError}.
 *
 * @param error - Any caught value.
 * @returns `true` for a {@link StateStoreError}, also one from another copy of the package.
 * @example
 * ```ts
 * if (isStateStoreError(error)) console.warn(`state store ${error.operation} failed`, error.retryable);
 * ```
 */
export function isStateStoreError(error: unknown): error is StateStoreError {
  return error instanceof StateStoreError || hasName(error, ['StateStoreError']);
}

/**
 * Tells whether a value is a {@link ThreadBusyError}.
 *
 * @param error - Any caught value.
 * @returns `true` for a {@link ThreadBusyError}, also one from another copy of the package.
 * @example
 * ```ts
 * if (isThreadBusyError(error)) console.warn('card being posted elsewhere; retrying later');
 * ```
 */
export function isThreadBusyError(error: unknown): error is ThreadBusyError {
  return error instanceof ThreadBusyError || hasName(error, ['ThreadBusyError']);
}

/**
 * Tells whether a value is a {@link ConfigError}.
 *
 * @param error - Any caught value.
 * @returns `true` for a {@link ConfigError}, also one from another copy of the package.
 * @example
 * ```ts
 * if (isConfigError(error)) throw error; // retrying will not help
 * ```
 */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError || hasName(error, ['ConfigError']);
}
