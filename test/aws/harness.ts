/**
 * A fake AWS for the enrichment tests: the loopback JSON 1.1 server answering
 * DescribeTaskDefinition from the synthetic task definitions, GetLogEvents from streams the test
 * gives, and ListTasks / DescribeTasks from stopped task fixtures; plus real SDK clients on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { classify, parseEcsEvent, type Classification, type EcsEvent } from '../../src/index.js';
import {
  startAwsJsonServer,
  TEST_CREDENTIALS,
  type AwsHandlers,
  type AwsJsonServer,
  type AwsReply,
} from '../helpers/aws-json-server.js';
import { apiTask, asEpochSeconds } from '../helpers/ecs-api.js';
import { FIXTURES, loadFixture } from '../helpers/fixtures.js';

/** The synthetic DescribeTaskDefinition outputs, by ARN. */
export const TASK_DEFINITIONS = JSON.parse(
  readFileSync(join(FIXTURES, 'aws', 'synthetic-task-definitions.json'), 'utf8'),
) as Record<string, unknown>;

/** The crash fixture: `app` exited 2 next to an `envoy` sidecar, task definition example-api-v1:20. */
export const CRASH: string = 'task-stopped-essential-container-exited-fargate-sidecar';
export const CRASH_TASK_ID: string = 'a6eaf0150a4248dAA1bcbd688121014e';
export const CRASH_GROUP: string = '/ecs/example-api';
export const CRASH_STREAM: string = `ecs/app/${CRASH_TASK_ID}`;
export const CRASH_STOPPED_AT: number = Date.parse('2020-03-16T15:37:04.979Z');

/** Log lines a crashing app wrote: colours, secrets, and mrkdwn that must stay text. */
export const HOSTILE_LOG: readonly string[] = [
  '\u001b[32mINFO\u001b[0m server listening on :8080',
  '\u001b[31mERROR\u001b[0m connecting to postgres://app:pg-hunter2-pass@db.internal:5432/orders',
  'env AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'posting with xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx',
  'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEyMzQ1In0.c2lnbmF0dXJlLXZhbHVl',
  'retrying with password=Sup3r-S3cret! token: tok_live_abcdef123456',
  '<!channel> *boom* ``` <https://evil.example.com|click here> <!date^1392734382^{date}|x> ```',
  'panic: runtime error: index out of range [3] with length 3',
];
/** The secrets in {@link HOSTILE_LOG}: none may appear in evidence or in a message. */
export const HOSTILE_SECRETS: readonly string[] = [
  'pg-hunter2-pass',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx',
  'eyJhbGciOiJIUzI1NiJ9',
  'Sup3r-S3cret!',
  'tok_live_abcdef123456',
];

/** A parsed fixture event and its classification, after `change` edits the raw event. */
export function eventOf(
  kind: 'task' | 'service' | 'deployment',
  name: string,
  change?: (raw: any) => void,
): { event: EcsEvent; c: Classification } {
  const raw = loadFixture(kind, name);
  change?.(raw);
  const event = parseEcsEvent(raw);
  return { event, c: classify(event) };
}

/** The crash, with another task id (same revision) when `taskId` is given. */
export function crash(taskId?: string): { event: EcsEvent; c: Classification } {
  return eventOf('task', CRASH, (raw) => {
    if (taskId === undefined) return;
    const text = JSON.stringify(raw).replaceAll(CRASH_TASK_ID, taskId);
    Object.assign(raw, JSON.parse(text));
  });
}

/** Overrides of the fake's answers, per operation. */
export type Overrides = Partial<
  Record<'DescribeTaskDefinition' | 'GetLogEvents' | 'ListTasks' | 'DescribeTasks', () => AwsReply>
>;

/** Options of {@link startFakeAws}. */
export interface FakeAwsOptions {
  /** Log events by `group stream`; each string is one event's message. */
  readonly streams?: Readonly<Record<string, readonly string[]>>;
  /** Stopped tasks of every service, as task fixture names (ListTasks lists them all). */
  readonly stoppedTasks?: readonly Record<string, unknown>[];
  readonly overrides?: Overrides;
}

/** Starts the fake. */
export function startFakeAws(options: FakeAwsOptions = {}): Promise<AwsJsonServer> {
  // The SDK warns once about Node 20's end of support; not what these tests are about.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const tasks = options.stoppedTasks ?? [];
  const arnOf = (event: Record<string, unknown>) => (event.detail as { taskArn: string }).taskArn;
  const handlers: AwsHandlers = {
    DescribeTaskDefinition: (input) => {
      const found = TASK_DEFINITIONS[String(input.taskDefinition)];
      return found === undefined
        ? { error: 'ClientException', message: 'Unable to describe task definition.' }
        : { json: found };
    },
    GetLogEvents: (input) => {
      const messages = options.streams?.[`${input.logGroupName} ${input.logStreamName}`];
      if (messages === undefined)
        return { error: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' };
      const limit = typeof input.limit === 'number' ? input.limit : 10_000;
      const events = messages.map((message, i) => ({
        timestamp: CRASH_STOPPED_AT - (messages.length - i) * 100,
        message,
        ingestionTime: CRASH_STOPPED_AT,
      }));
      return {
        json: {
          events: events.slice(Math.max(0, events.length - limit)),
          nextForwardToken: 'f/1',
          nextBackwardToken: 'b/1',
        },
      };
    },
    ListTasks: () => ({ json: { taskArns: tasks.map(arnOf) } }),
    DescribeTasks: (input) => {
      const wanted = new Set(input.tasks as string[]);
      return {
        json: { tasks: tasks.filter((t) => wanted.has(arnOf(t))).map((t) => apiTask(t, asEpochSeconds)), failures: [] },
      };
    },
  };
  const withOverrides: AwsHandlers = Object.fromEntries(
    Object.entries(handlers).map(([op, handler]) => {
      const override = options.overrides?.[op as keyof Overrides];
      return [op, override === undefined ? handler : () => override()];
    }),
  );
  return startAwsJsonServer(withOverrides);
}

/** Real SDK clients on the fake: static credentials, the fake's endpoint, two attempts. */
export function clientsFor(
  server: AwsJsonServer,
  region = 'eu-central-1',
): { ecs: ECSClient; logs: CloudWatchLogsClient } {
  const config = { region, endpoint: server.origin, credentials: TEST_CREDENTIALS, maxAttempts: 2 };
  return { ecs: new ECSClient(config), logs: new CloudWatchLogsClient(config) };
}
