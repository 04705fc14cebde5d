/**
 * Log locations from container log configurations: awslogs and FireLens with the CloudWatch
 * outputs (prefixes, names, templates), and a note for everything else; which container is shown.
 */
import { describe, expect, it } from 'vitest';
import { logLocationOf, pickContainer, type TaskContext } from '../../src/aws/log-location.js';
import { containerLogConfigs, type ContainerLogConfig } from '../../src/aws/task-definitions.js';

const task: TaskContext = {
  taskId: 'abc123',
  taskArn: 'arn:aws:ecs:eu-west-1:111111111111:task/prod/abc123',
  cluster: 'prod',
  taskDefinition: 'web:4',
  region: 'eu-west-1',
};
const container = (logDriver: string | undefined, options: Record<string, string> = {}): ContainerLogConfig =>
  containerLogConfigs([
    {
      name: 'web',
      essential: true,
      ...(logDriver === undefined ? {} : { logConfiguration: { logDriver: logDriver as never, options } }),
    },
  ])[0]!;
const firelens = (options: Record<string, string>) =>
  container('awsfirelens', { Name: 'cloudwatch_logs', log_group_name: '/ecs/web', ...options });

describe('logLocationOf', () => {
  it.each([
    [
      'awslogs with a prefix',
      container('awslogs', { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' }),
      { driver: 'awslogs', region: 'eu-west-1', group: '/ecs/web', stream: 'ecs/web/abc123' },
    ],
    [
      'awslogs in another Region',
      container('awslogs', { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'p' }),
      { driver: 'awslogs', region: 'us-east-1', group: 'g', stream: 'p/web/abc123' },
    ],
    [
      'FireLens log_stream_prefix: the prefix and FireLens’s tag',
      firelens({ log_stream_prefix: 'from-fluent-bit-' }),
      { driver: 'awsfirelens', region: 'eu-west-1', group: '/ecs/web', stream: 'from-fluent-bit-web-firelens-abc123' },
    ],
    [
      'FireLens log_stream_name with templates',
      firelens({ log_stream_name: '$(ecs_cluster)/$(container_name)/$(ecs_task_id)' }),
      { driver: 'awsfirelens', region: 'eu-west-1', group: '/ecs/web', stream: 'prod/web/abc123' },
    ],
    [
      'FireLens plain log_stream_name',
      firelens({ log_stream_name: 'all-of-web', region: 'eu-central-1' }),
      { driver: 'awsfirelens', region: 'eu-central-1', group: '/ecs/web', stream: 'all-of-web' },
    ],
    [
      'FireLens templates win over names',
      firelens({
        log_group_template: '/ecs/$ecs_task_definition',
        log_stream_template: '$ecs_task_id',
        log_stream_name: 'x',
      }),
      { driver: 'awsfirelens', region: 'eu-west-1', group: '/ecs/web:4', stream: 'abc123' },
    ],
    [
      'the older Golang output, keys in any case',
      container('awsfirelens', { name: 'cloudwatch', LOG_GROUP_NAME: 'g', Log_Stream_Name: '$(tag)' }),
      { driver: 'awsfirelens', region: 'eu-west-1', group: 'g', stream: 'web-firelens-abc123' },
    ],
  ])('%s', (_name, config, location) => {
    expect(logLocationOf(config, task)).toEqual({ location });
  });

  it('a template variable only the log record knows: the group without a stream, and a note', () => {
    expect(logLocationOf(firelens({ log_stream_name: "$(kubernetes['pod_name'])" }), task)).toEqual({
      location: { driver: 'awsfirelens', region: 'eu-west-1', group: '/ecs/web' },
      note: 'no log stream link: the stream name of web cannot be worked out',
    });
    expect(
      logLocationOf(firelens({ log_stream_template: '$(request_id)', log_stream_name: 'fallback' }), task),
    ).toEqual({
      location: { driver: 'awsfirelens', region: 'eu-west-1', group: '/ecs/web', stream: 'fallback' },
    });
  });

  it.each([
    [container(undefined), 'no logs to link: web has no log configuration'],
    [container('json-file'), 'no logs to link: web logs with the json-file driver'],
    [container('awslogs', {}), 'no logs to link: web has no awslogs-group'],
    [container('awslogs', { 'awslogs-group': 'g' }), 'no log stream link: web logs to g without awslogs-stream-prefix'],
    [
      container('awsfirelens', { Name: 'kinesis_firehose' }),
      'no logs to link: web logs through FireLens to kinesis_firehose',
    ],
    [container('awsfirelens', {}), 'no logs to link: web logs through FireLens to a custom output'],
    [container('awsfirelens', { Name: 'cloudwatch_logs' }), 'no logs to link: web has no log_group_name'],
  ])('%j: %s', (config, note) => {
    expect(logLocationOf(config, task)).toEqual({ note });
  });
});

describe('pickContainer and containerLogConfigs', () => {
  const configs = containerLogConfigs([
    { name: 'log_router', essential: true, firelensConfiguration: { type: 'fluentbit' } },
    { name: 'sidecar', essential: false },
    {
      name: 'app',
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-create-group': 'true' } },
      environment: [{ name: 'PASSWORD', value: 'x' }],
    },
  ]);

  it('keeps only what locates logs', () => {
    expect(configs[2]).toEqual({
      name: 'app',
      essential: true,
      logRouter: false,
      logDriver: 'awslogs',
      options: { 'awslogs-group': 'g' },
    });
  });

  it('the culprit, else the first essential container that is not the log router, else the first', () => {
    expect(pickContainer(configs, 'sidecar')?.name).toBe('sidecar');
    expect(pickContainer(configs, 'gone')?.name).toBe('app');
    expect(pickContainer(configs, undefined)?.name).toBe('app');
    expect(pickContainer(configs.slice(0, 2), undefined)?.name).toBe('log_router');
    expect(pickContainer([], 'app')).toBeUndefined();
  });
});
