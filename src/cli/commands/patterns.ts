/**
 * `ecs-slack patterns`: the EventBridge event pattern for a preset, ready to paste.
 *
 * @internal
 * @module
 */
import type { NoiseFilterOptions } from '../../filter/filter-options.js';
import { eventPattern, eventPatterns } from '../../patterns/index.js';
import { nameProblem } from '../../filter/check-options.js';
import { EXIT_OK, UsageError, noArguments, parseOptions } from '../args.js';
import { presetOption } from '../filtering.js';
import { writeLine, type CliIo } from '../io.js';
import { formatJson } from '../json.js';

/** EventBridge's limit on one rule's event pattern, in characters. */
const MAX_PATTERN_LENGTH = 2048;

/**
 * The names given to `--cluster` or `--service`, or `undefined` for none. Checked here, so that
 * `--cluster ''` or a cluster ARN is a usage error naming the flag.
 */
function names(value: unknown, what: 'cluster' | 'service'): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const list = value.map(String);
  for (const name of list) {
    const problem = nameProblem(name, what);
    if (problem !== undefined) throw new UsageError(`--${what}: ${problem}`);
  }
  return list;
}

/**
 * Prints the event pattern that selects what the preset (`--preset`, default `alerts`) can
 * notify, as pretty JSON: one pattern for one rule, or with `--list` a JSON array of patterns
 * that never overlap, one rule each. `--cluster` and `--service` (repeatable, `*` globs) keep
 * only those clusters and services; `--compact` prints one line. Warns on stderr when a pattern
 * is longer than EventBridge accepts.
 *
 * @internal
 */
export async function patternsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    preset: { type: 'string' },
    cluster: { type: 'string', multiple: true },
    service: { type: 'string', multiple: true },
    list: { type: 'boolean' },
    compact: { type: 'boolean' },
  });
  noArguments(positionals, 'patterns reads no events');
  const clusters = names(values.cluster, 'cluster');
  const services = names(values.service, 'service');
  const options: NoiseFilterOptions = {
    preset: presetOption(values.preset) ?? 'alerts',
    ...(clusters === undefined ? {} : { clusters: { include: clusters } }),
    ...(services === undefined ? {} : { services: { include: services } }),
  };
  const format = (value: unknown): string => (values.compact === true ? JSON.stringify(value) : formatJson(value));
  const patterns = values.list === true ? eventPatterns(options) : [eventPattern(options)];
  writeLine(io.stdout, format(values.list === true ? patterns : patterns[0]));
  for (const [index, pattern] of patterns.entries()) {
    const length = format(pattern).length;
    if (length <= MAX_PATTERN_LENGTH) continue;
    const which = values.list === true ? `pattern ${index + 1}` : 'the pattern';
    const fits = JSON.stringify(pattern).length <= MAX_PATTERN_LENGTH;
    const hint = fits
      ? 'use --compact'
      : values.list === true
        ? 'name fewer clusters or services'
        : 'use --list (one rule per pattern) or name fewer clusters or services';
    writeLine(
      io.stderr,
      `ecs-slack patterns: warning: ${which} has ${length} characters and EventBridge accepts at most ${MAX_PATTERN_LENGTH}; ${hint}`,
    );
  }
  return EXIT_OK;
}
