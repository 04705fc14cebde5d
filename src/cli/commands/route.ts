/**
 * `ecs-slack route --policy FILE [EVENTS...]`: where each event would go, and why.
 *
 * @internal
 * @module
 */
import { classify } from '../../classify/index.js';
import { routeFor } from '../../policy/route.js';
import { applyPolicySeverity } from '../../policy/severity.js';
import { UsageError, eventFiles, parseOptions } from '../args.js';
import { forEachEvent, writeLine, type CliIo } from '../io.js';
import { readPolicyFile } from './policy.js';

/**
 * Prints one JSON line per event: file, record id, kind, outcome, severity (after the policy's
 * overrides), cause, cluster and service, and `destinations`, each with the route that chose it
 * and that route's mentions and filter. An invalid policy is one line and exit 2; invalid
 * events are reported as by `classify` (exit 1).
 *
 * @internal
 */
export async function routeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { policy: { type: 'string' } });
  if (typeof values.policy !== 'string') throw new UsageError('give the policy file: route --policy FILE [EVENTS...]');
  const policy = await readPolicyFile(values.policy);
  const files = eventFiles(positionals, 'route reads events from files or standard input');
  return forEachEvent(
    files,
    io,
    (event, record) => {
      const c = applyPolicySeverity(policy, event, classify(event));
      const { cluster, service } = c.identity;
      const line = {
        file: record.file,
        id: record.id,
        kind: c.kind,
        outcome: c.outcome,
        severity: c.severity,
        cause: c.cause,
        cluster,
        service,
      };
      writeLine(io.stdout, JSON.stringify({ ...line, destinations: routeFor(policy, c) }));
    },
    {
      onInvalid: (record) =>
        writeLine(io.stdout, JSON.stringify({ file: record.file, id: record.id, error: record.error?.message })),
    },
  );
}
