/**
 * Unwrapping: from whatever a Lambda function receives to a list of raw events, each with the
 * id of the record that carried it.
 *
 * @module
 */
import { ParseError } from './errors.js';
import { DETAIL_TYPES, type KnownEcsEventKind } from './events/index.js';

/**
 * Record id of a lone event that has no `id` of its own; {@link parseEcsEvents} replaces it with
 * the id parsing derives.
 *
 * @internal
 */
export const UNNAMED = 'event';

/**
 * Where a raw event came from.
 *
 * - `eventbridge`: the Lambda was invoked with the EventBridge event itself
 * - `sqs`: the body of an SQS record
 * - `sns`: the `Message` of an SNS record
 * - `sqs-sns`: the `Message` of an SNS notification delivered through SQS
 * - `array`: an element of a plain array
 * - `ndjson`: a line of newline-delimited JSON text
 * - `detail`: a bare `detail` (input transformer), wrapped because its kind was given
 * - `destination`: the `requestPayload` of a Lambda on-failure destination record (a replay)
 */
export type UnwrapOrigin = 'eventbridge' | 'sqs' | 'sns' | 'sqs-sns' | 'array' | 'ndjson' | 'detail' | 'destination';

/**
 * Options of {@link unwrap} and {@link parseEcsEvents}.
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
   * EventBridge event `id`, or the position in an array (`0`, `1`, ...) or NDJSON text (line
   * number). A lone event without an `id` gets, once parsed, the `derived-` id parsing gives it
   * (`"event"` when it fails to parse).
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

const MAX_DEPTH = 4;

interface Context {
  readonly options: UnwrapOptions | undefined;
  readonly out: UnwrappedRecord[];
  /** The id of the outermost SQS or SNS record being read: every event inside it reports it. */
  batchItem?: string | undefined;
}

/**
 * Finds the ECS events in what a Lambda function receives.
 *
 * Accepts an EventBridge event; an SQS batch (each `body` is the event JSON); an SNS batch
 * (each `Message` is the event JSON); SNS notifications inside SQS bodies (either URL
 * spelling, or raw message delivery); plain arrays, also of JSON strings; NDJSON or JSON text;
 * a bare `detail` when `options.kind` says what it is; and, for replays, `aws sqs
 * receive-message` output and Lambda on-failure destination records. A record that is not JSON
 * becomes an error for that record only. Never throws.
 *
 * @param input - The Lambda event, or any JSON value or text.
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

/** The whole input once it is a value: an array of events or wrappers, or one of them. */
function visitRoot(value: unknown, context: Context): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      visit(item, context, 1, { id: String(index), origin: 'array', label: `item ${index}` });
    });
  } else {
    visit(value, context, 0, { id: eventId(value) ?? UNNAMED, origin: 'eventbridge', label: '' });
  }
}

function unwrapText(text: string, context: Context): void {
  const trimmed = text.trim();
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    // Not one JSON value: NDJSON when there are several lines, else not JSON at all.
    if (trimmed.includes('\n')) unwrapLines(text, context);
    else fail(context, { id: UNNAMED, origin: 'eventbridge', label: 'input' }, 'is not JSON', error);
    return;
  }
  visitRoot(value, context);
}

/** NDJSON: one value per line; a line that is not JSON fails alone. */
function unwrapLines(text: string, context: Context): void {
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const position: RecordSource = { id: String(index + 1), origin: 'ndjson', label: `line ${index + 1}` };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      fail(context, position, 'is not JSON', error);
      return;
    }
    visit(value, context, 1, position);
  });
}

function visit(value: unknown, context: Context, depth: number, position: RecordSource): void {
  if (depth > MAX_DEPTH) {
    fail(context, position, `is nested more than ${MAX_DEPTH} levels deep`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      visit(item, context, depth + 1, {
        id: `${position.id}/${index}`,
        origin: position.origin,
        label: `${position.label || 'input'} item ${index}`,
      });
    });
    return;
  }
  if (typeof value === 'string' && depth > 0) {
    // A JSON string inside a list: dead-letter bodies saved as an array of strings, say.
    visitJsonField(value, 'item', context, depth, position);
    return;
  }
  if (typeof value !== 'object' || value === null) {
    emit(context, position, value);
    return;
  }
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.Records)) {
    object.Records.forEach((record, index) => visitRecord(record, index, context, depth));
    return;
  }
  if (Array.isArray(object.Messages)) {
    // `aws sqs receive-message` output (a dead-letter queue being replayed).
    object.Messages.forEach((message, index) => visitRecord(cliMessage(message), index, context, depth));
    return;
  }
  if ('requestPayload' in object && typeof object.requestContext === 'object') {
    // A Lambda on-failure destination record: the original invocation's event.
    visit(object.requestPayload, context, depth + 1, { id: eventId(object.requestPayload) ?? position.id, origin: 'destination', label: 'destination record' });
    return;
  }
  const kind = context.options?.kind;
  if (kind !== undefined && object['detail-type'] === undefined && object.source === undefined) {
    const wrapped =
      typeof object.detail === 'object' && object.detail !== null
        ? { ...object, 'detail-type': DETAIL_TYPES[kind], source: 'aws.ecs' }
        : { 'detail-type': DETAIL_TYPES[kind], source: 'aws.ecs', detail: object };
    emit(context, { ...position, origin: position.origin === 'eventbridge' ? 'detail' : position.origin }, wrapped);
    return;
  }
  emit(context, position, value);
}

