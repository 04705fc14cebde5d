/**
 * `ecs-slack classify`: one JSON line per event.
 *
 * @internal
 * @module
 */
import { identify } from '../../classify/identity.js';
import type { EcsEvent } from '../../events/index.js';
import { readEvents, writeLine, type CliIo } from '../io.js';
import { EXIT_INVALID_INPUT, EXIT_OK, parseOptions } from '../args.js';

/**
 * The state an event reports: a task's `lastStatus`, a service or deployment event name, an
 * instance status.
 *
 * @internal
 */
export function statusOf(event: EcsEvent): string | undefined {
  switch (event.kind) {
    case 'task':
      return event.detail.lastStatus;
    case 'service':
    case 'deployment':
      return event.detail.eventName;
    case 'container-instance':
      return event.detail.status;
    case 'unknown':
      return undefined;
  }
}

/**
 * Prints one JSON line per event on stdout, and each invalid record on stderr (exit 1).
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
    const event = record.data;
    writeLine(io.stdout, JSON.stringify({ ...where, kind: event.kind, status: statusOf(event), identity: identify(event) }));
  }
  return code;
}
