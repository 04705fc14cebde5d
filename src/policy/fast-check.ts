/**
 * The policy check without zod: a policy it is sure of (plain JSON objects, every rule of
 * `policySchema` met) comes back as zod would return it, without building the policy's zod
 * schema, which was most of a Lambda's cold start with a policy. Anything else, valid or not,
 * gets `undefined`, and zod decides and words the error. It never accepts what zod refuses
 * (`test/policy/fast-check.test.ts` compares the two).
 *
 * @internal
 * @module
 */
import { DESTINATION_NAME } from './destinations.js';
import type { Policy } from './schema.js';
import { CAUSES, KINDS, OUTCOMES, SEVERITIES } from './vocabulary.js';

/** Not sure: zod decides. */
const NO: unique symbol = Symbol('no');
type Checked = unknown | typeof NO;
type Check = (value: unknown) => Checked;

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(value).length === 0;
}

/** A strict object of optional fields, but for `required`; fields come out in the shape's order, as zod's do. */
function strict(shape: Readonly<Record<string, Check>>, required: readonly string[] = []): Check {
  const known = Object.keys(shape);
  return (value) => {
    if (!isPlain(value)) return NO;
    for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key) || value[key] === undefined) return NO;
    for (const key of required) if (!Object.hasOwn(value, key)) return NO;
    const out: Record<string, unknown> = {};
    for (const key of known) {
      if (!Object.hasOwn(value, key)) continue;
      const checked = shape[key]!(value[key]);
      if (checked === NO) return NO;
      out[key] = checked;
    }
    return out;
  };
}

function record(key: (name: string) => boolean, item: Check): Check {
  return (value) => {
    if (!isPlain(value)) return NO;
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      if (name === '__proto__' || !key(name)) return NO;
      const checked = item(value[name]);
      if (checked === NO) return NO;
      out[name] = checked;
    }
    return out;
  };
}

function array(item: Check, min = 0): Check {
  return (value) => {
    if (!Array.isArray(value) || value.length < min) return NO;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!Object.hasOwn(value, i)) return NO;
      const checked = item(value[i]);
      if (checked === NO) return NO;
      out.push(checked);
    }
    return out;
  };
}

const string =
  (test: (value: string) => boolean): Check =>
  (value) =>
    typeof value === 'string' && test(value) ? value : NO;
const text = (max: number): Check =>
  string((value) => value.length <= max && value.trim() !== '' && value.trim() === value);
const matching = (pattern: RegExp): Check => string((value) => pattern.test(value));
const among = (names: readonly string[]): Check => {
  const set: ReadonlySet<string> = new Set(names);
  return string((value) => set.has(value));
};
const boolean: Check = (value) => (typeof value === 'boolean' ? value : NO);

/** One value, or a list of at least one. */
function oneOrMany(item: Check): Check {
  const many = array(item, 1);
  return (value) => (Array.isArray(value) ? many(value) : item(value));
}

function oneOf(...checks: readonly Check[]): Check {
  return (value) => {
    for (const check of checks) {
      const checked = check(value);
      if (checked !== NO) return checked;
    }
    return NO;
  };
}

const literal =
  <T>(expected: T): Check =>
  (value) =>
    value === expected ? value : NO;

function perName(names: readonly string[], item: Check): Check {
  return strict(Object.fromEntries(names.map((name) => [name, item])));
}

const severity = among(SEVERITIES);
const outcome = among(OUTCOMES);

const secretSource = oneOf(
  strict({ env: matching(/^[A-Za-z_][A-Za-z0-9_]{0,255}$/) }, ['env']),
  strict({ secretsManager: text(2048) }, ['secretsManager']),
  strict({ ssm: matching(/^[A-Za-z0-9_.\-/:]{1,2048}$/) }, ['ssm']),
);

const destination = oneOf(
  strict({ type: literal('webhook'), url: secretSource }, ['type', 'url']),
  strict({ type: literal('web-api'), channel: text(80) }, ['type', 'channel']),
  strict(
    { type: literal('amazon-q'), topicArn: matching(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/) },
    ['type', 'topicArn'],
  ),
);

const glob = oneOrMany(text(256));
const match = strict({
  account: glob,
  region: glob,
  cluster: glob,
  service: glob,
  kind: oneOrMany(among(KINDS)),
  outcome: oneOrMany(outcome),
  severity: oneOrMany(severity),
  cause: oneOrMany(among(CAUSES)),
});

const mention = oneOf(
  literal('here'),
  literal('channel'),
  strict({ userGroup: matching(/^S[A-Z0-9]{2,}$/) }, ['userGroup']),
  strict({ user: matching(/^[UW][A-Z0-9]{2,}$/) }, ['user']),
);

const routeFilter = strict({
  preset: among(['alerts', 'verbose', 'none']),
  minSeverity: severity,
  notifyOutcomes: array(outcome),
  suppressOutcomes: array(outcome),
  suppressTransitional: boolean,
  suppressRoutineStops: boolean,
  suppressInstanceChurn: boolean,
  steadyStates: among(['recovery', 'changes', 'all']),
  foldWindowSeconds: (value) => (value === false || (Number.isFinite(value) && (value as number) > 0) ? value : NO),
  recovery: boolean,
});

const routeFields = {
  to: oneOrMany(text(64)),
  mentions: perName(SEVERITIES, array(mention)),
  filter: routeFilter,
};

const policy = strict(
  {
    $schema: string(() => true),
    severity: strict({
      outcomes: perName(OUTCOMES, severity),
      eventNames: record((name) => /^[A-Z][A-Z0-9_]*$/.test(name), severity),
    }),
    styles: perName(
      SEVERITIES,
      strict({
        emoji: matching(/^:[a-z0-9_+'-]+:$/),
        color: matching(/^#[0-9A-Fa-f]{6}$/),
        label: text(40),
      }),
    ),
    destinations: record(() => true, destination),
    routes: array(strict({ name: text(64), match, ...routeFields, continue: boolean }, ['to'])),
    default: strict(routeFields, ['to']),
  },
  ['destinations', 'default'],
);

/** The cross-field rules: destination names, references to them, unique route names. */
function consistent(p: Policy): boolean {
  const names = Object.keys(p.destinations);
  if (names.length === 0 || !names.every((name) => DESTINATION_NAME.test(name))) return false;
  const known = (to: string | readonly string[]) =>
    (typeof to === 'string' ? [to] : to).every((name) => Object.hasOwn(p.destinations, name));
  const routes = p.routes ?? [];
  if (!known(p.default.to) || !routes.every((route) => known(route.to))) return false;
  const named = routes.flatMap((route) => (route.name === undefined ? [] : [route.name]));
  return new Set(named).size === named.length;
}

/**
 * The policy, as zod's `safeParse` would return it, when this check is sure it is valid;
 * `undefined` when zod must decide (an invalid policy, or one it is not sure of).
 *
 * @internal
 */
export function surePolicy(value: unknown): Policy | undefined {
  const checked = policy(value);
  if (checked === NO) return undefined;
  return consistent(checked as Policy) ? (checked as Policy) : undefined;
}
