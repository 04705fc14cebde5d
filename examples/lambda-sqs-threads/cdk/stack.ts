/**
 * The lambda-sqs-threads example in CDK: EventBridge → SQS (with a dead-letter queue after five
 * receives) → Lambda with partial batch responses, the DynamoDB state table of docs/dynamodb.md,
 * the bot token in Secrets Manager, and nothing more in IAM than the function needs.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { enableEnrichment, type EnrichmentProps } from '../../lambda-webhook/cdk/enrichment.js';

/** The four detail-types ecs-slack reads (`DETAIL_TYPES` in ecs-slack). */
const ECS_DETAIL_TYPES = [
  'ECS Task State Change',
  'ECS Service Action',
  'ECS Deployment State Change',
  'ECS Container Instance State Change',
];

/** The function's timeout; the queue's visibility timeout is six times it, as Lambda advises. */
const FUNCTION_TIMEOUT = Duration.seconds(30);

export interface LambdaSqsThreadsStackProps extends StackProps {
  /** Absolute path of the handler file (examples/lambda-sqs-threads/handler.ts). */
  readonly entry: string;
  /** The Slack channel ID to post to (`C0123456789`); the app must be a member. */
  readonly channel: string;
  /**
   * Root-cause evidence in the alerts (the crashed container's last log lines and links):
   * `true`, or what it may read. Default: off. See docs/evidence.md.
   */
  readonly enrich?: boolean | EnrichmentProps;
}

export class LambdaSqsThreadsStack extends Stack {
  constructor(scope: Construct, id: string, props: LambdaSqsThreadsStackProps) {
    super(scope, id, props);

    // The value (xoxb-...) is set after deployment (see README.md), never in the template.
    const botToken = new Secret(this, 'BotToken', {
      secretName: 'ecs-slack/bot-token',
      description: 'Slack bot token (xoxb-...) for ecs-slack, with the chat:write scope',
    });

    // Records that failed five times (Slack refused them, or they are not ECS events), and events
    // EventBridge could not send to the queue. Each body is the EventBridge event, ready to replay.
    const failed = new Queue(this, 'FailedEvents', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    const events = new Queue(this, 'Events', {
      visibilityTimeout: Duration.seconds(FUNCTION_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: failed, maxReceiveCount: 5 },
    });

    // docs/dynamodb.md: string keys pk and sk, TTL on ttl, on-demand; the state is disposable.
    const state = new TableV2(this, 'State', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billing: Billing.onDemand(),
      timeToLiveAttribute: 'ttl',
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // A role of our own instead of the default one, whose managed policy may write to any log group.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    role.addToPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [botToken.secretArn] }),
    );
    // Exactly the five actions the DynamoDB store uses.
    state.grant(
      role,
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:Query',
    );

    const fn = new NodejsFunction(this, 'Handler', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: FUNCTION_TIMEOUT,
      role,
      logGroup,
      environment: {
        SLACK_BOT_TOKEN_SECRET_ID: botToken.secretArn,
        SLACK_CHANNEL: props.channel,
        STATE_TABLE: state.tableName,
        NODE_OPTIONS: '--enable-source-maps',
      },
      // @aws-sdk/* is left out of the bundle and taken from the Lambda runtime (the default).
      bundling: { format: OutputFormat.CJS, target: 'node22', sourceMap: true },
    });
    if (props.enrich !== undefined && props.enrich !== false) {
      enableEnrichment(fn, role, props.enrich === true ? {} : props.enrich);
    }

    // Grants the function what the event source mapping needs on the queue (receive, delete,
    // change visibility, attributes). The handler returns the records to retry; without
    // reportBatchItemFailures Lambda would ignore that and retry the whole batch.
    fn.addEventSource(
      new SqsEventSource(events, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        // Slack takes about one message per second per channel: two pollers are plenty.
        maxConcurrency: 2,
      }),
    );

    new Rule(this, 'EcsEvents', {
      description: 'Amazon ECS events for ecs-slack',
      eventPattern: { source: ['aws.ecs'], detailType: ECS_DETAIL_TYPES },
      // Adds the queue policy that lets this rule send to the queue (and to the dead-letter queue).
      targets: [new SqsQueue(events, { deadLetterQueue: failed })],
    });

    new CfnOutput(this, 'SecretName', { value: botToken.secretName });
    new CfnOutput(this, 'FunctionName', { value: fn.functionName });
    new CfnOutput(this, 'EventsQueueUrl', { value: events.queueUrl });
    new CfnOutput(this, 'FailedEventsQueueUrl', { value: failed.queueUrl });
  }
}
