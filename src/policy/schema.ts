/**
 * The alert policy: severity and style overrides, named destinations, and the ordered routes
 * that send each event to them, as JSON-serialisable data validated with zod.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { Outcome, Severity } from '../classify/classification.js';
import type { NoiseFilterOptions } from '../filter/filter-options.js';
import { RENAMED_FILTER_OPTIONS } from '../filter/check-options.js';
import { GROUP_FIELDS, type GroupOptions } from './group.js';
import { once } from '../internal/once.js';
import type { Mention } from '../internal/mention.js';
import { DESTINATION_NAME, policyDestinationSchema, type PolicyDestination } from './destinations.js';
import type { OneOrMany, PolicyMatch } from './match.js';
import { policyMatchSchema } from './match-schema.js';
import { OUTCOMES, SEVERITIES } from './vocabulary.js';
import { nameOf, noted, oneOrMany, text } from './zod-helpers.js';

/**
 * Who a route mentions, per severity, as the render options take them:
 * `{ "error": [{ "userGroup": "S0123ABCD" }] }`. `here` and `channel` only when listed.
 */
export type PolicyMentions = Readonly<Partial<Record<Severity, readonly Mention[]>>>;

/**
 * The noise-filter options a route may set for its destination: the preset and the rules that
 * decide what is worth a message. Store, namespace and timing settings stay the handler's.
 */
export type RouteFilter = Pick<
  NoiseFilterOptions,
  | 'preset'
  | 'minSeverity'
  | 'notifyOutcomes'
  | 'suppressOutcomes'
  | 'suppressTransitional'
  | 'suppressRoutineStops'
  | 'suppressInstanceChurn'
  | 'steadyStates'
  | 'foldWindowSeconds'
  | 'recovery'
>;

/**
 * What the catch-all route does with an event no route matched.
 */
export interface DefaultRoute {
  /** The destination name, or several. */
  readonly to: OneOrMany<string>;
  /** Who to mention, per severity. */
  readonly mentions?: PolicyMentions;
  /** Noise-filter overrides for these destinations. */
  readonly filter?: RouteFilter;
}

/**
 * One route: events it matches go to its destinations. Routes are tried in order; the first
 * that matches ends the search unless it says `continue: true` (as in Alertmanager).
 */
export interface PolicyRoute extends DefaultRoute {
  /** A name for logs and `ecs-slack route`; default `routes[INDEX]`. Unique. */
  readonly name?: string;
  /** Which events; absent or `{}` matches every event. */
  readonly match?: PolicyMatch;
  /** Keep trying the routes after this one when it matches. Default `false`. */
  readonly continue?: boolean;
}

/**
 * Severity overrides: the classifier's severity replaced per ECS event name (service action and
 * deployment events) or per outcome; an event name wins over an outcome.
 */
export interface SeverityOverrides {
  /** Per outcome, for example `{ "task-start-impaired": "error" }`. */
  readonly outcomes?: Readonly<Partial<Record<Outcome, Severity>>>;
  /** Per `detail.eventName`, for example `{ "SERVICE_TASK_PLACEMENT_FAILURE": "warning" }`. */
  readonly eventNames?: Readonly<Record<string, Severity>>;
}

/**
 * How one severity looks; each field given replaces the default.
 */
export interface PolicyStyle {
  /** Emoji shortcode for the header, for example `:rotating_light:`. */
  readonly emoji?: string;
  /** Attachment colour bar, `#RRGGBB`. */
  readonly color?: string;
  /** Word for notifications, for example `Error`. */
  readonly label?: string;
}

/**
 * The alert policy.
 *
 * @example
 * ```ts
 * const policy: Policy = {
 *   destinations: { ops: { type: 'webhook', url: { env: 'OPS_WEBHOOK_URL' } } },
 *   routes: [
 *     { match: { cluster: 'prod-*', severity: 'error' }, to: 'ops', mentions: { error: [{ userGroup: 'S0123ABCD' }] } },
 *   ],
 *   default: { to: 'ops' },
 * };
 * ```
 */
