/**
 * Helpers for the senders' failures: catch the DeliveryError, and check that it leaks no secret
 * anywhere a logger or a crash report could look.
 */
import { inspect } from 'node:util';
import { expect } from 'vitest';
import { isDeliveryError, type DeliveryError } from '../../src/index.js';

/** Awaits a promise that must reject with a DeliveryError, and returns that error. */
export async function deliveryFailure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isDeliveryError(error)).toBe(true);
  return error as DeliveryError;
}

/** Every rendering of an error and of its `cause` chain that could end up in a log. */
export function errorRenderings(error: unknown): string[] {
  const renderings: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth += 1) {
    renderings.push(
      String(current),
      JSON.stringify(current) ?? '',
      inspect(current, { depth: null, showHidden: true }),
    );
    if (current instanceof Error) renderings.push(current.message, current.stack ?? '');
    if (typeof current === 'object') {
      for (const key of Object.getOwnPropertyNames(current)) {
        renderings.push(String((current as Record<string, unknown>)[key]));
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return renderings;
}

/** Asserts that none of `secrets` appears in any rendering of `error`. */
export function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  const renderings = errorRenderings(error);
  for (const secret of secrets) {
    for (const text of renderings) expect(text).not.toContain(secret);
  }
}
