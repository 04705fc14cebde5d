/**
 * `ecs-slack demo`: the built-in sample events through the pipeline, printed readably.
 *
 * @internal
 * @module
 */
import { classify } from '../../classify/index.js';
import { safeParseEcsEvent } from '../../parse/index.js';
import { EXIT_INVALID_INPUT, EXIT_OK, noArguments, parseOptions } from '../args.js';
import { isClosed, warn, writeLine, type CliIo } from '../io.js';
import { preview } from '../preview.js';
import { renderMessage } from '../../render/message.js';
import { SAMPLES } from '../samples/index.js';

/**
 * Prints each sample's name, severity and outcome (`deployment started — info: deployment-started`),
 * and a terminal preview of its Slack message.
 *
 * @internal
 */
export async function demoCommand(args: readonly string[], io: CliIo): Promise<number> {
  noArguments(parseOptions(args, {}).positionals, 'demo runs built-in samples and reads no files');
  writeLine(io.stdout, `ecs-slack demo: ${SAMPLES.length} sample ECS events\n`);
  let code = EXIT_OK;
  for (const [index, sample] of SAMPLES.entries()) {
    if (isClosed(io.stdout)) break; // `demo | head`: nobody reads the rest
    const result = safeParseEcsEvent(sample.event);
    if (!result.success) {
      code = EXIT_INVALID_INPUT;
      warn(io, `${sample.name}: ${result.error.message}`);
      continue;
    }
    const c = classify(result.data);
    writeLine(
      io.stdout,
      `${String(index + 1).padStart(2)}. ${sample.name} — ${c.severity}: ${c.outcome}${c.cause === undefined ? '' : ` (${c.cause})`}`,
    );
    writeLine(io.stdout, preview(renderMessage(result.data, { classification: c })));
    writeLine(io.stdout, '');
  }
  return code;
}
