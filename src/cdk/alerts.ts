/**
 * The `EcsSlackAlerts` construct: EventBridge rules from the library's patterns, an SQS queue with
 * a dead-letter queue, the `ecs-slack/function` Lambda, its DynamoDB state table, and a role that
 * may do only what the function does.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, type EventPattern as CdkEventPattern } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { NoiseFilterOptions } from '../filter/filter-options.js';
import { ENVIRONMENT } from '../lambda/config.js';
import { SLACK_ACTIONS_ENVIRONMENT } from '../slack-actions/lambda.js';
import { eventPattern, eventPatterns } from '../patterns/index.js';
import type { EventPattern } from '../patterns/types.js';
import type { Policy } from '../policy/schema.js';
import { actionsFunction, bundling } from './interactive.js';
import { checkAlertsProps, type EcsSlackAlertsProps } from './props.js';

/** The function's timeout; the queue's visibility timeout is six times it, as Lambda advises. */
const FUNCTION_TIMEOUT = Duration.seconds(30);
/** EventBridge's limit on one rule's event pattern, in characters. */
const MAX_PATTERN_LENGTH = 2048;
/** Exactly the five actions the DynamoDB store uses. */
const STORE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
] as const;

/** The function's code: `ecs-slack/function` as built beside this file, or its source in a checkout. */
function functionEntry(): string {
  const candidates = ['./function.js', '../function/index.ts'].map((path) =>
    fileURLToPath(new URL(path, import.meta.url)),
  );
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}

/** One pattern when it fits in one rule, else the library's non-overlapping patterns, one rule each. */
function patternsFor(options: NoiseFilterOptions): EventPattern[] {
  const one = eventPattern(options);
  return JSON.stringify(one).length <= MAX_PATTERN_LENGTH ? [one] : eventPatterns(options);
}

/**
 * Amazon ECS alerts in Slack, deployed: EventBridge rules that select only what the preset can
 * notify (`eventPattern()` of `ecs-slack/patterns`), an SQS queue with a dead-letter queue, the
 * `ecs-slack/function` Lambda (Node.js 22, arm64) bundled with esbuild, a DynamoDB state table
 * with TTL, and a role that may do only what the function does.
 *
 * @remarks The function's settings are environment variables (the table in docs/deploying.md):
 * `SLACK_WEBHOOK_SECRET_ID` or `SLACK_BOT_TOKEN_SECRET_ID` with `SLACK_CHANNEL`, `ECS_SLACK_PRESET`,
 * `ECS_SLACK_TABLE`, `ECS_SLACK_POLICY` and `ECS_SLACK_ENRICH`. A record that fails five times
 * waits in the dead-letter queue, its body the EventBridge event, ready to replay.
 *
 * @example
 * ```ts
 * import { Stack } from 'aws-cdk-lib';
 * import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
 * import { EcsSlackAlerts } from 'ecs-slack/cdk';
 *
 * const stack = new Stack();
 * const webhookSecret = new Secret(stack, 'SlackWebhook', { secretName: 'ecs-slack/webhook-url' });
 * new EcsSlackAlerts(stack, 'Alerts', { webhookSecret, clusters: ['prod'] });
 * ```
 */
export class EcsSlackAlerts extends Construct {
  /** The Lambda function. */
  readonly function: NodejsFunction;
  /** The queue between EventBridge and the function. */
  readonly queue: Queue;
  /** Where records go after five failed tries, and events EventBridge could not queue. */
  readonly deadLetterQueue: Queue;
  /** The DynamoDB state table (duplicates, digests, deployment threads). */
  readonly table: TableV2;
  /** The EventBridge rules, one per pattern. */
  readonly rules: readonly Rule[];
  /** With `interactive`: the function behind the alert buttons. */
  readonly actionsFunction?: NodejsFunction;
  /** With `interactive`: its function URL, the Slack app's interactivity request URL (also a stack output). */
  readonly interactivityUrl?: string;

  /**
   * @param scope - Where to add it: a stack, or a construct in one.
   * @param id - Its id in the scope.
   * @param props - The Slack destination, what to watch, and how.
   * @throws `ConfigError` naming the prop, for no destination or two, or a policy that is not valid.
   */
  constructor(scope: Construct, id: string, props: EcsSlackAlertsProps) {
    super(scope, id);
    const { policyJson } = checkAlertsProps(props);
    const filter: NoiseFilterOptions = {
      preset: props.preset ?? 'alerts',
      ...(props.clusters === undefined ? {} : { clusters: { include: [...props.clusters] } }),
      ...(props.services === undefined ? {} : { services: { include: [...props.services] } }),
    };
    const patterns = patternsFor(filter);

    this.deadLetterQueue = new Queue(this, 'FailedEvents', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new Queue(this, 'Events', {
      visibilityTimeout: Duration.seconds(FUNCTION_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });
    // docs/dynamodb.md: string keys pk and sk, TTL on ttl, on-demand; the state is disposable.
    this.table = new TableV2(this, 'State', {
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

    // A role of our own: the default one's managed policy may write to any log group.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    this.table.grant(role, ...STORE_ACTIONS);
    const secret = props.webhookSecret ?? props.webApi!.tokenSecret;
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
    );
    secret.encryptionKey?.grantDecrypt(role);
    if (props.interactive !== undefined) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [props.interactive.signingSecret.secretArn],
        }),
      );
      props.interactive.signingSecret.encryptionKey?.grantDecrypt(role);
    }
    if (props.policy !== undefined) grantPolicy(this, role, props.policy);
    if (props.enrich !== undefined && props.enrich !== false)
      grantEnrichment(this, role, props.clusters, props.enrich === true ? undefined : props.enrich.logGroups);

