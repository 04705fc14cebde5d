/**
 * The Amazon Q sender with the real `@aws-sdk/client-sns` against a loopback SNS endpoint that
 * speaks its AWS Query protocol: what is published, and every failure mode.
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAmazonQSender,
  renderAmazonQ,
  type AmazonQNotification,
  type AmazonQSenderOptions,
} from '../../src/amazon-q/index.js';
import { isConfigError } from '../../src/index.js';
import { deliveryFailure, expectNoSecret } from '../helpers/delivery-errors.js';
import { parsedFixture } from '../helpers/fixtures.js';
import { startSnsServer, type SnsReply, type SnsServer } from '../helpers/sns-server.js';

const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:ecs-alerts';
const CREDENTIALS = {
  accessKeyId: 'AKIAEXAMPLESECRETID',
  secretAccessKey: 'sEcReTaCcEsSkEy/K7MDENG',
  sessionToken: 'SeSsIoNtOkEnSeCrEt',
};
const SECRETS = Object.values(CREDENTIALS);
const notification: AmazonQNotification = renderAmazonQ(parsedFixture('task', 'synthetic-task-oom-exit137'));

let server: SnsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A fake clock whose sleeps advance it, recording every wait. */
function fakeTime(): Pick<AmazonQSenderOptions, 'sleep' | 'now' | 'random'> & { readonly sleeps: number[] } {
  let time = 1_700_000_000_000;
  const sleeps: number[] = [];
  return { sleeps, now: () => time, random: () => 0.5, sleep: async (ms) => void (sleeps.push(ms), (time += ms)) };
}

async function sender(script: readonly SnsReply[], options: Partial<AmazonQSenderOptions> = {}) {
  server = await startSnsServer(script);
  const client = new SNSClient({
    endpoint: server.origin,
    region: 'eu-west-1',
    credentials: CREDENTIALS,
    maxAttempts: 1,
  });
  return createAmazonQSender({ topicArn: TOPIC, client, ...fakeTime(), ...options });
}

