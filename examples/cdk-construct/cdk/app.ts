/**
 * The whole deployment in a CDK app: the secret that will hold the webhook URL, and the
 * EcsSlackAlerts construct of ecs-slack/cdk. docs/getting-started.md deploys it:
 * `npx cdk deploy --app 'npx tsx cdk/app.ts'`.
 */
import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EcsSlackAlerts } from 'ecs-slack/cdk';

const app = new App();
const stack = new Stack(app, 'EcsSlack');

// Empty for now: the webhook URL goes in after the deployment, never into the template.
const webhookSecret = new Secret(stack, 'SlackWebhook', { secretName: 'ecs-slack/webhook-url' });

const alerts = new EcsSlackAlerts(stack, 'Alerts', {
  webhookSecret,
  clusters: ['prod'], // your cluster names; leave out to watch every cluster
  preset: 'alerts',
});

new CfnOutput(stack, 'FunctionName', { value: alerts.function.functionName });
new CfnOutput(stack, 'DeadLetterQueueUrl', { value: alerts.deadLetterQueue.queueUrl });
