/**
 * The policy check without zod: `policySchema` (`schema.ts`) written again with the small
 * validator of `check-kit.ts`, which behaves as zod does, so every policy is decided here and
 * its error worded the same way (`routes[0].match.service: expected string or string[]`)
 * without loading zod, which was most of a Lambda's cold start with a policy and a third of its
 * bundle. `test/policy/fast-check.test.ts` compares the two on thousands of policies, valid and
 * not.
 *
 * @internal
 * @module
 */
import { RENAMED_FILTER_OPTIONS } from '../filter/check-options.js';
import { discriminated, matching, nameOf, oneOrMany, text } from './check-helpers.js';
import {
  array,
  boolean,
  type Check,
  type CheckIssue,
  type ErrorOption,
  literal,
  number,
  object,
  record,
  string,
  union,
  type Verdict,
  verdict,
} from './check-kit.js';
import { GROUP_FIELDS } from './group.js';
import type { Policy } from './schema.js';
import { CAUSES, DESTINATION_NAME, KINDS, OUTCOMES, SEVERITIES } from './vocabulary.js';

/** Every field optional, unknown ones refused. */
const strict = (shape: Readonly<Record<string, Check>>, required: readonly string[] = [], error?: ErrorOption): Check =>
  object(shape, { optional: Object.keys(shape).filter((key) => !required.includes(key)), unknown: 'strict', error });

const glob = (what: string): Check => oneOrMany(text(`a ${what} name or glob`, 256));

/**
 * `policyMatchSchema` (`match-schema.ts`) without zod.
 *
 * @internal
 */
export const policyMatch: Check = strict({
  account: glob('account'),
  region: glob('Region'),
  cluster: glob('cluster'),
  service: glob('service'),
  kind: oneOrMany(nameOf('kind', KINDS)),
  outcome: oneOrMany(nameOf('outcome', OUTCOMES)),
  severity: oneOrMany(nameOf('severity', SEVERITIES)),
  cause: oneOrMany(nameOf('cause', CAUSES)),
});

const severityName = nameOf('severity', SEVERITIES);
const outcomeName = nameOf('outcome', OUTCOMES);

