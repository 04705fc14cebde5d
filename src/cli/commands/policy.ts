/**
 * `ecs-slack policy check FILE` and `ecs-slack policy schema`: validate a policy file, print the
 * JSON Schema of one.
 *
 * @internal
 * @module
 */
import { readFile } from 'node:fs/promises';
import { isConfigError } from '../../errors.js';
import { policyJsonSchema } from '../../policy/json-schema.js';
import { parsePolicy } from '../../policy/load.js';
import type { Policy } from '../../policy/schema.js';
import { EXIT_OK, UsageError, noArguments, parseOptions, shownArgument } from '../args.js';
import { writeLine, type CliIo } from '../io.js';
import { formatJson } from '../json.js';

/**
 * Reads and validates a policy file. Every problem, an unreadable file included, is a
 * {@link UsageError} (exit 2) of one line naming the file and the path inside it.
 *
 * @internal
 */
export async function readPolicyFile(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${shownArgument(file)} (${(error as NodeJS.ErrnoException).code ?? 'read error'})`,
    );
  }
  try {
    return parsePolicy(text);
  } catch (error) {
    if (isConfigError(error)) throw new UsageError(`${shownArgument(file)}: ${error.message}`);
    throw error;
  }
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * `policy check FILE`: `FILE: ok (...)` and exit 0, or the first problem on one line and exit 2.
 * `policy schema`: the JSON Schema of policy files.
 *
 * @internal
 */
export async function policyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseOptions(args, {});
  const [action, ...rest] = positionals;
  if (action === 'schema') {
    noArguments(rest, 'policy schema takes no arguments');
    writeLine(io.stdout, formatJson(policyJsonSchema()));
    return EXIT_OK;
  }
  if (action !== 'check')
    throw new UsageError(
      action === undefined
        ? 'give check FILE or schema'
        : `unknown action ${shownArgument(action)}; give check FILE or schema`,
    );
  const [file, ...extra] = rest;
  if (file === undefined) throw new UsageError('give the policy file: policy check FILE');
  noArguments(extra, 'policy check takes one file');
  const policy = await readPolicyFile(file);
  const destinations = count(Object.keys(policy.destinations).length, 'destination');
  writeLine(
    io.stdout,
    `${shownArgument(file)}: ok (${destinations}, ${count(policy.routes?.length ?? 0, 'route')} and the default)`,
  );
  return EXIT_OK;
}
