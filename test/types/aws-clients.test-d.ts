import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { SNSClient } from '@aws-sdk/client-sns';
import { describe, expectTypeOf, it } from 'vitest';
import { createAmazonQSender, type AwsClientLike } from '../../src/amazon-q/index.js';
import { createEnricher } from '../../src/aws/index.js';
import { createHandler } from '../../src/lambda/index.js';

const region = 'eu-west-1';
const topicArn = 'arn:aws:sns:eu-west-1:111122223333:alerts';

describe('the SDK clients the options take, typed without the SDK', () => {
  it('takes a real SNSClient, ECSClient and CloudWatchLogsClient without a cast', () => {
    expectTypeOf(new SNSClient({ region })).toExtend<AwsClientLike>();
    expectTypeOf(new ECSClient({ region })).toExtend<AwsClientLike>();
    expectTypeOf(new CloudWatchLogsClient({ region })).toExtend<AwsClientLike>();
    expectTypeOf(createAmazonQSender).toBeCallableWith({ topicArn, client: new SNSClient({ region }) });
    expectTypeOf(createEnricher).toBeCallableWith({
      ecs: new ECSClient({ region }),
      logs: new CloudWatchLogsClient({ region }),
    });
    expectTypeOf(createHandler).toBeCallableWith({
      amazonQ: { topicArn, client: new SNSClient({ region }) },
      enrich: { ecs: new ECSClient({ region }), logs: new CloudWatchLogsClient({ region }) },
    });
  });

  it('refuses what is not a client', () => {
    expectTypeOf<{ send: (command: string) => string }>().not.toExtend<AwsClientLike>();
    expectTypeOf<{ region: string }>().not.toExtend<AwsClientLike>();
  });
});
