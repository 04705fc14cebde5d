/**
 * The `@example` blocks of exported symbols say what the code does:
 *
 * - every `import` from an `ecs-slack` path names an export of that entry point;
 * - a self-contained example (each name it uses comes from the package, its own imports or the
 *   platform) type-checks against the sources, runs, and each `expression; // value` line, or
 *   `console.log(...); // value`, gives that value.
 *
 * Examples that use names of their own context (`event`, `context`, `sender`) are only checked
 * for their imports; the count of those run is held so a change cannot quietly stop running them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect, isDeepStrictEqual } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ENTRY_FILES } from '../helpers/entry-points.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Example {
  /** `src/file.ts:line name`. */
  readonly where: string;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The `@example` code blocks of exported declarations that are not `@internal`. */
function examples(): Example[] {
  const found: Example[] = [];
  const declaration =
    /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*export\s+(?:declare\s+|async\s+|abstract\s+)*(?:function|class|const|let|interface|type)\s+(\w+)/g;
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(declaration)) {
      const doc = match[1] ?? '';
      if (doc.includes('@internal')) continue;
      const line = source.slice(0, match.index).split('\n').length;
      for (const block of doc.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
        const code = (block[1] ?? '')
          .split('\n')
          .map((l) => l.replace(/^\s*\* ?/, ''))
          .join('\n');
        found.push({ where: `${relative(ROOT, file)}:${line} ${match[2]}`, code });
      }
    }
  }
  return found;
}

const IMPORT = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';?$/gm;

/** The names an import list brings in (`a`, `type B`, `c as d` gives `a`, `B`, `d`). */
function importedNames(list: string): Array<{ name: string; local: string }> {
  return list
    .split(',')
    .map((part) => part.trim().replace(/^type\s+/, ''))
    .filter((part) => part !== '')
    .map((part) => {
      const [name = '', local = name] = part.split(/\s+as\s+/);
      return { name, local };
    });
}

/** Every name each entry point exports (types included), from the sources. */
function entryExports(): Map<string, Set<string>> {
  const program = ts.createProgram(
    Object.values(ENTRY_FILES).map((f) => join(ROOT, f)),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const result = new Map<string, Set<string>>();
  for (const [specifier, file] of Object.entries(ENTRY_FILES)) {
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(join(ROOT, file))!);
    result.set(specifier, new Set(symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((s) => s.name)));
  }
  return result;
}

/** The names an example declares at its top level: constants, functions and (unless told not to) its imports. */
function declaredNames(code: string, withImports = true): Set<string> {
  const names = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022).statements) {
    if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) bind(d.name);
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
      names.add(statement.name.text);
    else if (withImports && ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings !== undefined && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text);
    }
  }
  return names;
}

/** An example as a module of its own: its imports pointed at the sources, and every other package name in scope. */
function asModule(example: Example, exported: Map<string, Set<string>>): string {
  const own = declaredNames(example.code);
  const body = example.code.replace(IMPORT, (line, type: string | undefined, list: string, from: string) => {
    const file = ENTRY_FILES[from];
    return file === undefined
      ? line
      : `import ${type ?? ''}{${list}} from '${join(ROOT, file.replace(/\.ts$/, '.js'))}';`;
  });
  const prelude: string[] = [];
  const taken = new Set(own);
  for (const [specifier, names] of exported) {
    const mine = [...names].filter((name) => !taken.has(name));
    for (const name of mine) taken.add(name);
    if (mine.length > 0)
      prelude.push(
        `import { ${mine.join(', ')} } from '${join(ROOT, ENTRY_FILES[specifier]!.replace(/\.ts$/, '.js'))}';`,
      );
  }
  return `${prelude.join('\n')}\n${body}\nexport {};\n`;
}

