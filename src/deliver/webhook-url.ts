/**
 * Which webhook URLs a sender posts to: `https:`, and plain `http:` only to this machine.
 *
 * @module
 * @internal
 */
import { ConfigError } from '../errors.js';

/** `localhost`, 127.0.0.0/8 and `[::1]`, as `URL` writes their host names (`127.1` becomes `127.0.0.1`). */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * What is wrong with a webhook URL, in words that never quote it, or `undefined` when it may be
 * posted to: an `https:` URL, or an `http:` URL to a loopback address (a local test server);
 * plain http to any other host would send the message, and the URL's secret path, in clear text.
 *
 * @param url - The configured URL.
 * @returns For example `must use https (plain http only to a loopback address)`.
 * @example
 * ```ts
 * webhookUrlProblem('http://hooks.slack.com/services/T/B/x'); // 'must use https (plain http only to a loopback address)'
 * ```
 * @internal
 */
export function webhookUrlProblem(url: unknown): string | undefined {
  if (typeof url !== 'string' || !URL.canParse(url)) return 'is not a valid https URL';
  const { protocol, hostname } = new URL(url);
  if (protocol === 'https:') return undefined;
  if (protocol !== 'http:') return 'is not a valid https URL';
  return LOOPBACK.test(hostname) ? undefined : 'must use https (plain http only to a loopback address)';
}

/**
 * Reads the webhook URL out of a secret's value: the URL itself, or JSON with `url`,
 * `webhookUrl` or `SLACK_WEBHOOK_URL`.
 *
 * @internal
 */
export function webhookUrlFromSecret(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as Record<string, unknown>;
      for (const field of ['url', 'webhookUrl', 'SLACK_WEBHOOK_URL']) {
        const candidate = parsed[field];
        if (typeof candidate === 'string' && candidate !== '') return candidate;
      }
    } catch {
      // fall through to the error below
    }
    throw new ConfigError('the webhook secret is JSON without a "url" field');
  }
  if (!/^https?:\/\//.test(trimmed)) throw new ConfigError('the webhook secret does not hold a URL');
  return trimmed;
}