export interface Policy {
  /** The JSON Schema's URL or path, for editors; ignored. */
  readonly $schema?: string;
  /** Severity overrides. */
  readonly severity?: SeverityOverrides;
  /** Looks per severity. */
  readonly styles?: Readonly<Partial<Record<Severity, PolicyStyle>>>;
  /** The named destinations routes send to. */
  readonly destinations: Readonly<Record<string, PolicyDestination>>;
  /** The routes, tried in order. Default none: everything takes the default route. */
  readonly routes?: readonly PolicyRoute[];
  /** Where events go that no route matched. */
  readonly default: DefaultRoute;
  /**
   * Grouping of alerts into incidents at every destination (`docs/storms.md`), on top of the
   * pipeline's `group` option; `false` or `{ "groupBy": false }` for one message per alert.
   */
  readonly group?: GroupOptions | false;
}

// Built once and shared by every field that takes one (zod schemas are immutable): building a
// zod schema is most of a policy check's cost at cold start.
const severityName: () => z.ZodMiniType<Severity> = /* @__PURE__ */ once(() => nameOf('severity', SEVERITIES));
const outcomeName: () => z.ZodMiniType<Outcome> = /* @__PURE__ */ once(() => nameOf('outcome', OUTCOMES));

/** An object with one optional field per name, whose other fields are `unknown WHAT "name"`. */
function perName<T>(
  what: string,
  keys: readonly string[],
  value: () => z.ZodMiniType<T>,
): z.ZodMiniType<Partial<Record<string, T>>> {
  const shape = Object.fromEntries(keys.map((key) => [key, z.optional(value())]));
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown ${what} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
        : undefined,
  }) as unknown as z.ZodMiniType<Partial<Record<string, T>>>;
}

const mentionSchema: () => z.ZodMiniType<Mention> = /* @__PURE__ */ once(() =>
  z.union(
    [
      z.literal('here'),
      z.literal('channel'),
      z.strictObject({
        userGroup: z.string().check(z.regex(/^S[A-Z0-9]{2,}$/, 'expected a user group id (S...), not its handle')),
      }),
      z.strictObject({
        user: z.string().check(z.regex(/^[UW][A-Z0-9]{2,}$/, 'expected a user id (U... or W...), not a name')),
      }),
    ],
    { error: 'expected { "userGroup": "S..." }, { "user": "U..." }, "here" or "channel"' },
  ),
);

/** `unknown field "x"`, or for a renamed option `"transitional" was renamed "suppressTransitional"`. */
function unknownFilterFields(keys: readonly string[]): string {
  const renamed = keys.find((key) => Object.hasOwn(RENAMED_FILTER_OPTIONS, key));
  if (renamed !== undefined)
    return `${JSON.stringify(renamed)} was renamed ${JSON.stringify(RENAMED_FILTER_OPTIONS[renamed])} (true suppresses)`;
  return `unknown field ${keys.map((key) => JSON.stringify(key)).join(', ')}`;
}

const routeFilterSchema: () => z.ZodMiniType<RouteFilter> = /* @__PURE__ */ once(() =>
  z.strictObject(
    {
      preset: z.optional(nameOf('preset', ['alerts', 'verbose', 'none'] as const)),
      minSeverity: z.optional(severityName()),
      notifyOutcomes: z.optional(z.array(outcomeName())),
      suppressOutcomes: z.optional(z.array(outcomeName())),
      suppressTransitional: z.optional(z.boolean()),
      suppressRoutineStops: z.optional(z.boolean()),
      suppressInstanceChurn: z.optional(z.boolean()),
      steadyStates: z.optional(nameOf('steady-state rule', ['recovery', 'changes', 'all'] as const)),
      foldWindowSeconds: z.optional(
        z.union([z.number().check(z.positive('expected a positive number of seconds, or false')), z.literal(false)], {
          error: 'expected a positive number of seconds, or false',
        }),
      ),
      recovery: z.optional(z.boolean()),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFilterFields(issue.keys) : undefined) },
  ),
);

const destinationRefs = (): z.ZodMiniType<OneOrMany<string>> =>
  noted(oneOrMany(text('a destination name', 64)), {
    description: 'Destination names from "destinations", one or a list',
  });

const routeFields = /* @__PURE__ */ once(() => ({
  to: destinationRefs(),
  mentions: z.optional(perName('severity', SEVERITIES, () => z.array(mentionSchema()))),
  filter: z.optional(routeFilterSchema()),
}));

