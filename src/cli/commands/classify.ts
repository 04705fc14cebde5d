/**
 * `ecs-slack classify`: one JSON line per event.
 *
 * @internal
 * @module
 */
import { classify } from '../../classify/index.js';
import type { Decision } from '../../filter/decision.js';
import { OfflineFilter, presetFilter } from '../filtering.js';
import { forEachEvent, writeLine, type CliIo } from '../io.js';
import { eventFiles, parseOptions } from '../args.js';

function summarize(decision: Decision): { action: string; reason?: string; detail?: string } {
  switch (decision.action) {
    case 'suppress':
      return { action: 'suppress', reason: decision.reason, detail: decision.detail };
    case 'defer':
      return { action: 'defer', detail: decision.detail };
    case 'digest':
      return { action: 'digest', detail: `digest of ${decision.digest.count} repeats sent instead` };
    case 'notify':
      return decision.recovery ? { action: 'notify', reason: 'recovery' } : { action: 'notify' };
  }
}

/**
 * Prints one JSON line per event on stdout (the file, the record id and the classification, plus
 * the noise filter's decision with `--preset`), and each invalid record on stderr (exit 1).
 *
 * @internal
 */
export async function classifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { preset: { type: 'string' } });
  const filter = presetFilter(values.preset);
  const files = eventFiles(positionals, 'classify reads events from files or standard input');
  const offline = filter === undefined ? undefined : new OfflineFilter(filter);
  return forEachEvent(
    files,
    io,
    async (event, record) => {
      const c = classify(event);
      const decision = offline === undefined ? undefined : summarize(await offline.decide(event, c));
      writeLine(
        io.stdout,
        JSON.stringify({ file: record.file, id: record.id, ...c, ...(decision === undefined ? {} : { decision }) }),
      );
    },
    {
      onInvalid: (record) =>
        writeLine(io.stdout, JSON.stringify({ file: record.file, id: record.id, error: record.error?.message })),
    },
  );
}
