/**
 * `ecs-slack/lambda`: the ready-made Lambda handler. EventBridge directly, or through SQS (with a
 * partial batch response) or SNS; the noise filter, the Slack message and its delivery, one JSON
 * log line per event. The Slack destination comes from the options or the environment.
 *
 * @example
 * ```ts
 * import { createHandler } from 'ecs-slack/lambda';
 *
 * // SLACK_WEBHOOK_URL from the environment; the alerts preset; failed SQS records handed back.
 * export const handler = createHandler();
 * ```
 *
 * @module ecs-slack/lambda
 */
export { ConfigError, HandlerError, isConfigError } from '../errors.js';
export {
  createHandler,
  type BatchItemFailure,
  type BatchResponse,
  type EcsSlackHandler,
  type HandlerOptions,
  type SqsBatch,
} from './handler.js';
export {
  ENVIRONMENT,
  type SecretReference,
  type SecretResolver,
  type SecretsManagerReference,
  type SsmParameterReference,
} from './config.js';
