/**
 * `ecs-slack/policy`: the alert policy as data (severity and style overrides, named
 * destinations, ordered routes with mentions and filter overrides) and silences kept in the
 * state store. Validate with {@link parsePolicy} or `ecs-slack policy check`, try with
 * {@link routeFor} or `ecs-slack route`. See `docs/policy.md`.
 *
 * @example
 * ```ts
 * import { classify, parseEcsEvent } from 'ecs-slack';
 * import { applyPolicySeverity, loadPolicy, routeFor } from 'ecs-slack/policy';
 *
 * const policy = await loadPolicy({ policy: readFileSync('policy.json', 'utf8') });
 * const event = parseEcsEvent(input);
 * const choices = routeFor(policy!, applyPolicySeverity(policy!, event, classify(event)));
 * ```
 *
 * @module ecs-slack/policy
 */

export type {
  AmazonQDestination,
  EnvSecretSource,
  PolicyDestination,
  SecretSource,
  SecretsManagerSecretSource,
  SsmSecretSource,
  WebApiDestination,
  WebhookDestination,
} from './destinations.js';
export { GROUP_DEFAULTS, type GroupField, type GroupOptions } from './group.js';
export { policyJsonSchema } from './json-schema.js';
export {
  POLICY_VARIABLE,
  loadPolicy,
  parsePolicy,
  safeParsePolicy,
  type LoadPolicyOptions,
  type SafeParsePolicyResult,
} from './load.js';
export { matchesClassification, type OneOrMany, type PolicyMatch } from './match.js';
export { routeFor, type RouteChoice } from './route.js';
export {
  PolicySchema,
  type DefaultRoute,
  type Policy,
  type PolicyMentions,
  type PolicyRoute,
  type PolicyStyle,
  type RouteFilter,
  type SeverityOverrides,
} from './schema.js';
export {
  resolveDestinationSecret,
  type SecretOptions,
  type SecretReference,
  type SecretResolver,
  type SecretsManagerReference,
  type SsmParameterReference,
} from './secrets.js';
export { applyPolicySeverity, policySeverity } from './severity.js';
export type { NewSilence, Silence, SilenceThread } from './silence-schema.js';
export { silenceSummaryText, type SilenceSummary } from './silence-summary.js';
export {
  createSilences,
  type CountOptions,
  type ExpireResult,
  type Silences,
  type SilencesOptions,
} from './silences.js';
