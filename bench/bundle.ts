import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { ROOT } from './fixture.js';

/** The consumer Lambda bundled as a user would ship it. */
export interface ConsumerBundle {
  /** The Lambda bundle (`bench/consumer/handler.ts`). */
  readonly handlerPath: string;
  /** Its size, minified. */
  readonly bytes: number;
  /** Its size, minified and gzipped (level 9). */
  readonly gzipBytes: number;
  /** Minified bytes per part of the package (`src/classify`, `zod`, ...), largest first. */
  readonly parts: ReadonlyArray<readonly [string, number]>;
  /** The same handler with the cold-start runner around it (`bench/consumer/first-payload.ts`). */
  readonly firstPayloadPath: string;
  /** The bare start to compare with: an ES module like the bundle that only prints a line. */
  readonly barePath: string;
  /**
   * Gzipped sizes of two smaller Lambdas bundled the same way, for comparison (no budget):
   * `core` parses, classifies, renders and posts (`bench/consumer/core.ts`); `webhook` is
   * `createHandler` with the alerts preset and a webhook (`bench/consumer/webhook.ts`).
   */
  readonly compared: { readonly core: number; readonly webhook: number };
}

/** `dist/chunk-X.js` and `node_modules/zod/v4/core/x.js` as the part they belong to. */
function partOf(input: string, sources: Map<string, string>): string {
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (module) return module[1]!;
  return sources.get(input) ?? input;
}

/**
 * Bundles the consumer Lambda with esbuild (minified, Node target, ESM, `@aws-sdk/*` external
 * as the Lambda runtime provides it) from the built package, as `npm run build` left it in
 * `dist/`, and measures its gzipped size. The parts are read from the source maps of `dist/`.
 */
export async function bundleConsumer(): Promise<ConsumerBundle> {
  const outdir = mkdtempSync(join(tmpdir(), 'ecs-slack-bench-'));
  const result = await build({
    entryPoints: {
      handler: join(ROOT, 'bench/consumer/handler.ts'),
      'first-payload': join(ROOT, 'bench/consumer/first-payload.ts'),
      core: join(ROOT, 'bench/consumer/core.ts'),
      webhook: join(ROOT, 'bench/consumer/webhook.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['@aws-sdk/*'],
    metafile: true,
    logLevel: 'error',
  });
  const handlerPath = join(outdir, 'handler.mjs');
  const code = readFileSync(handlerPath);
  const gzipped = (name: string) => gzipSync(readFileSync(join(outdir, `${name}.mjs`)), { level: 9 }).length;
  const barePath = join(outdir, 'bare.mjs');
  writeFileSync(barePath, 'process.stdout.write("{}\\n");\n');
  return {
    handlerPath,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    parts: parts(result.metafile, handlerPath),
    firstPayloadPath: join(outdir, 'first-payload.mjs'),
    barePath,
    compared: { core: gzipped('core'), webhook: gzipped('webhook') },
  };
}

/**
 * Minified bytes of the bundle per part: a `dist/` chunk is split between the `src/` folders its
 * source map names, in proportion to their source length (an estimate, good to a kilobyte).
 */
function parts(metafile: Metafile, handlerPath: string): Array<readonly [string, number]> {
  const output = Object.entries(metafile.outputs).find(([path]) => handlerPath.endsWith(path.split('/').pop()!));
  const totals = new Map<string, number>();
  const add = (part: string, bytes: number) => totals.set(part, (totals.get(part) ?? 0) + bytes);
  for (const [input, { bytesInOutput }] of Object.entries(output?.[1].inputs ?? {})) {
    if (bytesInOutput === 0) continue;
    if (!input.startsWith('dist/')) {
      add(partOf(input, new Map()), bytesInOutput);
      continue;
    }
    const map = JSON.parse(readFileSync(join(ROOT, `${input}.map`), 'utf8')) as {
      sources: string[];
      sourcesContent?: string[];
    };
    const lengths = map.sources.map((source, i) => {
      const folder = /src\/([^/]+)/.exec(source)?.[1];
      return [
        folder === undefined ? 'other' : `src/${folder.replace(/\.ts$/, '')}`,
        map.sourcesContent?.[i]?.length ?? 1,
      ] as const;
    });
    const sum = lengths.reduce((total, [, length]) => total + length, 0);
    for (const [part, length] of lengths) add(part, (bytesInOutput * length) / sum);
  }
  return [...totals].map(([part, bytes]) => [part, Math.round(bytes)] as const).sort((a, b) => b[1] - a[1]);
}
