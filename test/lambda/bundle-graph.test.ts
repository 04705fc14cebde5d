/**
 * What the consumer Lambda's bundle holds (issue 18): esbuild bundles `ecs-slack/lambda` and
 * `ecs-slack/function` from source as a user's build would (one file, `@aws-sdk/*` external).
 * Neither may reach zod (parsing, policies and silences are checked by zod-free code; a lazy
 * `import()` would be inlined in a one-file bundle, so no import at all) nor the CLI, and neither
 * may import a Node.js built-in at the top but `node:module`, which Node.js has already loaded:
 * each other one costs the cold start (`node:crypto` took about 6 ms), so those needed only by a
 * feature load when it runs (see `src/internal/node-crypto.ts`).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The inputs of a one-file bundle of `entry`, and the modules it leaves to be imported at the top. */
async function bundleOf(entry: string): Promise<{ inputs: string[]; imports: string[] }> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
    outfile: join(ROOT, '.tmp/bundle-graph.mjs'),
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const imports = output.imports
    .filter((imported) => imported.external && imported.kind === 'import-statement')
    .map((imported) => imported.path)
    .filter((path) => !path.startsWith('@aws-sdk/'));
  return { inputs: Object.keys(result.metafile.inputs), imports };
}

describe.each(['src/lambda/index.ts', 'src/function/index.ts'])('the bundle of %s', (entry) => {
  let built: ReturnType<typeof bundleOf> | undefined;
  const bundle = () => (built ??= bundleOf(entry));

  it('holds no zod and no CLI code', async () => {
    const { inputs } = await bundle();
    expect(inputs).toContain('src/parse/index.ts');
    expect(inputs).toContain('src/policy/load.ts');
    expect(inputs.filter((input) => /node_modules\/zod\//.test(input))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('src/cli/'))).toEqual([]);
  });

  it('imports no built-in but node:module at the top, not node:crypto', async () => {
    const { imports } = await bundle();
    expect(imports.filter((path) => /^(node:)?crypto$/.test(path))).toEqual([]);
    expect(imports.filter((path) => !/^(node:)?module$/.test(path))).toEqual([]);
  });
});
