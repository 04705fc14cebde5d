import { describe, expect, it } from 'vitest';
import { isConfigError } from '../../src/index.js';
import { parsePolicy, PolicySchema, safeParsePolicy } from '../../src/policy/index.js';

const DESTINATIONS = {
  ops: { type: 'webhook', url: { env: 'OPS_WEBHOOK_URL' } },
  deploys: { type: 'web-api', channel: 'C0DEPLOYS' },
};
const valid = (extra: Record<string, unknown> = {}) => ({
  destinations: DESTINATIONS,
  default: { to: 'ops' },
  ...extra,
});
const routes = (...list: unknown[]) => valid({ routes: [{ to: 'ops' }, { to: 'deploys' }, ...list] });
const WEBHOOK = ['https://hooks.slack.com/services', 'T00000000', 'B00000000', 'XXXXXXXXXXXXXXXXXXXXXXXX'].join('/');

describe('parsePolicy: one line naming the path', () => {
  it.each([
    [
      'a service of the wrong type',
      routes({ match: { service: 5 }, to: 'ops' }),
      'routes[2].match.service: expected string or string[]',
    ],
    [
      'a wrong item in a list',
      routes({ match: { cluster: ['prod-*', 7] }, to: 'ops' }),
      'routes[2].match.cluster[1]: expected a cluster name or glob',
    ],
    [
      'an empty list',
      routes({ match: { cluster: [] }, to: 'ops' }),
      'routes[2].match.cluster: expected at least one value',
    ],
    [
      'an unknown outcome',
      routes({ match: { outcome: 'crashd' }, to: 'ops' }),
      'routes[2].match.outcome: unknown outcome "crashd"',
    ],
    [
      'an unknown outcome in a list',
      routes({ match: { outcome: ['crashed', 'oom'] }, to: 'ops' }),
      'routes[2].match.outcome[1]: unknown outcome "oom"',
    ],
    ['an unknown kind', routes({ match: { kind: 'tasks' }, to: 'ops' }), 'routes[2].match.kind: unknown kind "tasks"'],
    [
      'an unknown severity',
      routes({ match: { severity: 'critical' }, to: 'ops' }),
      'routes[2].match.severity: unknown severity "critical"',
    ],
    ['an unknown cause', routes({ match: { cause: 'dns' }, to: 'ops' }), 'routes[2].match.cause: unknown cause "dns"'],
    [
      'an unknown destination',
      routes({ to: 'opps' }),
      'routes[2].to: unknown destination "opps" (destinations: ops, deploys)',
    ],
    [
      'an unknown destination in a list',
      routes({ to: ['ops', 'pager'] }),
      'routes[2].to[1]: unknown destination "pager" (destinations: ops, deploys)',
    ],
    [
      'an unknown default destination',
      valid({ default: { to: 'nowhere' } }),
      'default.to: unknown destination "nowhere" (destinations: ops, deploys)',
    ],
    [
      'a route without destination',
      routes({ match: { kind: 'task' } }),
      'routes[2].to: expected string or string[], but it is missing',
    ],
    ['no default route', { destinations: DESTINATIONS }, 'default: expected object, but it is missing'],
    [
      'an unknown field (a typo of continue)',
      routes({ to: 'ops', contine: true }),
      'routes[2]: unknown field "contine"',
    ],
    [
      'grouping, not supported yet',
      routes({ to: 'ops', group: { by: ['service'] } }),
      'routes[2]: unknown field "group"',
    ],
    [
      'a duplicate route name',
      valid({
        routes: [
          { name: 'a', to: 'ops' },
          { name: 'a', to: 'ops' },
        ],
      }),
      'routes[1].name: "a" is also the name of routes[0]',
    ],
    [
      'a group handle as a mention',
      routes({ to: 'ops', mentions: { error: [{ userGroup: 'oncall' }] } }),
      'routes[2].mentions.error[0].userGroup: expected a user group id (S...), not its handle',
    ],
    [
      'a mention of an unknown severity',
      routes({ to: 'ops', mentions: { critical: ['here'] } }),
      'routes[2].mentions: unknown severity "critical"',
    ],
    [
      'a bad mention',
      routes({ to: 'ops', mentions: { error: ['everyone'] } }),
      'routes[2].mentions.error[0]: expected { "userGroup": "S..." }, { "user": "U..." }, "here" or "channel"',
    ],
    [
      'an unknown preset',
      routes({ to: 'ops', filter: { preset: 'loud' } }),
      'routes[2].filter.preset: unknown preset "loud"',
    ],
    [
      'a negative fold window',
      routes({ to: 'ops', filter: { foldWindowSeconds: -5 } }),
      'routes[2].filter.foldWindowSeconds: expected a positive number of seconds, or false',
    ],
    [
      'a filter option a route may not set',
      routes({ to: 'ops', filter: { leaseSeconds: 5 } }),
      'routes[2].filter: unknown field "leaseSeconds"',
    ],
    [
      'a filter option under its old name',
      routes({ to: 'ops', filter: { transitional: false } }),
      'routes[2].filter: "transitional" was renamed "suppressTransitional" (true suppresses)',
    ],
    [
      'an unknown destination type',
      valid({ destinations: { ops: { type: 'slack' } } }),
      'destinations.ops.type: expected "type": "webhook", "web-api" or "amazon-q"',
    ],
    [
      'two places for one secret',
      valid({ destinations: { ops: { type: 'webhook', url: { env: 'A', ssm: 'b' } } } }),
      'destinations.ops.url: expected { "env": NAME }, { "secretsManager": ID } or { "ssm": NAME }',
    ],
    [
      'a bad variable name',
      valid({ destinations: { ops: { type: 'webhook', url: { env: 'OPS URL' } } } }),
      'destinations.ops.url.env: expected an environment variable name',
    ],
    [
      'a topic that is not an ARN',
      valid({ destinations: { ops: { type: 'amazon-q', topicArn: 'alerts' } } }),
      'destinations.ops.topicArn: expected an SNS topic ARN',
    ],
    [
      'a destination name with a space',
      valid({ destinations: { ...DESTINATIONS, 'on call': { type: 'web-api', channel: 'C1' } } }),
      'destinations.on call: a destination name is letters, digits, "-", "_" and ".", at most 64',
    ],
    [
      'no destinations',
      { destinations: {}, default: { to: 'ops' } },
      'destinations: expected at least one destination (and 1 more)',
    ],
    [
      'an unknown outcome override',
      valid({ severity: { outcomes: { crashd: 'error' } } }),
      'severity.outcomes: unknown outcome "crashd"',
    ],
    [
      'an unknown severity override',
      valid({ severity: { outcomes: { crashed: 'fatal' } } }),
      'severity.outcomes.crashed: unknown severity "fatal"',
    ],
    [
      'an event name in lower case',
      valid({ severity: { eventNames: { service_task_start_impaired: 'error' } } }),
      'severity.eventNames.service_task_start_impaired: expected an ECS event name such as SERVICE_TASK_START_IMPAIRED',
    ],
    [
      'an emoji without colons',
      valid({ styles: { error: { emoji: 'rotating_light' } } }),
      'styles.error.emoji: expected an emoji shortcode such as :rotating_light:',
    ],
    [
      'a colour name',
      valid({ styles: { warning: { color: 'orange' } } }),
      'styles.warning.color: expected a colour #RRGGBB',
    ],
    [
      'a style of an unknown severity',
      valid({ styles: { fatal: { label: 'Fatal' } } }),
      'styles: unknown severity "fatal"',
    ],
    ['not an object', 5, 'policy: expected object, not number'],
    [
      'two problems',
      routes({ match: { kind: 'tasks' }, to: 'opps' }),
      'routes[2].match.kind: unknown kind "tasks" (and 1 more)',
    ],
  ])('%s', (_, input, message) => {
    const result = safeParsePolicy(input);
    expect(result.success).toBe(false);
    expect(result.error?.message).toBe(message);
    expect(isConfigError(result.error)).toBe(true);
    expect(() => parsePolicy(input)).toThrow(message);
  });

  it('refuses a webhook URL written in the policy, without quoting it', () => {
    const result = safeParsePolicy(valid({ destinations: { ops: { type: 'webhook', url: WEBHOOK } } }));
    expect(result.error?.message).toBe(
      'destinations.ops.url: expected { "env": NAME }, { "secretsManager": ID } or { "ssm": NAME }, not the URL itself (it is a secret)',
    );
    expect(JSON.stringify(result.error?.message)).not.toContain('hooks.slack.com');
  });

  it('reads JSON text, and says when it is not JSON', () => {
    expect(parsePolicy(JSON.stringify(valid())).default).toEqual({ to: 'ops' });
    expect(safeParsePolicy('{"default": ').error?.message).toMatch(/^policy: not JSON \(.+\)$/);
  });

  it('accepts every field, as typed', () => {
    const full = valid({
      $schema: './node_modules/ecs-slack/policy.schema.json',
      severity: {
        outcomes: { 'task-start-impaired': 'error' },
        eventNames: { SERVICE_TASK_PLACEMENT_FAILURE: 'warning' },
      },
      styles: { error: { emoji: ':rotating_light:', color: '#E01E5A', label: 'Error' } },
      destinations: {
        ...DESTINATIONS,
        secret: { type: 'webhook', url: { secretsManager: 'prod/slack/ops' } },
        param: { type: 'webhook', url: { ssm: '/ecs-slack/webhook' } },
        chat: { type: 'amazon-q', topicArn: 'arn:aws:sns:eu-west-1:111122223333:chat' },
      },
      routes: [
        {
          name: 'all',
          match: {
            account: '1111*',
            region: ['eu-*'],
            cluster: 'prod',
            service: ['a', 'b*'],
            kind: 'task',
            outcome: ['crashed'],
            severity: 'error',
            cause: 'image-pull',
          },
          to: ['ops', 'secret', 'param', 'chat'],
          mentions: {
            error: [{ userGroup: 'S0123ABCD' }, { user: 'U0123ABCD' }, { user: 'W0123ABCD' }, 'here', 'channel'],
          },
          filter: {
            preset: 'verbose',
            minSeverity: 'info',
            notifyOutcomes: ['completed'],
            suppressOutcomes: ['stopped'],
            suppressTransitional: false,
            suppressRoutineStops: false,
            suppressInstanceChurn: true,
            steadyStates: 'all',
            foldWindowSeconds: false,
            recovery: true,
          },
          continue: true,
        },
      ],
    });
    expect(parsePolicy(full)).toEqual(full);
    expect(PolicySchema.safeParse(full).success).toBe(true);
  });
});

describe('parsePolicy: what messages quote', () => {
  it('cuts a long unknown name at 60 characters', () => {
    const name = 'x'.repeat(500);
    const result = safeParsePolicy(valid({ routes: [{ match: { outcome: name }, to: 'ops' }] }));
    expect(result.error?.message).toBe(`routes[0].match.outcome: unknown outcome "${'x'.repeat(60)}…"`);
  });
});