    this.function = new NodejsFunction(this, 'Function', {
      entry: functionEntry(),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: FUNCTION_TIMEOUT,
      role,
      logGroup,
      environment: {
        ...(props.webhookSecret === undefined
          ? { SLACK_BOT_TOKEN_SECRET_ID: secret.secretArn, SLACK_CHANNEL: props.webApi!.channel }
          : { [ENVIRONMENT.secretId]: secret.secretArn }),
        [ENVIRONMENT.preset]: filter.preset!,
        [ENVIRONMENT.table]: this.table.tableName,
        ...(policyJson === undefined ? {} : { ECS_SLACK_POLICY: policyJson }),
        ...(props.enrich === undefined || props.enrich === false ? {} : { ECS_SLACK_ENRICH: 'true' }),
        ...(props.interactive === undefined
          ? {}
          : { [SLACK_ACTIONS_ENVIRONMENT.signingSecretId]: props.interactive.signingSecret.secretArn }),
        NODE_OPTIONS: '--enable-source-maps',
      },
      // The runtime brings the AWS SDK; @slack/web-api is bundled only when the bot posts.
      bundling: bundling(['@aws-sdk/*', ...(props.webApi === undefined ? ['@slack/web-api'] : [])]),
    });
    // The handler returns the records to retry; without reportBatchItemFailures Lambda would
    // retry the whole batch. Slack takes about one message per second per channel: two pollers.
    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        maxConcurrency: 2,
      }),
    );
    if (props.interactive !== undefined) {
      const actions = actionsFunction(this, {
        table: this.table,
        tokenSecret: props.webApi!.tokenSecret,
        signingSecret: props.interactive.signingSecret,
        allow: props.interactive.allow,
        storeActions: STORE_ACTIONS,
      });
      this.actionsFunction = actions.fn;
      this.interactivityUrl = actions.url.url;
    }
    this.rules = patterns.map(
      (pattern, index) =>
        new Rule(this, patterns.length === 1 ? 'EcsEvents' : `EcsEvents${index + 1}`, {
          description: `Amazon ECS events ecs-slack can notify (preset ${filter.preset})`,
          // The library's own pattern, keys as EventBridge spells them (`detail-type`, `$or`).
          eventPattern: pattern as CdkEventPattern,
          targets: [new SqsQueue(this.queue, { deadLetterQueue: this.deadLetterQueue })],
        }),
    );
  }
}

/** What the policy's destinations need: their Secrets Manager secrets, their Amazon Q topics. */
function grantPolicy(scope: Construct, role: Role, policy: Policy): void {
  const stack = Stack.of(scope);
  const secrets: string[] = [];
  const topics: string[] = [];
  for (const destination of Object.values(policy.destinations)) {
    if (destination.type === 'amazon-q') topics.push(destination.topicArn);
    if (destination.type !== 'webhook') continue;
    const source = destination.url;
    if ('secretsManager' in source)
      secrets.push(
        source.secretsManager.startsWith('arn:')
          ? source.secretsManager
          : stack.formatArn({
              service: 'secretsmanager',
              resource: 'secret',
              resourceName: `${source.secretsManager}-??????`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
      );
  }
  if (secrets.length > 0)
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secrets }));
  if (topics.length > 0)
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: topics }));
}

/**
 * Root-cause evidence: `ecs:DescribeTaskDefinition` (no resource-level permission exists),
 * `ecs:ListTasks` and `ecs:DescribeTasks` on the clusters, `logs:GetLogEvents` on the streams of
 * the log groups, in this stack's Region.
 */
function grantEnrichment(
  scope: Construct,
  role: Role,
  clusterNames: readonly string[] | undefined,
  logGroups: readonly string[] | undefined,
): void {
  const stack = Stack.of(scope);
  const clusters = (clusterNames ?? ['*']).map((name) =>
    stack.formatArn({ service: 'ecs', resource: 'cluster', resourceName: name }),
  );
  const streams = (logGroups ?? ['/ecs/*']).map((group) =>
    stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: `${group}:log-stream:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
  );
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['ecs:DescribeTaskDefinition'], resources: ['*'] }));
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['ecs:ListTasks', 'ecs:DescribeTasks'],
      resources: ['*'],
      conditions: { ArnLike: { 'ecs:cluster': clusters } },
    }),
  );
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['logs:GetLogEvents'], resources: streams }));
}
