/**
 * A small root: the root entry exports at most 90 names, at most 35 of them values; specialists
 * live on subpaths. Read from the entries in `src/` with the type checker: the declarations tsup
 * bundles into `dist/` export the same names (CI type-checks the examples against those, and
 * are-the-types-wrong and the packed-tarball smoke test read them).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The names an entry exports, and which of them are values. */
function exportsOf(file: string): { names: string[]; values: string[] } {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${file}: not a module`);
  const symbols = checker.getExportsOfModule(module);
  const isValue = (symbol: ts.Symbol): boolean => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return (target.flags & ts.SymbolFlags.Value) !== 0;
  };
  return {
    names: symbols.map((s) => s.name).sort(),
    values: symbols
      .filter(isValue)
      .map((s) => s.name)
      .sort(),
  };
}

describe('the public surface', () => {
  const root = join(ROOT, 'src/index.ts');

  it('exports at most 90 names from the root, at most 35 of them values', () => {
    const { names, values } = exportsOf(root);
    expect(names.length, names.join(', ')).toBeLessThanOrEqual(90);
    expect(values.length, values.join(', ')).toBeLessThanOrEqual(35);
  });

  it('keeps schemas, stores, filter internals and Slack helpers off the root', () => {
    const { names } = exportsOf(root);
    for (const name of [
      'TaskStateChangeSchema',
      'unwrap',
      'MemoryStateStore',
      'FILTER_PRESETS',
      'escapeText',
      'eventPattern',
    ]) {
      expect(names).not.toContain(name);
    }
    expect(exportsOf(join(ROOT, 'src/schemas.ts')).names).toContain('TaskStateChangeSchema');
    expect(exportsOf(join(ROOT, 'src/state/index.ts')).names).toContain('MemoryStateStore');
  });
});
