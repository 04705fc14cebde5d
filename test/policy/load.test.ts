/**
 * Loading a policy (object, JSON text, ECS_SLACK_POLICY as JSON or an SSM parameter name) and
 * resolving a webhook destination's secret, with the real Secrets Manager client against a
 * loopback stand-in.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConfigError } from '../../src/index.js';
import {
  loadPolicy,
  parsePolicy,
  POLICY_VARIABLE,
  resolveDestinationSecret,
  type SecretReference,
  type SecretResolver,
} from '../../src/policy/index.js';
import { startAwsJsonServer, TEST_CREDENTIALS, type AwsJsonServer } from '../helpers/aws-json-server.js';

const POLICY = {
  destinations: {
    ops: { type: 'webhook', url: { env: 'OPS_WEBHOOK_URL' } },
    secret: { type: 'webhook', url: { secretsManager: 'prod/slack/ops' } },
    param: { type: 'webhook', url: { ssm: '/ecs-slack/webhook' } },
    deploys: { type: 'web-api', channel: 'C0DEPLOYS' },
  },
  default: { to: 'ops' },
};
const WEBHOOK = ['https://hooks.slack.com/services', 'T00000000', 'B00000000', 'sEcReTsEcReTsEcReT'].join('/');

/** A resolver answering SSM parameters from a map, recording what it was asked. */
function parameters(values: Record<string, string>): SecretResolver & { calls: SecretReference[] } {
  const calls: SecretReference[] = [];
  const resolve = async (reference: SecretReference) => {
    calls.push(reference);
    if (reference.source !== 'ssm') throw new Error('only SSM here');
    const value = values[reference.parameterName];
    if (value === undefined)
      throw Object.assign(new Error(`ParameterNotFound: ${reference.parameterName}`), { name: 'ParameterNotFound' });
    return value;
  };
  return Object.assign(resolve, { calls });
}

async function failure(promise: Promise<unknown>): Promise<Error & { retryable?: boolean }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isConfigError(error)).toBe(true);
  return error as Error;
}

describe('loadPolicy', () => {
  it('takes the policy given, as an object or JSON text, and never reads the environment then', async () => {
    const env = { [POLICY_VARIABLE]: 'not json, not a parameter!' };
    expect(await loadPolicy({ policy: POLICY, env })).toEqual(POLICY);
    expect(await loadPolicy({ policy: JSON.stringify(POLICY), env })).toEqual(POLICY);
  });

  it('is undefined when no policy is given or set', async () => {
    expect(await loadPolicy({ env: {} })).toBeUndefined();
    expect(await loadPolicy({ env: { [POLICY_VARIABLE]: '  ' } })).toBeUndefined();
  });

  it('reads ECS_SLACK_POLICY as JSON text, naming it in errors', async () => {
    expect(await loadPolicy({ env: { [POLICY_VARIABLE]: JSON.stringify(POLICY) } })).toEqual(POLICY);
    const bad = JSON.stringify({ ...POLICY, routes: [{ match: { service: 5 }, to: 'ops' }] });
    expect((await failure(loadPolicy({ env: { [POLICY_VARIABLE]: bad } }))).message).toBe(
      'ECS_SLACK_POLICY: routes[0].match.service: expected string or string[]',
    );
  });

  it('fetches ECS_SLACK_POLICY from the SSM parameter it names, through the resolver', async () => {
    const resolveSecret = parameters({ '/ecs-slack/policy': JSON.stringify(POLICY) });
    expect(await loadPolicy({ env: { [POLICY_VARIABLE]: '/ecs-slack/policy' }, resolveSecret })).toEqual(POLICY);
    expect(resolveSecret.calls).toEqual([{ source: 'ssm', parameterName: '/ecs-slack/policy' }]);
  });

  it.each([
    [
      'no resolver',
      {},
      'ECS_SLACK_POLICY: the SSM parameter "/ecs-slack/policy" needs a resolveSecret to fetch it',
      false,
    ],
    [
      'a parameter that cannot be fetched',
      { resolveSecret: parameters({}) },
      'ECS_SLACK_POLICY: could not fetch the SSM parameter "/ecs-slack/policy" (ParameterNotFound)',
      true,
    ],
    [
      'an empty parameter',
      { resolveSecret: parameters({ '/ecs-slack/policy': ' ' }) },
      'ECS_SLACK_POLICY: the SSM parameter "/ecs-slack/policy" is empty',
      false,
    ],
    [
      'an invalid policy in the parameter',
      { resolveSecret: parameters({ '/ecs-slack/policy': JSON.stringify({ ...POLICY, default: { to: 'pager' } }) }) },
      'ECS_SLACK_POLICY (SSM parameter "/ecs-slack/policy"): default.to: unknown destination "pager" (destinations: ops, secret, param, deploys)',
      false,
    ],
  ] as const)('%s: one ConfigError naming the parameter', async (_, options, message, retryable) => {
    const error = await failure(loadPolicy({ env: { [POLICY_VARIABLE]: '/ecs-slack/policy' }, ...options }));
    expect(error.message).toBe(message);
    expect(error.retryable).toBe(retryable);
  });

  it('refuses a value that is neither JSON nor a parameter name, without quoting it', async () => {
    const error = await failure(loadPolicy({ env: { [POLICY_VARIABLE]: WEBHOOK.replace('https://', 'https ') } }));
    expect(error.message).toBe('ECS_SLACK_POLICY: expected the policy as JSON text, or an SSM parameter name');
  });
});

