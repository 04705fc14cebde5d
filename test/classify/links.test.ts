import { describe, expect, it } from 'vitest';
import { consoleBase } from '../../src/aws/index.js';
import { consoleLinks } from '../../src/classify/links.js';
import type { Identity } from '../../src/index.js';

const identity: Identity = {
  account: '111122223333',
  region: 'eu-west-1',
  partition: 'aws',
  cluster: 'prod',
  service: 'web',
  taskId: 'a6eaf0150a4248dAA1bcbd688121014e',
  taskDefinitionFamily: 'web',
  taskDefinitionRevision: 42,
  containerInstanceId: 'b54a2a04-046f-4331-9d74-3f6d7f6ca315',
};

describe('console links', () => {
  it('builds the v2 console URLs', () => {
    expect(consoleLinks(identity)).toEqual({
      cluster: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services?region=eu-west-1',
      service: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/health?region=eu-west-1',
      serviceEvents:
        'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/events?region=eu-west-1',
      serviceDeployments:
        'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=eu-west-1',
      task: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/tasks/a6eaf0150a4248dAA1bcbd688121014e/configuration?region=eu-west-1',
      taskDefinition: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/task-definitions/web/42?region=eu-west-1',
      containerInstance:
        'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/infrastructure/container-instances/b54a2a04-046f-4331-9d74-3f6d7f6ca315?region=eu-west-1',
    });
  });

  it.each([
    ['aws-cn', 'cn-north-1', 'https://cn-north-1.console.amazonaws.cn/ecs/v2'],
    ['aws-us-gov', 'us-gov-west-1', 'https://us-gov-west-1.console.amazonaws-us-gov.com/ecs/v2'],
    ['aws', 'ap-southeast-2', 'https://ap-southeast-2.console.aws.amazon.com/ecs/v2'],
  ])('uses the console host of the %s partition', (partition, region, base) => {
    expect(consoleBase(partition, region)).toBe(base);
    expect(consoleLinks({ ...identity, partition, region }).cluster).toBe(
      `${base}/clusters/prod/services?region=${region}`,
    );
  });

  it('gives no links in isolated partitions, or without a usable Region', () => {
    expect(consoleLinks({ ...identity, partition: 'aws-iso', region: 'us-iso-east-1' })).toEqual({});
    expect(consoleLinks({ ...identity, partition: undefined })).toEqual({});
    expect(consoleLinks({ ...identity, region: '' })).toEqual({});
    expect(consoleLinks({ ...identity, region: 'eu-west-1/../../evil' })).toEqual({});
  });

  it('URL-encodes every path segment', () => {
    const links = consoleLinks({ ...identity, cluster: 'a b/c', service: 'x?y#z', taskDefinitionFamily: 'f&g' });
    expect(links.service).toBe(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/a%20b%2Fc/services/x%3Fy%23z/health?region=eu-west-1',
    );
    expect(links.taskDefinition).toBe(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/task-definitions/f%26g/42?region=eu-west-1',
    );
  });

  it('links the task definition family when the revision is unknown', () => {
    expect(consoleLinks({ ...identity, taskDefinitionRevision: undefined }).taskDefinition).toBe(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/task-definitions/web?region=eu-west-1',
    );
  });
});
