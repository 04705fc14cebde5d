/**
 * Checks of noise-filter options as `createNoiseFilter`, `eventPatterns` and `eventPattern` take
 * them, for callers without the
 * types (plain JavaScript, options read from JSON or YAML): a wrong shape is one clear error
 * naming the option, rather than a `TypeError` from deep inside or a pattern that silently
 * selects nothing.
 *
 * @internal
 * @module
 */
import { SEVERITIES } from '../classify/outcomes.js';
import { ConfigError } from '../errors.js';
import { parseArn } from '../internal/arn.js';

const STEADY_STATES: readonly string[] = ['recovery', 'changes', 'all'];
const KINDS: readonly string[] = ['task', 'service', 'deployment', 'container-instance', 'unknown'];
const BOOLEANS = ['suppressTransitional', 'suppressRoutineStops', 'suppressInstanceChurn', 'recovery'] as const;
const LISTS = ['notifyOutcomes', 'suppressOutcomes'] as const;

/**
 * Options renamed for what they do (they suppress when `true`), with their new names.
 *
 * @internal
 */
export const RENAMED_FILTER_OPTIONS: Readonly<Record<string, string>> = {
  transitional: 'suppressTransitional',
  routineStops: 'suppressRoutineStops',
  instanceChurn: 'suppressInstanceChurn',
};

/**
 * Throws for an option under its old name (`transitional`, `routineStops`, `instanceChurn`), which
 * would otherwise be ignored without a word.
 *
 * @param options - The options object as given.
 * @param caller - The public function's name, to start the message with.
 * @param root - The path of the options in the message.
 * @throws `ConfigError` naming the option and its replacement.
 * @internal
 */
export function refuseRenamedOptions(options: object, caller: string, root = 'options'): void {
  for (const [old, replacement] of Object.entries(RENAMED_FILTER_OPTIONS)) {
    if (Object.hasOwn(options, old))
      throw new ConfigError(
        `${caller}: ${root}.${old} was renamed ${replacement} (same meaning: true suppresses); use ${root}.${replacement}`,
      );
  }
}

/** A value as error messages name it: its type, never its content. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The name inside a cluster or service ARN: `prod` of `…:cluster/prod`, `api` of `…:service/prod/api`. */
function nameInArn(arn: string, what: 'cluster' | 'service'): string | undefined {
  const parsed = parseArn(arn);
  return parsed?.resourceType === what ? parsed.segments.at(-1) : undefined;
}

/**
 * What is wrong with a cluster or service name of an include or exclude list, or `undefined`.
 * An empty name matches nothing; an ARN matches nothing either, because the filter and the
 * patterns compare names (`prod`, not `arn:aws:ecs:…:cluster/prod`).
 *
 * @param name - The name as given.
 * @param what - Which list it is in.
 * @returns The problem and what to give instead, without the option's name.
 * @internal
 */
export function nameProblem(name: string, what: 'cluster' | 'service'): string | undefined {
  if (name.trim() === '') return `a ${what} name cannot be empty`;
  if (!name.startsWith('arn:')) return undefined;
  const inner = nameInArn(name, what);
  return inner === undefined ? `give the ${what} name, not an ARN` : `give the ${what} name ("${inner}"), not its ARN`;
}

function checkNames(list: unknown, path: string, what: 'cluster' | 'service', caller: string): void {
  if (list === undefined) return;
  if (!Array.isArray(list) || !list.every((name) => typeof name === 'string')) {
    throw new TypeError(`${caller}: ${path} must be an array of ${what} names, got ${describe(list)}`);
  }
  for (const name of list as string[]) {
    const problem = nameProblem(name, what);
    if (problem !== undefined) throw new RangeError(`${caller}: ${path}: ${problem}`);
  }
}

function checkNameFilter(filter: unknown, path: string, what: 'cluster' | 'service', caller: string): void {
  if (filter === undefined) return;
  if (!isPlainObject(filter))
    throw new TypeError(`${caller}: ${path} must be an object with include and exclude lists, got ${describe(filter)}`);
  checkNames(filter.include, `${path}.include`, what, caller);
  checkNames(filter.exclude, `${path}.exclude`, what, caller);
}

function checkOneOf(value: unknown, path: string, allowed: readonly string[], caller: string): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new RangeError(`${caller}: ${path} must be ${allowed.map((item) => `"${item}"`).join(', ')}`);
  }
}

function checkFields(o: Record<string, unknown>, caller: string, root: string): void {
  refuseRenamedOptions(o, caller, root);
  if (o.kinds !== undefined && (!Array.isArray(o.kinds) || !o.kinds.every((kind) => KINDS.includes(kind as string)))) {
    throw new TypeError(`${caller}: ${root}.kinds must be an array of ${KINDS.join(', ')}`);
  }
  for (const key of LISTS) {
    if (o[key] !== undefined && !Array.isArray(o[key]))
      throw new TypeError(`${caller}: ${root}.${key} must be an array of outcomes, got ${describe(o[key])}`);
  }
  for (const key of BOOLEANS) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean')
      throw new TypeError(`${caller}: ${root}.${key} must be a boolean, got ${describe(o[key])}`);
  }
  if (o.silenced !== undefined && typeof o.silenced !== 'function')
    throw new TypeError(`${caller}: ${root}.silenced must be a function, got ${describe(o.silenced)}`);
  checkOneOf(o.minSeverity, `${root}.minSeverity`, SEVERITIES, caller);
  checkOneOf(o.steadyStates, `${root}.steadyStates`, STEADY_STATES, caller);
  checkNameFilter(o.clusters, `${root}.clusters`, 'cluster', caller);
  checkNameFilter(o.services, `${root}.services`, 'service', caller);
}

/**
 * Throws for options of the wrong shape: anything but a preset name or an options object, or
 * an option of the wrong type or value among those the filter and the patterns read.
 *
 * @param options - What the caller was given.
 * @param caller - The public function's name, to start the message with.
 * @param root - The path of the options in the message: `options`, or `options.filter` when
 *   they are an option of something else.
 * @throws `TypeError` for a wrong type, `RangeError` for a wrong value (an unknown severity, an
 *   empty cluster name, a cluster ARN where its name belongs), `ConfigError` for an option under
 *   its old name.
 * @internal
 */
export function checkFilterOptions(options: unknown, caller: string, root = 'options'): void {
  if (options === undefined || typeof options === 'string') return;
  if (!isPlainObject(options))
    throw new TypeError(`${caller}: expected a preset name or filter options, got ${describe(options)}`);
  checkFields(options, caller, root);
}
