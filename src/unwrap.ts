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
 * - `ndjson`: a value in text that holds several: a line of NDJSON, or one of JSON values
 *   written one after another (`cat a.json b.json`)
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
 * spelling, or raw message delivery); plain arrays, also of JSON strings; JSON text, NDJSON, or
 * JSON values one after another, pretty-printed or not (`cat a.json b.json`); a bare `detail`
 * when `options.kind` says what it is; and, for replays, `aws sqs receive-message` output and
 * Lambda on-failure destination records. A record that is not JSON
 * becomes an error for that record only: a broken line of NDJSON fails alone; a broken
 * pretty-printed value is one error giving the line and column where it goes wrong. Never throws.
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
  if (text.trim() === '') {
    fail(context, { id: UNNAMED, origin: 'eventbridge', label: 'input' }, 'is empty');
    return;
  }
  let value: unknown;
  try {
    // `trim` also drops a byte order mark, which JSON.parse refuses.
    value = JSON.parse(text.trim());
  } catch {
    // Not one JSON value: NDJSON, or values one after another (`cat a.json b.json`), or broken.
    if (!unwrapLines(text, context)) unwrapValues(text, context);
    return;
  }
  visitRoot(value, context);
}

/**
 * NDJSON, the common case, read line by line: returns `false`, having emitted nothing, as soon
 * as a line is not JSON on its own (pretty-printed or broken input), for {@link unwrapValues}.
 */
function unwrapLines(text: string, context: Context): boolean {
  const values: Array<readonly [number, unknown]> = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      values.push([index + 1, JSON.parse(line)]);
    } catch {
      return false;
    }
  }
  for (const [line, value] of values)
    visit(value, context, 1, { id: String(line), origin: 'ndjson', label: `line ${line}` });
  return true;
}

/** A JSON value of a text that is not JSON: where it goes wrong, as an offset in the text. */
interface FailedPiece {
  readonly position: RecordSource;
  readonly at: number;
  /** Whether the message gives `at`: a broken line of NDJSON is named by its line alone. */
  readonly locate: boolean;
}

/** One JSON value of a text, or where it goes wrong. */
type Piece = { readonly position: RecordSource; readonly value: unknown } | FailedPiece;

function isFailed(piece: Piece): piece is FailedPiece {
  return 'at' in piece;
}

/**
 * Text that holds JSON values one after another, compact or pretty-printed, separated by
 * whitespace or nothing (`cat a.json b.json`): each value is a record named by the line it starts
 * on. A value that is not JSON is one error giving the line and column where it goes wrong, not
 * an error for each of its lines; a broken NDJSON line fails alone and the next line is read.
 * One broken value and nothing else is the input failing, as for a single event.
 */
function unwrapValues(text: string, context: Context): void {
  const lines = new Lines(text);
  const pieces = splitValues(text, lines);
  const [first] = pieces;
  if (first === undefined) return;
  if (pieces.length === 1 && !isFailed(first)) {
    visitRoot(first.value, context);
    return;
  }
  const notJson = (piece: FailedPiece): string =>
    piece.locate ? `is not JSON (at ${lines.describe(piece.at)})` : 'is not JSON';
  if (pieces.every(isFailed)) {
    // Nothing in it is JSON (binary, UTF-16, prose): one error, not one per line.
    const where: FailedPiece = pieces.length === 1 ? pieces[0]! : { ...pieces[0]!, locate: true };
    fail(context, { id: UNNAMED, origin: 'eventbridge', label: 'input' }, notJson(where));
    return;
  }
  for (const piece of pieces) {
    if (isFailed(piece)) fail(context, piece.position, notJson(piece));
    else visit(piece.value, context, 1, piece.position);
  }
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BOM = 0xfeff;

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB || c === BOM;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Where the JSON value starting at `start` ends, found by bracket depth outside strings (the
 * value itself is not checked: JSON.parse does that). Unbalanced, it runs to the end of the text.
 */
function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return stringEnd(text, start + 1);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return tokenEnd(text, start);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(text, i + 1) - 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * Just after the closing quote of the string whose content starts at `from`. A line break ends it
 * too (JSON strings cannot hold one), so an unterminated string does not swallow what follows.
 */
function stringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === LF) return i;
    if (c === BACKSLASH && text.charCodeAt(i + 1) !== LF) i++;
  }
  return text.length;
}

/** The end of a bare word or number (`true`, `42`, or garbage): the next space, bracket or quote. */
function tokenEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === OPEN_BRACE || c === OPEN_BRACKET || c === QUOTE) break;
    i++;
  }
  return i;
}

/** `end` moved back over trailing whitespace, but not before `start`. */
function trimmedEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The offset each line starts at, for turning offsets into line and column numbers. */
class Lines {
  readonly #starts: number[] = [0];
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  /** The 0-based line holding `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Where a 0-based line starts. */
  start(line: number): number {
    return this.#starts[line] ?? this.#text.length;
  }

