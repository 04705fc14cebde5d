/**
 * The `EcsSlackAlerts` construct of `ecs-slack/cdk`, as built, synthesized (its function bundled
 * with esbuild, as `cdk deploy` would) and checked with aws-cdk-lib/assertions: the rules'
 * patterns are the library's own, the queue has its dead-letter queue, the table its TTL, the
 * function runs on nodejs22.x with the environment docs/deploying.md lists, and IAM grants exactly
 * what the function uses, on its own resources.
 *
 * Run by `npm run check:infra`, after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EcsSlackAlerts, type EcsSlackAlertsProps } from '../../dist/cdk.js';
import { eventPattern } from '../../dist/patterns.js';

const ENV = { account: '111122223333', region: 'eu-west-1' };

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

/** Every statement of the stack's inline policies; fails on managed policies (too broad). */
function statements(template: Template): Statement[] {
  for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
    if ((role as { Properties?: { ManagedPolicyArns?: unknown } }).Properties?.ManagedPolicyArns !== undefined)
      throw new Error('a role has managed policies');
  }
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
  );
}

const actionsOf = (all: Statement[]): string[] => [...new Set(all.flatMap((s) => s.Action))].sort();

/** Synthesizes a stack holding the construct and the secret it reads. */
function synth(props: (secret: Secret) => EcsSlackAlertsProps): { template: Template; assembly: string } {
  const app = new App();
  const stack = new Stack(app, 'EcsSlack', { env: ENV });
  const secret = new Secret(stack, 'SlackSecret', { secretName: 'ecs-slack/webhook-url' });
  new EcsSlackAlerts(stack, 'Alerts', props(secret));
  const template = Template.fromStack(stack);
  return { template, assembly: app.synth().directory };
}

// A webhook, two clusters and a service glob, the alerts preset, a policy and evidence.
const policy = {
  destinations: {
    ops: { type: 'webhook', url: { secretsManager: 'ecs-slack/ops-webhook' } },
    chat: { type: 'amazon-q', topicArn: 'arn:aws:sns:eu-west-1:111122223333:ecs-alerts' },
  },
  routes: [{ match: { severity: 'error' }, to: 'chat', continue: true }],
  default: { to: 'ops' },
} as const;
const scope = { clusters: ['prod', 'prod-eu'], services: ['api-*'] };
const webhook = synth((webhookSecret) => ({ webhookSecret, ...scope, preset: 'alerts', policy, enrich: true }));
const t = webhook.template;

// The rule selects what the preset can notify in that scope: the library's own pattern, exactly.
const expected = eventPattern({
  preset: 'alerts',
  clusters: { include: scope.clusters },
  services: { include: scope.services },
});
t.resourceCountIs('AWS::Events::Rule', 1);
t.hasResourceProperties('AWS::Events::Rule', {
  EventPattern: expected,
  Targets: [Match.objectLike({ Arn: Match.anyValue(), DeadLetterConfig: Match.anyValue() })],
});
// EventBridge -> SQS (five receives, then the dead-letter queue) -> Lambda with partial batch responses.
t.resourceCountIs('AWS::SQS::Queue', 2);
t.hasResourceProperties('AWS::SQS::Queue', {
  VisibilityTimeout: 180,
  RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: Match.anyValue() },
});
t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'] });
t.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
});
// The function: Node.js 22 on arm64, and the environment contract of docs/deploying.md.
t.hasResourceProperties('AWS::Lambda::Function', {
  Runtime: 'nodejs22.x',
  Architectures: ['arm64'],
  Handler: 'index.handler',
  Environment: {
    Variables: {
      SLACK_WEBHOOK_SECRET_ID: { Ref: Match.stringLikeRegexp('SlackSecret') },
      ECS_SLACK_PRESET: 'alerts',
      ECS_SLACK_TABLE: { Ref: Match.stringLikeRegexp('AlertsState') },
      ECS_SLACK_POLICY: JSON.stringify(policy),
      ECS_SLACK_ENRICH: 'true',
      NODE_OPTIONS: '--enable-source-maps',
    },
  },
});
// Least privilege: exactly these actions, each on its own resources.
const granted = statements(t);
expectEqual(
  actionsOf(granted),
  [
    'dynamodb:DeleteItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
    'ecs:DescribeTaskDefinition',
    'ecs:DescribeTasks',
    'ecs:ListTasks',
    'logs:CreateLogStream',
    'logs:GetLogEvents',
    'logs:PutLogEvents',
    'secretsmanager:GetSecretValue',
    'sns:Publish',
    'sqs:ChangeMessageVisibility',
    'sqs:DeleteMessage',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
    'sqs:ReceiveMessage',
  ],
  'EcsSlackAlerts IAM actions',
);
const on = (action: string) => granted.filter((s) => [s.Action].flat().includes(action)).map((s) => s.Resource);
const secretsRead = JSON.stringify(on('secretsmanager:GetSecretValue'));
for (const secret of [
  `{"Ref":"${Object.keys(t.findResources('AWS::SecretsManager::Secret'))[0]}"}`,
  ':secretsmanager:eu-west-1:111122223333:secret:ecs-slack/ops-webhook-??????',
]) {
  if (!secretsRead.includes(secret)) throw new Error(`the function may not read ${secret}: ${secretsRead}`);
}
expectEqual(on('sns:Publish'), [policy.destinations.chat.topicArn], 'the Amazon Q topic');
for (const action of ['dynamodb:GetItem', 'sqs:ReceiveMessage', 'logs:PutLogEvents', 'logs:GetLogEvents'])
  if (JSON.stringify(on(action)).includes('"*"')) throw new Error(`${action} is granted on every resource`);
