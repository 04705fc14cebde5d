/**
 * The CLI's reader of JSON text: one JSON value, NDJSON, or JSON values written one after another,
 * pretty-printed or not (`cat a.json b.json`). Each value is unwrapped as a record named by the
 * line it starts on; a value that is not JSON is one error giving the line and column where it goes
 * wrong. Only the CLI reads such text, so this stays out of the library and the Lambda bundle.
 *
 * @internal
 * @module
 */
import { type TextPiece, UNNAMED, unwrap, unwrapPieces } from '../unwrap/index.js';
import type { RecordSource, UnwrapOptions, UnwrappedRecord } from '../unwrap/unwrapped-record.js';

const WHOLE_INPUT: RecordSource = { id: UNNAMED, origin: 'eventbridge', label: 'input' };

/**
 * Finds the events in JSON text: a single value as {@link unwrap} reads it, else NDJSON line by
 * line, else values one after another. Never throws.
 *
 * @param text - The text of a file or of standard input.
 * @param options - See {@link UnwrapOptions}.
 * @returns One entry per event found, in text order.
 * @internal
 */
export function readJsonText(text: string, options?: UnwrapOptions): UnwrappedRecord[] {
  if (text.trim() === '' || isJson(text.trim())) return unwrap(text, options);
  // Not one JSON value: NDJSON, or values one after another (`cat a.json b.json`), or broken.
  return readLines(text, options) ?? readValues(text, options);
}

/**
 * NDJSON, the common case, read line by line: `undefined` as soon as a line is not JSON on its
 * own (pretty-printed or broken input), for {@link readValues}.
 */
function readLines(text: string, options: UnwrapOptions | undefined): UnwrappedRecord[] | undefined {
  const pieces: TextPiece[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      const number = index + 1;
      pieces.push({ position: { id: String(number), origin: 'ndjson', label: `line ${number}` }, value });
    } catch {
      return undefined;
    }
  }
  return unwrapPieces(pieces, options);
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
function readValues(text: string, options: UnwrapOptions | undefined): UnwrappedRecord[] {
  const lines = new Lines(text);
  const pieces = splitValues(text, lines);
  const [first] = pieces;
  if (first === undefined) return [];
  if (pieces.length === 1 && !isFailed(first)) return unwrap(first.value, options);
  const notJson = (piece: FailedPiece): string =>
    piece.locate ? `is not JSON (at ${lines.describe(piece.at)})` : 'is not JSON';
  if (pieces.every(isFailed)) {
    // Nothing in it is JSON (binary, UTF-16, prose): one error, not one per line.
    const where: FailedPiece = pieces.length === 1 ? pieces[0]! : { ...pieces[0]!, locate: true };
    return unwrapPieces([{ position: WHOLE_INPUT, problem: notJson(where) }]);
  }
  const found: TextPiece[] = pieces.map((piece) =>
    isFailed(piece) ? { position: piece.position, problem: notJson(piece) } : piece,
  );
  return unwrapPieces(found, options);
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
