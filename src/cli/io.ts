/**
 * Input and output of the CLI: where events come from and where lines go.
 *
 * @internal
 * @module
 */
import { readFile } from 'node:fs/promises';
import { EXIT_INVALID_INPUT, EXIT_OK } from './args.js';
import { ParseError } from '../errors.js';
import type { EcsEvent } from '../events/index.js';
import { parseEcsEvents, type ParsedRecord } from '../parse.js';

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
 * One parsed record and the file it came from (`-` for standard input).
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
  for (const file of sources) {
    let text: string;
    try {
      text = file === '-' ? await readStream(io.stdin) : await readFile(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'read error';
      out.push({ ...failedRecord(`cannot read ${file} (${reason})`), file });
      continue;
    }
    if (text.trim() === '') {
      out.push({ ...failedRecord(`${file === '-' ? 'standard input' : file} is empty`), file });
      continue;
    }
    for (const record of parseEcsEvents(text)) out.push({ ...record, file });
  }
  return out;
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
 * Writes one line to a stream.
 *
 * @internal
 */
export function writeLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(`${line}\n`);
}

/**
 * Reads every event of the input and calls `each` on the valid ones, in order. An invalid
 * record is reported on stderr (and to `onInvalid`) and makes the result exit code 1.
 *
 * @internal
 */
export async function forEachEvent(
  files: readonly string[],
  io: CliIo,
  each: (event: EcsEvent, record: SourcedRecord) => Promise<void> | void,
  onInvalid?: (record: SourcedRecord) => void,
): Promise<number> {
  let code: number = EXIT_OK;
  for (const record of await readEvents(files, io)) {
    if (record.success) {
      await each(record.data, record);
      continue;
    }
    code = EXIT_INVALID_INPUT;
    onInvalid?.(record);
    writeLine(io.stderr, `${record.file}: ${record.error.message}`);
  }
  return code;
}
