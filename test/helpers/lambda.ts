/**
 * Lambda event wrappers shaped like the ones AWS delivers (field sets from the Lambda
 * developer guide's SQS and SNS sample events), around real ECS events.
 */
import type { SNSEvent, SQSEvent } from 'aws-lambda';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:111122223333:ecs-events';
const TOPIC_ARN = 'arn:aws:sns:us-east-1:111122223333:ecs-events';

/** An SQS batch whose bodies are the given strings. */
export function sqsEvent(bodies: readonly string[]): SQSEvent {
  return {
    Records: bodies.map((body, index) => ({
      messageId: `059f36b4-87a3-44ab-83d2-66197${String(index).padStart(7, '0')}`,
      receiptHandle: `AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a${index}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1545082649183',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1545082649185',
      },
      messageAttributes: {},
      md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
      eventSource: 'aws:sqs',
      eventSourceARN: QUEUE_ARN,
      awsRegion: 'us-east-1',
    })),
  };
}

/** An SNS notification body as SNS delivers it to SQS (`SigningCertURL` spelling). */
export function snsNotificationForSqs(message: string, index = 0): string {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: `95df01b4-ee98-5cb9-9903-4c221d41eb5${index}`,
    TopicArn: TOPIC_ARN,
    Message: message,
    Timestamp: '2020-03-16T15:37:05.000Z',
    SignatureVersion: '1',
    Signature: 'EXAMPLE',
    SigningCertURL: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-example.pem',
    UnsubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=example',
  });
}

/** An SNS batch as SNS invokes Lambda (`SigningCertUrl` spelling). */
export function snsEvent(messages: readonly string[]): SNSEvent {
  return {
    Records: messages.map((message, index) => ({
      EventVersion: '1.0',
      EventSubscriptionArn: `${TOPIC_ARN}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: '2019-01-02T12:45:07.000Z',
        Signature: 'EXAMPLE',
        SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-example.pem',
        MessageId: `95df01b4-ee98-5cb9-9903-4c221d41eb5${index}`,
        Message: message,
        MessageAttributes: {},
        Type: 'Notification',
        UnsubscribeUrl: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=example',
        TopicArn: TOPIC_ARN,
        Subject: 'example subject',
      },
    })),
  };
}

/** A scheduled invocation (an EventBridge schedule): the handler flushes digests and grouped messages. */
export const SCHEDULED_EVENT = {
  version: '0',
  id: 'tick',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '1',
  time: '',
  region: 'us-east-1',
  resources: [],
  detail: {},
} as const;