describe('createAmazonQSender: publishing', () => {
  it('publishes the notification as the JSON Message of a signed SNS Publish and returns the message id', async () => {
    const q = await sender([{ messageId: 'a1b2c3' }]);
    expect(q.format).toBe('amazon-q');
    await expect(q.post(notification)).resolves.toEqual({ messageId: 'a1b2c3' });
    const [publish] = server?.publishes ?? [];
    expect(publish?.params).toMatchObject({ Action: 'Publish', Version: '2010-03-31', TopicArn: TOPIC });
    expect(JSON.parse(publish?.params.Message ?? '')).toEqual(notification);
    expect(publish?.raw.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAEXAMPLESECRETID\/\d{8}\/eu-west-1\/sns\/aws4_request/,
    );
  });

  it('makes its own client for the topic, with one SDK attempt per attempt of its own', async () => {
    server = await startSnsServer([{ status: 500, code: 'InternalError' }]);
    const env = {
      AWS_ENDPOINT_URL_SNS: server.origin,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    };
    const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
    Object.assign(process.env, env);
    try {
      const error = await deliveryFailure(
        createAmazonQSender({ topicArn: TOPIC, maxAttempts: 2, ...fakeTime() }).post(notification),
      );
      expect(error).toMatchObject({ retryable: true, attempts: 2, status: 500 });
      expect(server.publishes).toHaveLength(2);
      expect(server.publishes[0]?.raw.headers.authorization).toContain('/eu-west-1/sns/aws4_request');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

describe('createAmazonQSender: failures', () => {
  it('retries throttling with backoff and succeeds', async () => {
    const time = fakeTime();
    const q = await sender([{ status: 429, code: 'Throttled', message: 'Rate exceeded' }, { messageId: 'm2' }], time);
    await expect(q.post(notification)).resolves.toEqual({ messageId: 'm2' });
    expect(server?.publishes).toHaveLength(2);
    expect(time.sleeps).toEqual([375]);
  });

  it.each([
    [429, 'Throttled'],
    [400, 'KMSThrottling'],
    [500, 'InternalError'],
    [503, 'ServiceUnavailable'],
  ])('gives up after maxAttempts on %i %s, retryable', async (status, code) => {
    const q = await sender([{ status, code }]);
    const error = await deliveryFailure(q.post(notification));
    expect(error).toMatchObject({ retryable: true, attempts: 3, status });
    expect(error.message).toMatch(
      /^Amazon Q notification to SNS topic ecs-alerts failed after 3 attempts: HTTP \d+ \w+ \(request req-3\)$/,
    );
    expect(server?.publishes).toHaveLength(3);
  });

  it.each([
    [403, 'AuthorizationError', 'AuthorizationErrorException'],
    [400, 'InvalidParameter', 'InvalidParameterException'],
    [404, 'NotFound', 'NotFoundException'],
    [400, 'KMSAccessDenied', 'KMSAccessDeniedException'],
  ])('fails at once on %i %s, not retryable', async (status, code, name) => {
    const q = await sender([{ status, code, message: `refused ${SECRETS.join(' ')} Authorization: AWS4-HMAC-SHA256` }]);
    const error = await deliveryFailure(q.post(notification));
    expect(error).toMatchObject({ retryable: false, attempts: 1, status });
    expect(error.message).toBe(
      `Amazon Q notification to SNS topic ecs-alerts was refused: HTTP ${status} ${name} (request req-1)`,
    );
    expect(server?.publishes).toHaveLength(1);
    expectNoSecret(error, SECRETS);
  });

  it('retries a reset connection as a network error', async () => {
    const q = await sender(['destroy', { messageId: 'm2' }]);
    await expect(q.post(notification)).resolves.toEqual({ messageId: 'm2' });
    const failing = await sender(['destroy'], { maxAttempts: 2 });
    const error = await deliveryFailure(failing.post(notification));
    expect(error).toMatchObject({ retryable: true, attempts: 2, status: undefined });
    expect(error.message).toMatch(/failed after 2 attempts: network error [A-Z_]+$/);
  });

  it('times out an endpoint that never answers, attempt by attempt', async () => {
    const q = await sender(['hang'], { timeoutMs: 150, maxAttempts: 2, now: Date.now });
    const error = await deliveryFailure(q.post(notification));
    expect(error).toMatchObject({ retryable: true, attempts: 2 });
    expect(error.message).toMatch(/failed after 2 attempts: timed out after 150 ms$/);
  });

  it('keeps to the deadline of the call: a hanging endpoint fails it when the deadline comes, not after the attempt timeout', async () => {
    const q = await sender(['hang'], { sleep: undefined, now: Date.now, random: () => 0.5 });
    const started = Date.now();
    const error = await deliveryFailure(q.post(notification, { deadline: started + 300 }));
    // The attempt's timeout is 5000 ms; the deadline cuts it to 300 and leaves no room to retry.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toMatchObject({ retryable: true, attempts: 1 });
    const waited = /gave up after 1 attempt: timed out after (\d+) ms; a \d+ ms backoff passes the deadline$/.exec(
      error.message,
    );
    expect(Number(waited?.[1])).toBeGreaterThan(0);
    expect(Number(waited?.[1])).toBeLessThanOrEqual(300);
  });

  it('sends nothing when the deadline has passed, and says so', async () => {
    const q = await sender([{ messageId: 'never' }]);
    const error = await deliveryFailure(q.post(notification, { deadline: 0 }));
    expect(error).toMatchObject({ retryable: true, attempts: 0 });
    expect(server?.publishes).toHaveLength(0);
  });

  it('refuses a notification over SNS 262,144-byte message size without sending it', async () => {
    const q = await sender([{ messageId: 'never' }]);
    const huge = { ...notification, content: { ...notification.content, description: 'é'.repeat(140_000) } };
    const error = await deliveryFailure(q.post(huge));
    expect(error).toMatchObject({ retryable: false, attempts: 0 });
    expect(error.message).toMatch(/is \d+ bytes, over SNS's 262144$/);
    expect(server?.publishes).toHaveLength(0);
  });

  it('refuses a topic that is not an SNS topic ARN, and numbers that are not positive', () => {
    const bad = (topicArn: string) => () => createAmazonQSender({ topicArn });
    for (const topicArn of [
      '',
      'ecs-alerts',
      'arn:aws:sqs:eu-west-1:111122223333:q',
      'https://sns.eu-west-1.amazonaws.com',
    ]) {
      expect(bad(topicArn)).toThrow(expect.objectContaining({ name: 'ConfigError' }));
    }
    try {
      bad('nope')();
    } catch (error) {
      expect(isConfigError(error)).toBe(true);
    }
    expect(() => createAmazonQSender({ topicArn: TOPIC, maxAttempts: 1.5 })).toThrow(RangeError);
    expect(() => createAmazonQSender({ topicArn: TOPIC, timeoutMs: 0 })).toThrow(/timeoutMs must be a positive number/);
  });
});
