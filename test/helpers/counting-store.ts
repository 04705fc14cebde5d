/**
 * A memory store that records each call, as `<operation> <kind of key>` (`put fold`,
 * `update claim`): what a decision cost, in store calls.
 */
import { MemoryStateStore } from '../../src/state/index.js';
import type { StateStore } from '../../src/state/store.js';

/** The store, and the calls made on it so far (clear it with `calls.length = 0`). */
export function countingStore(): { store: StateStore; calls: string[] } {
  const calls: string[] = [];
  const memory = new MemoryStateStore();
  const store = new Proxy(memory, {
    get: (target, name) => {
      const value = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return (key: { scope: string } | string, ...rest: unknown[]) => {
        calls.push(`${String(name)} ${typeof key === 'string' ? key : key.scope.split('#')[0]}`);
        return value.call(target, key, ...rest);
      };
    },
  });
  return { store, calls };
}
