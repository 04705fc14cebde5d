/**
 * The zod-free policy check (`checkPolicy`) against zod's `policySchema`: the same decision on
 * every policy, exactly zod's result when valid, and the same error line (path and words, `(and
 * N more)` included) when not, so the Lambda never loads zod.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicy, surePolicy } from '../../src/policy/fast-check.js';
import { firstIssue } from '../../src/policy/issues.js';
import { policySchema } from '../../src/policy/schema.js';
import { seededRandom } from '../helpers/random.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The JSON policies of docs/policy.md. */
function documentedPolicies(): unknown[] {
  const markdown = readFileSync(join(ROOT, 'docs/policy.md'), 'utf8');
  return [...markdown.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((block) => {
      try {
        return JSON.parse(block[1]!) as unknown;
      } catch {
        return undefined;
      }
    })
    .filter(
      (value): value is Record<string, unknown> => typeof value === 'object' && value !== null && 'default' in value,
    );
}

const FULL = {
  $schema: './policy.schema.json',
  severity: {
    outcomes: { crashed: 'error', 'steady-state': 'info' },
    eventNames: { SERVICE_TASK_PLACEMENT_FAILURE: 'warning' },
  },
  styles: { error: { emoji: ':rotating_light:', color: '#D00000', label: 'Down' }, warning: { emoji: ':warning:' } },
  destinations: {
    ops: { type: 'webhook', url: { secretsManager: 'prod/ecs-slack/ops' } },
    staging: { type: 'webhook', url: { env: 'STAGING_WEBHOOK_URL' } },
    params: { type: 'webhook', url: { ssm: '/ecs-slack/webhook' } },
    batch: { type: 'web-api', channel: 'C0BATCHJOBS' },
    'q.chat': { type: 'amazon-q', topicArn: 'arn:aws:sns:eu-west-1:123456789012:ecs-alerts' },
  },
  routes: [
    {
      name: 'prod-errors',
      match: { cluster: 'prod-*', severity: ['error', 'warning'], kind: 'task', outcome: 'crashed', cause: 'runtime' },
      to: ['ops', 'q.chat'],
      mentions: { error: [{ userGroup: 'S0ONCALL1' }, 'here', { user: 'U0ALICE' }] },
      continue: true,
    },
    {
      name: 'staging-quiet',
      match: { account: '111111111111', region: ['eu-west-1'], service: 'api' },
      to: 'staging',
      filter: {
        preset: 'verbose',
        minSeverity: 'error',
        recovery: false,
        foldWindowSeconds: 3600,
        notifyOutcomes: ['crashed'],
        suppressOutcomes: [],
        suppressTransitional: true,
        suppressRoutineStops: false,
        suppressInstanceChurn: true,
        steadyStates: 'changes',
      },
    },
    { match: {}, to: 'batch', filter: { foldWindowSeconds: false } },
  ],
  default: { to: 'ops', mentions: { warning: ['channel'] } },
  group: { groupBy: ['cluster', 'cause'], groupWaitSeconds: 30, groupIntervalSeconds: 300 },
};

/** Values to put anywhere: valid somewhere, invalid elsewhere. */
const VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  3600,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ops',
  'ops',
  'batch',
  'nowhere',
  'prod-*',
  'x'.repeat(65),
  'x'.repeat(257),
  'error',
  'warning',
  'info',
  'crashed',
  'crashd',
  'task',
  'runtime',
  'alerts',
  'changes',
  ':x:',
  '#ABCDEF',
  '#abcdeg',
  'S0ONCALL1',
  'U0ALICE',
  'here',
  'ENV_NAME',
  'arn:aws:sns:eu-west-1:123456789012:t',
  'https://hooks.slack.com/services/T0/B0/X',
  [],
  ['ops'],
  ['ops', 5],
  ['error'],
  [{ userGroup: 'S0ONCALL1' }],
  {},
  { to: 'ops' },
  { env: 'X' },
  { env: 'X', ssm: 'y' },
  { type: 'webhook', url: { env: 'X' } },
  { type: 'web-api', channel: 'C0' },
  { type: 'web-api', channel: 'C0', extra: 1 },
  { type: 'amazon-q', topicArn: 'nope' },
  { userGroup: 'nope' },
  { cluster: 'prod' },
  Object.create(null),
  JSON.parse('{"__proto__": {"type": "web-api", "channel": "C0"}}'),
];

type Json = Record<string, unknown> | unknown[];

