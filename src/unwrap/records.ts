/**
 * The walk through what a Lambda receives: EventBridge events, SQS and SNS records (and SNS
 * inside SQS), arrays, `aws sqs receive-message` output and on-failure destination records, down
 * to each raw event with the id of the record that carried it.
 *
 * @internal
 * @module
 */
import { ParseError } from '../errors.js';
import { DETAIL_TYPES } from '../events/index.js';
import type { RecordSource, UnwrapOptions, UnwrappedRecord } from './unwrapped-record.js';

/**
 * Record id of a lone event that has no `id` of its own; {@link parseEcsEvents} replaces it with
 * the id parsing derives.
 *
 * @internal
 */
export const UNNAMED = 'event';

const MAX_DEPTH = 4;

/**
 * What one walk collects, and the record it is inside.
 *
 * @internal
 */
export interface Context {
  readonly options: UnwrapOptions | undefined;
  readonly out: UnwrappedRecord[];
  /** The id of the outermost SQS or SNS record being read: every event inside it reports it. */
  batchItem?: string | undefined;
}

/**
 * The whole input once it is a value: an array of events or wrappers, or one of them.
 *
 * @internal
 */
export function visitRoot(value: unknown, context: Context): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      visit(item, context, 1, { id: String(index), origin: 'array', label: `item ${index}` });
    });
  } else {
    visit(value, context, 0, { id: eventId(value) ?? UNNAMED, origin: 'eventbridge', label: '' });
  }
}

/**
 * Visits one value found at `position` (an element, a line of text), `depth` levels down.
 *
 * @internal
 */
export function visit(value: unknown, context: Context, depth: number, position: RecordSource): void {
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
    visit(object.requestPayload, context, depth + 1, {
      id: eventId(object.requestPayload) ?? position.id,
      origin: 'destination',
      label: 'destination record',
    });
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
    inBatchItem(context, id, () =>
      withEvents(context, position, 'Message', () => visitJsonField(sns.Message, 'Message', context, depth, position)),
    );
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
        withEvents(context, inner, 'SNS Message', () =>
          visitJsonField(body.Message, 'SNS Message', context, depth, inner),
        );
      } else {
        withEvents(context, position, 'body', () => visit(body, context, depth + 1, position));
      }
    });
    return;
  }
  const source =
    typeof r.eventSource === 'string' ? r.eventSource : typeof r.EventSource === 'string' ? r.EventSource : '';
  fail(
    context,
    { id: String(index), origin: 'sqs', label: `record ${index}` },
    source
      ? `is not an SQS or SNS record (eventSource ${JSON.stringify(source.slice(0, 40))})`
      : 'is not an SQS or SNS record',
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
  context.out.push({
    success: true,
    id: context.batchItem ?? position.id,
    origin: position.origin,
    label: position.label,
    data,
  });
}

/**
 * Records a failure at `position`: `<label> <problem>`.
 *
 * @internal
 */
export function fail(context: Context, position: RecordSource, problem: string, cause?: unknown): void {
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
