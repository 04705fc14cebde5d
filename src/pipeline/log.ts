/**
 * Log lines of the pipeline: the entry, the default logger, one safe line about an error, and
 * a logger whose free text is redacted whatever its source.
 *
 * @module
 */
import { isEcsSlackError } from '../errors.js';
import { redact } from '../internal/redact.js';

/**
 * One structured log line: what happened to an event, never a secret.
 */
export interface PipelineLogEntry {
  /**
   * `info` for sent and suppressed, `warn` for deferred and invalid (and for sent when the filter
   * state could not be saved after delivery, and for state the default memory store evicted to
   * stay within its bounds), `error` for failed.
   */
  readonly level: 'info' | 'warn' | 'error';
  /** What happened. */
  readonly msg: 'sent' | 'suppressed' | 'deferred' | 'failed' | 'invalid' | 'dropped' | 'evicted';
  /** The record id (SQS `messageId`, event id). */
  readonly id?: string;
  /** Event kind. */
  readonly kind?: string;
  /** Classification outcome. */
  readonly outcome?: string;
  /** Classification severity. */
  readonly severity?: string;
  /** Cluster name. */
  readonly cluster?: string;
  /** Service name. */
  readonly service?: string;
  /** The fields the event lacked, when it was read leniently (`onInvalid: 'alert'`). */
  readonly missing?: readonly string[];
  /** With a policy: the destination this line is about (one line per destination of an event). */
  readonly destination?: string;
  /** With a policy: the route that chose the destination (its name, `routes[INDEX]` or `default`). */
  readonly route?: string;
  /**
   * Why it was suppressed or deferred (`deadline` when there was no time left to start it;
   * `silenced` when a silence held it), or what was sent (`alert`, `digest`, `recovery`,
   * `thread-reply`, `silence-summary`).
   */
  readonly reason?: string;
  /** One readable line: the suppression detail, or the error message (never a URL or token). */
  readonly detail?: string;
}

/**
 * Receives log entries; the default writes one JSON line to standard output.
 */
export type PipelineLogger = (entry: PipelineLogEntry) => void;

/**
 * The default logger: one JSON line per entry on standard output (CloudWatch Logs in Lambda).
 *
 * @param entry - The entry to write.
 * @example
 * ```ts
 * createPipeline({ sender, logger: (entry) => entry.level !== 'info' && jsonLineLogger(entry) });
 * ```
 */
export const jsonLineLogger: PipelineLogger = (entry) => {
  console.log(JSON.stringify(entry));
};

/**
 * One line about an error, safe to log: its class name and the first line of its message, with
 * anything shaped like a URL, a webhook path or a token replaced (ecs-slack's own errors are
 * redacted already; one from another copy of the package, or a foreign one, may not be).
 *
 * @internal
 */
export function errorLine(error: unknown): string {
  if (isEcsSlackError(error)) return redact(`${error.name}: ${error.message}`);
  if (error instanceof Error) return redact(`${error.name}: ${error.message.split('\n')[0] ?? ''}`).slice(0, 300);
  return 'non-error thrown';
}

/** The free-text fields of a log entry. */
const FREE_TEXT = ['id', 'cluster', 'service', 'detail', 'route'] as const;

/**
 * The logger, given entries whose free text is redacted, whatever its source (event names too).
 *
 * @internal
 */
export function redacting(logger: PipelineLogger): PipelineLogger {
  return (entry) => {
    const out: { -readonly [K in keyof PipelineLogEntry]: PipelineLogEntry[K] } = { ...entry };
    for (const key of FREE_TEXT) {
      const value = out[key];
      if (value !== undefined) out[key] = redact(value);
    }
    logger(out);
  };
}