describe('resolveDestinationSecret', () => {
  let server: AwsJsonServer;
  let client: SecretsManagerClient;
  const policy = parsePolicy(POLICY);
  const resolveSecret: SecretResolver = async (reference) => {
    if (reference.source !== 'secrets-manager') throw new Error('only Secrets Manager here');
    const out = await client.send(new GetSecretValueCommand({ SecretId: reference.secretId }));
    return out.SecretString ?? '';
  };

  beforeAll(async () => {
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
    server = await startAwsJsonServer({
      GetSecretValue: (input) =>
        input['SecretId'] === 'prod/slack/ops'
          ? { json: { Name: 'prod/slack/ops', SecretString: JSON.stringify({ url: WEBHOOK }) } }
          : { error: 'AccessDeniedException', message: `no access to ${String(input['SecretId'])}` },
    });
    client = new SecretsManagerClient({
      endpoint: server.origin,
      region: 'us-east-1',
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it('reads an environment variable', async () => {
    expect(await resolveDestinationSecret(policy, 'ops', { env: { OPS_WEBHOOK_URL: WEBHOOK } })).toBe(WEBHOOK);
  });

  it('fetches a Secrets Manager secret through the resolver, with the real SDK client', async () => {
    expect(JSON.parse(await resolveDestinationSecret(policy, 'secret', { resolveSecret }))).toEqual({ url: WEBHOOK });
    expect(server.calls.map((c) => c.input)).toEqual([{ SecretId: 'prod/slack/ops' }]);
  });

  it('names the destination and the secret when the fetch fails, never the value', async () => {
    const denied = parsePolicy({
      ...POLICY,
      destinations: { ...POLICY.destinations, secret: { type: 'webhook', url: { secretsManager: 'other' } } },
    });
    const error = await failure(resolveDestinationSecret(denied, 'secret', { resolveSecret }));
    expect(error.message).toBe(
      'destinations.secret.url: could not fetch the Secrets Manager secret "other" (AccessDeniedException)',
    );
    expect(error.retryable).toBe(true);
  });

  it.each([
    [
      'an unset variable',
      'ops',
      { env: {} },
      'destinations.ops.url: the environment variable OPS_WEBHOOK_URL is not set',
    ],
    [
      'an empty variable',
      'ops',
      { env: { OPS_WEBHOOK_URL: '' } },
      'destinations.ops.url: the environment variable OPS_WEBHOOK_URL is not set',
    ],
    [
      'no resolver for an SSM parameter',
      'param',
      { env: {} },
      'destinations.param.url: the SSM parameter "/ecs-slack/webhook" needs a resolveSecret to fetch it',
    ],
    ['an unknown destination', 'pager', {}, 'no destination "pager" in the policy'],
    ['a Web API destination', 'deploys', {}, 'destinations.deploys is a web-api destination, which keeps no secret'],
  ] as const)('%s: a ConfigError naming it', async (_, destination, options, message) => {
    expect((await failure(resolveDestinationSecret(policy, destination, options))).message).toBe(message);
  });
});
