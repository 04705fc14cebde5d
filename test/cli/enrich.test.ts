/**
 * `ecs-slack render --enrich` and `send --enrich`, the built binary spawned as a user runs it,
 * finding the loopback AWS through the SDK's standard configuration (AWS_ENDPOINT_URL_ECS,
 * AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, credentials from the environment). When AWS says no or cannot
 * be reached, the alert is printed or sent all the same, with its one-line note, exit 0.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AwsJsonServer } from '../helpers/aws-json-server.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';
import { CRASH, CRASH_GROUP, CRASH_STREAM, HOSTILE_LOG, HOSTILE_SECRETS, startFakeAws } from '../aws/harness.js';

const CLI = join(FIXTURES, '..', '..', 'dist', 'cli.js');
const TASK = join(FIXTURES, 'events', 'task', `${CRASH}.json`);

let aws: AwsJsonServer | undefined;
let slack: ScriptedServer | undefined;
afterEach(async () => {
  await Promise.all([aws?.close(), slack?.close()]);
  aws = undefined;
  slack = undefined;
});

/** Runs the binary without blocking this process, which serves the loopback AWS. */
function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'AKIDENVLOOPBACK',
        AWS_SECRET_ACCESS_KEY: 'env-loopback-secret',
        AWS_SESSION_TOKEN: '',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const endpoints = (origin: string) => ({ AWS_ENDPOINT_URL_ECS: origin, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: origin });

describe('ecs-slack render --enrich', () => {
  it('prints the alert with the crashed container’s last lines, redacted, from the loopback AWS', async () => {
    aws = await startFakeAws({ streams: { [`${CRASH_GROUP} ${CRASH_STREAM}`]: HOSTILE_LOG } });
    const { code, stdout, stderr } = await run(['render', '--enrich', TASK], endpoints(aws.origin));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Last 8 log lines of `app`');
    expect(stdout).toContain('panic: runtime error: index out of range [3] with length 3');
    for (const secret of HOSTILE_SECRETS) expect(stdout).not.toContain(secret);
    expect(aws.calls.map((call) => call.operation)).toEqual(['DescribeTaskDefinition', 'GetLogEvents']);
  });

  it('AWS denying: the alert with the note naming the IAM action, exit 0', async () => {
    aws = await startFakeAws({
      overrides: { DescribeTaskDefinition: () => ({ error: 'AccessDeniedException', message: 'not you' }) },
    });
    const { code, stdout } = await run(['render', '--enrich', TASK], endpoints(aws.origin));
    expect(code).toBe(0);
    expect(stdout).toContain('logs unavailable: AccessDenied (ecs:DescribeTaskDefinition)');
    expect(stdout).toContain('app exited with code 2');
    expect(stdout).not.toContain('not you');
  });

  it('AWS unreachable: the alert with a network note, exit 0', async () => {
    const closed = await startScriptedServer([{ status: 200 }]);
    await closed.close();
    const { code, stdout } = await run(['render', '--enrich', TASK], endpoints(closed.origin));
    expect(code).toBe(0);
    expect(stdout).toContain('logs unavailable: network error');
    expect(stdout).toContain('app exited with code 2');
  });

  it('without --enrich, asks AWS nothing', async () => {
    aws = await startFakeAws();
    const { code, stdout } = await run(['render', TASK], endpoints(aws.origin));
    expect(code).toBe(0);
    expect(stdout).not.toContain('logs unavailable');
    expect(aws.calls).toHaveLength(0);
  });
});

describe('ecs-slack send --enrich', () => {
  it('posts the alert with its evidence', async () => {
    aws = await startFakeAws({ streams: { [`${CRASH_GROUP} ${CRASH_STREAM}`]: HOSTILE_LOG } });
    slack = await startScriptedServer([{ status: 200, body: 'ok' }]);
    const env = { ...endpoints(aws.origin), SLACK_WEBHOOK_URL: `${slack.origin}/services/T000/B000/XXXX` };
    const { code, stdout } = await run(['send', '--enrich', TASK], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim())).toMatchObject({ msg: 'sent', outcome: 'crashed' });
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.body).toContain('panic: runtime error: index out of range [3] with length 3');
  });
});
