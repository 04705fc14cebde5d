/**
 * A view of a state store under a namespace, so several filters (one per Slack channel, say) can
 * share one table without seeing each other's records.
 *
 * @module
 */
import type {
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

/**
 * Wraps a store so that every key's scope is prefixed with `namespace` and `:`.
 *
 * @param store - The shared store.
 * @param namespace - The namespace, for example the channel a pipeline posts to.
 * @returns A store whose records live apart from other namespaces'.
 * @example
 * ```ts
 * const payments = createNoiseFilter({ store: namespacedStore(store, 'payments') });
 * ```
 */
export function namespacedStore(store: StateStore, namespace: string): StateStore {
  const key = (k: StateKey): StateKey => ({ scope: `${namespace}:${k.scope}`, id: k.id });
  return {
    get: (k: StateKey, now: number): Promise<StateRecord | undefined> => store.get(key(k), now),
    put: (k: StateKey, value: StateValue, options: PutOptions): Promise<StateRecord | undefined> =>
      store.put(key(k), value, options),
    putIfHigher: (k: StateKey, order: number, write: StoreWrite): Promise<PutIfHigherResult> =>
      store.putIfHigher(key(k), order, write),
    update: (k: StateKey, change: StateChange, options: UpdateOptions): Promise<StateRecord | undefined> =>
      store.update(key(k), change, options),
    take: (k: StateKey, now: number, expectedVersion?: number): Promise<StateRecord | undefined> =>
      store.take(key(k), now, expectedVersion),
    list: (scope: string, now: number): Promise<Array<{ readonly id: string; readonly record: StateRecord }>> =>
      store.list(`${namespace}:${scope}`, now),
  };
}
