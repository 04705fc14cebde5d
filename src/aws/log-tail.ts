/**
 * The last lines of a log stream before a time, from `logs:GetLogEvents`, cleaned for Slack:
 * terminal codes stripped and secrets redacted before they leave this module.
 *
 * @internal
 * @module
 */
import { endOutsidePair } from '../classify/text.js';
import type { AwsClients } from './clients.js';
import { redactSecrets, stripTerminalCodes, type RedactOptions } from './redact.js';

/** Longest line kept, in characters (a log event can be 256 KB; Slack shows far less). */
const MAX_LINE = 1000;

/**
 * What to read.
 *
 * @internal
 */
export interface TailRequest {
  /** The Region of the log group. */
  readonly region: string;
  readonly group: string;
  readonly stream: string;
  /** Read events up to this time (epoch milliseconds). */
  readonly endTime: number;
  /** How many lines. */
  readonly lines: number;
  readonly signal: AbortSignal;
  readonly redact: RedactOptions;
}

/**
 * The last `lines` lines of a stream up to `endTime`, oldest first: read from the end
 * (`startFromHead: false`), multi-line events split, colour codes stripped, secrets redacted.
 *
 * @internal
 */
export async function tailLogs(clients: AwsClients, request: TailRequest): Promise<string[]> {
  const command = new clients.logsCommands.GetLogEventsCommand({
    logGroupName: request.group,
    logStreamName: request.stream,
    endTime: request.endTime,
    startFromHead: false,
    limit: request.lines,
  });
  const output = await clients.logs(request.region).send(command, { abortSignal: request.signal });
  const text = (output.events ?? []).map((event) => (event.message ?? '').replace(/\r?\n$/, '')).join('\n');
  return cleanLogText(text, request.lines, request.redact);
}

/**
 * Log text as the lines to show: terminal codes stripped, secrets redacted over the whole text
 * (so a key spread over lines is caught), then the last `count` lines, each at most 1,000
 * characters (cut after redaction, so no cut can expose part of a secret).
 *
 * @internal
 */
export function cleanLogText(text: string, count: number, redact: RedactOptions): string[] {
  if (text === '' || count <= 0) return [];
  const lines = redactSecrets(stripTerminalCodes(text), redact).split('\n');
  return lines
    .slice(Math.max(0, lines.length - count))
    .map((line) => (line.length > MAX_LINE ? `${line.slice(0, endOutsidePair(line, MAX_LINE - 1))}…` : line));
}
