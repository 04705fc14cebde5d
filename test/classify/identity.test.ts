import { describe, expect, it } from 'vitest';
import { identify } from '../../src/classify/identity.js';
import { parseEcsEvent } from '../../src/index.js';
import { loadFixture } from '../helpers/fixtures.js';

const identityOf = (kind: Parameters<typeof loadFixture>[0], name: string) =>
  identify(parseEcsEvent(loadFixture(kind, name)));

describe('identify', () => {
  it('reads a Fargate service task: service from group, deployment from startedBy', () => {
    expect(identityOf('task', 'task-stopped-essential-container-exited-fargate-sidecar')).toEqual({
      account: '111111111111',
      region: 'eu-central-1',
      partition: 'aws',
      cluster: 'test',
      clusterArn: 'arn:aws:ecs:eu-central-1:111111111111:cluster/test',
      service: 'example-api-v1',
      taskArn: 'arn:aws:ecs:eu-central-1:111111111111:task/test/a6eaf0150a4248dAA1bcbd688121014e',
      taskId: 'a6eaf0150a4248dAA1bcbd688121014e',
      taskDefinitionFamily: 'example-api-v1',
      taskDefinitionRevision: 20,
      deploymentId: 'ecs-svc/9300480928766973637',
      launchType: 'FARGATE',
      capacityProvider: 'FARGATE',
    });
  });

  it('reads a short task ARN (2016) and a custom group', () => {
    const identity = identityOf('task', 'docs-task-running-ec2-with-stopped-container-2016');
    expect(identity.taskId).toBe('b99d40b3-5176-4f71-9a52-9dbd6f1cebef');
    expect(identity.cluster).toBe('default');
    expect(identity.service).toBeUndefined();
    expect(identity.group).toBe('task-group');
    expect(identity.containerInstanceId).toBe('b54a2a04-046f-4331-9d74-3f6d7f6ca315');
    expect(identity.launchType).toBeUndefined();
  });

  it('reads a standalone task group family:NAME as a group, not a service', () => {
    const identity = identityOf('task', 'task-stopped-ec2-standalone-exit0-no-stopcode');
    expect(identity.service).toBeUndefined();
    expect(identity.group).toMatch(/^family:/);
  });

  it('keeps a task definition without revision as family only', () => {
    const identity = identityOf('task', 'docs-task-running-ec2-awsvpc-asg-capacity-provider-2025');
    expect(identity.taskDefinitionRevision).toBeUndefined();
    expect(identity.taskDefinitionFamily).toBeTruthy();
  });

  it('takes the service of service actions and deployments from resources[0]', () => {
    expect(identityOf('service', 'service-task-start-impaired')).toMatchObject({
      cluster: 'catalogue-2023-03-09',
      service: 'image_inferrer',
      serviceArn: 'arn:aws:ecs:eu-west-1:760097843905:service/catalogue-2023-03-09/image_inferrer',
    });
    expect(identityOf('deployment', 'docs-deployment-failed')).toMatchObject({
      cluster: 'default',
      clusterArn: 'arn:aws:ecs:us-west-2:111122223333:cluster/default',
      service: 'servicetest',
      deploymentId: 'ecs-svc/123',
    });
  });

  it('handles a short service ARN with the cluster from detail.clusterArn', () => {
    const event = loadFixture('service', 'docs-service-steady-state') as any;
    event.resources = ['arn:aws:ecs:us-west-2:111122223333:service/legacy-svc'];
    const identity = identify(parseEcsEvent(event));
    expect(identity.service).toBe('legacy-svc');
    expect(identity.cluster).toBe(event.detail.clusterArn.split('/').pop());
  });

  it('reads a container instance', () => {
    expect(identityOf('container-instance', 'docs-container-instance-active')).toMatchObject({
      cluster: 'default',
      containerInstanceId: 'b54a2a04-046f-4331-9d74-3f6d7f6ca315',
      ec2InstanceId: 'i-f3a8506b',
    });
  });

  it.each([
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['eu-west-3', 'aws'],
  ])('takes the partition from the ARN (%s → %s)', (region, partition) => {
    const event = loadFixture('deployment', 'docs-deployment-completed') as any;
    event.region = region;
    event.resources = [`arn:${partition}:ecs:${region}:111122223333:service/default/servicetest`];
    expect(identify(parseEcsEvent(event)).partition).toBe(partition);
  });

  it('guesses the partition from the Region when no ARN can be read', () => {
    const event = loadFixture('service', 'docs-service-steady-state') as any;
    event.region = 'cn-northwest-1';
    event.resources = ['not-an-arn'];
    event.detail.clusterArn = 'not-an-arn';
    expect(identify(parseEcsEvent(event)).partition).toBe('aws-cn');
  });
});