function visitRecord(record: unknown, index: number, context: Context, depth: number): void {
  if (typeof record !== 'object' || record === null) {
    fail(context, { id: String(index), origin: 'sqs', label: `record ${index}` }, 'is not an object');
    return;
  }
  const r = record as Record<string, unknown>;
  if (typeof r.Sns === 'object' && r.Sns !== null) {
    const sns = r.Sns as Record<string, unknown>;
    const id = typeof sns.MessageId === 'string' ? sns.MessageId : String(index);
    const position: RecordSource = { id, origin: 'sns', label: `SNS record ${index} (MessageId ${id})` };
    inBatchItem(context, id, () => withEvents(context, position, 'Message', () => visitJsonField(sns.Message, 'Message', context, depth, position)));
    return;
  }
  if (typeof r.body === 'string' || r.eventSource === 'aws:sqs') {
    const id = typeof r.messageId === 'string' ? r.messageId : String(index);
    const position: RecordSource = { id, origin: 'sqs', label: `SQS record ${index} (messageId ${id})` };
    inBatchItem(context, id, () => {
      const body = parseJsonField(r.body, 'body', context, position);
      if (body === FAILED) return;
      if (isSnsNotification(body)) {
        const inner: RecordSource = { ...position, origin: 'sqs-sns' };
        withEvents(context, inner, 'SNS Message', () => visitJsonField(body.Message, 'SNS Message', context, depth, inner));
      } else {
        withEvents(context, position, 'body', () => visit(body, context, depth + 1, position));
      }
    });
    return;
  }
  const source = typeof r.eventSource === 'string' ? r.eventSource : typeof r.EventSource === 'string' ? r.EventSource : '';
  fail(
    context,
    { id: String(index), origin: 'sqs', label: `record ${index}` },
    source ? `is not an SQS or SNS record (eventSource ${JSON.stringify(source.slice(0, 40))})` : 'is not an SQS or SNS record',
  );
}

/** Runs `visitItem` with `id` as the batch item of everything it finds, unless inside one already. */
function inBatchItem(context: Context, id: string, visitItem: () => void): void {
  if (context.batchItem !== undefined) {
    visitItem();
    return;
  }
  context.batchItem = id;
  try {
    visitItem();
  } finally {
    context.batchItem = undefined;
  }
}

/**
 * Runs `visitBody` and fails the record when it found nothing: a record whose body is `[]` (or a
 * batch of no records) holds no event, and a record that yields no result would be acknowledged
 * without a trace instead of being reported in `batchItemFailures`.
 */
function withEvents(context: Context, position: RecordSource, field: string, visitBody: () => void): void {
  const before = context.out.length;
  visitBody();
  if (context.out.length === before) fail(context, position, `${field} holds no event`);
}

const FAILED: unique symbol = Symbol('failed');

function parseJsonField(text: unknown, field: string, context: Context, position: RecordSource): unknown {
  if (typeof text !== 'string') {
    fail(context, position, `${field} is not a string`);
    return FAILED;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    fail(context, position, `${field} is not JSON`, error);
    return FAILED;
  }
}

function visitJsonField(text: unknown, field: string, context: Context, depth: number, position: RecordSource): void {
  const value = parseJsonField(text, field, context, position);
  if (value !== FAILED) visit(value, context, depth + 1, position);
}

/** An `aws sqs receive-message` message (`MessageId`, `Body`) in the shape of a Lambda SQS record. */
function cliMessage(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return message;
  const m = message as Record<string, unknown>;
  return { messageId: m.MessageId, body: m.Body, eventSource: 'aws:sqs' };
}

function isSnsNotification(value: unknown): value is { Message: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>).Type === 'Notification' &&
    'Message' in value
  );
}

function eventId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>).id;
  return typeof id === 'string' ? id : undefined;
}

function emit(context: Context, position: RecordSource, data: unknown): void {
  context.out.push({ success: true, id: context.batchItem ?? position.id, origin: position.origin, label: position.label, data });
}

function fail(context: Context, position: RecordSource, problem: string, cause?: unknown): void {
  const message = `${position.label || 'input'} ${problem}`;
  const id = context.batchItem ?? position.id;
  context.out.push({
    success: false,
    id,
    origin: position.origin,
    label: position.label,
    error: new ParseError(message, { recordId: id, cause }),
  });
}
