/**
 * `ecs-slack silence add | list | expire`: silences in the DynamoDB state table.
 *
 * @internal
 * @module
 */
import { isConfigError } from '../../errors.js';
import type { PolicyMatch } from '../../policy/match.js';
import type { NewSilence } from '../../policy/silence-schema.js';
import { createSilences, type Silences } from '../../policy/silences.js';
import { EXIT_INVALID_INPUT, EXIT_OK, UsageError, noArguments, parseOptions, shownArgument } from '../args.js';
import { warn, writeLine, type CliIo } from '../io.js';
import { tableStore } from '../state-table.js';

/** The matcher flags, each repeatable. */
const MATCH_FLAGS = ['service', 'cluster', 'account', 'region', 'kind', 'outcome', 'severity', 'cause'] as const;

const UNITS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/**
 * Milliseconds of a duration such as `90m`, `2h` or `1d12h`.
 *
 * @internal
 */
export function parseDuration(text: string): number {
  const parts = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  const total =
    parts === null
      ? 0
      : ['d', 'h', 'm', 's'].reduce((sum, unit, i) => sum + Number(parts[i + 1] ?? 0) * UNITS[unit]!, 0);
  if (!(total > 0))
    throw new UsageError(`--for: expected a duration such as 90m, 2h or 1d12h, not ${shownArgument(text)}`);
  return total;
}

function matchOf(values: Readonly<Record<string, unknown>>): PolicyMatch {
  const match: Record<string, string | string[]> = {};
  for (const flag of MATCH_FLAGS) {
    const given = values[flag];
    if (Array.isArray(given) && given.length > 0)
      match[flag] = given.length === 1 ? String(given[0]) : given.map(String);
  }
  return match as PolicyMatch;
}

/** When the silence ends: `--for` from its start, or `--until`; neither or both is refused. */
function endOf(values: Readonly<Record<string, unknown>>, start: number): string {
  const { for: duration, until } = values;
  if (typeof duration === 'string' && typeof until === 'string')
    throw new UsageError('give --for or --until, not both');
  if (typeof until === 'string') return until;
  if (typeof duration === 'string') return new Date(start + parseDuration(duration)).toISOString();
  throw new UsageError('give --for DURATION or --until TIME: a silence without an end is refused');
}

async function add(silences: Silences, values: Readonly<Record<string, unknown>>, io: CliIo): Promise<number> {
  const now = Date.now();
  const from = typeof values.from === 'string' ? values.from : undefined;
  const start = from === undefined ? now : Date.parse(from);
  const author = typeof values.author === 'string' ? values.author : (io.env.USER ?? io.env.LOGNAME);
  if (author === undefined) throw new UsageError('give --author NAME');
  if (typeof values.reason !== 'string') throw new UsageError('give --reason TEXT: say why');
  const input: NewSilence = {
    match: matchOf(values),
    author,
    reason: values.reason,
    ...(from === undefined ? {} : { startsAt: from }),
    endsAt: endOf(values, Number.isNaN(start) ? now : start),
  };
  try {
    writeLine(io.stdout, JSON.stringify(await silences.add(input, now)));
  } catch (error) {
    // A refused silence (no end, an end in the past, nothing matched) is a usage error.
    if (isConfigError(error) && !error.retryable) throw new UsageError(error.message.replace(/^silence: /, ''));
    throw error;
  }
  return EXIT_OK;
}

/**
 * `silence add` (matcher flags, `--for` or `--until`, `--reason`, `--author`), `silence list`
 * and `silence expire ID`, each with `--table`. Prints one JSON line per silence.
 *
 * @internal
 */
export async function silenceCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    table: { type: 'string' },
    ...Object.fromEntries(MATCH_FLAGS.map((flag) => [flag, { type: 'string', multiple: true }] as const)),
    for: { type: 'string' },
    until: { type: 'string' },
    from: { type: 'string' },
    reason: { type: 'string' },
    author: { type: 'string' },
  });
  const [action, ...rest] = positionals;
  if (action !== 'add' && action !== 'list' && action !== 'expire') {
    throw new UsageError(
      action === undefined
        ? 'give add, list or expire ID'
        : `unknown action ${shownArgument(action)}; give add, list or expire ID`,
    );
  }
  if (typeof values.table !== 'string' || values.table === '')
    throw new UsageError('give the DynamoDB state table: --table NAME');
  const silences = createSilences({ store: tableStore(values.table), refreshSeconds: 0 });
  if (action === 'add') {
    noArguments(rest, 'silence add takes flags only');
    return add(silences, values, io);
  }
  if (action === 'list') {
    noArguments(rest, 'silence list takes no arguments');
    for (const silence of await silences.list(Date.now())) writeLine(io.stdout, JSON.stringify(silence));
    return EXIT_OK;
  }
  const [id, ...extra] = rest;
  if (id === undefined) throw new UsageError('give the id: silence expire ID');
  noArguments(extra, 'silence expire takes one id');
  const result = await silences.expire(id, Date.now());
  if (result.status === 'not-found') {
    warn(io, `ecs-slack silence: no silence ${shownArgument(id)} in the table`);
    return EXIT_INVALID_INPUT;
  }
  writeLine(io.stdout, JSON.stringify(result));
  return EXIT_OK;
}
