/**
 * Input and output of the CLI: where events come from and where lines go.
 *
 * @internal
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { EXIT_INVALID_INPUT, EXIT_OK } from './args.js';
import { ParseError } from '../errors.js';
import type { EcsEvent } from '../events/index.js';
import { redact } from '../internal/redact.js';
import { type ParsedRecord, parseUnwrapped } from '../parse/index.js';
import { readJsonText } from './json-text.js';
import { errorLine } from '../pipeline/log.js';

/**
 * The process streams the CLI uses, injectable for tests.
 *
 * @internal
 */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * One parsed record and the file it came from (`-` for standard input), its name redacted
 * (see {@link warn}): it is printed, and a webhook URL pasted as a file name must not be.
 *
 * @internal
 */
export type SourcedRecord = ParsedRecord & { readonly file: string };

/**
 * Reads every file (standard input when there are none, or for `-`) and parses all events in
 * them. A file that cannot be read is reported as one failed record.
 *
 * @internal
 */
export async function readEvents(files: readonly string[], io: CliIo): Promise<SourcedRecord[]> {
  const sources = files.length === 0 ? ['-'] : files;
  const out: SourcedRecord[] = [];
  for (const path of sources) {
    const file = redact(path);
    let text: string;
    try {
      if (path === '-') hintAtTerminal(io);
      text = path === '-' ? await readStream(io.stdin) : await readFile(path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'read error';
      out.push({ ...failedRecord(`cannot read ${file} (${reason})`), file });
      continue;
    }
    if (text.trim() === '') {
      out.push({ ...failedRecord(`${file === '-' ? 'standard input' : file} is empty`), file });
      continue;
    }
    for (const record of parseFile(text, file)) out.push({ ...record, file });
  }
  return out;
}

/**
 * `ecs-slack classify` typed alone waits for standard input; at a terminal that looks like a
 * hang, so say what it is waiting for.
 */
function hintAtTerminal(io: CliIo): void {
  if (io.stdin.isTTY === true) {
    writeLine(
      io.stderr,
      'ecs-slack: reading events from standard input; pass files or pipe events (Ctrl-D ends the input)',
    );
  }
}

/**
 * The records of one file. Parsing never throws by contract; should it all the same, that file
 * is one failed record and the other files are still read.
 */
function parseFile(text: string, file: string): ParsedRecord[] {
  try {
    return parseUnwrapped(readJsonText(text));
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    return [failedRecord(`cannot parse ${file === '-' ? 'standard input' : file} (${name})`)];
  }
}

function failedRecord(message: string): ParsedRecord {
  return { success: false, id: '', origin: 'eventbridge', label: '', error: new ParseError(message) };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Whether a stream takes no more output: a write failed (`EPIPE` when the reader is gone, as
 * with `| head`; `ENOSPC`), or it was ended or destroyed. A failed write marks the stream at
 * once, while its `error` event comes later: checking here lets a loop stop right away.
 *
 * @internal
 */
export function isClosed(stream: NodeJS.WritableStream): boolean {
  const state = stream as Partial<Pick<Writable, 'errored' | 'destroyed' | 'writableEnded'>>;
  return (state.errored ?? null) !== null || state.destroyed === true || state.writableEnded === true;
}

/**
 * Writes one line to a stream; nothing once the stream is closed ({@link isClosed}).
 *
 * @internal
 */
export function writeLine(stream: NodeJS.WritableStream, line: string): void {
  if (!isClosed(stream)) stream.write(`${line}\n`);
}

/**
 * Writes one message line to standard error, with anything shaped like a URL, a webhook path or
 * a token redacted, whatever it quotes (a file name, an option value, an error).
 *
 * @internal
 */
export function warn(io: CliIo, line: string): void {
  writeLine(io.stderr, redact(line));
}

/**
 * Options of {@link forEachEvent}.
 *
 * @internal
 */
export interface ForEachEventOptions {
  /** Called with each invalid record (which is also reported on stderr). */
  readonly onInvalid?: (record: SourcedRecord) => void;
  /**
   * Keep calling `each` after standard output closes. `send` does: its work is the delivery,
   * not the log. Commands whose work is their output stop calling `each` then (nobody reads
   * it), but still count and report the invalid records, so the exit code stays true.
   */
  readonly afterOutputCloses?: 'continue' | 'skip';
}

/**
 * Reads every event of the input and calls `each` on the valid ones, in order. An invalid
 * record is reported on stderr (and to `options.onInvalid`) and makes the result exit code 1;
 * so does a record on which `each` throws, reported on one line naming it, and the next record
 * is read as usual.
 *
 * @internal
 */
export async function forEachEvent(
  files: readonly string[],
  io: CliIo,
  each: (event: EcsEvent, record: SourcedRecord) => Promise<void> | void,
  options: ForEachEventOptions = {},
): Promise<number> {
  const skipWhenClosed = options.afterOutputCloses !== 'continue';
  let code: number = EXIT_OK;
  for (const record of await readEvents(files, io)) {
    if (record.success) {
      if (skipWhenClosed && isClosed(io.stdout)) continue;
      try {
        await each(record.data, record);
      } catch (error) {
        code = EXIT_INVALID_INPUT;
        warn(io, `${record.file}: ${recordName(record)}: cannot be processed (${errorLine(error)})`);
      }
      continue;
    }
    code = EXIT_INVALID_INPUT;
    options.onInvalid?.(record);
    warn(io, `${record.file}: ${record.error.message}`);
  }
  return code;
}

/** How a message names a record: its label (`line 3`, `SQS record 2 (messageId …)`), else its id. */
function recordName(record: SourcedRecord): string {
  return record.label === '' ? `event ${record.id}` : record.label;
}
