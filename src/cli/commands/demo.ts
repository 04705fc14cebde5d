/**
 * `ecs-slack demo`: the built-in sample events through the pipeline, printed readably.
 *
 * @internal
 * @module
 */
import { identify } from '../../classify/identity.js';
import { safeParseEcsEvent } from '../../parse.js';
import { EXIT_INVALID_INPUT, EXIT_OK, parseOptions } from '../args.js';
import { writeLine, type CliIo } from '../io.js';
import { SAMPLES } from '../samples.js';
import { statusOf } from './classify.js';

/**
 * Prints each sample event's kind, status and identity.
 *
 * @internal
 */
export async function demoCommand(args: readonly string[], io: CliIo): Promise<number> {
  parseOptions(args, {});
  writeLine(io.stdout, `ecs-slack demo: ${SAMPLES.length} sample ECS events\n`);
  let code = EXIT_OK;
  for (const [index, sample] of SAMPLES.entries()) {
    const result = safeParseEcsEvent(sample.event);
    if (!result.success) {
      code = EXIT_INVALID_INPUT;
      writeLine(io.stderr, `${sample.name}: ${result.error.message}`);
      continue;
    }
    const event = result.data;
    const identity = identify(event);
    const where = [identity.cluster, identity.service ?? identity.group, identity.taskId ?? identity.deploymentId]
      .filter((part) => part !== undefined)
      .join(' / ');
    writeLine(io.stdout, `${String(index + 1).padStart(2)}. ${sample.name}`);
    writeLine(io.stdout, `    ${event.kind} ${statusOf(event) ?? ''}  ${where}\n`);
  }
  return code;
}
