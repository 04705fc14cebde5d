/**
 * Parsing: from an `unknown` value to a typed {@link EcsEvent}, with one-line errors.
 *
 * @module
 */
import { ParseError } from '../errors.js';
import { EventIssues, readShape, type EventIssue, type Shape } from '../events/explain.js';
import * as fast from '../events/fast-parsers.js';
import { DETAIL_TYPES, type EcsEvent, type KnownEcsEventKind } from '../events/index.js';
import { isRecord } from '../internal/object.js';
import { wellFormedDeep } from '../internal/well-formed.js';
import { completeEnvelope, EnvelopeError } from './envelope.js';
import { describe, describeIssue, formatPath, quote } from './issues.js';
import { type RecordSource, UNNAMED, type UnwrapOptions, type UnwrappedRecord, unwrap } from '../unwrap/index.js';

/**
 * A successful parse.
 */
export interface ParseSuccess {
  /** Always `true`. */
  readonly success: true;
  /** The parsed event. */
  readonly data: EcsEvent;
  /** Never set on success. */
  readonly error?: undefined;
}

/**
 * A failed parse.
 */
export interface ParseFailure {
  /** Always `false`. */
  readonly success: false;
  /** Never set on failure. */
  readonly data?: undefined;
  /** What was wrong, naming the field. */
  readonly error: ParseError;
}

/**
 * The result of {@link safeParseEcsEvent}: the event, or the error `parseEcsEvent` would throw.
 */
export type SafeParseResult = ParseSuccess | ParseFailure;

/**
 * Each known detail-type: its kind, the parser generated from its schema (see
 * `events/fast-parsers.ts`), which decides, and the schema as data, read only when the parser
 * says no, to word the error (see `events/explain.ts`). No zod on this path.
 */
const KINDS: Readonly<Record<string, readonly [KnownEcsEventKind, (input: unknown) => object | fast.Invalid, Shape]>> =
  {
    [DETAIL_TYPES.task]: ['task', fast.taskStateChange, fast.SHAPES.taskStateChange!],
    [DETAIL_TYPES.service]: ['service', fast.serviceAction, fast.SHAPES.serviceAction!],
    [DETAIL_TYPES.deployment]: ['deployment', fast.deploymentStateChange, fast.SHAPES.deploymentStateChange!],
    [DETAIL_TYPES['container-instance']]: [
      'container-instance',
      fast.containerInstanceStateChange,
      fast.SHAPES.containerInstanceStateChange!,
    ],
  };

/**
 * Parses one Amazon ECS event in its EventBridge envelope.
 *
 * @remarks Known detail-types are validated against their schema; any other `detail-type` from
 * `aws.ecs` comes back as kind `unknown` with its raw detail. Unknown fields pass through.
 * Every string comes back well-formed: a lone UTF-16 surrogate half (which JSON can carry as
 * `\ud800`) becomes U+FFFD, so no later stage can fail on it.
 *
 * Envelope completion: events copied from logs or docs are often trimmed, and input
 * transformers may pass only the detail. Only `detail-type`, `source` and `detail` are
 * required; when `version`, `id`, `account`, `region`, `time` or `resources` are missing they
 * are derived from the event itself: `account` and `region` from its ARNs, `time` from
 * `detail.updatedAt` (or `createdAt`, `stoppedAt`, `startedAt`), `resources` from the task or
 * container-instance ARN, and a stable `id` prefixed `derived-` computed from the detail, so
 * duplicates still share it. A value that cannot be derived is the empty string, which the
 * renderers treat as unknown. Fields that are present are validated as usual.
 *
 * @param input - A value from `JSON.parse`, for example one EventBridge event.
 * @returns The typed event, discriminated by `kind`.
 * @throws {@link ParseError} with a one-line message naming the field, for example
 *   `detail.lastStatus: expected string, received number`; its `cause` is an `Error` whose
 *   `issues` lists every problem (`path`, `code`, `expected`), as zod's would.
 * @example
 * ```ts
 * const event = parseEcsEvent(JSON.parse(body));
 * if (event.kind === 'task') console.log(event.detail.stopCode);
 * ```
 */
export function parseEcsEvent(input: unknown): EcsEvent {
  const result = safeParseEcsEvent(input);
  if (result.success) return result.data;
  throw result.error;
}

/**
 * Like {@link parseEcsEvent}, but returns `{ success, data }` or `{ success, error }` instead of
 * throwing. Never throws, whatever the input.
 *
 * @param input - Any value.
 * @returns The parsed event or a {@link ParseError}.
 * @example
 * ```ts
 * const result = safeParseEcsEvent(input);
 * if (!result.success) console.warn(result.error.message);
 * ```
 */
export function safeParseEcsEvent(input: unknown): SafeParseResult {
  return parseSafely(input, '', undefined);
}

/**
 * The outcome for one record of a batch: where it came from, and the parsed event or the error
 * (with the value that failed, when the record held one: see {@link ParsedRecordFailure}).
 */
export type ParsedRecord = (ParseSuccess | ParsedRecordFailure) & RecordSource;

