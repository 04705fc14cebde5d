/**
 * What {@link unwrap} finds: each raw event with the record that carried it, or the error that
 * kept a record from being read.
 *
 * @module
 */
import type { ParseError } from '../errors.js';
import type { KnownEcsEventKind } from '../events/index.js';

/**
 * Where a raw event came from.
 *
 * @remarks
 * - `eventbridge`: the Lambda was invoked with the EventBridge event itself
 * - `sqs`: the body of an SQS record
 * - `sns`: the `Message` of an SNS record
 * - `sqs-sns`: the `Message` of an SNS notification delivered through SQS
 * - `array`: an element of a plain array
 * - `ndjson`: a value in text that holds several: a line of NDJSON, or one of JSON values
 *   written one after another (`cat a.json b.json`)
 * - `detail`: a bare `detail` (input transformer), wrapped because its kind was given
 * - `destination`: the `requestPayload` of a Lambda on-failure destination record (a replay)
 */
export type UnwrapOrigin = 'eventbridge' | 'sqs' | 'sns' | 'sqs-sns' | 'array' | 'ndjson' | 'detail' | 'destination';

/**
 * Options of {@link unwrap} and `parseEcsEvents`.
 */
export interface UnwrapOptions {
  /**
   * The kind of bare `detail` objects, for EventBridge rules whose input transformer passes
   * only `$.detail`. Without it, such objects are returned as they are (and fail to parse).
   */
  readonly kind?: KnownEcsEventKind;
}

/**
 * Where a record came from: its id, origin and a readable position.
 */
export interface RecordSource {
  /**
   * Record id to report in `batchItemFailures`: the SQS `messageId`, the SNS `MessageId`, the
   * EventBridge event `id`, or the position in an array (`0`, `1`, ...) or in text (the line
   * number; `line:column` for a value that does not start its line). A lone event without an
   * `id` gets, once parsed, the `derived-` id parsing gives it (`"event"` when it fails to parse).
   *
   * Every event found inside one SQS or SNS record carries that record's id, even when its body
   * holds several events (an array, or a batch inside the body), because that id is the only one
   * SQS accepts in `batchItemFailures`; the `label` tells those events apart.
   */
  readonly id: string;
  /** Where the event came from. */
  readonly origin: UnwrapOrigin;
  /**
   * Readable position used in error messages, for example `SQS record 3 (messageId 1f2e...)`;
   * empty for a single EventBridge event.
   */
  readonly label: string;
}

/**
 * A raw event found by {@link unwrap}, not validated yet.
 */
export interface UnwrappedEvent extends RecordSource {
  /** Always `true`. */
  readonly success: true;
  /** The raw event. */
  readonly data: unknown;
  /** Never set on success. */
  readonly error?: undefined;
}

/**
 * A record {@link unwrap} could not read, for example an SQS body that is not JSON.
 */
export interface UnwrapFailure extends RecordSource {
  /** Always `false`. */
  readonly success: false;
  /** Never set on failure. */
  readonly data?: undefined;
  /** Why the record could not be read. */
  readonly error: ParseError;
}

/**
 * One entry of {@link unwrap}'s result: a raw event, or the error that kept it from being read.
 */
export type UnwrappedRecord = UnwrappedEvent | UnwrapFailure;
