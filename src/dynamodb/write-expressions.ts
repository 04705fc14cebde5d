/**
 * The condition and update expressions of the store's writes. Every condition compares the
 * item's `expiresAt` (epoch milliseconds) with the caller's `now`, because DynamoDB's TTL deletes
 * expired items only eventually: an expired item must count as absent.
 *
 * @module
 * @internal
 */
import { StateStoreError } from '../errors.js';
import { effectiveAdds } from '../state/semantics.js';
import { isStorableNumber } from './attribute-value.js';
import type { JsonPrimitive, StateChange } from '../state/store.js';
import type { Expression } from './expression.js';
import { ttlSeconds } from './item-layout.js';

/**
 * An `UpdateItem`'s two expressions.
 *
 * @internal
 */
export interface UpdateExpressions {
  /** The `UpdateExpression`. */
  readonly update: string;
  /** The `ConditionExpression`. */
  readonly condition: string;
}

/**
 * The condition "a live record exists".
 *
 * @param expr - The request's placeholders.
 * @param now - Current time, epoch milliseconds.
 * @returns `expiresAt > :now` (false for a missing item too).
 * @internal
 */
export function isLiveCondition(expr: Expression, now: number): string {
  return `${expr.attribute('expiresAt')} > ${expr.value(now)}`;
}

/**
 * The condition "a live record exists at this version", or at any version without one.
 *
 * @param expr - The request's placeholders.
 * @param now - Current time, epoch milliseconds.
 * @param version - The version the record must have, or `undefined`.
 * @returns `expiresAt > :now AND version = :version`.
 * @internal
 */
export function isLiveAtCondition(expr: Expression, now: number, version: number | undefined): string {
  const live = isLiveCondition(expr, now);
  return version === undefined ? live : `${live} AND ${expr.attribute('version')} = ${expr.value(version)}`;
}

/**
 * The condition "no live record exists": the item is missing or expired.
 *
 * @param expr - The request's placeholders.
 * @param now - Current time, epoch milliseconds.
 * @returns `attribute_not_exists(pk) OR expiresAt <= :now`.
 * @internal
 */
export function isAbsentCondition(expr: Expression, now: number): string {
  return `attribute_not_exists(${expr.attribute('partitionKey')}) OR ${expr.attribute('expiresAt')} <= ${expr.value(now)}`;
}

/**
 * The assignments that move a record's expiry.
 *
 * @param expr - The request's placeholders.
 * @param expiresAt - The new expiry, epoch milliseconds.
 * @returns `expiresAt = :ms` and `ttl = :seconds`.
 * @internal
 */
function expiryAssignments(expr: Expression, expiresAt: number): string[] {
  return [
    `${expr.attribute('expiresAt')} = ${expr.value(expiresAt)}`,
    `${expr.attribute('ttl')} = ${expr.value(ttlSeconds(expiresAt))}`,
  ];
}

/**
 * `putIfHigher` in one `UpdateItem`: creates a missing item (version 1 by `if_not_exists`), or
 * replaces the value of a live one whose `order` is lower or not a number. An expired item fails
 * the condition; the store then replaces it with a conditional `PutItem`.
 *
 * @param expr - The request's placeholders.
 * @param order - The order being seen.
 * @param now - Current time, epoch milliseconds.
 * @param expiresAt - The new expiry, epoch milliseconds.
 * @returns The update and condition expressions.
 * @internal
 */
export function putIfHigherExpressions(
  expr: Expression,
  order: number,
  now: number,
  expiresAt: number,
): UpdateExpressions {
  const version = expr.attribute('version');
  const path = expr.field('order');
  return {
    update: `SET ${[
      `${expr.attribute('value')} = ${expr.value({ order })}`,
      `${version} = if_not_exists(${version}, ${expr.value(0)}) + ${expr.value(1)}`,
      ...expiryAssignments(expr, expiresAt),
    ].join(', ')}`,
    condition:
      `attribute_not_exists(${expr.attribute('partitionKey')}) OR (${isLiveCondition(expr, now)} AND ` +
      `(NOT attribute_type(${path}, ${expr.value('N')}) OR ${path} < ${expr.value(order)}))`,
  };
}

/**
 * `update` of a live record in one `UpdateItem`: `add` as `if_not_exists(field, 0) + n`, `set` as
 * plain assignments, `where` as equality conditions (`attribute_type(field, NULL)` for `null`,
 * the documented test for it). A missing or expired item fails the condition.
 *
 * @param expr - The request's placeholders.
 * @param change - Fields to add to and to set.
 * @param options - `where`: required field values (none without it); `now`: current time and
 *   `expiresAt`: the new expiry, epoch milliseconds.
 * @returns The update and condition expressions.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
 * @internal
 */
export function changeExpressions(
  expr: Expression,
  change: StateChange,
  options: {
    readonly where?: Readonly<Record<string, JsonPrimitive>>;
    readonly now: number;
    readonly expiresAt: number;
  },
): UpdateExpressions {
  const { where, now, expiresAt } = options;
  const assignments: string[] = [];
  for (const [field, amount] of effectiveAdds(change)) {
    if (!isStorableNumber(amount)) {
      throw new StateStoreError(
        "DynamoDB state store: update can only add finite numbers within DynamoDB's range (about 1e-130 to 1e126)",
        { operation: 'marshal' },
      );
    }
    const path = expr.field(field);
    assignments.push(`${path} = if_not_exists(${path}, ${expr.value(0)}) + ${expr.value(amount)}`);
  }
  for (const [field, value] of Object.entries(change.set ?? {})) {
    if (value !== undefined) assignments.push(`${expr.field(field)} = ${expr.value(value)}`);
  }
  const version = expr.attribute('version');
  assignments.push(`${version} = ${version} + ${expr.value(1)}`, ...expiryAssignments(expr, expiresAt));
  const conditions = [isLiveCondition(expr, now)];
  for (const [field, expected] of Object.entries(where ?? {})) {
    const path = expr.field(field);
    conditions.push(
      expected === null ? `attribute_type(${path}, ${expr.value('NULL')})` : `${path} = ${expr.value(expected)}`,
    );
  }
  return { update: `SET ${assignments.join(', ')}`, condition: conditions.join(' AND ') };
}
