/**
 * `ecs-slack/slack-actions`: acknowledge and mute ECS alerts from Slack. The Bolt listeners
 * behind the buttons that `render: { interactive: true, signingSecret }` puts on alerts.
 * `@slack/bolt` is an optional peer: this entry imports only its types, so it loads without Bolt,
 * but type-checking a project that imports it needs `@slack/bolt` installed. See `docs/interactivity.md`.
 *
 * @example
 * ```ts
 * import { App } from '@slack/bolt';
 * import { registerEcsSlackActions } from 'ecs-slack/slack-actions';
 *
 * const app = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });
 * registerEcsSlackActions(app, { store, allow: ['S0123ABCD'] });
 * await app.start(3000);
 * ```
 *
 * @module ecs-slack/slack-actions
 */
export {
  createSlackActionsHandler,
  handler,
  SLACK_ACTIONS_ENVIRONMENT,
  type SlackActionsHandler,
  type SlackActionsHandlerOptions,
} from './lambda.js';
export { registerEcsSlackActions, type EcsSlackActionsOptions } from './register.js';
