import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT } from './fixture.js';

/** The consumer Lambda bundled as a user would ship it. */
export interface ConsumerBundle {
  /** The Lambda bundle (`bench/consumer/handler.ts`). */
  readonly handlerPath: string;
  /** Its size, minified. */
  readonly bytes: number;
  /** Its size, minified and gzipped (level 9). */
  readonly gzipBytes: number;
  /** The same handler with the cold-start runner around it (`bench/consumer/first-payload.ts`). */
  readonly firstPayloadPath: string;
  /** The bare start to compare with: an ES module like the bundle that only prints a line. */
  readonly barePath: string;
}

/**
 * Bundles the consumer Lambda with esbuild (minified, Node target, ESM) from the built package,
 * as `npm run build` left it in `dist/`, and measures its gzipped size.
 */
export async function bundleConsumer(): Promise<ConsumerBundle> {
  const outdir = mkdtempSync(join(tmpdir(), 'ecs-slack-bench-'));
  await build({
    entryPoints: {
      handler: join(ROOT, 'bench/consumer/handler.ts'),
      'first-payload': join(ROOT, 'bench/consumer/first-payload.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
  });
  const handlerPath = join(outdir, 'handler.mjs');
  const code = readFileSync(handlerPath);
  const barePath = join(outdir, 'bare.mjs');
  writeFileSync(barePath, 'process.stdout.write("{}\\n");\n');
  return {
    handlerPath,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    firstPayloadPath: join(outdir, 'first-payload.mjs'),
    barePath,
  };
}
