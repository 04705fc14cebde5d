/**
 * What a Lambda loads before its first event: the Node.js built-in modules that the bundle of
 * `ecs-slack/lambda` and `ecs-slack/function` imports at the top. Each one not already loaded
 * by Node.js costs the cold start (`node:crypto` took about 6 ms); those needed only by a
 * feature are loaded when the feature runs (see `src/internal/node-crypto.ts`).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The built-in modules a bundle of `entry` imports statically, as a Lambda bundler leaves them. */
async function builtinImports(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    external: ['@aws-sdk/*', 'zod', '@slack/bolt'],
    logLevel: 'silent',
    outfile: join(ROOT, '.tmp/cold-start-imports.mjs'),
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return output.imports
    .filter((imported) => imported.external && imported.kind === 'import-statement')
    .map((imported) => imported.path)
    .filter((path) => !path.startsWith('@aws-sdk/') && path !== 'zod' && !path.startsWith('zod/'))
    .sort();
}

describe('the built-in modules a Lambda loads at its cold start', () => {
  for (const entry of ['src/lambda/index.ts', 'src/function/index.ts']) {
    it(`${entry} imports only node:module (already loaded by Node.js), not node:crypto`, async () => {
      const imports = await builtinImports(entry);
      expect(imports.filter((path) => /^(node:)?crypto$/.test(path))).toEqual([]);
      expect(imports.filter((path) => !/^(node:)?module$/.test(path))).toEqual([]);
    });
  }
});