/** A strict object with one optional field per name, its unknown keys named as `what`. */
const perName = (what: string, keys: readonly string[], item: Check): Check =>
  strict(Object.fromEntries(keys.map((key) => [key, item])), [], (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown ${what} ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join(', ')}`
      : undefined,
  );

const WHERE = 'expected { "env": NAME }, { "secretsManager": ID } or { "ssm": NAME }';

const secretSource = union(
  [
    strict({ env: matching(/^[A-Za-z_][A-Za-z0-9_]{0,255}$/, 'expected an environment variable name') }, ['env']),
    strict({ secretsManager: text('a Secrets Manager secret id or ARN', 2048) }, ['secretsManager']),
    strict({ ssm: matching(/^[A-Za-z0-9_.\-/:]{1,2048}$/, 'expected an SSM parameter name or ARN') }, ['ssm']),
  ],
  (issue) => (typeof issue.input === 'string' ? `${WHERE}, not the URL itself (it is a secret)` : WHERE),
);

const ALL = ['type', 'url', 'channel', 'topicArn'];
const destination = discriminated(
  'type',
  {
    webhook: strict({ type: literal('webhook'), url: secretSource }, ALL),
    'web-api': strict({ type: literal('web-api'), channel: text('a channel id or name', 80) }, ALL),
    'amazon-q': strict(
      {
        type: literal('amazon-q'),
        topicArn: matching(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/, 'expected an SNS topic ARN'),
      },
      ALL,
    ),
  },
  'expected "type": "webhook", "web-api" or "amazon-q"',
);

const mention = union(
  [
    literal('here'),
    literal('channel'),
    strict({ userGroup: matching(/^S[A-Z0-9]{2,}$/, 'expected a user group id (S...), not its handle') }, [
      'userGroup',
    ]),
    strict({ user: matching(/^[UW][A-Z0-9]{2,}$/, 'expected a user id (U... or W...), not a name') }, ['user']),
  ],
  'expected { "userGroup": "S..." }, { "user": "U..." }, "here" or "channel"',
);

function unknownFilterFields(keys: readonly string[]): string {
  const renamed = keys.find((key) => Object.hasOwn(RENAMED_FILTER_OPTIONS, key));
  if (renamed !== undefined)
    return `${JSON.stringify(renamed)} was renamed ${JSON.stringify(RENAMED_FILTER_OPTIONS[renamed])} (true suppresses)`;
  return `unknown field ${keys.map((key) => JSON.stringify(key)).join(', ')}`;
}

const SECONDS = 'expected a positive number of seconds';
const positive = (message: string) => ({ test: (value: number) => value > 0, message, code: 'too_small' });

const routeFilter = strict(
  {
    preset: nameOf('preset', ['alerts', 'verbose', 'none']),
    minSeverity: severityName,
    notifyOutcomes: array(outcomeName),
    suppressOutcomes: array(outcomeName),
    suppressTransitional: boolean,
    suppressRoutineStops: boolean,
    suppressInstanceChurn: boolean,
    steadyStates: nameOf('steady-state rule', ['recovery', 'changes', 'all']),
    foldWindowSeconds: union([number(positive(`${SECONDS}, or false`)), literal(false)], `${SECONDS}, or false`),
    recovery: boolean,
  },
  [],
  (issue) => (issue.code === 'unrecognized_keys' ? unknownFilterFields(issue.keys ?? []) : undefined),
);

const routeFields = {
  to: oneOrMany(text('a destination name', 64)),
  mentions: perName('severity', SEVERITIES, array(mention)),
  filter: routeFilter,
};

const style = strict({
  emoji: matching(/^:[a-z0-9_+'-]+:$/, 'expected an emoji shortcode such as :rotating_light:'),
  color: matching(/^#[0-9A-Fa-f]{6}$/, 'expected a colour #RRGGBB'),
  label: text('a label', 40),
});

const groupSeconds = number(positive(SECONDS));
const group = union([
  literal(false),
  strict({
    groupBy: union([literal(false), array(nameOf('group field', GROUP_FIELDS))]),
    groupWaitSeconds: groupSeconds,
    groupIntervalSeconds: groupSeconds,
  }),
]);

type To = string | readonly string[];

function references(to: To, path: PropertyKey[]): Array<[string, PropertyKey[]]> {
  return typeof to === 'string' ? [[to, [...path, 'to']]] : to.map((name, i) => [name, [...path, 'to', i]]);
}

/** The cross-field rules (`schema.ts`' `crossCheck`): destination names, references, unique route names. */
function crossCheck(policy: Policy): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const add = (path: PropertyKey[], message: string) => issues.push({ code: 'custom', path, message, continue: true });
  const names = Object.keys(policy.destinations);
  for (const name of names)
    if (!DESTINATION_NAME.test(name))
      add(['destinations', name], 'a destination name is letters, digits, "-", "_" and ".", at most 64');
  const routes = policy.routes ?? [];
  const refs = [
    ...routes.flatMap((route, i) => references(route.to, ['routes', i])),
    ...references(policy.default.to, ['default']),
  ];
  for (const [name, path] of refs)
    if (!Object.hasOwn(policy.destinations, name))
      add(path, `unknown destination ${JSON.stringify(name)} (destinations: ${names.join(', ')})`);
  const seen = new Map<string, number>();
  routes.forEach((route, i) => {
    if (route.name === undefined) return;
    const first = seen.get(route.name);
    if (first !== undefined)
      add(['routes', i, 'name'], `${JSON.stringify(route.name)} is also the name of routes[${first}]`);
    else seen.set(route.name, i);
  });
  return issues;
}

const policy = object(
  {
    $schema: string(),
    severity: strict({
      outcomes: perName('outcome', OUTCOMES, severityName),
      eventNames: record(
        severityName,
        matching(/^[A-Z][A-Z0-9_]*$/, 'expected an ECS event name such as SERVICE_TASK_START_IMPAIRED'),
      ),
    }),
    styles: perName('severity', SEVERITIES, style),
    destinations: record(destination, undefined, [
      {
        test: (value: object) => Object.keys(value).length > 0,
        message: 'expected at least one destination',
      },
    ]),
    routes: array(
      strict({ name: text('a route name', 64), match: policyMatch, ...routeFields, continue: boolean }, ['to']),
    ),
    default: strict(routeFields, ['to']),
    group,
  },
  {
    optional: ['$schema', 'severity', 'styles', 'routes', 'group'],
    unknown: 'strict',
    across: crossCheck,
  },
);

/**
 * Checks a policy as `policySchema().safeParse` does: the policy as zod returns it, or zod's
 * issues, in order.
 *
 * @internal
 */
export const checkPolicy = (value: unknown): Verdict<Policy> => verdict(policy, value);

/**
 * The policy when it is valid, `undefined` otherwise.
 *
 * @internal
 */
export function surePolicy(value: unknown): Policy | undefined {
  const result = checkPolicy(value);
  return result.success ? result.data : undefined;
}
