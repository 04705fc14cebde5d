/**
 * What `createPipeline` makes of its options: the policy (checked), the logger, the state, the
 * silences and the destinations (each with its sender, paced, its state and its filters), and how
 * the policy judges and routes an event.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import { createPacedSender } from '../deliver/pace.js';
import type { EcsEvent } from '../events/index.js';
import { evictionDetail } from '../filter/keys.js';
import { parsePolicy } from '../policy/load.js';
import { routeFor, type RouteChoice } from '../policy/route.js';
import type { Policy, RouteFilter } from '../policy/schema.js';
import { applyPolicySeverity } from '../policy/severity.js';
import { createSilences } from '../policy/silences.js';
import type { RenderOptions } from '../render/options.js';
import { MemoryStateStore, type StateEviction } from '../state/memory-store.js';
import { namespacedStore } from '../state/namespaced-store.js';
import type { StateStore } from '../state/store.js';
import { ConfigError } from '../errors.js';
import { type AlertSender, createDestination, type Destination, isAmazonQ } from './destination.js';
import { resolveGroupOptions } from './group/options.js';
import { jsonLineLogger, redacting, type PipelineLogger } from './log.js';
import type { PipelineOptions } from './types.js';
import { createSilencing, type Silencing } from './silencing.js';

/**
 * A pipeline's parts, as its options made them.
 *
 * @internal
 */
export interface PipelineContext {
  /** The policy, checked, when the options have one. */
  readonly policy: Policy | undefined;
  /** The logger, its free text redacted. */
  readonly log: PipelineLogger;
  readonly clock: () => number;
  readonly onInvalid: 'alert' | 'drop' | 'fail';
  /** The options themselves, for what is read at each call (`enrich`). */
  readonly options: PipelineOptions;
  readonly silencing: Silencing | undefined;
  /** By name (`undefined` for the one destination of a pipeline without a policy). */
  readonly destinations: ReadonlyMap<string | undefined, Destination>;
  /** The call under way: its deadline is the store's budget when the options give none. */
  readonly call: { deadline: number | undefined };
}

/**
 * Resolves a pipeline's options, checked already, into its parts.
 *
 * @param options - The pipeline's options.
 * @returns The pipeline's parts.
 * @throws `ConfigError` for an invalid policy, a policy destination without a sender, or invalid
 *   group options.
 * @internal
 */
export function createPipelineContext(options: PipelineOptions): PipelineContext {
  const policy = policyOf(options);
  const log = redacting(options.logger ?? jsonLineLogger);
  const logEviction = (eviction: StateEviction): void =>
    log({ level: 'warn', msg: 'evicted', reason: eviction.reason, detail: evictionDetail(eviction) });
  const shared = options.store ?? new MemoryStateStore({ onEvict: logEviction });
  const store = options.namespace === undefined ? shared : namespacedStore(shared, options.namespace);
  // The store's budget: the caller's, or else what the deadline of the call under way leaves.
  const call: { deadline: number | undefined } = { deadline: undefined };
  const remainingMs =
    options.remainingMs ??
    ((): number => (call.deadline === undefined ? Number.POSITIVE_INFINITY : call.deadline - Date.now()));
  const clock = options.clock ?? Date.now;
  const onInvalid = options.onInvalid ?? 'alert';
  const silences = options.silences === false ? undefined : (options.silences ?? createSilences({ store: shared }));
  const silencing: Silencing | undefined = silences === undefined ? undefined : createSilencing(silences, clock);
  const render: RenderOptions =
    policy?.styles === undefined
      ? (options.render ?? {})
      : { ...options.render, styles: { ...policy.styles, ...options.render?.styles } };
  // On by default: an outage reads as one incident, and no destination provokes Slack's 429.
  const group = resolveGroupOptions('createPipeline', options.group ?? {}, policy?.group);
  const pace = options.pace ?? {};
  // Amazon Q notifications go through SNS, not Slack's rate: never paced.
  const paced = (sender: AlertSender, own: StateStore): AlertSender =>
    pace === false || isAmazonQ(sender) ? sender : createPacedSender(sender, { ...pace, store: own, bucket: 'slack' });
  const common = {
    group,
    filter: options.filter,
    render,
    threads: options.threads,
    remainingMs,
    storeRetry: options.storeRetry,
    silenced: silencing?.check,
    silenceProbe: silencing?.holds,
    clock,
  };
  const destinations = new Map<string | undefined, Destination>();
  if (policy === undefined) {
    const sender = paced(options.sender as AlertSender, store);
    destinations.set(undefined, createDestination({ ...common, name: undefined, sender, store, routeFilters: [] }));
  } else {
    for (const name of Object.keys(policy.destinations)) {
      const own = namespacedStore(store, name);
      const sender = paced(options.destinations![name]!, own);
      const routeFilters = routeFiltersOf(policy, name);
      destinations.set(name, createDestination({ ...common, name, sender, store: own, routeFilters }));
    }
  }
  return { policy, log, clock, onInvalid, options, silencing, destinations, call };
}

/**
 * The classification the routes, filters and renderers see: the policy's severity on top.
 *
 * @param policy - The pipeline's policy, if any.
 * @param event - The event.
 * @param c - Its classification.
 * @returns The classification, judged by the policy.
 * @internal
 */
export function judged(policy: Policy | undefined, event: EcsEvent, c: Classification): Classification {
  return policy === undefined ? c : applyPolicySeverity(policy, event, c);
}

/**
 * Where an event goes: its routes' destinations, or the one destination.
 *
 * @param policy - The pipeline's policy, if any.
 * @param c - The event's classification, judged.
 * @returns One route choice per destination (`undefined` for the one destination without a policy).
 * @internal
 */
export function choicesFor(policy: Policy | undefined, c: Classification): ReadonlyArray<RouteChoice | undefined> {
  return policy === undefined ? [undefined] : routeFor(policy, c);
}

/** The policy, checked, when the options have one. */
function policyOf(options: PipelineOptions): Policy | undefined {
  if (options.policy === undefined) return undefined;
  let policy: Policy;
  try {
    policy = parsePolicy(options.policy);
  } catch (error) {
    throw new ConfigError(`createPipeline: options.policy: ${(error as Error).message}`, { cause: error });
  }
  const senders = options.destinations ?? {};
  for (const name of Object.keys(policy.destinations)) {
    if (!Object.hasOwn(senders, name))
      throw new ConfigError(
        `createPipeline: options.destinations.${name}: required, the sender of the policy's destination`,
      );
  }
  for (const name of Object.keys(senders)) {
    if (!Object.hasOwn(policy.destinations, name))
      throw new ConfigError(`createPipeline: options.destinations.${name}: the policy has no such destination`);
  }
  return policy;
}

/** The route filters of the routes (and default) that send to a destination. */
function routeFiltersOf(policy: Policy, name: string): Array<RouteFilter | undefined> {
  const routes = [...(policy.routes ?? []), policy.default];
  return routes.filter((route) => [route.to].flat().includes(name)).map((route) => route.filter);
}
