/**
 * What the consumer Lambda's bundle holds (issue 18): esbuild bundles `ecs-slack/lambda` and
 * `ecs-slack/function` from source as a user's build would (one file, `@aws-sdk/*` external),
 * and neither may reach zod (parsing, policies and silences are checked by zod-free code; a lazy
 * `import()` would be inlined in a one-file bundle, so no import at all) nor the CLI.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The inputs of a one-file bundle of `entry`, as esbuild's metafile lists them. */
async function inputsOf(entry: string): Promise<string[]> {
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
  });
  return Object.keys(result.metafile.inputs);
}

describe.each(['src/lambda/index.ts', 'src/function/index.ts'])('the bundle of %s', (entry) => {
  it('holds no zod and no CLI code', async () => {
    const inputs = await inputsOf(entry);
    expect(inputs).toContain('src/parse/index.ts');
    expect(inputs).toContain('src/policy/load.ts');
    expect(inputs.filter((input) => /node_modules\/zod\//.test(input))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('src/cli/'))).toEqual([]);
  });
});
