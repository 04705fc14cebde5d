/**
 * ecs-slack: typed parsers, a classifier, noise filters and Slack Block Kit renderers for
 * Amazon ECS events on EventBridge.
 *
 * The root holds what most users call; specialists live on subpaths: `ecs-slack/schemas` (zod
 * schemas, `unwrap`), `ecs-slack/state` (stores), `ecs-slack/filter` (presets, rules),
 * `ecs-slack/patterns` (EventBridge patterns), `ecs-slack/slack` (mrkdwn, limits), and the
 * integrations `ecs-slack/lambda`, `ecs-slack/dynamodb`, `ecs-slack/aws`, `ecs-slack/amazon-q`.
 *
 * @example
 * ```ts
 * import { classify, parseEcsEvent, renderMessage } from 'ecs-slack';
 *
 * const event = parseEcsEvent(input);
 * const message = renderMessage(event, { classification: classify(event) });
 * ```
 *
 * @module ecs-slack
 */

export {
  ConfigError,
  DeliveryError,
  EcsSlackError,
  ParseError,
  StateStoreError,
  ThreadBusyError,
  isConfigError,
  isDeliveryError,
  isEcsSlackError,
  isParseError,
  isStateStoreError,
  isThreadBusyError,
  type DeliveryErrorOptions,
  type EcsSlackErrorOptions,
  type ParseErrorOptions,
  type StateStoreErrorOptions,
} from './errors.js';

export type {
  ContainerInstanceEvent,
  DeploymentEvent,
  EcsEvent,
  EcsEventKind,
  ServiceActionEvent,
  TaskEvent,
  UnknownEcsEvent,
} from './events/index.js';

export {
  parseEcsEvent,
  parseEcsEvents,
  safeParseEcsEvent,
  type ParseFailure,
  type ParseSuccess,
  type ParsedRecord,
  type ParsedRecordFailure,
  type SafeParseResult,
} from './parse/index.js';
export { salvageEcsEvent, type SalvagedEvent } from './parse/lenient.js';

export { classify } from './classify/index.js';
export { OUTCOMES, type Outcome, type OutcomeOf, type OutcomeRecord, type Severity } from './classify/outcomes.js';
export type { Cause, Classification, ClassifiedEvent, Culprit, Hint, TaskPhase } from './classify/classification.js';
export type { Identity } from './classify/identity.js';
export type { ConsoleLinks } from './classify/links.js';

export { createNoiseFilter } from './filter/noise-filter.js';
export type { FilterPreset, NameFilter, NoiseFilterOptions } from './filter/filter-options.js';
export type {
  Decision,
  DeferDecision,
  DigestDecision,
  NoiseFilter,
  NotifyDecision,
  SuppressDecision,
  SuppressReason,
} from './filter/decision.js';
export type { DecisionReceipt } from './filter/receipt.js';
export type { Digest } from './filter/digest.js';
export type { StateStore } from './state/store.js';

export type { SlackMessage } from './render/slack-message.js';
export { renderMessage, type MessageOptions } from './render/message.js';
export { renderDecision } from './render/decision.js';
export { renderDigest } from './render/digest.js';
export type { ExtraField, LogLink, RenderOptions } from './render/options.js';

export type { PostOptions, PostedMessage, SlackSender } from './deliver/sender.js';
export { createWebhookSender, type WebhookSenderOptions } from './deliver/webhook.js';
export { createWebApiSender, type SlackChatClient, type WebApiSenderOptions } from './deliver/web-api.js';
export {
  createDeploymentThreads,
  type DeploymentThread,
  type DeploymentThreads,
  type DeploymentThreadsOptions,
} from './deliver/threads/index.js';

export {
  createPipeline,
  jsonLineLogger,
  type FlushOptions,
  type HandleOptions,
  type Pipeline,
  type PipelineLogEntry,
  type PipelineLogger,
  type PipelineOptions,
  type PipelineResult,
} from './pipeline/index.js';
