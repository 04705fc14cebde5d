/**
 * Unwrapping: from whatever a Lambda function receives to a list of raw events, each with the
 * id of the record that carried it.
 *
 * @module
 */
import { type Context, fail, UNNAMED, visit, visitRoot } from './records.js';
import type { RecordSource, UnwrapOptions, UnwrappedRecord } from './unwrapped-record.js';

export { UNNAMED } from './records.js';
export type {
  RecordSource,
  UnwrapFailure,
  UnwrapOptions,
  UnwrapOrigin,
  UnwrappedEvent,
  UnwrappedRecord,
} from './unwrapped-record.js';

/**
 * Finds the ECS events in what a Lambda function receives: an EventBridge event, an SQS or SNS
 * batch (SNS inside SQS too, either URL spelling or raw delivery), plain arrays (of JSON strings
 * too), the JSON text of one of these, a bare `detail` when `options.kind` says what it is, and
 * for replays `aws sqs receive-message` output and on-failure destination records. A record that
 * is not JSON is an error for that record only. Never throws.
 *
 * @param input - The Lambda event, or any JSON value, or the JSON text of one.
 * @param options - See {@link UnwrapOptions}.
 * @returns One entry per event found, in input order.
 * @example
 * ```ts
 * for (const record of unwrap(sqsEvent)) {
 *   if (!record.success) console.warn(record.error.message);
 * }
 * ```
 */
export function unwrap(input: unknown, options?: UnwrapOptions): UnwrappedRecord[] {
  const context: Context = { options, out: [] };
  if (typeof input === 'string') unwrapText(input, context);
  else visitRoot(input, context);
  return context.out;
}

const WHOLE_INPUT: RecordSource = { id: UNNAMED, origin: 'eventbridge', label: 'input' };

/** The JSON text of one value (a byte order mark and surrounding space allowed). */
function unwrapText(text: string, context: Context): void {
  if (text.trim() === '') {
    fail(context, WHOLE_INPUT, 'is empty');
    return;
  }
  let value: unknown;
  try {
    // `trim` also drops a byte order mark, which JSON.parse refuses.
    value = JSON.parse(text.trim());
  } catch (error) {
    fail(context, WHOLE_INPUT, 'is not JSON', error);
    return;
  }
  visitRoot(value, context);
}

/**
 * One value of a text holding several (a line of NDJSON), or a problem at its position.
 *
 * @internal
 */
export type TextPiece =
  | { readonly position: RecordSource; readonly value: unknown }
  | { readonly position: RecordSource; readonly problem: string };

/**
 * Unwraps the values of a text that holds several, each named by its position in the text (the
 * CLI's reader cuts the text). A problem becomes the failure of its position alone.
 *
 * @param pieces - The values and problems, in text order.
 * @param options - See {@link UnwrapOptions}.
 * @returns One entry per event found, in text order.
 * @internal
 */
export function unwrapPieces(pieces: readonly TextPiece[], options?: UnwrapOptions): UnwrappedRecord[] {
  const context: Context = { options, out: [] };
  for (const piece of pieces) {
    if ('problem' in piece) fail(context, piece.position, piece.problem);
    else visit(piece.value, context, 1, piece.position);
  }
  return context.out;
}
