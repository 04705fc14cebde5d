/**
 * The deployment settings `createHandler` reads from the environment when its options do not
 * give them: the noise filter's preset (`ECS_SLACK_PRESET`) and the DynamoDB state table
 * (`ECS_SLACK_TABLE`). The Slack destination's variables are read in `config.ts`.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import type { FilterPreset } from '../filter/filter-options.js';
import { FILTER_PRESETS } from '../filter/presets.js';

/** The noise filter's preset: `alerts`, `verbose` or `none`. */
export const PRESET_VARIABLE = 'ECS_SLACK_PRESET';
/** The DynamoDB state table's name (see docs/dynamodb.md). */
export const TABLE_VARIABLE = 'ECS_SLACK_TABLE';

type Environment = Readonly<Record<string, string | undefined>>;

/** A variable's value, or `undefined` when it is unset or blank. */
function variable(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The preset `ECS_SLACK_PRESET` names, or `undefined` when it is unset or blank.
 *
 * @throws `ConfigError` naming the variable, for a value that is not a preset.
 * @internal
 */
export function presetFromEnvironment(env: Environment): FilterPreset | undefined {
  const value = variable(env, PRESET_VARIABLE);
  if (value === undefined) return undefined;
  if (!Object.hasOwn(FILTER_PRESETS, value)) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    throw new ConfigError(
      `${PRESET_VARIABLE} must be ${Object.keys(FILTER_PRESETS).join(', ')}; it is ${JSON.stringify(shown)}`,
    );
  }
  return value as FilterPreset;
}

/**
 * The state table `ECS_SLACK_TABLE` names, or `undefined` when it is unset or blank.
 *
 * @internal
 */
export function tableFromEnvironment(env: Environment): string | undefined {
  return variable(env, TABLE_VARIABLE);
}