/** Every path to a value inside `value`, with the container and key. */
function slots(value: unknown, out: Array<[Json, string | number]> = []): Array<[Json, string | number]> {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([value, i]), slots(item, out)));
  else if (typeof value === 'object' && value !== null)
    for (const key of Object.keys(value))
      out.push([value as Json, key]), slots((value as Record<string, unknown>)[key], out);
  return out;
}

/** `base` with a few random changes: a value replaced, a key removed, a key added. */
function mutated(base: unknown, random: () => number): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const changes = 1 + Math.floor(random() * 3);
  for (let n = 0; n < changes; n++) {
    const all = slots(copy);
    const [container, key] = all[Math.floor(random() * all.length)]!;
    const pick = VALUES[Math.floor(random() * VALUES.length)];
    const roll = random();
    if (roll < 0.6) (container as Record<string | number, unknown>)[key] = structuredClone(pick);
    else if (roll < 0.8 && !Array.isArray(container)) delete container[key as string];
    else if (!Array.isArray(container)) container[['name', 'to', 'extra', 'filter', 'match', 'error'][n % 6]!] = pick;
  }
  return copy;
}

/** Asserts the zod-free check decides `value` as zod does and words the same line; which way. */
function agreesWithZod(value: unknown): 'valid' | 'invalid' {
  const zod = policySchema().safeParse(value);
  const checked = checkPolicy(value);
  expect(checked.success, JSON.stringify(value)).toBe(zod.success);
  if (zod.success && checked.success) {
    expect(checked.data).toStrictEqual(zod.data);
    return 'valid';
  }
  if (!zod.success && !checked.success) {
    expect(firstIssue(checked.issues, value), JSON.stringify(value)).toEqual(
      firstIssue(zod.error.issues as never, value),
    );
  }
  return 'invalid';
}

describe('checkPolicy, the zod-free policy check', () => {
  it('accepts the documented policies and a policy using every field, and returns what zod returns', () => {
    const policies = [...documentedPolicies(), FULL];
    expect(policies.length).toBeGreaterThan(1);
    for (const policy of policies) expect(agreesWithZod(policy)).toBe('valid');
    expect(surePolicy(FULL)).toStrictEqual(policySchema().parse(FULL));
  });

  it('decides as zod and names the same problem: every field of a full policy set to each of the values', () => {
    const counts = { valid: 0, invalid: 0 };
    for (let at = 0; at < slots(FULL).length; at++) {
      for (const value of VALUES) {
        const copy = structuredClone(FULL);
        const [container, key] = slots(copy)[at]!;
        (container as Record<string | number, unknown>)[key] = structuredClone(value);
        counts[agreesWithZod(copy)]++;
      }
    }
    expect(counts.valid).toBeGreaterThan(100);
    expect(counts.invalid).toBeGreaterThan(1000);
  });

  it('decides as zod and names the same problem, over thousands of policies changed in several places', () => {
    const random = seededRandom(18);
    const counts = { valid: 0, invalid: 0 };
    for (let i = 0; i < 4000; i++) counts[agreesWithZod(mutated(FULL, random))]++;
    // Both ways taken: some changes keep the policy valid, most do not.
    expect(counts.valid).toBeGreaterThan(100);
    expect(counts.invalid).toBeGreaterThan(1000);
  });

  it('decides as zod on undefined fields, class instances, __proto__ keys and odd roots', () => {
    for (const value of [
      { ...FULL, styles: undefined },
      { ...FULL, default: new (class {})() },
      { ...FULL, default: Object.assign(new (class {})(), { to: 'ops' }) },
      { ...FULL, destinations: new (class {})() },
      JSON.parse('{"destinations":{"__proto__":{"type":"web-api","channel":"C0"}},"default":{"to":"__proto__"}}'),
      JSON.parse('{"__proto__":{},"destinations":{"a":{"type":"web-api","channel":"C0"}},"default":{"to":"a"}}'),
      { ...FULL, group: false },
      { ...FULL, group: { groupBy: false, groupWaitSeconds: 0 } },
      { ...FULL, group: { groupBy: ['cluster', 'nope'], groupIntervalSeconds: -1, extra: 1 } },
      { ...FULL, group: 'yes' },
      { ...FULL, routes: [{ to: Array.from({ length: 70 }, () => 5) }] },
      { ...FULL, routes: [{ to: 'ops', name: Array.from({ length: 70 }, () => 'x') }] },
      { ...FULL, severity: { eventNames: { lower_case: 'error', OK: 'nope' } } },
      { ...FULL, destinations: {} },
      null,
      [],
      'policy',
      {},
    ])
      agreesWithZod(value);
  });
});
