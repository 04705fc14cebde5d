/**
 * The second function of `EcsSlackAlerts` with `interactive`: the alert buttons'
 * `ecs-slack/slack-actions` handler (Bolt on `AwsLambdaReceiver`) behind a function URL.
 *
 * @internal
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, FunctionUrlAuthType, Runtime, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { SLACK_ACTIONS_ENVIRONMENT } from '../slack-actions/lambda.js';

/** The handler's code: `ecs-slack/slack-actions` as built beside this file, or its source. */
function actionsEntry(): string {
  const candidates = ['./slack-actions.js', '../slack-actions/index.ts'].map((path) =>
    fileURLToPath(new URL(path, import.meta.url)),
  );
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}

/**
 * How both functions are bundled: CommonJS for Node.js 22, minified, with source maps.
 *
 * @internal
 */
export function bundling(externalModules: string[]): BundlingOptions {
  return {
    format: OutputFormat.CJS,
    target: 'node22',
    minify: true,
    sourceMap: true,
    // The package's own chunks hold no side effects: nothing to warn about.
    esbuildArgs: { '--log-override:ignored-bare-import': 'silent' },
    externalModules,
  };
}

/** What the actions function needs. @internal */
export interface ActionsFunctionProps {
  readonly table: TableV2;
  readonly tokenSecret: ISecret;
  readonly signingSecret: ISecret;
  readonly allow: readonly string[];
  readonly storeActions: readonly string[];
}

/**
 * The actions function, its role (the table, the two secrets, its logs), its function URL, and
 * an output with the URL to paste as the Slack app's interactivity request URL.
 *
 * @internal
 */
export function actionsFunction(
  scope: Construct,
  props: ActionsFunctionProps,
): { readonly fn: NodejsFunction; readonly url: FunctionUrl } {
  const logGroup = new LogGroup(scope, 'ActionsLogs', {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new Role(scope, 'ActionsRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  props.table.grant(role, ...props.storeActions);
  for (const secret of [props.tokenSecret, props.signingSecret]) {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
    );
    secret.encryptionKey?.grantDecrypt(role);
  }
  const v = SLACK_ACTIONS_ENVIRONMENT;
  const fn = new NodejsFunction(scope, 'ActionsFunction', {
    entry: actionsEntry(),
    handler: 'handler',
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: 256,
    // Slack wants an answer within 3 seconds; Bolt answers once the listener is done.
    timeout: Duration.seconds(10),
    role,
    logGroup,
    environment: {
      [v.botTokenSecretId]: props.tokenSecret.secretArn,
      [v.signingSecretId]: props.signingSecret.secretArn,
      [v.allow]: props.allow.join(','),
      [v.table]: props.table.tableName,
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: bundling(['@aws-sdk/*']),
  });
  // Slack cannot sign in with IAM: the function checks Slack's signature itself (Bolt).
  const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  new CfnOutput(scope, 'InteractivityUrl', {
    value: url.url,
    description: "The Slack app's Interactivity Request URL (docs/interactivity.md)",
  });
  return { fn, url };
}
