/**
 * `node:crypto`, loaded on first use. Importing it costs a cold start several milliseconds
 * (OpenSSL's bindings and the cipher modules), and most Lambdas never need it: only signed
 * alert buttons do. `process.getBuiltinModule` (Node.js 20.16 and later) loads it synchronously
 * where it is needed; older Node.js versions fall back to `require` through `node:module`.
 *
 * @internal
 * @module
 */
import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');

let loaded: NodeCrypto | undefined;

/**
 * The `node:crypto` module, loaded the first time it is asked for.
 *
 * @internal
 */
export function nodeCrypto(): NodeCrypto {
  if (loaded !== undefined) return loaded;
  const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  loaded = (
    typeof builtin === 'function' ? builtin('node:crypto') : createRequire(import.meta.url)('node:crypto')
  ) as NodeCrypto;
  return loaded;
}
