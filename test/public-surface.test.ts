/**
 * A small root: the built root declarations export at most 90 names, at most 35 of them values;
 * specialists live on subpaths. Read from `dist/` as users get it (`npm test` builds first).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The names a built declaration file exports, and which of them are values. */
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
  const built = join(ROOT, 'dist/index.d.ts');

  it('is built', () => {
    expect(existsSync(built), 'run npm run build (npm test does)').toBe(true);
  });

  it('exports at most 90 names from the root, at most 35 of them values', () => {
    const { names, values } = exportsOf(built);
    expect(names.length, names.join(', ')).toBeLessThanOrEqual(90);
    expect(values.length, values.join(', ')).toBeLessThanOrEqual(35);
  });

  it('keeps schemas, stores, filter internals and Slack helpers off the root', () => {
    const { names } = exportsOf(built);
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
    expect(exportsOf(join(ROOT, 'dist/schemas.d.ts')).names).toContain('TaskStateChangeSchema');
    expect(exportsOf(join(ROOT, 'dist/state.d.ts')).names).toContain('MemoryStateStore');
  });
});