const policyStyleSchema: () => z.ZodMiniType<PolicyStyle> = /* @__PURE__ */ once(() =>
  z.strictObject({
    emoji: z.optional(
      z.string().check(z.regex(/^:[a-z0-9_+'-]+:$/, 'expected an emoji shortcode such as :rotating_light:')),
    ),
    color: z.optional(z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/, 'expected a colour #RRGGBB'))),
    label: z.optional(text('a label', 40)),
  }),
);

const groupSeconds = () => z.optional(z.number().check(z.positive('expected a positive number of seconds')));

const groupSchema = (): z.ZodMiniType<GroupOptions | false> =>
  noted(
    z.union([
      z.literal(false),
      z.strictObject({
        groupBy: z.optional(z.union([z.literal(false), z.array(nameOf('group field', GROUP_FIELDS))])),
        groupWaitSeconds: groupSeconds(),
        groupIntervalSeconds: groupSeconds(),
      }),
    ]),
    { description: 'Alerts of one cluster and cause family within groupWaitSeconds form one incident' },
  ) as z.ZodMiniType<GroupOptions | false>;

/** The destination names `to` refers to, each with its path. */
function references(to: OneOrMany<string>, path: PropertyKey[]): Array<[string, PropertyKey[]]> {
  return typeof to === 'string' ? [[to, [...path, 'to']]] : to.map((name, i) => [name, [...path, 'to', i]]);
}

/** What zod cannot say per field: destination names, references to them, unique route names. */
function crossCheck(policy: Policy, ctx: z.core.$RefinementCtx<Policy>): void {
  const names = Object.keys(policy.destinations);
  for (const name of names) {
    if (!DESTINATION_NAME.test(name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['destinations', name],
        message: 'a destination name is letters, digits, "-", "_" and ".", at most 64',
      });
    }
  }
  const routes = policy.routes ?? [];
  const refs = [
    ...routes.flatMap((route, i) => references(route.to, ['routes', i])),
    ...references(policy.default.to, ['default']),
  ];
  for (const [name, path] of refs) {
    if (!Object.hasOwn(policy.destinations, name)) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `unknown destination ${JSON.stringify(name)} (destinations: ${names.join(', ')})`,
      });
    }
  }
  const seen = new Map<string, number>();
  routes.forEach((route, i) => {
    if (route.name === undefined) return;
    const first = seen.get(route.name);
    if (first !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['routes', i, 'name'],
        message: `${JSON.stringify(route.name)} is also the name of routes[${first}]`,
      });
    else seen.set(route.name, i);
  });
}

/**
 * Builds {@link PolicySchema} on first use.
 *
 * @internal
 */
export const policySchema: () => z.ZodMiniType<Policy> = /* @__PURE__ */ once(
  () =>
    noted(
      z
        .strictObject({
          $schema: z.optional(z.string()),
          severity: z.optional(
            z.strictObject({
              outcomes: z.optional(perName('outcome', OUTCOMES, severityName)),
              eventNames: z.optional(
                z.record(
                  z
                    .string()
                    .check(
                      z.regex(/^[A-Z][A-Z0-9_]*$/, 'expected an ECS event name such as SERVICE_TASK_START_IMPAIRED'),
                    ),
                  severityName(),
                ),
              ),
            }),
          ),
          styles: z.optional(perName('severity', SEVERITIES, policyStyleSchema)),
          destinations: z
            .record(z.string(), policyDestinationSchema())
            .check(z.refine((d) => Object.keys(d).length > 0, 'expected at least one destination')),
          routes: z.optional(
            z.array(
              z.strictObject({
                name: z.optional(text('a route name', 64)),
                match: z.optional(policyMatchSchema()),
                ...routeFields(),
                continue: z.optional(z.boolean()),
              }),
            ),
          ),
          default: z.strictObject(routeFields()),
          group: z.optional(groupSchema()),
        })
        .check(z.superRefine((policy, ctx) => crossCheck(policy as Policy, ctx as z.core.$RefinementCtx<Policy>))),
      {
        title: 'ecs-slack alert policy',
        description: 'Destinations, routes, severities and styles: see docs/policy.md',
      },
    ) as unknown as z.ZodMiniType<Policy>,
);

/**
 * The zod schema of a {@link Policy}. Prefer {@link parsePolicy}, whose errors are one line
 * naming the path.
 *
 * @example
 * ```ts
 * const ok = PolicySchema.safeParse(JSON.parse(json)).success;
 * ```
 */
export const PolicySchema: z.ZodMiniType<Policy> = /* @__PURE__ */ policySchema();
