/**
 * `ecs-slack/state`: the state store behind the noise filter and deployment threads. The
 * interface to implement your own store, the memory store (the default), and the namespaced and
 * retrying wrappers. The DynamoDB store is in `ecs-slack/dynamodb`.
 *
 * @example
 * ```ts
 * import { createNoiseFilter } from 'ecs-slack';
 * import { MemoryStateStore } from 'ecs-slack/state';
 *
 * const filter = createNoiseFilter({ store: new MemoryStateStore({ maxBytes: 8_000_000 }) });
 * ```
 *
 * @module ecs-slack/state
 */
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
} from './store.js';
export { MemoryStateStore, type MemoryStateStoreOptions, type StateEviction } from './memory-store.js';
export { namespacedStore } from './namespaced-store.js';
export {
  STORE_RETRY_DEFAULTS,
  retryingStore,
  type RetryingStoreOptions,
  type StoreRetryOptions,
} from './retrying-store.js';