/** Type-checks the examples together; each one's diagnostics, by index. */
function typeCheck(modules: readonly string[]): string[][] {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    // No DOM: a browser global (`event`, `name`) must not stand in for a name the example lacks.
    lib: ['lib.es2022.d.ts'],
  };
  const names = modules.map((_, i) => join(ROOT, 'test', 'docs', `__example-${i}.ts`));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) => {
    const index = names.indexOf(file);
    return index === -1 ? getSourceFile(file, language) : ts.createSourceFile(file, modules[index]!, language);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => names.includes(file) || fileExists(file);
  const program = ts.createProgram(names, options, host);
  return names.map((file) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => `${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
  );
}

/** The value a trailing comment states, when it is a literal: `// 'text'`, `// 600`, `// ["a"]`. */
function statedValue(comment: string): { value: unknown } | undefined {
  const text = comment.trim();
  if (!/^(['"`[{\-\d]|true\b|false\b|null\b|undefined\b)/.test(text)) return undefined;
  try {
    return { value: new Function(`return (${text});`)() };
  } catch {
    return undefined;
  }
}

type Check = { line: number; kind: 'value' | 'printed'; expected: unknown };

/** The example as the body of an async function, each stated value checked by `__check(index, actual)`. */
function runnable(example: Example): {
  source: string;
  checks: Check[];
  imports: Array<{ from: string; name: string; local: string }>;
} {
  const checks: Check[] = [];
  /** `expression` as a check of the stated value: printed, for `console.log(...)`. */
  const checked = (code: string, line: number, expected: unknown): string => {
    const printed = /^\s*console\.log\((?<args>.*)\)$/.exec(code);
    checks.push({ line, kind: printed === null ? 'value' : 'printed', expected });
    return printed?.groups === undefined
      ? `__check(${checks.length - 1}, (${code}));`
      : `__check(${checks.length - 1}, __print(${printed.groups.args}));`;
  };
  const lines: string[] = [];
  for (const [index, line] of example.code.split('\n').entries()) {
    // `expression; // value`
    const trailing = /^(?<code>(?!\s*\/\/).*?);\s*\/\/\s*(?<comment>.+)$/.exec(line)?.groups;
    const stated = trailing === undefined ? undefined : statedValue(trailing.comment!);
    if (trailing !== undefined && stated !== undefined) {
      lines.push(checked(trailing.code!, index + 1, stated.value));
      continue;
    }
    // `expression;` then `// value` on a line of its own
    const alone = /^\s*\/\/\s*(?<comment>.+)$/.exec(line)?.groups;
    const value = alone === undefined ? undefined : statedValue(alone.comment!);
    const previous = /^(?<code>(?!\s*(?:(?:const|let|if|for|await|return)\b|\}|\/\/)).*);$/.exec(
      lines.at(-1) ?? '',
    )?.groups;
    if (value !== undefined && previous !== undefined) {
      lines[lines.length - 1] = checked(previous.code!, index, value.value);
      continue;
    }
    lines.push(line);
  }
  // Imports are taken out: ecs-slack's names come from the scope, other packages' from `imports`.
  const imports: Array<{ from: string; name: string; local: string }> = [];
  const module = lines
    .join('\n')
    .replace(IMPORT, (_, _type, list: string, from: string) => {
      if (!from.startsWith('ecs-slack')) for (const binding of importedNames(list)) imports.push({ from, ...binding });
      return '';
    })
    .replace(/^export\s+/gm, '');
  const js = ts.transpileModule(module, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return { source: js.replace(/^export \{\};?\s*$/m, ''), checks, imports };
}

describe('@example blocks of exported symbols', async () => {
  const all = examples();
  const exported = entryExports();
  const modules = all.map((example) => asModule(example, exported));
  const diagnostics = typeCheck(modules);
  // Self-contained: no name is missing. Such an example must type-check and run.
  // (Cannot find name, did you mean, no value for a shorthand property.)
  const selfContained = all.filter((_, i) => !diagnostics[i]!.some((d) => /^(2304|2552|2582|18004):/.test(d)));
  const scope = new Map<string, unknown>();
  for (const file of Object.values(ENTRY_FILES)) {
    const module = (await import(join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (!scope.has(name)) scope.set(name, value);
  }

  it('finds them', () => {
    expect(all.length).toBeGreaterThan(80);
  });

  it('import only what their entry point exports', () => {
    const wrong: string[] = [];
    for (const { where, code } of all) {
      for (const match of code.matchAll(IMPORT)) {
        const from = match[3] ?? '';
        if (!from.startsWith('ecs-slack')) continue;
        const names = exported.get(from);
        if (names === undefined) wrong.push(`${where}: ${from} is not an entry point`);
        else
          for (const { name } of importedNames(match[2] ?? ''))
            if (!names.has(name)) wrong.push(`${where}: ${name} is not exported by ${from}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('that are self-contained type-check', () => {
    const failing = all.flatMap((example, i) =>
      selfContained.includes(example) && diagnostics[i]!.length > 0
        ? [`${example.where}: ${diagnostics[i]!.join('; ')}`]
        : [],
    );
    expect(failing).toEqual([]);
    expect(selfContained.length).toBeGreaterThanOrEqual(30);
  });

  it('that are self-contained run, and give the values their comments state', async () => {
    const wrong: string[] = [];
    let stated = 0;
    // A construct bundles its function with esbuild in a child process, which a test worker
    // cannot give its stdio: `npm run check:infra` synthesizes those (examples/infra-check).
    for (const example of selfContained.filter((e) => !e.code.includes("from 'aws-cdk-lib"))) {
      const { source, checks, imports } = runnable(example);
      const imported = new Map<string, unknown>();
      for (const { from, name, local } of imports)
        imported.set(local, ((await import(from)) as Record<string, unknown>)[name]);
      stated += checks.length;
      const check = (index: number, actual: unknown): void => {
        const { line, expected } = checks[index]!;
        if (!isDeepStrictEqual(actual, expected))
          wrong.push(`${example.where}, line ${line}: states ${inspect(expected)}, gives ${inspect(actual)}`);
      };
      const print = (...args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
      // Imports from ecs-slack are dropped from the source: their names come from the scope.
      const own = declaredNames(example.code.replace(/^import .* from 'ecs-slack[^']*';?$/gm, ''));
      const names = [...scope.keys()].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && !own.has(name));
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
        ...args: string[]
      ) => (...values: unknown[]) => Promise<void>;
      // What an example prints stays out of the test's output.
      const quiet = { ...console, log: print, warn: print, error: print, info: print };
      const run = new AsyncFunction('__check', '__print', 'console', ...imported.keys(), ...names, source);
      try {
        await run(check, print, quiet, ...imported.values(), ...names.map((name) => scope.get(name)));
      } catch (error) {
        wrong.push(`${example.where}: throws ${String(error)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(stated).toBeGreaterThanOrEqual(15);
  });
});
