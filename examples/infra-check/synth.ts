/**
 * Synthesizes the examples' CDK stacks (bundling each handler with esbuild, as `cdk deploy`
 * would) and checks the templates: runtime and architecture, the rule's pattern, retries and
 * dead letters, partial batch responses, and that IAM grants exactly the actions listed here.
 *
 * Run by `npm run check:infra`, after `npm run build`.
 */
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DETAIL_TYPES } from '../../dist/schemas.js';
import { LambdaSqsThreadsStack } from '../lambda-sqs-threads/cdk/stack.js';
import { LambdaWebhookStack } from '../lambda-webhook/cdk/stack.js';

const entry = (example: string) => fileURLToPath(new URL(`../${example}/handler.ts`, import.meta.url));

/** Every IAM action granted to the stack's roles, sorted; fails on managed policies (too broad). */
function grantedActions(template: Template): string[] {
  for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
    if ((role as { Properties?: { ManagedPolicyArns?: unknown } }).Properties?.ManagedPolicyArns !== undefined) {
      throw new Error('a role has managed policies');
    }
  }
  const actions = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
    (
      policy as { Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[] }> } } }
    ).Properties.PolicyDocument.Statement.flatMap((statement) => statement.Action),
  );
  return [...new Set(actions)].sort();
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function checkCommon(template: Template): void {
  template.hasResourceProperties('AWS::Lambda::Function', {
    Runtime: 'nodejs22.x',
    Architectures: ['arm64'],
    Handler: 'index.handler',
  });
  template.hasResourceProperties('AWS::Events::Rule', {
    EventPattern: { source: ['aws.ecs'], 'detail-type': Object.values(DETAIL_TYPES) },
  });
}

// One app per stack: an app synthesizes once.
const webhook = Template.fromStack(new LambdaWebhookStack(new App(), 'Webhook', { entry: entry('lambda-webhook') }));
checkCommon(webhook);
webhook.hasResourceProperties('AWS::Lambda::Function', {
  Environment: { Variables: { SLACK_WEBHOOK_SECRET_ID: Match.anyValue() } },
  DeadLetterConfig: { TargetArn: Match.anyValue() },
  Timeout: 30,
});
webhook.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2 });
webhook.hasResourceProperties('AWS::Events::Rule', {
  Targets: [Match.objectLike({ DeadLetterConfig: Match.anyValue() })],
});
webhook.hasResourceProperties('AWS::Lambda::Permission', {
  Action: 'lambda:InvokeFunction',
  Principal: 'events.amazonaws.com',
});
expectEqual(
  grantedActions(webhook),
  ['logs:CreateLogStream', 'logs:PutLogEvents', 'secretsmanager:GetSecretValue', 'sqs:SendMessage'],
  'lambda-webhook IAM actions',
);

const threads = Template.fromStack(
  new LambdaSqsThreadsStack(new App(), 'Threads', { entry: entry('lambda-sqs-threads'), channel: 'C0123456789' }),
);
checkCommon(threads);
threads.hasResourceProperties('AWS::Lambda::Function', {
  Environment: {
    Variables: {
      SLACK_BOT_TOKEN_SECRET_ID: Match.anyValue(),
      SLACK_CHANNEL: 'C0123456789',
      STATE_TABLE: Match.anyValue(),
    },
  },
});
threads.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
  FunctionResponseTypes: ['ReportBatchItemFailures'],
});
threads.hasResourceProperties('AWS::SQS::Queue', {
  VisibilityTimeout: 180,
  RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() },
});
threads.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
});
expectEqual(
  grantedActions(threads),
  [
    'dynamodb:DeleteItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
    'logs:CreateLogStream',
    'logs:PutLogEvents',
    'secretsmanager:GetSecretValue',
    'sqs:ChangeMessageVisibility',
    'sqs:DeleteMessage',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
    'sqs:ReceiveMessage',
  ],
  'lambda-sqs-threads IAM actions',
);

console.log('CDK: the lambda-webhook and lambda-sqs-threads stacks synthesize and pass their checks');
