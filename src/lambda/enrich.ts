/**
 * The handler's enricher: from the `enrich` option (true, enricher options, or your own
 * enricher), else from `ECS_SLACK_ENRICH=true` in the environment. Created once per cold start,
 * so the task definition cache lives as long as the Lambda instance.
 *
 * @module
 * @internal
 */
import { createEnricher, type EnricherOptions } from '../aws/enricher.js';
import { ConfigError } from '../errors.js';
import type { Enricher } from '../render/evidence.js';
import { ENVIRONMENT } from './config.js';

/**
 * What `enrich` may be: `true` for the defaults, options for `createEnricher`, or an enricher.
 *
 * @internal
 */
export type EnrichSetting = boolean | EnricherOptions | Enricher;

/**
 * The enricher the handler uses, or `undefined` for none. The option wins over the environment
 * (`enrich: false` turns enrichment off whatever `ECS_SLACK_ENRICH` says).
 *
 * @throws `ConfigError` for an `ECS_SLACK_ENRICH` other than true/false/1/0, or enricher options
 *   out of range.
 * @internal
 */
export function enricherFor(
  setting: EnrichSetting | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Enricher | undefined {
  const chosen = setting ?? fromEnvironment(env[ENVIRONMENT.enrich]);
  if (chosen === undefined || chosen === false) return undefined;
  if (typeof chosen === 'function') return chosen;
  return createEnricher(chosen === true ? {} : chosen);
}

function fromEnvironment(value: string | undefined): boolean | undefined {
  const word = value?.trim().toLowerCase();
  if (word === undefined || word === '') return undefined;
  if (word === 'true' || word === '1') return true;
  if (word === 'false' || word === '0') return false;
  throw new ConfigError(`${ENVIRONMENT.enrich} must be true or false`);
}
