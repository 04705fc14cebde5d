/**
 * The house plan, enforced: imports in src/ run one way (events -> unwrap -> parse -> classify ->
 * state -> filter/policy -> render -> deliver -> pipeline -> lambda/cli, subpaths on top), with
 * no cycle, and nothing in src/ imports test/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** Each part of src/ and its layer: a part may import its own layer and those below. */
const LAYERS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ['internal', 'errors.ts']],
  [1, ['events']],
  [2, ['unwrap']],
  [3, ['parse']],
  [4, ['classify']],
  [5, ['state']],
  [6, ['filter', 'policy']],
  [7, ['patterns']],
  [8, ['render']],
  [9, ['deliver']],
  // aws reads no higher than render (it loads the AWS SDK only when it enriches), so the Lambda
  // handler can create an enricher for `createHandler({ enrich: true })`; the pipeline takes one
  // as a function (the Enricher type lives in render) and never imports aws.
  [10, ['pipeline', 'aws']],
  [11, ['lambda', 'index.ts', 'schemas.ts', 'slack.ts']],
  [12, ['amazon-q', 'dynamodb', 'slack-actions', 'cdk', 'function']],
  // The binary sits on everything: its silence command reads the DynamoDB table.
  [13, ['cli']],
];

/** Parts that must not import each other although their layers allow it. */
const APART: ReadonlyArray<readonly [string, string]> = [
  ['deliver', 'filter'],
  ['pipeline', 'aws'],
  ['aws', 'pipeline'],
];

function partOf(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

function layerOf(part: string): number {
  const found = LAYERS.find(([, parts]) => parts.includes(part));
  if (found === undefined) throw new Error(`src/${part} has no layer in test/architecture.test.ts`);
  return found[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The src/ files a file imports (type-only imports too: they tie the layers as much). */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specs = [...code.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
  return specs.map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('the layers of src/', () => {
  it('import downward only; deliver never reaches filter, nor pipeline aws', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = partOf(file);
      for (const target of targets) {
        if (!target.startsWith(SRC)) continue;
        const to = partOf(target);
        if (from === to) continue;
        if (layerOf(to) > layerOf(from)) upward.push(`${relative(ROOT, file)} -> ${relative(ROOT, target)}`);
        if (APART.some(([a, b]) => a === from && b === to))
          upward.push(`${relative(ROOT, file)} -> ${relative(ROOT, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('never import test/ or anything outside src/ but package.json', () => {
    const outside = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => !target.startsWith(SRC) && !target.endsWith('package.json'))
        .map((target) => `${relative(ROOT, file)} -> ${relative(ROOT, target)}`),
    );
    expect(outside).toEqual([]);
  });

  it('have no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push(
          path
            .slice(path.indexOf(file))
            .concat(file)
            .map((f) => relative(SRC, f))
            .join(' -> '),
        );
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) if (graph.has(target)) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
