/**
 * The lambda-webhook example in CDK: an EventBridge rule for the four ECS detail-types, the
 * function (Node.js 22, arm64, bundled by esbuild through NodejsFunction), the secret holding the
 * webhook URL, a dead-letter queue for whatever could not be delivered, and nothing more in IAM
 * than the function needs: write its own log group, read the one secret, send to the queue.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { enableEnrichment, type EnrichmentProps } from './enrichment.js';

/** The four detail-types ecs-slack reads (`DETAIL_TYPES` in ecs-slack). */
export const ECS_DETAIL_TYPES: string[] = [
  'ECS Task State Change',
  'ECS Service Action',
  'ECS Deployment State Change',
  'ECS Container Instance State Change',
];

export interface LambdaWebhookStackProps extends StackProps {
  /** Absolute path of the handler file (examples/lambda-webhook/handler.ts). */
  readonly entry: string;
  /**
   * Root-cause evidence in the alerts (the crashed container's last log lines and links):
   * `true`, or what it may read. Default: off. See docs/evidence.md.
   */
  readonly enrich?: boolean | EnrichmentProps;
}

export class LambdaWebhookStack extends Stack {
  constructor(scope: Construct, id: string, props: LambdaWebhookStackProps) {
    super(scope, id, props);

    // The value is set after deployment (see README.md), so the URL never enters the template.
    const webhookUrl = new Secret(this, 'WebhookUrl', {
      secretName: 'ecs-slack/webhook-url',
      description: 'Slack incoming webhook URL for ecs-slack (the URL itself, or JSON {"url": "..."})',
    });

    // Events that could not be delivered after every retry: by Lambda (the function threw, for
    // example Slack was down for longer than the retries) or by EventBridge (it could not invoke
    // the function). Each message body is the EventBridge event itself, ready to replay.
    const failed = new Queue(this, 'FailedEvents', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // A role of our own instead of the default one, whose managed policy may write to any log group.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    role.addToPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [webhookUrl.secretArn] }),
    );

    const fn = new NodejsFunction(this, 'Handler', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      // The webhook sender may spend up to 10 s on retries, plus the secret read on a cold start.
      timeout: Duration.seconds(30),
      role,
      logGroup,
      environment: {
        SLACK_WEBHOOK_SECRET_ID: webhookUrl.secretArn,
        NODE_OPTIONS: '--enable-source-maps',
      },
      // @aws-sdk/* is left out of the bundle and taken from the Lambda runtime (the default).
      bundling: { format: OutputFormat.CJS, target: 'node22', sourceMap: true },
      // Asynchronous invocation: the handler throws when Slack refused or could not be reached;
      // Lambda retries twice, then sends the event to the queue (and grants itself SendMessage).
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      deadLetterQueue: failed,
    });
    if (props.enrich !== undefined && props.enrich !== false) {
      enableEnrichment(fn, role, props.enrich === true ? {} : props.enrich);
    }

    new Rule(this, 'EcsEvents', {
      description: 'Amazon ECS events for ecs-slack',
      eventPattern: { source: ['aws.ecs'], detailType: ECS_DETAIL_TYPES },
      // Adds the permission for EventBridge to invoke the function, and the queue policy that
      // lets this rule send what it could not deliver to the queue.
      targets: [
        new LambdaFunction(fn, { deadLetterQueue: failed, retryAttempts: 185, maxEventAge: Duration.hours(24) }),
      ],
    });

    new CfnOutput(this, 'SecretName', { value: webhookUrl.secretName });
    new CfnOutput(this, 'FunctionName', { value: fn.functionName });
    new CfnOutput(this, 'FailedEventsQueueUrl', { value: failed.queueUrl });
  }
}