  /** `line 3` for a value at the start of its line, `line 3, column 9` after another value. */
  position(offset: number): RecordSource {
    const line = this.lineOf(offset);
    const column = offset - this.start(line) + 1;
    const first = skipSpace(this.#text, this.start(line)) === offset;
    return first
      ? { id: String(line + 1), origin: 'ndjson', label: `line ${line + 1}` }
      : { id: `${line + 1}:${column}`, origin: 'ndjson', label: `line ${line + 1}, column ${column}` };
  }

  /** `line 12, column 3`. */
  describe(offset: number): string {
    const line = this.lineOf(offset);
    return `line ${line + 1}, column ${offset - this.start(line) + 1}`;
  }

  /**
   * The first line in `[from, to]` where a new value starts: a `{` or `[` at its very start that
   * opens a whole JSON value (a line of NDJSON, or a pretty-printed event), or `undefined`.
   * Indented lines never count: inside pretty-printed JSON every line but the outermost
   * brackets is indented.
   */
  standaloneLine(from: number, to: number): number | undefined {
    for (let line = from; line <= to && line < this.#starts.length; line++) {
      const start = this.start(line);
      const c = this.#text.charCodeAt(start);
      if (c !== OPEN_BRACE && c !== OPEN_BRACKET) continue;
      if (isJson(this.#text.slice(start, valueEnd(this.#text, start)))) return line;
    }
    return undefined;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Cuts text into its JSON values and parses each. A value that is not JSON becomes a problem:
 * on one line, the line fails and reading goes on at the next; over several lines, reading goes
 * on at the first later line that is NDJSON (a broken line of NDJSON that left a bracket open),
 * or else after the value, and the problem gives the line and column where it goes wrong.
 */
function splitValues(text: string, lines: Lines): Piece[] {
  const pieces: Piece[] = [];
  let start = skipSpace(text, 0);
  while (start < text.length) {
    const end = valueEnd(text, start);
    const position = lines.position(start);
    const source = text.slice(start, end);
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      const line = lines.lineOf(start);
      const lastLine = lines.lineOf(Math.max(start, end - 1));
      const resume = lastLine === line ? line + 1 : lines.standaloneLine(line + 1, lastLine);
      const stop = trimmedEnd(text, start, resume === undefined ? end : lines.start(resume));
      const at = Math.min(start + syntaxErrorAt(text.slice(start, stop)), stop);
      pieces.push({ position, at, locate: lines.lineOf(Math.max(start, stop - 1)) > line });
      start = skipSpace(text, resume === undefined ? end : lines.start(resume));
      continue;
    }
    pieces.push({ position, value });
    start = skipSpace(text, end);
  }
  return pieces;
}

/** A JSON number at the sticky position. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Where JSON.parse gives up on `text`, which it refused: the offset of the first character that
 * breaks the grammar, or the length of the text when it ends too soon. JSON.parse's own message
 * is no help here: it does not always say where, and may quote the input, which error messages
 * never do. Iterative, so deep nesting cannot overflow the stack.
 */
function syntaxErrorAt(text: string): number {
  const open: number[] = [];
  let expect: 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'after' = 'value';
  let i = 0;
  for (;;) {
    i = skipSpace(text, i);
    if (i >= text.length) return text.length;
    const c = text.charCodeAt(i);
    if (expect === 'after') {
      const top = open.at(-1);
      if (top === undefined) return i;
      if (c === 44 /* , */) expect = top === OPEN_BRACE ? 'key' : 'value';
      else if (c !== (top === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) return i;
      else open.pop();
      i++;
    } else if (expect === 'colon') {
      if (c !== 58 /* : */) return i;
      expect = 'value';
      i++;
    } else if (expect === 'key' || expect === 'key-or-end') {
      if (c === CLOSE_BRACE && expect === 'key-or-end') {
        open.pop();
        expect = 'after';
        i++;
        continue;
      }
      if (c !== QUOTE) return i;
      const end = jsonStringEnd(text, i);
      if (end < 0) return -end - 1;
      expect = 'colon';
      i = end;
    } else if (c === CLOSE_BRACKET && expect === 'value-or-end') {
      open.pop();
      expect = 'after';
      i++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      open.push(c);
      expect = c === OPEN_BRACE ? 'key-or-end' : 'value-or-end';
      i++;
    } else {
      const end = scalarEnd(text, i);
      if (end < 0) return -end - 1;
      expect = 'after';
      i = end;
    }
  }
}

/** The end of the string, number or literal at `i`, or `-(offset + 1)` of the error in it. */
function scalarEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === QUOTE) return jsonStringEnd(text, i);
  const literal = LITERALS.find((word) => text.startsWith(word, i));
  if (literal !== undefined) return i + literal.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(text) ? NUMBER.lastIndex : -(i + 1);
}

/** The end of the JSON string whose quote is at `quote`, or `-(offset + 1)` of the error in it. */
function jsonStringEnd(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < SPACE) return -(i + 1);
    if (c !== BACKSLASH) continue;
    const escaped = text.charAt(i + 1);
    if (escaped === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !ESCAPES.has(escaped)) return -(i + 2);
    i += escaped === 'u' ? 5 : 1;
  }
  return -(text.length + 1);
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
