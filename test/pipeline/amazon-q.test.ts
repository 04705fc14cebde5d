/**
 * Amazon Q Developer as a destination like any other: the pipeline renders by the sender's
 * `format`, alerts and digests go out as custom notifications through the real SNS client to a
 * loopback SNS endpoint, from `createHandler({ amazonQ })` or a policy's `amazon-q` destination.
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { afterEach, describe, expect, it } from 'vitest';
import { createAmazonQSender, type AmazonQNotification } from '../../src/amazon-q/index.js';
import { ConfigError, createPipeline, parseEcsEvent, type PipelineLogEntry } from '../../src/index.js';
import { createHandler } from '../../src/lambda/index.js';
import { notificationProblems } from '../helpers/amazon-q-schema.js';
import { fixtureText, loadFixture } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startSnsServer, type SnsServer } from '../helpers/sns-server.js';

const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:ecs-alerts';
let sns: SnsServer | undefined;
afterEach(async () => {
  await sns?.close();
  sns = undefined;
});

async function snsClient(): Promise<SNSClient> {
  sns = await startSnsServer([{ messageId: 'm-1' }]);
  return new SNSClient({
    endpoint: sns.origin,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' },
    maxAttempts: 1,
  });
}
const published = (): AmazonQNotification[] =>
  (sns?.publishes ?? []).map((p) => JSON.parse(p.params.Message ?? '') as AmazonQNotification);

const crash = (n: number) => {
  const event = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  event.id = `crash-${n}`;
  event.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(n).padStart(32, '0')}`;
  return event;
};

describe('an Amazon Q destination', () => {
  it('from createHandler({ amazonQ }): notifications, not Slack messages', async () => {
    const client = await snsClient();
    const logs: PipelineLogEntry[] = [];
    const handler = createHandler({ amazonQ: { topicArn: TOPIC, client }, logger: (e) => logs.push(e) });
    await handler(sqsEvent([JSON.stringify(crash(1)), fixtureText('service', 'service-task-start-impaired')]));
    const [first, second] = published();
    expect(sns?.publishes.map((p) => p.params.TopicArn)).toEqual([TOPIC, TOPIC]);
    expect(first?.content.title).toBe(':rotating_light: example-api-v1: task crashed');
    expect(second?.content.title).toBe(':rotating_light: image_inferrer: unable to start tasks');
    expect(second?.content.description).toContain('[View in console](https://eu-west-1.console.aws.amazon.com/');
    for (const notification of published()) expect(notificationProblems(notification)).toEqual([]);
    expect(logs.map((l) => [l.msg, l.reason])).toEqual([
      ['sent', 'alert'],
      ['sent', 'alert'],
    ]);
  });

  it('sends digests the same way', async () => {
    const client = await snsClient();
    let now = Date.parse('2026-11-20T09:00:00Z');
    const pipeline = createPipeline({
      sender: createAmazonQSender({ topicArn: TOPIC, client }),
      clock: () => now,
      logger: () => undefined,
    });
    for (const n of [1, 2, 3]) await pipeline.handle(parseEcsEvent(crash(n)));
    now += 11 * 60_000;
    expect((await pipeline.flush()).map((r) => r.status)).toEqual(['sent']);
    const [alert, digest] = published();
    expect(digest?.metadata.eventType).toBe('ECS Task State Change digest');
    expect(digest?.content.title).toBe(':rotating_light: example-api-v1: task crashed, 2 more times');
    expect(alert?.metadata.threadId).toBe('ecs-svc/9300480928766973637');
    expect(digest?.metadata.threadId).toMatch(/^incident-/);
  });

  it('as a policy destination, with the handler’s SNS client', async () => {
    const client = await snsClient();
    const handler = createHandler({
      policy: { destinations: { q: { type: 'amazon-q', topicArn: TOPIC } }, default: { to: 'q' } },
      amazonQ: { client },
      logger: () => undefined,
    });
    await handler(sqsEvent([JSON.stringify(crash(4))]));
    expect(published().map((n) => n.content.title)).toEqual([':rotating_light: example-api-v1: task crashed']);
  });

  it('has no deployment threads', () => {
    const sender = createAmazonQSender({ topicArn: TOPIC });
    expect(() => createPipeline({ sender, threads: true })).toThrow(ConfigError);
    expect(() => createHandler({ amazonQ: {} as never })).toThrow(
      new ConfigError('createHandler: options.amazonQ.topicArn: required without a policy'),
    );
  });
});

describe('an outage through an Amazon Q destination', () => {
  it('is one incident: the first alert at once, the others in one grouped notification in its thread', async () => {
    const { stormEvents, STORM_SERVICES } = await import('../helpers/storm.js');
    const client = await snsClient();
    const start = Date.parse('2026-11-20T09:00:00Z');
    let now = start;
    const pipeline = createPipeline({
      sender: createAmazonQSender({ topicArn: TOPIC, client }),
      filter: { preset: 'alerts' },
      clock: () => now,
      logger: () => undefined,
    });
    // The first 30 s of the registry outage: the first failure of each of the 30 services.
    const first = stormEvents().filter((d) => d.at < 15_000);
    for (const d of first) {
      now = start + d.at;
      expect((await pipeline.handle(parseEcsEvent(d.event))).status).not.toBe('failed');
    }
    expect(published()).toHaveLength(1);
    now = start + 60_000;
    await pipeline.flush();
    const [alert, grouped, ...rest] = published();
    expect(rest).toEqual([]);
    expect(alert?.content.title).toContain('svc-00');
    expect(grouped?.content.title).toBe(':rotating_light: prod: 29 more services cannot pull their images');
    expect(grouped?.metadata.eventType).toBe('ECS incident');
    expect(grouped?.metadata.threadId).toMatch(/^incident-/);
    for (const service of STORM_SERVICES.slice(1)) expect(grouped?.content.description).toContain(service);
    for (const notification of published()) expect(notificationProblems(notification)).toEqual([]);
  });
});
