/**
 * `ecs-slack/slack`: building blocks for your own Slack messages and clients. The mrkdwn helpers
 * (escape by default, one named way out), Slack's limits and the fitters that keep text within
 * them, the severity styles, the deployment card and digest sentence, a Block Kit Builder link,
 * the types of the Web API calls the senders make, and pacing (`createPacedSender`: any sender
 * at Slack's rate, as the pipeline paces its destinations by default).
 *
 * @example
 * ```ts
 * import { bold, code, join, text } from 'ecs-slack/slack';
 *
 * const line = join([bold('Service'), code(service), text(`restarted ${count} times`)], ' ');
 * ```
 *
 * @module ecs-slack/slack
 */
export {
  bold,
  code,
  date,
  escapeText,
  join,
  link,
  mention,
  pre,
  text,
  trusted,
  type Mention,
  type Mrkdwn,
  type PlainText,
  type UserGroupMention,
  type UserMention,
} from './render/mrkdwn.js';
export { SLACK_LIMITS, fitId, fitList, fitProse } from './render/limits.js';
export { SEVERITY_STYLES, type SeverityStyle } from './render/options.js';
export { blockKitBuilderUrl } from './render/builder-url.js';
export { digestSummary } from './render/digest.js';
export { renderSilenceSummary } from './render/silence-summary.js';
export { renderIncident, type Incident, type IncidentService } from './render/incident.js';
export { renderDeploymentCard, type DeploymentProgress, type DeploymentState } from './render/deployment-card.js';
export { WEBHOOK_DEFAULTS, type WebhookUrl } from './deliver/webhook.js';
export { PACE_DEFAULTS, createPacedSender, type PaceOptions, type PacedSenderOptions } from './deliver/pace.js';
export type {
  ChatPostMessageRequest,
  ChatPostMessageResult,
  ChatUpdateRequest,
  SlackChatMethods,
  WebApiSender,
} from './deliver/web-api.js';