/**
 * A record whose event failed to parse.
 */
export interface ParsedRecordFailure extends ParseFailure {
  /**
   * The value that failed, as unwrapped from its record (for a best-effort reading such as
   * `salvageEcsEvent`); absent when the record held no value (an SQS body that is not JSON).
   */
  readonly input?: unknown;
}

/**
 * Unwraps whatever a Lambda received ({@link unwrap}) and parses every event in it.
 *
 * One bad record never hides the others: each record gets its own result, with the record id
 * to report in `batchItemFailures`.
 *
 * @param input - An EventBridge event, SQS or SNS batch, array, or the JSON text of one.
 * @param options - Tell the kind of bare `detail` objects (input transformers).
 * @returns One result per record, in input order.
 * @example
 * ```ts
 * for (const record of parseEcsEvents(sqsEvent)) {
 *   if (!record.success) failures.push({ itemIdentifier: record.id });
 * }
 * ```
 */
export function parseEcsEvents(input: unknown, options?: UnwrapOptions): ParsedRecord[] {
  return parseUnwrapped(unwrap(input, options));
}

/**
 * Parses each record {@link unwrap} found (the CLI's text reader finds them too).
 *
 * @param records - Raw events with their records, or the failures to read them.
 * @returns One result per record, in order.
 * @internal
 */
export function parseUnwrapped(records: readonly UnwrappedRecord[]): ParsedRecord[] {
  return records.map((record): ParsedRecord => {
    if (!record.success) return record;
    const { origin, label } = record;
    const result = parseSafely(record.data, label, record.id);
    if (!result.success)
      return { success: false, id: record.id, origin, label, error: result.error, input: record.data };
    // A lone event without an `id` (trimmed by a transformer, or a bare detail) has no record id
    // of its own: report the id parsing gave it, derived from its content.
    const id = record.id === UNNAMED && (origin === 'eventbridge' || origin === 'detail') ? result.data.id : record.id;
    return { success: true, id, origin, label, data: result.data };
  });
}

/** A failed parse, its message prefixed with the record's label. */
function failure(
  label: string,
  recordId: string | undefined,
  message: string,
  path: string,
  cause?: unknown,
): ParseFailure {
  return { success: false, error: new ParseError(label ? `${label}: ${message}` : message, { path, recordId, cause }) };
}

/**
 * {@link parseWithContext}, keeping the promise that parsing never throws: an exception from
 * anywhere inside (an exotic input object, say a getter that throws or a proxy) becomes the
 * record's error instead of ending the whole batch.
 */
function parseSafely(input: unknown, label: string, recordId: string | undefined): SafeParseResult {
  try {
    return parseWithContext(input, label, recordId);
  } catch (error) {
    if (error instanceof EnvelopeError) return failure(label, recordId, error.message, error.path, error.cause);
    const name = error instanceof Error ? error.name : typeof error;
    return failure(label, recordId, `event: cannot be parsed (${name})`, '', error);
  }
}

/**
 * Parses one event, prefixing error messages with `label` (`SQS record 3 (messageId ...)`).
 *
 * @internal
 */
function parseWithContext(input: unknown, label: string, recordId: string | undefined): SafeParseResult {
  const fail = (message: string, path: string, cause?: unknown): SafeParseResult =>
    failure(label, recordId, message, path, cause);
  if (!isRecord(input)) return fail(`expected an EventBridge event object, received ${describe(input)}`, '');
  const raw = input;
  const source = raw.source;
  if (source !== 'aws.ecs') {
    return fail(
      source === undefined
        ? 'not an Amazon ECS event: source is missing (expected "aws.ecs")'
        : `not an Amazon ECS event: source is ${quote(source)} (expected "aws.ecs")`,
      'source',
    );
  }
  const detailType = raw['detail-type'];
  if (typeof detailType !== 'string') {
    return fail(`detail-type: expected string, received ${describe(detailType)}`, 'detail-type');
  }
  const known = Object.hasOwn(KINDS, detailType) ? KINDS[detailType] : undefined;
  const completed = completeEnvelope(raw, known?.[0]);
  const parsed = known === undefined ? fast.INVALID : known[1](completed);
  if (parsed !== fast.INVALID) {
    const data = parsed as EcsEvent;
    data.kind = known![0];
    return { success: true, data };
  }
  const issues: EventIssue[] = [];
  const read = readShape((known?.[2] ?? fast.SHAPES.unknownEcsEvent)!, completed, issues);
  const first = issues[0];
  if (first !== undefined || known !== undefined) {
    // A known kind the generated parser refused always has an issue; `event` covers the impossible.
    const path = first === undefined ? '' : formatPath(first.path);
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    const problem = first === undefined ? 'does not match its schema' : describeIssue(first, completed);
    return fail(`${path || 'event'}: ${problem}${more}`, path, new EventIssues(issues));
  }
  // The generated parsers make strings well-formed themselves; an unknown kind's are made so here.
  const data = wellFormedDeep(read) as EcsEvent;
  data.kind = 'unknown';
  return { success: true, data };
}
