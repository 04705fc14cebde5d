/**
 * `ecs-slack render`: one Slack payload per event.
 *
 * @internal
 * @module
 */
import { blockKitBuilderUrl } from '../../render/builder-url.js';
import { renderMessage } from '../../render/message.js';
import type { RenderOptions } from '../../render/options.js';
import { EXIT_INVALID_INPUT, EXIT_OK, parseOptions } from '../args.js';
import { readEvents, writeLine, type CliIo } from '../io.js';

/**
 * Prints one payload per event: NDJSON, pretty JSON (`--pretty`), or a Block Kit Builder link
 * (`--builder-url`). `--no-color` and `--compact` choose the layout.
 *
 * @internal
 */
export async function renderCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    pretty: { type: 'boolean' },
    'builder-url': { type: 'boolean' },
    'no-color': { type: 'boolean' },
    compact: { type: 'boolean' },
  });
  const options: RenderOptions = { color: values['no-color'] !== true, variant: values.compact === true ? 'compact' : 'full' };
  let code = EXIT_OK;
  for (const record of await readEvents(positionals, io)) {
    if (!record.success) {
      code = EXIT_INVALID_INPUT;
      writeLine(io.stderr, `${record.file}: ${record.error.message}`);
      continue;
    }
    const message = renderMessage(record.data, undefined, options);
    if (values['builder-url'] === true) writeLine(io.stdout, blockKitBuilderUrl(message));
    else writeLine(io.stdout, values.pretty === true ? JSON.stringify(message, null, 2) : JSON.stringify(message));
  }
  return code;
}
