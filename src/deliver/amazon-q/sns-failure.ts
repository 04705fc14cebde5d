/**
 * What a failed SNS `Publish` means for delivery: whether trying again may help, and a line
 * about it that is safe to log. The SDK's own message is never read: an AWS error message can
 * quote the request it refused (a signature mismatch quotes the headers it signed).
 *
 * @internal
 * @module
 */
import { networkCode } from '../network-code.js';

/**
 * One failed attempt, as the sender reports it.
 *
 * @internal
 */
export interface SnsFailure {
  /** HTTP status of SNS's answer; `undefined` when there was none (network, timeout). */
  readonly status: number | undefined;
  /** Whether a later attempt may succeed. */
  readonly retryable: boolean;
  /** `HTTP 403 AuthorizationErrorException (request 1b2c...)`, `network error ECONNRESET`, ... */
  readonly what: string;
}

/** Answers that no retry fixes: permissions, a wrong topic or parameter, KMS set up wrong. */
const PERMANENT: ReadonlySet<string> = new Set([
  'AuthorizationErrorException',
  'InvalidParameterException',
  'InvalidParameterValueException',
  'InvalidSecurityException',
  'NotFoundException',
  'EndpointDisabledException',
  'KMSAccessDeniedException',
  'KMSDisabledException',
  'KMSInvalidStateException',
  'KMSNotFoundException',
  'KMSOptInRequired',
  'CredentialsProviderError',
]);

/** Answers that say "later": throttling, by name or by status. */
const THROTTLING: ReadonlySet<string> = new Set([
  'ThrottledException',
  'KMSThrottlingException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);

/** A name or request id that is safe to put in a message. */
const WORD = /^[\w-]{1,64}$/;

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/**
 * Describes what the SDK threw for one `Publish`.
 *
 * @param error - What `client.send` rejected with.
 * @returns Status, retryability and a safe line.
 * @internal
 */
export function describeSnsFailure(error: unknown): SnsFailure {
  const rawName = field(error, 'name');
  const name = typeof rawName === 'string' && WORD.test(rawName) ? rawName : 'Error';
  const metadata = field(error, '$metadata') as { httpStatusCode?: unknown; requestId?: unknown } | undefined;
  const status = typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
  const rawId = metadata?.requestId;
  const requestId = typeof rawId === 'string' && WORD.test(rawId) ? rawId : undefined;
  if (status === undefined) {
    // No answer: the connection failed or timed out (or the credentials could not be resolved).
    const code = networkCode(error);
    return { status, retryable: !PERMANENT.has(name), what: PERMANENT.has(name) ? name : `network error ${code}` };
  }
  const what = `HTTP ${status} ${name}${requestId === undefined ? '' : ` (request ${requestId})`}`;
  if (PERMANENT.has(name)) return { status, retryable: false, what };
  const retryable = THROTTLING.has(name) || status === 429 || status >= 500 || field(error, '$fault') === 'server';
  return { status, retryable, what };
}
