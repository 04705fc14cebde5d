/**
 * `ecs-slack classify`: one JSON line per event.
 *
 * @internal
 * @module
 */
import { classify } from '../../classify/index.js';
import { readEvents, writeLine, type CliIo } from '../io.js';
import { EXIT_INVALID_INPUT, EXIT_OK, parseOptions } from '../args.js';

/**
 * Prints one JSON line per event on stdout (the file, the record id and the classification), and
 * each invalid record on stderr (exit 1).
 *
 * @internal
 */
export async function classifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseOptions(args, {});
  let code = EXIT_OK;
  for (const record of await readEvents(positionals, io)) {
    const where = { file: record.file, id: record.id };
    if (!record.success) {
      code = EXIT_INVALID_INPUT;
      writeLine(io.stdout, JSON.stringify({ ...where, error: record.error.message }));
      writeLine(io.stderr, `${record.file}: ${record.error.message}`);
      continue;
    }
    writeLine(io.stdout, JSON.stringify({ ...where, ...classify(record.data) }));
  }
  return code;
}
