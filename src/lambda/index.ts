/**
 * `ecs-slack/lambda`: the ready-made Lambda handler.
 *
 * @packageDocumentation
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
