/**
 * Sending one DynamoDB request: a failed condition becomes a value, every other error a
 * {@link StateStoreError} that keeps the SDK's error as `cause`.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { StateStoreError, isStateStoreError } from '../errors.js';

/**
 * The outcome of a request: its output, or the failed condition with the item DynamoDB
 * returned (only with `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`, and only from
 * implementations that support it).
 *
 * @internal
 */
export type Outcome<Output> =
  | { readonly ok: true; readonly output: Output }
  | { readonly ok: false; readonly item: Record<string, AttributeValue> | undefined };

/** SDK error names that say trying again later may succeed. */
const RETRYABLE_NAMES: ReadonlySet<string> = new Set([
  'InternalServerError',
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'TimeoutError',
  'TransactionConflictException',
]);

/** Longest SDK message kept in a {@link StateStoreError} message. */
const MAX_MESSAGE = 200;

/**
 * Sends one request.
 *
 * @param operation - The DynamoDB operation (`UpdateItem`), named in errors.
 * @param tableName - The table, named in errors.
 * @param send - Sends the request with the user's client.
 * @returns The output, or the failed condition.
 * @throws {@link StateStoreError} for every other failure, with the SDK error as `cause`.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 * @internal
 */
export async function request<Output>(
  operation: string,
  tableName: string,
  send: () => Promise<Output>,
): Promise<Outcome<Output>> {
  try {
    return { ok: true, output: await send() };
  } catch (error) {
    if (isConditionFailure(error)) return { ok: false, item: error.Item };
    throw toStateStoreError(error, operation, tableName);
  }
}

/** A `ConditionalCheckFailedException`, matched by name so that any copy of the SDK counts. */
function isConditionFailure(error: unknown): error is { readonly Item?: Record<string, AttributeValue> } {
  return errorField(error, 'name') === 'ConditionalCheckFailedException';
}

/**
 * Wraps a failed request in a {@link StateStoreError}: one line naming the operation, the
 * table and the SDK's error, never a key or a value.
 *
 * @param error - What the SDK threw.
 * @param operation - The DynamoDB operation.
 * @param tableName - The table.
 * @returns The error to throw.
 * @internal
 */
export function toStateStoreError(error: unknown, operation: string, tableName: string): StateStoreError {
  if (isStateStoreError(error)) return error;
  const name = errorField(error, 'name') ?? 'Error';
  const detail = (errorField(error, 'message') ?? '').replace(/\s+/g, ' ').trim();
  const shortDetail = detail.length > MAX_MESSAGE ? `${detail.slice(0, MAX_MESSAGE - 1)}…` : detail;
  return new StateStoreError(
    `DynamoDB ${operation} on table ${tableName} failed: ${name}${shortDetail === '' ? '' : `: ${shortDetail}`}`,
    { operation, retryable: isRetryable(error, name), cause: error },
  );
}

/** Throttling, server faults and network failures are worth retrying; client faults are not. */
function isRetryable(error: unknown, name: string): boolean {
  if (RETRYABLE_NAMES.has(name)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { $fault, $retryable, code } = error as { $fault?: unknown; $retryable?: unknown; code?: unknown };
  if ($retryable !== undefined || $fault === 'server') return true;
  // No `$fault`: the request never got an answer (a Node system error such as ECONNRESET).
  return $fault === undefined && typeof code === 'string';
}

/** A string field of a caught value, if it has one. */
function errorField(error: unknown, field: 'name' | 'message'): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