const listed = JSON.stringify(granted.find((s) => [s.Action].flat().includes('ecs:ListTasks'))?.Condition);
for (const cluster of ['prod', 'prod-eu']) {
  // The ARNs of the watched clusters only (the partition is a token until deployment).
  if (!listed.includes(`:ecs:eu-west-1:111122223333:cluster/${cluster}"`))
    throw new Error(`tasks are not listed in cluster ${cluster}: ${listed}`);
}
if ((listed.match(/:cluster\//g) ?? []).length !== 2)
  throw new Error(`tasks are listed beyond the clusters: ${listed}`);
// The bundle is the library's function: it reads the environment above.
const code = Object.values(t.findResources('AWS::Lambda::Function')).map(
  (f) => (f as { Properties: { Code: { S3Key: string } } }).Properties.Code.S3Key,
)[0];
const bundle = readFileSync(join(webhook.assembly, `asset.${code?.replace(/\.zip$/, '')}`, 'index.js'), 'utf8');
for (const name of ['ECS_SLACK_TABLE', 'SLACK_BOT_TOKEN_SECRET_ID', 'createHandler']) {
  if (!bundle.includes(name)) throw new Error(`the bundled function does not mention ${name}`);
}

// A bot token instead of a webhook; no policy, no evidence: no more IAM than that.
const bot = synth((tokenSecret) => ({ webApi: { tokenSecret, channel: 'C0123ABCD' }, preset: 'verbose' })).template;
bot.hasResourceProperties('AWS::Lambda::Function', {
  Environment: {
    Variables: Match.objectLike({
      SLACK_BOT_TOKEN_SECRET_ID: { Ref: Match.stringLikeRegexp('SlackSecret') },
      SLACK_CHANNEL: 'C0123ABCD',
      ECS_SLACK_PRESET: 'verbose',
      ECS_SLACK_TABLE: Match.anyValue(),
    }),
  },
});
bot.hasResourceProperties('AWS::Events::Rule', { EventPattern: eventPattern('verbose') });
expectEqual(
  actionsOf(statements(bot)).filter((a) => !a.startsWith('sqs:') && !a.startsWith('dynamodb:')),
  ['logs:CreateLogStream', 'logs:PutLogEvents', 'secretsmanager:GetSecretValue'],
  'a bot without policy or evidence',
);

// Interactive: the alerts function signs its buttons; a second function (Bolt, bundled) behind a
// function URL handles them, with the table, the two secrets and its logs, nothing more.
const interactive = (() => {
  const app = new App();
  const stack = new Stack(app, 'EcsSlackInteractive', { env: ENV });
  const tokenSecret = new Secret(stack, 'SlackToken', { secretName: 'ecs-slack/bot-token' });
  const signingSecret = new Secret(stack, 'SlackSigning', { secretName: 'ecs-slack/signing-secret' });
  const alerts = new EcsSlackAlerts(stack, 'Alerts', {
    webApi: { tokenSecret, channel: 'C0123ABCD' },
    interactive: { signingSecret, allow: ['S0ONCALL01', 'U0ANA0001'] },
  });
  if (alerts.actionsFunction === undefined || alerts.interactivityUrl === undefined)
    throw new Error('no actions function or interactivity URL');
  return { template: Template.fromStack(stack), assembly: app.synth().directory };
})();
const it = interactive.template;
it.resourceCountIs('AWS::Lambda::Function', 2);
it.hasResourceProperties('AWS::Lambda::Function', {
  Environment: {
    Variables: Match.objectLike({
      SLACK_BOT_TOKEN_SECRET_ID: { Ref: Match.stringLikeRegexp('SlackToken') },
      SLACK_SIGNING_SECRET_ID: { Ref: Match.stringLikeRegexp('SlackSigning') },
      SLACK_CHANNEL: 'C0123ABCD',
    }),
  },
});
it.hasResourceProperties('AWS::Lambda::Function', {
  Runtime: 'nodejs22.x',
  Environment: {
    Variables: Match.objectLike({
      SLACK_BOT_TOKEN_SECRET_ID: { Ref: Match.stringLikeRegexp('SlackToken') },
      SLACK_SIGNING_SECRET_ID: { Ref: Match.stringLikeRegexp('SlackSigning') },
      ECS_SLACK_ALLOW: 'S0ONCALL01,U0ANA0001',
      ECS_SLACK_TABLE: Match.anyValue(),
    }),
  },
});
it.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
if (Object.keys(it.findOutputs('*')).filter((name) => name.includes('InteractivityUrl')).length !== 1)
  throw new Error('no InteractivityUrl output');
expectEqual(
  actionsOf(statements(it)).filter((a) => !a.startsWith('sqs:') && !a.startsWith('dynamodb:')),
  ['logs:CreateLogStream', 'logs:PutLogEvents', 'secretsmanager:GetSecretValue'],
  'interactive alerts',
);
const actionsCode = Object.values(it.findResources('AWS::Lambda::Function'))
  .map((f) => (f as { Properties: { Code: { S3Key?: string } } }).Properties.Code.S3Key)
  .map((key) => readFileSync(join(interactive.assembly, `asset.${key?.replace(/\.zip$/, '')}`, 'index.js'), 'utf8'))
  .find((code) => code.includes('ECS_SLACK_ALLOW'));
if (actionsCode === undefined || !actionsCode.includes('AwsLambdaReceiver'))
  throw new Error('the actions function does not bundle Bolt and its AwsLambdaReceiver');

// Mistakes are refused at synth, in one line naming the prop.
const refused = (props: (secret: Secret) => EcsSlackAlertsProps, message: RegExp): void => {
  try {
    synth(props);
  } catch (error) {
    if ((error as Error).name === 'ConfigError' && message.test((error as Error).message)) return;
    throw error;
  }
  throw new Error(`not refused: ${message}`);
};
refused(() => ({}), /^EcsSlackAlerts: give webhookSecret \(a secret holding the webhook URL\) or webApi$/);
refused((s) => ({ webhookSecret: s, webApi: { tokenSecret: s, channel: 'C0123ABCD' } }), /not both$/);
refused((s) => ({ webApi: { tokenSecret: s, channel: '#ops' } }), /webApi\.channel must be a channel id/);
refused((s) => ({ webhookSecret: s, policy: { default: { to: 'nowhere' } } as never }), /^EcsSlackAlerts: policy: /);
refused(
  (s) => ({ webhookSecret: s, interactive: { signingSecret: s, allow: ['U0ANA0001'] } }),
  /interactive needs webApi/,
);
refused(
  (s) => ({ webApi: { tokenSecret: s, channel: 'C0123ABCD' }, interactive: { signingSecret: s, allow: ['@ana'] } }),
  /interactive\.allow: expected Slack user ids/,
);

console.log(
  'CDK: EcsSlackAlerts synthesizes, bundles ecs-slack/function and passes its checks (webhook, bot, interactive with its function URL)',
);
