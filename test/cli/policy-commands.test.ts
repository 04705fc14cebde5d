/**
 * `ecs-slack policy`, `route` and `silence`, run as the built binary. The silence commands talk
 * to dynalite on 127.0.0.1 through the AWS SDK's standard configuration
 * (`AWS_ENDPOINT_URL_DYNAMODB`), so the child runs asynchronously while dynalite answers here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { policyJsonSchema } from '../../src/policy/index.js';
import { startDynaliteTable, type DynaliteTable } from '../helpers/dynalite.js';
import { runCli, jsonLines } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';

const DIR = mkdtempSync(join(tmpdir(), 'ecs-slack-policy-'));
const SEED = join(FIXTURES, 'events', 'service', 'service-task-start-impaired.json');
const DEPLOYMENT = join(FIXTURES, 'events', 'deployment', 'docs-deployment-failed.json');

function file(name: string, content: unknown): string {
  const path = join(DIR, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const POLICY = file('policy.json', {
  severity: { outcomes: { 'task-start-impaired': 'error' } },
  destinations: {
    ops: { type: 'webhook', url: { env: 'OPS_WEBHOOK_URL' } },
    deploys: { type: 'web-api', channel: 'C0DEPLOYS' },
  },
  routes: [
    {
      name: 'prod-errors',
      match: { severity: 'error', kind: 'service' },
      to: 'ops',
      mentions: { error: [{ userGroup: 'S0ONCALL' }] },
    },
  ],
  default: { to: 'deploys' },
});
const BROKEN = file('broken.json', {
  destinations: { ops: { type: 'web-api', channel: 'C1' } },
  routes: [{ to: 'ops' }, { to: 'ops' }, { match: { service: 5 }, to: 'ops' }],
  default: { to: 'ops' },
});

const run = runCli;
const lines = jsonLines;

describe('help', () => {
  it.each(['policy', 'route', 'silence'])(
    '%s --help prints its usage and exit 0; the overview lists it',
    async (command) => {
      const { code, stdout } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: ecs-slack ${command} \\[options\\] `));
      expect((await run(['--help'])).stdout).toMatch(new RegExp(`\\n  ${command} `));
    },
  );
});

describe('ecs-slack policy', () => {
  it('check: says ok and exits 0 for a valid policy', async () => {
    const { code, stdout, stderr } = await run(['policy', 'check', POLICY]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${JSON.stringify(POLICY)}: ok (2 destinations, 1 route and the default)\n`);
  });

  it('check: one line naming the path, exit 2, for an invalid policy', async () => {
    const { code, stdout, stderr } = await run(['policy', 'check', BROKEN]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      `ecs-slack policy: ${JSON.stringify(BROKEN)}: routes[2].match.service: expected string or string[]\n`,
    );
  });

  it.each([
    [
      'a file that is not there',
      ['policy', 'check', join(DIR, 'none.json')],
      /^ecs-slack policy: cannot read ".*none\.json" \(ENOENT\)\n$/,
    ],
    [
      'a file that is not JSON',
      ['policy', 'check', file('text.json', 'routes: []')],
      /^ecs-slack policy: ".*text\.json": policy: not JSON \(.+\)\n$/,
    ],
    ['no file', ['policy', 'check'], /^ecs-slack policy: give the policy file: policy check FILE\n$/],
    ['no action', ['policy'], /^ecs-slack policy: give check FILE or schema\n$/],
  ])('check: %s is exit 2', async (_, args, stderr) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(stderr);
  });

  it('schema: prints the JSON Schema', async () => {
    const { code, stdout } = await run(['policy', 'schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(policyJsonSchema());
  });
});

describe('ecs-slack route', () => {
  it('prints each event’s destinations and the route that chose them, one JSON line per event', async () => {
    const { code, stdout, stderr } = await run(['route', '--policy', POLICY, SEED, DEPLOYMENT]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(lines(stdout)).toEqual([
      {
        file: SEED,
        id: expect.any(String),
        kind: 'service',
        outcome: 'task-start-impaired',
        severity: 'error',
        cluster: 'catalogue-2023-03-09',
        service: 'image_inferrer',
        destinations: [
          { destination: 'ops', route: 'prod-errors', index: 0, mentions: { error: [{ userGroup: 'S0ONCALL' }] } },
        ],
      },
      {
        file: DEPLOYMENT,
        id: expect.any(String),
        kind: 'deployment',
        outcome: 'deployment-failed',
        severity: 'error',
        cluster: 'default',
        service: 'servicetest',
        destinations: [{ destination: 'deploys', route: 'default' }],
      },
    ]);
  });

  it('exits 2 with one line for an invalid policy or none', async () => {
    expect(await run(['route', '--policy', BROKEN, SEED])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/: routes\[2\]\.match\.service: expected string or string\[\]\n$/),
    });
    expect(await run(['route', SEED])).toMatchObject({
      code: 2,
      stderr: 'ecs-slack route: give the policy file: route --policy FILE [EVENTS...]\n',
    });
  });
});

describe('ecs-slack silence, on dynalite', () => {
  let table: DynaliteTable;
  let aws: Record<string, string>;
  beforeAll(async () => {
    table = await startDynaliteTable();
    aws = {
      AWS_ENDPOINT_URL_DYNAMODB: table.server.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE',
      AWS_SECRET_ACCESS_KEY: 'fake-secret-for-dynalite',
      AWS_MAX_ATTEMPTS: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  });
  afterAll(() => table.close());
  const silence = (...args: string[]) => run(['silence', ...args, '--table', table.tableName], aws);

  it('adds, lists and expires a silence', async () => {
    const before = Date.now();
    const added = await silence(
      'add',
      '--service',
      'checkout',
      '--cluster',
      'prod',
      '--cluster',
      'prod-eu',
      '--for',
      '2h',
      '--reason',
      'migration',
      '--author',
      'ana',
    );
    expect({ code: added.code, stderr: added.stderr }).toEqual({ code: 0, stderr: '' });
    const [created] = lines(added.stdout);
    expect(created).toMatchObject({
      match: { service: 'checkout', cluster: ['prod', 'prod-eu'] },
      author: 'ana',
      reason: 'migration',
      suppressed: 0,
    });
    expect(Date.parse(created!.endsAt) - Date.parse(created!.startsAt)).toBe(2 * 3_600_000);
    expect(Date.parse(created!.startsAt)).toBeGreaterThanOrEqual(before - 1000);

    const listed = await silence('list');
    expect(listed.code).toBe(0);
    expect(lines(listed.stdout)).toEqual([created]);

    const expired = await silence('expire', created!.id);
    expect(expired.code).toBe(0);
    expect(lines(expired.stdout)[0]).toMatchObject({ status: 'expired', silence: { id: created!.id } });
    expect((await silence('list')).stdout).toBe('');
    expect(lines((await silence('expire', created!.id)).stdout)[0]).toMatchObject({ status: 'already-ended' });
  });

  it.each([
    [
      'no end',
      ['add', '--service', 'checkout', '--reason', 'migration', '--author', 'ana'],
      'ecs-slack silence: give --for DURATION or --until TIME: a silence without an end is refused',
    ],
    [
      'an end in the past',
      ['add', '--service', 'checkout', '--until', '2020-01-01T00:00:00Z', '--reason', 'migration', '--author', 'ana'],
      'ecs-slack silence: endsAt 2020-01-01T00:00:00.000Z is in the past',
    ],
    [
      'a bad duration',
      ['add', '--service', 'checkout', '--for', '2 hours', '--reason', 'migration', '--author', 'ana'],
      'ecs-slack silence: --for: expected a duration such as 90m, 2h or 1d12h, not "2 hours"',
    ],
    [
      'nothing to match',
      ['add', '--for', '1h', '--reason', 'migration', '--author', 'ana'],
      'ecs-slack silence: match: expected at least one field: a silence of every event is refused',
    ],
    [
      'an unknown outcome',
      ['add', '--outcome', 'oom', '--for', '1h', '--reason', 'x', '--author', 'ana'],
      'ecs-slack silence: match.outcome: unknown outcome "oom"',
    ],
    [
      'no reason',
      ['add', '--service', 'checkout', '--for', '1h', '--author', 'ana'],
      'ecs-slack silence: give --reason TEXT: say why',
    ],
  ])('refuses %s with one line and exit 2, writing nothing', async (_, args, message) => {
    const stored = async () =>
      (await new DynamoDbStateStore({ client: table.client, tableName: table.tableName }).list('silence', Date.now()))
        .length;
    const before = await stored();
    const result = await silence(...args);
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `${message}\n`,
    });
    expect(await stored()).toBe(before);
  });

  it('needs a table, and says when an id is unknown (exit 1)', async () => {
    expect(await run(['silence', 'list'], aws)).toMatchObject({
      code: 2,
      stderr: 'ecs-slack silence: give the DynamoDB state table: --table NAME\n',
    });
    expect(await silence('expire', 'nope')).toMatchObject({
      code: 1,
      stderr: 'ecs-slack silence: no silence "nope" in the table\n',
    });
  });
});
