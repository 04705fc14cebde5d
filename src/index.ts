/**
 * ecs-slack: typed parsers, a classifier, noise filters and Slack Block Kit renderers for
 * Amazon ECS events on EventBridge.
 *
 * Everything exported here is pure (no I/O, no clock), except the two Slack senders, which do
 * I/O only when called (`fetch` for webhooks, the user's own `WebClient` for the Web API) and
 * pull in no dependency. The DynamoDB state store, log evidence from AWS and the Lambda
 * handler live in the `ecs-slack/dynamodb`, `ecs-slack/aws` and `ecs-slack/lambda` subpaths.
 *
 * @packageDocumentation
 */

export {
  ConfigError,
  DeliveryError,
  EcsSlackError,
  HandlerError,
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

export {
  AttachmentSchema,
  NameValuePairSchema,
  type Attachment,
  type AttachmentStatus,
  type EcsEnvelope,
  type NameValuePair,
  type OpenString,
} from './events/common.js';
export {
  TASK_STATE_CHANGE,
  TaskStateChangeDetailSchema,
  TaskStateChangeSchema,
  type Container,
  type ContainerOverride,
  type ContainerStatus,
  type EphemeralStorage,
  type LaunchType,
  type ManagedAgent,
  type NetworkBinding,
  type NetworkInterface,
  type TaskDesiredStatus,
  type TaskOverrides,
  type TaskStateChange,
  type TaskStateChangeDetail,
  type TaskStatus,
  type TaskStopCode,
} from './events/task-state-change.js';
export {
  SERVICE_ACTION,
  ServiceActionDetailSchema,
  ServiceActionSchema,
  type ServiceAction,
  type ServiceActionDetail,
  type ServiceActionName,
  type ServiceEventType,
} from './events/service-action.js';
export {
  DEPLOYMENT_STATE_CHANGE,
  DeploymentStateChangeDetailSchema,
  DeploymentStateChangeSchema,
  type DeploymentEventName,
  type DeploymentStateChange,
  type DeploymentStateChangeDetail,
} from './events/deployment-state-change.js';
export {
  CONTAINER_INSTANCE_STATE_CHANGE,
  ContainerInstanceStateChangeDetailSchema,
  ContainerInstanceStateChangeSchema,
  type AgentUpdateStatus,
  type ContainerInstanceStateChange,
  type ContainerInstanceStateChangeDetail,
  type ContainerInstanceStatus,
  type InstanceResource,
  type VersionInfo,
} from './events/container-instance-state-change.js';
export {
  DETAIL_TYPES,
  type ContainerInstanceEvent,
  type DeploymentEvent,
  type EcsEvent,
  type EcsEventKind,
  type KnownEcsEventKind,
  type ServiceActionEvent,
  type TaskEvent,
  type UnknownEcsEvent,
} from './events/index.js';

export { classify } from './classify/index.js';
export { identify, type Identity } from './classify/identity.js';
export { consoleBase, consoleLinks, type ConsoleLinks } from './classify/links.js';
export type {
  Cause,
  Classification,
  Culprit,
  DeploymentOutcome,
  Hint,
  InstanceOutcome,
  Outcome,
  ServiceOutcome,
  Severity,
  TaskOutcome,
  TaskPhase,
} from './classify/classification.js';

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
export {
  unwrap,
  type RecordSource,
  type UnwrapFailure,
  type UnwrapOptions,
  type UnwrapOrigin,
  type UnwrappedEvent,
  type UnwrappedRecord,
} from './unwrap/index.js';

export type { SlackMessage } from './render/slack-message.js';
export { renderMessage } from './render/message.js';
export { renderDecision } from './render/decision.js';
export {
  createPipeline,
  jsonLineLogger,
  type FlushOptions,
  type HandleOptions,
  type InvalidRecordPolicy,
  type Pipeline,
  type PipelineLogEntry,
  type PipelineLogger,
  type PipelineOptions,
  type PipelineResult,
} from './pipeline.js';
export {
  createDeploymentThreads,
  type DeploymentThread,
  type DeploymentThreads,
  type DeploymentThreadsOptions,
} from './deliver/threads/index.js';
export { digestSummary, renderDigest, type ClassifiedEvent, type Digest } from './render/digest.js';
export { renderDeploymentCard, type DeploymentProgress, type DeploymentState } from './render/deployment-card.js';
export { blockKitBuilderUrl } from './render/builder-url.js';
export {
  SEVERITY_STYLES,
  type ExtraField,
  type LogLink,
  type RenderOptions,
  type SeverityStyle,
} from './render/options.js';
export type { Evidence, LogLocation, StoppedTaskSummary } from './render/evidence.js';
export { SLACK_LIMITS, fitId, fitList, fitProse } from './render/limits.js';
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
  type UserGroupMention,
  type UserMention,
} from './render/mrkdwn.js';
export type { PostOptions, PostedMessage, SlackSender } from './deliver/sender.js';
export {
  WEBHOOK_DEFAULTS,
  createWebhookSender,
  type WebhookSenderOptions,
  type WebhookUrl,
} from './deliver/webhook.js';
export {
  createWebApiSender,
  type ChatPostMessageRequest,
  type ChatPostMessageResult,
  type ChatUpdateRequest,
  type SlackChatClient,
  type SlackChatMethods,
  type WebApiSender,
  type WebApiSenderOptions,
} from './deliver/web-api.js';

export { MemoryStateStore, type MemoryStateStoreOptions, type StateEviction } from './state/memory-store.js';
export { createNoiseFilter } from './filter/noise-filter.js';
export { namespacedStore } from './state/namespaced-store.js';
export {
  STORE_RETRY_DEFAULTS,
  retryingStore,
  type RetryingStoreOptions,
  type StoreRetryOptions,
} from './state/retrying-store.js';
export { FILTER_PRESETS, resolveFilterOptions } from './filter/presets.js';
export { applyStatelessRules, type StatelessVerdict } from './filter/rules.js';
export { OUTCOMES, SEVERITIES, type OutcomeOf, type OutcomeRecord } from './classify/outcomes.js';
export type {
  Decision,
  DecisionReceipt,
  DeferDecision,
  DigestDecision,
  FilterPreset,
  NameFilter,
  NoiseFilter,
  NoiseFilterOptions,
  NotifyDecision,
  ReceiptMarker,
  ReceiptProblem,
  ReceiptSteady,
  ReceiptWindow,
  ResolvedFilterOptions,
  SuppressDecision,
  SuppressReason,
} from './filter/types.js';
export { eventPattern, eventPatterns } from './patterns/index.js';
export type { AnythingButMatch, EventPattern, EventPatternFields, EventPatternMatch } from './patterns/types.js';
export type {
  JsonPrimitive,
  JsonValue,
  PutIfHigherResult,
  PutOptions,
  StateChange,
  StateKey,
  StateRecord,
  StateStore,
  StateValue,
  StoreWrite,
  UpdateOptions,
} from './state/store.js';
