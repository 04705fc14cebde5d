/**
 * Root-cause evidence in the alerts (docs/evidence.md): turns it on in the function
 * (`ECS_SLACK_ENRICH=true`, which `createHandler` reads) and grants the role exactly what it
 * reads: task definitions, the stopped tasks of the given clusters, the given log groups.
 * Shared by the lambda-webhook and lambda-sqs-threads stacks.
 */
import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';

/** What enrichment may read; the defaults suit the usual `/ecs/...` log groups. */
export interface EnrichmentProps {
  /** Log groups whose last lines may appear in Slack (names, `*` globs). Default `['/ecs/*']`. */
  readonly logGroups?: string[];
  /** Clusters whose stopped tasks service alerts look up (names, `*` globs). Default all: `['*']`. */
  readonly clusters?: string[];
}

/**
 * Turns enrichment on for `fn` and grants `role` the least it needs: `ecs:DescribeTaskDefinition`
 * (it supports no resource-level permission), `ecs:ListTasks` and `ecs:DescribeTasks` on the
 * clusters, `logs:GetLogEvents` on the streams of the log groups, in this stack's Region.
 */
export function enableEnrichment(fn: LambdaFunction, role: IRole, props: EnrichmentProps = {}): void {
  const stack = Stack.of(fn);
  const clusters = (props.clusters ?? ['*']).map((name) =>
    stack.formatArn({ service: 'ecs', resource: 'cluster', resourceName: name }),
  );
  const streams = (props.logGroups ?? ['/ecs/*']).map((group) =>
    stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: `${group}:log-stream:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
  );
  role.addToPrincipalPolicy(
    new PolicyStatement({ sid: 'ReadTaskDefinitions', actions: ['ecs:DescribeTaskDefinition'], resources: ['*'] }),
  );
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'FindStoppedTasks',
      actions: ['ecs:ListTasks', 'ecs:DescribeTasks'],
      resources: ['*'],
      conditions: { ArnLike: { 'ecs:cluster': clusters } },
    }),
  );
  role.addToPrincipalPolicy(
    new PolicyStatement({ sid: 'ReadContainerLogs', actions: ['logs:GetLogEvents'], resources: streams }),
  );
  fn.addEnvironment('ECS_SLACK_ENRICH', 'true');
}
