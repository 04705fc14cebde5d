/**
 * `ecs-slack/cdk`: the `EcsSlackAlerts` construct, Amazon ECS alerts in Slack in one statement of
 * a CDK stack. It deploys `ecs-slack/function` (bundled at synth with esbuild, which must be
 * installed) behind EventBridge rules that select only what the preset can notify.
 *
 * Needs the optional peer dependencies `aws-cdk-lib` (v2) and `constructs` (v10); no other entry
 * imports them. What gets deployed, the function's environment and the IAM it gets are in
 * `docs/deploying.md`.
 *
 * @example
 * ```ts
 * import { App, Stack } from 'aws-cdk-lib';
 * import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
 * import { EcsSlackAlerts } from 'ecs-slack/cdk';
 *
 * const stack = new Stack(new App(), 'EcsSlack');
 * const webhookSecret = new Secret(stack, 'SlackWebhook', { secretName: 'ecs-slack/webhook-url' });
 * new EcsSlackAlerts(stack, 'Alerts', { webhookSecret, clusters: ['prod'], preset: 'alerts' });
 * ```
 *
 * @module ecs-slack/cdk
 */
export { EcsSlackAlerts } from './alerts.js';
export type {
  EcsSlackAlertsProps,
  EcsSlackEnrichProps,
  EcsSlackInteractiveProps,
  EcsSlackWebApiProps,
} from './props.js';
