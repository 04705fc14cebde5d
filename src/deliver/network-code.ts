/**
 * Safe names for a network failure and for any error.
 *
 * @module
 * @internal
 */

const CODE = /^[A-Z][A-Z0-9_]{1,40}$/;

/**
 * Names a network failure without reading any message: the first `code` in the `cause` chain
 * that looks like a system or undici code (`ECONNRESET`, `ECONNREFUSED`, `ENOTFOUND`,
 * `UND_ERR_SOCKET`, ...), else {@link errorName}. Messages are never read because Node's
 * fetch errors can quote the URL or the host.
 *
 * @param error - What `fetch` (or a client built on it) threw.
 * @returns A short identifier that is safe to put in an error message.
 * @example
 * ```ts
 * networkCode(new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ECONNRESET' }) })); // 'ECONNRESET'
 * ```
 * @see https://nodejs.org/docs/latest-v20.x/api/errors.html#common-system-errors
 * @internal
 */
export function networkCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CODE.test(code)) return code;
    // Node tries each address of a host (IPv6 and IPv4) and reports all failures in an AggregateError.
    const inner = (current as { errors?: unknown }).errors;
    const first = Array.isArray(inner) ? inner.find((e) => typeof e === 'object' && e !== null) : undefined;
    current = (current as { cause?: unknown }).cause ?? first;
  }
  return errorName(error);
}

/**
 * Names an error by its class only (`TypeError`, `AbortError`), never its message, which may
 * quote a URL or a token; `typeof` for anything that is not an `Error`.
 *
 * @param error - Anything thrown.
 * @returns A short identifier that is safe to put in an error message or a log.
 * @example
 * ```ts
 * errorName(new RangeError('https://hooks.slack.com/services/...')); // 'RangeError'
 * ```
 * @internal
 */
export function errorName(error: unknown): string {
  return error instanceof Error && /^\w{1,40}$/.test(error.name) ? error.name : typeof error;
}
