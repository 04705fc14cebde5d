/**
 * One webhook POST with Node's `fetch`, reduced to an outcome that carries nothing from the
 * request: no URL, no host, no error message from `fetch` (which can quote either).
 *
 * @module
 * @internal
 */
import { networkCode } from './network-code.js';

/**
 * The result of one attempt.
 *
 * @remarks
 * - `delivered`: Slack answered 2xx
 * - `response`: any other HTTP answer, with its (truncated) body and `Retry-After` header
 * - `timeout`: no complete answer within the attempt's time
 * - `network`: the connection failed; `code` is the system or undici code (`ECONNRESET`,
 *   `ECONNREFUSED`, `UND_ERR_SOCKET`, ...) or the error's class name
 *
 * @internal
 */
export type AttemptOutcome =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly retryAfter: string | null }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'network'; readonly code: string; readonly host: string };

/**
 * The host (and port) of a URL, to say where a connection failed: `hooks.slack.com`. Never the
 * path, which holds a webhook's secret; `the webhook host` for a URL that does not parse.
 */
function hostOf(url: string): string {
  try {
    const host = new URL(url).host;
    return /^[\w.:[\]-]{1,100}$/.test(host) ? host : 'the webhook host';
  } catch {
    return 'the webhook host';
  }
}

/** Longest part of an error body kept for reading Slack's error string and hints. */
const MAX_BODY = 4000;

/**
 * Posts `body` to `url` once, with a timeout that covers the response body too.
 *
 * @param url - The webhook URL; only handed to `fetch`.
 * @param body - The JSON payload.
 * @param timeoutMs - Time allowed for this attempt.
 * @returns What happened, in terms safe to put in an error.
 * @example
 * ```ts
 * const outcome = await attemptPost(url, JSON.stringify(message), 5000);
 * ```
 * @see https://nodejs.org/docs/latest-v20.x/api/globals.html#fetch
 * @internal
 */
export async function attemptPost(url: string, body: string, timeoutMs: number): Promise<AttemptOutcome> {
  const limit = Math.max(1, Math.round(timeoutMs));
  const signal = AbortSignal.timeout(limit);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
      signal,
      // A redirect is an answer, not a network failure: a webhook URL that redirects is wrong.
      redirect: 'manual',
    });
    if (response.ok) {
      // Slack accepted the message: the body (`ok`) changes nothing, even if it never completes.
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'delivered' };
    }
    // A body cut short (reset, timeout) still leaves the status, which decides what happens next.
    return {
      kind: 'response',
      status: response.status,
      body: await leadingText(response, MAX_BODY),
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    if (signal.aborted) return { kind: 'timeout', timeoutMs: limit };
    return { kind: 'network', code: networkCode(error), host: hostOf(url) };
  }
}

/**
 * The first `max` characters of a response body, reading no further: an error page of hundreds
 * of megabytes must not be held in a Lambda's memory to keep 4,000 characters of it.
 */
async function leadingText(response: Response, max: number): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < max) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel().catch(() => undefined);
  } catch {
    // Whatever arrived before the body broke off is still worth reading.
  }
  return text.slice(0, max);
}
